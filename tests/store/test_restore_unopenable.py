"""Restoring a backup in place of a data file that cannot be opened (the start-up's choice): the file is kept aside
as it was, with its WAL, never read through SQLite; a bad backup changes nothing; the file stays locked."""

from __future__ import annotations

from datetime import datetime

import pytest

from khoidesktop.errors import DatabaseError, DatabaseLockedError
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.paths import backups_dir_for
from khoidesktop.store.backup import backup_everywhere
from khoidesktop.store.database import open_store
from khoidesktop.store.restore import DAMAGED_MARK, count_members, restore_unopenable

AT = datetime(2026, 11, 25, 8, 0)
GARBAGE = b"\x00damaged\xff" * 2000


def _damaged_with_backup(store):
    with store.session() as session, session.begin():
        add_member(session, MemberData("Hoàng Văn Cường"), now=AT, actor="t")
    made = backup_everywhere(store.path, AT, 10, None).path
    store.close()
    store.path.write_bytes(GARBAGE)
    wal = store.path.with_name(store.path.name + "-wal")
    wal.write_bytes(b"stale wal of the damaged file")
    return made, wal


def test_the_backup_takes_the_place_and_the_file_and_its_wal_are_kept_aside(store):
    backup, wal = _damaged_with_backup(store)
    restored, kept = restore_unopenable(backup, store.path, AT)
    try:
        assert DAMAGED_MARK in kept.name and kept.parent == backups_dir_for(store.path)
        assert kept.read_bytes() == GARBAGE
        assert kept.with_name(kept.name + "-wal").read_bytes() == b"stale wal of the damaged file"
        assert count_members(store.path) == 1
        with pytest.raises(DatabaseLockedError):
            open_store(store.path)  # the window holds the file's lock
        with restored.session() as session:
            assert session.get_bind().url.database == str(store.path)
    finally:
        restored.close()
    assert not list(store.path.parent.glob("*-khoi-phuc*"))  # no staging copy left behind


def test_a_damaged_backup_is_refused_and_nothing_changes(store, tmp_path):
    _backup, wal = _damaged_with_backup(store)
    bad = tmp_path / "chi-bo-sao-luu-20261124-080000.sqlite"
    bad.write_bytes(GARBAGE)
    with pytest.raises(DatabaseError):
        restore_unopenable(bad, store.path, AT)
    assert store.path.read_bytes() == GARBAGE and wal.exists()
    assert not [p for p in backups_dir_for(store.path).iterdir() if DAMAGED_MARK in p.name]


def _with_sides(store):
    """A damaged file with its WAL and shared memory, and a sound backup of it."""
    backup, wal = _damaged_with_backup(store)
    shm = store.path.with_name(store.path.name + "-shm")
    shm.write_bytes(b"shared memory of the damaged file")
    return backup, {store.path: GARBAGE, wal: wal.read_bytes(), shm: shm.read_bytes()}


def _as_before(store, files):
    assert {path: path.read_bytes() for path in files} == files  # the file, its WAL and shared memory in place
    assert not [p for p in backups_dir_for(store.path).iterdir() if DAMAGED_MARK in p.name]
    assert not list(store.path.parent.glob("*-khoi-phuc*"))
    with pytest.raises(DatabaseError) as refused:  # the lock released: refused for the damage, not the lock
        open_store(store.path)
    assert not isinstance(refused.value, DatabaseLockedError)


def test_a_failure_after_the_moves_puts_the_file_its_wal_and_shared_memory_back(store, monkeypatch):
    backup, files = _with_sides(store)

    def fails(*_args, **_kwargs):
        raise DatabaseError("the copy in place cannot be opened")

    monkeypatch.setattr("khoidesktop.store.restore.open_store", fails)
    with pytest.raises(DatabaseError):
        restore_unopenable(backup, store.path, AT)
    monkeypatch.undo()
    _as_before(store, files)


def test_a_failure_moving_the_file_itself_puts_its_wal_and_shared_memory_back(store, monkeypatch):
    import shutil

    backup, files = _with_sides(store)
    move = shutil.move

    def refuses_the_file(source, target):
        if str(source) == str(store.path):
            raise PermissionError(13, "the file is in use", str(source))
        return move(source, target)

    monkeypatch.setattr(shutil, "move", refuses_the_file)
    with pytest.raises(PermissionError):
        restore_unopenable(backup, store.path, AT)
    monkeypatch.undo()
    _as_before(store, files)


def test_an_encrypted_backup_takes_the_place_with_its_passphrase(tmp_path):
    from khoidesktop.datafile.create import create_data_file
    from khoidesktop.store.connect import PassphraseNeeded, WrongPassphrase, is_encrypted
    from tests.conftest import FIXED_NOW, IDENTITY

    passphrase = "hoa sen trong đầm"
    store = create_data_file(tmp_path / "mat.sqlite", IDENTITY, actor="t", now=lambda: FIXED_NOW, passphrase=passphrase)
    with store.session() as session, session.begin():
        add_member(session, MemberData("Hoàng Văn Cường"), now=AT, actor="t")
    backup = backup_everywhere(store.path, AT, 10, None, passphrase).path
    store.close()
    store.path.write_bytes(GARBAGE)
    for given, refused in ((None, PassphraseNeeded), ("hoa súng", WrongPassphrase)):
        with pytest.raises(refused):
            restore_unopenable(backup, store.path, AT, given)
        assert store.path.read_bytes() == GARBAGE and not list(tmp_path.glob("*-khoi-phuc*"))
    restored, kept = restore_unopenable(backup, store.path, AT, passphrase)
    try:
        assert kept.read_bytes() == GARBAGE and is_encrypted(store.path)
        assert count_members(store.path, passphrase) == 1
    finally:
        restored.close()
