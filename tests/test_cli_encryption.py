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


def test_encrypting_a_demo_file_keeps_its_figures_and_its_backups_stay_encrypted(tmp_path):
    db, key = tmp_path / "th.sqlite", passphrase_file(tmp_path)
    assert run("--db", str(db), "init", "--demo").returncode == 0
    figures = run("--db", str(db), "stats", "structure", "--json").stdout
    encrypted = run("--db", str(db), "--passphrase-file", key, "encrypt")
    assert encrypted.returncode == 0, encrypted.stderr
    assert "chưa được mã hóa" in encrypted.stdout and "--remove-plain-backups" in encrypted.stdout
    plain_backups = list((tmp_path / "backups").glob("th-*.sqlite"))
    assert len(plain_backups) == 1 and plain_backups[0].read_bytes().startswith(SQLITE_HEADER)  # taken first
    assert is_encrypted(db) and not Path(f"{db}-wal").exists()
    assert run("--db", str(db), "--passphrase-file", key, "stats", "structure", "--json").stdout == figures
    assert run("--db", str(db), "--passphrase-file", key, "encrypt").returncode == 1  # already: said so

    removed = run("--db", str(db), "--passphrase-file", key, "encrypt", "--remove-plain-backups")
    assert removed.returncode == 0 and not plain_backups[0].exists(), removed.stderr
    backup = run("--db", str(db), "--passphrase-file", key, "backup")
    assert backup.returncode == 0, backup.stderr
    (made,) = (tmp_path / "backups").glob("th-sao-luu-*.sqlite")
    assert is_encrypted(made) and "Vũ Minh Nhung".encode() not in made.read_bytes()
    restored = run("--db", str(db), "--passphrase-file", key, "restore", str(made))
    assert restored.returncode == 0, restored.stderr
    assert run("--db", str(db), "--passphrase-file", key, "stats", "structure", "--json").stdout == figures


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
