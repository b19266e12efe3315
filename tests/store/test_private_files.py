"""Every file the program creates that holds data is its owner's only (issue 15, item 11), made through the real
commands with the usual umask: the data file, its WAL and shared memory, its lock file, backups (and their folder),
the safety copy a restore makes, and every export (xlsx, PDF, bundle). One helper makes them all
(khoidesktop/private.py): no other module creates a file by itself."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

import khoidesktop
from khoidesktop.cli import main
from khoidesktop.paths import backups_dir_for
from khoidesktop.store.database import open_store
from khoidesktop.store.lock import lock_path_for

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows uses the user's folder")

CELL = ["--cell", "Chi bộ B", "--org", "Đảng bộ Sở Tài chính", "--superior", "Đảng ủy các cơ quan Đảng tỉnh"]
CELL += ["--place", "Hạ Long", "--secretary", "Nguyễn Văn An"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask():
    old = os.umask(0o022)  # which made the lock file (and before, the data file and exports) 0644
    yield
    os.umask(old)


def run(ctx, capsys, *argv: str) -> None:
    code = main(list(argv), ctx)
    out = capsys.readouterr()
    assert code == 0, (argv, out.err)


def test_every_file_the_commands_make_is_the_owners_only(tmp_path, ctx, capsys, usual_umask):
    demo, cell = tmp_path / "tap-huan.sqlite", tmp_path / "chi-bo.sqlite"
    run(ctx, capsys, "--db", str(demo), "init", "--demo")
    made = {"the data file": demo, "its lock file": lock_path_for(demo)}
    exports = {
        "members export (xlsx)": (["members", "export"], tmp_path / "ds.xlsx"),
        "report roster (PDF)": (["report", "roster", "--out"], tmp_path / "ds.pdf"),
        "export-bundle (zip)": (["export-bundle", "--period", "2026", "--out"], tmp_path / "goi.khoi"),
    }
    for what, (command, out) in exports.items():
        run(ctx, capsys, "--db", str(demo), *command, str(out))
        made[what] = out
    run(ctx, capsys, "--db", str(demo), "backup")
    run(ctx, capsys, "--db", str(cell), "init", *CELL)
    run(ctx, capsys, "--db", str(cell), "members", "import", str(tmp_path / "ds.xlsx"))  # backs up first
    backups = sorted(backups_dir_for(demo).iterdir()) + sorted(backups_dir_for(cell).iterdir())
    assert len(backups) >= 2
    run(ctx, capsys, "--db", str(cell), "restore", str(backups[0]))  # makes a safety copy of the current file
    backups = sorted(backups_dir_for(cell).iterdir())
    assert any("truoc-khoi-phuc" in b.name for b in backups)
    made |= {f"backup {b.name}": b for b in backups} | {"the imported file": cell}

    store = open_store(cell)  # as the window holds it: WAL and shared memory exist while it is open
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE member SET position = position")
        made["its WAL"] = cell.with_name(cell.name + "-wal")
        made["its shared memory"] = cell.with_name(cell.name + "-shm")
        wrong = {what: oct(mode(path)) for what, path in made.items() if mode(path) != 0o600}
    finally:
        store.close()
    assert wrong == {}
    assert mode(backups_dir_for(demo)) == 0o700 and mode(backups_dir_for(cell)) == 0o700
    assert not list(tmp_path.glob(".*.part")), "no half-written file is left"


def test_no_module_creates_a_file_but_through_the_private_helper():
    package = Path(khoidesktop.__file__).parent
    creators = re.compile(r"mkstemp\(|NamedTemporaryFile\(|os\.open\(|O_CREAT")
    found = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py")
        if path.name != "private.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if creators.search(line)
    ]
    assert found == []
