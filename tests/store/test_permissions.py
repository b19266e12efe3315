"""Personal data kept close (issue 15, item 11): the data file, its WAL, its backups and every file the program
exports are readable by their owner only (0600 on Linux), whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from khoidesktop.datafile.create import create_data_file
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.members.sheet_export import write_members_xlsx
from khoidesktop.store.backup import make_backup
from khoidesktop.store.models import Member
from tests.conftest import FIXED_NOW, IDENTITY

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows uses the user's folder")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_file_its_wal_backups_and_exports_are_the_owners_only(tmp_path):
    old = os.umask(0o022)  # the usual umask, which made them 0644
    try:
        store = create_data_file(tmp_path / "cb.sqlite", IDENTITY, actor="t", now=lambda: FIXED_NOW)
        try:
            with store.session() as s, s.begin():
                add_member(s, MemberData("Nguyễn Văn An", personal_id="012345678901"), now=FIXED_NOW, actor="t")
            wal = store.path.with_name(store.path.name + "-wal")
            assert mode(store.path) == 0o600
            assert wal.exists() and mode(wal) == 0o600
            backup = make_backup(store.path, FIXED_NOW, keep=3)
            assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
            with store.session() as s:
                out = write_members_xlsx(list(s.query(Member)), tmp_path / "ds.xlsx")
            assert mode(out) == 0o600
        finally:
            store.close()
    finally:
        os.umask(old)
