"""Danh sách đảng viên được xét tặng Huy hiệu Đảng: the members whose Party age reaches a badge (30, 40, 45 … 90
years) in a year, to propose them in time (`members badges` on the command line, the badge list on Báo cáo)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.reports.frame import KIND_LIST, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.reports.styles import styles

# (title, width in mm, alignment); the widths add up to the text width (165 mm).
COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Full name"), 50, "LEFT"),
    (N_("Date of birth"), 25, "CENTRE"),
    (N_("Date admitted to the Party"), 30, "CENTRE"),
    (N_("Badge"), 50, "LEFT"),
)


@dataclass(frozen=True)
class BadgeRow:
    full_name: str
    birth_date: date | None
    admitted_on: date
    years: int  # the badge: 30, 40, 45 … years of Party age

    def cells(self, number: int) -> list[str]:
        return [
            str(number),
            self.full_name,
            format_date(self.birth_date),
            format_date(self.admitted_on),
            _("{years}-year Party badge").format(years=self.years),
        ]


def badges_spec(year: int, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(
        KIND_LIST,
        _("of Party members to be considered for the Party badge"),
        _("(Year {year})").format(year=year),
        number,
    )


def badges_story(head: Letterhead, spec: DocumentSpec, year: int, rows: Sequence[BadgeRow]) -> list[Flowable]:
    if not rows:
        none = _("No member of the cell reaches a Party badge in {year}.").format(year=year)
        return [*opening(head, spec), Paragraph(escape(none), styles().body), signature_block(head)]
    layout = TableLayout.of([Column(_(title), width * mm, align) for title, width, align in COLUMNS])
    cells, heights = [], []
    for number, row in enumerate(rows, start=1):
        wrapped, height = layout.wrap_row(row.cells(number))
        cells.append(wrapped)
        heights.append(height)
    total = _("Total: {count} Party members").format(count=format_number(len(rows)))
    return [
        *opening(head, spec),
        layout.table(cells, heights),
        KeepTogether([Paragraph(escape(total), styles().plain), signature_block(head)]),
    ]


def build_badges(
    target: Path, head: Letterhead, year: int, rows: Sequence[BadgeRow], *, number: str | None = None
) -> int:
    """Write the list at `target` (all or nothing); returns the page count."""
    spec = badges_spec(year, number)
    return write_pdf(target, head, spec, badges_story(head, spec, year, rows))
