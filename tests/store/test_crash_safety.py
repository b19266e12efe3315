"""Crash safety (issue 15): a write-heavy command killed (SIGKILL) at a random moment never leaves a damaged data
file nor half an import. Each command runs as a real process of main.py; after the kill, `PRAGMA integrity_check`
is "ok" and the count of what it writes is either the count before or after (for several bundles, each bundle is
all or nothing: every unit's bundle holds all its files).

A short loop here (KILLS per command); the full one with KHOI_CRASH_LOOPS=N (e.g. 50)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khoidesktop.bench.data import BENCH_IDENTITY, BENCH_NOW, fill_members
from khoidesktop.datafile.create import create_data_file
from khoidesktop.members.sheet_export import write_members_xlsx
from khoidesktop.store.models import Member
from tests.conftest import BLOC_IDENTITY, FIXED_NOW

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

MAIN = Path(__file__).resolve().parents[2] / "main.py"
KILLS = int(os.environ.get("KHOI_CRASH_LOOPS", "5"))
ROWS = 2_000


def _env(tmp_path: Path) -> dict[str, str]:
    return os.environ | {"KHOI_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}


def _command(db: Path, args: list[str]) -> list[str]:
    return [sys.executable, str(MAIN), "--db", str(db), *args]


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _fresh(pristine: Path, folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    db = folder / pristine.name
    shutil.copyfile(pristine, db)
    return db


def _kill_loop(tmp_path: Path, pristine: Path, args: list[str], count_sql: str, extra_check=None) -> dict[str, int]:
    """Run the command once to the end (its duration and the count after), then KILLS times killed at a random
    moment within that duration. Returns how many kills landed before, during (nothing written yet) and after."""
    env, rng = _env(tmp_path), random.Random(15)
    before = _count(pristine, count_sql)
    db = _fresh(pristine, tmp_path / "full")
    started = time.monotonic()
    done = subprocess.run(_command(db, args), env=env, capture_output=True, text=True, timeout=120)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    after = _count(db, count_sql)
    assert after != before
    seen = {"before": 0, "after": 0}
    for n in range(KILLS):
        db = _fresh(pristine, tmp_path / f"kill{n}")
        process = subprocess.Popen(_command(db, args), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.0) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert _integrity(db) == "ok", n
        found = _count(db, count_sql)
        if extra_check is not None:
            extra_check(db)
            assert before <= found <= after, (n, found)
        else:
            assert found in (before, after), (n, found)
        seen["before" if found == before else "after"] += 1
        shutil.rmtree(tmp_path / f"kill{n}")
    return seen


@pytest.fixture(scope="module")
def cell_files(tmp_path_factory) -> dict[str, Path]:
    """An empty cell's file, a sheet of ROWS members, and a backup holding them."""
    folder = tmp_path_factory.mktemp("cell")
    full = create_data_file(folder / "day-du.sqlite", BENCH_IDENTITY, actor="t", now=lambda: BENCH_NOW, lock=False)
    try:
        fill_members(full, ROWS)
        with full.session() as s:
            sheet = write_members_xlsx(list(s.query(Member)), folder / "ds.xlsx")
    finally:
        full.close()
    empty = create_data_file(folder / "chi-bo.sqlite", BENCH_IDENTITY, actor="t", now=lambda: BENCH_NOW, lock=False)
    empty.close()
    return {"empty": empty.path, "sheet": sheet, "backup": full.path}


def test_a_killed_members_import_is_all_or_nothing(tmp_path, cell_files):
    seen = _kill_loop(
        tmp_path, cell_files["empty"], ["members", "import", str(cell_files["sheet"])], "SELECT count(*) FROM member"
    )
    print(f"members import of {ROWS} rows killed {KILLS} times: {seen}")


def test_a_killed_restore_leaves_the_file_as_it_was_or_restored(tmp_path, cell_files):
    args = ["restore", str(cell_files["backup"])]
    seen = _kill_loop(tmp_path, cell_files["empty"], args, "SELECT count(*) FROM member")
    print(f"restore of {ROWS} members killed {KILLS} times: {seen}")


def _every_bundle_whole(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        broken = conn.execute(
            "SELECT count(*) FROM unit_bundle b WHERE NOT EXISTS (SELECT 1 FROM unit_bundle_file f "
            "WHERE f.bundle_id = b.id)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert broken == 0


def test_a_killed_import_of_several_bundles_takes_each_whole_or_not_at_all(tmp_path, generated_bundles):
    bloc = create_data_file(tmp_path / "khoi.sqlite", BLOC_IDENTITY, actor="t", now=lambda: FIXED_NOW, lock=False)
    bloc.close()
    args = ["import-bundle", "--accept-new-keys", *map(str, generated_bundles)]
    seen = _kill_loop(tmp_path, bloc.path, args, "SELECT count(*) FROM unit_bundle", _every_bundle_whole)
    print(f"import-bundle of {len(generated_bundles)} bundles killed {KILLS} times: {seen}")
