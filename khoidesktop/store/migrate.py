"""Numbered SQL migrations (db/migrations/NNNN_name.sql); the schema version is PRAGMA user_version.

Each step runs in its own transaction together with its version bump: a failure leaves the file at the
previous version, untouched by the failed step. Before the first step on an existing file, a backup is
made. Every step runs with foreign keys off (so a table rebuilt by drop-and-rename does not cascade into
its children) and must pass `PRAGMA foreign_key_check` before it commits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from khoidesktop.errors import DatabaseError
from khoidesktop.i18n import _
from khoidesktop.paths import migrations_dir
from khoidesktop.store.backup import backup_before_migration
from khoidesktop.store.connect import Connection, connect

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@dataclass(frozen=True)
class MigrationResult:
    from_version: int
    to_version: int
    backup: Path | None


def load_migrations(directory: Path | None = None) -> list[Migration]:
    directory = directory or migrations_dir()
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise RuntimeError(f"badly named migration {path.name}")
        found.append(Migration(int(match.group(1)), path.stem, path.read_text(encoding="utf-8")))
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migrations must be numbered 0001, 0002, ... without gaps")
    return found


def latest_version(migrations: list[Migration] | None = None) -> int:
    return (migrations or load_migrations())[-1].version


def read_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    db_path: Path, now: datetime, migrations: list[Migration] | None = None, passphrase: str | None = None
) -> MigrationResult:
    migrations = migrations or load_migrations()
    target = migrations[-1].version
    conn = connect(db_path, passphrase, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        current = read_version(conn)
        _refuse_foreign(conn, db_path, current, target)  # before anything is written to the file
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        if current == target:
            return MigrationResult(current, current, None)
        backup = backup_before_migration(db_path, current, now, passphrase) if current > 0 else None
        conn.execute("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
        for step in migrations[current:]:
            _apply(conn, step)
        return MigrationResult(current, target, backup)
    finally:
        conn.close()


def _refuse_foreign(conn: Connection, db_path: Path, current: int, target: int) -> None:
    if current > target:
        raise DatabaseError(
            _(
                "The data file {path} was made by a newer version of Khối (schema {found}; this version "
                "reads up to {known}). Update the program; the file has not been changed."
            ).format(path=db_path, found=current, known=target)
        )
    if current == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if tables:
            raise DatabaseError(
                _(
                    "The file {path} is a database of another program, not a Khối data file. "
                    "Choose another file; this one has not been changed."
                ).format(path=db_path)
            )


def _apply(conn: Connection, step: Migration) -> None:
    try:
        conn.executescript(f"BEGIN IMMEDIATE;\n{step.sql}\n;PRAGMA user_version = {step.version};")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise DatabaseError(
                _(
                    "Upgrading the data file failed: {count} broken links between "
                    "records. The file has not been changed."
                ).format(count=len(broken))
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
