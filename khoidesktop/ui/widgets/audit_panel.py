"""Cài đặt → Nhật ký thay đổi: who changed what, when, old → new (audit_log/records.py), read-only; filtered by kind
of record, dates and words; a page at a time, "Xem thêm" for the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from khoidesktop.audit_log.records import PAGE_SIZE, AuditFilter, audit_page, entity_choices
from khoidesktop.context import AppContext
from khoidesktop.errors import UserError
from khoidesktop.i18n import N_, _, format_number
from khoidesktop.ui.widgets.fields import DateField
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from khoidesktop.audit_log.records import AuditRow, Cursor

HEADERS = (N_("When"), N_("Who"), N_("What"), N_("Record"), N_("Changes (old → new)"))


class AuditPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.next: Cursor | None = None
        self.wanted = AuditFilter()
        layout = QVBoxLayout(self)
        about = QLabel(
            _("Every change to the records: who made it on this computer, when, and each value before and after."),
            self,
        )
        about.setObjectName("pageSubtitle")
        about.setWordWrap(True)
        layout.addWidget(about)
        layout.addLayout(self._filters())
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(340)  # a long record name wraps; the changes keep most of the width
        self.table.setMinimumHeight(200)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.message = MessageLabel(self)
        self.more_button = QPushButton(_("Show more"), self)
        self.more_button.clicked.connect(self.show_more)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.addItem(_("Every kind of record"), None)
        for code, label in entity_choices():
            self.kind.addItem(label, code)
        self.since, self.until = DateField(self), DateField(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Words to find (a name, a field …)"))
        self.search.setClearButtonEnabled(True)
        self.apply_button = QPushButton(_("Filter"), self)
        self.apply_button.clicked.connect(self.refresh)
        for edit in (self.since, self.until, self.search):
            edit.returnPressed.connect(self.refresh)
        self.kind.activated.connect(self.refresh)
        for widget in (self.kind, QLabel(_("From"), self), self.since, QLabel(_("to"), self), self.until):
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        row.addWidget(self.apply_button)
        return row

    def _filter(self) -> AuditFilter:
        return AuditFilter(self.kind.currentData(), self.since.value(), self.until.value(), self.search.text())

    def refresh(self) -> None:
        """Read the first page again with the filters as they are now."""
        self.table.setRowCount(0)
        self.next = None
        try:
            self.wanted = self._filter()
        except ValueError as exc:  # a date not typed dd/mm/yyyy
            self._refused(str(exc))
            return
        self._read(None)

    def show_more(self) -> None:
        if self.next is not None:
            self._read(self.next)

    def _refused(self, text: str) -> None:
        self.message.error(text)
        self.more_button.setEnabled(False)

    def _read(self, after: Cursor | None) -> None:
        store = self.ctx.store
        if store is None:
            return
        try:
            with store.session() as session:
                page = audit_page(session, self.wanted, limit=PAGE_SIZE, after=after)
        except UserError as exc:
            self._refused(exc.message)
            return
        self._append(page.rows)
        self.next = page.next
        self.more_button.setEnabled(page.next is not None)
        shown = format_number(self.table.rowCount())
        if self.table.rowCount() == 0 and page.next is None:
            self.message.say(_("No entry of the log matches."), "ok")
        elif page.next is not None:
            self.message.say(_("{n} entries shown; “Show more” reads the older ones.").format(n=shown), "ok")
        else:
            self.message.say(_("{n} entries shown: all that match.").format(n=shown), "ok")

    def _append(self, rows: list[AuditRow]) -> None:
        start = self.table.rowCount()
        self.table.setRowCount(start + len(rows))
        for offset, row in enumerate(rows):
            changes = "\n".join(f"{c.field}: {c.old} → {c.new}" for c in row.changes)
            for column, text in enumerate((row.when, row.who, row.what, row.record, changes)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(start + offset, column, item)
        self.table.resizeRowsToContents()
