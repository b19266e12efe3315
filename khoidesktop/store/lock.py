"""One program instance per data file: an OS lock on `<file>.lock`, released when the process ends
(even when it crashes, so a stale lock file never blocks the user)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from khoidesktop.errors import DatabaseLockedError
from khoidesktop.i18n import _
from khoidesktop.private import open_private

_LOCK_OFFSET = 4096  # Windows locks bytes; lock one past the PID text so others can still read it


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # os.name == "nt", in the form the type checker follows
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = open_private(self.path, os.O_RDWR)  # it names the data file's process only, but is made like it
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseLockedError(
                _(
                    "The data file {path} is already open in another Khối window. "
                    "Switch to that window, or close it and try again."
                ).format(path=self.db_path)
            )
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode().ljust(16))  # for support: which process holds it
        self._fd = fd

    def release(self) -> None:
        """Drop the lock. The lock file stays: deleting it would let two programs lock two different
        files of the same name (one deleted, one new) at once."""
        if self._fd is None:
            return
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
