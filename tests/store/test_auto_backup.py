"""Backups in the window, at the store level (issue 15): rotation on real files, the second folder (a USB stick),
"changed since the last backup", restoring into the file the window has open, and a backup before every import."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from khoidesktop.errors import DatabaseLockedError
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.backup import (
    BEFORE_RESTORE,
    all_backups,
    backup_everywhere,
    changed_since_backup,
    file_state,
    list_backups,
    make_backup,
    remember_backed_up,
)
from khoidesktop.store.lock import InstanceLock
from khoidesktop.store.restore import count_members, restore_open_store
from tests.conftest import FIXED_NOW

ROOT = Path(__file__).resolve().parents[2]


def add(store, name: str) -> None:
    with store.session() as s, s.begin():
        add_member(s, MemberData(name), now=FIXED_NOW, actor="t")


def test_a_month_of_backups_on_disk_is_rotated_to_the_newest_and_one_per_day(store):
    for day in range(40):
        for hour in (8, 12, 16):
            make_backup(store.path, FIXED_NOW - timedelta(days=day) + timedelta(hours=hour - 9), keep=3)
    kept = [b.taken_at for b in all_backups(store.path)]
    assert kept[:3] == [FIXED_NOW + timedelta(hours=h) for h in (7, 3, -1)]  # today's three
    days = {t.date() for t in kept}
    assert len([d for d in days if d > (FIXED_NOW - timedelta(days=12)).date()]) == 12  # 12 days, one each
    assert all(t.hour == 16 for t in kept[3:])  # the others: each day's, week's or month's newest
    assert len(kept) < 40


def test_every_backup_is_copied_to_the_second_folder_and_rotated_there(store, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    made = [backup_everywhere(store.path, FIXED_NOW + timedelta(minutes=m), 2, usb) for m in range(4)]
    assert all(result.warning == "" for result in made)
    assert [p.name for p in list_backups(store.path, usb)] == [p.name for p in list_backups(store.path)]
    assert len(list_backups(store.path, usb)) == 2
    assert (usb / made[-1].path.name).read_bytes() == made[-1].path.read_bytes()
    assert not list(usb.glob("*.part"))


def test_an_unplugged_second_folder_is_a_calm_warning_never_a_failed_backup(store, tmp_path):
    result = backup_everywhere(store.path, FIXED_NOW, 10, tmp_path / "usb-not-plugged")
    assert result.path.is_file() and count_members(result.path) == 0
    assert "ổ USB đã cắm chưa" in result.warning and "vẫn được lưu" in result.warning
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("x")
    assert backup_everywhere(store.path, FIXED_NOW + timedelta(seconds=1), 10, blocked).warning


def test_changed_since_the_last_backup_follows_writes_not_reads(store):
    path = store.path
    state = file_state(path)
    assert changed_since_backup(path, state)  # no backup yet
    make_backup(path, FIXED_NOW, keep=10)
    remember_backed_up(path, state)
    assert not changed_since_backup(path, file_state(path))
    with store.session() as s:
        count_members(path)
        s.connection()  # reading changes nothing
    assert not changed_since_backup(path, file_state(path))
    add(store, "Nguyễn Văn Một")
    assert changed_since_backup(path, file_state(path))  # the WAL grew


def test_restore_into_the_open_file_keeps_it_locked_and_brings_the_data_back(store):
    add(store, "Nguyễn Văn Một")
    backup = make_backup(store.path, FIXED_NOW, keep=10)
    add(store, "Trần Văn Hai")
    reopened, safety = restore_open_store(store, backup, FIXED_NOW + timedelta(hours=1))
    try:
        assert count_members(reopened.path) == 1 and count_members(safety) == 2
        assert [b.kind for b in all_backups(store.path) if b.path == safety] == [BEFORE_RESTORE]
        with pytest.raises(DatabaseLockedError):
            InstanceLock(reopened.path).acquire()  # never unlocked on the way
        add(reopened, "Lê Thị Ba")
        assert count_members(reopened.path) == 2
    finally:
        reopened.close()


def test_the_command_line_backs_up_before_an_import(store, tmp_path):
    from khoidesktop.members.sheet_export import write_members_xlsx

    add(store, "Nguyễn Văn Một")
    with store.session() as s:
        from khoidesktop.members.records import active_members

        sheet = write_members_xlsx(active_members(s), tmp_path / "ds.xlsx")
    path = store.path
    store.close()
    env_data = tmp_path / "data"
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(path)]
    dry = subprocess.run([*run, "members", "import", str(sheet), "--dry-run"], capture_output=True, text=True)
    assert dry.returncode == 0 and list_backups(path) == []  # a dry run writes nothing, backs nothing up
    done = subprocess.run(
        [*run, "members", "import", str(sheet)], capture_output=True, text=True, env={"KHOI_DATA_DIR": str(env_data)}
    )
    assert done.returncode == 0, done.stderr
    (backup,) = list_backups(path)
    assert count_members(backup) == 1
