from PySide6.QtCore import Qt

from khoidesktop.datafile.identity import get_identity
from khoidesktop.members.structure import headline_counts
from tests.conftest import IDENTITY, TODAY
from tests.ui.helpers import english_on_screen, settle, type_text

SIDEBAR = [
    "Tổng quan",
    "Đảng viên",
    "Sinh hoạt chi bộ",
    "Đánh giá xếp loại",
    "Phát triển đảng viên",
    "Nhiệm kỳ",
    "Báo cáo",
    "Trao đổi dữ liệu",
    "Cài đặt",
]


def test_every_page_opens_in_vietnamese_with_the_training_mark(window, demo_store, qtbot):
    window.set_store(demo_store)
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels == SIDEBAR
    assert "DỮ LIỆU TẬP HUẤN" in window.windowTitle()
    for index, page in enumerate(window.pages):
        window.sidebar.setCurrentRow(index)
        assert window.stack.currentWidget() is page
        assert page.title == SIDEBAR[index]
        assert window.banner.isVisible() and "DỮ LIỆU TẬP HUẤN" in window.banner.text()
        assert english_on_screen(window) == []
        assert page.grab().width() > 0


def test_a_real_cell_has_no_training_mark_and_the_overview_counts(window, store):
    window.set_store(store)
    assert window.windowTitle() == "Khối desktop — Chi bộ Phòng Tổng hợp"
    assert not window.banner.isVisible()
    overview = window.page("tong-quan")
    assert overview.cell_label.text() == "Chi bộ Phòng Tổng hợp"
    assert overview.cards["active"].value.text() == "0"
    assert overview.empty_label.isVisible()
    assert "Chưa có đảng viên" in overview.empty_label.text()


def test_overview_shows_the_demo_counts(window, demo_store):
    window.set_store(demo_store)
    with demo_store.session() as s:
        counts = headline_counts(s, TODAY)
    overview = window.page("tong-quan")
    assert overview.cards["active"].value.text() == str(counts.active)
    assert overview.cards["probationary"].value.text() == str(counts.probationary)
    assert overview.cards["women"].value.text().startswith(str(counts.women))
    assert "%" in overview.cards["women"].value.text() and "," in overview.cards["women"].value.text()
    assert not overview.empty_label.isVisible()


def test_settings_edits_the_names_printed_on_documents(window, store, qtbot):
    window.set_store(store)
    window.sidebar.setCurrentRow(len(SIDEBAR) - 1)
    page = window.page("cai-dat")
    assert not page.save_button.isEnabled()
    edit = page.form.edits["cell_name"]
    edit.selectAll()
    type_text(edit, "Chi bộ Phòng Kế hoạch")
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    from khoidesktop.ui.tasks import Task

    running = set(Task.running)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # while it is written: a second click is held
    type_text(edit, " X")  # and so is typing, which the write would otherwise overwrite on refresh
    assert Task.running <= running and len(running) == 1
    settle(qtbot)
    assert page.message.text() == "Đã lưu."
    assert window.windowTitle() == "Khối desktop — Chi bộ Phòng Kế hoạch"
    with store.session() as s:
        assert get_identity(s).cell_name == "Chi bộ Phòng Kế hoạch"


def test_settings_refuses_an_empty_name_and_changes_nothing(window, store, qtbot):
    window.set_store(store)
    window.sidebar.setCurrentRow(len(SIDEBAR) - 1)
    page = window.page("cai-dat")
    edit = page.form.edits["superior_name"]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.message.text() == "Hãy điền: Cấp ủy cấp trên."
    with store.session() as s:
        assert get_identity(s).superior_name == IDENTITY.superior_name
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert edit.text() == IDENTITY.superior_name


def test_closing_the_window_releases_the_data_file(window, store):
    from khoidesktop.store.database import open_store

    window.set_store(store)
    window.close()
    assert window.ctx.store is None
    open_store(store.path).close()


