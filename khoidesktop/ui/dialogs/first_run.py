"""First run: create the cell's data file, open the training data, or open an existing file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.datafile.identity import IdentityData
from khoidesktop.errors import UserError
from khoidesktop.i18n import _
from khoidesktop.paths import display_path
from khoidesktop.ui.dialogs.base import OrderedDialog
from khoidesktop.ui.widgets.identity_form import IdentityForm

if TYPE_CHECKING:
    from khoidesktop.store.backup import BackupFile


class FirstRunDialog(OrderedDialog):
    CREATE, DEMO, OPEN, RESTORE = "create", "demo", "open", "restore"

    def __init__(
        self,
        ctx: AppContext,
        new_path: Path,
        parent: QWidget | None = None,
        notice: str | None = None,
        backups: list[BackupFile] | None = None,
    ) -> None:
        """`backups`: those of a file that could not be opened, offered to restore (the notice says so)."""
        super().__init__(parent)
        self.ctx = ctx
        self.choice: str | None = None
        self.identity: IdentityData | None = None
        self.open_path: Path | None = None
        self.backups = backups or []
        self.setWindowTitle(_("Getting started with Khối desktop"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(14)
        welcome = QLabel(
            notice
            or _(
                "<b>Welcome!</b> There is no data file for your cell on this computer "
                "yet. Create one by filling in the names below (you can change them later "
                "in Settings), or open the training data to practise first."
            ),
            self,
        )
        welcome.setWordWrap(True)
        layout.addWidget(welcome)
        if self.backups:
            layout.addWidget(self._restore_box())
        box = QGroupBox(_("Create a data file"), self)
        box_layout = QVBoxLayout(box)
        self.form = IdentityForm(box)
        box_layout.addWidget(self.form)
        where = QLabel(_("The file will be saved as: {path}").format(path=display_path(new_path)), box)
        where.setObjectName("pageSubtitle")
        where.setWordWrap(True)
        box_layout.addWidget(where)
        self.error = QLabel(box)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        box_layout.addWidget(self.error)
        layout.addWidget(box)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton(_("Open the training data"), self)
        self.open_button = QPushButton(_("Open an existing file…"), self)
        self.quit_button = QPushButton(_("Quit"), self)
        self.create_button = QPushButton(_("Create the data file"), self)
        self.create_button.setObjectName("primary")
        self.create_button.setDefault(True)
        for button in (self.demo_button, self.open_button, self.quit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        self.create_button.clicked.connect(self._create)
        self.demo_button.clicked.connect(lambda: self._finish(self.DEMO))
        self.open_button.clicked.connect(self._open)
        self.quit_button.clicked.connect(self.reject)

    def _restore_box(self) -> QGroupBox:
        """The file's backups, newest first, and the button that puts the chosen one in its place."""
        from khoidesktop.ui.backup_actions import when
        from khoidesktop.ui.widgets.backups_panel import KIND_LABELS, size_text

        box = QGroupBox(_("Restore a backup"), self)
        row = QHBoxLayout(box)
        self.backup_choice = QComboBox(box)
        for backup in self.backups:
            text = f"{when(backup.taken_at)} — {_(KIND_LABELS[backup.kind])} — {size_text(backup.size)}"
            self.backup_choice.addItem(text, str(backup.path))
        self.restore_button = QPushButton(_("Restore this backup…"), box)
        self.restore_button.clicked.connect(self._restore)
        row.addWidget(self.backup_choice, 1)
        row.addWidget(self.restore_button)
        return box

    def _restore(self) -> None:
        self.open_path = Path(self.backup_choice.currentData())
        self._finish(self.RESTORE)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _create(self) -> None:
        try:
            self.identity = self.form.data().validated()
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self._finish(self.CREATE)

    def _open(self) -> None:
        path = self.ctx.prompts.open_file(_("Open a data file"), _("Khối data files (*.sqlite);;All files (*)"))
        if path is not None:
            self.open_path = path
            self._finish(self.OPEN)
