"""Restoring a data file from one of its backups, after checking the backup (kept apart from backup.py, which
the migrations use before an upgrade: restoring needs the migrations, so one module would be a circle)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from khoidesktop.errors import DatabaseError
from khoidesktop.i18n import _
from khoidesktop.paths import backups_dir_for
from khoidesktop.store.backup import backup_to
from khoidesktop.store.database import damaged_message, integrity_problems
from khoidesktop.store.migrate import latest_version, read_version


def restore_backup(backup: Path, db_path: Path, now: datetime) -> Path:
    """Put a backup's content into the data file, after checking the backup and copying the current file
    aside (`…-truoc-khoi-phuc-….sqlite`). Returns that safety copy. The caller holds the file's lock."""
    if not backup.is_file():
        raise DatabaseError(_("The backup {path} does not exist.").format(path=backup))
    problems = integrity_problems(backup)
    if problems:
        raise DatabaseError(damaged_message(backup, problems))
    conn = sqlite3.connect(backup)
    try:
        version = read_version(conn)
    finally:
        conn.close()
    if not 1 <= version <= latest_version():
        raise DatabaseError(_("{path} is not a backup of a Khối data file.").format(path=backup))
    safety = backups_dir_for(db_path) / f"{db_path.stem}-truoc-khoi-phuc-{now.strftime('%Y%m%d-%H%M%S')}.sqlite"
    backup_to(db_path, safety)
    src, dst = sqlite3.connect(backup), sqlite3.connect(db_path)
    try:
        src.backup(dst)  # page by page into the live file, consistent with its WAL
    finally:
        src.close()
        dst.close()
    return safety
