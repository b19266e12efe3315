"""The command line, run as a user runs it: a separate process, exit codes, stderr in Vietnamese."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khoidesktop.store.migrate import latest_version

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env_extra: dict | None = None, drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        encoding="utf-8",
    )


INIT = [
    "init",
    "--cell",
    "Chi bộ Phòng Tổng hợp",
    "--org",
    "Đảng bộ Sở Tài chính",
    "--superior",
    "Đảng ủy Ủy ban nhân dân tỉnh",
    "--place",
    "Hạ Long",
    "--secretary",
    "Trần Thị Hạnh",
]


def test_help_lists_the_commands_in_vietnamese():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("cách dùng: main.py")
    for command in ("init", "info", "check", "screenshot"):
        assert command in result.stdout
    assert "tạo tệp dữ liệu mới (của chi bộ" in result.stdout


def test_init_then_info(tmp_path):
    db = tmp_path / "cb.sqlite"
    created = run("--db", str(db), *INIT)
    assert created.returncode == 0, created.stderr
    assert "Đã tạo" in created.stdout
    info = run("--db", str(db), "info", "--json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["identity"] == {
        "cell_name": "Chi bộ Phòng Tổng hợp",
        "org_name": "Đảng bộ Sở Tài chính",
        "superior_name": "Đảng ủy Ủy ban nhân dân tỉnh",
        "place_name": "Hạ Long",
        "secretary_name": "Trần Thị Hạnh",
        "kind": "cell",
    }
    assert (data["member_count"], data["training"], data["schema_version"]) == (0, False, latest_version())


def test_init_demo_fills_training_data(tmp_path):
    db = tmp_path / "th.sqlite"
    assert run("--db", str(db), "init", "--demo").returncode == 0
    data = json.loads(run("--db", str(db), "info", "--json").stdout)
    assert data["training"] is True and 30 <= data["member_count"] <= 40
    human = run("--db", str(db), "info")
    assert "DỮ LIỆU TẬP HUẤN" in human.stdout


def test_user_mistakes_get_vietnamese_errors_without_traceback(tmp_path):
    db = tmp_path / "cb.sqlite"
    missing = run("--db", str(db), "init", "--cell", "Chi bộ A")
    assert missing.returncode == 1
    assert missing.stderr.startswith("Lỗi: Hãy điền:") and "Traceback" not in missing.stderr
    assert not db.exists()
    run("--db", str(db), *INIT)
    again = run("--db", str(db), *INIT)
    assert again.returncode == 1 and "đã tồn tại" in again.stderr
    nowhere = run("--db", str(tmp_path / "khong.sqlite"), "info")
    assert nowhere.returncode == 1 and "Không có tệp dữ liệu" in nowhere.stderr
    wrong = run("bogus")
    assert wrong.returncode == 2 and "lựa chọn không hợp lệ" in wrong.stderr


def test_check(tmp_path):
    db = tmp_path / "cb.sqlite"
    run("--db", str(db), *INIT)
    ok = run("--db", str(db), "check")
    assert (ok.returncode, ok.stdout.strip()) == (0, "OK")
    broken = tmp_path / "hong.sqlite"
    broken.write_bytes(b"\x00" * 5000)
    bad = run("--db", str(broken), "check")
    assert bad.returncode == 1 and "bị hỏng" in bad.stderr and "Traceback" not in bad.stderr


def test_screenshot_saves_one_picture_per_page(tmp_path):
    db = tmp_path / "th.sqlite"
    run("--db", str(db), "init", "--demo")
    out = tmp_path / "anh"
    result = run("--db", str(db), "screenshot", "--out", str(out), env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "01-tong-quan.png",
        "02-dang-vien.png",
        "03-sinh-hoat-chi-bo.png",
        "04-danh-gia-xep-loai.png",
        "05-phat-trien-dang-vien.png",
        "06-nhiem-ky.png",
        "07-bao-cao.png",
        "08-trao-doi-du-lieu.png",
        "09-cai-dat.png",
    ]
    assert all((out / n).stat().st_size > 10_000 for n in names)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux needs a DISPLAY for Qt")
def test_no_screen_is_explained_instead_of_a_qt_abort(tmp_path):
    result = run("--db", str(tmp_path / "x.sqlite"), drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert result.returncode == 2
    assert "Không tìm thấy màn hình" in result.stderr and "offscreen" in result.stderr
    assert not (tmp_path / "x.sqlite").exists()


NO_QT = """
import sys
from khoidesktop.cli import main
code = main(sys.argv[1:])
assert "PySide6" not in sys.modules, "a command imported Qt"
sys.exit(code)
"""


def test_commands_do_not_import_qt(tmp_path):
    db = tmp_path / "cb.sqlite"
    for args in ([*INIT], ["info", "--json"], ["check"]):
        result = subprocess.run(
            [sys.executable, "-c", NO_QT, "--db", str(db), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
        )
        assert result.returncode == 0, result.stderr


def test_workdays_across_tet():
    result = run("workdays", "--from", "2026-02-13", "--days", "1", "--json")
    assert (result.returncode, result.stdout.strip()) == (0, "2026-02-23")
    human = run("workdays", "--from", "2026-04-29", "--days", "2")
    assert human.stdout.strip() == "2 ngày làm việc sau ngày 29/04/2026: 05/05/2026"
    bad = run("workdays", "--from", "29/04/2026", "--days", "2")
    assert bad.returncode == 2 and "không phải là ngày dạng" in bad.stderr


def test_members_import_export_list_and_structure(tmp_path):
    from openpyxl import Workbook

    db = tmp_path / "cb.sqlite"
    run("--db", str(db), *INIT)
    good, bad = tmp_path / "tot.xlsx", tmp_path / "sai.xlsx"
    for path, rows in (
        (good, [["Lê Thị Hà", "02/09/1990", "Nữ", 1234567]]),
        (bad, [["Lê Văn Sai", "31/02/1990", "Nam", ""]]),
    ):
        book = Workbook()
        book.active.append(["Họ và tên", "Ngày sinh", "Giới tính", "Số thẻ đảng viên"])
        for row in rows:
            book.active.append(row)
        book.save(path)
    dry = run("--db", str(db), "members", "import", str(good), "--dry-run")
    assert dry.returncode == 0 and "1 thêm mới" in dry.stdout
    assert json.loads(run("--db", str(db), "members", "list", "--json").stdout) == []
    refused = run("--db", str(db), "members", "import", str(bad))
    assert refused.returncode == 1 and "Dòng 2, cột “Ngày sinh”" in refused.stderr
    assert run("--db", str(db), "members", "import", str(good)).returncode == 0
    listed = json.loads(run("--db", str(db), "members", "list", "--json").stdout)
    assert [(m["full_name"], m["card_number"], m["gender"]) for m in listed] == [("Lê Thị Hà", "01234567", "female")]
    structure = json.loads(run("--db", str(db), "stats", "structure", "--on", "2026-11-23", "--json").stdout)
    assert structure["total"] == 1 and structure["women"] == {"count": 1, "percent": 100.0}
    out = tmp_path / "ds.xlsx"
    assert run("--db", str(db), "members", "export", str(out)).returncode == 0 and out.exists()
