"""How the program connects to a data file: the one seam every part of the store goes through (the engine, the
check at start, the migrations, backups, restoring, reading a file that cannot be written).

A plain data file is opened with Python's sqlite3, as it always was. An encrypted one (issue 15: optional
encryption at rest) is a SQLCipher 4 file, opened through sqlcipher3 with its passphrase: it does not start with
"SQLite format 3", and without the passphrase not one byte of it can be read — the signing key inside it neither.
Whether a file is encrypted is read from the file itself; a passphrase given for a plain file is not used. A new
(empty) file is made encrypted when a passphrase is given.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

from khoidesktop.errors import DatabaseError
from khoidesktop.i18n import _
from khoidesktop.store.access import access_mode, reading_uri

SQLITE_HEADER = b"SQLite format 3\x00"
_CIPHER_PAGE = 512  # a SQLCipher file is whole pages, and its pages are a multiple of this
Connection = Any  # a DB-API connection: sqlite3's, or sqlcipher3's (the same interface, another module)


class PassphraseNeeded(DatabaseError):
    """The file is encrypted and no passphrase was given: the window asks for one, a command says how to give it."""


class WrongPassphrase(DatabaseError):
    """The passphrase does not open the file (or its first page is damaged). Nothing was changed."""


def is_encrypted(path: Path) -> bool:
    """Whether `path` is an encrypted data file: whole pages that do not start like a SQLite database (a file of
    another size with another start is simply not a database)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return size > 0 and size % _CIPHER_PAGE == 0 and head != SQLITE_HEADER


def key_for(path: Path, passphrase: str | None) -> str | None:
    """The passphrase a file is opened with: its own when it is encrypted; None for a plain file; for a file not
    yet written (missing or empty), the one given, which makes it encrypted."""
    if is_encrypted(path):
        return passphrase
    is_new = not path.exists() or path.stat().st_size == 0
    return passphrase if is_new else None


def needs_passphrase_message(path: Path) -> str:
    return _(
        "The data file {path} is encrypted: give its passphrase in a file with --passphrase-file FILE, or in the "
        "environment variable KHOI_PASSPHRASE."
    ).format(path=path)


def wrong_passphrase_message(path: Path) -> str:
    return _(
        "The passphrase does not open the data file {path} (or the file is damaged). Nothing has been changed. Type "
        "the passphrase again exactly as it was set: capitals, accents and spaces count."
    ).format(path=path)


def database_errors() -> tuple[type[Exception], ...]:
    """The errors of both database modules (SQLCipher's only once it is loaded: none can be raised before)."""
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error,) if cipher is None else (sqlite3.Error, cipher.Error)


def cipher_module() -> Any:
    """sqlcipher3's DB-API module (SQLCipher 4 in its wheel), loaded only when an encrypted file is met."""
    import sqlcipher3.dbapi2  # type: ignore[import-untyped]  # (no type information: used as DB-API)

    return sqlcipher3.dbapi2


def dbapi_for(key: str | None) -> Any:
    """The DB-API module of a file opened with `key` (from key_for): sqlite3, or sqlcipher3 when encrypted."""
    return sqlite3 if key is None else cipher_module()


def quoted(text: str) -> str:
    """An SQL string literal (PRAGMA key takes no parameter)."""
    return "'" + text.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None = None, *, read_only: bool = False, **options: Any) -> Connection:
    """A DB-API connection to the data file (or backup) `path`, keyed when it is encrypted; `read_only`: it only
    reads and writes nothing beside the file, wherever it lies (store/access.py). `options` go to connect().

    Raises PassphraseNeeded or WrongPassphrase (with the user's message) for an encrypted file."""
    key = key_for(path, passphrase)
    if key is None and is_encrypted(path):
        raise PassphraseNeeded(needs_passphrase_message(path))
    target, uri = (reading_uri(path, access_mode(path)), True) if read_only else (str(path), False)
    conn = dbapi_for(key).connect(target, uri=uri, **options)
    if key is None:
        return conn
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong passphrase is our message, not SQLCipher's log
        conn.execute(f"PRAGMA key = {quoted(key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi_for(key).DatabaseError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise WrongPassphrase(wrong_passphrase_message(path)) from None
        raise
    return conn
