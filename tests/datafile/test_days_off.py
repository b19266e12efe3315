"""The local days off are the data file's (schema 12): set and audited, carried by a backup, read the same on any
computer; each computer's old setting is read into a file once."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from khoidesktop.datafile.days_off import adopt_local_days_off, days_off, set_days_off, work_calendar
from khoidesktop.datafile.identity import get_identity
from khoidesktop.store.audit import entries_for
from khoidesktop.store.backup import backup_everywhere
from khoidesktop.store.database import open_store
from tests.conftest import FIXED_NOW

ROOT = Path(__file__).resolve().parents[2]
MARCH_2, MARCH_3 = date(2026, 3, 2), date(2026, 3, 3)


def test_days_off_are_kept_in_the_file_audited_and_count_as_days_off(store):
    with store.session() as s, s.begin():
        assert set_days_off(s, [MARCH_3, MARCH_2, MARCH_3], now=FIXED_NOW, actor="t") == [MARCH_2, MARCH_3]
    with store.session() as s:
        assert days_off(s) == [MARCH_2, MARCH_3]
        assert work_calendar(s).add_working_days(date(2026, 2, 27), 1) == date(2026, 3, 4)
        identity = get_identity(s)
        changes = [e.detail for e in entries_for(s, "identity", identity.id) if "days_off" in e.detail]
    assert changes == ['{"days_off": [[], ["2026-03-02", "2026-03-03"]]}']
    with store.session() as s, s.begin():
        set_days_off(s, [MARCH_2, MARCH_3], now=FIXED_NOW, actor="t")  # no change: no entry
        set_days_off(s, [], now=FIXED_NOW, actor="t")
    with store.session() as s:
        assert days_off(s) == []
        assert len([e for e in entries_for(s, "identity", identity.id) if "days_off" in e.detail]) == 2


def test_a_backup_carries_the_days_off(store, tmp_path):
    with store.session() as s, s.begin():
        set_days_off(s, [MARCH_2], now=FIXED_NOW, actor="t")
    made = backup_everywhere(store.path, FIXED_NOW, 10, None)
    copy = open_store(made.path)
    try:
        with copy.session() as s:
            assert days_off(s) == [MARCH_2]
    finally:
        copy.close()


def test_the_old_setting_of_a_computer_is_read_into_a_file_once(store):
    with store.session() as s, s.begin():
        set_days_off(s, [MARCH_3], now=FIXED_NOW, actor="t")
        assert adopt_local_days_off(s, [MARCH_2, MARCH_3], now=FIXED_NOW, actor="t") == [MARCH_2]
    with store.session() as s, s.begin():
        assert days_off(s) == [MARCH_2, MARCH_3]
        set_days_off(s, [], now=FIXED_NOW, actor="t")  # the user removes them later
        assert adopt_local_days_off(s, [MARCH_2], now=FIXED_NOW, actor="t") == []  # not read in again
    with store.session() as s:
        assert days_off(s) == []


def test_workdays_counts_the_days_off_of_the_file_named(store, tmp_path):
    with store.session() as s, s.begin():
        set_days_off(s, [MARCH_2, MARCH_3], now=FIXED_NOW, actor="t")
    path = store.path
    store.close()

    def workdays(*extra: str) -> str:
        command = [sys.executable, str(ROOT / "main.py"), *extra, "workdays", "--from", "2026-02-27", "--days", "1"]
        done = subprocess.run([*command, "--json"], capture_output=True, text=True, timeout=120, encoding="utf-8")
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert workdays() == "2026-03-02"  # no file named: the national calendar
    assert workdays("--db", str(path)) == "2026-03-04"
