"""What the window does with backups: one now, one before each import, one at start when the file changed and one
every 30 minutes of work (AutoBackup), and restoring one (checked, then confirmed, then put back). Every copy runs
through the one runner (ui/tasks.py) and is also copied to the second folder when one is set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from khoidesktop.context import AppContext
from khoidesktop.errors import DatabaseError
from khoidesktop.i18n import _, format_date
from khoidesktop.settings import second_backup_folder
from khoidesktop.store.access import read_only_message
from khoidesktop.tasks import IsCancelled, Progress
from khoidesktop.ui.tasks import run_task
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from khoidesktop.store.backup import BackupResult, FileState
    from khoidesktop.store.database import Store
    from khoidesktop.store.restore import CheckedBackup


def when(at: datetime) -> str:
    """23/11/2026 09:30"""
    return f"{format_date(at)} {at:%H:%M}"


def make_backup_now(ctx: AppContext, store: Store) -> BackupResult:
    """A backup of the open file, with the rotation and the second folder of the settings (on a worker thread).
    Every import calls it before it writes: a file that cannot be written is refused here, in Vietnamese, and a
    failed backup stops the import (a missing second folder does not)."""
    from khoidesktop.store.backup import backup_everywhere

    if store.readonly:
        raise DatabaseError(read_only_message(store.path))
    keep = ctx.settings.get("backups_to_keep")
    return backup_everywhere(store.path, ctx.now(), keep, second_backup_folder(ctx.settings), store.passphrase)


def backup_now(
    parent: QWidget, ctx: AppContext, done: Callable[[BackupResult], None], on_error: Callable[[str], None]
) -> None:
    store = ctx.require_store()
    work = lambda progress, cancelled: make_backup_now(ctx, store)  # noqa: E731
    run_task(parent, ctx, _("Making a backup…"), work, done, on_error=on_error)


def restore(parent: QWidget, ctx: AppContext, backup: Path, done: Callable[[Path], None]) -> None:
    """Check the backup (quick_check), ask, saying what is replaced, then restore it: the file as it is is backed up
    first. `done(safety_copy)` runs once the window has the restored file open."""
    from khoidesktop.store.restore import check_backup, count_members, refuse_other_encryption, restore_open_store

    store = ctx.require_store()

    def check(progress: Progress, cancelled: IsCancelled) -> tuple[CheckedBackup, int | None]:
        refuse_other_encryption(backup, store.path)
        return check_backup(backup, store.passphrase), count_members(store.path, store.passphrase)

    def confirm(checked_and_now: tuple[CheckedBackup, int | None]) -> None:
        checked, now_count = checked_and_now
        if not ctx.prompts.confirm(_("Restore a backup"), restore_question(store.path, checked, now_count)):
            return

        def put_back(progress: Progress, cancelled: IsCancelled) -> tuple[Store, Path]:
            return restore_open_store(store, backup, ctx.now())

        run_task(parent, ctx, _("Restoring the backup…"), put_back, restored)

    def restored(store_and_safety: tuple[Store, Path]) -> None:
        reopened, safety = store_and_safety
        store.engine.dispose()  # a page may have read through the old engine meanwhile
        ctx.store = reopened
        done(safety)

    if store.readonly:
        ctx.prompts.error(_("Restore a backup"), read_only_message(store.path))
        return
    run_task(parent, ctx, _("Checking the backup…"), check, confirm)


def restore_question(db_path: Path, checked: CheckedBackup, now_count: int | None) -> str:
    from khoidesktop.paths import display_path
    from khoidesktop.store.backup import all_backups

    taken = next((b.taken_at for b in all_backups(db_path) if b.path == checked.path), None)
    source = _("the backup of {when}").format(when=when(taken)) if taken else display_path(checked.path)
    counts = ""
    if checked.members is not None and now_count is not None:
        counts = _(" The file holds {now} member records now; {source} holds {then}.").format(
            now=now_count, source=source, then=checked.members
        )
    return _(
        "Replace everything in the data file {file} with {source}? What was entered or changed after that backup "
        "will no longer be in the file.{counts}\n\nThe file as it is now is backed up first, so it can be brought "
        "back the same way."
    ).format(file=display_path(db_path), source=source, counts=counts)


class AutoBackup(QObject):
    """The automatic backups of an open window: at start when the file changed since its last backup, then every
    30 minutes when it changed since the one before. What happened shows at the right of the status bar."""

    INTERVAL_MS = 30 * 60 * 1000
    RETRY_MS = 60 * 1000  # a dialog is open: the user is working in it, come back in a minute

    def __init__(self, window: QMainWindow, ctx: AppContext, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.last_state: FileState | None = None
        self.running = False
        self.status = MessageLabel(window.statusBar())
        window.statusBar().addPermanentWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        from khoidesktop.store.backup import changed_since_backup, file_state

        store = self.ctx.store
        if store is None or store.readonly:
            return
        state = file_state(store.path)
        if changed_since_backup(store.path, state):
            self._backup(store, state, at_start=True)
        else:
            self.last_state = state
        self.timer.start()

    def tick(self) -> None:
        from khoidesktop.store.backup import file_state

        store = self.ctx.store
        if store is None or store.readonly or self.running:
            return
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(self.RETRY_MS, self.tick)
            return
        state = file_state(store.path)
        if state != self.last_state:
            self._backup(store, state, at_start=False)

    def _backup(self, store: Store, state: FileState, *, at_start: bool) -> None:
        from khoidesktop.store.backup import remember_backed_up

        def work(progress: Progress, cancelled: IsCancelled) -> BackupResult:
            made = make_backup_now(self.ctx, store)
            if at_start:
                remember_backed_up(store.path, state)
            return made

        def done(made: BackupResult) -> None:
            self.last_state = state
            if made.warning:
                self.status.warn(_("Backup made; not copied to the second folder"))
                self.status.setToolTip(made.warning)
            else:
                self.status.ok(_("Backed up at {time}").format(time=f"{self.ctx.now():%H:%M}"))
                self.status.setToolTip("")

        def failed(message: str) -> None:
            self.status.error(_("The backup failed"))
            self.status.setToolTip(message)

        self.running = True
        task = run_task(self.window, self.ctx, _("Making a backup…"), work, done, on_error=failed)
        task.finished.connect(self._ended)  # whatever the outcome (a full disk is shown by the runner itself)

    def _ended(self) -> None:
        self.running = False
