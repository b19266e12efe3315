"""The window and an encrypted data file (issue 15): it asks the passphrase through the prompts seam (again after a
wrong one), opens the file, and its backups are encrypted; the Qt prompt types the passphrase hidden."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from khoidesktop.datafile.create import create_data_file, describe
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.backup import all_backups
from khoidesktop.store.connect import is_encrypted
from khoidesktop.store.restore import count_members
from khoidesktop.ui.backup_actions import make_backup_now
from khoidesktop.ui.dialogs.first_run import FirstRunDialog
from khoidesktop.ui.prompts import QtPrompts
from khoidesktop.ui.startup import start
from tests.conftest import FIXED_NOW, IDENTITY
from tests.ui.helpers import settle, when_modal
from tests.ui.test_backups import Clock

PASSPHRASE = "trăng rằm tháng tám"


def encrypted_file(tmp_path: Path) -> Path:
    store = create_data_file(tmp_path / "mat.sqlite", IDENTITY, actor="t", now=lambda: FIXED_NOW, passphrase=PASSPHRASE)
    store.close()
    return store.path


def test_the_window_asks_the_passphrase_again_after_a_wrong_one_and_opens(window, ctx, tmp_path):
    path = encrypted_file(tmp_path)
    ctx.prompts.passphrases.extend(["trăng non", PASSPHRASE])
    assert start(window, ctx, path, demo=False) is True
    asked = [shown for shown in ctx.prompts.shown if shown[0] == "passphrase"]
    assert [title for _kind, title, _text in asked] == ["Tệp dữ liệu đã mã hóa"] * 2
    assert "Mật khẩu vừa gõ không mở được tệp" not in asked[0][2] and "Mật khẩu vừa gõ" in asked[1][2]
    assert describe(ctx.store).encrypted and window.windowTitle() == "Khối desktop — Chi bộ Phòng Tổng hợp"
    made = make_backup_now(ctx, ctx.store)  # as "Sao lưu ngay" and every import make it
    assert is_encrypted(made.path)


def test_cancelling_the_passphrase_opens_nothing_and_changes_nothing(window, ctx, qtbot, tmp_path):
    path = encrypted_file(tmp_path)
    before = path.read_bytes()
    ctx.prompts.passphrases.append(None)
    when_modal(FirstRunDialog, lambda d: qtbot.mouseClick(d.quit_button, Qt.MouseButton.LeftButton))
    assert start(window, ctx, path, demo=False) is False
    errors = [text for kind, _title, text in ctx.prompts.shown if kind == "error"]
    assert len(errors) == 1 and "chưa gõ mật khẩu" in errors[0]
    assert ctx.store is None and path.read_bytes() == before


def test_the_qt_prompt_hides_the_passphrase_and_gives_it_back(khoi_app):
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # an earlier test's window, closed, is gone
    seen = {}

    def answer(dialog: QInputDialog) -> None:
        seen["echo"], seen["title"] = dialog.textEchoMode(), dialog.windowTitle()
        dialog.setTextValue(PASSPHRASE)
        dialog.accept()

    when_modal(QInputDialog, answer)
    assert QtPrompts().ask_passphrase("Tệp dữ liệu đã mã hóa", "Hãy gõ mật khẩu:") == PASSPHRASE
    assert seen == {"echo": QLineEdit.EchoMode.Password, "title": "Tệp dữ liệu đã mã hóa"}
    when_modal(QInputDialog, lambda dialog: dialog.reject())
    assert QtPrompts().ask_passphrase("Tệp dữ liệu đã mã hóa", "Hãy gõ mật khẩu:") is None


def test_restoring_in_the_window_keeps_an_encrypted_file_encrypted(window, ctx, qtbot, tmp_path):
    ctx.now = Clock()
    ctx.prompts.passphrases.append(PASSPHRASE)
    assert start(window, ctx, encrypted_file(tmp_path), demo=False) is True
    page = window.go_to("cai-dat")
    page.show_backups()
    panel = page.backups
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    with ctx.store.session() as s, s.begin():
        add_member(s, MemberData("Trần Văn Sau"), now=FIXED_NOW, actor="t")
    panel.table.selectRow(0)
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [kind for kind, _title, _text in ctx.prompts.shown] == ["passphrase", "confirm"]
    path = ctx.store.path
    assert ctx.store.passphrase == PASSPHRASE and count_members(path, PASSPHRASE) == 0
    assert is_encrypted(path) and all(is_encrypted(b.path) for b in all_backups(path))


def test_a_damaged_encrypted_file_is_restored_from_its_encrypted_backup_at_start(window, ctx, qtbot, tmp_path):
    """Its first page damaged, the file refuses every passphrase; once the user gives up, its backups are offered
    (not when no passphrase was typed at all, above) and the chosen encrypted backup asks its passphrase through
    the same prompt, again after a wrong one; nothing moves until it is right."""
    from khoidesktop.paths import backups_dir_for
    from khoidesktop.store.backup import backup_everywhere
    from khoidesktop.store.restore import DAMAGED_MARK

    store = create_data_file(tmp_path / "mat.sqlite", IDENTITY, actor="t", now=lambda: FIXED_NOW, passphrase=PASSPHRASE)
    with store.session() as session, session.begin():
        add_member(session, MemberData("Nguyễn Thị Mai"), now=FIXED_NOW, actor="t")
    backup_everywhere(store.path, FIXED_NOW, 10, None, PASSPHRASE)
    store.close()
    damaged = b"\x5a" * 4096 * 3  # whole pages that do not start like SQLite: an encrypted file, unreadable
    store.path.write_bytes(damaged)
    ctx.prompts.passphrases.extend([PASSPHRASE, None, "trăng non", PASSPHRASE])  # the file, then the backup
    ctx.prompts.confirmations.append(True)
    offered: list[int] = []

    def choose_the_backup(dialog: FirstRunDialog) -> None:
        offered.append(dialog.backup_choice.count())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_modal(FirstRunDialog, choose_the_backup)
    assert start(window, ctx, store.path, demo=False) is True
    settle(qtbot)
    assert offered == [1]
    asked = [(title, text) for kind, title, text in ctx.prompts.shown if kind == "passphrase"]
    assert [title for title, _text in asked] == ["Tệp dữ liệu đã mã hóa"] * 2 + ["Bản sao lưu đã mã hóa"] * 2
    assert "Mật khẩu vừa gõ" in asked[3][1] and "Mật khẩu vừa gõ" not in asked[2][1]
    assert ctx.store is not None and describe(ctx.store).encrypted
    assert is_encrypted(store.path) and count_members(store.path, PASSPHRASE) == 1
    (kept,) = [p for p in backups_dir_for(store.path).iterdir() if DAMAGED_MARK in p.name]
    assert kept.read_bytes() == damaged


def test_no_passphrase_for_an_encrypted_backup_goes_back_to_the_choice_and_moves_nothing(window, ctx, qtbot, tmp_path):
    from khoidesktop.paths import backups_dir_for
    from khoidesktop.store.backup import backup_everywhere

    store = create_data_file(tmp_path / "mat.sqlite", IDENTITY, actor="t", now=lambda: FIXED_NOW, passphrase=PASSPHRASE)
    backup_everywhere(store.path, FIXED_NOW, 10, None, PASSPHRASE)
    store.close()
    store.path.write_bytes(b"\x5a" * 4096 * 3)
    ctx.prompts.passphrases.extend([PASSPHRASE, None, None])  # the file refused, then no passphrase for the backup
    ctx.prompts.confirmations.append(True)
    rounds: list[str] = []

    def restore_then_quit(dialog: FirstRunDialog) -> None:
        rounds.append("restore")

        def quit_(again: FirstRunDialog) -> None:
            rounds.append("quit")
            qtbot.mouseClick(again.quit_button, Qt.MouseButton.LeftButton)

        when_modal(FirstRunDialog, quit_)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_modal(FirstRunDialog, restore_then_quit)
    assert start(window, ctx, store.path, demo=False) is False
    assert rounds == ["restore", "quit"] and store.path.read_bytes() == b"\x5a" * 4096 * 3
    assert [p.name for p in backups_dir_for(store.path).iterdir() if "-hong-" in p.name] == []
