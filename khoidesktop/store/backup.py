"""Consistent copies of a data file through SQLite's online backup API."""

from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from khoidesktop.domain.backup_rotation import Rotation, backups_to_keep
from khoidesktop.errors import ValidationError, storage_failure
from khoidesktop.i18n import _
from khoidesktop.paths import backups_dir_for
from khoidesktop.private import private_folder, private_temporary
from khoidesktop.store.connect import connect, key_for

log = logging.getLogger(__name__)


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


def backup_to(db_path: Path, target: Path, passphrase: str | None = None) -> Path:
    """Copy `db_path` into `target` (a new file), consistent even while others read it. The copy is made under a
    new temporary name (never one that exists, so never through a link) and renamed at the end; a failure removes
    it. The copy of an encrypted file is encrypted with the same passphrase."""
    key = key_for(db_path, passphrase)
    src = connect(db_path, key)  # a wrong passphrase is said before anything is made
    try:
        private_folder(target.parent)  # the backups, like the file, are the owner's only
        partial = private_temporary(target.parent, target.stem)
        try:
            dst = connect(partial, key)  # empty: keyed only when the file is encrypted
            try:
                src.backup(dst)
            finally:
                dst.close()
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    finally:
        src.close()
    return target


BACKUP_MARK = "-sao-luu-"
STAMP = "%Y%m%d-%H%M%S"


def dated_path(folder: Path, stem: str, mark: str, now: datetime, suffix: str = ".sqlite") -> Path:
    """`{stem}{mark}{date-time}{suffix}` in `folder`, or `…-2`, `…-3` when a copy of that second is there already:
    two copies made within one second (a backup by hand, then the one an import takes) are both kept, and a copy
    is never made over the backup it is made from."""
    base = f"{stem}{mark}{now.strftime(STAMP)}"
    path, number = folder / f"{base}{suffix}", 1
    while path.exists() or path.is_symlink():
        number += 1
        path = folder / f"{base}-{number}{suffix}"
    return path


def backup_before_migration(db_path: Path, from_version: int, now: datetime, passphrase: str | None = None) -> Path:
    target = dated_path(backups_dir_for(db_path), db_path.stem, f"-truoc-nang-cap-v{from_version}-", now)
    return backup_to(db_path, target, passphrase)


REGULAR, BEFORE_UPGRADE, BEFORE_RESTORE = "regular", "before-upgrade", "before-restore"
_KINDS = {"-sao-luu-": REGULAR, "-truoc-khoi-phuc-": BEFORE_RESTORE}  # and -truoc-nang-cap-vN-: BEFORE_UPGRADE


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    size: int  # bytes
    kind: str  # REGULAR (made at start, every 30 minutes, before an import, or by hand), BEFORE_UPGRADE, …
    number: int = 1  # the second, third … copy made within the same second (dated_path)


def _parse(db_path: Path, path: Path) -> BackupFile | None:
    found = re.fullmatch(
        re.escape(db_path.stem)
        + r"(-sao-luu-|-truoc-khoi-phuc-|-truoc-nang-cap-v\d+-)(\d{8}-\d{6})(?:-(\d{1,4}))?\.sqlite",
        path.name,
    )
    if found is None:
        return None
    try:
        taken_at, size = datetime.strptime(found.group(2), STAMP), path.stat().st_size
    except (ValueError, OSError):
        return None
    kind, number = _KINDS.get(found.group(1), BEFORE_UPGRADE), int(found.group(3) or 1)
    return BackupFile(path, taken_at, size, kind, number)


def all_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """Every backup of this file in its backups folder (or `folder`), of every kind, newest first."""
    folder = folder or backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [_parse(db_path, p) for p in folder.glob(f"{db_path.stem}-*.sqlite")]
    return sorted((b for b in found if b is not None), key=lambda b: (b.taken_at, b.number, b.path.name), reverse=True)


