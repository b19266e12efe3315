"""The meetings page driven as a user drives it: record a meeting, tick attendance, save, reopen."""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from khoidesktop.meetings.records import load_meeting
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.ui.dialogs.meeting_dialog import MeetingDialog
from tests.conftest import FIXED_NOW
from tests.ui.helpers import OFFSCREEN_POPUP, double_click_row, english_on_screen, settle, type_text, when_modal


@pytest.fixture
def page(window, store):
    with store.session() as s, s.begin():
        for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
            add_member(
                s,
                MemberData(name, date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)),
                now=FIXED_NOW,
                actor="t",
            )
    window.set_store(store)
    window.sidebar.setCurrentRow(2)
    return window.page("sinh-hoat-chi-bo")


def test_record_a_meeting_then_reopen_it(page, qtbot, store):
    assert page.empty.isVisible() and english_on_screen(page.window()) == []

    def fill(dialog: MeetingDialog):
        assert english_on_screen(dialog) == []
        dialog.on_date.clear()
        type_text(dialog.on_date, "03/11/2026")
        dialog.on_date.editingFinished.emit()
        type_text(dialog.place, "Phòng họp tầng 2")
        names = [dialog.chair.itemText(i) for i in range(dialog.chair.count())]
        assert {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"} <= set(names)  # picked from the member list
        dialog.chair.setCurrentIndex(names.index("Nguyễn Văn An"))
        dialog.materials.clear()
        type_text(dialog.materials, "03/11/2026")
        assert "ít nhất 1 ngày" in dialog.checks.text()  # late materials: a warning, not a block
        table = dialog.attendance
        assert table.rowCount() == 3
        dialog.tabs.setCurrentIndex(1)  # “Điểm danh”
        assert not any(table.absent_box(r).isChecked() for r in range(3))  # everyone present by default
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
        qtbot.mouseClick(table.absent_box(1), Qt.MouseButton.LeftButton)  # one click; the cursor in the reason
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table.reason(1), timeout=5000)
        type_text(QApplication.focusWidget(), "Đi công tác")
        assert table.reason(1).text() == "Đi công tác"
        assert dialog.present_label.text() == "Có mặt: 2/3"
        dialog.rule.set_value("more_than_half")
        dialog.votes[0].setValue(2)
        assert "Cần ít nhất 2 phiếu tán thành (quá nửa): nghị quyết được thông qua" in dialog.vote_label.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_modal(MeetingDialog, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "03/11/2026"
    assert page.table.item(0, 3).text() == "2/3 (66,67%)"
    with store.session() as s:
        saved = load_meeting(s, page.meeting_ids[0])
    assert saved.place == "Phòng họp tầng 2" and saved.present == 2
    assert sorted(p for p, _r in saved.attendance.values()) == ["excused", "present", "present"]
    seen = {}

    def reopen(dialog: MeetingDialog):
        seen["place"] = dialog.place.text()
        seen["reason"] = dialog.attendance.cellWidget(1, 2).text()
        dialog.reject()

    when_modal(MeetingDialog, reopen)
    double_click_row(qtbot, page.table, 0)
    assert seen == {"place": "Phòng họp tầng 2", "reason": "Đi công tác"}


def test_register_a_thematic_topic(page, qtbot):
    type_text(page.topic, "Chuyển đổi số")
    qtbot.mouseClick(page.add_topic_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.plan.count() == 1 and "Chuyển đổi số" in page.plan.item(0).text()
    qtbot.mouseClick(page.add_topic_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.plan_message.text() == "Hãy gõ tên chủ đề."


def test_overview_lists_what_needs_attention(window, demo_store):
    window.set_store(demo_store)
    overview = window.page("tong-quan")
    items = [overview.attention_list.item(i).text() for i in range(overview.attention_list.count())]
    assert any("vắng sinh hoạt không lý do trong 3 tháng" in text for text in items)
    assert any("chưa hoàn thành" in text for text in items)


def test_overview_reminds_of_recruitment_deadlines(window, demo_store):
    window.set_store(demo_store)
    overview = window.page("tong-quan")
    items = [overview.attention_list.item(i).text() for i in range(overview.attention_list.count())]
    assert any("hồ sơ đã 12 tháng không có bước mới" in text for text in items)
    assert any("(đã quá hạn)" in text for text in items)  # the demo's overdue file


def test_the_vote_tab_shows_the_check_saving_applies_and_does_not_move(page, qtbot, store, ctx):
    """Issue 14, item 7: more votes than voters were shown as "adopted" and refused only on Save; now the tab says
    what saving would say, the moment they are typed, and its boxes stay where they were."""
    seen: dict[str, str] = {}

    def fill(dialog: MeetingDialog):
        dialog.on_date.clear()
        type_text(dialog.on_date, "03/11/2026")
        dialog.on_date.editingFinished.emit()
        dialog.rule.set_value("more_than_half")
        before = dialog.votes[2].geometry()
        dialog.votes[0].setValue(5)  # 3 present
        seen["live"], seen["kind"] = dialog.vote_label.text(), dialog.vote_label.kind
        assert dialog.votes[2].geometry() == before
        dialog.votes[0].setValue(2)
        seen["passing"], seen["passing_kind"] = dialog.vote_label.text(), dialog.vote_label.kind
        assert dialog.votes[2].geometry() == before
        dialog.votes[0].setValue(5)
        dialog.save()

        def after_save() -> None:
            seen["saved"] = dialog.message.text()
            ctx.prompts.unsaved.append("discard")
            dialog.reject()

        QTimer.singleShot(500, after_save)

    when_modal(MeetingDialog, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen["live"] == "Có 5 phiếu nhưng chỉ 3 đảng viên có mặt." and seen["kind"] == "error"
    assert "nghị quyết được thông qua" in seen["passing"] and seen["passing_kind"] == "ok"
    assert seen["live"] in seen["saved"]  # Save refuses with the very words shown
    assert page.table.rowCount() == 0


def test_enter_after_an_absence_reason_saves_and_keeps_the_absentee(page, qtbot, store):
    """Issue 14, item 1: typing an absence reason and pressing Enter once marked everyone present (31/32 became
    32/32). Enter now presses only Save: the absentee is saved absent with the reason typed."""
    from sqlalchemy import select

    from khoidesktop.store.models import Meeting

    dialog = MeetingDialog(page.ctx, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.tabs.setCurrentIndex(1)
    table = dialog.attendance
    qtbot.mouseClick(table.absent_box(2), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table.reason(2), timeout=5000)
    type_text(table.reason(2), "Ốm")
    assert dialog.present_label.text() == "Có mặt: 2/3"
    qtbot.keyClick(table.reason(2), Qt.Key.Key_Return)
    settle(qtbot)
    assert not dialog.isVisible()  # saved and closed
    with store.session() as s:
        (meeting_id,) = s.scalars(select(Meeting.id)).all()
        saved = load_meeting(s, meeting_id)
    assert saved.present == 2
    assert sorted(saved.attendance.values()) == [("excused", "Ốm"), ("present", ""), ("present", "")]


@pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP, extend=True)
def test_speakers_are_picked_from_the_members_by_part_of_the_name(page, qtbot, store):
    """Issue 14: “Thêm người phát biểu”, then part of a name offers the member, as for the chair; namesakes are told
    apart by their birth year; a guest's name typed in full stays as typed."""
    from PySide6.QtWidgets import QPushButton

    from khoidesktop.ui.widgets.fields import NameCombo

    with store.session() as s, s.begin():
        add_member(
            s, MemberData("Nguyễn Văn An", date(1985, 6, 1), admitted_on=date(2010, 1, 1)), now=FIXED_NOW, actor="t"
        )
    dialog = MeetingDialog(page.ctx, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.tabs.setCurrentIndex(2)  # “Nội dung”
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Thêm người phát biểu")

    def speak(typed: str, pick: bool) -> NameCombo:
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        editor = QApplication.focusWidget()
        combo = editor.parentWidget() if isinstance(editor.parentWidget(), NameCombo) else editor
        assert isinstance(combo, NameCombo)  # the name cell opens in the member picker
        type_text(QApplication.focusWidget(), typed)
        popup = combo.completer().popup()
        if pick:
            qtbot.waitUntil(popup.isVisible, timeout=5000)
            offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
            assert offered == ["Trần Thị Bình"]  # “bình” holds in no other member's name
            qtbot.keyClick(popup, Qt.Key.Key_Down)
            qtbot.keyClick(popup, Qt.Key.Key_Return)
            assert combo.currentText() == "Trần Thị Bình"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # to the points: the name is in the table
        return combo

    combo = speak("bình", pick=True)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert {"Nguyễn Văn An (1980)", "Nguyễn Văn An (1985)", "Trần Thị Bình", "Lê Văn Cường"} <= set(names)
    speak("Phạm Văn Khách", pick=False)  # a guest: not a member, typed in full
    qtbot.waitUntil(lambda: dialog.speakers.item(1, 0).text() != "", timeout=5000)
    assert [s for s, _p in dialog.collect().speakers] == ["Trần Thị Bình", "Phạm Văn Khách"]
    assert [dialog.chair.itemText(i) for i in range(dialog.chair.count())] == ["", *names[1:]]  # one list
    dialog.on_date.setFocus()
    qtbot.keyClick(dialog.on_date, Qt.Key.Key_Return)  # Enter saves
    settle(qtbot)
    assert not dialog.isVisible()
    from sqlalchemy import select

    from khoidesktop.store.models import Meeting

    with store.session() as s:
        saved = load_meeting(s, s.scalars(select(Meeting.id)).one())
    assert [name for name, _points in saved.speakers] == ["Trần Thị Bình", "Phạm Văn Khách"]
