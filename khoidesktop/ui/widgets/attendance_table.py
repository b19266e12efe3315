"""Attendance ticked from the member list: present, or absent with or without a reason (and which)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem, QWidget

from khoidesktop.domain.meetings import PRESENCE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:  # only named here: the members come from meetings.records
    from khoidesktop.store.models import Member

HEADERS = (N_("Full name"), N_("Attendance"), N_("Reason"))


class AttendanceTable(QTableWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.member_ids: list[int] = []

    def set_members(self, members: list[Member], attendance: dict[int, tuple[str, str]]) -> None:
        self.setRowCount(len(members))
        self.member_ids = [m.id for m in members]
        for row, member in enumerate(members):
            name = QTableWidgetItem(member.full_name)
            self.setItem(row, 0, name)
            presence = QComboBox(self)
            for code, msgid in PRESENCE.items():
                presence.addItem(_(msgid), code)
            code, reason = attendance.get(member.id, ("present", ""))
            presence.setCurrentIndex(max(presence.findData(code), 0))
            presence.currentIndexChanged.connect(self.changed)
            self.setCellWidget(row, 1, presence)
            reason_edit = QLineEdit(reason, self)
            reason_edit.setPlaceholderText(_("e.g. {example}").format(example="Đi công tác"))
            self.setCellWidget(row, 2, reason_edit)
        self.resizeColumnsToContents()

    def _presence(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, 1)
        if not isinstance(widget, QComboBox):
            raise TypeError(f"row {row} has no attendance box")
        return widget

    def _reason(self, row: int) -> QLineEdit:
        widget = self.cellWidget(row, 2)
        if not isinstance(widget, QLineEdit):
            raise TypeError(f"row {row} has no reason field")
        return widget

    def all_present(self) -> None:
        for row in range(self.rowCount()):
            self._presence(row).setCurrentIndex(0)

    def value(self) -> dict[int, tuple[str, str]]:
        return {
            member_id: (self._presence(row).currentData(), self._reason(row).text())
            for row, member_id in enumerate(self.member_ids)
        }
