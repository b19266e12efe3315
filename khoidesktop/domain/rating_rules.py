"""Yearly rating of members (đánh giá, xếp loại chất lượng): each regulation is a rule set held as data,
with its number and the years it governs, so a past year re-opens as it was judged (DOMAIN.md, Rating)."""

from __future__ import annotations

from dataclasses import dataclass

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
AUTOMATIC = {
    "discipline": N_("Disciplined at reprimand or above this year"),
    "tasks": N_("More than half of the year's tasks not done"),
    "degradation": N_("Degradation found (suy thoái)"),
}
DISCIPLINE_LEVELS_COUNTED = ("reprimand", "warning", "dismissal", "expulsion")


@dataclass(frozen=True)
class RuleSet:
    code: str
    regulation: str  # the regulation's number and date, shown to the user
    first_year: int
    last_year: int | None
    scored: bool  # a score out of 100 decides the level
    thresholds: tuple[tuple[str, float], ...] = ()  # (level, lowest score), best first
    cap_percent: int = 20  # HTXSNV at most this share of those rated HTTNV or above …
    cap_percent_max: int = 20  # … which a committee may raise up to this
    recent_months: int = 6  # admitted less than this before the rating: not rated
    excellent_exceeding_percent: int = 0  # HTXSNV: every task on time and at least this share exceeding
    done_late_percent_max: int = 100  # HTNV: every task done, at most this share late

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet(
        "QD366",
        "Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW",
        2025,
        None,
        True,
        (("HTXSNV", 90), ("HTTNV", 70), ("HTNV", 50), ("KHTNV", 0)),
        20,
        25,
        6,
        30,
        20,
    ),
    RuleSet("QD124", "Quy định 124-QĐ/TW ngày 04/10/2023", 2023, 2024, False, (), 20, 20, 6),
    RuleSet("QD132", "Quy định 132-QĐ/TW ngày 08/3/2018", 2018, 2022, False, (), 20, 20, 6),
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


def excellent_allowed(rules: RuleSet, good_or_better: int, cap_percent: int | None = None) -> int:
    """How many HTXSNV the cap allows, counted on the members rated HTTNV or above."""
    percent = min(cap_percent or rules.cap_percent, rules.cap_percent_max)
    return (good_or_better * percent) // 100


@dataclass(frozen=True)
class TaskFacts:
    """What the rules ask beyond the score (QĐ 366): the program asks the secretary for these."""

    all_on_time: bool = True
    exceeding_percent: float = 0  # share of tasks exceeding the requirement
    all_done: bool = True
    late_percent: float = 0


def highest_level_allowed(rules: RuleSet, facts: TaskFacts) -> str:
    """A score alone is not enough: the best level the task facts allow."""
    if not rules.scored:
        return "HTXSNV"
    if facts.all_on_time and facts.exceeding_percent >= rules.excellent_exceeding_percent:
        return "HTXSNV"
    if facts.all_on_time:
        return "HTTNV"
    if facts.all_done and facts.late_percent <= rules.done_late_percent_max:
        return "HTNV"
    return "KHTNV"


def cap_level(level: str, ceiling: str) -> str:
    """The worse of a level and a ceiling."""
    return max(level, ceiling, key=LEVEL_ORDER.index)
