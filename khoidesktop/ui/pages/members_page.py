"""Đảng viên: the member list (Vietnamese order, accent-free search, status filter, chosen columns), the
member record, Excel import/export, the PDFs, and undo of the last edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.members import ACTIVE_STATUSES, STATUSES
from khoidesktop.i18n import _, format_number
from khoidesktop.members.queries import member_rows
from khoidesktop.members.records import LastEdit, undo_update
from khoidesktop.store.audit import current_actor, last_entry_id
from khoidesktop.ui import member_actions
from khoidesktop.ui.models.member_table import COLUMNS, MemberFilter, MemberTableModel
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.flow_layout import FlowLayout
from khoidesktop.ui.widgets.row_open import open_on_activate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Changes = dict[str, tuple[object, object]]  # field → (old, new), as members.records.update_member returns it


class MembersPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.last_change: LastEdit | None = None
        self.model = MemberTableModel(self)
        self.proxy = MemberFilter(self)
        self.proxy.setSourceModel(self.model)
        self.layout_.addLayout(self._actions())
        self.layout_.addLayout(self._filters())
        self.table = self._table()
        self.empty = QLabel(
            _(
                "No party members yet. Import them from Excel (“Import from Excel…”) or add them "
                "one by one (“Add a member”)."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.views = QStackedWidget(self)
        self.views.addWidget(self.table)
        self.views.addWidget(self.empty)
        self.layout_.addWidget(self.views, 1)
        self.proxy.set_statuses(frozenset(ACTIVE_STATUSES))
        self._apply_columns()

    # --- building -----------------------------------------------------------------------------------------

    def _actions(self) -> FlowLayout:
        row = FlowLayout()  # onto a second line in a narrow window (1366×768 at 150 %)
        self.add_button = QPushButton(_("Add a member"), self)
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(lambda: self.open_member(None))
        self.import_button = QPushButton(_("Import from Excel…"), self)
        self.import_button.clicked.connect(lambda: member_actions.import_excel(self, self.ctx, self.refresh))
        self.export_button = QPushButton(_("Export to Excel…"), self)
        self.export_button.clicked.connect(lambda: member_actions.export_excel(self, self.ctx))
        self.print_button = QPushButton(_("Print (PDF)"), self)
        menu = QMenu(self.print_button)
        menu.addAction(_("Party members list…"), lambda: member_actions.roster_pdf(self, self.ctx))
        menu.addAction(_("Member structure report…"), lambda: member_actions.structure_pdf(self, self.ctx))
        self.print_button.setMenu(menu)
        self.badges_button = QPushButton(_("Party badges…"), self)
        self.badges_button.clicked.connect(self.show_badges)
        self.undo_button = QPushButton(_("Undo last edit"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last_edit)
        for button in (self.add_button, self.import_button, self.export_button, self.print_button, self.badges_button):
            row.addWidget(button)
        row.addWidget(self.undo_button)
        return row

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search by name or card number (accents not needed)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(_("In the cell's list"), frozenset(ACTIVE_STATUSES))
        self.status_filter.addItem(_("Everyone, including those who left"), None)
        for code, msgid in STATUSES.items():
            self.status_filter.addItem(_(msgid), frozenset({code}))
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.count_label = QLabel(self)
        self.columns_button = QPushButton(_("Columns…"), self)
        self.columns_menu = QMenu(self.columns_button)
        for index, column in enumerate(COLUMNS):
            action = QAction(_(column.title), self.columns_menu, checkable=True)
            action.setData(index)
            action.setEnabled(column.key != "full_name")
            action.toggled.connect(self._column_toggled)
            self.columns_menu.addAction(action)
        self.columns_button.setMenu(self.columns_menu)
        row.addWidget(self.search, 2)
        row.addWidget(self.status_filter, 1)
        row.addWidget(self.count_label)
        row.addWidget(self.columns_button)
        return row

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self.columns_menu.exec(header.mapToGlobal(pos)))
        open_on_activate(table, lambda row: self.open_member(self.model.member_id(row)))
        return table

    # --- columns ------------------------------------------------------------------------------------------

    def visible_keys(self) -> list[str]:
        saved = self.ctx.settings.get("member_columns")
        keys = [k for k in saved.split(",") if k] if saved else [c.key for c in COLUMNS if c.shown]
        return ["full_name", *[k for k in keys if k != "full_name"]]

    def _apply_columns(self) -> None:
        keys = set(self.visible_keys())
        for index, column in enumerate(COLUMNS):
            self.table.setColumnHidden(index, column.key not in keys)
        for action in self.columns_menu.actions():
            action.blockSignals(True)
            action.setChecked(COLUMNS[action.data()].key in keys)
            action.blockSignals(False)

    def _column_toggled(self) -> None:
        keys = [COLUMNS[a.data()].key for a in self.columns_menu.actions() if a.isChecked()]
        self.ctx.settings.set("member_columns", ",".join(keys))
        self._apply_columns()

    # --- data ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            rows = member_rows(session, self.ctx.today())
            newest = last_entry_id(session)
        if self.last_change is not None and self.last_change.audit_mark != newest:
            self._forget_last_change()  # something else was recorded since: that edit is no longer the last change
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() != 0 or header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.table.resizeColumnsToContents()
        self._update_count()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def _status_changed(self) -> None:
        self.proxy.set_statuses(self.status_filter.currentData())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.views.setCurrentWidget(self.empty if total == 0 else self.table)
        self.count_label.setText(
            _("{shown} of {total} shown").format(shown=format_number(shown), total=format_number(total))
        )

    # --- record, undo, badges -----------------------------------------------------------------------------

    def open_member(self, member_id: int | None) -> None:
        from khoidesktop.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(self.ctx, member_id, self)
        dialog.saved.connect(self._saved)
        dialog.exec()
        self.refresh()
        self.data_changed.emit()

    def _saved(self, member_id: int, changes: Changes, audit_mark: int) -> None:
        if not changes:
            return  # a new member, or nothing changed: refresh() tells whether an older edit is still the last
        new_name = changes.get("full_name", (None, None))[1]
        name = new_name if isinstance(new_name, str) and new_name else self._name_of(member_id)
        self.last_change = LastEdit(member_id, name, dict(changes), audit_mark)
        self.undo_button.setEnabled(True)
        self.undo_button.setToolTip(self.last_change.describe())

    def _forget_last_change(self) -> None:
        self.last_change = None
        self.undo_button.setEnabled(False)
        self.undo_button.setToolTip(_("Nothing to undo: undo takes back the last edit of a member's profile."))

    def _name_of(self, member_id: int) -> str:
        return next((r.full_name for r in self.model.rows if r.id == member_id), "")

    def undo_last_edit(self) -> None:
        """Undo exactly the last change, after saying which ('Undo: edit Position of …')."""
        edit = self.last_change
        if edit is None:
            return
        question = edit.describe() + ".\n\n" + _("Put back the values from before that edit?")
        if not self.ctx.prompts.confirm(_("Undo last edit"), question):
            return

        def write(session: Session) -> None:
            undo_update(session, edit, now=self.ctx.now(), actor=current_actor())

        def undone(_result: None) -> None:
            self._forget_last_change()
            self.refresh()
            self.data_changed.emit()

        def refused(message: str) -> None:
            self._forget_last_change()
            self.ctx.prompts.warning(_("Undo last edit"), message)

        run_write(self, self.ctx, write, undone, on_error=refused, busy=self)

    def show_badges(self) -> None:
        from khoidesktop.ui.dialogs.badges_dialog import BadgesDialog

        BadgesDialog(self.ctx, self).exec()
