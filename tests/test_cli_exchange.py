"""The exchange commands as a user types them: init --level, export-bundle, import-bundle, stats of a level above."""

import json
from pathlib import Path

from tests.test_cli import INIT, run

BLOC = [  # the grassroots committee the cells (chi bộ trực thuộc) report to
    "init",
    "--level",
    "grassroots",
    "--org",
    "Đảng bộ Sở Tài chính",
    "--superior",
    "Đảng ủy các cơ quan Đảng tỉnh",
    "--place",
    "Hạ Long",
]


def test_cell_to_bloc_on_the_command_line(tmp_path, generated_bundles):
    cell, bloc = tmp_path / "cb.sqlite", tmp_path / "khoi.sqlite"
    assert run("--db", str(cell), *INIT).returncode == 0
    exported = run("--db", str(cell), "export-bundle", "--period", "2025", "--out", str(tmp_path / "cb.khoi"))
    assert exported.returncode == 0, exported.stderr
    assert "Mã nhận dạng khóa của tệp dữ liệu này:" in exported.stdout
    assert "Gói này chứa: số liệu tổng hợp (chỉ có số lượng, không có tên người)." in exported.stdout
    created = run("--db", str(bloc), *BLOC)
    assert created.returncode == 0, created.stderr
    assert json.loads(run("--db", str(bloc), "info", "--json").stdout)["identity"]["kind"] == "grassroots"
    bad = tmp_path / "hong.khoi"
    bad.write_bytes(b"PK\x03\x04 not really")
    files = [str(tmp_path / "cb.khoi"), str(bad), *map(str, generated_bundles)]

    unconfirmed = run("--db", str(bloc), "import-bundle", *files)
    assert unconfirmed.returncode == 1 and "chưa được xác nhận" in unconfirmed.stderr

    result = run("--db", str(bloc), "import-bundle", *files, "--accept-new-keys", "--json")
    assert result.returncode == 1  # one refused; the others are in
    outcomes = {o["file"]: o for o in json.loads(result.stdout)}
    assert outcomes["hong.khoi"]["status"] == "refused" and "không phải gói" in outcomes["hong.khoi"]["reason"]
    assert [outcomes[p.name]["status"] for p in generated_bundles] == ["imported"] * len(generated_bundles)

    human = run("--db", str(bloc), "import-bundle", *files[2:])
    assert human.returncode == 0 and "không thay đổi" in human.stdout

    units = json.loads(run("--db", str(bloc), "stats", "units", "--json").stdout)
    assert units["period"] == "2025" and len(units["units"]) == len(generated_bundles) + 1
    structure = json.loads(run("--db", str(bloc), "stats", "structure", "--json").stdout)
    assert structure["total"] == sum(u["members"] for u in units["units"]) > 0
    ratings = json.loads(run("--db", str(bloc), "stats", "ratings", "--year", "2025", "--json").stdout)
    assert ratings["units_sent"] == len(units["units"]) and ratings["rated"] > 0
    # the same command on the cell gives the cell's own figures
    own = json.loads(run("--db", str(cell), "stats", "structure", "--on", "2025-12-31", "--json").stdout)
    assert own["total"] == 0 and "units_sent" not in own


def test_a_level_above_exports_upward_and_a_cell_file_cannot_import(tmp_path, generated_bundles):
    bloc, cell = tmp_path / "khoi.sqlite", tmp_path / "cb.sqlite"
    run("--db", str(bloc), *BLOC)
    run("--db", str(cell), *INIT)
    empty = run("--db", str(bloc), "export-bundle", "--period", "2025", "--out", str(tmp_path / "x.khoi"))
    assert empty.returncode == 1 and "Chưa đơn vị nào gửi" in empty.stderr and not (tmp_path / "x.khoi").exists()
    imported = run("--db", str(bloc), "import-bundle", str(generated_bundles[0]), "--accept-new-keys")
    assert imported.returncode == 0, imported.stderr
    exported = run("--db", str(bloc), "export-bundle", "--period", "2025", "--out", str(tmp_path / "x.khoi"))
    assert exported.returncode == 0 and (tmp_path / "x.khoi").exists(), exported.stderr
    wrong = run("--db", str(cell), "import-bundle", str(generated_bundles[0]))
    assert wrong.returncode == 1 and "init --level" in wrong.stderr
    period = run("--db", str(cell), "export-bundle", "--period", "2025-Q5", "--out", str(tmp_path / "x.khoi"))
    assert period.returncode == 2 and "không phải một kỳ" in period.stderr


