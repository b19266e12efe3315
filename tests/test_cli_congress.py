"""`congress …` on real data files: the congress entered, the summoned list made from a cell's members or from
names above the cells, attendance, the quorum with its numbers (QĐ 190-QĐ/TW), documents kept and saved out
byte for byte; bad input refused in Vietnamese on stderr with nothing written."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from khoidesktop.cli import main
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.database import open_store
from khoidesktop.store.models import AuditEntry, CongressDocument
from khoidesktop.terms.records import TermForm, save_term
from tests.conftest import FIXED_NOW

WHO = {"now": FIXED_NOW, "actor": "test"}


def _run(ctx, capsys, store, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(store.path), *argv], ctx)
    out, err = capsys.readouterr()
    return code, out, err


def _count(store, model) -> int:
    opened = open_store(store.path, lock=False)
    try:
        with opened.session() as session:
            return session.scalar(select(func.count()).select_from(model))
    finally:
        opened.close()


def _term(store, members: int = 0) -> None:
    with store.session() as session, session.begin():
        save_term(session, TermForm("2025–2030", date(2025, 6, 1), date(2030, 5, 31)), **WHO)
        for i in range(members):
            add_member(
                session,
                MemberData(f"Nguyễn Văn Số{i + 1}", admitted_on=date(2000, 1, 1), official_on=date(2001, 1, 1)),
                **WHO,
            )
        add_member(session, MemberData("Lê Thị Dự Bị", admitted_on=date(2025, 3, 1), status="probationary"), **WHO)
    store.close()


def test_a_cells_congress_from_the_command_line(store, ctx, capsys, tmp_path):
    _term(store, members=30)
    agenda = tmp_path / "chuong-trinh.txt"
    agenda.write_text("1. Khai mạc\n2. Báo cáo chính trị\n3. Bầu cử", encoding="utf-8")
    code, out, err = _run(
        ctx, capsys, store, "congress", "set", "--held-on", "2025-06-10", "--place", "Hội trường tầng 3",
        "--agenda-file", str(agenda), "--presidium", "Nguyễn Văn Số1; Nguyễn Văn Số2", "--counting-board",
        "Nguyễn Văn Số3;Nguyễn Văn Số4;Nguyễn Văn Số5",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = _run(ctx, capsys, store, "congress", "summon")
    assert code == 0 and "30" in out, err  # the probationary member is not summoned
    for i in range(1, 11):
        how = ("--excused", "Ốm") if i % 2 else ("--absent",)
        assert _run(ctx, capsys, store, "congress", "attend", f"Nguyễn Văn Số{i}", *how)[0] == 0
    code, out, _err = _run(ctx, capsys, store, "congress", "show")
    assert "Có mặt 20/30, cần ít nhất 20: đủ điều kiện tiến hành đại hội" in out
    assert "Nguyễn Văn Số1: vắng có lý do (Ốm)" in out and "Lê Thị Dự Bị" not in out
    assert _run(ctx, capsys, store, "congress", "attend", "Số11", "--absent")[0] == 0
    code, out, _err = _run(ctx, capsys, store, "congress", "show", "--json")
    shown = json.loads(out)
    assert shown["quorum"] == {
        "summoned": 30,
        "present": 19,
        "needed": 20,
        "valid": False,
        "text": "Có mặt 19/30, cần ít nhất 20: chưa đủ điều kiện tiến hành đại hội (cần ít nhất hai phần ba số "
        "được triệu tập có mặt)",
    }
    assert shown["congress"]["counting_board"] == ["Nguyễn Văn Số3", "Nguyễn Văn Số4", "Nguyễn Văn Số5"]
    assert shown["congress"]["agenda"].startswith("1. Khai mạc")


def test_a_document_kept_listed_saved_out_and_removed(store, ctx, capsys, tmp_path):
    _term(store)
    assert _run(ctx, capsys, store, "congress", "set", "--held-on", "2025-06-10")[0] == 0
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 40)
    code, out, err = _run(
        ctx, capsys, store, "congress", "attach", str(report), "--kind", "political_report", "--title",
        "Báo cáo chính trị trình Đại hội", "--dated", "2025-05-25",
    )  # fmt: skip
    assert code == 0, err
    (listed,) = json.loads(_run(ctx, capsys, store, "congress", "documents", "--json")[1])
    assert listed["title"] == "Báo cáo chính trị trình Đại hội" and listed["bytes"] == report.stat().st_size
    out_file = tmp_path / "ra" / "ban-sao.pdf"
    out_file.parent.mkdir()
    assert _run(ctx, capsys, store, "congress", "save-document", str(listed["id"]), "--out", str(out_file))[0] == 0
    assert out_file.read_bytes() == report.read_bytes()
    code, _out, err = _run(ctx, capsys, store, "congress", "save-document", str(listed["id"]), "--out", str(store.path))
    assert code != 0 and "tệp dữ liệu" in err
    assert _run(ctx, capsys, store, "congress", "remove-document", str(listed["id"]))[0] == 0
    assert _count(store, CongressDocument) == 0


def test_bad_input_is_refused_in_vietnamese_with_nothing_written(store, ctx, capsys, tmp_path):
    _term(store, members=3)
    audits = _count(store, AuditEntry)
    code, _out, err = _run(ctx, capsys, store, "congress", "summon")
    assert code != 0 and "ngày đại hội" in err
    code, _out, err = _run(ctx, capsys, store, "congress", "set", "--held-on", "2024-01-01")
    assert code != 0 and "trong thời gian của nhiệm kỳ" in err
    with pytest.raises(SystemExit):
        _run(ctx, capsys, store, "congress", "set", "--held-on", "2025-13-01")
    assert "không phải là ngày" in capsys.readouterr().err
    big = tmp_path / "lon.pdf"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    assert _run(ctx, capsys, store, "congress", "set", "--held-on", "2025-06-10")[0] == 0
    audits = _count(store, AuditEntry)
    code, _out, err = _run(ctx, capsys, store, "congress", "attach", str(big), "--kind", "other", "--title", "Quét")
    assert code != 0 and "tối đa 20,0 MB" in err
    code, _out, err = _run(ctx, capsys, store, "congress", "attend", "Ai Đó", "--present")
    assert code != 0 and "Không có ai tên" in err
    with pytest.raises(SystemExit):
        _run(ctx, capsys, store, "congress", "save-document", "0", "--out", str(tmp_path / "x"))
    assert "nằm ngoài giới hạn" in capsys.readouterr().err
    assert _count(store, AuditEntry) == audits and _count(store, CongressDocument) == 0


def test_above_the_cells_the_delegates_come_from_a_names_file(bloc_store, ctx, capsys, tmp_path):
    _term(bloc_store)
    assert _run(ctx, capsys, bloc_store, "congress", "set", "--held-on", "2025-07-01")[0] == 0
    code, _out, err = _run(ctx, capsys, bloc_store, "congress", "summon")
    assert code != 0 and "--names-file" in err
    code, _out, err = _run(ctx, capsys, bloc_store, "congress", "summon", "--from-units")
    assert code != 0 and "bằng tay" in err
    names = tmp_path / "dai-bieu.txt"
    names.write_text("\n".join(f"Đại biểu {i}" for i in range(1, 251)), encoding="utf-8")
    code, out, err = _run(ctx, capsys, bloc_store, "congress", "summon", "--names-file", str(names))
    assert code == 0 and "250" in out and "Có mặt 250/250, cần ít nhất 167" in out, err
