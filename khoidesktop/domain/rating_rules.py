"""Yearly rating of members (đánh giá, xếp loại chất lượng): each regulation is a rule set held as data,
with its number and the years it governs, so a past year re-opens as it was judged (DOMAIN.md, Rating)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from khoidesktop.i18n import N_, _

LEVELS = {
    "HTXSNV": N_("Excellently completed duties"),
    "HTTNV": N_("Well completed duties"),
    "HTNV": N_("Completed duties"),
    "KHTNV": N_("Did not complete duties"),
}
LEVEL_ORDER = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")

EXCLUSIONS = {
    "exempt": N_("Exempt from work and activities"),
    "suspended": N_("Activities suspended"),
    "recent": N_("Admitted less than 6 months before the rating"),
}
# The grounds on which a member is rated KHTNV whatever the score (QĐ 366; QĐ 124 and QĐ 132 worded them alike):
# disciplined in the year; "vi phạm những điều đảng viên không được làm", "vi phạm trách nhiệm nêu gương"; more than
# half of the year's tasks not done; degradation found. The cell confirms each one (they are flags, not verdicts).
AUTOMATIC = {
    "discipline": N_("Disciplined at reprimand or above this year"),
    "violation": N_("Violated what members must not do or the duty to set an example"),
    "tasks": N_("More than half of the year's tasks not done"),
    "degradation": N_("Degradation found (suy thoái)"),
}
# A fault the member reported and remedied in time is an exception the cell may record (DOMAIN.md, Rating): it lifts
# the grounds that are a fault, not those about the year's tasks or degradation.
EXCEPTED_WHEN_SELF_REPORTED = ("discipline", "violation")
DISCIPLINE_LEVELS_COUNTED = ("reprimand", "warning", "dismissal", "expulsion")


@dataclass(frozen=True)
class RuleSet:
    code: str
    regulation: str  # the regulation's number and date, shown to the user
    first_year: int
    last_year: int | None
    scored: bool  # a score out of 100 decides the level
    thresholds: tuple[tuple[str, float], ...] = ()  # (level, lowest score), best first
    # The excellence cap, as every rule set words it (QĐ 132, QĐ 124, QĐ 366): the members rated HTXSNV "không vượt
    # quá 20% tổng số … được xếp loại 'Hoàn thành tốt nhiệm vụ'", "do cấp có thẩm quyền xem xét, quyết định". The
    # base is the members rated HTTNV only (not HTTNV and above): 76 HTTNV allow at most 15 HTXSNV.
    cap_percent: int = 20  # HTXSNV at most this share of those rated in `cap_base` …
    cap_percent_max: int = 20  # … which a committee may raise up to this
    recent_months: int = 6  # admitted less than this before the rating: not rated
    excellent_exceeding_percent: int = 0  # HTXSNV: every task on time and at least this share exceeding
    # QĐ 366: HTXSNV also needs "các hạn chế, khuyết điểm được chỉ ra tại kỳ kiểm điểm trước" remedied
    excellent_needs_remedied: bool = False
    done_late_percent_max: int = 100  # HTNV: every task done, at most this share late
    rating_in_following_year: bool = True  # may the rating of year Y be held in Y+1 (QĐ 366 / HD 43: no)
    cap_base: tuple[str, ...] = ("HTTNV",)  # the levels the cap is counted on (see cap_percent)

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet(
        "QD366",
        "Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW",
        first_year=2025,
        last_year=None,
        scored=True,
        thresholds=(("HTXSNV", 90), ("HTTNV", 70), ("HTNV", 50), ("KHTNV", 0)),
        cap_percent=20,
        cap_percent_max=25,
        recent_months=6,
        excellent_exceeding_percent=30,
        excellent_needs_remedied=True,
        done_late_percent_max=20,
        rating_in_following_year=False,  # HD 43-HD/BTCTW: the rating of year Y ends before 31 December of Y
    ),
    RuleSet("QD124", "Quy định 124-QĐ/TW ngày 04/10/2023", first_year=2023, last_year=2024, scored=False),
    RuleSet("QD132", "Quy định 132-QĐ/TW ngày 08/3/2018", first_year=2018, last_year=2022, scored=False),
)


def level_label(code: str | None) -> str:
    """The Vietnamese name of a level code ("HTTNV" → "Hoàn thành tốt nhiệm vụ")."""
    return _(LEVELS[code]) if code in LEVELS else (code or "")


def rule_set_for(year: int) -> RuleSet:
    for rules in RULE_SETS:
        if rules.covers(year):
            return rules
    raise ValueError(f"no rating rule set covers {year}")


def level_for_score(rules: RuleSet, score: float) -> str | None:
    """The level a score reaches (None when the rule set has no score)."""
    for level, lowest in rules.thresholds:
        if score >= lowest:
            return level
    return None


CAP_RULE = N_(
    "the number rated “Excellently completed duties” does not exceed {cap}% of those rated “Well completed duties”"
)


def excellent_allowed(rules: RuleSet, levels: Mapping[str, int], cap_percent: int | None = None) -> int:
    """How many HTXSNV the cap allows: `cap_percent` (the committee's setting, within the rule set's bounds) of the
    members rated in the rule set's cap base, that is HTTNV (see RuleSet.cap_percent)."""
    percent = min(cap_percent or rules.cap_percent, rules.cap_percent_max)
    return (sum(levels.get(level, 0) for level in rules.cap_base) * percent) // 100


