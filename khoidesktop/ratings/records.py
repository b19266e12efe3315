"""The yearly rating: who is rated (and why not), saving a member's rating with the rule set's checks,
the cell's own level, and the year's figures (counts and shares per level, the cap on excellence)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.limits import TEXT_LIMITS
from khoidesktop.domain.names import lowercase_first, normalize_text
from khoidesktop.domain.rating_rules import (
    AUTOMATIC,
    DISCIPLINE_LEVELS_COUNTED,
    EXCLUSIONS,
    LEVEL_ORDER,
    LEVELS,
    RuleSet,
    TaskFacts,
    automatic_grounds,
    cap_level,
    excellent_allowed,
    highest_level_allowed,
    level_due,
    level_for_score,
    level_label,
    rating_date_problem,
    rule_set_for,
)
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_number
from khoidesktop.members.history import facts, status_on_date
from khoidesktop.members.structure import ListedMember, iter_statuses_on, statuses_on_days
from khoidesktop.ratings.figures import YearFigures
from khoidesktop.store import audit
from khoidesktop.store.models import MemberEvent, Rating, RatingYear


def default_rating_date(year: int) -> date:
    return date(year, 12, 15)


def year_settings(session: Session, year: int) -> RatingYear:
    """The year's settings (not written until the user changes them)."""
    found = session.get(RatingYear, year)
    return found or RatingYear(
        year=year,
        rating_date=default_rating_date(year),
        cap_percent=rule_set_for(year).cap_percent,
        cell_level=None,
        cell_notes="",
    )


@dataclass(slots=True)
class RatingRow:
    member: ListedMember
    exclusion: str | None  # EXCLUSIONS code: not rated, and why
    automatic: list[str]  # AUTOMATIC codes: the level must be KHTNV
    rating: Rating | None
    flags: list[str] = field(default_factory=list)  # what the secretary should look at again
    disciplined: bool = False  # at reprimand or above in the year (a ground for KHTNV unless self-reported)

    @property
    def level(self) -> str | None:
        return self.rating.level if self.rating else None


def _exclusion(member: ListedMember, events: list[MemberEvent], on: date, months: int) -> str | None:
    status = status_on_date(facts(events), member, on)
    if status in ("exempt", "suspended"):
        return status
    if member.admitted_on is not None and member.admitted_on > _months_before(on, months):
        return "recent"
    return None


def _months_before(day: date, months: int) -> date:
    import calendar

    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _disciplined(events: list[MemberEvent], year: int) -> bool:
    return any(
        e.kind == "discipline" and e.level in DISCIPLINE_LEVELS_COUNTED and e.on_date.year == year for e in events
    )


def grounds_of(values: RatingInput | Rating | None, disciplined: bool) -> list[str]:
    """The automatic KHTNV grounds that stand for a rating as entered (AUTOMATIC)."""
    found = ["discipline"] if disciplined else []
    if values is not None and values.violation:
        found.append("violation")
    if values is not None and values.tasks_mostly_undone:
        found.append("tasks")
    if values is not None and values.degradation:
        found.append("degradation")
    return automatic_grounds(found, values is not None and values.fault_self_reported)


def task_facts(values: RatingInput | Rating) -> TaskFacts:
    return TaskFacts(
        values.all_on_time,
        values.exceeding_percent,
        values.all_done,
        values.late_percent,
        values.shortcomings_remedied,
    )


def due_level(rules: RuleSet, values: RatingInput, disciplined: bool) -> str | None:
    """The level the rules give a rating as entered: domain.rating_rules.level_due, the one rule the grid and the
    dialog show as it is typed and the check on save applies (flags_for)."""
    return level_due(rules, values.score, task_facts(values), grounds_of(values, disciplined))


def flags_for(year: int, rating: Rating | None, automatic: list[str]) -> list[str]:
    if rating is None or rating.level is None:
        return [_("Not rated yet.")]
    rules, found = rule_set_for(year), []
    if automatic and rating.level != "KHTNV":
        found.append(
            _("Must be rated “{level}”: {reason}.").format(
                level=level_label("KHTNV"), reason="; ".join(lowercase_first(_(AUTOMATIC[c])) for c in automatic)
            )
        )
    if rules.scored and rating.score is not None and not automatic:
        facts = task_facts(rating)
        due = level_due(rules, rating.score, facts)  # the same rule as the grid and the dialog show
        ceiling = highest_level_allowed(rules, facts)
        if due is not None and due != rating.level and cap_level(rating.level, ceiling) == rating.level:
            if due == level_for_score(rules, rating.score):
                message = _("The score {score} corresponds to “{level}”.")
            else:
                message = _("The score {score} and the tasks' results give “{level}”.")
            found.append(message.format(score=format_number(rating.score), level=_(LEVELS[due])))
        if cap_level(rating.level, ceiling) != rating.level:
            if ceiling == "HTTNV" and not rating.shortcomings_remedied and rules.excellent_needs_remedied:
                found.append(
                    _("“{level}” needs every shortcoming found at the previous review remedied.").format(
                        level=_(LEVELS["HTXSNV"])
                    )
                )
            else:
                found.append(_("The tasks' results allow at most “{level}”.").format(level=_(LEVELS[ceiling])))
    elif rules.scored and rating.score is None:
        found.append(_("The score is missing ({regulation} rates with a score).").format(regulation=rules.regulation))
    return found


