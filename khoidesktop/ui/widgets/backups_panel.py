"""Cài đặt → Sao lưu: the list of the file's backups (date, kind, size), "Sao lưu ngay", "Khôi phục", and the second
folder (a USB stick) every backup is copied to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
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
from khoidesktop.i18n import N_, _, format_number
from khoidesktop.paths import backups_dir_for, display_path
from khoidesktop.ui import backup_actions
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from khoidesktop.store.backup import BackupFile, BackupResult

KIND_LABELS = {  # store/backup.py's kinds
    "regular": N_("Backup"),
    "before-upgrade": N_("Before an upgrade"),
    "before-restore": N_("Before a restore"),
}
BACKUP_FILTER = "SQLite (*.sqlite)"


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return _("{n} KB").format(n=format_number(max(size // 1024, 1)))
    return _("{n} MB").format(n=format_number(size / (1024 * 1024), 1))


class BackupsPanel(QWidget):
    restored = Signal()  # the window now has the restored file open

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backups: list[BackupFile] = []
        layout = QVBoxLayout(self)
        about = QLabel(
            _(
                "The program backs the file up by itself: at start when it changed, every 30 minutes of work, "
                "before every import and before an upgrade. It keeps the {last} newest backups, then one a day for 12 "
                "days, one a week for 10 weeks and one a month for 12 months."
            ).format(last=ctx.settings.get("backups_to_keep")),
            self,
        )
        about.setObjectName("pageSubtitle")
        about.setWordWrap(True)
        layout.addWidget(about)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([_("Made at"), _("Kind"), _("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(150)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.message = MessageLabel(self, lines=2)  # its own row, under the buttons: a warning may be long
        self.backup_button = QPushButton(_("Back up now"), self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(_("Restore the chosen backup…"), self)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.restore_file_button = QPushButton(_("Restore from another file…"), self)
        self.restore_file_button.clicked.connect(self.restore_other)
        for button in (self.backup_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        second_box = QGroupBox(_("Second folder (a USB stick)"), self)
        second = QHBoxLayout(second_box)
        self.second_folder = QLineEdit(second_box)
        self.second_folder.setReadOnly(True)
        self.second_folder.setPlaceholderText(_("none: choose one and every backup is also copied there"))
        self.choose_button = QPushButton(_("Choose…"), second_box)
        self.choose_button.clicked.connect(self.choose_second_folder)
        self.clear_button = QPushButton(_("Do not copy"), second_box)
        self.clear_button.clicked.connect(self.clear_second_folder)
        second.addWidget(self.second_folder, 1)
        second.addWidget(self.choose_button)
        second.addWidget(self.clear_button)
        layout.addWidget(second_box)

    def refresh(self) -> None:
        from khoidesktop.store.backup import all_backups

        store = self.ctx.store
        self.backups = all_backups(store.path) if store is not None else []
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = (backup_actions.when(backup.taken_at), _(KIND_LABELS[backup.kind]), size_text(backup.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(display_path(backup.path))
                self.table.setItem(row, column, item)
        folder = self.ctx.settings.get("second_backup_folder")
        self.second_folder.setText(display_path(Path(folder)) if folder else "")
        self.clear_button.setEnabled(bool(folder))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None

    def backup_now(self) -> None:
        def done(made: BackupResult) -> None:
            self.refresh()
            if made.warning:
                self.message.warn(made.warning)
            else:
                self.message.ok(_("Backup made: {name}.").format(name=made.path.name))

        self.message.clear()
        backup_actions.backup_now(self, self.ctx, done, self.message.error)

    def restore_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self._restore(chosen)

    def restore_other(self) -> None:
        path = self.ctx.prompts.open_file(_("Restore from a backup file"), BACKUP_FILTER)
        if path is not None:
            self._restore(path)

    def _restore(self, backup: Path) -> None:
        def done(safety: Path) -> None:
            self.refresh()
            self.message.ok(_("Restored. The file as it was before is kept as {name}.").format(name=safety.name))
            self.restored.emit()

        self.message.clear()
        backup_actions.restore(self, self.ctx, backup, done)

    def choose_second_folder(self) -> None:
        folder = self.ctx.prompts.open_folder(_("Choose the second folder for backups"))
        if folder is None:
            return
        store = self.ctx.store
        if store is not None and folder.resolve() in {
            store.path.parent.resolve(),
            backups_dir_for(store.path).resolve(),
        }:
            self.message.error(
                _("That is where the data file and its backups already are: choose another disk, such as a USB stick.")
            )
            return
        self.ctx.settings.set("second_backup_folder", str(folder))
        self.refresh()
        self.message.ok(_("Every backup from now on is also copied to {folder}.").format(folder=display_path(folder)))

    def clear_second_folder(self) -> None:
        self.ctx.settings.set("second_backup_folder", "")
        self.refresh()
        self.message.ok(_("Backups are no longer copied to a second folder."))
