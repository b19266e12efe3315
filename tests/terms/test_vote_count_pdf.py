"""Biên bản kiểm phiếu (QĐ 190-QĐ/TW): `report vote-count` on a cell's and a bloc's training file, read back from
the PDF: the ballots, each candidate's votes and share of those summoned, who is elected, the tie, the seats
unfilled, the counting board's signatures; the fonts embedded; nothing written when the votes are wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khoidesktop.cli import main
from khoidesktop.demo.files import create_demo_file
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import format_percent
from khoidesktop.terms.documents import vote_count_pdf
from tests.conftest import FIXED_NOW, TODAY
from tests.reports.pdf import all_text, assert_fonts_embedded, assert_no_english, metadata, page_sizes, page_texts

SOURCES = [Path(__file__).parents[2] / "khoidesktop" / "terms" / name for name in ("vote_count_pdf.py", "tally.py")]
VOTES = {
    "ballots_issued": 28,
    "ballots_returned": 28,
    "ballots_valid": 26,
    "ballots_invalid": 2,
    "present": 28,
    "what": "Bầu Chi ủy nhiệm kỳ 2025 - 2030",
    "counting_board": ["Trần Thị Hoa", "Lê Văn Nam", "Phạm Quốc Việt"],
    "candidates": [
        {"name": "Nguyễn Văn An", "votes": 25},
        {"name": "Hoàng Thị Bích", "votes": 19},
        {"name": "Đỗ Minh Châu", "votes": 19},
        {"name": "Vũ Đức Dũng", "votes": 12},
    ],
}


def _votes(tmp_path: Path, data: dict = VOTES) -> Path:
    path = tmp_path / "phieu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["cell", "superior"])
def test_the_minutes_list_the_ballots_the_votes_and_the_outcome(tmp_path, kind):
    """Rules on the page: 30 summoned, 3 seats: An elected; Bích and Châu tied but both within the seats (both
    elected); Dũng with 12 is not more than half of the 30 summoned."""
    store = create_demo_file(tmp_path / "demo.sqlite", actor="test", kind=kind, now=lambda: FIXED_NOW)
    try:
        out = vote_count_pdf(store, tmp_path / "bb.pdf", votes_file=_votes(tmp_path), summoned=30, seats=3, today=TODAY)
    finally:
        store.close()
    text = all_text(out)
    assert metadata(out)["/Subject"] == "Biên bản kiểm phiếu bầu cử"
    assert "(Bầu Chi ủy nhiệm kỳ 2025 - 2030)" in text
    assert "đồng chí Trần Thị Hoa (Trưởng ban)" in text
    assert "được triệu tập: 30; có mặt: 28" in text
    assert "Số phiếu phát ra: 28; số phiếu thu vào: 28; số phiếu hợp lệ: 26; số phiếu không hợp lệ: 2" in text
    assert "ít nhất 16 phiếu" in text
    for name, votes, outcome in [
        ("Nguyễn Văn An", 25, "trúng cử"),
        ("Hoàng Thị Bích", 19, "trúng cử"),
        ("Vũ Đức Dũng", 12, "không trúng cử"),
    ]:
        assert f"{name} {votes} {format_percent(votes, 30)} {outcome}" in text
    assert format_percent(25, 30) == "83,33%"
    assert "Vũ Đức Dũng: không đạt quá một nửa" in text
    assert "Số người trúng cử: 3; số lượng cần bầu: 3" in text and "còn thiếu" not in text
    assert "190-QĐ/TW" in text
    last = page_texts(out)[-1]
    assert "T/M BAN KIỂM PHIẾU TRƯỞNG BAN" in last and "Trần Thị Hoa" in last and "Phạm Quốc Việt" in last
    assert_fonts_embedded(out)
    assert_no_english(text, SOURCES)
    assert {size for size in page_sizes(out)} == {(595.2756, 841.8898)}


def test_a_tie_and_unfilled_seats_on_the_minutes(tmp_path, demo_store):
    """Rules: a tie at the last seat is to be voted again; seats left unfilled are said."""
    names = ("Nguyễn Văn An", "Hoàng Thị Bích", "Đỗ Minh Châu")
    tied = {**VOTES, "candidates": [{"name": n, "votes": v} for n, v in zip(names, (20, 16, 16), strict=True)]}
    out = vote_count_pdf(
        demo_store, tmp_path / "tie.pdf", votes_file=_votes(tmp_path, tied), summoned=30, seats=2, today=TODAY
    )
    text = all_text(out)
    assert "Hoàng Thị Bích 16 53,33% ngang phiếu: bầu lại" in text
    assert "Ngang phiếu ở 1 vị trí cuối, bầu lại trong số các đồng chí: Hoàng Thị Bích, Đỗ Minh Châu" in text
    short = {**VOTES, "candidates": [{"name": "Nguyễn Văn An", "votes": 25}, {"name": "Vũ Đức Dũng", "votes": 12}]}
    out = vote_count_pdf(
        demo_store, tmp_path / "short.pdf", votes_file=_votes(tmp_path, short), summoned=30, seats=2, today=TODAY
    )
    assert "Số lượng còn thiếu: 1" in all_text(out)


def test_wrong_votes_write_no_file(tmp_path, demo_store):
    wrong = {**VOTES, "ballots_invalid": 3}
    with pytest.raises(ValidationError, match="phải bằng số phiếu thu vào"):
        vote_count_pdf(
            demo_store, tmp_path / "x.pdf", votes_file=_votes(tmp_path, wrong), summoned=30, seats=3, today=TODAY
        )
    assert not (tmp_path / "x.pdf").exists()


def test_the_report_command_on_a_data_file(tmp_path, ctx, capsys, demo_store):
    demo_store.close()
    argv = ["--db", str(demo_store.path), "report", "vote-count", "--summoned", "30", "--seats", "3"]
    argv += ["--votes", str(_votes(tmp_path)), "--out", str(tmp_path / "kp.pdf"), "--what", "Bầu Bí thư Chi bộ"]
    assert main(argv, ctx) == 0
    assert "(Bầu Bí thư Chi bộ)" in all_text(tmp_path / "kp.pdf")
    assert "kp.pdf" in capsys.readouterr().out
