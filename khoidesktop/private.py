"""Files the program makes that hold personal data (the data file, its lock, backups, exports) are their owner's
only: 0600 files in 0700 folders on Linux and macOS, whatever the umask. Windows gives a file in the user's own
folder to that user. Every creator goes through these helpers; SQLite gives the WAL and shared-memory files the
data file's own mode."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def _owner_only(fd: int) -> None:
    if hasattr(os, "fchmod"):  # POSIX; the umask can only take bits away, this puts none back but makes sure
        os.fchmod(fd, PRIVATE_FILE_MODE)


def open_private(path: Path, flags: int) -> int:
    """`os.open(path, flags | O_CREAT)` for a file that is the owner's only (a file that already existed is made so
    too). Never follows a link for a name it creates with O_EXCL."""
    fd = os.open(path, flags | os.O_CREAT, PRIVATE_FILE_MODE)
    with contextlib.suppress(OSError):  # a file on a FAT stick or a share: its mode is not ours to set
        _owner_only(fd)
    return fd


def create_private(path: Path) -> None:
    """Make a new empty file, the owner's only; fails if the name exists (a link too)."""
    os.close(open_private(path, os.O_EXCL | os.O_WRONLY))


def private_temporary(folder: Path, stem: str, suffix: str = ".part") -> Path:
    """A new temporary file beside its target (a name never used before, so never a link), the owner's only."""
    handle, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=suffix, dir=folder)  # mkstemp makes it 0600
    try:
        with contextlib.suppress(OSError):
            _owner_only(handle)
    finally:
        os.close(handle)
    return Path(name)


def private_folder(folder: Path) -> None:
    """Make `folder` (and its parents) if missing; a folder made here is the owner's only."""
    if folder.is_dir():
        return
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode passes through the umask
