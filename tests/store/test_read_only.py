"""A data file in a folder that cannot be written, or a read-only file (issue 15, item 9): it opens for reading
(info, figures, reports written elsewhere), and every write says in Vietnamese what to do.

The tests run as root, which ignores file permissions, so a read-only folder cannot be made for real here. They
simulate it where the program decides: `os.access` answers "not writable" for the data file and its folder (and
only for them), so the store takes the same read-only path (SQLite `mode=ro`, or `immutable` for a folder) as for
an ordinary user, and SQLite itself then refuses every write. Checked by hand as the user `nobody` on a folder
of mode 555: `info`, `members list`, `stats structure --json` and `report roster --out elsewhere` work."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from khoidesktop.datafile.create import describe
from khoidesktop.errors import DatabaseError, storage_failure
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store import access
from khoidesktop.store.access import FROZEN, READ, WRITE, access_mode
from khoidesktop.store.database import open_store
from tests.conftest import FIXED_NOW

READ_ONLY_WORDS = "không ghi được"


def simulate_read_only(monkeypatch: pytest.MonkeyPatch, data_file: Path, folder_too: bool = True) -> None:
    real = os.access
    blocked = {data_file.resolve(), *([data_file.parent.resolve()] if folder_too else [])}

    def fake(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and Path(path).resolve() in blocked:
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(access.os, "access", fake)


@pytest.fixture
def closed_file(store) -> Path:
    with store.session() as s, s.begin():
        add_member(s, MemberData("Nguyễn Văn An"), now=FIXED_NOW, actor="t")
    store.close()
    return store.path


@pytest.mark.parametrize(("folder_too", "mode"), [(True, FROZEN), (False, READ)])
def test_a_file_that_cannot_be_written_opens_for_reading(monkeypatch, closed_file, folder_too, mode):
    assert access_mode(closed_file) == WRITE
    simulate_read_only(monkeypatch, closed_file, folder_too)
    assert access_mode(closed_file) == mode
    store = open_store(closed_file)  # as the window opens it: with the lock, migrations …
    try:
        assert store.readonly and store.lock is None  # no lock is taken (its file could not be made)
        assert describe(store).member_count == 1
        with pytest.raises(OperationalError) as raised, store.session() as s, s.begin():
            add_member(s, MemberData("Trần Văn Hai"), now=FIXED_NOW, actor="t")
        message = storage_failure(raised.value)
        assert message and READ_ONLY_WORDS in message and "readonly" not in message  # no raw English
    finally:
        store.close()


def test_an_old_file_that_cannot_be_written_says_why_it_cannot_be_upgraded(monkeypatch, tmp_path):
    import shutil

    old = tmp_path / "cu.sqlite"
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "db_v1.sqlite", old)
    simulate_read_only(monkeypatch, old)
    with pytest.raises(DatabaseError, match=READ_ONLY_WORDS) as raised:
        open_store(old)
    assert "nâng cấp" in raised.value.message


def test_the_command_line_reads_and_refuses_to_write_in_vietnamese(monkeypatch, closed_file, ctx, capsys, tmp_path):
    """In-process (the simulation patches this process's os.access), through the same entry as main.py."""
    from khoidesktop.cli import main

    simulate_read_only(monkeypatch, closed_file)
    assert main(["--db", str(closed_file), "info", "--json"]) == 0
    assert '"member_count": 1' in capsys.readouterr().out
    assert main(["--db", str(closed_file), "report", "roster", "--out", str(tmp_path / "ds.pdf")]) == 0
    assert (tmp_path / "ds.pdf").stat().st_size > 1000
    sheet = tmp_path / "ds.xlsx"
    assert main(["--db", str(closed_file), "members", "export", str(sheet)]) == 0
    assert main(["--db", str(closed_file), "members", "import", str(sheet)]) == 1
    err = capsys.readouterr().err
    assert READ_ONLY_WORDS in err and "Tài liệu" in err and "readonly" not in err
