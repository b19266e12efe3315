"""The member dialog's history: an event that changes the status is shown and asked first; an event entered in
error is withdrawn after the same question (issue 14, item 4)."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.models import AuditEntry, Member, MemberEvent
from khoidesktop.ui.dialogs.member_dialog import MemberDialog
from tests.conftest import FIXED_NOW
from tests.ui.helpers import english_on_screen, settle, type_text


@pytest.fixture
def member_id(store) -> int:
    with store.session() as s, s.begin():
        return add_member(
            s,
            MemberData("Nguyễn Văn An", date(1980, 3, 5), admitted_on=date(2005, 6, 1), official_on=date(2006, 6, 1)),
            now=FIXED_NOW,
            actor="t",
        ).id


@pytest.fixture
def history(qtbot, window, ctx, store, member_id):
    window.set_store(store)
    dialog = MemberDialog(ctx, member_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.history)
    return dialog.history


def fill(history, kind: str, on: str, document: str = "") -> None:
    history.kind.set_value(kind)
    type_text(history.on_date, on)
    if document:
        type_text(history.document, document)


def status_of(store, member_id: int) -> str:
    with store.session() as s:
        return s.get_one(Member, member_id).status


def test_a_status_changing_event_asks_first_showing_what_changes(history, ctx, qtbot, store, member_id):
    fill(history, "transfer_out", "01/10/2026", "45-QĐ/ĐU")
    ctx.prompts.confirmations.append(False)  # the user thinks again
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    kind, _title, question = ctx.prompts.shown[-1]
    assert kind == "confirm"
    assert "Nguyễn Văn An" in question and "01/10/2026" in question
    assert "Chuyển sinh hoạt chính thức đi" in question
    assert "Tình trạng: Chính thức → Đã chuyển sinh hoạt đi." in question
    with store.session() as s:
        assert s.scalars(select(MemberEvent)).all() == []  # declined: nothing written
    assert status_of(store, member_id) == "official"
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert history.table.rowCount() == 1
    assert status_of(store, member_id) == "transferred_out"
    assert "Đã chuyển sinh hoạt đi" in history.window().heading.text()


def test_an_event_that_changes_nothing_is_recorded_without_a_question(history, ctx, qtbot, store):
    fill(history, "badge", "01/06/2025")
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert history.table.rowCount() == 1 and ctx.prompts.shown == []


def test_a_refused_event_says_why_before_any_question(history, ctx, qtbot, store):
    fill(history, "transfer_out", "01/01/2027")
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "trong tương lai" in history.message.text() and ctx.prompts.shown == []


def test_an_event_entered_in_error_is_withdrawn_after_asking(history, ctx, qtbot, store, member_id):
    with store.session() as s, s.begin():
        add_event(s, member_id, "badge", date(2025, 6, 1), now=FIXED_NOW, actor="t")
        wrong = add_event(s, member_id, "deceased", date(2026, 11, 1), now=FIXED_NOW, actor="t").id
    history.refresh()
    assert not history.withdraw_button.isEnabled()  # nothing selected yet
    history.table.selectRow(1)
    assert history.withdraw_button.isEnabled()
    assert history.withdraw_button.text() == "Rút lại (nhập nhầm)…"
    ctx.prompts.confirmations.extend([False, True])
    qtbot.mouseClick(history.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert history.table.rowCount() == 2 and status_of(store, member_id) == "deceased"
    qtbot.mouseClick(history.withdraw_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    question = ctx.prompts.shown[-1][2]
    assert "Nguyễn Văn An" in question and "01/11/2026" in question and "Từ trần" in question
    assert "Tình trạng: Từ trần → Chính thức." in question
    assert history.table.rowCount() == 1 and status_of(store, member_id) == "official"
    assert "Chính thức" in history.window().heading.text()
    with store.session() as s:
        kept = s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")).one()
        assert (kept.entity, kept.entity_id) == ("member_event", wrong)
    assert english_on_screen(history.window()) == []
    history.window().grab().save("/tmp/corr-history.png")


def test_the_profile_shows_the_date_an_event_filled_and_saving_keeps_it(qtbot, window, ctx, store):
    with store.session() as s, s.begin():
        member_id = add_member(
            s,
            MemberData("Lê Thị Hà", date(1995, 12, 31), admitted_on=date(2025, 3, 1), status="probationary"),
            now=FIXED_NOW,
            actor="t",
        ).id
    window.set_store(store)
    dialog = MemberDialog(ctx, member_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.widgets["position"], "Chuyên viên")  # an edit not yet saved
    dialog.tabs.setCurrentWidget(dialog.history)
    fill(dialog.history, "official", "01/03/2026")
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(dialog.history.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Tình trạng: Dự bị → Chính thức." in ctx.prompts.shown[-1][2]
    assert dialog.form.widgets["official_on"].value() == date(2026, 3, 1)
    assert dialog.form.widgets["position"].text() == "Chuyên viên" and dialog.dirty
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (member.official_on, member.status, member.position) == (date(2026, 3, 1), "official", "Chuyên viên")
