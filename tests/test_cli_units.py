"""The units of a level above the cells on the command line (issue 16): expected before their first bundle, late from
the first year, rated by the level with the collective cap, renamed and closed keeping their history."""

import json

from tests.test_cli import run
from tests.test_cli_exchange import BLOC


def test_units_expected_rated_and_closed(tmp_path, generated_bundles):
    db = tmp_path / "du.sqlite"
    assert run("--db", str(db), *BLOC).returncode == 0
    added = run("--db", str(db), "units", "add", "Chi bộ Chưa Gửi", "--kind", "cell")
    assert added.returncode == 0 and "Chi bộ Chưa Gửi" in added.stdout, added.stderr
    imported = run("--db", str(db), "import-bundle", *map(str, generated_bundles), "--accept-new-keys")
    assert imported.returncode == 0, imported.stderr
    listed = json.loads(run("--db", str(db), "units", "list", "--period", "2025", "--json").stdout)["units"]
    by_name = {u["unit"]: u for u in listed}
    assert len(listed) == len(generated_bundles) + 1
    assert by_name["Chi bộ Chưa Gửi"]["late"] and not by_name["Chi bộ Chưa Gửi"]["period_received"]
    names = [u["unit"] for u in listed if u["period_received"]]
    for name, level in zip(names, ("HTXSNV", "HTTNV", "HTTNV", "HTNV"), strict=False):
        rated = run("--db", str(db), "units", "rate", name, "--year", "2025", "--level", level)
        assert rated.returncode == 0, rated.stderr
    ratings = json.loads(run("--db", str(db), "stats", "ratings", "--year", "2025", "--json").stdout)
    units = ratings["units_by_level"]
    assert units["units"] == len(listed) and units["levels"]["HTTNV"]["count"] == 2
    assert units["levels"]["not_rated"]["count"] == len(listed) - 4
    assert units["excellent_cap"] == {"allowed": 0, "actual": 1, "exceeded": True}  # 20 % of 2 HTTNV units: none
    assert ratings["units_sent"] == len(generated_bundles)
    # the cap over all the cells is the grassroots committee's: 20 % of all those rated HTTNV
    assert ratings["excellent_cap"]["allowed"] == ratings["levels"]["HTTNV"]["count"] * 20 // 100
    closed = run("--db", str(db), "units", "close", "Chi bộ Chưa Gửi", "--on", "2024-12-31")
    assert closed.returncode == 0, closed.stderr
    after = json.loads(run("--db", str(db), "units", "list", "--period", "2025", "--json").stdout)["units"]
    assert "Chi bộ Chưa Gửi" not in {u["unit"] for u in after}
    renamed = run("--db", str(db), "units", "rename", names[0], "Chi bộ Đổi Tên")
    assert renamed.returncode == 0
    again = json.loads(run("--db", str(db), "units", "list", "--period", "2025", "--json").stdout)["units"]
    assert "Chi bộ Đổi Tên" in {u["unit"] for u in again}
    wrong = run("--db", str(db), "units", "rate", "Không Có", "--year", "2025", "--level", "HTTNV")
    assert wrong.returncode == 1 and "Không có đơn vị nào tên" in wrong.stderr and "Traceback" not in wrong.stderr
    kind = run("--db", str(db), "units", "add", "Đảng bộ X", "--kind", "province")
    assert kind.returncode == 1 and "Đơn vị trực thuộc của cấp này là" in kind.stderr


def test_every_level_is_made_with_init_and_its_demo_holds_a_tree(tmp_path):
    for level, units in (("grassroots", 4), ("superior", 12), ("province", 3)):
        db = tmp_path / f"{level}.sqlite"
        made = run("--db", str(db), "init", "--level", level, "--demo")
        assert made.returncode == 0, made.stderr
        info = json.loads(run("--db", str(db), "info", "--json").stdout)
        assert (info["identity"]["kind"], info["units"], info["training"]) == (level, units, True)
        listed = json.loads(run("--db", str(db), "units", "list", "--json").stdout)["units"]
        assert [u["late"] for u in listed].count(True) == 1  # one unit late
        out = tmp_path / f"{level}.khoi"
        exported = run("--db", str(db), "export-bundle", "--period", "2025", "--out", str(out))
        assert exported.returncode == 0 and out.exists(), exported.stderr
    base = tmp_path / "cbcs.sqlite"
    made = run(
        "--db",
        str(base),
        "init",
        "--cell",
        "Chi bộ Sở Y tế",
        "--grassroots",
        "--superior",
        "Đảng ủy các cơ quan Đảng tỉnh",
        "--place",
        "Hạ Long",
    )
    assert made.returncode == 0, made.stderr
    assert json.loads(run("--db", str(base), "info", "--json").stdout)["identity"]["kind"] == "base_cell"


def test_a_unit_is_not_rated_for_a_year_not_begun(tmp_path):
    db = tmp_path / "dang-uy.sqlite"
    made = run("--db", str(db), "init", "--level", "grassroots", "--demo")
    assert made.returncode == 0, made.stderr
    unit = json.loads(run("--db", str(db), "units", "list", "--json").stdout)["units"][0]["unit"]
    before = db.read_bytes()
    refused = run("--db", str(db), "units", "rate", unit, "--year", "2099", "--level", "HTTNV")
    assert refused.returncode == 1 and "chưa bắt đầu" in refused.stderr
    assert db.read_bytes() == before
