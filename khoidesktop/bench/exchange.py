"""Importing a bloc's bundles: 60 generated cells, 5,000 members in all (the size of a provincial bloc)."""

from __future__ import annotations

import json
import tempfile
import time
import zipfile
from pathlib import Path

from khoidesktop.bench.data import BENCH_NOW


def bench_bloc_import(units: int = 60, members: int = 5_000) -> dict[str, float]:
    """Seconds: making the cells and bundles, the floor (unzip + parse every file), the full import (every
    check, the signatures, one transaction per bundle), and summing the bloc's figures."""
    from khoidesktop.datafile.create import create_data_file
    from khoidesktop.datafile.identity import IdentityData
    from khoidesktop.datafile.kinds import GRASSROOTS
    from khoidesktop.demo.bloc import import_generated, make_bundles
    from khoidesktop.domain.periods import Period
    from khoidesktop.units.records import level_figures, unit_rows

    with tempfile.TemporaryDirectory(prefix="khoi-bench-") as folder:
        start = time.perf_counter()
        bundles = make_bundles(Path(folder) / "cells", units, members, now=BENCH_NOW)
        made = time.perf_counter() - start

        start = time.perf_counter()
        for path in bundles:
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    if name.endswith(".json"):
                        json.loads(zf.read(name))
        floor = time.perf_counter() - start

        identity = IdentityData("", "Đảng bộ các cơ quan Đảng tỉnh", "Tỉnh ủy", "Hạ Long", kind=GRASSROOTS.code)
        store = create_data_file(Path(folder) / "khoi.sqlite", identity, actor="bench", now=lambda: BENCH_NOW)
        try:
            start = time.perf_counter()
            outcomes = import_generated(store, bundles, now=BENCH_NOW, actor="bench")
            imported = time.perf_counter() - start
            assert all(o.status == "imported" for o in outcomes), outcomes
            start = time.perf_counter()
            with store.session() as session:
                period = Period(BENCH_NOW.year - 1)
                total = level_figures(session, period, unit_rows(session, period, BENCH_NOW.date())).total
            summed = time.perf_counter() - start
            assert total == members
        finally:
            store.close()
    return {"made": made, "floor": floor, "import": imported, "sum": summed}
