"""A long table of plain pre-wrapped strings, laid out one page at a time.

Each page gets its own small reportlab Table with the header row on top, so the work stays linear in the
number of rows (one huge Table grows worse than linearly, DESIGN.md) and the header appears exactly once
at the top of every page. Row heights are known in advance (lines × leading + padding), so fitting rows on
a page is a bisection, not a trial layout.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from khoidesktop.reports.fonts import BOLD, REGULAR, register_fonts
from khoidesktop.reports.frame import TEXT_HEIGHT
from khoidesktop.reports.styles import SIZES

PAD_X, PAD_TOP, PAD_BOTTOM = 2.0, 2.0, 3.0
ELLIPSIS = "…"
Row = list[str] | tuple[str, ...]  # a row of a reportlab Table is a list or a tuple (no other sequence)


@dataclass(frozen=True)
class Column:
    title: str  # translated
    width: float  # points
    align: str = "LEFT"  # reportlab ALIGN: LEFT, CENTRE, RIGHT


def wrap_text(text: str, width: float, font: str = REGULAR, size: float = SIZES.table) -> list[str]:
    """Lines of `text` that fit a column `width` wide (at word breaks; a word too long is cut).
    The font must be registered (TableLayout.of does it)."""
    from reportlab.lib.utils import simpleSplit

    room = width - 2 * PAD_X
    if "\n" not in text and stringWidth(text, font, size) <= room:
        return [text]  # most cells: one measurement, no splitting
    lines: list[str] = []
    for line in simpleSplit(text, font, size, room) or [""]:
        lines += _cut(line, room, font, size)
    return lines


def _cut(line: str, room: float, font: str, size: float) -> list[str]:
    pieces = []
    while len(line) > 1 and stringWidth(line, font, size) > room:
        cut = len(line) - 1
        while cut > 1 and stringWidth(line[:cut], font, size) > room:
            cut -= 1
        pieces.append(line[:cut])
        line = line[cut:]
    return [*pieces, line]


def _at_most(lines: list[str], count: int, width: float) -> list[str]:
    """The first `count` lines, the last ending in "…" if some were left out."""
    if len(lines) <= count:
        return lines
    last = lines[count - 1]
    while last and stringWidth(last + ELLIPSIS, REGULAR, SIZES.table) > width - 2 * PAD_X:
        last = last[:-1]
    return [*lines[: count - 1], last.rstrip() + ELLIPSIS]


def row_height(lines: int) -> float:
    return lines * SIZES.table_leading + PAD_TOP + PAD_BOTTOM


@dataclass(frozen=True)
class TableLayout:
    columns: tuple[Column, ...]
    header: tuple[str, ...]  # pre-wrapped titles ("\n" between lines)
    header_height: float
    style: TableStyle

    @classmethod
    def of(cls, columns: Sequence[Column]) -> TableLayout:
        register_fonts()
        wrapped = [wrap_text(c.title, c.width, BOLD) for c in columns]
        style = TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, SIZES.table, SIZES.table_leading),
                ("FONT", (0, 0), (-1, 0), BOLD, SIZES.table, SIZES.table_leading),
                ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, 0), "CENTRE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
                ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
                *[("ALIGN", (i, 1), (i, -1), c.align) for i, c in enumerate(columns)],
            ]
        )
        return cls(
            tuple(columns), tuple("\n".join(w) for w in wrapped), row_height(max(len(w) for w in wrapped)), style
        )

    @property
    def widths(self) -> list[float]:
        return [c.width for c in self.columns]

    @property
    def max_lines(self) -> int:
        """The most lines a row may have: with the header, it fits one page (a row never splits)."""
        return int((TEXT_HEIGHT - self.header_height - PAD_TOP - PAD_BOTTOM) // SIZES.table_leading)

    def wrap_row(self, cells: Sequence[str], merged_from: int | None = None) -> tuple[tuple[str, ...], float]:
        """The row's cells pre-wrapped to their columns, and its height. `merged_from`: the cells from that column
        on make one (its text in that column, the others empty). A cell longer than a page is cut (ending "…")."""
        widths = self.widths
        if merged_from is not None:
            widths[merged_from] = sum(widths[merged_from:])
        wrapped = [
            _at_most(wrap_text(text, width), self.max_lines, width) for text, width in zip(cells, widths, strict=True)
        ]
        return tuple("\n".join(w) for w in wrapped), row_height(max(len(w) for w in wrapped))

    def table(self, rows: Sequence[Row], heights: Sequence[float]) -> Table:
        table = Table([self.header, *rows], colWidths=self.widths, rowHeights=[self.header_height, *heights])
        table.setStyle(self.style)
        return table

    def short_table(
        self, rows: Sequence[Sequence[str]], *, total: bool = False, merged: Mapping[int, int] | None = None
    ) -> Table:
        """A short table (tens of rows: one reportlab Table) of `rows` wrapped here; `total`: the last row is a
        total, in bold; `merged`: row index → the column from which that row's cells make one. Split across
        pages, it repeats its header."""
        merged = merged or {}
        wrapped = [self.wrap_row(row, merged.get(i)) for i, row in enumerate(rows)]
        table = self.table([cells for cells, _height in wrapped], [height for _cells, height in wrapped])
        table.repeatRows = 1
        table.setStyle([("SPAN", (start, i + 1), (-1, i + 1)) for i, start in merged.items()])
        if total:
            table.setStyle([("FONT", (0, len(rows)), (-1, len(rows)), BOLD, SIZES.table, SIZES.table_leading)])
        return table


class PagedTable(Flowable):
    """The rows from `start` on; `laid_out(n)` is told how many rows are placed (it may raise to stop)."""

    def __init__(
        self,
        layout: TableLayout,
        rows: Sequence[Row],
        heights: Sequence[float],
        laid_out: Callable[[int], None] | None = None,
        *,
        start: int = 0,
        offsets: list[float] | None = None,
    ) -> None:
        super().__init__()
        self.layout, self.rows, self.heights, self.laid_out, self.start = layout, rows, heights, laid_out, start
        self.offsets = offsets if offsets is not None else [0.0, *accumulate(heights)]

    def _height(self, end: int) -> float:
        return self.layout.header_height + self.offsets[end] - self.offsets[self.start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = sum(self.layout.widths), self._height(len(self.rows))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        room = availHeight - self.layout.header_height
        end = bisect_right(self.offsets, self.offsets[self.start] + room) - 1
        if end <= self.start:
            return []  # not even one row fits: the frame moves on to the next page
        if end >= len(self.rows):
            return [self]
        self._notify(end)
        page = self.layout.table(self.rows[self.start : end], self.heights[self.start : end])
        rest = PagedTable(self.layout, self.rows, self.heights, self.laid_out, start=end, offsets=self.offsets)
        return [page, rest]

    def draw(self) -> None:
        self._notify(len(self.rows))
        table = self.layout.table(self.rows[self.start :], self.heights[self.start :])
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def _notify(self, done: int) -> None:
        if self.laid_out is not None:
            self.laid_out(done)
