"""The audit log read for display, on real data files: words for every code, old → new, filters, pages."""

from __future__ import annotations

import ast
import re
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from khoidesktop.audit_log.labels import ENTITY_LABELS, action_label
from khoidesktop.audit_log.records import SCAN_LIMIT, AuditFilter, AuditRow, audit_page
from khoidesktop.errors import ValidationError
from khoidesktop.members.history import add_event, withdraw_event
from khoidesktop.members.records import MemberData, add_member, update_member
from khoidesktop.store.database import Store

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PACKAGE = Path(__file__).resolve().parents[2] / "khoidesktop"
DAY1, DAY2, DAY3 = datetime(2026, 12, 1, 8, 15), datetime(2026, 12, 8, 14, 5), datetime(2027, 1, 20, 16, 40)


def _entities_recorded() -> dict[str, str]:
    """Every `entity=` given to audit.record / audit.withdraw_row in the program, with where it is."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in ("record", "withdraw_row") or path.name == "audit.py":
                continue
            entity = next((k.value for k in node.keywords if k.arg == "entity"), None)
            if name == "record" and not any(k.arg == "action" for k in node.keywords):
                continue  # another function named record
            where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            assert isinstance(entity, ast.Constant), f"{where}: give entity= as a plain string the log can name"
            found[entity.value] = where
    return found


def test_every_kind_of_record_the_program_logs_has_a_vietnamese_label() -> None:
    recorded = _entities_recorded()
    assert {"member", "meeting", "member_event", "unit_bundle"} <= set(recorded)  # the scan sees the calls
    missing = {entity: where for entity, where in recorded.items() if entity not in ENTITY_LABELS}
    assert not missing, f"kinds of record with no label in audit_log/labels.py: {missing}"


def _rows(store: Store, wanted: AuditFilter | None = None, limit: int = 200) -> list[AuditRow]:
    with store.session() as session:
        return audit_page(session, wanted or AuditFilter(), limit=limit).rows


def _member(store: Store) -> int:
    with store.session() as session, session.begin():
        member = add_member(
            session,
            MemberData("Nguyễn Văn Định", birth_date=date(1980, 2, 1), gender="male", admitted_on=date(2010, 5, 3)),
            now=DAY1,
            actor="Trần Thị Hạnh",
        )
        return member.id


def test_an_edit_shows_who_when_which_member_and_each_field_old_to_new(store: Store) -> None:
    member_id = _member(store)
    with store.session() as session, session.begin():
        data = MemberData(
            "Nguyễn Văn Định", birth_date=date(1981, 4, 3), gender="male", admitted_on=date(2010, 5, 3), status="exempt"
        )
        update_member(session, member_id, data, now=DAY2, actor="Lê Văn Nam")
    newest = _rows(store)[0]
    assert (newest.when, newest.who, newest.what, newest.record) == (
        "08/12/2026 14:05",
        "Lê Văn Nam",
        "Sửa đảng viên",
        "Nguyễn Văn Định",
    )
    assert (
        newest.changes_text == "Ngày sinh: 01/02/1980 → 03/04/1981; Tình trạng: Chính thức → Miễn công tác và sinh hoạt"
    )
    added = _rows(store)[1]
    assert (added.when, added.who, added.what, added.record) == (
        "01/12/2026 08:15",
        "Trần Thị Hạnh",
        "Thêm đảng viên",
        "Nguyễn Văn Định",
    )


def test_a_withdrawn_event_keeps_its_member_kind_and_date(store: Store) -> None:
    member_id = _member(store)
    with store.session() as session, session.begin():
        event_id = add_event(session, member_id, "exempt", date(2026, 12, 1), now=DAY2, actor="Hạnh").id
    with store.session() as session, session.begin():
        withdraw_event(session, event_id, now=DAY3, actor="Hạnh")
    rows = _rows(store, AuditFilter(entity="member_event"))
    assert [r.what for r in rows] == ["Rút lại (nhập nhầm) sự kiện của đảng viên", "Thêm sự kiện của đảng viên"]
    assert rows[0].record == "Nguyễn Văn Định, Miễn công tác và sinh hoạt, 01/12/2026"
    assert "Ngày: 01/12/2026 → (trống)" in rows[0].changes_text
    assert "member_id" not in rows[0].changes_text and "Mã" not in rows[0].changes_text


def test_every_entry_of_the_training_data_reads_in_vietnamese(demo_store: Store) -> None:
    with demo_store.session() as session:
        rows = audit_page(session, limit=10_000).rows
    assert len(rows) > 300
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)  # newest first
    for row in rows:
        assert row.what != action_label("create", "?"), row  # a kind of record without its label
        assert row.record, row
        for change in row.changes:
            assert "_" not in change.field, row  # a field shown by its code
            assert not ISO_DATE.search(change.old + change.new), row  # a date not written dd/mm/yyyy


def test_filters_by_kind_dates_and_text_without_accents(store: Store) -> None:
    member_id = _member(store)
    with store.session() as session, session.begin():
        add_event(session, member_id, "exempt", date(2026, 12, 1), now=DAY3, actor="Phạm Thu")
    assert [r.what for r in _rows(store, AuditFilter(entity="member"))] == ["Thêm đảng viên"]
    december = _rows(store, AuditFilter(since=date(2026, 12, 1), until=date(2026, 12, 31)))
    assert [r.when for r in december] == ["01/12/2026 08:15"]
    assert [r.when for r in _rows(store, AuditFilter(since=date(2027, 1, 20), until=date(2027, 1, 20)))] == [
        "20/01/2027 16:40"
    ]
    assert [r.who for r in _rows(store, AuditFilter(text="pham THU"))] == ["Phạm Thu"]
    assert len(_rows(store, AuditFilter(text="van dinh"))) == 2  # the member's entry and the event's
    assert [r.what for r in _rows(store, AuditFilter(text="mien cong tac"))] == ["Thêm sự kiện của đảng viên"]
    assert _rows(store, AuditFilter(text="khong co ai")) == []


@pytest.mark.parametrize(
    ("wanted", "limit", "says"),
    [
        (AuditFilter(entity="members"), 10, "không phải là một loại bản ghi"),
        (AuditFilter(since=date(2026, 5, 1), until=date(2026, 4, 1)), 10, "đổi chỗ"),
        (AuditFilter(), 0, "từ 1 đến"),
        (AuditFilter(), 10_001, "từ 1 đến"),
    ],
)
def test_a_bad_filter_is_refused_in_vietnamese(store: Store, wanted: AuditFilter, limit: int, says: str) -> None:
    with pytest.raises(ValidationError, match=says), store.session() as session:
        audit_page(session, wanted, limit=limit)


def test_pages_follow_each_other_without_a_gap_or_a_repeat(demo_store: Store) -> None:
    with demo_store.session() as session:
        everything = [r.id for r in audit_page(session, limit=10_000).rows]
        seen: list[int] = []
        page = audit_page(session, limit=37)
        while True:
            seen += [r.id for r in page.rows]
            if page.next is None:
                break
            page = audit_page(session, limit=37, after=page.next)
    assert seen == everything


def test_a_file_of_100000_entries_is_read_a_page_at_a_time(store: Store) -> None:
    _member(store)
    rows = [
        (f"2025-01-01 08:{i % 60:02d}:00.000000", "Hạnh", "update", "member", 1, '{"status": ["official", "exempt"]}')
        for i in range(100_000)
    ]
    with sqlite3.connect(store.path) as conn:
        conn.executemany(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?,?,?,?,?,?)", rows
        )
    started = time.perf_counter()
    with store.session() as session:
        page = audit_page(session, limit=200)
        found = audit_page(session, AuditFilter(text="định", since=date(2026, 1, 1)), limit=200)
        reads, nowhere = 1, audit_page(session, AuditFilter(text="không có ai"), limit=200)
        while nowhere.next is not None:  # a text found nowhere: each read looks through a part, the next goes on
            assert nowhere.rows == []
            reads, nowhere = reads + 1, audit_page(session, AuditFilter(text="không có ai"), after=nowhere.next)
    assert len(page.rows) == 200 and page.next is not None
    assert [r.what for r in found.rows] == ["Thêm đảng viên"]
    assert nowhere.rows == [] and reads == 100_003 // SCAN_LIMIT + 1
    assert time.perf_counter() - started < 60
