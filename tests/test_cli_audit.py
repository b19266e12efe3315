"""`audit list`: the audit log of a data file of any kind on the command line, filtered, range-checked."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from khoidesktop.cli import main
from khoidesktop.members.records import MemberData, add_member, update_member
from khoidesktop.units.records import add_unit, rename_unit

EDITED = datetime(2026, 12, 2, 10, 5)


def _member_renamed(store) -> None:
    with store.session() as session, session.begin():
        member = add_member(session, MemberData("Đỗ Thị Lan", birth_date=date(1990, 7, 9)), now=EDITED, actor="Hạnh")
    with store.session() as session, session.begin():
        update_member(
            session, member.id, MemberData("Đỗ Thị Lan Anh", birth_date=date(1990, 7, 9)), now=EDITED, actor="Hạnh"
        )
    store.close()


def test_json_lists_the_newest_first_with_the_old_and_new_values(store, ctx, capsys) -> None:
    _member_renamed(store)
    assert main(["--db", str(store.path), "audit", "list", "--entity", "member", "--json"], ctx) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["what"] for e in listed["entries"]] == ["Sửa đảng viên", "Thêm đảng viên"]
    assert listed["entries"][0]["record"] == "Đỗ Thị Lan Anh"
    assert listed["entries"][0]["changes"] == [{"field": "Họ và tên", "old": "Đỗ Thị Lan", "new": "Đỗ Thị Lan Anh"}]
    assert listed["entries"][0]["at"] == "2026-12-02T10:05:00" and listed["more"] is False


def test_text_mode_searches_without_accents_and_says_when_there_is_more(store, ctx, capsys) -> None:
    _member_renamed(store)
    assert main(["--db", str(store.path), "audit", "list", "--search", "do thi lan anh", "--limit", "1"], ctx) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [
        "02/12/2026 10:05  Hạnh  Sửa đảng viên: Đỗ Thị Lan Anh",
        "    Họ và tên: Đỗ Thị Lan → Đỗ Thị Lan Anh",
    ]
    assert "Còn nữa" in out  # the entry that added her is found too
    assert main(["--db", str(store.path), "audit", "list", "--from", "2027-01-01"], ctx) == 0
    assert "Không có dòng nhật ký nào khớp." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--limit", "0"], "0 nằm ngoài giới hạn: hãy nhập một số từ 1 đến 10000."),
        (["--limit", "10001"], "10001 nằm ngoài giới hạn"),
        (["--limit", "nhiều"], "“nhiều” không phải là một số nguyên."),
        (["--entity", "members"], "“members” không phải là một loại bản ghi của nhật ký"),
        (["--from", "01/12/2026"], "không phải là ngày dạng NNNN-TT-NN"),
        (["--to", "9999-01-01"], "ngày phải nằm trong khoảng từ năm 1930 đến năm 2100"),
    ],
)
def test_a_bad_argument_is_refused_in_vietnamese(store, ctx, capsys, argv, message) -> None:
    store.close()
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(store.path), "audit", "list", *argv], ctx)
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and message in err and "Traceback" not in err


def test_dates_in_the_wrong_order_are_refused_and_nothing_is_printed(store, ctx, capsys) -> None:
    store.close()
    code = main(["--db", str(store.path), "audit", "list", "--from", "2026-12-31", "--to", "2026-01-01"], ctx)
    captured = capsys.readouterr()
    assert code != 0 and "Ngày đầu sau ngày cuối" in captured.err and captured.out == ""


def test_a_level_above_the_cells_has_its_log_too(bloc_store, ctx, capsys) -> None:
    with bloc_store.session() as session, session.begin():
        unit = add_unit(session, "Chi bộ Phòng Kế toán", None, now=EDITED, actor="Khối")
        rename_unit(session, unit, "Chi bộ Phòng Kế toán - Tài vụ", now=EDITED, actor="Khối")
    bloc_store.close()
    assert main(["--db", str(bloc_store.path), "audit", "list", "--entity", "unit", "--json"], ctx) == 0
    entries = json.loads(capsys.readouterr().out)["entries"]
    assert [e["what"] for e in entries] == ["Sửa đơn vị trực thuộc", "Thêm đơn vị trực thuộc"]
    assert {e["record"] for e in entries} == {"Chi bộ Phòng Kế toán - Tài vụ"}
    assert entries[0]["changes"] == [
        {"field": "Tên", "old": "Chi bộ Phòng Kế toán", "new": "Chi bộ Phòng Kế toán - Tài vụ"}
    ]
