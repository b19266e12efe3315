"""Danh sách đề nghị xếp loại chất lượng đảng viên: one row per member of the year's list, with the member's
own level, the score (rule sets that score only), the level the cell proposes and notes; the members not
rated come last, with the reason. Laid out like the roster (pre-wrapped cells, paged_table)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.rating_rules import LEVEL_ORDER, LEVELS
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.ratings.report_pdf import lower_first
from khoidesktop.reports.frame import KIND_LIST, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, PagedTable, TableLayout
from khoidesktop.reports.styles import styles

# (title, width in mm, alignment); each set adds up to the text width (165 mm). The levels are printed as
# their Vietnamese short codes (HTXSNV …), explained under the table.
SCORED_COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Full name"), 38, "LEFT"),
    (N_("Date of birth"), 20, "CENTRE"),
    (N_("Self-rated level"), 22, "CENTRE"),
    (N_("Score"), 14, "CENTRE"),
    (N_("Level proposed by the cell"), 24, "CENTRE"),
    (N_("Notes"), 37, "LEFT"),
)
PLAIN_COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Full name"), 42, "LEFT"),
    (N_("Date of birth"), 20, "CENTRE"),
    (N_("Self-rated level"), 24, "CENTRE"),
    (N_("Level proposed by the cell"), 26, "CENTRE"),
    (N_("Notes"), 43, "LEFT"),
)


@dataclass(frozen=True)
class RatingListRow:
    full_name: str
    birth_date: date | None = None
    self_level: str | None = None  # LEVELS code
    score: float | None = None
    level: str | None = None  # the level the cell proposes
    notes: str = ""
    not_rated: str | None = None  # the reason, translated; such rows go last

    def cells(self, number: int, scored: bool) -> list[str]:
        notes = self.notes
        if self.not_rated:
            notes = _("Not rated: {reason}").format(reason=lower_first(self.not_rated))
        elif self.level is None:
            notes = "; ".join(filter(None, [_("No level recorded yet."), notes]))
        score = [format_number(self.score) if self.score is not None and not self.not_rated else ""]
        return [
            str(number),
            self.full_name,
            format_date(self.birth_date),
            self.self_level or "",
            *(score if scored else []),
            self.level or "",
            notes,
        ]


@dataclass(frozen=True)
class RatingList:
    year: int
    regulation: str
    scored: bool
    rows: tuple[RatingListRow, ...]

    def ordered(self) -> list[RatingListRow]:
        """The list's order, the members not rated at the end."""
        return [r for r in self.rows if not r.not_rated] + [r for r in self.rows if r.not_rated]


def rating_list_spec(year: int, regulation: str, number: str | None = None) -> DocumentSpec:
    summary = _("of proposed quality ratings of Party members in {year}").format(year=year)
    head, _space, last = summary.rpartition(" ")
    if head:
        summary = f"{head}\u00a0{last}"  # "năm 2025" is never broken across the summary's two lines
    return DocumentSpec(KIND_LIST, summary, _("(Under {regulation})").format(regulation=regulation), number)


def rating_list_layout(scored: bool) -> TableLayout:
    columns = SCORED_COLUMNS if scored else PLAIN_COLUMNS
    return TableLayout.of([Column(_(title), width * mm, align) for title, width, align in columns])


def legend_text() -> str:
    return _("Levels: {levels}.").format(levels="; ".join(f"{code}: {_(LEVELS[code])}" for code in LEVEL_ORDER))


def total_text(rows: Sequence[RatingListRow]) -> str:
    excluded = sum(1 for r in rows if r.not_rated)
    return _("Total: {count} Party members; proposed for a rating: {rated}; not rated: {excluded}.").format(
        count=format_number(len(rows)), rated=format_number(len(rows) - excluded), excluded=format_number(excluded)
    )


def rating_list_story(head: Letterhead, spec: DocumentSpec, data: RatingList) -> list[Flowable]:
    layout = rating_list_layout(data.scored)
    cells, heights = [], []
    for n, row in enumerate(data.ordered(), start=1):
        wrapped, height = layout.wrap_row(row.cells(n, data.scored))
        cells.append(wrapped)
        heights.append(height)
    plain = styles().plain
    return [
        *opening(head, spec),
        PagedTable(layout, cells, heights),
        Paragraph(escape(legend_text()), plain),
        KeepTogether([Paragraph(escape(total_text(data.rows)), plain), signature_block(head)]),
    ]


def build_rating_list(target: Path, head: Letterhead, data: RatingList, *, number: str | None = None) -> int:
    """Write the list at `target` (all or nothing); returns the page count."""
    spec = rating_list_spec(data.year, data.regulation, number)
    return write_pdf(target, head, spec, rating_list_story(head, spec, data))
