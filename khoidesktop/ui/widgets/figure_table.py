"""A read-only table of figures: headers, rows of text, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QTableWidgetItem, QWidget

STRETCH_MAX = 320  # the widest the stretched column (a unit's name …) asks for its text before it wraps
STRETCH_MIN = 160  # the narrowest it wraps to: narrower than that, the table scrolls sideways
WRAP_ROWS_MAX = 500  # rows fitted to wrapped names; a longer table scrolls sideways instead


class FigureTable(QTableWidget):
    """The stretched column takes the room left; in a narrow window (1366×768 at 125 % or 150 %) its text wraps onto
    more lines rather than being cut to "Chi…", down to STRETCH_MIN, and a header wider than its column's figures
    ("Tình trạng kỳ đang xem" over "Đã nhận") goes on two lines: the table fits instead of scrolling sideways."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, stretch: int = 0) -> None:
        super().__init__(0, len(headers), parent)
        self.stretch = stretch
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(stretch < 0)  # no stretched column: the last fills
        self.set_headers(headers)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.headers = list(headers)
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(self.headers)
        header = self.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch if column == self.stretch else QHeaderView.ResizeMode.ResizeToContents,
            )

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else str(value))
                if c > 0 and _numeric(value):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(item.text())
                self.setItem(r, c, item)
        self.wrap_headers()
        self._fit_stretch()

    def wrap_headers(self) -> None:
        """In a table too narrow for its headers on one line, a header wider than its column's contents is put on
        two lines, split at the space that leaves the shorter longest line. Called again once a column's contents
        change (a cell widget set) and when the table is resized."""
        metrics = self.horizontalHeader().fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        widths = [
            max(self.sizeHintForColumn(c), metrics.horizontalAdvance(h) + pad) for c, h in enumerate(self.headers)
        ]
        narrow = sum(widths) > self.viewport().width()
        for column, text in enumerate(self.headers):
            shown = text
            wider = metrics.horizontalAdvance(text) + pad > self.sizeHintForColumn(column)
            if narrow and wider and column != self.stretch and " " in text:
                words = text.split(" ")
                splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
                first, second = min(splits, key=lambda s: max(map(metrics.horizontalAdvance, s)))
                shown = f"{first}\n{second}"
            item = self.horizontalHeaderItem(column)
            if item is not None and item.text() != shown:
                item.setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.wrap_headers()
        self._fit_stretch()

    def _fit_stretch(self) -> None:
        if not 0 <= self.stretch < self.columnCount():
            return
        header = self.horizontalHeader()
        wanted = max(self.sizeHintForColumn(self.stretch), header.sectionSizeHint(self.stretch))
        others = sum(header.sectionSize(c) for c in range(self.columnCount()) if c != self.stretch)
        room = self.viewport().width() - others
        wrap = room < wanted and self.rowCount() <= WRAP_ROWS_MAX  # the text on more lines
        if room >= (wanted if wrap else min(wanted, STRETCH_MAX)):
            mode, width = QHeaderView.ResizeMode.Stretch, None  # it all fits (a long table: cut beyond STRETCH_MAX)
        else:
            mode = QHeaderView.ResizeMode.Interactive  # as wide as the room, its text wrapped; else it scrolls
            width = max(room, STRETCH_MIN) if wrap else min(wanted, STRETCH_MAX)
        if header.sectionResizeMode(self.stretch) != mode:
            header.setSectionResizeMode(self.stretch, mode)
        if width is not None:
            header.resizeSection(self.stretch, width)
        changed = wrap != self.wordWrap()
        if changed:
            self.setWordWrap(wrap)
        if wrap or changed:
            self.resizeRowsToContents()  # a name on two lines gets the height of two

    def column_texts(self, column: int) -> list[str]:
        texts = []
        for r in range(self.rowCount()):
            item = self.item(r, column)
            texts.append("" if item is None else item.text())  # a row shorter than the headers: an empty cell
        return texts


def _numeric(value: object) -> bool:
    text = str(value).replace(".", "").replace(",", "").replace("%", "").replace("/", "").strip()
    return text.isdigit()
