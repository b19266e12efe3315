"""Cài đặt → Nhật ký thay đổi in the real window (issue 15): the log read-only, newest first, filtered, a page at a
time, in Vietnamese, on a cell's file and on a level's above."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from khoidesktop.audit_log.records import PAGE_SIZE
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.units.records import add_unit
from tests.ui.helpers import english_fragments, english_on_screen, type_text

ADDED = datetime(2026, 11, 24, 15, 20)


def audit_tab(window, store):
    window.resize(1366, 768)
    window.set_store(store)
    page = window.go_to("cai-dat")
    page.show_audit()
    return page.audit


def cells(panel, column: int) -> list[str]:
    return [panel.table.item(row, column).text() for row in range(panel.table.rowCount())]


def shown_english(panel) -> list[str]:
    texts = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    texts += [panel.kind.itemText(i) for i in range(panel.kind.count())]
    texts += [panel.table.item(r, c).text() for r in range(panel.table.rowCount()) for c in range(5)]
    return [f"{f!r} in {t!r}" for t in texts for f in english_fragments() if f in t] + english_on_screen(panel)


def test_the_training_data_log_reads_in_vietnamese_a_page_at_a_time(window, demo_store, qtbot):
    panel = audit_tab(window, demo_store)
    assert window.page("cai-dat").tabs.tabText(2) == "Nhật ký thay đổi"
    assert [panel.table.horizontalHeaderItem(c).text() for c in range(5)] == [
        "Thời gian",
        "Người sửa",
        "Việc",
        "Bản ghi",
        "Thay đổi (cũ → mới)",
    ]
    assert panel.table.rowCount() == PAGE_SIZE and panel.more_button.isEnabled()
    assert panel.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert set(cells(panel, 1)) == {"test"}  # the fixture's actor
    window.grab().save("/tmp/auditlog-tab.png")
    assert shown_english(panel) == []
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() > PAGE_SIZE
    while panel.more_button.isEnabled():
        qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    assert "tất cả các dòng khớp" in panel.message.text()
    assert cells(panel, 2)[-1] == "Thêm tên trên văn bản"  # the oldest: the file's creation


def test_filters_by_kind_words_and_dates(window, demo_store, qtbot):
    panel = audit_tab(window, demo_store)
    panel.kind.setCurrentIndex(panel.kind.findText("Sinh hoạt"))
    panel.kind.activated.emit(panel.kind.currentIndex())
    assert set(cells(panel, 2)) == {"Thêm sinh hoạt"} and panel.table.rowCount() > 3
    panel.kind.setCurrentIndex(0)
    type_text(panel.search, "chuyen sinh hoat chinh thuc di")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() >= 1
    assert all("Chuyển sinh hoạt chính thức đi" in text for text in cells(panel, 4))
    panel.search.clear()
    type_text(panel.since, "24/11/2026")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 0 and panel.message.text() == "Không có dòng nhật ký nào khớp."
    panel.since.setText("31/02/2026")
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert panel.message.kind == "error" and "không phải là ngày có thật" in panel.message.text()
    panel.since.setText("01/12/2026")
    panel.until.setText("01/11/2026")
    qtbot.keyClick(panel.until, Qt.Key.Key_Return)
    assert panel.message.kind == "error" and "Ngày đầu sau ngày cuối" in panel.message.text()
    assert not panel.more_button.isEnabled()


def test_a_change_made_on_another_page_is_there_when_the_tab_is_shown_again(window, store):
    panel = audit_tab(window, store)
    before = panel.table.rowCount()
    with store.session() as session, session.begin():
        add_member(session, MemberData("Vũ Thị Hoa"), now=ADDED, actor="Trần Thị Hạnh")
    page = window.page("cai-dat")
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentWidget(panel)
    assert panel.table.rowCount() == before + 1
    with store.session() as session, session.begin():
        add_member(session, MemberData("Lý Văn Tâm"), now=ADDED, actor="Trần Thị Hạnh")
    window.go_to("dang-vien")
    window.go_to("cai-dat")  # back to the page, still on its log tab
    assert panel.table.rowCount() == before + 2 and panel.table.item(0, 3).text() == "Lý Văn Tâm"
    assert [panel.table.item(1, c).text() for c in range(4)] == [
        "24/11/2026 15:20",
        "Trần Thị Hạnh",
        "Thêm đảng viên",
        "Vũ Thị Hoa",
    ]


def test_a_level_above_the_cells_shows_its_own_log(window, bloc_store):
    with bloc_store.session() as session, session.begin():
        add_unit(session, "Chi bộ Phòng Thanh tra", None, now=ADDED, actor="Phạm Văn Khối")
    panel = audit_tab(window, bloc_store)
    assert cells(panel, 2)[0] == "Thêm đơn vị trực thuộc" and cells(panel, 3)[0] == "Chi bộ Phòng Thanh tra"
    window.grab().save("/tmp/auditlog-tab-bloc.png")
    assert shown_english(panel) == []