def rating_rows(session: Session, year: int) -> list[RatingRow]:
    """Who is on the year's list on its rating date (not rated: why), with their rating and what to check."""
    return list(iter_rating_rows(session, year))


def iter_rating_rows(session: Session, year: int, flags: bool = True) -> Iterator[RatingRow]:
    """rating_rows one at a time, for a count that keeps none of them (`flags=False`: what to check is not made)."""
    settings, months = year_settings(session, year), rule_set_for(year).recent_months
    ratings = {r.member_id: r for r in session.scalars(select(Rating).where(Rating.year == year))}
    events = _histories(session)
    for member, _status in iter_statuses_on(session, settings.rating_date):
        yield _rating_row(member, (year, settings.rating_date, months), ratings.get(member.id), events, flags)


def rating_rows_of_years(session: Session, years: list[int]) -> dict[int, list[RatingRow]]:
    """Each year's rating_rows without what to check (the overview's five years): the members, their history and
    the ratings read once for all the years."""
    days = {year: year_settings(session, year).rating_date for year in years}
    months = {year: rule_set_for(year).recent_months for year in years}
    ratings: dict[int, dict[int, Rating]] = defaultdict(dict)
    for rating in session.scalars(select(Rating).where(Rating.year.in_(years))):
        ratings[rating.year][rating.member_id] = rating
    events, on_days = _histories(session), statuses_on_days(session, set(days.values()))
    return {
        year: [
            _rating_row(member, (year, days[year], months[year]), ratings[year].get(member.id), events, flags=False)
            for member, _status in on_days[days[year]]
        ]
        for year in years
    }


def _histories(session: Session) -> dict[int, list[MemberEvent]]:
    events: dict[int, list[MemberEvent]] = defaultdict(list)  # one query for every member's history
    for event in session.scalars(select(MemberEvent).order_by(MemberEvent.on_date, MemberEvent.id)):
        events[event.member_id].append(event)
    return events


def _rating_row(
    member: ListedMember,
    when: tuple[int, date, int],  # the year, its rating date, and its rules' recent months
    rating: Rating | None,
    events: dict[int, list[MemberEvent]],
    flags: bool,
) -> RatingRow:
    year, rating_date, recent_months = when
    history = events.get(member.id, [])
    exclusion = _exclusion(member, history, rating_date, recent_months)
    disciplined = _disciplined(history, year)
    automatic = [] if exclusion else grounds_of(rating, disciplined)
    found = flags_for(year, rating, automatic) if flags and not exclusion else []
    return RatingRow(member, exclusion, automatic, rating, found, disciplined)


@dataclass(frozen=True)
class RatingInput:
    self_level: str | None = None
    self_score: float | None = None
    level: str | None = None
    score: float | None = None
    all_on_time: bool = True
    exceeding_percent: float = 0
    all_done: bool = True
    late_percent: float = 0
    tasks_mostly_undone: bool = False
    degradation: bool = False
    notes: str = ""
    shortcomings_remedied: bool = True
    violation: bool = False
    fault_self_reported: bool = False

    @classmethod
    def of(cls, rating: Rating) -> RatingInput:
        """What a saved rating holds, to change part of it."""
        return cls(**{name: getattr(rating, name) for name in cls.__dataclass_fields__})


def problems(year: int, values: RatingInput) -> list[str]:
    rules, found = rule_set_for(year), []
    for name in ("self_level", "level"):
        if getattr(values, name) is not None and getattr(values, name) not in LEVELS:
            found.append(_("“{value}” is not a rating level.").format(value=getattr(values, name)))
    for score in (values.self_score, values.score):
        if score is not None and not 0 <= score <= 100:
            found.append(_("A score is between 0 and 100."))
    if not rules.scored and (values.score is not None or values.self_score is not None):
        found.append(
            _("{regulation} rates without a score: leave the score empty.").format(regulation=rules.regulation)
        )
    for share in (values.exceeding_percent, values.late_percent):
        if not 0 <= share <= 100:
            found.append(_("A share of tasks is between 0 and 100%."))
    if len(values.notes) > TEXT_LIMITS["notes"]:
        found.append(
            _("The notes are {n} characters long; they may have at most {most}.").format(
                n=len(values.notes), most=TEXT_LIMITS["notes"]
            )
        )
    return found


