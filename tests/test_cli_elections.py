"""`election list / add / candidates / votes / show / runoff / apply` and `report vote-count --election`,
`report election-result` through the real command line on a training cell's file: the rules of QĐ 190-QĐ/TW
counted on what is stored; bad input refused in Vietnamese with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from khoidesktop.cli import main
from khoidesktop.demo.files import create_demo_file
from khoidesktop.store.database import open_store
from khoidesktop.store.models import AuditEntry, CommitteeMember
from tests.conftest import FIXED_NOW
from tests.terms.helpers import clear_terms

VOTES = {
    "ballots_issued": 30,
    "ballots_valid": 29,
    "ballots_returned": 30,
    "counting_board": ["Trần Thị Hoa", "Lê Văn Nam"],
    "candidates": [
        {"name": "Nguyễn Văn An", "votes": 27},
        {"name": "Hoàng Thị Bích", "votes": 16},
        {"name": "Đỗ Minh Châu", "votes": 15},
    ],
}


@pytest.fixture
def cell(tmp_path: Path) -> Path:
    path = tmp_path / "tap-huan.sqlite"
    create_demo_file(path, actor="test", now=lambda: FIXED_NOW).close()
    store = open_store(path)
    with store.session() as session, session.begin():
        clear_terms(session)  # the training data's own term: these tests add theirs from the command line
    store.close()
    return path


def _run(ctx, capsys, db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv], ctx)
    out, err = capsys.readouterr()
    return code, out, err


def _file(tmp_path: Path, data: object, name: str = "phieu.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _add(ctx, capsys, cell: Path, *extra: str) -> int:
    code, out, err = _run(
        ctx, capsys, cell, "election", "add", "--term", "2025–2030", "--purpose", "committee", "--seats", "3",
        "--held-on", "2025-06-01", *extra,
    )  # fmt: skip
    assert code == 0, err
    return int(out.split("số ")[1].split(" ")[0])


@pytest.fixture
def term(ctx, capsys, cell: Path) -> Path:
    code, _out, err = _run(
        ctx, capsys, cell, "term", "add", "--name", "2025–2030", "--from", "2025-06-01", "--to", "2030-05-31",
        "--congress", "2025-06-01",
    )  # fmt: skip
    assert code == 0, err
    return cell


def test_an_election_added_counted_shown_and_applied_once(ctx, capsys, term: Path, tmp_path: Path):
    """Rule (QĐ 190): 16 of 30 summoned is elected, 15 is not; applying twice adds the committee once."""
    election = _add(ctx, capsys, term, "--summoned", "30", "--present", "30")
    names = "Nguyễn Văn An; Hoàng Thị Bích; Đỗ Minh Châu"
    assert _run(ctx, capsys, term, "election", "candidates", str(election), "--names", names)[0] == 0
    assert _run(ctx, capsys, term, "election", "votes", str(election), "--file", str(_file(tmp_path, VOTES)))[0] == 0
    code, out, _err = _run(ctx, capsys, term, "election", "show", str(election), "--json")
    shown = json.loads(out)
    assert code == 0 and shown["elected"] == ["Nguyễn Văn An", "Hoàng Thị Bích"] and shown["seats_unfilled"] == 1
    assert shown["not_elected"][0]["name"] == "Đỗ Minh Châu" and shown["state"] == "counted"
    code, out, _err = _run(ctx, capsys, term, "election", "list", "--json")
    assert code == 0 and [e["id"] for e in json.loads(out)] == [election]
    for expected in ("Đã ghi: Nguyễn Văn An, Hoàng Thị Bích.", "Kết quả đã được ghi"):
        code, out, err = _run(ctx, capsys, term, "election", "apply", str(election))
        assert code == 0 and out.startswith(expected), (out, err)
    store = open_store(term)
    with store.session() as session:
        rows = session.scalars(select(CommitteeMember)).all()
        assert sorted(r.full_name for r in rows) == ["Hoàng Thị Bích", "Nguyễn Văn An"]
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "apply")).all()
    store.close()
    for report, want in (("vote-count", "BIÊN BẢN"), ("election-result", "THÔNG BÁO")):
        out_pdf = tmp_path / f"{report}.pdf"
        code, _out, err = _run(ctx, capsys, term, "report", report, "--election", str(election), "--out", str(out_pdf))
        assert code == 0, err
        text = "".join(page.extract_text() for page in PdfReader(out_pdf).pages)
        assert want in text and "Nguyễn Văn An" in text and "bầu cấp ủy nhiệm kỳ 2025–2030" in text.lower()


def test_a_tie_is_set_up_as_a_round_among_the_tied(ctx, capsys, term: Path, tmp_path: Path):
    """Rule: a tie at the last seat → `election runoff` makes the round among the tied (no majority needed)."""
    election = _add(ctx, capsys, term, "--summoned", "30", "--present", "30")
    people = (("An", 20), ("Bình", 18), ("Cường", 18), ("Dũng", 18))
    tied = {**VOTES, "candidates": [{"name": name, "votes": votes} for name, votes in people]}
    _run(ctx, capsys, term, "election", "candidates", str(election), "--names", "An; Bình; Cường; Dũng")
    assert _run(ctx, capsys, term, "election", "votes", str(election), "--file", str(_file(tmp_path, tied)))[0] == 0
    code, _out, err = _run(ctx, capsys, term, "election", "apply", str(election))
    assert code == 1 and "bằng phiếu" in err and "Traceback" not in err
    code, out, err = _run(ctx, capsys, term, "election", "runoff", str(election))
    assert code == 0 and "2 vị trí" in out, err
    code, out, _err = _run(ctx, capsys, term, "election", "show", str(election + 1), "--json")
    assert json.loads(out)["runoff"] is True and json.loads(out)["state"] == "not_counted"


def test_bad_input_is_refused_in_vietnamese_and_nothing_is_written(ctx, capsys, term: Path, tmp_path: Path):
    election = _add(ctx, capsys, term, "--summoned", "30", "--present", "30")
    code, _out, err = _run(ctx, capsys, term, "election", "candidates", str(election), "--names", "A; B; C; D; E")
    assert code == 1 and "tối đa" in err  # 5 for 3 seats: at most 4 (QĐ 190, Art. 14)
    code, _out, err = _run(ctx, capsys, term, "election", "show", "999")
    assert code == 1 and "Không có cuộc bầu cử số 999" in err
    stray = {**VOTES, "candidates": [{"name": "Người Lạ", "votes": 3}]}
    _run(ctx, capsys, term, "election", "candidates", str(election), "--names", "An; Bình")
    code, _out, err = _run(ctx, capsys, term, "election", "votes", str(election), "--file", str(_file(tmp_path, stray)))
    assert code == 1 and "Người Lạ" in err
    invalid = {**VOTES, "ballots_invalid": 5, "candidates": [{"name": "An", "votes": 3}, {"name": "Bình", "votes": 3}]}
    code, _out, err = _run(
        ctx, capsys, term, "election", "votes", str(election), "--file", str(_file(tmp_path, invalid))
    )
    assert code == 1 and "phiếu không hợp lệ" in err
    code, out, _err = _run(ctx, capsys, term, "election", "show", str(election), "--json")
    assert json.loads(out)["state"] == "not_counted"  # nothing written
    code, _out, err = _run(ctx, capsys, term, "report", "vote-count", "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and "--election" in err
