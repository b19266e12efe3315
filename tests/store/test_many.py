"""store/many.insert_many stores exactly what SQLAlchemy's own insert stores (issue 15: the import's writing)."""

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from khoidesktop.datafile.create import create_data_file
from khoidesktop.store.many import insert_many
from khoidesktop.store.models import AuditEntry, Member
from tests.conftest import FIXED_NOW, IDENTITY

ON_THE_SECOND = datetime(2026, 3, 1, 8, 0, 0)  # no microseconds: sqlite3's own adapter would drop ".000000"


def _member(id_: int, **extra: object) -> dict[str, object]:
    return {
        "id": id_,
        "full_name": f"Nguyễn Văn {id_}",
        "sort_key": f"k{id_}",
        "search_key": f"nguyen van {id_}",
        "birth_date": date(1980, 1, id_),
        "admitted_on": None,
        "card_number": None if id_ % 2 else f"0000{id_}",
        "created_at": ON_THE_SECOND,
        "updated_at": datetime(2026, 3, 1, 8, 0, 0, 123),
        **extra,
    }


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as raw:
        return raw.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608 (a fixed name)


def _write(path: Path, write) -> None:  # type: ignore[no-untyped-def]
    store = create_data_file(path, IDENTITY, actor="test", now=lambda: FIXED_NOW)
    try:
        with store.session() as session, session.begin():
            write(session)
    finally:
        store.close()


def test_rows_are_stored_as_sqlalchemys_insert_stores_them(tmp_path):
    members = [_member(i) for i in range(1, 6)]
    entries = [
        {"at": ON_THE_SECOND, "actor": "bt", "action": "create", "entity": "member", "entity_id": i, "detail": "{}"}
        for i in range(1, 6)
    ]

    def ours(session):  # type: ignore[no-untyped-def]
        insert_many(session, Member, members)
        insert_many(session, AuditEntry, entries)

    def sqlalchemys(session):  # type: ignore[no-untyped-def]
        session.execute(insert(Member.__table__), members)
        session.execute(insert(AuditEntry.__table__), entries)

    _write(tmp_path / "ours.sqlite", ours)
    _write(tmp_path / "theirs.sqlite", sqlalchemys)
    for table in ("member", "audit_log"):
        mine, theirs = _rows(tmp_path / "ours.sqlite", table), _rows(tmp_path / "theirs.sqlite", table)
        assert mine == theirs
    stored = _rows(tmp_path / "ours.sqlite", "member")[0]
    assert "2026-03-01 08:00:00.000000" in stored  # SQLAlchemy's form of the date and time, not sqlite3's
    assert "1980-01-01" in stored
    assert stored.count("") >= 5  # the left-out text columns got their default ""
    assert "official" in stored  # the status left out: its default


def test_rows_that_name_other_columns_or_not_the_same_ones_are_refused(tmp_path):
    def unknown(session):  # type: ignore[no-untyped-def]
        insert_many(session, Member, [_member(1, nickname="An")])

    def uneven(session):  # type: ignore[no-untyped-def]
        insert_many(session, Member, [_member(1), {"id": 2, "full_name": "B"}])

    with pytest.raises(ValueError, match="no column nickname"):
        _write(tmp_path / "a.sqlite", unknown)
    with pytest.raises(ValueError, match="the same columns"):
        _write(tmp_path / "b.sqlite", uneven)