def rating_date_problem(rules: RuleSet, year: int, on: date) -> str | None:
    """Why a rating date cannot be that of `year` under its rule set (None when it can)."""
    if on.year == year or (on.year == year + 1 and rules.rating_in_following_year):
        return None
    if rules.rating_in_following_year:
        return _("The rating date of {year} must fall in {year} or early {next}.").format(year=year, next=year + 1)
    return _("Under {regulation} the rating of {year} ends before 31/12/{year}: choose a date in {year}.").format(
        regulation=rules.regulation, year=year
    )


@dataclass(frozen=True)
class TaskFacts:
    """What the rules ask beyond the score (QĐ 366): the program asks the secretary for these."""

    all_on_time: bool = True
    exceeding_percent: float = 0  # share of tasks exceeding the requirement
    all_done: bool = True
    late_percent: float = 0
    shortcomings_remedied: bool = True  # every shortcoming found at the previous review remedied


def highest_level_allowed(rules: RuleSet, facts: TaskFacts) -> str:
    """A score alone is not enough: the best level the task facts allow."""
    if not rules.scored:
        return "HTXSNV"
    remedied = facts.shortcomings_remedied or not rules.excellent_needs_remedied
    if facts.all_on_time and facts.exceeding_percent >= rules.excellent_exceeding_percent and remedied:
        return "HTXSNV"
    if facts.all_on_time:
        return "HTTNV"
    if facts.all_done and facts.late_percent <= rules.done_late_percent_max:
        return "HTNV"
    return "KHTNV"


def automatic_grounds(found: list[str], self_reported: bool) -> list[str]:
    """The automatic KHTNV grounds that stand once a self-reported fault remedied in time is taken into account."""
    return [g for g in found if not (self_reported and g in EXCEPTED_WHEN_SELF_REPORTED)]


def cap_level(level: str, ceiling: str) -> str:
    """The worse of a level and a ceiling."""
    return max(level, ceiling, key=LEVEL_ORDER.index)


def level_due(rules: RuleSet, score: float | None, facts: TaskFacts, grounds: Sequence[str] = ()) -> str | None:
    """The level the rules give a member, the one rule shown live (the rating grid, the rating dialog) and checked
    on save (ratings.records.flags_for): “Did not complete duties” on any automatic ground that stands (AUTOMATIC,
    after automatic_grounds); else the level the score reaches, no better than the task facts allow
    (highest_level_allowed: a fact such as a task done late caps it). None when there is nothing to go by: no
    ground, and no score or a rule set without one, or a score below every threshold."""
    if grounds:
        return "KHTNV"
    if not rules.scored or score is None:
        return None
    by_score = level_for_score(rules, score)
    return cap_level(by_score, highest_level_allowed(rules, facts)) if by_score is not None else None
