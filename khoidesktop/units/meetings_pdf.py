"""Báo cáo tình hình sinh hoạt chi bộ, summed for a level above the cells: the meetings its units' cells held in
the period (by kind), the thematic meetings quarter by quarter (held against planned, and how many cells held one:
DOMAIN.md, Meetings: at least one a quarter), the attendance, and a row for each unit."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from khoidesktop.domain.meetings import KINDS, rules_for
from khoidesktop.exchange.figures import Figures
from khoidesktop.i18n import N_, _, format_number, format_percent
from khoidesktop.reports.frame import KIND_REPORT, DocumentSpec, Letterhead
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.units.report_pdf import (
    BlocReport,
    build_document,
    heading,
    items,
    para,
    sent,
    sent_text,
    summed_subtitle,
    unit_section,
    unit_table,
)

QUARTERS = ("I", "II", "III", "IV")
COUNTED = N_("Cells")  # the per-unit table counts a unit's cells where the other reports count its members
UNIT_COLUMNS = (  # the per-unit table's own columns (title, width in mm)
    (N_("Meetings in all"), 16),
    (N_("Regular"), 16),
    (N_("Thematic"), 16),
    (N_("Attendance share"), 20),
)


def kind_lines(figures: Figures) -> list[str]:
    return [
        _("{kind}: {count}").format(kind=_(label), count=format_number(figures.meetings_by_kind[code]))
        for code, label in KINDS.items()
    ]


def thematic_rows(figures: Figures) -> list[list[str]]:
    """Quarter, thematic meetings held, planned, cells that held one (of the cells that sent)."""
    return [
        [
            _("Quarter {q}").format(q=QUARTERS[q - 1]),
            format_number(figures.thematic_held[q]),
            format_number(figures.thematic_planned[q]),
            f"{format_number(figures.cells_with_thematic[q])}/{format_number(figures.cells)}",
            format_percent(figures.cells_with_thematic[q], figures.cells),
        ]
        for q in range(1, 5)
    ]


def thematic_table(figures: Figures) -> Flowable:
    layout = TableLayout.of(
        [
            Column(_("Quarter"), 30 * mm),
            Column(_("Thematic meetings held"), 35 * mm, "CENTRE"),
            Column(_("Planned"), 30 * mm, "CENTRE"),
            Column(_("Cells that held one"), 35 * mm, "CENTRE"),
            Column(_("Share of the cells"), 35 * mm, "CENTRE"),
        ]
    )
    return layout.short_table(thematic_rows(figures))


def attendance_text(figures: Figures) -> str:
    return _("Attendance: {present} of {expected} expected, that is {share}.").format(
        present=format_number(figures.present),
        expected=format_number(figures.expected),
        share=format_percent(figures.present, figures.expected),
    )


def _unit_cells(figures: Figures) -> list[str]:
    return [
        format_number(figures.cells),
        format_number(figures.meetings),
        format_number(figures.meetings_by_kind["regular"] + figures.meetings_by_kind["combined"]),
        format_number(figures.meetings_by_kind["thematic"] + figures.meetings_by_kind["combined"]),
        format_percent(figures.present, figures.expected),
    ]


def thematic_rule_text(report: BlocReport) -> str:
    """The rule the quarters are held to, as the rule sets in force during the period word it (domain/meetings)."""
    sets = {rules_for(day) for day in (report.period.start, report.period.end)}
    least = max(rules.thematic_per_quarter for rules in sets)
    return _("A cell holds at least {count} thematic meeting a quarter ({regulation}).").format(
        count=least, regulation="; ".join(sorted(rules.regulation for rules in sets))
    )


def bloc_meetings_story(report: BlocReport) -> list[Flowable]:
    figures = report.figures
    columns = [Column(_(title), width * mm, "CENTRE") for title, width in UNIT_COLUMNS]
    table = unit_table(columns, report, lambda u: _unit_cells(sent(u)), _unit_cells(figures), counted=COUNTED)
    return [
        para(sent_text(report)),
        heading(0, _("The meetings held")),
        para(
            _("The cells that sent held {count} meetings in the period:").format(count=format_number(figures.meetings))
        ),
        *items(kind_lines(figures)),
        para(attendance_text(figures)),
        heading(1, _("Thematic meetings, quarter by quarter")),
        para(thematic_rule_text(report)),
        thematic_table(figures),
        *unit_section(2, _("Meetings by unit"), table),
    ]


def build_bloc_meetings(target: Path, head: Letterhead, report: BlocReport, *, number: str | None = None) -> int:
    """Báo cáo tình hình sinh hoạt chi bộ, summed (all or nothing); returns the page count."""
    spec = DocumentSpec(KIND_REPORT, _("on the meetings of the cells"), summed_subtitle(report.period), number)
    return build_document(target, head, spec, bloc_meetings_story(report))
