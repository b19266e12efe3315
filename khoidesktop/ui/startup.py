"""Which data file to open at start, and the first-run choice when there is none (or it fails)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from khoidesktop.context import AppContext
from khoidesktop.datafile.create import create_data_file
from khoidesktop.i18n import _
from khoidesktop.store.audit import current_actor
from khoidesktop.store.database import Store, open_store
from khoidesktop.ui.datafile_actions import Locked, after_open, attempt, remember
from khoidesktop.ui.dialogs.first_run import FirstRunDialog
from khoidesktop.ui.main_window import MainWindow


def initial_path(ctx: AppContext, db_arg: Path | None, demo: bool) -> Path:
    if db_arg is not None:
        return db_arg
    if demo:
        return ctx.paths.demo_db
    last = ctx.settings.get("last_database")
    return Path(last) if last else ctx.paths.default_db


def free_path(path: Path) -> Path:
    """`path`, or `name-2.sqlite`, `name-3.sqlite` … if it is taken (never overwrite a file)."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def open_or_create(ctx: AppContext, path: Path, *, demo: bool) -> Store:
    if demo and not path.exists():
        from khoidesktop.demo.files import create_demo_file

        return create_demo_file(path, actor=current_actor(), now=ctx.now)
    return open_store(path, now=ctx.now)


def _ask(window: MainWindow, ctx: AppContext, new_path: Path, notice: str | None) -> Callable[[], Store] | None:
    dialog = FirstRunDialog(ctx, new_path, window, notice=notice)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    if dialog.choice == FirstRunDialog.OPEN and dialog.open_path is not None:
        chosen = dialog.open_path
        return lambda: open_store(chosen, now=ctx.now)
    if dialog.choice == FirstRunDialog.DEMO:
        return lambda: open_or_create(ctx, ctx.paths.demo_db, demo=True)
    identity = dialog.identity
    return lambda: create_data_file(new_path, identity, actor=current_actor(), now=ctx.now)


def start(window: MainWindow, ctx: AppContext, db_arg: Path | None, demo: bool) -> bool:
    """Open a data file into the window, asking the user when needed. False: quit (the user chose to,
    or the file is open in another window)."""
    path = initial_path(ctx, db_arg, demo)
    store, notice = None, None
    try:
        if path.exists() or demo:
            store = attempt(ctx, lambda: open_or_create(ctx, path, demo=demo))
            notice = (
                None
                if store
                else _(
                    "The data file could not be opened (see the message). Open another "
                    "file, restore a backup, open the training data or create a new file."
                )
            )
        elif db_arg is None and ctx.settings.get("last_database"):
            notice = _(
                "The data file opened last time was not found: {path}. It may have been moved, or it is "
                "on a USB stick that is not plugged in. Open it where it is now, or create a new one."
            ).format(path=path)
        while store is None:
            action = _ask(window, ctx, free_path(db_arg or ctx.paths.default_db), notice)
            if action is None:
                return False
            store = attempt(ctx, action)
    except Locked:
        return False
    remember(ctx, store)
    window.set_store(store)
    after_open(window, ctx, store)  # the read-only warning, the automatic backups
    return True
