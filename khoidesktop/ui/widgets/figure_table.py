"""A read-only table of figures: headers, rows of text, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


class FigureTable(QTableWidget):
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

    def column_texts(self, column: int) -> list[str]:
        texts = []
        for r in range(self.rowCount()):
            item = self.item(r, column)
            texts.append("" if item is None else item.text())  # a row shorter than the headers: an empty cell
        return texts


def _numeric(value: object) -> bool:
    text = str(value).replace(".", "").replace(",", "").replace("%", "").replace("/", "").strip()
    return text.isdigit()
