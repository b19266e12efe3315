"""The training data files: made like any data file (datafile.create), then filled with made-up data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from khoidesktop.datafile.create import create_data_file
from khoidesktop.store.database import Store


def create_demo_file(
    path: Path,
    *,
    actor: str,
    kind: str = "cell",
    now: Callable[[], datetime] = datetime.now,
    lock: bool = True,
    passphrase: str | None = None,
) -> Store:
    """A new training data file at `path`: the training cell, or for a level above the cells (`kind`) that level
    with a made-up tree below it."""
    from khoidesktop.datafile.kinds import KINDS

    if KINDS[kind].aggregates:
        from khoidesktop.demo.tree import demo_identity, fill_demo_level

        return create_data_file(
            path,
            demo_identity(kind),
            actor=actor,
            now=now,
            lock=lock,
            fill=lambda store: fill_demo_level(store, kind, now=now(), actor=actor),
            passphrase=passphrase,
        )
    from khoidesktop.demo.cell import fill_demo

    def fill(store: Store) -> None:
        with store.session() as session, session.begin():
            fill_demo(session, now=now(), actor=actor)

    return create_data_file(path, None, actor=actor, now=now, lock=lock, fill=fill, passphrase=passphrase)
