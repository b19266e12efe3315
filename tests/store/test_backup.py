import hashlib
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from khoidesktop.errors import DatabaseError, DatabaseLockedError
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.backup import list_backups, make_backup
from khoidesktop.store.database import open_store
from khoidesktop.store.models import Member
from khoidesktop.store.restore import restore_backup
from tests.conftest import FIXED_NOW


def count(path) -> int:
    store = open_store(path, lock=False, readonly=True)
    try:
        with store.session() as s:
            return s.scalar(select(func.count()).select_from(Member))
    finally:
        store.close()


def test_backups_rotate_and_restore_brings_the_data_back(store):
    path = store.path
    with store.session() as s, s.begin():
        add_member(s, MemberData("Nguyễn Văn Một"), now=FIXED_NOW, actor="t")
    store.close()
    made = [make_backup(path, FIXED_NOW + timedelta(minutes=i), keep=3) for i in range(5)]
    assert list_backups(path) == sorted(made[-3:], reverse=True)
    reopened = open_store(path)
    with reopened.session() as s, s.begin():
        add_member(s, MemberData("Trần Văn Hai"), now=FIXED_NOW, actor="t")
    reopened.close()
    assert count(path) == 2
    safety = restore_backup(made[-1], path, FIXED_NOW + timedelta(hours=1))
    assert count(path) == 1 and count(safety) == 2  # the file as it was is kept aside


def test_copies_made_within_one_second_are_all_kept_and_a_restore_never_writes_over_its_backup(store):
    """A backup by hand, then the one `encrypt` or an import takes, can fall in the same second: the second used to
    replace the first. And a restore from a `…-truoc-khoi-phuc-…` copy made in the same second wrote the current
    file over that very copy before reading it."""
    path = store.path
    with store.session() as s, s.begin():
        add_member(s, MemberData("Nguyễn Văn Một"), now=FIXED_NOW, actor="t")
    store.close()
    first = make_backup(path, FIXED_NOW, keep=5)
    second = make_backup(path, FIXED_NOW, keep=5)
    assert first != second and first.exists() and second.name.endswith("-2.sqlite")
    assert list_backups(path) == [second, first]  # newest first within the second too
    safety = restore_backup(first, path, FIXED_NOW)  # the file as it is (one member), kept aside
    reopened = open_store(path)
    with reopened.session() as s, s.begin():
        add_member(s, MemberData("Trần Văn Hai"), now=FIXED_NOW, actor="t")
    reopened.close()
    again = restore_backup(safety, path, FIXED_NOW)  # same second: a new safety copy, not over `safety`
    assert again != safety and count(path) == 1 and count(again) == 2


def test_a_damaged_backup_is_refused_and_the_file_is_untouched(store, tmp_path):
    path = store.path
    store.close()
    bad = tmp_path / "hong.sqlite"
    bad.write_bytes(b"not a database" * 100)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="bị hỏng"):
        restore_backup(bad, path, datetime(2026, 11, 23))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_restore_is_refused_while_the_file_is_open(store, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    backup = make_backup(store.path, FIXED_NOW, keep=3)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(root / "main.py"), "--db", str(store.path), "restore", str(backup)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == DatabaseLockedError.exit_code and "đang được mở" in result.stderr
