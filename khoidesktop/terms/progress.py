"""The figures of a term's targets, each year of the term and for the term so far, with the gap to the target.

A target the program can count takes its figure from the very functions the program's other figures come from —
never a second count: a cell's rating shares from `ratings.records.year_figures`, its admissions from
`members.structure.admitted_between` (what `stats recruitment` counts), its thematic meetings from
`meetings.stats.year_summary`; a level above the cells the same from `units.records.level_figures` (the sum of its
units' bundles) and its units' rated shares from `units.records.units_by_level`. The other targets take the
figures entered by hand (terms/records.py `set_value`).

The term so far: a count is the sum of its years; a share is the years taken together (the members rated
HTTNV or above in all the years over all those rated in them). A figure entered by hand for the whole term wins;
without one, a share entered by hand is the latest year's and a count the sum of the years'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import kind_of
from khoidesktop.i18n import percent
from khoidesktop.store.models import Term
from khoidesktop.terms.figures import CommitteeRow, Figure, TargetProgress, TermProgress

YearFigures = dict[str, Figure | None]


def _share(count: int, base: int) -> Figure | None:
    return Figure(percent(count, base), count, base) if base else None


def _cell_year(session: Session, year: int, today: date) -> YearFigures:
    from khoidesktop.meetings.stats import year_summary
    from khoidesktop.members.structure import admitted_between
    from khoidesktop.ratings.records import year_figures

    rated = year_figures(session, year)
    good = rated.levels["HTXSNV"] + rated.levels["HTTNV"]
    return {
        "members_good": _share(good, rated.rated),
        "members_excellent": _share(rated.levels["HTXSNV"], rated.rated),
        "admissions": Figure(admitted_between(session, year, year)),
        "thematic_meetings": Figure(sum(year_summary(session, year, today).thematic_held().values())),
    }


def _level_year(session: Session, year: int, today: date) -> YearFigures:
    from khoidesktop.domain.periods import Period
    from khoidesktop.units.records import level_figures, unit_rows, units_by_level

    period = Period(year)
    rows = unit_rows(session, period, today)
    figures = level_figures(session, period, rows)
    by_level = units_by_level(rows, year)
    rated_units = sum(n for level, n in by_level.levels.items() if level)
    sent = figures.units > 0
    units_good = by_level.levels["HTXSNV"] + by_level.levels["HTTNV"]
    return {
        "members_good": _share(figures.good_or_better(), figures.rated),
        "members_excellent": _share(figures.levels["HTXSNV"], figures.rated),
        "admissions": Figure(figures.admitted) if sent else None,
        "thematic_meetings": Figure(sum(figures.thematic_held.values())) if sent else None,
        "units_good": _share(units_good, by_level.units) if rated_units else None,
        "units_excellent": _share(by_level.levels["HTXSNV"], by_level.units) if rated_units else None,
    }


def _together(figures: list[Figure], unit: str) -> Figure | None:
    if not figures:
        return None
    if unit == "percent":
        return _share(sum(f.count or 0 for f in figures), sum(f.base or 0 for f in figures))
    return Figure(sum(f.value for f in figures))


def term_years(term: Term) -> list[int]:
    return list(range(term.starts_on.year, term.ends_on.year + 1))


def _year_source(session: Session) -> Callable[[Session, int, date], YearFigures]:
    return _level_year if kind_of(get_identity(session)).aggregates else _cell_year


def term_progress(session: Session, term: Term, on: date) -> TermProgress:
    """Each target of `term` with its figure per year (up to the year of `on`) and for the term so far."""
    from khoidesktop.terms.records import committee, entered_values, targets

    years = term_years(term)
    wanted = targets(session, term.id)
    year_of = _year_source(session)
    counted = {y: year_of(session, y, on) for y in years if y <= on.year} if any(t.computed for t in wanted) else {}
    found = []
    for target in wanted:
        if target.computed:
            per_year = {y: counted[y].get(target.computed) if y in counted else None for y in years}
            so_far = _together([f for f in per_year.values() if f is not None], target.unit)
        else:
            entered = entered_values(session, target.id)
            per_year = {y: Figure(entered[y]) if y in entered else None for y in years}
            whole = entered.get(None)
            so_far = Figure(whole) if whole is not None else None
            entered_years = [f for f in per_year.values() if f is not None]
            if so_far is None and entered_years:  # a share as it stands: the latest year's; a count: their sum
                so_far = entered_years[-1] if target.unit == "percent" else _together(entered_years, target.unit)
        found.append(
            TargetProgress(
                target.id,
                target.indicator,
                target.target,
                target.unit,
                target.at_most,
                target.computed,
                per_year,
                so_far,
            )
        )
    people = [
        CommitteeRow(m.full_name, m.role, m.from_date, m.to_date, m.came, m.left_how)
        for m in committee(session, term.id)
    ]
    return TermProgress(term.id, term.name, term.starts_on, term.ends_on, term.congress_on, on, years, found, people)


def progress_of(session: Session, term_id: int, on: date) -> TermProgress:
    """`term_progress` of the term with that id (ValidationError when it is gone)."""
    from khoidesktop.terms.records import term_row

    return term_progress(session, term_row(session, term_id), on)
