"""Opening a data file: existence, lock, integrity check, migrations, then the SQLAlchemy engine."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from khoidesktop.errors import DatabaseError, storage_failure
from khoidesktop.i18n import _
from khoidesktop.store.lock import InstanceLock
from khoidesktop.store.migrate import Migration, MigrationResult, migrate

SQLITE_HEADER = b"SQLite format 3\x00"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=5000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect)
    return engine


def integrity_problems(path: Path) -> list[str]:
    """What `PRAGMA quick_check` finds wrong (empty when the file is sound). Writes nothing."""
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return [_("the file does not start like a SQLite database")]
    try:
        conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def damaged_message(path: Path, problems: list[str]) -> str:
    return _("The data file {path} is damaged ({problem}). Nothing has been changed in it. Restore the "
             "latest copy from its backups folder, or send the file to your support person.").format(
        path=path, problem="; ".join(problems[:3]))


@dataclass
class Store:
    """An open data file: the engine, the session factory, and the lock held on the file."""

    path: Path
    engine: Engine
    migration: MigrationResult
    lock: InstanceLock | None = None
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


def open_store(path: Path, *, create: bool = False, lock: bool = True,
               now: Callable[[], datetime] = datetime.now,
               migrations: list[Migration] | None = None) -> Store:
    """Open (or with `create`, make) a data file; raise a DatabaseError with the user's message."""
    path = path.expanduser().absolute()
    if path.is_dir():
        raise DatabaseError(_("{path} is a folder, not a data file.").format(path=path))
    if not path.exists():
        if not create:
            raise DatabaseError(_("The data file {path} does not exist. Check the name, or create a new "
                                  "data file.").format(path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(_("Cannot create the folder {folder}: {reason}.")
                                .format(folder=path.parent, reason=exc.strerror)) from None
    instance_lock = InstanceLock(path) if lock else None
    if instance_lock is not None:
        instance_lock.acquire()
    try:
        if path.exists() and path.stat().st_size > 0:
            problems = integrity_problems(path)
            if problems:
                raise DatabaseError(damaged_message(path, problems))
        result = migrate(path, now(), migrations)
        return Store(path, make_engine(path), result, instance_lock)
    except sqlite3.Error as exc:
        if instance_lock is not None:
            instance_lock.release()
        raise DatabaseError(storage_failure(exc) or str(exc)) from exc
    except BaseException:
        if instance_lock is not None:
            instance_lock.release()
        raise
