"""Turning a plain data file into an encrypted one, and back (issue 15: optional encryption at rest).

The caller holds the file's lock and has made a backup. SQLCipher's `sqlcipher_export` writes every table,
index and row into a new file beside the data file (keyed, or plain); the new file is checked — sound, the same
schema version, the same rows in every table — and only then put in the data file's place in one rename. A failure
at any step leaves the data file as it was and removes the new one.
"""

from __future__ import annotations

import os
from pathlib import Path

from khoidesktop.errors import DatabaseError
from khoidesktop.i18n import _
from khoidesktop.private import private_temporary
from khoidesktop.store.backup import all_backups
from khoidesktop.store.connect import (
    Connection,
    PassphraseNeeded,
    cipher_module,
    connect,
    is_encrypted,
    key_for,
    needs_passphrase_message,
    quoted,
)
from khoidesktop.store.migrate import read_version

MIN_PASSPHRASE = 8  # characters of a new passphrase


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise DatabaseError(
            _("The passphrase is too short: give at least {n} characters (a few words are easy to remember).").format(
                n=MIN_PASSPHRASE
            )
        )


def _counts(conn: Connection) -> dict[str, int]:
    """Every table's rows (the names come from the file's own schema)."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def _export(source: Path, source_key: str | None, target: Path, target_key: str) -> None:
    """`sqlcipher_export` of `source` into the empty file `target`, keyed with `target_key` ('' : plain)."""
    conn = cipher_module().connect(str(source), isolation_level=None)  # it reads a plain file too
    try:
        if source_key is not None:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {quoted(source_key)}")
        conn.execute("PRAGMA busy_timeout=5000")
        version = read_version(conn)
        conn.execute(f"ATTACH DATABASE ? AS converted KEY {quoted(target_key)}", (str(target),))
        conn.execute("SELECT sqlcipher_export('converted')")
        conn.execute(f"PRAGMA converted.user_version = {version}")  # not copied by the export
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()


def _check_same(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    old, new = connect(source, source_key), connect(target, target_key)
    try:
        sound = [r[0] for r in new.execute("PRAGMA quick_check")] == ["ok"]
        same = read_version(old) == read_version(new) and _counts(old) == _counts(new)
    finally:
        old.close()
        new.close()
    if not (sound and same):
        raise DatabaseError(
            _("The converted copy of {path} did not match it; the data file has not been changed.").format(path=source)
        )


def _checkpoint(path: Path, key: str | None) -> None:
    """Everything of the WAL into the file and the WAL emptied: the new file must not meet the old one's WAL."""
    conn = connect(path, key)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def convert(path: Path, passphrase: str | None, new_passphrase: str | None) -> None:
    """Encrypt a plain file with `new_passphrase`, or (None) decrypt an encrypted one opened with `passphrase`."""
    old_key = key_for(path, passphrase)
    if old_key is None and is_encrypted(path):
        raise PassphraseNeeded(needs_passphrase_message(path))
    connect(path, old_key).close()  # a wrong passphrase is said before anything is made
    partial = private_temporary(path.parent, path.stem)
    try:
        _export(path, old_key, partial, new_passphrase or "")
        _check_same(path, old_key, partial, new_passphrase)
        _checkpoint(path, old_key)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def plain_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    """The backups of the file in its backups folder (or `folder`) that are not encrypted (made before it was)."""
    return [b.path for b in all_backups(db_path, folder) if not is_encrypted(b.path)]