def test_a_training_bloc_holds_made_up_cells(tmp_path):
    from khoidesktop.demo.bloc import DEMO_MEMBERS, DEMO_UNITS

    db = tmp_path / "khoi-tap-huan.sqlite"
    created = run("--db", str(db), "init", "--bloc", "--demo")  # --bloc is --level superior
    assert created.returncode == 0, created.stderr
    info = json.loads(run("--db", str(db), "info", "--json").stdout)
    assert (info["identity"]["kind"], info["training"], info["units"]) == ("superior", True, DEMO_UNITS)
    units = json.loads(run("--db", str(db), "stats", "units", "--json").stdout)["units"]
    sent = [u for u in units if u["period_received"]]
    assert [u["late"] for u in units].count(True) == 1 == DEMO_UNITS - len(sent)  # one unit to chase
    assert info["member_count"] == sum(u["members"] for u in sent) < DEMO_MEMBERS
    assert f"{DEMO_UNITS} đơn vị, {info['member_count']} đảng viên" in created.stdout
    for kind in ("bloc-structure", "bloc-ratings", "bloc-recruitment"):
        made = run("--db", str(db), "report", kind, "--out", str(tmp_path / f"{kind}.pdf"))
        assert made.returncode == 0 and (tmp_path / f"{kind}.pdf").stat().st_size > 10_000, made.stderr


def _bloc_and_forgery(tmp_path: Path, bundle: Path, *, new_id: bool) -> tuple[Path, Path, dict, bytes]:
    """A bloc that imported `bundle`, and `bundle` signed again with a stranger's key (and a new cell id when
    `new_id`): (the bloc's file, the forged bundle, its manifest, the stranger's public key)."""
    import uuid
    from datetime import datetime

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from tests.exchange.helpers import pack, resign, unpack

    bloc = tmp_path / "khoi.sqlite"
    run("--db", str(bloc), *BLOC)
    assert run("--db", str(bloc), "import-bundle", str(bundle), "--accept-new-keys").returncode == 0
    files = unpack(bundle)
    manifest = json.loads(files["manifest.json"])
    stranger = Ed25519PrivateKey.generate()
    public = stranger.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    manifest["public_key"], manifest["created_at"] = public.hex(), datetime(2026, 11, 23, 10, 0).isoformat()
    if new_id:
        manifest["unit"]["id"] = uuid.uuid4().hex
    forged = pack(tmp_path / "gia-mao.khoi", resign(files, manifest, stranger))
    return bloc, forged, manifest, public


def test_a_changed_key_needs_its_fingerprint(tmp_path, generated_bundles):
    from khoidesktop.exchange.bundle_format import fingerprint

    bloc, forged, _manifest, public = _bloc_and_forgery(tmp_path, generated_bundles[0], new_id=False)
    accepted = run("--db", str(bloc), "import-bundle", str(forged), "--accept-new-keys")
    assert accepted.returncode == 1 and "(đã thay đổi)" in accepted.stdout and "chưa được xác nhận" in accepted.stderr
    trusted = run("--db", str(bloc), "import-bundle", str(forged), "--trust", fingerprint(public).lower())
    assert trusted.returncode == 0 and "đã thay gói cũ" in trusted.stdout


def test_a_look_alike_unit_is_never_accepted_without_its_fingerprint(tmp_path, generated_bundles):
    """Issue 15, item 7: a bundle with a new id and key and the name of a known unit is refused by --accept-new-keys
    in JSON mode as in text mode, with the reason; only --trust with its fingerprint lets it in."""
    from khoidesktop.exchange.bundle_format import fingerprint

    bloc, forged, manifest, public = _bloc_and_forgery(tmp_path, generated_bundles[0], new_id=True)
    for mode in (["--json"], []):
        result = run("--db", str(bloc), "import-bundle", str(forged), "--accept-new-keys", *mode)
        assert result.returncode == 1, result.stdout + result.stderr
        said = result.stdout + result.stderr
        assert "đã là đơn vị trực thuộc" in said, said
    assert json.dumps(manifest["unit"]["name"], ensure_ascii=False)[1:-1] in said  # the unit it claims to be
    trusted = run("--db", str(bloc), "import-bundle", str(forged), "--trust", fingerprint(public))
    assert trusted.returncode == 0, trusted.stdout + trusted.stderr


def test_a_cell_named_with_an_ampersand_gets_through(tmp_path):
    cell, bloc = tmp_path / "cb.sqlite", tmp_path / "khoi.sqlite"
    name = "Chi bộ Kế hoạch & Đầu tư <Văn phòng>"
    assert (
        run(
            "--db",
            str(cell),
            "init",
            "--cell",
            name,
            "--org",
            "Đảng bộ Công ty A&B",
            "--superior",
            "Đảng ủy Khối",
            "--place",
            "Hạ Long",
        ).returncode
        == 0
    )
    exported = run("--db", str(cell), "export-bundle", "--period", "2025", "--out", str(tmp_path / "a.khoi"))
    assert exported.returncode == 0, exported.stderr
    run("--db", str(bloc), *BLOC)
    result = run("--db", str(bloc), "import-bundle", str(tmp_path / "a.khoi"), "--accept-new-keys", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)[0]["cell"] == name
    report = run("--db", str(bloc), "report", "bloc-structure", "--out", str(tmp_path / "r.pdf"))
    assert report.returncode == 0, report.stderr
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "Kế hoạch & Đầu tư" in text
