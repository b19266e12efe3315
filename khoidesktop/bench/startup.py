"""Start-up: process start → first paint of a bare PySide6 window (the baseline), of our main window, and
until the training data file is open and the overview shows its figures. Each run is a fresh process
(offscreen), the median of N runs is reported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _child(kind: str, started: float, db: str) -> None:
    if kind != "bare":
        from khoidesktop import process

        process.starting()  # as main.py does, before the first import
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def __init__(self, on_paint: Callable[[], None]) -> None:
            super().__init__()
            self.on_paint, self.done = on_paint, False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, self.on_paint)
            return False

    def report() -> None:
        print(f"{time.time() - started:.4f}", flush=True)
        QApplication.quit()

    if kind == "bare":
        app = QApplication([])
        window = QMainWindow()
        window.resize(1180, 760)
        on_paint = report
    else:
        from khoidesktop.app import build_application
        from khoidesktop.context import AppContext
        from khoidesktop.ui.main_window import MainWindow

        ctx = AppContext.create()
        app = build_application(ctx)
        window = MainWindow(ctx)

        def load_then_report() -> None:
            if kind == "data":
                from khoidesktop.store.database import open_store

                window.set_store(open_store(Path(db), now=ctx.now))
                process.started()  # as app.run_gui does once the data file is shown
            report()

        on_paint = load_then_report
    watcher = FirstPaint(on_paint)
    window.installEventFilter(watcher)
    window.show()
    app.exec()


def _measure(kind: str, db: Path, runs: int) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times = []
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-m", "khoidesktop.bench.startup", "--child", kind, str(started), str(db)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def compile_program() -> None:
    """The program's modules compiled to bytecode first, as an installation carries them (PyInstaller bundles the
    bytecode; Python writes it on the first start): PySide6, the baseline, was compiled when pip installed it, and
    with PYTHONDONTWRITEBYTECODE set every start would compile ~100 modules of ours again (~250 ms)."""
    import compileall

    import khoidesktop

    compileall.compile_dir(Path(khoidesktop.__file__).parent, quiet=1)


def bench_startup(runs: int) -> None:
    compile_program()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KHOI_DATA_DIR"] = folder
        db = Path(folder) / "tap-huan.sqlite"
        from khoidesktop.demo.files import create_demo_file

        create_demo_file(db, actor="bench", lock=False).close()
        bare = _measure("bare", db, runs)
        shell = _measure("shell", db, runs)
        data = _measure("data", db, runs)
    print(f"start-up, median of {runs} runs (offscreen, the program's modules compiled as installed):")
    print(f"  bare PySide6 window painted               {bare * 1000:7.0f} ms   1.00×")
    print(f"  Khối main window painted                  {shell * 1000:7.0f} ms   {shell / bare:.2f}×")
    print(f"  … training data open and shown            {data * 1000:7.0f} ms   {data / bare:.2f}×")


if __name__ == "__main__":  # a child process measuring one start
    _child(sys.argv[2], float(sys.argv[3]), sys.argv[4])
