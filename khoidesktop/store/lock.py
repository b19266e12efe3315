"""One program instance per data file: an OS lock on `<file>.lock`, released when the process ends
(even when it crashes, so a stale lock file never blocks the user)."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from khoidesktop.errors import DatabaseLockedError
from khoidesktop.i18n import _

_LOCK_OFFSET = 4096  # Windows locks bytes; lock one past the PID text so others can still read it


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
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
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = self._holder(fd)
            os.close(fd)
            raise DatabaseLockedError(
                _("The data file {path} is already open in another Khối window{holder}. "
                  "Switch to that window, or close it and try again.")
                .format(path=self.db_path, holder=holder))
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode().ljust(16))
        self._fd = fd

    @staticmethod
    def _holder(fd: int) -> str:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            pid = os.read(fd, 16).decode().strip()
        except OSError:
            return ""
        return _(" (process {pid})").format(pid=pid) if pid.isdigit() else ""

    def release(self) -> None:
        if self._fd is None:
            return
        os.close(self._fd)  # closing the descriptor drops the lock
        self._fd = None
        with contextlib.suppress(OSError):  # another instance may have it open now; it is harmless
            self.path.unlink()

    @property
    def held(self) -> bool:
        return self._fd is not None
