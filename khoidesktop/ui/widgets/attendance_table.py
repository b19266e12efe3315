"""Attendance ticked from the member list: everyone present unless ticked absent (one click, the cursor then in
the row's reason); absent with a reason typed is "absent with a reason", without one "absent without a reason"."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem, QWidget

from khoidesktop.i18n import N_, _


class Person(Protocol):
    """One row: a member (meetings.records) or one summoned to a congress (terms.congress)."""

    @property
    def id(self) -> int: ...

    @property
    def full_name(self) -> str: ...


HEADERS = (N_("Full name"), N_("Absent"), N_("Reason"))


class AttendanceTable(QTableWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.member_ids: list[int] = []

    def set_members(self, members: Sequence[Person], attendance: dict[int, tuple[str, str]]) -> None:
        self.setRowCount(len(members))
        self.member_ids = [m.id for m in members]
        for row, member in enumerate(members):
            self.setItem(row, 0, QTableWidgetItem(member.full_name))
            code, reason = attendance.get(member.id, ("present", ""))
            absent = QCheckBox(_("Absent"), self)
            absent.setChecked(code != "present")
            reason_edit = QLineEdit(reason, self)
            reason_edit.setPlaceholderText(_("e.g. {example}").format(example="Đi công tác"))
            absent.toggled.connect(partial(self._absent_toggled, reason_edit))
            reason_edit.textEdited.connect(partial(self._reason_typed, absent))
            reason_edit.textChanged.connect(self.changed)
            self.setCellWidget(row, 1, absent)
            self.setCellWidget(row, 2, reason_edit)
        self.resizeColumnsToContents()

    def _absent_toggled(self, reason: QLineEdit, absent: bool) -> None:
        if absent:
            reason.setFocus()  # the reason is typed at once
        self.changed.emit()

    @staticmethod
    def _reason_typed(absent: QCheckBox, text: str) -> None:
        if text.strip() and not absent.isChecked():
            absent.setChecked(True)  # a reason typed says the member was absent

    def absent_box(self, row: int) -> QCheckBox:
        widget = self.cellWidget(row, 1)
        if not isinstance(widget, QCheckBox):
            raise TypeError(f"row {row} has no absence box")
        return widget

    def reason(self, row: int) -> QLineEdit:
        widget = self.cellWidget(row, 2)
        if not isinstance(widget, QLineEdit):
            raise TypeError(f"row {row} has no reason field")
        return widget

    def all_present(self) -> None:
        for row in range(self.rowCount()):
            self.absent_box(row).setChecked(False)

    def value(self) -> dict[int, tuple[str, str]]:
        found = {}
        for row, member_id in enumerate(self.member_ids):
            reason = self.reason(row).text().strip()
            if not self.absent_box(row).isChecked():
                found[member_id] = ("present", "")
            else:
                found[member_id] = ("excused" if reason else "unexcused", reason)
        return found
