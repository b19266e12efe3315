"""Cài đặt → Nhật ký thay đổi: who changed what, when, old → new (audit_log/records.py), read-only; filtered by kind
of record, dates and words; a page at a time, "Xem thêm" for the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
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
SHARED = (2, 3)  # what was done and to which record: each at most a sixth of the table, wrapped, so that the
# changes keep the most room however narrow the window (1366×768 at 150 %)


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
            mode = QHeaderView.ResizeMode.Interactive if column in SHARED else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.table.installEventFilter(self)  # its width shared again when it is resized
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.message = MessageLabel(self)
        self.more_button = QPushButton(_("Show more"), self)
        self.more_button.clicked.connect(self.show_more)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._share_width()
        return super().eventFilter(watched, event)

    def _share_width(self) -> None:
        """What and Record as wide as their text, up to a sixth of the table each (then wrapped)."""
        header = self.table.horizontalHeader()
        most = max(100, self.table.viewport().width() // 6)
        for column in SHARED:
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(wanted, most))
        self.table.resizeRowsToContents()

    def _filters(self) -> QVBoxLayout:
        """The kind of record and the words on a line, the dates on the next (the line fits a narrow window)."""
        rows = QVBoxLayout()
        first, row = QHBoxLayout(), QHBoxLayout()
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
        first.addWidget(self.kind)
        first.addWidget(self.search, 1)
        first.addWidget(self.apply_button)
        for widget in (QLabel(_("From"), self), self.since, QLabel(_("to"), self), self.until):
            row.addWidget(widget)
        row.addStretch(1)
        rows.addLayout(first)
        rows.addLayout(row)
        return rows

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
        self._share_width()
