"""A read-only table of figures: headers, rows of text, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

STRETCH_MAX = 320  # the widest the stretched column (a unit's name …) asks for its text before the table scrolls


class FigureTable(QTableWidget):
    """The stretched column takes the room left, but never less than its text (up to STRETCH_MAX): in a narrow
    window the table scrolls sideways rather than cut the names to "Chi…"."""

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
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
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
        self._fit_stretch()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_stretch()

    def _fit_stretch(self) -> None:
        if not 0 <= self.stretch < self.columnCount():
            return
        header = self.horizontalHeader()
        wanted = min(max(self.sizeHintForColumn(self.stretch), header.sectionSizeHint(self.stretch)), STRETCH_MAX)
        others = sum(header.sectionSize(c) for c in range(self.columnCount()) if c != self.stretch)
        roomy = self.viewport().width() - others >= wanted
        mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(self.stretch) != mode:
            header.setSectionResizeMode(self.stretch, mode)
        if not roomy:
            header.resizeSection(self.stretch, wanted)

    def column_texts(self, column: int) -> list[str]:
        texts = []
        for r in range(self.rowCount()):
            item = self.item(r, column)
            texts.append("" if item is None else item.text())  # a row shorter than the headers: an empty cell
        return texts


def _numeric(value: object) -> bool:
    text = str(value).replace(".", "").replace(",", "").replace("%", "").replace("/", "").strip()
    return text.isdigit()
