"""Entries made in error withdrawn from the pages: each says what goes and asks first (issue 14, item 4)."""

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from khoidesktop.meetings.records import MeetingData, add_topic, save_meeting
from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.recruitment.records import CandidateData, record_step, save_candidate
from khoidesktop.store.models import AuditEntry, CandidateStep, Meeting, MeetingAttendance, Member, ThematicTopic
from khoidesktop.ui.dialogs.member_dialog import MemberDialog
from tests.conftest import FIXED_NOW
from tests.ui.helpers import english_on_screen, settle


def members(store, *names: str) -> list[int]:
    with store.session() as s, s.begin():
        return [
            add_member(
                s,
                MemberData(name, date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)),
                now=FIXED_NOW,
                actor="t",
            ).id
            for name in names
        ]


def count(store, model) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def withdrawals(store) -> list[str]:
    with store.session() as s:
        return sorted(s.scalars(select(AuditEntry.entity).where(AuditEntry.action == "withdraw")))


def test_a_meeting_and_a_topic_withdrawn_from_the_meetings_page(window, store, ctx, qtbot):
    ids = members(store, "Nguyễn Văn An", "Trần Thị Bình")
    with store.session() as s, s.begin():
        attendance = {i: ("present", "") for i in ids}
        save_meeting(
            s,
            None,
            MeetingData(kind="regular", on_date=date(2026, 6, 2), attendance=attendance),
            now=FIXED_NOW,
            actor="t",
        )
        add_topic(s, 2026, 3, "Chủ đề gõ nhầm", now=FIXED_NOW)
    window.set_store(store)
    window.sidebar.setCurrentRow(2)
    page = window.page("sinh-hoat-chi-bo")
    assert page.withdraw_button.text() == "Rút lại (nhập nhầm)…"
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)  # nothing selected: says what to do
    assert ctx.prompts.shown[-1][2] == "Hãy chọn một buổi sinh hoạt trong danh sách trước."
    page.table.selectRow(0)
    ctx.prompts.confirmations.extend([False, True])
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert count(store, Meeting) == 1  # declined
    question = ctx.prompts.shown[-1][2]
    assert "02/06/2026" in question and "2 đảng viên" in question and "Rút lại vì nhập nhầm?" in question
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert count(store, Meeting) == 0 and count(store, MeetingAttendance) == 0
    assert page.table.rowCount() == 0
    page.plan.setCurrentRow(0)
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(page.withdraw_topic_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Chủ đề gõ nhầm" in ctx.prompts.shown[-1][2]
    assert count(store, ThematicTopic) == 0 and page.plan.count() == 0
    assert withdrawals(store) == ["meeting", "meeting_attendance", "meeting_attendance", "thematic_topic"]
    assert english_on_screen(window) == []
    window.grab().save("/tmp/corr-meetings.png")


def test_the_last_step_withdrawn_from_the_recruitment_page(window, store, ctx, qtbot):
    with store.session() as s, s.begin():
        candidate = save_candidate(s, None, CandidateData("Hoàng Thị Mới", date(1998, 3, 14)), now=FIXED_NOW, actor="t")
        record_step(s, candidate.id, "source", date(2026, 2, 1), now=FIXED_NOW, actor="t")
        record_step(s, candidate.id, "application", date(2026, 3, 1), now=FIXED_NOW, actor="t")
    window.set_store(store)
    window.sidebar.setCurrentRow(4)
    page = window.page("phat-trien-dang-vien")
    assert page.withdraw_button.text() == "Rút lại bước cuối…"
    page.table.selectRow(0)
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    question = ctx.prompts.shown[-1][2]
    assert "Hoàng Thị Mới" in question and "01/03/2026" in question
    with store.session() as s:
        assert list(s.scalars(select(CandidateStep.step))) == ["source"]
    assert english_on_screen(window) == []
    window.grab().save("/tmp/corr-recruitment.png")


def test_a_member_withdrawn_from_their_record_only_without_history(window, store, ctx, qtbot):
    kept, wrong = members(store, "Nguyễn Văn An", "Nguyễn Văn Ann")
    with store.session() as s, s.begin():
        add_event(s, kept, "badge", date(2025, 6, 1), now=FIXED_NOW, actor="t")
    window.set_store(store)
    dialog = MemberDialog(ctx, kept, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.withdraw_button.text() == "Rút lại đảng viên (nhập nhầm)…"
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    kind, _title, text = ctx.prompts.shown[-1]
    assert kind == "warning" and "1 sự kiện trong quá trình" in text and "chuyển sinh hoạt đi" in text
    assert dialog.isVisible()  # refused: the record stays open, nothing changed
    dialog.grab().save("/tmp/corr-member-dialog.png")
    dialog.close()
    dialog = MemberDialog(ctx, wrong, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Nguyễn Văn Ann sẽ ra khỏi danh sách đảng viên." in ctx.prompts.shown[-1][2]
    assert not dialog.isVisible()  # closed: the member is gone
    with store.session() as s:
        assert list(s.scalars(select(Member.id))) == [kept]
    assert withdrawals(store) == ["member"]
    assert english_on_screen(window) == []
