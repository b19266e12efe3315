"""The recruitment page driven from a new file to an official member."""

from datetime import date, datetime

from PySide6.QtCore import Qt
from sqlalchemy import select

from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.models import Member
from khoidesktop.ui.dialogs.candidate_dialog import CandidateDialog
from tests.ui.helpers import english_on_screen, settle, type_text, when_modal


def test_from_a_new_file_to_an_official_member(window, store, ctx, qtbot):
    ctx.now = lambda: datetime(2026, 11, 23, 9, 0)
    with store.session() as s, s.begin():
        for i in range(3):
            add_member(
                s,
                MemberData(
                    f"Nguyễn Văn Cũ {i}", date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)
                ),
                now=ctx.now(),
                actor="t",
            )
    window.set_store(store)
    window.sidebar.setCurrentRow(4)
    page = window.page("phat-trien-dang-vien")
    steps = [
        ("source", "01/02/2025"),
        ("application", "03/03/2025"),
        ("biography", "10/03/2025"),
        ("introduction", "12/03/2025"),
        ("introduction_2", "12/03/2025"),
        ("verification", "20/03/2025"),
        ("comments", "01/04/2025"),
        ("cell_resolution", "06/05/2025"),
        ("committee_resolution", "20/05/2025"),
        ("decision", "02/06/2025"),
        ("ceremony", "16/06/2025"),
        ("self_report", "20/06/2026"),
        ("official_vote", "01/07/2026"),
    ]
    messages = []

    def work(dialog: CandidateDialog):
        assert english_on_screen(dialog) == []
        type_text(dialog.name, "Hoàng Thị Mới")
        type_text(dialog.birth, "14/03/1998")
        type_text(dialog.certificate, "10/01/2025")
        for number in (0, 1):
            dialog.introducers[number].setCurrentIndex(number + 1)
            type_text(dialog.since[number], "01/01/2023")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the steps open once the person is saved
        settle(qtbot)
        assert dialog.message.text() == "Đã lưu." and dialog.tabs.isTabEnabled(1)
        dialog.tabs.setCurrentIndex(1)
        for step, day in steps:
            assert dialog.next_step == step, messages
            if step == "cell_resolution":
                dialog.votes[0].setValue(2)  # two thirds of 3 official members
            dialog.step_date.clear()
            type_text(dialog.step_date, day)
            qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
            settle(qtbot)  # the person is saved, then the step recorded, each in the runner
            messages.append(dialog.message.text())
        assert dialog.next_step == "official"
        dialog.accept()

    when_modal(CandidateDialog, work)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "đã là đảng viên dự bị" in messages[10]
    assert "là đảng viên chính thức từ ngày 16/06/2026" in messages[12]
    with store.session() as s:
        member = s.scalars(select(Member).where(Member.full_name == "Hoàng Thị Mới")).one()
    assert (member.admitted_on, member.official_on, member.status) == (date(2025, 6, 2), date(2026, 6, 16), "official")
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "Nghị quyết chi bộ đề nghị công nhận đảng viên chính thức"
