"""A member's history: the events so far, a row to record a new one (asking first when it changes the status),
and withdrawing an event entered in error ("nhập nhầm")."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.events import DISCIPLINE_LEVELS, EVENT_KINDS, STATUS_EVENT_KINDS
from khoidesktop.domain.members import label
from khoidesktop.errors import UserError
from khoidesktop.i18n import N_, _, format_date
from khoidesktop.members.history import (
    StatusChange,
    add_event,
    event_effect,
    event_withdrawal,
    events_of,
    withdraw_event,
)
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import OWN_SAVE
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo, DateField
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HEADERS = (N_("Date"), N_("Event"), N_("Document number"), N_("Note"))


class HistoryPanel(QWidget):
    recorded = Signal()  # an event was written: the member's status may have changed

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.member_id = ctx, member_id
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.kind = CodeCombo(EVENT_KINDS, self, empty=False)
        self.level = CodeCombo(DISCIPLINE_LEVELS, self)
        self.on_date = DateField(self)
        self.document = QLineEdit(self)
        self.document.setPlaceholderText(_("e.g. {example}").format(example="125-QĐ/ĐU"))
        self.note = QLineEdit(self)
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(QLabel(_("Level:"), self))
        row.addWidget(self.level)
        form.addRow(_("New event:"), row)
        dates = QHBoxLayout()
        dates.addWidget(self.on_date)
        dates.addWidget(QLabel(_("Document number:"), self))
        dates.addWidget(self.document, 1)
        form.addRow(_("Date:"), dates)
        form.addRow(_("Note:"), self.note)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.message = MessageLabel(self, kind="error")
        self.add_button = QPushButton(_("Record in the history"), self)
        self.add_button.clicked.connect(self.record)
        self.withdraw_button = QPushButton(_("Withdraw (entered in error)…"), self)
        self.withdraw_button.setToolTip(_("Take the selected event out of the history; the audit log keeps it."))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.withdraw_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setProperty(OWN_SAVE, True)  # its fields are an event to record, not the profile's edits
        for edit in (self.on_date, self.document, self.note):
            edit.returnPressed.connect(self.record)  # Enter records the event (the dialog lends it the Enter key)
        self.refresh()

    def _kind_changed(self) -> None:
        self.level.setEnabled(self.kind.value() == "discipline")

    def refresh(self) -> None:
        with self.ctx.require_store().session() as session:
            events = events_of(session, self.member_id)
        self.table.setRowCount(len(events))
        for row, e in enumerate(events):
            what = label(EVENT_KINDS, e.kind)
            if e.level:
                what += f" ({label(DISCIPLINE_LEVELS, e.level).lower()})"
            for column, text in enumerate((format_date(e.on_date), what, e.document_number, e.note)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.clearSelection()  # a withdrawal never lands on another row by itself
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.withdraw_button.setEnabled(self.selected_event() is not None)

    def selected_event(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        item = self.table.item(min(rows), 0) if rows else None
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _change_text(self, change: StatusChange) -> str:
        return (
            _("{name}: {event}, {date}.").format(
                name=change.member_name, event=change.event_label(), date=format_date(change.on_date)
            )
            + "\n"
            + change.status_line()
        )

    def _confirmed(self, kind: str, on: date, level: str | None) -> bool:
        """An event that may change the status is shown with what it changes, and recorded only if the user agrees."""
        if kind not in STATUS_EVENT_KINDS:
            return True
        with self.ctx.require_store().session() as session:
            change = event_effect(session, self.member_id, kind, on, self.ctx.today(), level)
        question = self._change_text(change) + "\n\n" + _("Record this event in the history?")
        return self.ctx.prompts.confirm(_("Record an event"), question)

    def withdraw(self) -> None:
        """Withdraw the selected event as entered in error, after showing what it changes."""
        event_id = self.selected_event()
        if event_id is None:
            return
        try:
            with self.ctx.require_store().session() as session:
                change = event_withdrawal(session, event_id, self.ctx.today())
        except UserError as exc:
            self.message.setText(exc.message)
            return
        question = (
            _("Withdraw this event, entered in error?")
            + "\n"
            + self._change_text(change)
            + "\n\n"
            + _("It leaves the history; the audit log keeps what it held.")
        )
        if not self.ctx.prompts.confirm(_("Withdraw an event"), question):
            return

        def write(session: Session) -> None:
            withdraw_event(session, event_id, now=self.ctx.now(), actor=current_actor())

        def withdrawn(_result: None) -> None:
            self.message.clear()
            self.refresh()
            self.recorded.emit()

        run_write(self, self.ctx, write, withdrawn, on_error=self.message.setText, busy=self.window())

    def record(self) -> None:
        try:
            on = self.on_date.value()
            if on is None:
                raise UserError(_("Type the date of the event."))
            kind = self.kind.value()
            if kind is None:
                raise RuntimeError("the event kind box has no empty row")
            member_id, document, level, note = (
                self.member_id,
                self.document.text(),
                self.level.value(),
                self.note.text(),
            )
            if not self._confirmed(kind, on, level):
                return
        except (UserError, ValueError) as exc:
            self.message.setText(exc.message if isinstance(exc, UserError) else str(exc))
            return

        def write(session: Session) -> None:
            add_event(
                session,
                member_id,
                kind,
                on,
                now=self.ctx.now(),
                actor=current_actor(),
                document_number=document,
                level=level,
                note=note,
            )

        def recorded(_result: None) -> None:
            self.message.clear()
            for edit in (self.on_date, self.document, self.note):
                edit.clear()
            self.refresh()
            self.recorded.emit()

        run_write(self, self.ctx, write, recorded, on_error=self.message.setText, busy=self.window())