def test_local_days_off_are_set_in_settings_and_move_deadlines(window, store, ctx, qtbot):
    """They are kept in the data file (schema 12), not in this computer's settings."""
    from datetime import date

    from khoidesktop.datafile.days_off import days_off
    from tests.ui.helpers import type_text

    window.set_store(store)
    window.sidebar.setCurrentRow(len(SIDEBAR) - 1)
    page = window.page("cai-dat")
    type_text(page.days_off, "31/02/2026")
    page.days_button.click()
    assert "không phải là ngày có thật" in page.days_message.text()
    with store.session() as s:
        assert days_off(s) == []
    page.days_off.clear()
    type_text(page.days_off, "03/03/2026, 02/03/2026")
    page.days_button.click()
    settle(qtbot)
    with store.session() as s:
        assert days_off(s) == [date(2026, 3, 2), date(2026, 3, 3)]
    assert ctx.settings.get("extra_days_off") == ""
    assert page.days_off.text() == "02/03/2026, 03/03/2026"
    assert ctx.work_calendar().add_working_days(date(2026, 2, 27), 1) == date(2026, 3, 4)


def test_the_month_records_start_is_set_in_settings_and_bounds_the_reminders(window, store, qtbot):
    """records_from (issue 13): a file made in November 2026 reminds of nothing before; set back to June, the
    overview reminds of June to October (the clock is at 23/11/2026)."""
    from datetime import date

    from khoidesktop.datafile.identity import records_from

    window.set_store(store)
    overview = window.page("tong-quan")

    def warnings_text() -> str:
        items = overview.attention_list
        return "\n".join(items.item(i).text() for i in range(items.count()))

    assert "chưa ghi buổi sinh hoạt" not in warnings_text()
    window.go_to("cai-dat")
    page = window.page("cai-dat")
    assert (page.start_month.currentText(), page.start_year.value()) == ("tháng 11", 2026)
    page.start_month.setCurrentIndex(5)
    page.start_button.click()
    settle(qtbot)
    assert page.start_message.text() == "Đã lưu."
    with store.session() as s:
        assert records_from(s) == date(2026, 6, 1)
    window.go_to("tong-quan")
    text = warnings_text()
    assert "Tháng 6/2026: chưa ghi buổi sinh hoạt thường kỳ nào." in text and "Tháng 5/2026" not in text
    page.start_year.setValue(2027)
    page.start_button.click()
    settle(qtbot)
    assert page.start_message.text() == "Tháng bắt đầu ghi chép không thể sau tháng hiện tại."


def test_no_label_is_cut_on_any_page(window, demo_store):
    """A label whose text a page's refresh() lengthens gets the height for it (the data file's two lines on
    “Cài đặt” used to show one and a half)."""
    from PySide6.QtWidgets import QLabel

    window.set_store(demo_store)
    cut = []
    for slug in window.slugs:
        page = window.go_to(slug)
        for label in page.findChildren(QLabel):
            if not label.isVisibleTo(page) or not label.text():
                continue
            needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
            if label.height() < needed:
                cut.append((slug, label.text()[:40], label.height(), needed))
    assert cut == []


def test_modules_imported_after_pyside6_leave_no_source_in_memory(tmp_path, monkeypatch):
    """PySide6 checks every module imported after it (PYSIDE-2029); its own check left each module's source in
    Python's line cache (~8 MB with the pages' modules). khoidesktop.ui asks the file instead, with the same answer."""
    import linecache
    import sys

    import khoidesktop.ui  # noqa: F401 - the check replaced

    for name, text in (("uses_qt", "from PySide6 import QtCore\n"), ("plain", "X = 1\n")):
        (tmp_path / f"{name}.py").write_text(text)
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    for name in ("uses_qt", "plain"):
        __import__(name)  # as an import statement does: through PySide6's hook
    assert [n for n in linecache.cache if n.startswith(str(tmp_path))] == []
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["uses_qt"] == 0 and feature.pyside_feature_dict["plain"] == -1
