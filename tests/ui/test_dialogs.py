"""Every form dialog behaves the same (ui/dialogs/base.py): Enter presses only Save, Ctrl+S saves, and Esc with
unsaved changes asks before anything typed is thrown away — walked over each dialog on the training data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QScrollArea
from sqlalchemy import select

from khoidesktop.meetings.records import load_meeting
from khoidesktop.ratings.records import rating_rows
from khoidesktop.store.models import Candidate, CommitteeMember, Meeting, Member, TermTarget, Unit
from khoidesktop.ui.dialogs.base import BOXES, FormDialog
from khoidesktop.ui.dialogs.candidate_dialog import CandidateDialog
from khoidesktop.ui.dialogs.congress_dialog import CongressDialog
from khoidesktop.ui.dialogs.delegate_dialog import DelegateDialog
from khoidesktop.ui.dialogs.election_dialog import ElectionDialog
from khoidesktop.ui.dialogs.excellence_dialog import ExcellenceDialog
from khoidesktop.ui.dialogs.meeting_dialog import MeetingDialog
from khoidesktop.ui.dialogs.member_dialog import MemberDialog
from khoidesktop.ui.dialogs.rating_dialog import RatingDialog
from khoidesktop.ui.dialogs.term_dialogs import CommitteeDialog, TargetDialog, TermDialog
from khoidesktop.ui.dialogs.unit_dialog import UnitDialog
from tests.conftest import FIXED_NOW
from tests.exchange.helpers import dump
from tests.terms.congress_helpers import ensure_congress
from tests.terms.helpers import ensure_election, ensure_term, row_of
from tests.ui.helpers import english_on_screen

DIALOGS = ("member", "meeting", "rating", "candidate", "unit", "excellence", "term", "committee", "target", "delegate")
DIALOGS += ("election", "congress", "congress above the cells")
ON_TERM = (
    "term",
    "committee",
    "target",
    "delegate",
    "new term",
    "new committee member",
    "new target",
    "new delegate",
    "election",
    "new election",
)  # a term set up first
ON_CONGRESS = ("congress", "congress above the cells")  # the demo's congress set up first (tests/terms)
ON_UNITS = ("unit", "new unit", "congress above the cells")  # dialogs of a level above the cells: a grassroots file
ON_TRAINING_COMMITTEE = ("excellence",)  # opened on the training grassroots committee (its cells' proposals)


def open_dialog(kind: str, ctx, store, parent) -> FormDialog:
    with store.session() as s:
        if kind == "unit":
            return UnitDialog(ctx, s.scalars(select(Unit.id)).first(), parent)
        if kind == "excellence":
            return ExcellenceDialog(ctx, FIXED_NOW.year - 1, parent)
        if kind in ON_CONGRESS:
            return CongressDialog(ctx, ensure_congress(store), parent)
        if kind == "term":
            return TermDialog(ctx, ensure_term(store), parent)
        if kind == "committee":
            term_id = ensure_term(store)  # its third row: one who left, every field filled
            return CommitteeDialog(ctx, term_id, row_of(store, CommitteeMember, term_id, 3), parent)
        if kind == "election":  # a counted vote: every field and the candidates' table filled
            return ElectionDialog(ctx, ensure_term(store), ensure_election(store), parent)
        if kind == "target":
            term_id = ensure_term(store)  # its fifth target: entered by hand, its years' fields
            return TargetDialog(ctx, term_id, row_of(store, TermTarget, term_id, 5), parent)
        if kind == "delegate":
            return DelegateDialog(ctx, ensure_term(store), ensure_delegate(store), parent)
        if kind == "member":
            return MemberDialog(ctx, s.scalars(select(Member.id)).first(), parent)
        if kind == "meeting":
            meeting_id = s.scalars(select(Meeting.id)).first()
            load_meeting(s, meeting_id)
            return MeetingDialog(ctx, meeting_id, parent)
        if kind == "rating":
            return RatingDialog(ctx, 2025, next(r for r in rating_rows(s, 2025) if not r.exclusion), parent)
        return CandidateDialog(ctx, s.scalars(select(Candidate.id)).first(), parent)


def ensure_delegate(store) -> int:
    """A delegate of the term with every particular filled (added the first time)."""
    from datetime import date

    from khoidesktop.terms.delegates import DelegateForm, delegates, save_delegate

    term_id = ensure_term(store)
    with store.session() as s, s.begin():
        found = delegates(s, term_id)
        if found:
            return found[0].id
        form = DelegateForm(term_id, "Hoàng Thị Mai", False, "female", "Tày", date(1980, 3, 12), "master", "Phật giáo")
        return save_delegate(s, form, now=FIXED_NOW, actor="test").id


def store_for(kind: str, request):
    """The training cell, or for a dialog of a level above the cells a grassroots committee holding bundles."""
    if kind in ON_TRAINING_COMMITTEE:
        return request.getfixturevalue("grassroots_demo")
    store = request.getfixturevalue("filled_bloc" if kind in ON_UNITS else "demo_store")
    if kind in ON_TERM:
        ensure_term(store)
    if kind == "delegate":
        ensure_delegate(store)
    if kind == "election":
        ensure_election(store)
    if kind in ON_CONGRESS:
        ensure_congress(store)
    return store


@pytest.fixture
def opened(qtbot, window, ctx, request):
    def make(kind: str) -> FormDialog:
        store = store_for(kind, request)
        window.set_store(store)
        dialog = open_dialog(kind, ctx, store, window)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def visible_line_edits(dialog: FormDialog) -> list[QLineEdit]:
    """The text fields a user types in (not the line edit inside a spin box or a combo box)."""
    return [
        e
        for e in dialog.findChildren(QLineEdit)
        if e.isVisibleTo(dialog) and e.isEnabled() and not e.isReadOnly() and not isinstance(e.parentWidget(), BOXES)
    ]


@pytest.mark.parametrize("kind", DIALOGS)
def test_enter_in_a_field_presses_only_save(opened, qtbot, kind):
    dialog = opened(kind)
    buttons = [b for b in dialog.findChildren(QPushButton)]
    assert [b for b in buttons if b.isDefault()] == [dialog.save_button]
    assert not any(b.autoDefault() for b in buttons)  # “Tất cả có mặt”, “Đóng” … never pressed by Enter
    pressed: list[str] = []
    dialog.save_button.clicked.disconnect()
    for button in buttons:
        button.clicked.connect(lambda _c=False, b=button: pressed.append(b.text()))
    for edit in visible_line_edits(dialog):
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert set(pressed) <= {dialog.save_button.text()}
    assert not dialog.dirty  # Enter changed nothing: closing asks nothing
    assert english_on_screen(dialog) == []


@pytest.mark.parametrize("kind", DIALOGS)
def test_ctrl_s_saves(opened, qtbot, kind):
    dialog = opened(kind)
    pressed: list[bool] = []
    dialog.save_button.clicked.disconnect()
    dialog.save_button.clicked.connect(lambda: pressed.append(True))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.keySequence(dialog.focusWidget() or dialog, QKeySequence(QKeySequence.StandardKey.Save))
    assert pressed == [True]


def change_something(dialog: FormDialog, qtbot) -> Callable[[], bool]:
    """Type in the first text field, or (a form of choices only) pick another choice in the first box; returns
    whether the change is still shown."""
    edits = visible_line_edits(dialog)
    if edits:
        edits[0].setFocus()
        qtbot.keyClicks(edits[0], "abc")
        return lambda: "abc" in edits[0].text()
    box = next(b for b in dialog.findChildren(QComboBox) if b.isVisibleTo(dialog) and b.count() > 1)
    chosen = (box.currentIndex() + 1) % box.count()
    box.setCurrentIndex(chosen)
    return lambda: box.currentIndex() == chosen


@pytest.mark.parametrize("kind", DIALOGS)
def test_esc_with_changes_asks_and_loses_nothing_by_surprise(opened, qtbot, ctx, request, kind):
    store = store_for(kind, request)
    before = dump(store.path)
    dialog = opened(kind)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once, nothing asked
    assert not dialog.isVisible() and ctx.prompts.shown == []

    dialog = opened(kind)
    kept = change_something(dialog, qtbot)
    ctx.prompts.unsaved.extend(["cancel", "discard"])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and kept()  # “Hủy”: back to the form, the change kept
    dialog.reject()  # “Đóng” or ×, the same way
    assert not dialog.isVisible()  # “Bỏ thay đổi”: closed
    assert [kind for kind, _t, _m in ctx.prompts.shown] == ["unsaved", "unsaved"]
    assert dump(store.path) == before  # nothing written


@pytest.mark.parametrize("kind", DIALOGS)
def test_a_dialog_fits_1366x768_at_150_percent_with_save_in_view(opened, qtbot, monkeypatch, kind):
    """On 1366×768 at 150 % a window's inside has 910×432 points (less a title bar and borders for a dialog): a
    dialog is cut down to that, its fields scroll inside it and Lưu stays in view (ui/widgets/fit_screen.py)."""
    from PySide6.QtCore import QPoint, QRect, QSize

    from khoidesktop.ui.widgets import fit_screen

    room = QSize(910, 432) - fit_screen.FRAME
    monkeypatch.setattr(fit_screen, "room_for", lambda dialog: room)
    dialog = opened(kind)
    qtbot.waitUntil(dialog.isVisible)
    dialog.layout().activate()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    save = dialog.save_button
    assert save.isVisible() and dialog.rect().contains(QRect(save.mapTo(dialog, QPoint(0, 0)), save.size()))
    if kind in ("meeting", "rating", "candidate"):  # too tall for that room: their fields scroll
        assert dialog.findChild(QScrollArea, "dialogScroll") is not None
