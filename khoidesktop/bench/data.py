"""Made-up members in bulk for the benchmarks (a temporary data file, one Core insert)."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from khoidesktop.datafile.create import create_data_file
from khoidesktop.demo.cell import DEMO_IDENTITY, FAMILY, GIVEN, MIDDLE, POSITIONS
from khoidesktop.domain.names import fold, sort_key, split_name
from khoidesktop.store.database import Store
from khoidesktop.store.models import Member

BENCH_NOW = datetime(2026, 11, 23, 9, 30)
BENCH_IDENTITY = replace(DEMO_IDENTITY, secretary_name="Nguyễn Văn An", training=False)


def _member(rng: random.Random, index: int) -> dict[str, Any]:
    gender = rng.choice(("male", "female"))
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
    parts = split_name(name)
    born = date(1966, 1, 1) + timedelta(days=rng.randrange(36 * 365))
    admitted = born + timedelta(days=rng.randrange(22 * 365, 30 * 365))
    admitted = min(admitted, BENCH_NOW.date() - timedelta(days=30))
    official = admitted + timedelta(days=365)
    return {
        "full_name": name,
        "family_name": parts.family,
        "middle_name": parts.middle,
        "given_name": parts.given,
        "sort_key": sort_key(name),
        "search_key": fold(name),
        "birth_date": born,
        "gender": gender,
        "admitted_on": admitted,
        "official_on": official if official <= BENCH_NOW.date() else None,
        "status": "official" if official <= BENCH_NOW.date() else "probationary",
        "card_number": f"{10_000_000 + index:08d}",
        "position": rng.choice(POSITIONS),
        "created_at": BENCH_NOW,
        "updated_at": BENCH_NOW,
    }


def fill_members(store: Store, rows: int, seed: int = 5000) -> None:
    """`rows` made-up members in one transaction (Core bulk insert, sort and search keys computed)."""
    rng = random.Random(seed)
    with store.session() as session, session.begin():
        session.execute(insert(Member), [_member(rng, i) for i in range(rows)])


@contextmanager
def bench_store(rows: int) -> Iterator[Store]:
    """A temporary data file holding `rows` made-up members."""
    with tempfile.TemporaryDirectory() as folder:
        store = create_data_file(
            Path(folder) / "bench.sqlite", BENCH_IDENTITY, actor="bench", now=lambda: BENCH_NOW, lock=False
        )
        try:
            fill_members(store, rows)
            yield store
        finally:
            store.close()
