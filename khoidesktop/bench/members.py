"""The member list with 10,000 members: filtering as the user types and sorting, against Qt's own C++
fixed-string filter on the same model (which is also accent-sensitive, so it finds less)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

KEYSTROKES = (
    "n",
    "ng",
    "ngu",
    "nguy",
    "nguye",
    "nguyen",
    "nguyen ",
    "nguyen v",
    "nguyen va",
    "nguyen van",
    "nguyen van h",
    "nguyen van hu",
    "nguyen van hun",
    "nguyen van hung",
)


def bench_members(rows: int) -> dict[str, float]:
    """Median milliseconds per keystroke (ours, Qt's), model load and a name sort."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QApplication

    from khoidesktop.bench.data import BENCH_NOW, bench_store
    from khoidesktop.members.queries import member_rows
    from khoidesktop.ui.models.member_table import MemberFilter, MemberTableModel

    app = QApplication.instance() or QApplication([])
    with bench_store(rows) as store:
        started = time.perf_counter()
        with store.session() as session:
            loaded = member_rows(session, BENCH_NOW.date())
        model = MemberTableModel()
        model.set_rows(loaded)
        load_ms = 1000 * (time.perf_counter() - started)
    ours, theirs = MemberFilter(), QSortFilterProxyModel()
    ours.setSourceModel(model)
    theirs.setSourceModel(model)
    theirs.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def per_keystroke(apply: Callable[[str], object]) -> float:
        times = []
        for text in KEYSTROKES:
            started = time.perf_counter()
            apply(text)
            times.append(1000 * (time.perf_counter() - started))
        apply("")
        return statistics.median(times)

    ours_ms = per_keystroke(ours.set_query)
    qt_ms = per_keystroke(theirs.setFilterFixedString)
    started = time.perf_counter()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    sort_ms = 1000 * (time.perf_counter() - started) / 2
    app.processEvents()
    return {"ours": ours_ms, "qt": qt_ms, "load": load_ms, "sort": sort_ms}
