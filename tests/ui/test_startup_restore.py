"""The start-up message that says "restore a backup" leads there (issue 15): a data file that cannot be opened is
explained, its backups are offered in the first-run dialog, the chosen one takes the file's place (the file is kept
aside, never deleted) and the window opens on Cài đặt → Sao lưu saying so. On a real SQLite file, offscreen."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from khoidesktop.members.records import MemberData, add_member
from khoidesktop.paths import backups_dir_for
from khoidesktop.store.backup import backup_everywhere
from khoidesktop.store.restore import count_members
from khoidesktop.ui.dialogs.first_run import FirstRunDialog
from khoidesktop.ui.startup import start
from tests.ui.helpers import english_on_screen, settle, when_modal

BACKED_UP = datetime(2026, 11, 20, 17, 45)
GARBAGE = b"not a database any more " * 400


def damaged_file_with_a_backup(store) -> None:
    """One member in the backup, two in the file, then the file is damaged beyond opening."""
    with store.session() as session, session.begin():
        add_member(session, MemberData("Nguyễn Thị Mai"), now=BACKED_UP, actor="Hạnh")
    backup_everywhere(store.path, BACKED_UP, 10, None)
    with store.session() as session, session.begin():
        add_member(session, MemberData("Trần Văn Bình"), now=BACKED_UP, actor="Hạnh")
    store.close()
    store.path.write_bytes(GARBAGE)


def test_the_start_up_offers_the_files_backups_and_opens_on_sao_luu_after_restoring(window, ctx, qtbot, store):
    damaged_file_with_a_backup(store)
    seen: list[str] = []

    def choose_the_backup(dialog: FirstRunDialog) -> None:
        seen.extend(english_on_screen(dialog))
        assert any("khôi phục bản sao lưu" in label.text() for label in dialog.findChildren(QLabel))  # the notice
        assert dialog.backup_choice.count() == 1
        assert dialog.backup_choice.itemText(0).startswith("20/11/2026 17:45 — Sao lưu — ")
        dialog.grab().save("/tmp/auditlog-first-run-restore.png")
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    ctx.prompts.confirmations.append(True)
    when_modal(FirstRunDialog, choose_the_backup)
    assert start(window, ctx, store.path, demo=False) is True
    settle(qtbot)
    assert seen == []
    assert ctx.store is not None and ctx.store.path == store.path and not ctx.store.readonly
    assert count_members(store.path) == 1  # the backup's content
    kinds = [kind for kind, _title, _text in ctx.prompts.shown]
    assert kinds == ["error", "confirm"]  # why it could not be opened, then the question
    assert "nothing is deleted" not in ctx.prompts.shown[1][2] and "không có gì bị xóa" in ctx.prompts.shown[1][2]
    kept = [p for p in backups_dir_for(store.path).iterdir() if "-hong-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == GARBAGE  # the damaged file, kept as it was
    page = window.page("cai-dat")
    assert window.stack.currentWidget() is page and page.tabs.currentWidget() is page.backups
    assert page.backups.message.kind == "ok" and kept[0].name in page.backups.message.text()
    assert page.backups.table.rowCount() >= 1
    window.resize(1366, 768)
    window.grab().save("/tmp/auditlog-restored-sao-luu.png")
    assert english_on_screen(window) == []


def test_saying_no_to_the_restore_goes_back_to_the_choice_and_changes_nothing(window, ctx, qtbot, store):
    damaged_file_with_a_backup(store)
    ctx.prompts.confirmations.append(False)

    def restore_then_quit(dialog: FirstRunDialog) -> None:
        when_modal_again = lambda d: qtbot.mouseClick(d.quit_button, Qt.MouseButton.LeftButton)  # noqa: E731
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # asked, "no": the choice comes back
        when_modal(FirstRunDialog, when_modal_again)

    when_modal(FirstRunDialog, restore_then_quit)
    assert start(window, ctx, store.path, demo=False) is False
    assert store.path.read_bytes() == GARBAGE
    assert not [p for p in backups_dir_for(store.path).iterdir() if "-hong-" in p.name]


def test_a_file_with_no_backup_offers_no_restore(window, ctx, qtbot, tmp_path):
    damaged = tmp_path / "hong.sqlite"
    damaged.write_bytes(GARBAGE)
    offered: list[bool] = []

    def look_and_quit(dialog: FirstRunDialog) -> None:
        offered.append(hasattr(dialog, "backup_choice"))
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    when_modal(FirstRunDialog, look_and_quit)
    assert start(window, ctx, damaged, demo=False) is False
    assert offered == [False]
