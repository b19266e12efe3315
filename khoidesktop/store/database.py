"""Opening a data file: existence, lock, integrity check, migrations, then the SQLAlchemy engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from khoidesktop.errors import DatabaseError, storage_failure
from khoidesktop.i18n import _
from khoidesktop.private import create_private
from khoidesktop.store.access import WRITE, access_mode, read_only_message
from khoidesktop.store.connect import (
    SQLITE_HEADER,
    Connection,
    PassphraseNeeded,
    connect,
    database_errors,
    dbapi_for,
    is_encrypted,
    key_for,
    needs_passphrase_message,
)
from khoidesktop.store.lock import InstanceLock
from khoidesktop.store.migrate import Migration, MigrationResult, latest_version, migrate, read_version

# Read a query of every member (or every row of a large table) in batches: without it the session fetches every row
# before handing out the first, so 10,000 rows are held twice while they are turned into the caller's own rows.
STREAM = {"yield_per": 500}

DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")  # what a damaged file raises; "locked" or "read-only" is not damage


def _pragmas(readonly: bool) -> Callable[[Connection, object], None]:
    wanted = ["foreign_keys=ON", "busy_timeout=5000"]
    if not readonly:
        wanted += ["journal_mode=WAL", "synchronous=FULL"]

    def on_connect(dbapi_connection: Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in wanted:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    return on_connect


def make_engine(path: Path, readonly: bool = False, passphrase: str | None = None) -> Engine:
    """The engine connects through the one seam (store/connect.py); its errors are those of the file's module."""
    key = key_for(path, passphrase)
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),  # a file's URL: a pool of connections, as before
        creator=lambda: connect(path, key, read_only=readonly, check_same_thread=False),
        module=dbapi_for(key),
    )
    event.listen(engine, "connect", _pragmas(readonly))
    return engine


def integrity_problems(path: Path, passphrase: str | None = None) -> list[str]:
    """What `PRAGMA quick_check` finds damaged (empty when the file is sound). Writes nothing.

    Raises a database error when the file cannot be read for another reason (locked by another program …), and
    PassphraseNeeded or WrongPassphrase for an encrypted file."""
    encrypted = is_encrypted(path)
    if encrypted and key_for(path, passphrase) is None:
        raise PassphraseNeeded(needs_passphrase_message(path))
    with path.open("rb") as handle:
        if not encrypted and handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return [_("the file does not start like a SQLite database")]
    try:
        conn = connect(path, passphrase, read_only=access_mode(path) != WRITE)
        try:
            conn.execute("PRAGMA busy_timeout=5000")
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)")]
        finally:
            conn.close()
    except database_errors() as exc:
        if getattr(exc, "sqlite_errorname", "") in DAMAGE:
            return [str(exc)]
        raise
    return [] if rows == ["ok"] else rows


def damaged_message(path: Path, problems: list[str]) -> str:
    return _(
        "The data file {path} is damaged ({problem}). Nothing has been changed in it. Restore the "
        "latest copy from its backups folder, or send the file to your support person."
    ).format(path=path, problem="; ".join(problems[:3]))


@dataclass
class Store:
    """An open data file: the engine, the session factory, and the lock held on the file."""

    path: Path
    engine: Engine
    migration: MigrationResult
    lock: InstanceLock | None = None
    readonly: bool = False  # opened for reading only: asked for, or the file or its folder cannot be written
    passphrase: str | None = field(default=None, repr=False)  # an encrypted file's (None: a plain file)
    _sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        """A short session for one unit of work: `with store.session() as s, s.begin(): ...`."""
        return self._sessions()

    @property
    def schema_version(self) -> int:
        return self.migration.to_version

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def _check_can_open(path: Path, create: bool) -> None:
    if path.is_dir():
        raise DatabaseError(_("{path} is a folder, not a data file.").format(path=path))
    if path.exists():
        if path.stat().st_size == 0 and not create:
            raise DatabaseError(
                _("The file {path} is empty: it is not a Khối data file. Choose another file.").format(path=path)
            )
        return
    if not create:
        raise DatabaseError(
            _("The data file {path} does not exist. Check the name, or create a new data file.").format(path=path)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Made empty and readable by its owner only (it holds ID numbers and the signing key); SQLite gives its WAL
        # and shared-memory files the same permissions, and so do the backups (store/backup.py).
        create_private(path)
    except OSError as exc:
        raise DatabaseError(storage_failure(exc) or str(exc)) from None


def _open_readonly(path: Path, migrations: list[Migration] | None, can_write: bool, key: str | None) -> Store:
    """For commands that only read, and for a file that cannot be written: no lock, no migration, nothing
    written."""
    conn = connect(path, key, read_only=True)
    try:
        version = read_version(conn)
    finally:
        conn.close()
    if version != latest_version(migrations):
        raise DatabaseError(
            _("The data file {path} must be upgraded first: open it once in the program.").format(path=path)
            if can_write
            else _("This data file was made by an older version of the program and must be upgraded first.")
            + " "
            + read_only_message(path)
        )
    engine = make_engine(path, readonly=True, passphrase=key)
    return Store(path, engine, MigrationResult(version, version, None), readonly=True, passphrase=key)


def open_store(
    path: Path,
    *,
    create: bool = False,
    lock: bool = True,
    readonly: bool = False,
    now: Callable[[], datetime] = datetime.now,
    migrations: list[Migration] | None = None,
    passphrase: str | None = None,
) -> Store:
    """Open (or with `create`, make) a data file; raise a DatabaseError with the user's message.

    `readonly`: for commands that only read (no lock, no migration). Otherwise the file is locked for
    this program, checked, and migrated (after a backup) before the engine is made. A file that cannot be written
    where it lies (store/access.py) is opened read-only all the same: `Store.readonly` says so. `passphrase` opens
    an encrypted file, and makes a new file encrypted (store/connect.py)."""
    path = path.expanduser().absolute()
    _check_can_open(path, create)
    can_write = create or access_mode(path) == WRITE
    readonly = readonly or not can_write
    instance_lock = InstanceLock(path) if lock and not readonly else None
    key = key_for(path, passphrase)
    try:
        if path.exists() and path.stat().st_size > 0:  # read-only check first: a bad file gets nothing beside it
            problems = integrity_problems(path, key)
            if problems:
                raise DatabaseError(damaged_message(path, problems))
        if instance_lock is not None:
            instance_lock.acquire()
        if readonly:
            return _open_readonly(path, migrations, can_write, key)
        result = migrate(path, now(), migrations, key)
        return Store(path, make_engine(path, passphrase=key), result, instance_lock, passphrase=key)
    except BaseException as exc:
        if instance_lock is not None:
            instance_lock.release()
        message = storage_failure(exc)
        if message is not None:
            raise DatabaseError(message) from exc
        raise
