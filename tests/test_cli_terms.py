"""`term add / committee / target / value` and `stats term` on a real data file: a term entered from the command
line, each change audited, bad input refused in Vietnamese on stderr with nothing written."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from khoidesktop.cli import main
from khoidesktop.store.database import open_store
from khoidesktop.store.models import AuditEntry, CommitteeMember


def _run(ctx, capsys, store, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(store.path), *argv], ctx)
    out, err = capsys.readouterr()
    return code, out, err


def _count(store, model) -> int:
    """Read with a store of its own, closed again: the commands that write take the file's lock."""
    opened = open_store(store.path, lock=False)
    try:
        with opened.session() as session:
            return session.scalar(select(func.count()).select_from(model))
    finally:
        opened.close()


def _audits(store) -> int:
    return _count(store, AuditEntry)


def test_a_term_entered_from_the_command_line(store, ctx, capsys):
    store.close()  # the commands open the file themselves
    code, out, _err = _run(
        ctx,
        capsys,
        store,
        "term",
        "add",
        "--name",
        "2025–2030",
        "--from",
        "2025-06-01",
        "--to",
        "2030-05-31",
        "--congress",
        "2025-06-01",
    )
    assert code == 0 and "Đã thêm nhiệm kỳ 2025–2030." in out
    assert (
        _run(
            ctx,
            capsys,
            store,
            "term",
            "committee",
            "--name",
            "Nguyễn Văn An",
            "--role",
            "secretary",
            "--from",
            "2025-06-01",
        )[0]
        == 0
    )
    assert (
        _run(
            ctx,
            capsys,
            store,
            "term",
            "target",
            "--indicator",
            "Kết nạp đảng viên mới",
            "--target",
            "450",
            "--unit",
            "people",
            "--computed",
            "admissions",
        )[0]
        == 0
    )
    assert (
        _run(
            ctx,
            capsys,
            store,
            "term",
            "target",
            "--indicator",
            "Chi bộ đạt yêu cầu sinh hoạt",
            "--target",
            "90",
            "--unit",
            "percent",
        )[0]
        == 0
    )
    assert _run(ctx, capsys, store, "term", "value", "--number", "2", "--year", "2025", "--value", "91.5")[0] == 0
    before = _audits(store)
    # a cell of no official member elects no chi ủy (Statute Art. 24.4); a counted figure is not entered
    code, _out, err = _run(
        ctx, capsys, store, "term", "committee", "--name", "Lê Văn Bình", "--role", "member", "--from", "2025-06-01"
    )
    assert code == 1 and "dưới 9 đảng viên chính thức" in err and "Traceback" not in err
    code, _out, err = _run(ctx, capsys, store, "term", "value", "--number", "1", "--year", "2025", "--value", "3")
    assert code == 1 and "tự tính" in err
    code, _out, err = _run(ctx, capsys, store, "term", "value", "--number", "3", "--value", "3")
    assert code == 1 and "có 2 chỉ tiêu" in err
    code, _out, err = _run(
        ctx, capsys, store, "term", "add", "--name", "2028–2033", "--from", "2028-01-01", "--to", "2032-12-31"
    )
    assert code == 1 and "chồng lên" in err
    assert _audits(store) == before
    assert _count(store, CommitteeMember) == 1
    code, out, _err = _run(ctx, capsys, store, "stats", "term", "--json")
    result = json.loads(out)
    admissions, by_hand = result["targets"]
    assert admissions["target"] == 450 and admissions["term_so_far"]["value"] == 0 and admissions["gap"] == 450
    assert by_hand["years"]["2025"] == {"value": 91.5, "gap": 0} and by_hand["term_so_far"]["value"] == 91.5
