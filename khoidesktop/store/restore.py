"""Restoring a data file from one of its backups, after checking the backup (kept apart from backup.py, which
the migrations use before an upgrade: restoring needs the migrations, so one module would be a circle)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from khoidesktop.errors import DatabaseError
from khoidesktop.i18n import _
from khoidesktop.paths import backups_dir_for
from khoidesktop.store.backup import backup_to, dated_path
from khoidesktop.store.connect import connect, database_errors, is_encrypted, key_for
from khoidesktop.store.database import Store, damaged_message, integrity_problems, open_store
from khoidesktop.store.migrate import latest_version, read_version


@dataclass(frozen=True)
class CheckedBackup:
    path: Path
    version: int  # its schema version (an older one is upgraded once restored)
    members: int | None  # how many member records it holds (None when it cannot be counted)


def count_members(db_path: Path, passphrase: str | None = None) -> int | None:
    """How many member records a data file or backup holds, read without writing anything (None: unknown)."""
    try:
        conn = connect(db_path, passphrase, read_only=True)
        try:
            return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])
        finally:
            conn.close()
    except _unreadable():  # evaluated when raised: SQLCipher's errors once it is loaded
        return None


def _unreadable() -> tuple[type[Exception], ...]:
    return (*database_errors(), DatabaseError)


def check_backup(backup: Path, passphrase: str | None = None) -> CheckedBackup:
    """`PRAGMA quick_check` and the schema version of a backup (an encrypted one opened with `passphrase`); a
    DatabaseError saying what is wrong otherwise. Writes nothing."""
    if not backup.is_file():
        raise DatabaseError(_("The backup {path} does not exist.").format(path=backup))
    problems = integrity_problems(backup, passphrase)
    if problems:
        raise DatabaseError(damaged_message(backup, problems))
    conn = connect(backup, passphrase, read_only=True)
    try:
        version = read_version(conn)
    finally:
        conn.close()
    if not 1 <= version <= latest_version():
        raise DatabaseError(_("{path} is not a backup of a Khối data file.").format(path=backup))
    return CheckedBackup(backup, version, count_members(backup, passphrase))


def refuse_other_encryption(backup: Path, db_path: Path) -> None:
    """The backup API copies pages as they are: a plain backup cannot go into an encrypted file, nor the reverse."""
    if backup.is_file() and is_encrypted(backup) != is_encrypted(db_path):
        raise DatabaseError(
            _(
                "The backup {backup} is encrypted and the data file is not, or the reverse (it was made before the "
                "file was encrypted or decrypted). Nothing has been changed. Choose a backup made since, or encrypt "
                "or decrypt the data file first so that both are alike."
            ).format(backup=backup)
        )


def restore_backup(backup: Path, db_path: Path, now: datetime, passphrase: str | None = None) -> Path:
    """Put a backup's content into the data file, after checking the backup and copying the current file
    aside (`…-truoc-khoi-phuc-….sqlite`). Returns that safety copy. The caller holds the file's lock. An encrypted
    file takes only a backup encrypted with the same passphrase."""
    key = key_for(db_path, passphrase)
    refuse_other_encryption(backup, db_path)
    check_backup(backup, key)
    safety = dated_path(backups_dir_for(db_path), db_path.stem, "-truoc-khoi-phuc-", now)
    backup_to(db_path, safety, key)
    src, dst = connect(backup, key), connect(db_path, key)
    try:
        src.backup(dst)  # page by page into the live file, consistent with its WAL
    finally:
        src.close()
        dst.close()
    return safety


def restore_open_store(store: Store, backup: Path, now: datetime) -> tuple[Store, Path]:
    """Restore into the file the window has open: its connections are closed, the lock stays held all along (no
    other program can open the file half-way), and the file is opened again (upgraded when the backup is older).
    Returns the new store and the safety copy of the file as it was."""
    store.engine.dispose()
    safety = restore_backup(backup, store.path, now, store.passphrase)
    reopened = open_store(store.path, lock=False, now=lambda: now, passphrase=store.passphrase)
    reopened.lock, store.lock = store.lock, None
    return reopened, safety


DAMAGED_MARK = "-hong-"  # the name a file that could not be opened is kept under, once a backup took its place


def restore_unopenable(backup: Path, db_path: Path, now: datetime, passphrase: str | None = None) -> tuple[Store, Path]:
    """Put a checked backup in place of a data file that could not be opened (damaged …), from the start-up's choice.
    The file is never read through SQLite: it is moved aside as it is, with its WAL and shared memory (a stale WAL
    must not be laid over the backup), into its backups folder as `…-hong-….sqlite`. The backup is copied beside the
    file first and renamed into place, so a failure half-way puts the file, its WAL and shared memory back as they
    were. An encrypted backup is opened with `passphrase` (PassphraseNeeded, WrongPassphrase otherwise: nothing is
    moved), and stays encrypted with it. Returns the opened store (holding the file's lock all along) and where the
    old file is kept."""
    from khoidesktop.private import private_folder
    from khoidesktop.store.lock import InstanceLock

    key = key_for(backup, passphrase)
    check_backup(backup, key)
    folder = backups_dir_for(db_path)
    staging = db_path.with_name(f"{db_path.stem}-khoi-phuc{db_path.suffix}")
    kept = dated_path(folder, db_path.stem, DAMAGED_MARK, now, db_path.suffix)
    moves = [(db_path.with_name(db_path.name + suffix), kept.with_name(kept.name + suffix)) for suffix in SIDES]
    moves.append((db_path, kept))  # the file last: its WAL never lies beside another file
    lock = InstanceLock(db_path)
    lock.acquire()
    moved: list[tuple[Path, Path]] = []
    try:
        backup_to(backup, staging, key)
        private_folder(folder)
        for source, target in moves:
            if source.exists():
                shutil.move(source, target)
                moved.append((source, target))
        staging.replace(db_path)
        store = open_store(db_path, lock=False, now=lambda: now, passphrase=key)
    except BaseException:
        _put_back(db_path, moved)
        staging.unlink(missing_ok=True)
        lock.release()
        raise
    store.lock = lock
    return store, kept


SIDES = ("-wal", "-shm")  # beside a data file: its write-ahead log and the log's shared memory


def _put_back(db_path: Path, moved: list[tuple[Path, Path]]) -> None:
    """Undo the moves aside. Once the file itself was moved, what lies in its place is the backup's copy (and what
    opening it wrote beside it): that gives way; then the file, its WAL and shared memory go back as they were."""
    if any(source == db_path for source, _target in moved):
        for suffix in ("", *SIDES):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    for source, target in reversed(moved):
        shutil.move(target, source)
