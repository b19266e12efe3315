"""The member import as a secretary runs it (issue 15: 10,000 rows, goal ≤ 2 s and at most 3.5× reading the same
file with openpyxl read-only): the command in its own process, against the floor of that read, both in this run."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from khoidesktop.bench.data import bench_store
from khoidesktop.bench.peak import peak_of

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def _sheet(rows: int, folder: Path) -> Path:
    """The members of a made-up data file, exported as the program exports them (every column of the import)."""
    from khoidesktop.members.records import active_members
    from khoidesktop.members.sheet_export import write_members_xlsx

    path = folder / "danh-sach.xlsx"
    with bench_store(rows) as store, store.session() as session:
        write_members_xlsx(active_members(session), path)
    return path


def _run(*args: str) -> tuple[float, float]:
    """Seconds and the command's own peak memory in MB (bench/peak.py runs main.py and tells its peak)."""
    command = [sys.executable, "-m", "khoidesktop.bench.peak", str(MAIN), *args]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return time.perf_counter() - started, peak_of(done.stderr)


def bench_member_import(rows: int) -> dict[str, float]:
    """Seconds: openpyxl's read-only pass over the sheet (the floor), the whole `members import` command in a new
    process (start, plan, write) into a new cell's data file; and the command's peak memory in MB."""
    import openpyxl

    from khoidesktop.bench.startup import compile_program

    compile_program()  # the command starts as an installed program does
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        sheet = _sheet(rows, folder)
        started = time.perf_counter()
        book = openpyxl.load_workbook(sheet, read_only=True)
        read = sum(1 for _row in book.worksheets[0].iter_rows(values_only=True))
        floor = time.perf_counter() - started
        book.close()
        data = str(folder / "chi-bo.sqlite")
        identity = ("--cell", "Chi bộ Đo", "--org", "Đảng bộ Đo", "--superior", "Đảng ủy Đo", "--place", "Hạ Long")
        _run("--db", data, "init", *identity)
        command, peak = _run("--db", data, "members", "import", str(sheet))
    return {"floor": floor, "command": command, "rows": read - 1, "peak_mb": peak}
