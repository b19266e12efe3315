"""Danh sách đảng viên: the cell's active members in Vietnamese order, one row each.

Fast for thousands of rows: cells are plain strings pre-wrapped with simpleSplit (no Paragraph per cell)
and the table is laid out one page at a time (paged_table)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.members import GENDERS, label
from khoidesktop.errors import Cancelled
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.reports.frame import KIND_LIST, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, PagedTable, TableLayout
from khoidesktop.reports.styles import styles
from khoidesktop.tasks import IsCancelled, Progress

CHECK_EVERY = 250  # rows prepared between two looks at the cancel flag

# (title, width in mm, alignment); the widths add up to the text width (165 mm).
COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Full name"), 37, "LEFT"),
    (N_("Date of birth"), 19.5, "CENTRE"),
    (N_("Gender"), 11, "CENTRE"),
    (N_("Date admitted to the Party"), 19.5, "CENTRE"),
    (N_("Date became official"), 19.5, "CENTRE"),
    (N_("Party card number"), 25, "CENTRE"),
    (N_("Position"), 23.5, "LEFT"),
)  # a 12-digit card number fits on one line


class MemberLike(Protocol):
    full_name: str
    birth_date: date | None
    gender: str | None
    admitted_on: date | None
    official_on: date | None
    card_number: str | None
    position: str


@dataclass(frozen=True)
class RosterRow:
    full_name: str
    birth_date: date | None = None
    gender: str | None = None
    admitted_on: date | None = None
    official_on: date | None = None
    card_number: str | None = None
    position: str = ""

    @classmethod
    def of(cls, member: MemberLike) -> RosterRow:
        return cls(
            member.full_name,
            member.birth_date,
            member.gender,
            member.admitted_on,
            member.official_on,
            member.card_number,
            member.position,
        )

    def cells(self, number: int) -> list[str]:
        return [
            str(number),
            self.full_name,
            format_date(self.birth_date),
            label(GENDERS, self.gender),
            format_date(self.admitted_on),
            format_date(self.official_on),
            self.card_number or "",
            self.position,
        ]


def roster_spec(today: date, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(KIND_LIST, _("of Party members"), _("(As of {date})").format(date=format_date(today)), number)


def roster_layout() -> TableLayout:
    return TableLayout.of([Column(_(title), width * mm, align) for title, width, align in COLUMNS])


def _watcher(total: int, progress: Progress | None, cancelled: IsCancelled | None) -> Callable[[int], None]:
    def laid_out(done: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, total)

    return laid_out


def _prepared(
    layout: TableLayout, rows: Sequence[RosterRow], cancelled: IsCancelled | None
) -> tuple[list[tuple[str, ...]], list[float]]:
    cells, heights = [], []
    for i, row in enumerate(rows):
        if cancelled is not None and i % CHECK_EVERY == 0 and cancelled():
            raise Cancelled
        wrapped, height = layout.wrap_row(row.cells(i + 1))
        cells.append(wrapped)
        heights.append(height)
    return cells, heights


def roster_story(
    head: Letterhead,
    spec: DocumentSpec,
    rows: Sequence[RosterRow],
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> list[Flowable]:
    layout = roster_layout()
    cells, heights = _prepared(layout, rows, cancelled)
    table = PagedTable(layout, cells, heights, _watcher(len(rows), progress, cancelled))
    total = _("Total: {count} Party members").format(count=format_number(len(rows)))
    return [
        *opening(head, spec),
        table,
        KeepTogether([Paragraph(escape(total), styles().plain), signature_block(head)]),
    ]


def build_roster(
    target: Path,
    head: Letterhead,
    rows: Sequence[RosterRow],
    *,
    number: str | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the list at `target` (all or nothing); returns the page count. Raises Cancelled."""
    spec = roster_spec(head.dated, number)
    return write_pdf(target, head, spec, roster_story(head, spec, rows, progress=progress, cancelled=cancelled))
