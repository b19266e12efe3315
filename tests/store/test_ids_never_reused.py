"""An id is never given twice (migration 0014): the audit log names a withdrawn record by its id, so a record added
after it must not take that id, or the log would show the new member's name on the withdrawn one's entries."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import select

from khoidesktop.audit_log.records import AuditFilter, audit_page
from khoidesktop.meetings.figures import MeetingData
from khoidesktop.meetings.records import save_meeting, withdraw_meeting
from khoidesktop.members.records import MemberData, add_member, add_members, withdraw_member
from khoidesktop.store.database import open_store
from khoidesktop.store.models import Base, Meeting
from tests.conftest import FIXED_NOW

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _add(store, name: str) -> int:
    with store.session() as s, s.begin():
        return add_member(s, MemberData(name, date(1985, 2, 3)), now=FIXED_NOW, actor="t").id


def test_the_newest_member_withdrawn_leaves_its_id_to_nobody_and_the_log_names_each_rightly(store):
    _add(store, "Nguyễn Văn An")
    wrong = _add(store, "Nguyễn Văn Ann")
    with store.session() as s, s.begin():
        withdraw_member(s, wrong, now=FIXED_NOW, actor="bí thư")
    later = _add(store, "Trần Thị Bình")
    assert later == wrong + 1
    with store.session() as s:
        rows = audit_page(s, AuditFilter(entity="member")).rows
    named = [(r.what, r.record) for r in rows]
    assert ("Thêm đảng viên", "Trần Thị Bình") in named
    assert not any(r.record == "Trần Thị Bình" for r in rows if r.what != "Thêm đảng viên")  # only its own entry
    ann = [r.what for r in rows if r.record == "Nguyễn Văn Ann"]  # from the values the entries kept
    assert ann == ["Rút lại (nhập nhầm) đảng viên", "Thêm đảng viên"], named
    withdrawn = next(r for r in rows if r.what.startswith("Rút lại"))
    assert ("Họ và tên", "Nguyễn Văn Ann", "(trống)") in [(c.field, c.old, c.new) for c in withdrawn.changes]
    assert not [c for c in withdrawn.changes if c.old == c.new]  # no empty field said as "(trống) → (trống)"


def test_an_import_after_the_newest_member_was_withdrawn_starts_above_its_id(store):
    _add(store, "Nguyễn Văn An")
    wrong = _add(store, "Nguyễn Văn Ann")
    with store.session() as s, s.begin():
        withdraw_member(s, wrong, now=FIXED_NOW, actor="t")
    batch = [MemberData("Trần Văn Ba", date(1990, 1, 1)), MemberData("Lê Thị Tư", date(1991, 1, 1))]
    with store.session() as s, s.begin():
        made = add_members(s, batch, now=FIXED_NOW, actor="t")
    assert made == [wrong + 1, wrong + 2]
    assert _add(store, "Phạm Văn Năm") == wrong + 3  # the sequence followed the import's own ids


def test_a_meeting_withdrawn_leaves_its_id_to_nobody(store):
    data = MeetingData(kind="regular", on_date=date(2026, 11, 5), topic="Sinh hoạt tháng 11")
    with store.session() as s, s.begin():
        first = save_meeting(s, None, data, now=FIXED_NOW, actor="t").id
    with store.session() as s, s.begin():
        withdraw_meeting(s, first, now=FIXED_NOW, actor="t")
    with store.session() as s, s.begin():
        again = save_meeting(s, None, data, now=FIXED_NOW, actor="t").id
    with store.session() as s:
        assert again != first and s.scalars(select(Meeting.id)).all() == [again]
        rows = audit_page(s, AuditFilter(entity="meeting")).rows
    assert [r.record for r in rows] == ["Sinh hoạt thường kỳ 05/11/2026"] * 3, [(r.what, r.record) for r in rows]


def test_an_older_file_keeps_the_ids_its_log_names_after_the_upgrade(tmp_path):
    """A file of version 13 whose newest member was withdrawn before the upgrade: the log names id 7, the table's
    highest is 3; the next member takes 8."""
    path = tmp_path / "cu.sqlite"
    shutil.copy(FIXTURES / "db_v13.sqlite", path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(id) FROM member").fetchone() == (3,)
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) "
        "VALUES ('2025-06-01 08:00:00', 't', 'withdraw', 'member', 7, '{\"full_name\": [\"Lê Văn Bảy\", null]}')"
    )
    conn.commit()
    conn.close()
    store = open_store(path, now=lambda: FIXED_NOW)
    try:
        assert _add(store, "Phạm Văn Tám") == 8
    finally:
        store.close()
    conn = sqlite3.connect(path)
    sequences = dict(conn.execute("SELECT name, seq FROM sqlite_sequence"))
    assert sequences["member"] == 8 and sequences["audit_log"] >= 2
    made = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'")}
    assert made == {name for name, table in Base.metadata.tables.items() if "id" in table.c}
    conn.close()
