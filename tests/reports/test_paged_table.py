"""The long-table layout: text wrapping to columns and page-by-page splitting with the header on top."""

from __future__ import annotations

import pytest

from khoidesktop.reports.fonts import REGULAR, register_fonts
from khoidesktop.reports.paged_table import PAD_X, Column, PagedTable, TableLayout, row_height, wrap_text
from khoidesktop.reports.styles import SIZES

MM = 72 / 25.4
WIDTH = 30 * MM


def width_of(line: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # reportlab only inside functions outside reports/

    return stringWidth(line, REGULAR, SIZES.table)


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts()  # wrap_text measures with the registered font (TableLayout.of registers it)


def test_short_text_stays_on_one_line():
    assert wrap_text("Chuyên viên", WIDTH) == ["Chuyên viên"]


def test_words_wrap_and_every_line_fits():
    lines = wrap_text("Phó Trưởng phòng Kế hoạch - Tài chính", WIDTH)
    assert len(lines) > 1
    assert " ".join(lines) == "Phó Trưởng phòng Kế hoạch - Tài chính"
    assert all(width_of(line) <= WIDTH - 2 * PAD_X for line in lines)


def test_a_word_longer_than_the_column_is_cut_not_overflowing():
    word = "0123456789" * 4
    lines = wrap_text(word, WIDTH)
    assert "".join(lines) == word and len(lines) > 1
    assert all(width_of(line) <= WIDTH - 2 * PAD_X for line in lines)


def _paged(rows: int) -> tuple[TableLayout, PagedTable]:
    layout = TableLayout.of([Column("STT", 10 * MM, "CENTRE"), Column("Họ và tên", 40 * MM)])
    cells, heights = zip(*(layout.wrap_row([str(i), f"Nguyễn Văn {i}"]) for i in range(rows)), strict=True)
    return layout, PagedTable(layout, list(cells), list(heights))


def test_split_fills_each_page_and_carries_the_rest():
    layout, table = _paged(100)
    room = layout.header_height + 20 * row_height(1) + 1
    rows_per_part = []
    part = table
    while True:
        part.wrap(200, room)
        if part.height <= room:
            rows_per_part.append(len(part.rows) - part.start)
            break
        page, part = part.split(200, room)
        assert page._cellvalues[0] == list(layout.header)  # the header on top of every page
        rows_per_part.append(len(page._cellvalues) - 1)
    assert rows_per_part == [20, 20, 20, 20, 20]


def test_nothing_fits_means_next_page():
    layout, table = _paged(3)
    assert table.split(200, layout.header_height + row_height(1) - 1) == []
