import hashlib
import subprocess
import sys
import unicodedata
from datetime import date

import pytest
from sqlalchemy import select, text

from khoidesktop.errors import DatabaseError, DatabaseLockedError
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.database import open_store
from khoidesktop.store.models import Member
from tests.conftest import FIXED_NOW


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_vietnamese_text_round_trips_and_is_stored_composed(store):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ngọc Ánh")
    with store.session() as s, s.begin():
        add_member(
            s,
            MemberData(
                full_name=decomposed,
                birth_date=date(1985, 9, 5),
                gender="female",
                ethnicity="Sán Dìu",
                home_town="Tiên Yên, Quảng Ninh",
                card_number="00012345",
                personal_id="022185000123",
            ),
            now=FIXED_NOW,
            actor="test",
        )
    path = store.path
    store.close()
    reopened = open_store(path)
    try:
        with reopened.session() as s:
            m = s.scalars(select(Member)).one()
            assert m.full_name == "Nguyễn Thị Ngọc Ánh"
            assert unicodedata.is_normalized("NFC", m.full_name)
            assert (m.family_name, m.middle_name, m.given_name) == ("Nguyễn", "Thị Ngọc", "Ánh")
            assert m.search_key == "nguyen thi ngoc anh"
            assert m.card_number == "00012345"  # text: the leading zeros stay
            assert m.birth_date == date(1985, 9, 5)
            assert m.ethnicity == "Sán Dìu"
    finally:
        reopened.close()


def test_every_connection_has_the_pragmas(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_a_second_open_in_this_process_is_refused_until_the_first_closes(store):
    with pytest.raises(DatabaseLockedError, match="đang được mở trong một cửa sổ Khối khác"):
        open_store(store.path)
    store.close()
    again = open_store(store.path)
    again.close()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from khoidesktop.store.database import open_store
store = open_store(Path(sys.argv[1]))
print("held", flush=True)
sys.stdin.readline()
store.close()
"""


def test_another_process_holding_the_file_gets_a_clear_message(store):
    path = store.path
    store.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseLockedError) as info:
            open_store(path)
        assert "đang được mở trong một cửa sổ Khối khác" in info.value.message
    finally:
        holder.communicate("\n", timeout=30)
    open_store(path).close()  # released when the other program ends


def test_a_file_that_is_not_a_database_is_reported_and_untouched(tmp_path):
    path = tmp_path / "hong.sqlite"
    path.write_bytes(b"This is a Word document, not a database." * 100)
    before = digest(path)
    with pytest.raises(DatabaseError, match="bị hỏng"):
        open_store(path)
    assert digest(path) == before
    assert not (tmp_path / "hong.sqlite.lock").exists()


def test_damaged_pages_are_found_by_the_quick_check(store):
    with store.session() as s, s.begin():
        for i in range(300):
            add_member(
                s, MemberData(full_name=f"Nguyễn Văn Thử {i}", card_number=f"{i:08d}"), now=FIXED_NOW, actor="test"
            )
    path = store.path
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 6), 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseError) as info:
        open_store(path)
    assert "bị hỏng" in info.value.message and "sao lưu" in info.value.message
    assert digest(path) == before


def test_a_truncated_file_is_reported(store):
    with store.session() as s, s.begin():
        for i in range(300):
            add_member(s, MemberData(full_name=f"Lê Thị Cắt {i}"), now=FIXED_NOW, actor="test")
    path = store.path
    store.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseError, match="bị hỏng"):
        open_store(path)


def test_a_missing_file_is_not_created_by_opening(tmp_path):
    path = tmp_path / "khong-co.sqlite"
    with pytest.raises(DatabaseError, match="Không có tệp dữ liệu"):
        open_store(path)
    assert not path.exists()


def test_a_full_disk_changes_nothing_and_is_explained(store):
    from sqlalchemy import event, func

    from khoidesktop.errors import storage_failure

    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    event.listen(store.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages + 2}"))
    store.engine.dispose()  # new connections, each with the tiny limit: the "disk" is full
    with pytest.raises(Exception) as info, store.session() as s, s.begin():
        for i in range(2000):
            add_member(s, MemberData(full_name=f"Đỗ Văn Đầy {i}", home_town="x" * 200), now=FIXED_NOW, actor="t")
    message = storage_failure(info.value)
    assert message is not None and "ổ đĩa đã đầy" in message and "Không có gì bị thay đổi" in message
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 0


def test_an_empty_file_is_not_taken_for_a_data_file(tmp_path):
    path = tmp_path / "trong.sqlite"
    path.write_bytes(b"")
    with pytest.raises(DatabaseError, match="trống"):
        open_store(path)
    assert path.read_bytes() == b""


def test_a_file_locked_by_another_program_is_not_called_damaged(store):
    import sqlite3

    path = store.path
    store.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=DELETE")  # an older program holding an exclusive lock
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as info:
            open_store(path)
        assert "bị hỏng" not in info.value.message
        assert "chương trình khác đang dùng" in info.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_read_only_commands_neither_lock_nor_upgrade(tmp_path):
    import shutil
    from pathlib import Path

    old = tmp_path / "cu.sqlite"
    shutil.copy(Path(__file__).resolve().parent.parent / "fixtures" / "db_v1.sqlite", old)
    before = digest(old)
    with pytest.raises(DatabaseError, match="cần được nâng cấp"):
        open_store(old, readonly=True)
    assert digest(old) == before and not (tmp_path / "backups").exists()
