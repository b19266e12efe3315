"""The overview's charts as plain figures (the window draws them and shows each as a table too): member
structure, ratings per year, meetings per month, recruitment progress — for a cell from its own records,
for a bloc from what its units sent."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.meetings import SHORT_KINDS
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER
from khoidesktop.domain.structure import GROUP_LABELS, Structure
from khoidesktop.exchange.figures import Figures
from khoidesktop.i18n import N_, _

STRUCTURE_GROUPS = (
    "women",
    "ethnic_minority",
    "religious",
    "under_40",
    "over_60",
    "doctorate",
    "masters",
    "theory_advanced",
    "probationary",
)
YEARS_SHOWN = 5
# A chart has no section headings: a label that leans on one ("Cao cấp" under "Lý luận chính trị") says more.
CHART_LABELS = {"theory_advanced": N_("Advanced-level political theory")}


@dataclass(frozen=True)
class ChartData:
    key: str
    tab: str  # the short name on its tab
    title: str
    categories: list[str]
    series: list[tuple[str, list[int]]]  # (name, one value per category)
    stacked: bool = False
    total: int | None = None  # when set, the table adds each value's share of it
    horizontal: bool = False  # long category names: bars drawn left to right
    category_label: str = ""  # the table's first column header

    @property
    def empty(self) -> bool:
        return not any(any(values) for _name, values in self.series)


def structure_chart(result: Structure) -> ChartData:
    labels = [CHART_LABELS.get(key) or GROUP_LABELS[key] for key in STRUCTURE_GROUPS]
    return ChartData(
        "structure",
        _("Structure"),
        _("Member structure"),
        [_(label) for label in labels],
        [(_("Members"), [result.groups[k].count for k in STRUCTURE_GROUPS])],
        total=result.total,
        horizontal=True,
        category_label=_("Group"),
    )


def ratings_chart(per_year: dict[int, Counter[str]]) -> ChartData:
    years = sorted(per_year)
    return ChartData(
        "ratings",
        _("Rating"),
        _("Ratings per year"),
        [str(y) for y in years],
        [(level, [per_year[y][level] for y in years]) for level in LEVEL_ORDER],
        stacked=True,
        category_label=_("Year"),
    )


def meetings_chart(year: int, by_month: dict[str, list[int]]) -> ChartData:
    return ChartData(
        "meetings",
        _("Meetings"),
        _("Meetings per month in {year}").format(year=year),
        [str(m) for m in range(1, 13)],
        list(by_month.items()),
        stacked=True,
        category_label=_("Month"),
    )


def recruitment_chart(admitted: dict[int, int], targets: dict[int, int]) -> ChartData:
    years = sorted(admitted)
    return ChartData(
        "recruitment",
        _("Recruitment"),
        _("Recruitment: admitted and target"),
        [str(y) for y in years],
        [(_("Admitted"), [admitted[y] for y in years]), (_("Target"), [targets.get(y, 0) for y in years])],
        category_label=_("Year"),
    )


def cell_charts(session: Session, today: date) -> list[ChartData]:
    from khoidesktop.meetings.stats import meetings_of
    from khoidesktop.members.structure import admissions_between, structure_on
    from khoidesktop.ratings.records import level_shares, rating_span
    from khoidesktop.store.models import RecruitmentTarget

    span = rating_span(today.year, YEARS_SHOWN)
    shares = level_shares(session, span)
    per_year = {y: Counter({lv: shares[y][lv]["count"] for lv in LEVEL_ORDER}) for y in span}
    rows = meetings_of(session, today.year)
    by_month = {
        _(SHORT_KINDS[kind]): [sum(1 for r in rows if r.kind == kind and r.on_date.month == m) for m in range(1, 13)]
        for kind in SHORT_KINDS
    }
    years = range(today.year - YEARS_SHOWN + 1, today.year + 1)
    by_year = Counter(day.year for _name, day, _number in admissions_between(session, years[0], years[-1]))
    admitted = {y: by_year[y] for y in years}
    targets = {
        t.first_year: t.target for t in session.scalars(select(RecruitmentTarget)) if t.first_year == t.last_year
    }
    return [
        structure_chart(structure_on(session, today)),
        ratings_chart(per_year),
        meetings_chart(today.year, {k: v for k, v in by_month.items() if any(v)} or by_month),
        recruitment_chart(admitted, targets),
    ]


def bloc_charts(session: Session, period: Period, today: date) -> list[ChartData]:
    from khoidesktop.units.records import level_figures, periods, unit_rows

    current = level_figures(session, period, unit_rows(session, period, today))
    years = sorted(p.year for p in periods(session) if p.quarter is None)[-YEARS_SHOWN:]
    by_year: dict[int, Figures] = {y: _year_sum(session, y, today) for y in years}
    return [
        structure_chart(current.structure_result()),
        ratings_chart({y: by_year[y].levels for y in years}),
        meetings_chart(period.year, {_("Meetings"): [current.meetings_by_month[m] for m in range(1, 13)]}),
        recruitment_chart({y: by_year[y].admitted for y in years}, {y: by_year[y].year_target or 0 for y in years}),
    ]


def _year_sum(session: Session, year: int, today: date) -> Figures:
    from khoidesktop.units.records import level_figures, unit_rows

    return level_figures(session, Period(year), unit_rows(session, Period(year), today))
