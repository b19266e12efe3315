"""The contract of long work, the same for the window and the command line (no Qt here).

    def work(progress: Progress, cancelled: IsCancelled) -> T

`progress(done, total, label="")` says how far it is (label: what it is doing now); `cancelled()` says whether
the user asked it to stop, and work that honours it raises `Cancelled` (errors.Cancelled: the one cancellation
exception) having undone what it did. The window runs such work with ui/tasks.run_task, which offers Cancel only
for work that says it honours it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from khoidesktop.errors import Cancelled

T = TypeVar("T")


class Progress(Protocol):
    def __call__(self, done: int, total: int, label: str = "") -> None: ...


IsCancelled = Callable[[], bool]
Work = Callable[[Progress, IsCancelled], Any]


def no_progress(done: int, total: int, label: str = "") -> None:
    """For a caller that shows no progress (the command line, tests)."""


def never_cancelled() -> bool:
    return False


def stop_if(cancelled: IsCancelled) -> None:
    """Raise Cancelled when the user asked to stop (call between steps, before anything is kept)."""
    if cancelled():
        raise Cancelled


@contextmanager
def bulk() -> Iterator[None]:
    """Work on thousands of rows (an import): Python's cycle collector is paused meanwhile. Such work makes hundreds
    of thousands of objects, all freed as they go by reference counting, yet the collector walked them again and
    again as they piled up (~10 % of a 10,000-row import); it runs on from where it was once the work is done."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
