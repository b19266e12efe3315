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
