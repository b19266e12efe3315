"""No output ever reaches the data file (issue 15, item 1): every command that names a file (a PDF, an .xlsx, a
bundle) refuses the data file itself, its WAL or lock, a link to it and its backups folder, with a Vietnamese
message and the data file left byte for byte as it was; a leftover temporary name that is a link is never written
through. And every exported cell is text, never a live formula (item 2)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from khoidesktop.cli import main
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.paths import backups_dir_for
from tests.conftest import FIXED_NOW

COMMANDS = [
    ["members", "export", "{out}"],
    ["report", "roster", "--out", "{out}"],
    ["report", "structure", "--out", "{out}"],
    ["report", "meetings", "--year", "2026", "--out", "{out}"],
    ["report", "ratings", "--year", "2025", "--out", "{out}"],
    ["report", "recruitment", "--year", "2026", "--out", "{out}"],
    ["export-bundle", "--period", "2026", "--out", "{out}"],
]


def _targets(data_file: Path) -> dict[str, Path]:
    link = data_file.with_name("lien-ket.pdf")
    link.symlink_to(data_file)
    backups = backups_dir_for(data_file)
    backups.mkdir(exist_ok=True)
    return {
        "the data file": data_file,
        "its WAL": data_file.with_name(data_file.name + "-wal"),
        "a link to it": link,
        "its backups folder": backups / "bao-cao.pdf",
    }


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_no_command_writes_onto_the_data_file(store, ctx, capsys, command):
    data_file = store.path
    store.close()
    before = data_file.read_bytes()
    for what, target in _targets(data_file).items():
        argv = ["--db", str(data_file), *(a.format(out=target) for a in command)]
        code = main(argv, ctx)
        err = capsys.readouterr().err
        assert code != 0, (what, argv)
        assert "là tệp dữ liệu của chương trình" in err, (what, err)
        assert data_file.read_bytes() == before, what
        if what == "its backups folder":
            assert not target.exists()


def test_a_leftover_temporary_link_is_not_written_through(store, ctx, tmp_path):
    data_file = store.path
    store.close()
    before = data_file.read_bytes()
    out = tmp_path / "ds.xlsx"
    out.with_name("ds.xlsx.partial").symlink_to(data_file)  # the temporary name the export once used
    assert main(["--db", str(data_file), "members", "export", str(out)], ctx) == 0
    assert data_file.read_bytes() == before
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []  # nothing half-written left


def test_every_exported_cell_is_text_not_a_formula(store, ctx, tmp_path):
    hostile = ["=1+1", '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)"]
    with store.session() as s, s.begin():
        for text in hostile:
            add_member(s, MemberData("Nguyễn Văn An", position=text), now=FIXED_NOW, actor="t")
    data_file = store.path
    store.close()
    out = tmp_path / "ds.xlsx"
    assert main(["--db", str(data_file), "members", "export", str(out)], ctx) == 0
    with zipfile.ZipFile(out) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    from openpyxl import load_workbook

    values = [c.value for row in load_workbook(out).active.iter_rows(min_row=2) for c in row if c.value in hostile]
    assert sorted(values) == sorted(hostile)  # each kept as the text it was


def test_an_export_onto_a_folder_says_so_in_vietnamese_and_leaves_nothing(store, ctx, capsys, tmp_path):
    """Issue 15, item 10: the OS's reason ("Is a directory") never reaches the user, and no half file stays."""
    data_file = store.path
    store.close()
    folder = tmp_path / "thu-muc.xlsx"
    folder.mkdir()
    for argv in (["members", "export", str(folder)], ["report", "roster", "--out", str(folder)]):
        assert main(["--db", str(data_file), *argv], ctx) != 0
        err = capsys.readouterr().err
        assert "Không lưu được" in err and "directory" not in err, err
    assert list(tmp_path.glob(".*.part")) == [] and list(folder.iterdir()) == []
