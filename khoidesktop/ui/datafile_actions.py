"""Opening a data file in the window: at start (ui/startup.py), and after it, another file or one of the recent files
(Tệp → Mở tệp dữ liệu khác…, Mở gần đây). The new file is opened before the old one is closed: a file that cannot be
opened leaves the window as it was. A recent file that is gone leaves the list, with a calm message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QThreadPool

from khoidesktop.context import AppContext
from khoidesktop.errors import DatabaseLockedError, UserError
from khoidesktop.i18n import _
from khoidesktop.paths import display_path
from khoidesktop.settings import forget_recent, remember_recent

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QMainWindow
    from sqlalchemy.orm import Session

    from khoidesktop.store.database import Store
    from khoidesktop.ui.pages.base import Page

log = logging.getLogger(__name__)


class Window(Protocol):
    """What these actions need of the main window (ui/main_window.py)."""

    def may_leave(self, then: Callable[[], object]) -> bool: ...
    def current_page(self) -> Page | None: ...
    def set_store(self, store: Store) -> None: ...


class Locked(Exception):
    """The file is open in another window: say so and do nothing else (DESIGN.md, single instance)."""


def attempt(ctx: AppContext, action: Callable[[], Store | None]) -> Store | None:
    """`action()`, its refusal said in Vietnamese (None); Locked when the file is open in another window."""
    try:
        return action()
    except DatabaseLockedError as exc:
        ctx.prompts.error(_("The data file is already open"), exc.message)
        raise Locked from exc
    except UserError as exc:
        ctx.prompts.error(_("Cannot open the data file"), exc.message)
        return None


def remember(ctx: AppContext, store: Store) -> None:
    """The file goes to the top of the recent files and, unless it is the training file, is opened next time."""
    from khoidesktop.datafile.create import is_training

    try:
        remember_recent(ctx.settings, store.path)
        if not is_training(store):  # the training file never becomes the file opened by default
            ctx.settings.set("last_database", str(store.path))
    except OSError:
        log.warning("could not save the settings file", exc_info=True)


def data_file_filter() -> str:
    return _("Khối data file (*.sqlite);;All files (*)")


def open_other(window: Window, ctx: AppContext) -> bool:
    """Tệp → Mở tệp dữ liệu khác…: choose a file, then open it in place of the open one."""
    if not window.may_leave(lambda: open_other(window, ctx)):
        return False
    path = ctx.prompts.open_file(_("Open another data file"), data_file_filter())
    return path is not None and switch_to(window, ctx, path)


def open_recent(window: Window, ctx: AppContext, path: Path) -> bool:
    """Tệp → Mở gần đây → a file: open it; a file that is gone leaves the list, and the user is told why."""
    if not window.may_leave(lambda: open_recent(window, ctx, path)):
        return False
    if not path.is_file():
        forget_recent(ctx.settings, path)
        ctx.prompts.info(
            _("File not found"),
            _(
                "The data file {path} is no longer there: it may have been moved or renamed, or it is on a USB "
                "stick that is not plugged in. It was taken off the list of recent files; nothing else changed. "
                "Open it where it is now with “Open another data file…”."
            ).format(path=display_path(path)),
        )
        return False
    return switch_to(window, ctx, path)


def switch_to(window: Window, ctx: AppContext, path: Path) -> bool:
    """Open `path` in the window in place of the file open now (which stays open if `path` cannot be opened)."""
    from khoidesktop.store.database import open_store

    current = ctx.store
    if current is not None and path.resolve() == current.path.resolve():
        ctx.prompts.info(_("Open another data file"), _("This data file is the one open now."))
        return False
    try:
        store = attempt(ctx, lambda: open_store(path, now=ctx.now))
    except Locked:
        return False
    if store is None:
        return False
    QThreadPool.globalInstance().waitForDone(30_000)  # a write still running ends before its file is closed
    if current is not None:
        current.close()
    remember(ctx, store)
    window.set_store(store)
    after_open(window, ctx, store)
    return True


def after_open(window: Window, ctx: AppContext, store: Store) -> None:
    """Say when the file can only be read; start the automatic backups of the file (or follow the new one)."""
    from PySide6.QtWidgets import QMainWindow

    from khoidesktop.ui.backup_actions import AutoBackup

    if store.readonly:
        from khoidesktop.store.access import read_only_message

        ctx.prompts.warning(_("The data file can only be read"), read_only_message(store.path))
    if isinstance(window, QMainWindow):
        backups = window.findChild(AutoBackup) or AutoBackup(window, ctx)
        backups.start()  # at open when the file changed, then every 30 minutes of work
        if not store.readonly:
            adopt_days_off(window, window, ctx)


def adopt_days_off(window: Window, main: QMainWindow, ctx: AppContext) -> None:
    """The local days off this computer kept before they moved into the data files go into the open file, once
    (a file that took them in, here or on another computer, is left as it is)."""
    from khoidesktop.datafile.days_off import adopt_local_days_off
    from khoidesktop.i18n import format_date
    from khoidesktop.store.audit import current_actor
    from khoidesktop.ui.tasks import run_write

    local = ctx.local_days_off()
    if not local:
        return

    def write(session: Session) -> list[date]:
        return adopt_local_days_off(session, local, now=ctx.now(), actor=current_actor())

    def adopted(added: list[date]) -> None:
        if added:
            days = ", ".join(format_date(day) for day in added)
            main.statusBar().showMessage(
                _("The local days off set on this computer are now kept in the data file: {days}.").format(days=days)
            )
            page = window.current_page()
            if page is not None:
                page.refresh()  # its deadlines count the days off now

    run_write(main, ctx, write, adopted)
