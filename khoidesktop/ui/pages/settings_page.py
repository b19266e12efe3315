"""Cài đặt: the cell's names printed on documents, local days off, reminders, facts about the open data file (tab
"Chung"), the backups (tab "Sao lưu", ui/widgets/backups_panel.py) and the audit log (tab "Nhật ký thay đổi",
ui/widgets/audit_panel.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.datafile.days_off import set_days_off
from khoidesktop.datafile.identity import get_identity, identity_data, records_from, set_records_from, update_identity
from khoidesktop.datafile.kinds import CELL, kind_of
from khoidesktop.i18n import _, format_date, parse_date
from khoidesktop.paths import display_path
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.audit_panel import AuditPanel
from khoidesktop.ui.widgets.backups_panel import BackupsPanel
from khoidesktop.ui.widgets.identity_form import IdentityForm
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)


class SettingsPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.saved_kind = CELL.code
        self.tabs = QTabWidget(self)
        general = QWidget(self.tabs)
        general_layout = self.general_layout = QVBoxLayout(general)
        general_layout.setSpacing(14)
        note = QLabel(_("The names below are printed at the top of every document the program makes."), general)
        note.setObjectName("pageSubtitle")
        note.setWordWrap(True)
        general_layout.addWidget(note)
        box = QGroupBox(_("Names on documents"), general)
        box_layout = QVBoxLayout(box)
        self.form = IdentityForm(box)
        self.form.changed.connect(self._on_edited)
        box_layout.addWidget(self.form)
        buttons = QHBoxLayout()
        self.message = MessageLabel(box)
        self.revert_button = QPushButton(_("Undo changes"), box)
        self.revert_button.clicked.connect(self.refresh)
        self.save_button = QPushButton(_("Save changes"), box)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        box_layout.addLayout(buttons)
        general_layout.addWidget(box)
        days_box = QGroupBox(_("Local days off (besides the national holidays)"), general)
        days_row = QHBoxLayout(days_box)
        self.days_off = QLineEdit(days_box)
        self.days_off.setPlaceholderText(_("dd/mm/yyyy, dd/mm/yyyy, …"))
        self.days_button = QPushButton(_("Save"), days_box)
        self.days_button.clicked.connect(lambda: self.save_days_off())
        self.days_message = MessageLabel(days_box)
        days_row.addWidget(self.days_off, 1)
        days_row.addWidget(self.days_button)
        days_row.addWidget(self.days_message)
        general_layout.addWidget(days_box)
        start_box = self.start_box = QGroupBox(_("Reminders"), general)
        start_lines = QVBoxLayout(start_box)
        start_row, start_below = QHBoxLayout(), QHBoxLayout()  # the hint below: the box fits 1366×768 at 150 %
        start_lines.addLayout(start_row)
        start_lines.addLayout(start_below)
        start_label = QLabel(_("The cell keeps its records in this file from"), start_box)
        self.start_month = QComboBox(start_box)
        self.start_month.addItems([_("month {month}").format(month=m) for m in range(1, 13)])
        self.start_year = QSpinBox(start_box)
        self.start_year.setRange(1930, 9999)
        self.start_year.setGroupSeparatorShown(False)
        self.start_button = QPushButton(_("Save"), start_box)
        self.start_button.clicked.connect(self.save_records_from)
        self.start_message = MessageLabel(start_box)
        start_hint = QLabel(_("No reminder is given about months before it."), start_box)
        start_hint.setObjectName("pageSubtitle")
        start_hint.setWordWrap(True)
        for widget in (start_label, self.start_month, self.start_year, self.start_button):
            start_row.addWidget(widget)
        start_row.addStretch(1)
        start_below.addWidget(start_hint, 1)
        start_below.addWidget(self.start_message)
        general_layout.addWidget(start_box)
        file_box = QGroupBox(_("Data file"), general)
        file_layout = QVBoxLayout(file_box)
        self.file_label = QLabel(file_box)
        self.file_label.setWordWrap(True)
        file_layout.addWidget(self.file_label)
        general_layout.addWidget(file_box)
        general_layout.addStretch(1)
        self.tabs.addTab(general, _("General"))
        self.backups = BackupsPanel(ctx, self.tabs)
        self.backups.restored.connect(self._restored)
        self.tabs.addTab(self.backups, _("Backups"))
        self.audit = AuditPanel(ctx, self.tabs)
        self.tabs.addTab(self.audit, _("Change log"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.layout_.addWidget(self.tabs, 1)
        self.saved_days_off = ""
        self._set_dirty(False)

    def unsaved(self) -> bool:
        """The names or the local days off were edited and not saved."""
        return self.save_button.isEnabled() or self.days_off.text() != self.saved_days_off

    def may_leave(self, then: Callable[[], object]) -> bool:
        """Before another page, another file or closing: with unsaved edits, ask Lưu / Không lưu / Hủy."""
        if not self.unsaved():
            return True
        try:
            answer = self.ctx.prompts.ask_unsaved(
                _("Unsaved settings"),
                _("You changed the settings on this page without saving them. Save the changes?"),
            )
        except Exception:  # raised out of a close event, it would take the program down: stay instead
            log.exception("asking about unsaved settings failed")
            answer = "cancel"
        if answer == "discard":
            self.refresh()  # what is saved, shown again
            return True
        if answer == "save":
            self.save_all(then)
        return False

    def save_all(self, then: Callable[[], object]) -> None:
        """Save the days off and the names that were edited, then `then()` (nothing more if one is refused)."""
        names = self.save_button.isEnabled()
        after_days: Callable[[], object] = (lambda: self.save(then)) if names else then
        if self.days_off.text() != self.saved_days_off:
            self.save_days_off(after_days)
        else:
            after_days()

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _on_edited(self) -> None:
        self.message.clear()
        self._set_dirty(True)

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            row = get_identity(session)
            start = records_from(session)
        self.start_month.setCurrentIndex(start.month - 1)
        self.start_year.setValue(start.year)
        self.start_message.clear()
        # the reminders are of a cell's own records (meetings, files): a level above the cells keeps none
        self.start_box.setVisible(not kind_of(row).aggregates)
        if row is not None:
            self.form.set_data(identity_data(row))
            self.saved_kind = row.kind
        self.file_label.setText(
            _("File: {path}\nSchema version: {version}").format(
                path=display_path(store.path), version=store.schema_version
            )
        )
        self.message.clear()
        self._set_dirty(False)
        self.days_off.setText(", ".join(format_date(d) for d in self.ctx.extra_days_off()))
        self.saved_days_off = self.days_off.text()
        self.backups.refresh()
        self._tab_shown()
        self.general_layout.invalidate()  # the tab's own layout: the file's two lines get their height now (as the
        self.general_layout.activate()  # window does for the page's layout)

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.audit:
            self.audit.refresh()  # the changes made on the other pages since

    def show_audit(self) -> None:
        """Cài đặt → Nhật ký thay đổi."""
        self.tabs.setCurrentWidget(self.audit)
        self.audit.refresh()

    def show_backups(self) -> None:
        """Cài đặt → Sao lưu (where the start-up's "restore a backup" leads)."""
        self.tabs.setCurrentWidget(self.backups)

    def _restored(self) -> None:
        self.refresh()  # the names and settings of the restored file
        self.data_changed.emit()

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Save the names; `then()` once they are written."""
        if self.form.kind() != self.saved_kind and not self.ctx.prompts.confirm(
            _("Change the mode"),
            _(
                "Switch this data file to “{mode}”? The pages shown change with it; no record is deleted, and "
                "you can switch back here."
            ).format(mode=_(self.form.data_kind().title)),
        ):
            return
        data = self.form.data()

        def write(session: Session) -> dict[str, tuple[Any, Any]]:
            return update_identity(session, data, now=self.ctx.now(), actor=current_actor())

        def refused(message: str) -> None:
            self.message.error(message)

        def saved(changes: dict[str, tuple[Any, Any]]) -> None:
            self.refresh()
            self.message.ok(_("Saved.") if changes else _("Nothing to save: nothing was changed."))
            self.data_changed.emit()
            if then is not None:
                then()

        run_write(self, self.ctx, write, saved, on_error=refused, busy=self)

    def save_days_off(self, then: Callable[[], object] | None = None) -> bool:
        """Write the local days off into the data file (datafile/days_off.py), then `then()`. False: a date is
        refused (said under the field) and nothing is written."""
        try:
            days = sorted({parse_date(part) for part in self.days_off.text().split(",") if part.strip()})
        except ValueError as exc:
            self.days_message.error(str(exc))
            return False

        def write(session: Session) -> list[date]:
            return set_days_off(session, days, now=self.ctx.now(), actor=current_actor())

        def saved(kept: list[date]) -> None:
            self.days_off.setText(", ".join(format_date(d) for d in kept))
            self.saved_days_off = self.days_off.text()
            self.days_message.ok(_("Saved."))
            self.data_changed.emit()
            if then is not None:
                then()

        run_write(self, self.ctx, write, saved, on_error=self.days_message.error, busy=self)
        return True

    def save_records_from(self) -> None:
        month = date(self.start_year.value(), self.start_month.currentIndex() + 1, 1)

        def write(session: Session) -> date:
            return set_records_from(session, month, now=self.ctx.now(), actor=current_actor())

        def done(_first: date) -> None:
            self.start_message.ok(_("Saved."))
            self.data_changed.emit()

        run_write(
            self,
            self.ctx,
            write,
            done,
            on_error=self.start_message.error,
            busy=self,
        )
