"""The recruitment file dialog under the 2025 rules: who introduces (Điều lệ Đảng, Điều 4), the steps by the forms of
HD 38, and the day the admission decision was received (the ceremony's 30 working days count from it)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from khoidesktop.members.records import MemberData, add_member
from khoidesktop.recruitment.records import steps_of
from khoidesktop.store.models import Candidate
from khoidesktop.ui.dialogs.candidate_dialog import CandidateDialog
from tests.ui.helpers import english_on_screen, settle, type_text

NOW = datetime(2026, 11, 23, 9, 0)


def _cell(window, store, ctx) -> None:
    ctx.now = lambda: NOW
    with store.session() as s, s.begin():
        for i in range(3):
            add_member(
                s,
                MemberData(
                    f"Nguyễn Văn Cũ {i}", date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)
                ),
                now=NOW,
                actor="t",
            )
    window.set_store(store)


def _record(dialog: CandidateDialog, qtbot, day: str, document: str = "") -> str:
    dialog.step_date.clear()
    type_text(dialog.step_date, day)
    dialog.step_document.clear()
    type_text(dialog.step_document, document)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    return dialog.message.text()


def _focus_chain(first: QWidget, count: int) -> list[QWidget]:
    chain, widget = [first], first
    for _i in range(count - 1):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(first.window()):
            widget = widget.nextInFocusChain()
        chain.append(widget)
    return chain


def test_dieu_le_art_4_the_youth_union_case_asks_one_member_and_the_resolution(window, store, ctx, qtbot, tmp_path):
    """Điều lệ Đảng, Điều 4: choosing "the Đoàn's grassroots committee and one official member" hides the second
    introducer with a note saying why; the steps then ask the Đoàn's resolution (4-KNĐ) instead of a second 3-KNĐ,
    and the cell's vote passes with one introducer."""
    _cell(window, store, ctx)
    dialog = CandidateDialog(ctx, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "Hoàng Văn Trẻ")
    type_text(dialog.birth, "14/03/2002")
    type_text(dialog.certificate, "10/01/2025")
    assert dialog.introducer_pairs[1].isVisible() and not dialog.organisation_note.isVisible()
    dialog.case.setCurrentIndex(dialog.case.findData("youth_union"))
    assert dialog.case.currentText() == "Ban Chấp hành Đoàn cơ sở và một đảng viên chính thức"
    assert not dialog.introducer_pairs[1].isVisible() and dialog.organisation_note.isVisible()
    assert dialog.organisation_note.text() == "Ban Chấp hành Đoàn cơ sở giới thiệu bằng nghị quyết (mẫu 4-KNĐ)"
    dialog.introducers[0].setCurrentIndex(1)
    type_text(dialog.since[0], "01/01/2023")
    assert english_on_screen(dialog) == []
    dialog.grab().save(str(tmp_path / "youth_union.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.message.text() == "Đã lưu."
    dialog.tabs.setCurrentIndex(1)
    for day in ("01/02/2025", "03/03/2025", "10/03/2025", "12/03/2025"):
        _record(dialog, qtbot, day)
    assert dialog.next_step == "organisation_resolution"
    assert dialog.next_label.text() == "Nghị quyết giới thiệu của Đoàn hoặc công đoàn cơ sở"
    assert dialog.next_form.text() == (
        "Văn bản: Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng (mẫu 4-KNĐ), do Ban Chấp hành Đoàn cơ sở hoặc "
        "Ban Chấp hành công đoàn cơ sở lập."
    )
    assert english_on_screen(dialog) == []
    dialog.grab().save(str(tmp_path / "steps.png"))
    _record(dialog, qtbot, "15/03/2025", "05-NQ/ĐTN")
    for day in ("20/03/2025", "01/04/2025"):
        _record(dialog, qtbot, day)
    assert dialog.next_step == "cell_resolution"
    dialog.votes[0].setValue(2)
    assert _record(dialog, qtbot, "06/05/2025") == "Đã ghi."
    with store.session() as s:
        steps = steps_of(s, dialog.candidate_id)
        assert "introduction_2" not in steps and steps["organisation_resolution"].document_number == "05-NQ/ĐTN"
        assert s.get_one(Candidate, dialog.candidate_id).introducer2_id is None
    form = dialog.steps
    rows = [(form.item(r, 0).text(), form.item(r, 1).text()) for r in range(form.rowCount())]
    assert ("Giấy giới thiệu của người giới thiệu thứ nhất", "3-KNĐ") in rows
    assert ("Nghị quyết giới thiệu của Đoàn hoặc công đoàn cơ sở", "4-KNĐ") in rows
    dialog.accept()


def test_the_decision_received_on_defaults_to_its_date_and_moves_the_ceremony_deadline(window, store, ctx, qtbot):
    """RULES.ceremony_workdays count from the day the decision was received: the field opens once the decision is
    recorded, shows the decision's date, and a later day typed there is saved and used by the file's deadline."""
    from khoidesktop.recruitment.stats import file_rows

    _cell(window, store, ctx)
    dialog = CandidateDialog(ctx, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "Hoàng Thị Mới")
    type_text(dialog.birth, "14/03/1998")
    type_text(dialog.certificate, "10/01/2026")
    for number in (0, 1):
        dialog.introducers[number].setCurrentIndex(number + 1)
        type_text(dialog.since[number], "01/01/2023")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.received.isEnabled()
    days = ["01/02/2026", "03/03/2026", "10/03/2026", "12/03/2026", "12/03/2026", "20/03/2026", "01/04/2026"]
    for day in days:
        _record(dialog, qtbot, day)
    dialog.votes[0].setValue(2)
    for day in ("06/05/2026", "20/05/2026", "02/10/2026"):
        _record(dialog, qtbot, day)
    assert dialog.next_step == "ceremony" and dialog.received.isEnabled()
    assert dialog.received.text() == "02/10/2026"  # by default the decision's date
    dialog.received.clear()
    type_text(dialog.received, "26/10/2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.message.text() == "Đã lưu."
    with store.session() as s:
        assert s.get_one(Candidate, dialog.candidate_id).decision_received_on == date(2026, 10, 26)
        (row,) = file_rows(s, NOW.date(), ctx.work_calendar())
    assert row.deadline.due == ctx.work_calendar().add_working_days(date(2026, 10, 26), 30)
    assert not row.overdue  # from the decision's own date it would be
    dialog.received.clear()
    type_text(dialog.received, "01/10/2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert dialog.message.text() == "Ngày nhận quyết định kết nạp không được trước ngày ký quyết định (02/10/2026)."
    dialog.received.clear()
    type_text(dialog.received, "26/10/2026")
    dialog.accept()


def test_tab_follows_the_order_on_screen(window, store, ctx, qtbot):
    _cell(window, store, ctx)
    dialog = CandidateDialog(ctx, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    expected = [
        dialog.name,
        dialog.birth,
        dialog.gender,
        dialog.ethnicity,
        dialog.religion,
        dialog.home_town,
        dialog.position,
        dialog.work_unit,
        dialog.education,
        dialog.theory,
        dialog.certificate,
        dialog.case,
        dialog.introducers[0],
        dialog.since[0],
        dialog.introducers[1],
        dialog.since[1],
        dialog.extended,
        dialog.notes,
    ]
    assert _focus_chain(dialog.name, len(expected)) == expected
    dialog.case.setCurrentIndex(dialog.case.findData("trade_union"))
    assert dialog.organisation_note.text() == "Ban Chấp hành công đoàn cơ sở giới thiệu bằng nghị quyết (mẫu 4-KNĐ)"
    chain = _focus_chain(dialog.name, len(expected) - 2)
    assert chain[-4:] == [dialog.introducers[0], dialog.since[0], dialog.extended, dialog.notes]
    dialog.accept()
