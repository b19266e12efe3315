"""Encryption at rest (issue 15): an encrypted data file holds nothing in clear, opens only with its passphrase, and
its backups (at every step: by hand, before an upgrade, before a restore) are encrypted with the same passphrase.
Real SQLCipher files on disk; the bytes are read to prove nothing is in clear."""

from __future__ import annotations

import hashlib
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from khoidesktop.datafile.create import create_data_file, describe
from khoidesktop.errors import DatabaseError
from khoidesktop.exchange.bundle_export import signing_key
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.backup import make_backup
from khoidesktop.store.connect import SQLITE_HEADER, PassphraseNeeded, WrongPassphrase, is_encrypted
from khoidesktop.store.database import integrity_problems, open_store
from khoidesktop.store.encryption import convert
from khoidesktop.store.migrate import latest_version
from khoidesktop.store.restore import check_backup, count_members, restore_backup
from tests.conftest import FIXED_NOW, IDENTITY
from tests.store.test_read_only import simulate_read_only

PASSPHRASE = "hoa sen nở giữa hồ"
SECRET_NAME = "Nguyễn Văn Bảo Mật"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def in_clear(path: Path, *texts: str | bytes) -> list[str | bytes]:
    data = path.read_bytes()
    return [t for t in texts if (t.encode() if isinstance(t, str) else t) in data]


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, bytes]:
    """A closed encrypted data file with one member and the cell's signing key; and that key."""
    store = create_data_file(
        tmp_path / "mat.sqlite", IDENTITY, actor="test", now=lambda: FIXED_NOW, passphrase=PASSPHRASE
    )
    try:
        with store.session() as s, s.begin():
            add_member(s, MemberData(SECRET_NAME, card_number="12345678"), now=FIXED_NOW, actor="t")
            key = bytes(signing_key(s, now=FIXED_NOW, actor="t")[0].private_key)
    finally:
        store.close()
    return store.path, key


def test_an_encrypted_file_holds_nothing_in_clear_and_opens_with_its_passphrase(encrypted):
    path, key = encrypted
    assert is_encrypted(path) and not path.read_bytes().startswith(SQLITE_HEADER)
    assert in_clear(path, "SQLite format 3", SECRET_NAME, "12345678", IDENTITY.cell_name, key) == []
    assert not Path(f"{path}-wal").exists()  # everything went into the file when it was closed
    store = open_store(path, passphrase=PASSPHRASE)
    try:
        info = describe(store)
        assert (info.member_count, info.encrypted, info.as_json()["encrypted"]) == (1, True, True)
    finally:
        store.close()


def test_a_plain_file_is_opened_as_before_even_with_a_passphrase_given(store):
    path = store.path
    store.close()
    assert path.read_bytes().startswith(SQLITE_HEADER)
    reopened = open_store(path, passphrase=PASSPHRASE)  # KHOI_PASSPHRASE set for scripts: a plain file stays plain
    try:
        assert reopened.passphrase is None and describe(reopened).as_json()["encrypted"] is False
    finally:
        reopened.close()
    assert path.read_bytes().startswith(SQLITE_HEADER)


@pytest.mark.parametrize(("passphrase", "error"), [(None, PassphraseNeeded), ("hoa sen", WrongPassphrase)])
def test_without_the_right_passphrase_nothing_opens_and_nothing_changes(encrypted, passphrase, error):
    path, _key = encrypted
    before = digest(path)
    with pytest.raises(error) as raised:
        open_store(path, passphrase=passphrase)
    assert "mật khẩu" in raised.value.message and "Nothing" not in raised.value.message  # in Vietnamese
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_backups_of_an_encrypted_file_are_encrypted_and_restore_with_the_passphrase(encrypted):
    path, key = encrypted
    backup = make_backup(path, FIXED_NOW, keep=5, passphrase=PASSPHRASE)
    assert is_encrypted(backup) and in_clear(backup, SECRET_NAME, key, IDENTITY.cell_name) == []
    with pytest.raises(WrongPassphrase):
        check_backup(backup, "không phải")
    assert check_backup(backup, PASSPHRASE).members == 1
    store = open_store(path, passphrase=PASSPHRASE)
    with store.session() as s, s.begin():
        add_member(s, MemberData("Trần Thị Thêm"), now=FIXED_NOW, actor="t")
    store.close()
    assert count_members(path, PASSPHRASE) == 2
    safety = restore_backup(backup, path, FIXED_NOW + timedelta(hours=1), PASSPHRASE)
    assert count_members(path, PASSPHRASE) == 1 and count_members(safety, PASSPHRASE) == 2
    assert is_encrypted(path) and is_encrypted(safety) and in_clear(safety, "Trần Thị Thêm") == []


def test_a_plain_backup_is_not_put_into_an_encrypted_file_nor_the_reverse(encrypted, store):
    path, _key = encrypted
    plain = make_backup(store.path, FIXED_NOW, keep=5)
    secret = make_backup(path, FIXED_NOW, keep=5, passphrase=PASSPHRASE)
    store.close()
    before, before_plain = digest(path), digest(store.path)
    with pytest.raises(DatabaseError, match="mã hóa"):
        restore_backup(plain, path, FIXED_NOW, PASSPHRASE)
    with pytest.raises(DatabaseError, match="mã hóa"):
        restore_backup(secret, store.path, FIXED_NOW, PASSPHRASE)
    assert digest(path) == before and digest(store.path) == before_plain


def test_an_encrypted_file_in_a_read_only_folder_opens_for_reading(encrypted, monkeypatch):
    path, _key = encrypted
    before = digest(path)
    simulate_read_only(monkeypatch, path)
    store = open_store(path, passphrase=PASSPHRASE)
    try:
        assert store.readonly and describe(store).member_count == 1
    finally:
        store.close()
    assert digest(path) == before and not Path(f"{path}-wal").exists()


def test_an_older_encrypted_file_is_upgraded_after_an_encrypted_backup(tmp_path):
    path = tmp_path / "cu.sqlite"
    shutil.copyfile(FIXTURES / "db_v1.sqlite", path)
    convert(path, None, PASSPHRASE)
    assert is_encrypted(path)
    store = open_store(path, now=lambda: FIXED_NOW, passphrase=PASSPHRASE)
    try:
        assert store.schema_version == latest_version()
        backup = store.migration.backup
        assert backup is not None and is_encrypted(backup)
        assert check_backup(backup, PASSPHRASE).version == 1
    finally:
        store.close()


def test_converting_keeps_every_row_and_decrypting_gives_the_plain_file_back(demo_store):
    path = demo_store.path
    with demo_store.session() as s, s.begin():
        add_member(s, MemberData(SECRET_NAME), now=FIXED_NOW, actor="t")
    before = describe(demo_store, FIXED_NOW.date()).member_count
    demo_store.close()
    convert(path, None, PASSPHRASE)
    assert is_encrypted(path) and in_clear(path, SECRET_NAME) == [] and integrity_problems(path, PASSPHRASE) == []
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(WrongPassphrase):
        convert(path, "sai", None)
    convert(path, PASSPHRASE, None)
    assert path.read_bytes().startswith(SQLITE_HEADER) and in_clear(path, SECRET_NAME)
    store = open_store(path)
    try:
        assert describe(store, FIXED_NOW.date()).member_count == before
    finally:
        store.close()
