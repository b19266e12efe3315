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
        help=_(
            "delete the backups made before the file was encrypted instead of encrypting them with the same passphrase"
        ),
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
    """Encrypt the file, then its backups made before (plain copies of the same data): each encrypted with the same
    passphrase and checked before it replaces the plain one, or deleted with --remove-plain-backups once the
    encrypted file is checked. Run on an encrypted file, it does the same to the plain backups left."""
    from khoidesktop.store.connect import is_encrypted

    path = existing_db(args, ctx)
    if is_encrypted(path):
        passphrase = ctx.passphrase
        lock = _locked_and_checked(path, ctx, passphrase)  # only its owner, who knows the passphrase, changes them
        if lock is not None:
            lock.release()
        if not _plain_backups(path, ctx):
            raise ValidationError(_("The data file {path} is already encrypted.").format(path=path))
    else:
        passphrase = new_passphrase(ctx)
        _convert(path, ctx, None, passphrase)
        print(
            _(
                "Encrypted {path}. From now on it opens only with its passphrase: keep the passphrase safe, without "
                "it nobody can read the data, you neither. The backups made from now on are encrypted too."
            ).format(path=path)
        )
    assert passphrase is not None  # an encrypted file opened: its passphrase was given
    return _protect_backups(path, ctx, passphrase, remove=args.remove_plain_backups)


def _protect_backups(path: Path, ctx: AppContext, passphrase: str, *, remove: bool) -> int:
    """No plain copy of the data left in the backup folders: each plain backup encrypted (or deleted); 1 when one
    could not be, said with what to do."""
    from khoidesktop.errors import storage_failure
    from khoidesktop.store.encryption import convert

    plain = _plain_backups(path, ctx)
    if remove:
        for backup in plain:
            backup.unlink(missing_ok=True)
        print(_("Deleted {n} backups that were not encrypted.").format(n=len(plain)))
        return 0
    failed: list[str] = []
    for backup in plain:
        try:
            convert(backup, None, passphrase)  # checked, then put in its place; the plain one stays on a failure
        except DatabaseError as exc:
            failed.append(f"{backup}: {exc.message}")
        except Exception as exc:  # a damaged backup, the disk: said in words, the next backup still encrypted
            reason = storage_failure(exc) or _("it cannot be read as a data file ({detail})").format(detail=exc)
            failed.append(f"{backup}: {reason}")
    if len(failed) < len(plain):
        print(
            _(
                "Encrypted the {n} backups made before with the same passphrase: they open only with it too, and "
                "restore as before."
            ).format(n=len(plain) - len(failed))
        )
    if failed:
        print(
            _(
                "{n} backups could not be encrypted and can still be read without the passphrase:\n{list}\nRun "
                "“encrypt” again once the cause is fixed, or delete them with “encrypt --remove-plain-backups”."
            ).format(n=len(failed), list="\n".join(failed)),
            file=sys.stderr,
        )
        return 1
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
