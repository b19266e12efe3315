"""Peak memory (issue 15: ≤ 150 MB with 10,000 members and every page opened): a process that opens the window on
a data file of made-up members and visits each page, against a bare PySide6 window's process, both in this run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _child(kind: str, db: str) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    if kind == "bare":
        app = QApplication([])
        window = QMainWindow()
        window.resize(1180, 760)
        window.show()
        app.processEvents()
    else:
        from khoidesktop.app import build_application
        from khoidesktop.context import AppContext
        from khoidesktop.store.database import open_store
        from khoidesktop.ui.main_window import MainWindow

        ctx = AppContext.create()
        app = build_application(ctx)
        main = MainWindow(ctx)
        main.show()
        main.set_store(open_store(Path(db), now=ctx.now))
        for slug in main.slugs:  # every page built and shown with the data
            main.go_to(slug)
            app.processEvents()
    from khoidesktop.bench.peak import own_peak_mb

    print(own_peak_mb(), flush=True)


def _peak(kind: str, db: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["KHOI_DATA_DIR"] = str(db.parent)  # the window's settings and backups stay in the temporary folder
    out = subprocess.run(
        [sys.executable, "-m", "khoidesktop.bench.memory", kind, str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def bench_memory(rows: int) -> dict[str, float]:
    """MB: the bare window's process at its peak, and ours with `rows` members and every page opened."""
    from khoidesktop.bench.data import bench_store

    with bench_store(rows) as store:
        path = store.path
        store.close()
        return {"bare": _peak("bare", path), "ours": _peak("ours", path)}


if __name__ == "__main__":  # a child process: its own peak
    _child(sys.argv[1], sys.argv[2])
