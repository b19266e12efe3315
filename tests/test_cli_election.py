"""`election tally`: the election rules (QĐ 190-QĐ/TW) on a vote file, without a data file; every bad input
refused in Vietnamese on stderr with exit 1 and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khoidesktop.cli import main

VOTES = {
    "ballots_issued": 30,
    "ballots_valid": 29,
    "candidates": [
        {"name": "Nguyễn Văn An", "votes": 27},
        {"name": "Hoàng Thị Bích", "votes": 16},
        {"name": "Đỗ Minh Châu", "votes": 15},
    ],
}


def _file(tmp_path: Path, data: object, name: str = "phieu.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _tally(ctx, capsys, votes: Path, summoned: int = 30, seats: int = 2, *extra: str) -> tuple[int, str, str]:
    argv = ["election", "tally", "--summoned", str(summoned), "--seats", str(seats), "--votes", str(votes), *extra]
    code = main(argv, ctx)
    out, err = capsys.readouterr()
    return code, out, err


def test_16_of_30_is_elected_15_is_not_and_no_data_file_is_made(ctx, capsys, tmp_path, isolated_data_dir):
    """Rule: more than half of the 30 summoned: 16 elected, 15 not (with the reason in Vietnamese)."""
    code, out, err = _tally(ctx, capsys, _file(tmp_path, VOTES), 30, 2, "--json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["elected"] == ["Nguyễn Văn An", "Hoàng Thị Bích"]
    assert result["not_elected"] == [
        {
            "name": "Đỗ Minh Châu",
            "reason": "không đạt quá một nửa so với 30 đại biểu (đảng viên) được triệu tập (15 phiếu, cần 16 phiếu)",
        }
    ]
    assert result["tie"] == [] and result["seats_unfilled"] == 0
    assert [c["percent"] for c in result["candidates"]] == [90.0, 53.33, 50.0]
    assert not (isolated_data_dir / "khoi.sqlite").exists() and not list(isolated_data_dir.glob("*.sqlite"))


def test_a_tie_at_the_last_seat_is_listed_to_be_voted_again(ctx, capsys, tmp_path):
    """Rule: a tie at the last seat → the tied are voted again; the seat is not counted as unfilled."""
    votes = {
        **VOTES,
        "candidates": [{"name": "An", "votes": 20}, {"name": "Bình", "votes": 18}, {"name": "Cường", "votes": 18}],
    }
    code, out, _err = _tally(ctx, capsys, _file(tmp_path, votes), 30, 2, "--json")
    result = json.loads(out)
    assert code == 0 and result["elected"] == ["An"] and result["tie"] == ["Bình", "Cường"]
    assert result["tie_seats"] == 1 and result["seats_unfilled"] == 0


def test_the_round_among_the_tied_needs_no_majority(ctx, capsys, tmp_path):
    """Rule: the new round among the tied is without the more-than-half condition."""
    votes = {**VOTES, "candidates": [{"name": "Bình", "votes": 14}, {"name": "Cường", "votes": 13}]}
    code, out, _err = _tally(ctx, capsys, _file(tmp_path, votes), 30, 1, "--json", "--runoff")
    assert code == 0 and json.loads(out)["elected"] == ["Bình"]


def test_seats_unfilled_and_the_text_output_in_vietnamese(ctx, capsys, tmp_path):
    """Rule: too few pass more than half → seats left unfilled; without --json a Vietnamese text."""
    code, out, _err = _tally(ctx, capsys, _file(tmp_path, VOTES), 30, 3)
    assert code == 0
    assert "1. Nguyễn Văn An: 27 phiếu (90,00% so với số được triệu tập): trúng cử." in out
    assert "3. Đỗ Minh Châu: 15 phiếu (50,00% so với số được triệu tập): không trúng cử" in out
    assert "Số người trúng cử: 2; số lượng cần bầu: 3." in out and "Số lượng còn thiếu: 1." in out
    assert "ít nhất 16 phiếu" in out


BAD = [
    ("{không phải json", "không phải JSON"),
    ([1, 2], "một đối tượng JSON"),
    ({"ballots_valid": 29, "candidates": []}, "thiếu “ballots_issued”"),
    ({**VOTES, "ballots_issued": -1}, "từ 0 đến"),
    ({**VOTES, "ballots_issued": 1.5}, "số nguyên"),
    ({**VOTES, "ballots_issued": True}, "số nguyên"),
    ({**VOTES, "ballots_issued": 10**9}, "từ 0 đến"),
    ({**VOTES, "ballots_issued": 31}, "không thể nhiều hơn số được triệu tập (30)"),
    (
        {**VOTES, "ballots_issued": 15, "ballots_valid": 15},
        "cần ít nhất hai phần ba (20): đại hội không hợp lệ",
    ),  # no quorum: 15 of 30 present
    ({**VOTES, "ballots_returned": 29, "ballots_invalid": 2}, "phải bằng số phiếu thu vào"),
    ({**VOTES, "candidates": [{"name": "An", "votes": 30}]}, "nhiều hơn số phiếu hợp lệ (29)"),
    ({**VOTES, "candidates": [{"name": "An", "votes": 20}, {"name": "an", "votes": 3}]}, "có 2 lần"),
    ({**VOTES, "candidates": [{"name": "An\u202eX", "votes": 20}]}, "ký tự điều khiển"),
    ({**VOTES, "candidates": [{"name": "An\x1b[31m", "votes": 20}]}, "ký tự điều khiển"),
    ({**VOTES, "candidates": [{"name": "  ", "votes": 20}]}, "để trống"),
    ({**VOTES, "candidates": [{"name": "A" * 101, "votes": 20}]}, "dài quá 100 ký tự"),
    ({**VOTES, "candidates": [{"name": "An"}]}, "cần có “name”"),
    ({**VOTES, "candidates": "An"}, "thiếu “candidates”"),
    ({**VOTES, "candidates": [{"name": f"Ứng viên {i}", "votes": 1} for i in range(4)]}, "không được quá 30%"),
    (
        {
            **VOTES,
            "candidates": [{"name": "An", "votes": 29}, {"name": "Bình", "votes": 29}, {"name": "Cường", "votes": 1}],
        },
        "tối đa 29 phiếu hợp lệ × 2",
    ),
]


@pytest.mark.parametrize("data, message", BAD, ids=[m for _d, m in BAD])
def test_bad_input_is_refused_in_vietnamese(ctx, capsys, tmp_path, data, message):
    code, out, err = _tally(ctx, capsys, _file(tmp_path, data), 30, 2, "--json")
    assert code == 1 and out == ""
    assert err.startswith("Lỗi: ") and message in err and "Traceback" not in err, err


def test_too_many_candidates_for_the_seats_are_refused(ctx, capsys, tmp_path):
    """Rule: at most 30% more candidates than seats: 9 for 7 seats pass, 10 are refused."""
    names = [{"name": f"Ứng viên {i}", "votes": 20} for i in range(10)]
    ok = _tally(ctx, capsys, _file(tmp_path, {**VOTES, "candidates": names[:9]}), 30, 7, "--json")
    refused = _tally(ctx, capsys, _file(tmp_path, {**VOTES, "candidates": names}), 30, 7, "--json")
    assert ok[0] == 0 and refused[0] == 1 and "tối đa 9 người" in refused[2]


def test_a_file_over_1_mb_or_missing_is_refused(ctx, capsys, tmp_path):
    big = _file(tmp_path, " " * (1024 * 1024 + 1), "lon.json")
    code, _out, err = _tally(ctx, capsys, big, 30, 2)
    assert code == 1 and "lớn hơn 1 MB" in err
    code, _out, err = _tally(ctx, capsys, tmp_path / "khong-co.json", 30, 2)
    assert code == 1 and "không tồn tại" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["--summoned", "0", "--seats", "1"], ["--summoned", "30", "--seats", "-1"]])
def test_out_of_range_numbers_on_the_command_line(ctx, capsys, tmp_path, argv):
    with pytest.raises(SystemExit) as stopped:
        main(["election", "tally", *argv, "--votes", str(_file(tmp_path, VOTES))], ctx)
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "nằm ngoài giới hạn" in err
