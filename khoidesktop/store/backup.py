"""Consistent copies of a data file through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from khoidesktop.paths import backups_dir_for


def backup_to(db_path: Path, target: Path) -> Path:
    """Copy `db_path` into `target` (a new file), consistent even while others read it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def backup_before_migration(db_path: Path, from_version: int, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    name = f"{db_path.stem}-truoc-nang-cap-v{from_version}-{stamp}.sqlite"
    return backup_to(db_path, backups_dir_for(db_path) / name)


BACKUP_MARK = "-sao-luu-"


def list_backups(db_path: Path) -> list[Path]:
    """The user's backups of this file (not the automatic pre-upgrade ones), newest first."""
    folder = backups_dir_for(db_path)
    return sorted(folder.glob(f"{db_path.stem}{BACKUP_MARK}*.sqlite"), reverse=True) if folder.is_dir() else []


def make_backup(db_path: Path, now: datetime, keep: int) -> Path:
    """A dated copy in `backups/`; only the newest `keep` copies are kept (older ones are removed)."""
    target = backups_dir_for(db_path) / f"{db_path.stem}{BACKUP_MARK}{now.strftime('%Y%m%d-%H%M%S')}.sqlite"
    backup_to(db_path, target)
    for old in list_backups(db_path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return target