def save_rating(
    session: Session,
    year: int,
    member_id: int,
    values: RatingInput,
    *,
    now: datetime,
    actor: str,
    row: RatingRow | None = None,
) -> Rating:
    """Save a member's rating (`row`: the member's line of rating_rows, when the caller already has it)."""
    row = row or next((r for r in rating_rows(session, year) if r.member.id == member_id), None)
    if row is None:
        raise ValidationError(_("This member is not in the cell's list on the rating date."))
    if row.exclusion:
        raise ValidationError(
            _("{name} is not rated this year: {reason}.").format(
                name=row.member.full_name, reason=lowercase_first(_(EXCLUSIONS[row.exclusion]))
            )
        )
    found = problems(year, values)
    if found:
        raise ValidationError(" ".join(found))
    rating = row.rating or Rating(year=year, member_id=member_id, updated_at=now)
    for name, value in values.__dict__.items():
        setattr(rating, name, normalize_text(value) if isinstance(value, str) else value)
    rating.updated_at = now
    session.add(rating)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        action="update" if row.rating else "create",
        entity="rating",
        entity_id=rating.id,
        changes={"level": (row.level, values.level)},
    )
    return rating


def save_year(
    session: Session,
    year: int,
    *,
    rating_date: date,
    cap_percent: int,
    cell_level: str | None,
    cell_notes: str,
    now: datetime,
    actor: str,
) -> RatingYear:
    rules = rule_set_for(year)
    problem = rating_date_problem(rules, year, rating_date)
    if problem:
        raise ValidationError(problem)
    if not rules.cap_percent <= cap_percent <= rules.cap_percent_max:
        raise ValidationError(
            _("{regulation} allows a cap between {low}% and {high}%.").format(
                regulation=rules.regulation, low=rules.cap_percent, high=rules.cap_percent_max
            )
        )
    if cell_level is not None and cell_level not in LEVELS:
        raise ValidationError(_("“{value}” is not a rating level.").format(value=cell_level))
    settings = session.get(RatingYear, year) or RatingYear(year=year)
    settings.rating_date, settings.cap_percent = rating_date, cap_percent
    settings.cell_level, settings.cell_notes, settings.updated_at = cell_level, normalize_text(cell_notes), now
    session.add(settings)
    audit.record(session, at=now, actor=actor, action="update", entity="rating_year", entity_id=year)
    return settings


def year_figures(session: Session, year: int, rows: list[RatingRow] | None = None) -> YearFigures:
    """The year's figures (`rows`: the year's rating_rows, when the caller has read them already)."""
    settings, rules = year_settings(session, year), rule_set_for(year)
    counts: Counter[str] = Counter()
    not_rated = []
    for r in iter_rating_rows(session, year, flags=False) if rows is None else rows:
        if r.exclusion:
            not_rated.append((r.member.full_name, _(EXCLUSIONS[r.exclusion])))
        elif r.level:
            counts[r.level] += 1
    levels = {level: counts[level] for level in LEVEL_ORDER}
    allowed = excellent_allowed(rules, levels, settings.cap_percent)
    return YearFigures(
        year,
        rules.regulation,
        sum(levels.values()),
        not_rated,
        levels,
        allowed,
        settings.cap_percent,
        settings.cell_level,
    )


def compare_years(
    session: Session, last_year: int, years: int = 5
) -> tuple[list[int], list[tuple[str, list[str | None]]], dict[int, dict[str, Any]]]:
    """Each member's levels over the last `years` years (members of the last year's list), and the cell's
    share per level per year (year → level → its "count" and "percent", as YearFigures.as_json gives them)."""
    span = rating_span(last_year, years)
    ratings = {(r.member_id, r.year): r.level for r in session.scalars(select(Rating).where(Rating.year.in_(span)))}
    rows = rating_rows(session, last_year)
    table = [(r.member.full_name, [ratings.get((r.member.id, y)) for y in span]) for r in rows]
    shares = {y: year_figures(session, y, rows if y == last_year else None).as_json()["levels"] for y in span}
    return span, table, shares


def rating_span(last_year: int, years: int = 5) -> list[int]:
    """The last `years` years up to `last_year` that have rating rules."""
    return [y for y in range(last_year - years + 1, last_year + 1) if _has_rules(y)]


def level_shares(session: Session, span: list[int]) -> dict[int, dict[str, Any]]:
    """compare_years' shares alone (the overview's chart): counted year by year, no member kept."""
    rows = rating_rows_of_years(session, span)
    return {y: year_figures(session, y, rows[y]).as_json()["levels"] for y in span}


def _has_rules(year: int) -> bool:
    try:
        rule_set_for(year)
    except ValueError:
        return False
    return True