def list_backups(db_path: Path, folder: Path | None = None) -> list[Path]:
    """The rotated backups of this file (not the pre-upgrade or pre-restore ones), newest first."""
    return [b.path for b in all_backups(db_path, folder) if b.kind == REGULAR]


def rotate(db_path: Path, keep: int, folder: Path | None = None) -> None:
    """Delete the regular backups the rotation does not keep (domain/backup_rotation.py)."""
    regular = [b for b in all_backups(db_path, folder) if b.kind == REGULAR]
    kept = backups_to_keep((b.taken_at for b in regular), Rotation(last=max(keep, 1)))
    for old in regular:
        if old.taken_at not in kept:
            old.path.unlink(missing_ok=True)


def make_backup(db_path: Path, now: datetime, keep: int, passphrase: str | None = None) -> Path:
    """A dated copy in `backups/`, then the rotation: the newest `keep` copies, and one a day, a week, a month."""
    target = dated_path(backups_dir_for(db_path), db_path.stem, BACKUP_MARK, now)
    backup_to(db_path, target, passphrase)
    rotate(db_path, keep)
    return target


def copy_to_second_folder(backup: Path, db_path: Path, folder: Path, keep: int) -> str:
    """Copy a backup into the second folder (a USB stick) and rotate the copies there. Returns "" or a calm warning
    (the folder is missing, full, read-only): the backup itself is made all the same."""
    if not folder.is_dir():
        return _(
            "The second backup folder {folder} is not there (is the USB stick plugged in?). The backup was made in "
            "the usual folder; plug the stick in and the next backup is copied to it too."
        ).format(folder=folder)
    try:
        partial = private_temporary(folder, backup.stem)
        try:
            shutil.copyfile(backup, partial)
            partial.replace(folder / backup.name)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        rotate(db_path, keep, folder)
    except OSError as exc:
        log.warning("copy to the second backup folder failed", exc_info=True)
        return _(
            "The backup could not be copied to the second folder {folder}: {reason} It was made in the usual folder."
        ).format(folder=folder, reason=storage_failure(exc) or exc)
    return ""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    warning: str = ""  # about the second folder only


def backup_everywhere(
    db_path: Path, now: datetime, keep: int, second_folder: Path | None, passphrase: str | None = None
) -> BackupResult:
    """A backup in `backups/` (encrypted like the file), copied to the second folder when one is set."""
    made = make_backup(db_path, now, keep, passphrase)
    warning = copy_to_second_folder(made, db_path, second_folder, keep) if second_folder is not None else ""
    return BackupResult(made, warning)


# Whether the file changed since its last backup. A closed data file changes only when written; its WAL grows with
# every write while it is open. The state is their size and time of change, remembered beside the backups.
FileState = list[int]


def file_state(db_path: Path) -> FileState:
    state = db_path.stat()
    wal = db_path.with_name(db_path.name + "-wal")
    wal_state = wal.stat() if wal.exists() else None
    if wal_state is None or wal_state.st_size == 0:  # an empty WAL is what opening the file makes
        return [state.st_mtime_ns, state.st_size, 0, 0]
    return [state.st_mtime_ns, state.st_size, wal_state.st_mtime_ns, wal_state.st_size]


def _state_file(db_path: Path) -> Path:
    return backups_dir_for(db_path) / f".{db_path.stem}-da-sao-luu.json"


def changed_since_backup(db_path: Path, state: FileState) -> bool:
    """True unless a backup exists and the file was in `state` when the last one at start was made."""
    if not list_backups(db_path):
        return True
    try:
        return bool(json.loads(_state_file(db_path).read_text(encoding="utf-8")) != state)
    except (OSError, ValueError):
        return True


def remember_backed_up(db_path: Path, state: FileState) -> None:
    try:
        _state_file(db_path).write_text(json.dumps(state), encoding="utf-8")
    except OSError:
        log.warning("could not remember the state of the last backup", exc_info=True)
