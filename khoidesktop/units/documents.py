"""The bloc's report use cases (bloc mode): the figures the units sent for a period, summed, written as a PDF
in the documents' frame, issued by the bloc's committee.

The CLI and the GUI call these; reportlab is imported only when a report is actually made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import identity_in_role
from khoidesktop.datafile.kinds import REPORTS_OF_UNITS, UNITS_ROLE
from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.domain.periods import Period
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store.database import Store
from khoidesktop.units.records import level_figures, unit_rows

if TYPE_CHECKING:
    from khoidesktop.reports.frame import Letterhead
    from khoidesktop.units.excellence import ExcellenceList
    from khoidesktop.units.report_pdf import BlocReport

Builder = Callable[..., int]  # build_bloc_…(target, head, report, *, number) -> pages


def bloc_report(session: Session, period: Period, today: date) -> BlocReport:
    """Every unit (those that sent nothing for the period too) and the sum of what was sent. Raises
    ValidationError on a cell's data file, or when no unit sent anything for the period."""
    from khoidesktop.units.report_pdf import BlocReport, UnitLine

    identity_in_role(
        session,
        UNITS_ROLE,
        _(REPORTS_OF_UNITS),
    )
    rows = unit_rows(session, period, today)
    figures = level_figures(session, period, rows)
    if not figures.units:
        raise ValidationError(
            _(
                "No unit has sent its figures for {period} yet: import the units' bundles, or choose another period."
            ).format(period=period.label())
        )
    return BlocReport(period, tuple(UnitLine(row.name, row.figures, row.level) for row in rows), figures)


def _make(store: Store, out: Path, period: Period, today: date, number: str | None, build: Builder) -> Path:
    with store.session() as session:
        report = bloc_report(session, period, today)
        head: Letterhead = letterhead(session, today)
    build(out, head, report, number=number)
    return out.expanduser().absolute()


def bloc_structure_pdf(store: Store, out: Path, *, period: Period, today: date, number: str | None = None) -> Path:
    """Báo cáo cơ cấu đảng viên toàn Đảng bộ: the units' structures for `period`, summed, dated `today`, at `out`."""
    from khoidesktop.units.report_pdf import build_bloc_structure

    return _make(store, out, period, today, number, build_bloc_structure)


def bloc_ratings_pdf(store: Store, out: Path, *, period: Period, today: date, number: str | None = None) -> Path:
    """Báo cáo kết quả đánh giá, xếp loại chất lượng đảng viên of `period`'s year, summed over the units, dated
    `today`, at `out`."""
    from khoidesktop.units.report_pdf import build_bloc_ratings

    return _make(store, out, period, today, number, build_bloc_ratings)


def bloc_meetings_pdf(store: Store, out: Path, *, period: Period, today: date, number: str | None = None) -> Path:
    """Báo cáo tình hình sinh hoạt chi bộ of `period`, summed over the units (meetings by kind, thematic meetings
    quarter by quarter, attendance, one row per unit), dated `today`, at `out`."""
    from khoidesktop.units.meetings_pdf import build_bloc_meetings

    return _make(store, out, period, today, number, build_bloc_meetings)


def bloc_recruitment_pdf(store: Store, out: Path, *, period: Period, today: date, number: str | None = None) -> Path:
    """Báo cáo công tác phát triển đảng viên of `period`, summed over the units (admitted against the targets,
    files by step, one row per unit), dated `today`, at `out`."""
    from khoidesktop.units.report_pdf import build_bloc_recruitment

    return _make(store, out, period, today, number, build_bloc_recruitment)


def check_resolution(listing: ExcellenceList) -> None:
    """Why the resolution cannot be made yet (ValidationError): no proposal came, or one is not decided."""
    if not listing.proposed:
        raise ValidationError(
            _(
                "No cell has sent the names of the members it proposes for {year}: ask each cell to export its "
                "bundle of {year} with the list of proposals, and import it."
            ).format(year=listing.year)
        )
    if listing.undecided:
        raise ValidationError(
            _("{count} proposals are not decided yet: decide on each one on the “Units” page first.").format(
                count=listing.undecided
            )
        )


def excellence_resolution_pdf(store: Store, out: Path, *, year: int, today: date, number: str | None = None) -> Path:
    """Nghị quyết công nhận đảng viên HTXSNV of `year`: the grassroots committee's decisions on its cells'
    proposals, dated `today`, at `out`. Refused (ValidationError) with no proposal yet, or with one not decided."""
    from khoidesktop.units.excellence import excellence_list
    from khoidesktop.units.excellence_pdf import ExcellenceResolution, NamedMember, build_excellence_resolution

    with store.session() as session:
        listing = excellence_list(session, year, today)
        head: Letterhead = letterhead(session, today)
    check_resolution(listing)

    def named(approved: bool) -> tuple[NamedMember, ...]:
        return tuple(
            NamedMember(p.full_name, p.birth_date.year if p.birth_date else None, p.unit)
            for p in listing.proposed
            if p.approved is approved
        )

    resolution = ExcellenceResolution(
        year,
        listing.regulation,
        head.issuer,
        named(True),
        named(False),
        listing.base(listing.declined),
        listing.cap_percent,
        listing.allowed,
    )
    build_excellence_resolution(out, head, resolution, number=number)
    return out.expanduser().absolute()
