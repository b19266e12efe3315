"""Whether the program may write a data file where it lies, and how to read it when it may not (issue 15, item 9).

A data file in WAL mode needs its `-wal` and `-shm` files beside it even to be read. In a folder the user cannot
write, SQLite cannot make them, so the file is opened `immutable` (SQLite then reads the file alone and takes no
lock: nobody can write there either); a read-only file in a folder that can be written is opened `mode=ro`.
Connecting goes through store/connect.py (`read_only=True`).
"""

from __future__ import annotations

import os
from pathlib import Path

from khoidesktop.i18n import _

WRITE, READ, FROZEN = "write", "read", "frozen"  # read and write; read only; read only, nothing beside it either


def access_mode(path: Path) -> str:
    """WRITE, READ (the file is read-only, its folder is not) or FROZEN (its folder cannot be written)."""
    if not os.access(path.parent, os.W_OK):
        return FROZEN
    return WRITE if os.access(path, os.W_OK) else READ


def reading_uri(path: Path, mode: str) -> str:
    """The SQLite URI that opens `path` for reading only, in the given access mode."""
    uri = f"{path.as_uri()}?mode=ro"
    return uri + "&immutable=1" if mode == FROZEN else uri


def read_only_message(path: Path) -> str:
    return _(
        "The data file {path} is in a folder that cannot be written (or the file itself is read-only): you can look "
        "at the data and make reports, but nothing can be changed or saved in it. To work on it, copy the file into "
        "your Documents folder and open the copy, or ask for permission to write in that folder."
    ).format(path=path)
