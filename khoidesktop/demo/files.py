"""The training data files: made like any data file (datafile.create), then filled with made-up data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from khoidesktop.datafile.create import create_data_file
from khoidesktop.store.database import Store


def create_demo_file(
    path: Path, *, actor: str, bloc: bool = False, now: Callable[[], datetime] = datetime.now, lock: bool = True
) -> Store:
    """A new training data file at `path`: the training cell, or (with `bloc`) the training bloc."""
    if bloc:
        from khoidesktop.demo.bloc import DEMO_BLOC, fill_demo_bloc

        return create_data_file(
            path,
            DEMO_BLOC,
            actor=actor,
            now=now,
            lock=lock,
            fill=lambda store: fill_demo_bloc(store, now=now(), actor=actor),
        )
    from khoidesktop.demo.cell import fill_demo

    def fill(store: Store) -> None:
        with store.session() as session, session.begin():
            fill_demo(session, now=now(), actor=actor)

    return create_data_file(path, None, actor=actor, now=now, lock=lock, fill=fill)
