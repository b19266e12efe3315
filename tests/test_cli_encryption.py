"""Encryption at rest on the command line (issue 15), run as a user runs it: `init --encrypt`, `encrypt`, `decrypt`,
the passphrase from a file or KHOI_PASSPHRASE, a wrong one refused in Vietnamese with the file unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from khoidesktop.store.connect import SQLITE_HEADER, is_encrypted
from tests.test_cli import INIT, run

PASSPHRASE = "cây đa giếng nước sân đình"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def passphrase_file(tmp_path: Path, text: str = PASSPHRASE) -> str:
    file = tmp_path / f"mat-khau-{hashlib.sha256(text.encode()).hexdigest()[:8]}.txt"
    file.write_text(text + "\n", encoding="utf-8")
    return str(file)


def test_init_encrypt_makes_a_file_with_nothing_in_clear_that_opens_only_with_its_passphrase(tmp_path):
    db = tmp_path / "cb.sqlite"
    made = run("--db", str(db), *INIT, "--encrypt", env_extra={"KHOI_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    data = db.read_bytes()
    assert is_encrypted(db) and b"SQLite format 3" not in data
    assert "Trần Thị Hạnh".encode() not in data and "Chi bộ Phòng Tổng hợp".encode() not in data
    info = run("--db", str(db), "--passphrase-file", passphrase_file(tmp_path), "info", "--json")
    assert info.returncode == 0, info.stderr
    shown = json.loads(info.stdout)
    assert shown["encrypted"] is True and shown["identity"]["secretary_name"] == "Trần Thị Hạnh"
    text = run("--db", str(db), "info", env_extra={"KHOI_PASSPHRASE": PASSPHRASE})
    assert "Đã mã hóa" in text.stdout


def test_a_wrong_or_missing_passphrase_is_refused_in_vietnamese_and_changes_nothing(tmp_path):
    db = tmp_path / "cb.sqlite"
    run("--db", str(db), *INIT, "--encrypt", env_extra={"KHOI_PASSPHRASE": PASSPHRASE})
    before = digest(db)
    for given in (["--passphrase-file", passphrase_file(tmp_path, "sai mật khẩu")], []):
        for command in (["info"], ["members", "list"], ["backup"], ["check"]):
            result = run("--db", str(db), *given, *command, drop=("KHOI_PASSPHRASE",))
            assert result.returncode == 1, (command, result.stdout)
            assert "mật khẩu" in result.stderr.lower() and "Traceback" not in result.stderr, result.stderr
    assert digest(db) == before and not (tmp_path / "backups").exists()
    assert not Path(f"{db}-wal").exists()


def test_init_encrypt_without_a_good_passphrase_makes_no_file(tmp_path):
    db = tmp_path / "cb.sqlite"
    none_given = run("--db", str(db), *INIT, "--encrypt", drop=("KHOI_PASSPHRASE",))
    short = run("--db", str(db), *INIT, "--encrypt", env_extra={"KHOI_PASSPHRASE": "ngắn"})
    missing = run("--db", str(db), "--passphrase-file", str(tmp_path / "khong-co.txt"), *INIT, "--encrypt")
    for result in (none_given, short, missing):
        assert result.returncode == 1 and "Traceback" not in result.stderr and "mật khẩu" in result.stderr.lower()
    assert not db.exists()


def test_encrypting_a_demo_file_keeps_its_figures_and_leaves_no_plain_copy(tmp_path):
    """The backups made before are plain copies of the same data: each is encrypted with the same passphrase once
    the encrypted file is checked, keeps its name, and restores; nothing readable without the passphrase remains."""
    db, key = tmp_path / "th.sqlite", passphrase_file(tmp_path)
    assert run("--db", str(db), "init", "--demo").returncode == 0
    assert run("--db", str(db), "backup").returncode == 0  # one made by hand before
    figures = run("--db", str(db), "stats", "structure", "--json").stdout
    encrypted = run("--db", str(db), "--passphrase-file", key, "encrypt")
    assert encrypted.returncode == 0, encrypted.stderr
    assert "Đã mã hóa 2 bản sao lưu" in encrypted.stdout, encrypted.stdout
    backups = sorted((tmp_path / "backups").glob("th-*.sqlite"))
    assert len(backups) == 2  # the one by hand, and the one taken first
    for copy in (db, *backups):
        data = copy.read_bytes()
        assert is_encrypted(copy) and not data.startswith(SQLITE_HEADER) and "Vũ Minh Nhung".encode() not in data
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and p.suffix not in (".txt", ".lock")) == sorted(
        ["th.sqlite", *(b.name for b in backups)]
    )  # no -wal, no leftover, no plain temporary copy
    assert run("--db", str(db), "--passphrase-file", key, "stats", "structure", "--json").stdout == figures
    assert run("--db", str(db), "--passphrase-file", key, "encrypt").returncode == 1  # already: said so
    restored = run("--db", str(db), "--passphrase-file", key, "restore", str(backups[0]))
    assert restored.returncode == 0, restored.stderr
    assert run("--db", str(db), "--passphrase-file", key, "stats", "structure", "--json").stdout == figures


def test_plain_backups_left_are_encrypted_or_deleted_and_a_damaged_one_is_said(tmp_path):
    db, key = tmp_path / "th.sqlite", passphrase_file(tmp_path)
    assert run("--db", str(db), "init", "--demo").returncode == 0
    assert run("--db", str(db), "backup").returncode == 0
    (plain,) = (tmp_path / "backups").glob("th-sao-luu-*.sqlite")
    kept = plain.read_bytes()
    assert run("--db", str(db), "--passphrase-file", key, "encrypt").returncode == 0
    plain.write_bytes(kept)  # a plain copy put back (a copy from a USB stick …)
    damaged = tmp_path / "backups" / "th-sao-luu-20200101-000000.sqlite"
    damaged.write_bytes(SQLITE_HEADER + b"\0" * 80 + b"not a database")
    again = run("--db", str(db), "--passphrase-file", key, "encrypt")
    assert again.returncode == 1 and "Traceback" not in again.stderr, again.stderr
    assert "Đã mã hóa 1 bản sao lưu" in again.stdout and damaged.name in again.stderr
    assert "--remove-plain-backups" in again.stderr
    assert is_encrypted(plain) and damaged.read_bytes().startswith(SQLITE_HEADER)  # said, not deleted
    wrong = run("--db", str(db), "--passphrase-file", passphrase_file(tmp_path, "không phải mật khẩu"), "encrypt")
    assert wrong.returncode == 1 and damaged.exists()  # only the file's owner changes its backups
    removed = run("--db", str(db), "--passphrase-file", key, "encrypt", "--remove-plain-backups")
    assert removed.returncode == 0 and "Đã xóa 1 bản sao lưu" in removed.stdout, removed.stdout
    assert not damaged.exists() and is_encrypted(plain)


def test_decrypt_gives_a_plain_file_with_the_same_figures(tmp_path):
    db, key = tmp_path / "th.sqlite", passphrase_file(tmp_path)
    run("--db", str(db), "--passphrase-file", key, "init", "--demo", "--encrypt")
    assert is_encrypted(db)
    figures = run("--db", str(db), "--passphrase-file", key, "stats", "structure", "--json").stdout
    wrong = run("--db", str(db), "--passphrase-file", passphrase_file(tmp_path, "không đúng đâu"), "decrypt")
    assert wrong.returncode == 1 and is_encrypted(db) and "mật khẩu" in wrong.stderr.lower()
    done = run("--db", str(db), "--passphrase-file", key, "decrypt")
    assert done.returncode == 0, done.stderr
    assert db.read_bytes().startswith(SQLITE_HEADER)
    assert run("--db", str(db), "stats", "structure", "--json", drop=("KHOI_PASSPHRASE",)).stdout == figures
