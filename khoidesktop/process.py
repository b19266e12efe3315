"""The program's process, as main.py runs it: Python's cycle collector paused while the program starts, and kept
off what was made once the program stops.

Starting imports ~200 modules (Qt, SQLAlchemy, openpyxl): ~100,000 objects that live as long as the process, never
garbage, which the collector walked again and again as they piled up (~40 ms of a start). At exit Python's own
collections walked them all once more (~70 ms of every command) before freeing them anyway.
Tests call cli.main in their own process, without main.py: nothing here changes their collector.
"""

from __future__ import annotations

import gc

_paused = False


def starting() -> None:
    """Pause the collector until `started()` (main.py, before the program's first import)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def started() -> None:
    """The program has started (the window shows its data file; a command begins its work): collect as usual."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def exiting() -> None:
    """The process is about to end: what is left is freed without walking it again (gc.freeze)."""
    gc.freeze()
