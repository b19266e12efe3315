"""Which data file to open at start, and the first-run choice when there is none (or it fails)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from khoidesktop.context import AppContext
from khoidesktop.datafile.create import create_data_file
from khoidesktop.errors import DatabaseError
from khoidesktop.i18n import _
from khoidesktop.store.audit import current_actor
from khoidesktop.store.connect import PassphraseNeeded, WrongPassphrase
from khoidesktop.store.database import Store, open_store
from khoidesktop.ui.datafile_actions import Locked, after_open, attempt, remember
from khoidesktop.ui.dialogs.first_run import FirstRunDialog
from khoidesktop.ui.main_window import MainWindow

T = TypeVar("T")


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
    return unlocked(ctx, path)


class PassphraseNotGiven(DatabaseError):
    """An encrypted file the user typed no passphrase for: nothing is wrong with it, so no backup is offered in its
    place."""


def unlocked(ctx: AppContext, path: Path) -> Store:
    """Open `path`; an encrypted file asks for its passphrase (again after a wrong one) until it opens or the user
    cancels (a DatabaseError then: nothing was opened)."""
    text = _("The data file {path} is encrypted. Type its passphrase:").format(path=path)
    store = with_passphrase(ctx, _("Encrypted data file"), text, lambda p: open_store(path, now=ctx.now, passphrase=p))
    if store is None:
        raise PassphraseNotGiven(
            _("The data file {path} is encrypted and no passphrase was typed: it was not opened.").format(path=path)
        )
    return store


def with_passphrase(ctx: AppContext, title: str, text: str, use: Callable[[str | None], T]) -> T | None:
    """`use(passphrase)`, with the one given at start (or none) first, then with each the user types through the
    prompts seam after PassphraseNeeded or WrongPassphrase. The user cancels: None, or the last WrongPassphrase
    when one was refused (a file whose first page is damaged refuses every passphrase)."""
    passphrase, wrong = ctx.passphrase, None
    while True:
        try:
            return use(passphrase)
        except PassphraseNeeded:
            pass
        except WrongPassphrase as exc:
            wrong = exc
        asked = text
        if wrong is not None:
            asked = _("That passphrase does not open the file; capitals, accents and spaces count.") + "\n\n" + text
        passphrase = ctx.prompts.ask_passphrase(title, asked)
        if passphrase is None:
            if wrong is not None:
                raise wrong
            return None


def _ask(
    window: MainWindow, ctx: AppContext, new_path: Path, notice: str | None, failed: Path | None, restored: list[Path]
) -> Callable[[], Store | None] | None:
    """The first-run choice. `failed`: the file that could not be opened, whose backups are offered; a restore
    appends where the old file is kept to `restored`."""
    from khoidesktop.store.backup import all_backups

    backups = all_backups(failed) if failed is not None else []
    dialog = FirstRunDialog(ctx, new_path, window, notice=notice, backups=backups)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return None
    if dialog.choice == FirstRunDialog.RESTORE and dialog.open_path is not None and failed is not None:
        return _restore_action(ctx, dialog.open_path, failed, restored)
    if dialog.choice == FirstRunDialog.OPEN and dialog.open_path is not None:
        chosen = dialog.open_path
        return lambda: unlocked(ctx, chosen)
    if dialog.choice == FirstRunDialog.DEMO:
        return lambda: open_or_create(ctx, ctx.paths.demo_db, demo=True)
    identity = dialog.identity
    return lambda: create_data_file(new_path, identity, actor=current_actor(), now=ctx.now)


def _restore_action(ctx: AppContext, backup: Path, failed: Path, restored: list[Path]) -> Callable[[], Store | None]:
    """Asked first; the file that could not be opened is kept aside, never deleted (store/restore.py)."""
    from khoidesktop.paths import display_path
    from khoidesktop.store.restore import restore_unopenable

    def restore() -> Store | None:
        if not ctx.prompts.confirm(
            _("Restore a backup"),
            _(
                "Put the backup {backup} in place of the data file {file}? The file that could not be opened is "
                "kept in the backups folder; nothing is deleted."
            ).format(backup=backup.name, file=display_path(failed)),
        ):
            return None  # back to the choice
        text = _(
            "The backup {backup} is encrypted. Type the passphrase the data file had when the backup was made:"
        ).format(backup=backup.name)
        done = with_passphrase(
            ctx, _("Encrypted backup"), text, lambda p: restore_unopenable(backup, failed, ctx.now(), p)
        )
        if done is None:
            return None  # no passphrase typed: back to the choice, nothing moved
        store, kept = done
        restored.append(kept)
        return store

    return restore


def _show_restored(window: MainWindow, kept: Path) -> None:
    """After a restore at start, the window opens on Cài đặt → Sao lưu, saying what was done."""
    from khoidesktop.ui.pages.settings_page import SettingsPage

    page = window.go_to("cai-dat")
    if not isinstance(page, SettingsPage):
        raise RuntimeError("the page cai-dat is the settings page")
    page.show_backups()
    page.backups.message.ok(
        _("The backup was restored. The file that could not be opened is kept as {name}.").format(name=kept.name)
    )


def start(window: MainWindow, ctx: AppContext, db_arg: Path | None, demo: bool) -> bool:
    """Open a data file into the window, asking the user when needed. False: quit (the user chose to,
    or the file is open in another window)."""
    path = initial_path(ctx, db_arg, demo)
    store, notice, failed = None, None, None
    restored: list[Path] = []
    declined: list[PassphraseNotGiven] = []

    def first() -> Store:
        try:
            return open_or_create(ctx, path, demo=demo)
        except PassphraseNotGiven as exc:
            declined.append(exc)
            raise

    try:
        if path.exists() or demo:
            store = attempt(ctx, first)
            # a file that only lacked its passphrase is not offered a backup in its place; a damaged one, encrypted
            # or not, is (an encrypted backup asks its passphrase)
            failed = None if store or declined else path
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
            action = _ask(window, ctx, free_path(db_arg or ctx.paths.default_db), notice, failed, restored)
            if action is None:
                return False
            store = attempt(ctx, action)
    except Locked:
        return False
    remember(ctx, store)
    window.set_store(store)
    if restored:
        _show_restored(window, restored[-1])
    after_open(window, ctx, store)  # the read-only warning, the automatic backups
    return True
