import hashlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from khoidesktop.errors import DatabaseError
from khoidesktop.store.database import open_store
from khoidesktop.store.migrate import Migration, latest_version, load_migrations, migrate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2026, 11, 23, 10, 0, 0)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def v1_file(tmp_path) -> Path:
    target = tmp_path / "cu.sqlite"
    shutil.copy(FIXTURES / "db_v1.sqlite", target)
    return target


def test_from_empty_to_latest_without_backup(tmp_path):
    path = tmp_path / "moi.sqlite"
    result = migrate(path, NOW)
    assert (result.from_version, result.to_version, result.backup) == (0, latest_version(), None)
    assert not (tmp_path / "backups").exists()
    assert migrate(path, NOW).from_version == latest_version()  # a second run does nothing


def test_from_version_1_keeps_every_record_and_backs_up_first(v1_file):
    result = migrate(v1_file, NOW)
    assert (result.from_version, result.to_version) == (1, latest_version())
    assert result.backup is not None and result.backup.parent.name == "backups"
    assert "truoc-nang-cap-v1" in result.backup.name
    conn = sqlite3.connect(v1_file)
    conn.execute("PRAGMA foreign_keys=ON")
    names = [r[0] for r in conn.execute("SELECT full_name FROM member ORDER BY sort_key")]
    assert names == ["Nguyễn Văn Định", "Trần Thị Hà", "Lê Hải"]
    # member was rebuilt with foreign keys off: the notes pointing at it survived
    notes = conn.execute("SELECT count(*) FROM member_note WHERE text LIKE 'Ghi chú của%'").fetchone()[0]
    assert notes == 3
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # values the new checks refuse were cleared, and the bad ID kept in a note
    assert conn.execute("SELECT personal_id FROM member WHERE full_name='Trần Thị Hà'").fetchone() == (None,)
    moved = conn.execute("SELECT text FROM member_note WHERE text LIKE '%12345%'").fetchall()
    assert len(moved) == 1
    assert conn.execute("SELECT gender FROM member WHERE full_name='Lê Hải'").fetchone() == (None,)
    assert conn.execute("SELECT count(*) FROM member_note WHERE text LIKE 'Giới tính cũ%: nam'").fetchone() == (1,)
    assert conn.execute("SELECT personal_id FROM member WHERE full_name='Nguyễn Văn Định'").fetchone() == (
        "022075001234",
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE member SET gender='nam' WHERE id=1")
    # the backup is a sound version-1 file holding the same members
    old = sqlite3.connect(result.backup)
    assert old.execute("PRAGMA user_version").fetchone() == (1,)
    assert old.execute("SELECT count(*) FROM member").fetchone() == (3,)


def test_a_failing_step_leaves_the_file_at_the_previous_version(v1_file, tmp_path):
    steps = load_migrations()[:1] + [
        Migration(2, "0002_broken", "CREATE TABLE extra (x INTEGER);\nINSERT INTO nowhere VALUES (1);")
    ]
    with pytest.raises(sqlite3.OperationalError):
        migrate(v1_file, NOW, steps)
    conn = sqlite3.connect(v1_file)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "extra" not in tables
    assert conn.execute("SELECT count(*) FROM member").fetchone() == (3,)


def test_a_step_leaving_broken_links_is_refused(tmp_path):
    path = tmp_path / "fk.sqlite"
    steps = [
        Migration(
            1,
            "0001_a",
            "CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
            "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id));",
        ),
        Migration(2, "0002_b", "INSERT INTO c (p_id) VALUES (42);"),
    ]
    with pytest.raises(DatabaseError, match="liên kết hỏng"):
        migrate(path, NOW, steps)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM c").fetchone() == (0,)


def test_a_newer_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "moi-hon.sqlite"
    migrate(path, NOW)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseError, match="phiên bản Khối mới hơn"):
        open_store(path, lock=False)
    assert digest(path) == before


def test_a_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "khac.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseError, match="chương trình khác"):
        open_store(path, lock=False)
    assert digest(path) == before


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


# Tables renamed by a migration: version 10 made the bloc's tables those of any level's units.
RENAMED = {"bloc_unit": "unit", "bloc_bundle": "unit_bundle", "bloc_bundle_file": "unit_bundle_file"}


def test_there_is_a_fixture_for_every_schema_version():
    versions = sorted(int(p.stem.removeprefix("db_v")) for p in FIXTURES.glob("db_v*.sqlite"))
    assert versions == list(range(1, latest_version() + 1)), "run tests/fixtures/make_db_versions.py"
    for version in versions:
        conn = sqlite3.connect(FIXTURES / f"db_v{version}.sqlite")
        assert conn.execute("PRAGMA user_version").fetchone() == (version,)
        conn.close()
        empty = [table for table, count in _counts(FIXTURES / f"db_v{version}.sqlite").items() if not count]
        assert empty == [], f"db_v{version}.sqlite: give these tables rows in make_db_versions.ROWS: {empty}"


@pytest.mark.parametrize("version", range(1, latest_version() + 1))
def test_a_file_of_every_version_opens_upgraded_with_every_record(tmp_path, version):
    from khoidesktop.datafile.create import describe
    from khoidesktop.members.records import active_members

    path = tmp_path / "cu.sqlite"
    shutil.copy(FIXTURES / f"db_v{version}.sqlite", path)
    before = _counts(path)
    assert before["member"] == 3
    store = open_store(path, now=lambda: NOW)
    try:
        assert store.schema_version == latest_version()
        assert (store.migration.backup is None) == (version == latest_version())  # backed up before any upgrade
        with store.session() as session:
            assert [m.full_name for m in active_members(session)] == ["Nguyễn Văn Định", "Trần Thị Hà", "Lê Hải"]
        assert describe(store).member_count == 3
    finally:
        store.close()
    after = _counts(path)
    for table, count in before.items():
        assert after[RENAMED.get(table, table)] >= count, table  # nothing of the older file is lost
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    if before.get("bloc_bundle"):  # bundles kept before version 8 were all made in summary format 1
        assert conn.execute("SELECT format_version FROM unit_bundle").fetchall() == [(1,)]
        assert conn.execute("SELECT uid, name, kind FROM unit WHERE id = 1").fetchall() == [
            ("1" * 32, "Chi bộ A", "cell")
        ]
    conn.close()
