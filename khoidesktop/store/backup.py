"""Consistent copies of a data file through SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.paths import backups_dir_for


def reaches_data_file(path: Path, data_file: Path) -> bool:
    """Whether writing to `path` would write over the data file, its WAL, shared memory or lock file, or into its
    backups folder, by any name (a link to it too): no output of the program may go there."""
    target = path.expanduser().resolve()
    names = [data_file, *(data_file.with_name(data_file.name + s) for s in ("-wal", "-shm", ".lock"))]
    if target in {n.expanduser().resolve() for n in names}:
        return True
    return target.parent == backups_dir_for(data_file).resolve()


def refuse_output_onto_data_file(path: Path, data_file: Path) -> None:
    """Raise, before anything is made, when an output of the program would reach the data file (see above)."""
    if reaches_data_file(path, data_file):
        raise ValidationError(
            _(
                "{path} is the program's data file (or its backups): saving there would destroy it. Choose another "
                "name or folder."
            ).format(path=path)
        )


def backup_to(db_path: Path, target: Path) -> Path:
    """Copy `db_path` into `target` (a new file), consistent even while others read it. The copy is made under a
    new temporary name (never one that exists, so never through a link) and renamed at the end; a failure removes
    it."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # the backups, like the file, are the owner's only
    handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".part", dir=target.parent)  # made 0600
    os.close(handle)
    partial = Path(name)
    try:
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
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
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
