"""Every number and date on the command line is range-checked with a Vietnamese message, never a traceback
(issue 15, item 5): years from FIRST_YEAR to LAST_YEAR (domain/dates.py), working days up to WORKDAYS_MAX."""

from __future__ import annotations

import pytest

from khoidesktop.cli import main

OUT_OF_RANGE = [
    (["stats", "ratings", "--year", "0"], "0 nằm ngoài giới hạn: hãy nhập một số từ 2018 đến 2100."),
    (["stats", "ratings", "--year", "2017"], "2017 nằm ngoài giới hạn"),  # before QĐ 132, the first rule set
    (["stats", "meetings", "--year", "0"], "0 nằm ngoài giới hạn: hãy nhập một số từ 1930 đến 2100."),
    (["stats", "ratings", "--year", "99999"], "99999 nằm ngoài giới hạn"),
    (["report", "ratings", "--year", "10000", "--out", "x.pdf"], "10000 nằm ngoài giới hạn"),
    (["stats", "meetings", "--year", "-1"], "-1 nằm ngoài giới hạn"),
    (["stats", "meetings", "--year", "hai"], "“hai” không phải là một số nguyên."),
    (["workdays", "--from", "9999-12-20", "--days", "30"], "ngày phải nằm trong khoảng từ năm 1930 đến năm 2100"),
    (["workdays", "--from", "2026-01-05", "--days", "100000000"], "100000000 nằm ngoài giới hạn"),
    (["workdays", "--from", "2026-01-05", "--days", "-3"], "-3 nằm ngoài giới hạn"),
    (["report", "minutes", "--meeting", "0", "--out", "x.pdf"], "0 nằm ngoài giới hạn"),
]


@pytest.mark.parametrize("argv, message", OUT_OF_RANGE, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_an_out_of_range_argument_is_refused_in_vietnamese(store, ctx, capsys, argv, message):
    store.close()
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(store.path), *argv], ctx)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("year", ["1930", "2018", "2100"])
def test_every_year_in_range_gets_an_answer_not_a_traceback(store, ctx, capsys, year):
    store.close()
    argvs = [["stats", "meetings", "--year", year], ["stats", "recruitment", "--year", year]]
    if year != "1930":  # no rating rule set covers it
        argvs.append(["stats", "ratings", "--year", year])
    for argv in argvs:
        code = main(["--db", str(store.path), *argv], ctx)
        err = capsys.readouterr().err
        assert code in (0, 1, 2) and "Traceback" not in err, (argv, err)
    assert main(["workdays", "--from", "2100-12-31", "--days", "3650"], ctx) == 0


def test_init_cleans_control_characters_from_the_names(ctx, tmp_path, capsys):
    """Issue 15, item 8: `init --cell` with LRM, RLO and an ESC sequence stores (and `info` prints) the name alone."""
    import json

    db = tmp_path / "cb.sqlite"
    argv = ["--db", str(db), "init", "--cell", "\u200eChi bộ\u202e Văn phòng\x1b]0;x\x07", "--org", "Đảng bộ Sở"]
    argv += ["--superior", "Đảng ủy các cơ quan Đảng tỉnh", "--place", "Hạ Long"]
    assert main(argv, ctx) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "info", "--json"], ctx) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert json.loads(out)["identity"]["cell_name"] == "Chi bộ Văn phòng]0;x"
