"""The everyday things a secretary expects (issue 14, item 12): another data file and the recent files after the first
run, F1 and the guide, Ctrl+F / Ctrl+N / Ctrl+P on the page shown; and the settings page asking before its unsaved
edits are left (item 2) — in the real window, offscreen, on real data files."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from khoidesktop.datafile.create import create_data_file
from khoidesktop.datafile.days_off import days_off
from khoidesktop.datafile.identity import IdentityData, get_identity
from khoidesktop.domain.names import fold
from khoidesktop.settings import recent_files
from khoidesktop.store.database import open_store
from khoidesktop.ui.datafile_actions import remember
from khoidesktop.ui.dialogs.guide_dialog import TASKS, GuideDialog
from khoidesktop.ui.dialogs.member_dialog import MemberDialog
from tests.conftest import FIXED_NOW
from tests.ui.helpers import english_on_screen, settle, type_text, when_modal

OTHER = IdentityData(
    cell_name="Chi bộ Phòng Kế toán",
    org_name="Đảng bộ Sở Tài chính",
    superior_name="Đảng ủy Ủy ban nhân dân tỉnh",
    place_name="Hạ Long",
    secretary_name="Lê Văn Bình",
)


def other_file(tmp_path):
    made = create_data_file(tmp_path / "ke-toan.sqlite", OTHER, actor="test", now=lambda: FIXED_NOW)
    made.close()
    return tmp_path / "ke-toan.sqlite"


def recent_action(window, path):
    window.recent_menu.aboutToShow.emit()  # as when the user opens the submenu
    return next(a for a in window.recent_menu.actions() if a.toolTip() == str(path))


def test_a_recent_file_opens_in_three_clicks_in_place_of_the_open_one(window, store, ctx, qtbot, tmp_path):
    """Before: no way to open another file once the window was open (close the program; it reopened the last file).
    After: Tệp → Mở gần đây → the file: 3 clicks. The old file is closed, the new one shown and put first."""
    other = other_file(tmp_path)
    window.set_store(store)
    remember(ctx, store)
    ctx.settings.set("recent_files", f"{store.path}\n{other}")
    window.go_to("dang-vien")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "Trợ &giúp"]
    file_menu = window.menuBar().actions()[0].menu()
    assert window.recent_menu.menuAction() in file_menu.actions()
    assert not recent_action(window, store.path).isEnabled()  # the one open now
    recent_action(window, other).trigger()
    assert ctx.store is not None and ctx.store.path == other
    assert window.windowTitle() == "Khối desktop — Chi bộ Phòng Kế toán"
    assert window.page("dang-vien").model.rowCount() == 0  # the page shown reads the new file (no members yet)
    assert recent_files(ctx.settings)[:2] == [other, store.path]
    assert ctx.settings.get("last_database") == str(other)
    with ctx.store.session() as s:
        assert get_identity(s).cell_name == OTHER.cell_name
    from khoidesktop.store.database import open_store

    open_store(store.path).close()  # the first file was released (its lock too)


def test_unsaved_settings_are_asked_about_before_another_file_opens(window, store, ctx, qtbot, tmp_path):
    other = other_file(tmp_path)
    ctx.settings.set("recent_files", f"{store.path}\n{other}")
    page = _edited_settings(window, store, qtbot)
    ctx.prompts.unsaved.append("cancel")
    recent_action(window, other).trigger()
    assert ctx.prompts.shown[-1][0] == "unsaved" and ctx.store is store
    assert page.form.edits["cell_name"].text() == "Chi bộ Phòng Kế hoạch"
    ctx.prompts.unsaved.append("save")  # saved in the file open now, then the other file opens
    recent_action(window, other).trigger()
    settle(qtbot)
    qtbot.waitUntil(lambda: ctx.store is not None and ctx.store.path == other, timeout=5000)
    reopened = open_store(store.path)
    try:
        with reopened.session() as s:
            assert get_identity(s).cell_name == "Chi bộ Phòng Kế hoạch"
    finally:
        reopened.close()


def test_a_recent_file_that_is_gone_leaves_the_list_calmly(window, store, ctx, tmp_path):
    gone = tmp_path / "usb" / "chi-bo.sqlite"
    window.set_store(store)
    ctx.settings.set("recent_files", f"{gone}\n{store.path}")
    recent_action(window, gone).trigger()
    kind, title, text = ctx.prompts.shown[-1]
    assert kind == "info" and "không còn ở đó" in text and "bỏ khỏi danh sách" in text
    assert recent_files(ctx.settings) == [store.path]
    assert ctx.store is store  # the open file stays open


def test_open_another_file_with_ctrl_o_and_a_bad_one_changes_nothing(window, store, ctx, qtbot, tmp_path):
    window.set_store(store)
    window.go_to("dang-vien")
    bad = tmp_path / "not-a-data-file.sqlite"
    bad.write_bytes(b"this is no SQLite file" * 100)
    ctx.prompts.files.append(bad)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert ctx.prompts.shown[-1][0] == "error"
    assert ctx.store is store
    with store.session() as s:  # still open and usable
        assert get_identity(s).cell_name
    other = other_file(tmp_path)
    ctx.prompts.files.append(other)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert ctx.store.path == other
    assert recent_files(ctx.settings)[0] == other


def test_f1_opens_the_guide_with_a_paragraph_per_task(window, store, qtbot):
    window.set_store(store)
    seen: list[str] = []

    def read(dialog: GuideDialog) -> None:
        seen.append(dialog.text.toPlainText())
        seen.extend(english_on_screen(dialog))
        dialog.accept()

    when_modal(GuideDialog, read)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(seen) == 1, seen
    for heading in ("Thêm đảng viên", "Ghi buổi sinh hoạt", "Đánh giá", "hồ sơ phát triển", "In văn bản"):
        assert heading in seen[0]
    for where in ("Sao lưu", "Trao đổi dữ liệu", "Mở tệp dữ liệu khác"):
        assert where in seen[0]
    assert seen[0].count("\n") >= 2 * len(TASKS) - 1
    assert window.guide_action.text() == "Hướng dẫn"


def test_ctrl_f_ctrl_n_ctrl_p_act_on_the_page_shown(window, demo_store, qtbot):
    window.set_store(demo_store)
    page = window.go_to("dang-vien")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    shown: list[bool] = []
    page.print_button.showMenu = lambda: shown.append(True)  # the popup itself cannot open offscreen
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert shown == [True]  # the page's print menu opens
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    opened: list[bool] = []
    when_modal(MemberDialog, lambda d: (opened.append(d.member_id is None), d.reject()))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [True]  # a new member's form
    window.go_to("bao-cao")  # a page without a search field: says so, nothing else happens
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Trang này không có ô tìm kiếm."


def _edited_settings(window, store, qtbot):
    window.set_store(store)
    page = window.go_to("cai-dat")
    edit = page.form.edits["cell_name"]
    edit.selectAll()
    type_text(edit, "Chi bộ Phòng Kế hoạch")
    return page


def test_the_settings_page_asks_before_another_page_and_cancel_stays(window, store, ctx, qtbot):
    page = _edited_settings(window, store, qtbot)
    ctx.prompts.unsaved.append("cancel")
    window.sidebar.setCurrentRow(0)
    assert ctx.prompts.shown[-1][0] == "unsaved"
    assert window.stack.currentWidget() is page and window.sidebar.currentRow() == window.slugs.index("cai-dat")
    assert page.form.edits["cell_name"].text() == "Chi bộ Phòng Kế hoạch"  # nothing typed is lost
    ctx.prompts.unsaved.append("discard")
    window.sidebar.setCurrentRow(0)
    assert window.stack.currentWidget() is window.page("tong-quan")
    with store.session() as s:
        assert get_identity(s).cell_name == "Chi bộ Phòng Tổng hợp"
    window.go_to("cai-dat")
    assert page.form.edits["cell_name"].text() == "Chi bộ Phòng Tổng hợp"
    window.sidebar.setCurrentRow(0)  # nothing edited: no question
    assert [k for k, _t, _m in ctx.prompts.shown].count("unsaved") == 2


def test_the_settings_page_saves_then_shows_the_page_asked_for(window, store, ctx, qtbot):
    page = _edited_settings(window, store, qtbot)
    type_text(page.days_off, "02/03/2026")
    ctx.prompts.unsaved.append("save")
    window.sidebar.setCurrentRow(1)
    settle(qtbot)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.page("dang-vien"), timeout=5000)
    with store.session() as s:
        assert get_identity(s).cell_name == "Chi bộ Phòng Kế hoạch"
    with store.session() as s:
        assert days_off(s) == [date(2026, 3, 2)]


def test_a_bad_day_off_keeps_the_settings_page_open_saying_why(window, store, ctx, qtbot):
    window.set_store(store)
    page = window.go_to("cai-dat")
    type_text(page.days_off, "31/02/2026")
    ctx.prompts.unsaved.append("save")
    window.sidebar.setCurrentRow(1)
    assert window.stack.currentWidget() is page
    assert "không phải là ngày có thật" in page.days_message.text()
    page.refresh()  # nothing left unsaved


def test_closing_the_program_with_unsaved_settings_asks(window, store, ctx, qtbot):
    _edited_settings(window, store, qtbot)
    ctx.prompts.unsaved.append("cancel")
    window.close()
    assert window.isVisible() and ctx.store is store  # still open, the edit still there
    ctx.prompts.unsaved.append("save")
    window.close()
    settle(qtbot)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    from khoidesktop.store.database import open_store

    reopened = open_store(store.path)
    try:
        with reopened.session() as s:
            assert get_identity(s).cell_name == "Chi bộ Phòng Kế hoạch"
    finally:
        reopened.close()


def visible_rows(table) -> list[int]:
    return [row for row in range(table.rowCount()) if not table.isRowHidden(row)]


def test_the_meetings_list_is_searched_as_typed_without_accents(window, demo_store, qtbot):
    window.set_store(demo_store)
    page = window.go_to("sinh-hoat-chi-bo")
    rows = page.table.rowCount()
    kinds = [page.table.item(row, 1).text() for row in range(rows)]
    topics = [page.table.item(row, 2).text() for row in range(rows)]
    assert rows > 5 and len(set(kinds)) > 1
    thematic = next(row for row in range(rows) if "chuyên đề" in kinds[row].lower())
    word = topics[thematic].split()[-1]  # a word of a thematic meeting's topic, typed without its accents
    type_text(page.search, fold(word))  # "Nghị" → "nghi"
    shown = visible_rows(page.table)
    assert thematic in shown and 0 < len(shown) < rows
    assert all(word.lower() in topics[row].lower() for row in shown)
    page.search.clear()
    type_text(page.search, "chuyen de")
    assert visible_rows(page.table) == [row for row in range(rows) if "chuyên đề" in kinds[row].lower()] != []
    type_text(page.search, " khong-co-dau-vet")
    assert visible_rows(page.table) == []
    page.search.clear()
    assert len(visible_rows(page.table)) == rows
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search


def test_two_members_with_the_same_name_are_told_apart_where_a_member_is_picked(window, store, ctx, qtbot):
    """The recruitment file's introducers: "Nguyễn Văn An (1980)" and "Nguyễn Văn An (1992)", each the right
    member; a name no one else has is shown as it is."""

    from khoidesktop.members.records import MemberData, add_member
    from khoidesktop.ui.dialogs.candidate_dialog import CandidateDialog

    ids = {}
    with store.session() as s, s.begin():
        for name, born in (("Nguyễn Văn An", date(1980, 5, 2)), ("Nguyễn Văn An", date(1992, 7, 9))):
            data = MemberData(name, born, admitted_on=date(2015, 1, 1), official_on=date(2016, 1, 1))
            ids[born.year] = add_member(s, data, now=FIXED_NOW, actor="t").id
        data = MemberData("Trần Thị Bình", date(1975, 1, 1), admitted_on=date(2000, 1, 1), official_on=date(2001, 1, 1))
        add_member(s, data, now=FIXED_NOW, actor="t")
    window.set_store(store)
    dialog = CandidateDialog(ctx, None, window)
    qtbot.addWidget(dialog)
    combo = dialog.introducers[0]
    offered = {combo.itemText(i): combo.itemData(i) for i in range(combo.count())}
    assert offered["Nguyễn Văn An (1980)"] == ids[1980]
    assert offered["Nguyễn Văn An (1992)"] == ids[1992]
    assert "Trần Thị Bình" in offered and "Nguyễn Văn An" not in offered


def test_exporting_a_period_that_has_not_ended_asks_first(qtbot, window, ctx, demo_store, tmp_path):
    """The clock is at 23/11/2026: the year 2026 and its quarter IV have not ended; quarter III has."""
    from khoidesktop.exchange.bundle_format import read_bundle

    window.set_store(demo_store)
    panel = window.go_to("trao-doi-du-lieu").panel
    panel.picker.year.setCurrentIndex(panel.picker.year.findData(2026))
    ctx.prompts.confirmations.append(False)  # no: nothing is asked for or written
    panel.export_button.click()
    kind, title, text = ctx.prompts.shown[-1]
    assert kind == "confirm" and "năm 2026" in text and "31/12/2026" in text
    assert not list(tmp_path.glob("*.khoi")) and len(ctx.prompts.files) == 0
    ctx.prompts.confirmations.append(True)  # yes: exported
    ctx.prompts.files.append(tmp_path / "goi-2026")
    panel.export_button.click()
    qtbot.waitUntil(lambda: ctx.prompts.shown[-1][0] == "info", timeout=20_000)
    assert read_bundle(tmp_path / "goi-2026.khoi").period.year == 2026
    asked = len(ctx.prompts.shown)
    panel.picker.part.setCurrentIndex(panel.picker.part.findData(3))  # quarter III: ended, no question
    ctx.prompts.files.append(tmp_path / "goi-2026-q3")
    panel.export_button.click()
    qtbot.waitUntil(lambda: len(ctx.prompts.shown) > asked, timeout=20_000)
    assert [k for k, _t, _m in ctx.prompts.shown[asked:]] == ["info"]


def test_the_days_off_set_on_this_computer_move_into_the_file_and_travel_with_it(window, store, ctx, qtbot, tmp_path):
    """Before schema 12 the days off were this computer's setting: the window reads them into the file it opens, once;
    the file opened with another computer's (empty) settings counts the same working days."""
    from khoidesktop.context import AppContext
    from khoidesktop.paths import AppPaths
    from khoidesktop.settings import Settings
    from khoidesktop.store.database import open_store
    from khoidesktop.ui.datafile_actions import after_open

    ctx.settings.set("extra_days_off", "2026-03-02,2026-03-03")
    window.set_store(store)
    after_open(window, ctx, store)
    settle(qtbot)
    with store.session() as s:
        assert days_off(s) == [date(2026, 3, 2), date(2026, 3, 3)]
    assert "02/03/2026, 03/03/2026" in window.statusBar().currentMessage()
    page = window.go_to("cai-dat")
    assert page.days_off.text() == "02/03/2026, 03/03/2026"
    page.days_off.clear()
    type_text(page.days_off, "02/03/2026")  # the user takes one away: it is not read in again
    page.days_button.click()
    settle(qtbot)
    after_open(window, ctx, store)
    settle(qtbot)
    path = store.path
    window.close()
    other = AppContext(paths=AppPaths(tmp_path / "may-khac"), settings=Settings(tmp_path / "may-khac" / "s.json"))
    other.store = open_store(path)
    try:
        assert other.extra_days_off() == [date(2026, 3, 2)]
        assert other.work_calendar().add_working_days(date(2026, 2, 27), 1) == date(2026, 3, 3)
    finally:
        other.store.close()
