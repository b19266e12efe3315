"""Cài đặt → Sao lưu in the real window (issue 15): the list, "Sao lưu ngay", the second folder and its calm warning,
"Khôi phục" (checked, asked, the current file backed up first), the automatic backups at start and after work, and
a file that can only be read."""

from __future__ import annotations

import shutil
from datetime import timedelta

from PySide6.QtCore import Qt

from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.backup import all_backups, list_backups
from khoidesktop.store.restore import count_members
from khoidesktop.ui.backup_actions import AutoBackup
from khoidesktop.ui.main_window import MainWindow
from khoidesktop.ui.startup import start
from tests.conftest import FIXED_NOW
from tests.store.test_read_only import simulate_read_only
from tests.ui.helpers import english_on_screen, settle, type_text


class Clock:
    def __init__(self) -> None:
        self.at = FIXED_NOW

    def __call__(self):
        self.at += timedelta(minutes=1)
        return self.at


def add(store, name: str) -> None:
    with store.session() as s, s.begin():
        add_member(s, MemberData(name), now=FIXED_NOW, actor="t")


def backups_tab(window, store):
    window.set_store(store)
    page = window.go_to("cai-dat")
    page.show_backups()
    return page, page.backups


def test_back_up_now_lists_the_copy_and_copies_it_to_the_usb_stick(window, store, ctx, qtbot, tmp_path):
    ctx.now = Clock()
    page, panel = backups_tab(window, store)
    assert panel.table.rowCount() == 0 and not panel.restore_button.isEnabled()
    usb = tmp_path / "usb"
    usb.mkdir()
    ctx.prompts.files.append(usb)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    assert ctx.settings.get("second_backup_folder") == str(usb) and panel.clear_button.isEnabled()
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.table.rowCount() == 1 and panel.message.kind == "ok"
    assert panel.table.item(0, 0).text() == "23/11/2026 09:32" and panel.table.item(0, 1).text() == "Sao lưu"
    assert panel.table.item(0, 2).text().endswith(" KB")
    assert [p.name for p in usb.iterdir()] == [list_backups(store.path)[0].name]
    shutil.rmtree(usb)  # the stick is pulled out
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.table.rowCount() == 2 and ctx.prompts.shown == []  # made all the same, no error box
    assert panel.message.kind == "warning" and "ổ USB đã cắm chưa" in panel.message.text()
    assert english_on_screen(page) == []
    window.resize(1180, 760)
    window.grab().save(str(tmp_path / "cai-dat-sao-luu.png"))


def test_the_second_folder_cannot_be_the_backups_folder_itself(window, store, ctx, qtbot):
    _page, panel = backups_tab(window, store)
    ctx.prompts.files.append(store.path.parent)
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    assert ctx.settings.get("second_backup_folder") == "" and panel.message.kind == "error"


def test_restore_checks_the_backup_says_what_it_replaces_and_keeps_the_file_as_it_was(window, store, ctx, qtbot):
    ctx.now = Clock()
    add(store, "Nguyễn Văn Một")
    page, panel = backups_tab(window, store)
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    add(store, "Trần Văn Hai")
    panel.table.selectRow(0)
    assert panel.restore_button.isEnabled()
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    ((kind, title, question),) = ctx.prompts.shown
    assert title == "Khôi phục bản sao lưu" and "Thay toàn bộ dữ liệu" in question
    assert "bản sao lưu lúc 23/11/2026 09:32" in question and "có 2 hồ sơ đảng viên" in question
    assert ctx.store is not store and ctx.store.lock is not None and count_members(ctx.store.path) == 1
    kinds = [panel.table.item(row, 1).text() for row in range(panel.table.rowCount())]
    assert kinds == ["Trước khi khôi phục", "Sao lưu"]
    safety = all_backups(ctx.store.path)[0].path
    assert count_members(safety) == 2 and safety.name in panel.message.text()
    add(ctx.store, "Lê Thị Ba")  # the window goes on working on the restored file
    assert count_members(ctx.store.path) == 2


def test_a_damaged_backup_is_refused_before_anything_is_asked(window, store, ctx, qtbot, tmp_path):
    bad = tmp_path / "hong-sao-luu.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    _page, panel = backups_tab(window, store)
    ctx.prompts.files.append(bad)
    qtbot.mouseClick(panel.restore_file_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    ((kind, _title, text),) = ctx.prompts.shown
    assert kind == "error" and "bị hỏng" in text  # no question: nothing was replaced
    assert ctx.store is store and all_backups(store.path) == []


def test_automatic_backups_at_start_when_changed_and_after_30_minutes_of_work(window, store, ctx, qtbot):
    ctx.now = Clock()
    path = store.path
    store.close()
    assert start(window, ctx, path, demo=False)
    settle(qtbot)
    assert len(list_backups(path)) == 1  # the first start: no backup yet
    auto = window.findChild(AutoBackup)
    assert auto.timer.isActive() and auto.timer.interval() == 30 * 60 * 1000
    assert auto.status.text().startswith("Đã sao lưu lúc")
    auto.tick()  # 30 minutes without a change: no copy
    settle(qtbot)
    assert len(list_backups(path)) == 1
    add(ctx.store, "Nguyễn Văn Một")
    auto.tick()
    settle(qtbot)
    assert len(list_backups(path)) == 2 and count_members(list_backups(path)[0]) == 1
    window.close()

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert start(again, ctx, path, demo=False)
    settle(qtbot)
    assert len(list_backups(path)) == 3  # the last session wrote after its start
    again.close()
    third = MainWindow(ctx)
    qtbot.addWidget(third)
    assert start(third, ctx, path, demo=False)
    settle(qtbot)
    assert len(list_backups(path)) == 3  # nothing changed since
    third.close()


def test_a_file_that_can_only_be_read_opens_and_says_so_on_every_save(window, store, ctx, qtbot, monkeypatch):
    path = store.path
    store.close()
    simulate_read_only(monkeypatch, path)
    assert start(window, ctx, path, demo=False)
    settle(qtbot)
    ((kind, title, text),) = ctx.prompts.shown
    assert kind == "warning" and title == "Tệp dữ liệu chỉ đọc được" and "Tài liệu" in text
    assert ctx.store.readonly and list_backups(path) == []
    page = window.go_to("cai-dat")
    type_text(page.form.edits["place_name"], " Uông Bí")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.message.kind == "error" and "không ghi được" in page.message.text()
    page.show_backups()
    qtbot.mouseClick(page.backups.backup_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.backups.message.kind == "error" and "không ghi được" in page.backups.message.text()
