"""Encryption at rest on the command line (issue 15): where a passphrase comes from (a file or the environment,
never an argument the process list shows), and `encrypt` / `decrypt` (TOOLS)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import existing_db
from khoidesktop.commands.registry import ANY, Command
from khoidesktop.context import AppContext
from khoidesktop.errors import DatabaseError, ValidationError
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.lock import InstanceLock

ENVIRONMENT = "KHOI_PASSPHRASE"
_LONGEST = 1024  # bytes of a passphrase file


def given_passphrase(file: Path | None) -> str | None:
    """The passphrase given with --passphrase-file, else in KHOI_PASSPHRASE; None when there is none."""
    if file is None:
        return os.environ.get(ENVIRONMENT) or None
    try:
        with file.open("rb") as handle:
            raw = handle.read(_LONGEST + 1)
        text = raw.decode("utf-8")
    except OSError as exc:
        raise DatabaseError(
            _("The passphrase file {path} cannot be read ({reason}).").format(path=file, reason=exc.strerror or exc)
        ) from None
    except UnicodeDecodeError:
        raise DatabaseError(_("The passphrase file {path} is not a text file (UTF-8).").format(path=file)) from None
    passphrase = text.removesuffix("\n").removesuffix("\r")
    if not passphrase or len(raw) > _LONGEST:
        raise DatabaseError(
            _("The passphrase file {path} must hold the passphrase on one line (at most {n} bytes).").format(
                path=file, n=_LONGEST
            )
        )
    return passphrase


def new_passphrase(ctx: AppContext) -> str:
    """A passphrase for a file to encrypt: the one given (file or environment), else typed twice at the terminal."""
    from getpass import getpass

    from khoidesktop.store.encryption import check_new_passphrase

    passphrase = ctx.passphrase
    if passphrase is None:
        if not sys.stdin.isatty():
            raise ValidationError(
                _("Give the new passphrase in a file with --passphrase-file FILE, or in KHOI_PASSPHRASE.")
            )
        passphrase = getpass(_("New passphrase: "))
        if getpass(_("The passphrase again: ")) != passphrase:
            raise ValidationError(_("The two passphrases differ. Nothing has been changed; try again."))
    check_new_passphrase(passphrase)
    return passphrase


def _remove_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remove-plain-backups",
        action="store_true",
        help=_("also delete the backups made before the file was encrypted (they can be read without a passphrase)"),
    )


def _plain_backups(path: Path, ctx: AppContext) -> list[Path]:
    from khoidesktop.settings import second_backup_folder
    from khoidesktop.store.encryption import plain_backups

    second = second_backup_folder(ctx.settings)
    return plain_backups(path) + (plain_backups(path, second) if second is not None and second.is_dir() else [])


def _locked_and_checked(path: Path, ctx: AppContext, passphrase: str | None) -> InstanceLock | None:
    """The file's lock, taken, once the file is opened (checked, upgraded) with `passphrase` and found writable."""
    from khoidesktop.store.access import read_only_message
    from khoidesktop.store.database import open_store

    store = open_store(path, now=ctx.now, passphrase=passphrase)
    lock, store.lock = store.lock, None
    store.close()
    if store.readonly:
        raise DatabaseError(read_only_message(path))
    return lock


def cmd_encrypt(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.paths import backups_dir_for
    from khoidesktop.store.connect import is_encrypted

    path = existing_db(args, ctx)
    if is_encrypted(path):
        if not args.remove_plain_backups:
            raise ValidationError(_("The data file {path} is already encrypted.").format(path=path))
        lock = _locked_and_checked(path, ctx, ctx.passphrase)  # only its owner, who knows the passphrase, deletes
        if lock is not None:
            lock.release()
    else:
        _convert(path, ctx, None, new_passphrase(ctx))
        print(
            _(
                "Encrypted {path}. From now on it opens only with its passphrase: keep the passphrase safe, without "
                "it nobody can read the data, you neither. The backups made from now on are encrypted too."
            ).format(path=path)
        )
    plain = _plain_backups(path, ctx)
    if args.remove_plain_backups:
        for backup in plain:
            backup.unlink(missing_ok=True)
        print(_("Deleted {n} backups that were not encrypted.").format(n=len(plain)))
    elif plain:
        print(
            _(
                "The {n} backups made before (in {folder}) are not encrypted: anyone with the files can read them. "
                "Delete them with “encrypt --remove-plain-backups” once you no longer need them."
            ).format(n=len(plain), folder=backups_dir_for(path))
        )
    return 0


def cmd_decrypt(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.store.connect import is_encrypted, needs_passphrase_message

    path = existing_db(args, ctx)
    if not is_encrypted(path):
        raise ValidationError(_("The data file {path} is not encrypted.").format(path=path))
    if ctx.passphrase is None:
        raise DatabaseError(needs_passphrase_message(path))
    _convert(path, ctx, ctx.passphrase, None)
    print(
        _(
            "Decrypted {path}: it opens without a passphrase now. The backups made before stay encrypted with the "
            "passphrase."
        ).format(path=path)
    )
    return 0


def _convert(path: Path, ctx: AppContext, passphrase: str | None, new: str | None) -> None:
    """Lock, check, back up (as the file is), convert; the lock is held all along."""
    from khoidesktop.settings import second_backup_folder
    from khoidesktop.store.backup import backup_everywhere
    from khoidesktop.store.encryption import convert

    lock = _locked_and_checked(path, ctx, passphrase)
    try:
        keep = ctx.settings.get("backups_to_keep")
        made = backup_everywhere(path, ctx.now(), keep, second_backup_folder(ctx.settings), passphrase)
        if made.warning:
            print(made.warning, file=sys.stderr)
        convert(path, passphrase, new)
    finally:
        if lock is not None:
            lock.release()


TOOLS = (
    Command(
        "encrypt",
        N_("encrypt the data file with a passphrase (a backup is made first)"),
        (_remove_flag,),
        {ANY: cmd_encrypt},
    ),
    Command("decrypt", N_("remove the data file's encryption (a backup is made first)"), (), {ANY: cmd_decrypt}),
)
