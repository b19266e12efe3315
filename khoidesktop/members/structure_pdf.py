"""Báo cáo cơ cấu đảng viên: the member structure on a date, section by section (counts and shares)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.structure import GROUP_LABELS, SECTIONS, Share, Structure
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.reports.frame import KIND_REPORT, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.reports.styles import styles

COLUMNS = (
    (N_("No."), 12, "CENTRE"),
    (N_("Item"), 103, "LEFT"),
    (N_("Number"), 22, "CENTRE"),
    (N_("Share"), 28, "CENTRE"),
)


def percent_text(share: Share) -> str:
    """26,40% — two decimals, Vietnamese signs."""
    return format_number(share.percent, 2) + "%"


def structure_spec(structure: Structure, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(
        KIND_REPORT,
        _("on the structure of Party members"),
        _("(As of {date})").format(date=format_date(structure.on)),
        number,
    )


def _section(index: int, title: str, keys: tuple[str, ...], structure: Structure, layout: TableLayout) -> Flowable:
    rows, heights = [], []
    for n, key in enumerate(keys, start=1):
        share = structure.groups[key]
        cells, height = layout.wrap_row([str(n), _(GROUP_LABELS[key]), format_number(share.count), percent_text(share)])
        rows.append(cells)
        heights.append(height)
    heading = Paragraph(escape(f"{index}. {_(title)}"), styles().heading)
    return KeepTogether([heading, layout.table(rows, heights)])


def structure_sections(structure: Structure) -> list[Flowable]:
    """One numbered section per group of SECTIONS, each with its table of counts and shares."""
    layout = TableLayout.of([Column(_(title), width * mm, align) for title, width, align in COLUMNS])
    return [_section(index, title, keys, structure, layout) for index, (title, keys) in enumerate(SECTIONS, start=1)]


def structure_story(head: Letterhead, spec: DocumentSpec, structure: Structure) -> list[Flowable]:
    intro = _(
        "As of {date}, the cell has {total} Party members; the shares below are percentages of this total."
    ).format(date=format_date(structure.on), total=format_number(structure.total))
    return [
        *opening(head, spec),
        Paragraph(escape(intro), styles().body),
        *structure_sections(structure),
        signature_block(head),
    ]


def build_structure(target: Path, head: Letterhead, structure: Structure, *, number: str | None = None) -> int:
    """Write the report at `target` (all or nothing); returns the page count."""
    spec = structure_spec(structure, number)
    return write_pdf(target, head, spec, structure_story(head, spec, structure))
