"""Focus and Tab order in every dialog (issue 14, item 6): a dialog opens with the cursor in its first field, and
Tab visits the fields in the order they are shown — checked on the screen positions, not on the code's lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QTimeEdit, QWidget

from khoidesktop.ui.dialogs.badges_dialog import BadgesDialog
from khoidesktop.ui.dialogs.candidate_dialog import CandidateDialog
from khoidesktop.ui.dialogs.delegate_dialog import DelegateDialog
from khoidesktop.ui.dialogs.election_dialog import ElectionDialog
from khoidesktop.ui.dialogs.meeting_dialog import MeetingDialog
from khoidesktop.ui.dialogs.member_dialog import MemberDialog
from khoidesktop.ui.dialogs.term_dialogs import CommitteeDialog, TargetDialog, TermDialog
from khoidesktop.ui.dialogs.unit_dialog import UnitDialog
from khoidesktop.ui.widgets.fields import ChoiceButtons
from khoidesktop.ui.widgets.focus import COMPOUND, is_editable
from tests.terms.helpers import ensure_term
from tests.ui.helpers import OFFSCREEN_POPUP
from tests.ui.test_dialogs import DIALOGS, open_dialog, store_for

NEW = (
    "new member",
    "new meeting",
    "new candidate",
    "new unit",
    "new term",
    "new committee member",
    "new target",
    "new delegate",
)
NEW += ("new election",)


def make_dialog(kind: str, ctx, store, parent) -> QDialog:
    if kind == "new member":
        return MemberDialog(ctx, None, parent)
    if kind == "new meeting":
        return MeetingDialog(ctx, None, parent)
    if kind == "new candidate":
        return CandidateDialog(ctx, None, parent)
    if kind == "badges":
        return BadgesDialog(ctx, parent)
    if kind == "new unit":
        return UnitDialog(ctx, None, parent)
    if kind == "new term":
        return TermDialog(ctx, None, parent)
    if kind == "new committee member":
        return CommitteeDialog(ctx, ensure_term(store), None, parent)
    if kind == "new election":
        return ElectionDialog(ctx, ensure_term(store), None, parent)
    if kind == "new target":
        return TargetDialog(ctx, ensure_term(store), None, parent)
    if kind == "new delegate":
        return DelegateDialog(ctx, ensure_term(store), None, parent)
    return open_dialog(kind, ctx, store, parent)


@pytest.fixture
def shown(qtbot, window, ctx, request):
    def make(kind: str) -> QDialog:
        store = store_for(kind, request)
        window.set_store(store)
        dialog = make_dialog(kind, ctx, store, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
        return dialog

    return make


def owner(widget: QWidget | None) -> QWidget | None:
    """The field a focused part belongs to (a combo box's own line edit is the combo box, a radio button of a choice
    is the choice)."""
    if widget is not None and isinstance(widget.parentWidget(), (*COMPOUND, ChoiceButtons)):
        return widget.parentWidget()
    return widget


def in_table(widget: QWidget, root: QWidget) -> bool:
    """A cell's widget: the table is the stop, Tab inside it is the table's own business."""
    from PySide6.QtWidgets import QAbstractItemView

    part = widget.parentWidget()
    while part is not None and part is not root:
        if isinstance(part, QAbstractItemView):
            return True
        part = part.parentWidget()
    return False


def fields_shown(dialog: QDialog) -> list[QWidget]:
    found = [
        owner(w)
        for w in dialog.findChildren(QWidget)
        if is_editable(w) and w.isVisibleTo(dialog) and w.isEnabled() and not in_table(w, dialog)
    ]
    return [w for w in dict.fromkeys(found) if w is not None]


def rect(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def topmost_leftmost(fields: list[QWidget], root: QWidget) -> QWidget:
    return min(fields, key=lambda w: (rect(w, root).top(), rect(w, root).left()))


def out_of_reading_order(fields: list[QWidget], root: QWidget) -> list[str]:
    """Steps that go against reading order: each next field is on the same line to the right, or lower, or at the
    top of a new column (to the right of everything of the column read so far)."""
    wrong = []
    column_right = rect(fields[0], root).right()
    for a, b in zip(fields, fields[1:], strict=False):
        ra, rb = rect(a, root), rect(b, root)
        same_line = rb.top() < ra.bottom() and rb.bottom() > ra.top()
        if same_line and rb.left() > ra.left() or not same_line and rb.top() > ra.top():
            pass
        elif rb.left() > column_right:  # up, to a column of its own on the right
            column_right = rb.right()
        else:
            wrong.append(f"{name(a)} → {name(b)}")
        column_right = max(column_right, rb.right())
    return wrong


def name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def walk_tab(qtbot, dialog: QDialog, presses: int = 80) -> list[QWidget]:
    """Press Tab from the focused field until the focus comes back to it; the fields it stopped at, in order."""
    start = owner(QApplication.focusWidget())
    assert start is not None
    visited = [start]
    for _i in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = owner(QApplication.focusWidget())
        if now is start:
            break
        if now is not None and is_editable(now) and not in_table(now, dialog) and now not in visited:
            visited.append(now)
    return visited


def pages(dialog: QDialog) -> list[tuple[QTabWidget | None, int]]:
    tabs = [t for t in dialog.findChildren(QTabWidget)]
    if not tabs:
        return [(None, 0)]
    return [(tabs[0], i) for i in range(tabs[0].count()) if tabs[0].isTabEnabled(i)]


@pytest.mark.parametrize("kind", (*DIALOGS, *NEW, "badges"))
def test_a_dialog_opens_in_its_first_field_and_tab_follows_what_is_shown(shown, qtbot, kind):
    dialog = shown(kind)
    first = topmost_leftmost(fields_shown(dialog), dialog)
    assert owner(QApplication.focusWidget()) is first, f"{kind}: the cursor is not in {name(first)}"
    for tabs, index in pages(dialog):
        if tabs is not None:
            tabs.setCurrentIndex(index)
            qtbot.wait(10)
        fields = fields_shown(dialog)
        topmost_leftmost(fields, dialog).setFocus(Qt.FocusReason.TabFocusReason)
        visited = walk_tab(qtbot, dialog)
        assert set(visited) == set(fields), f"{kind}, tab {index}: Tab misses {set(fields) - set(visited)}"
        assert out_of_reading_order(visited, dialog) == [], f"{kind}, tab {index}: {[name(w) for w in visited]}"


def test_the_new_member_form_takes_the_name_typed_at_once(shown, qtbot):
    dialog = shown("new member")
    qtbot.keyClicks(QApplication.focusWidget(), "Nguyen Van Binh")
    assert dialog.form.widgets["full_name"].text() == "Nguyen Van Binh"


def test_tab_order_of_the_member_and_candidate_forms(shown, qtbot):
    """The orders named in the closing note of issue 14: the member form down its left column, then its right."""
    member = shown("new member")
    assert [name(w) for w in walk_tab(qtbot, member)][:3] == ["full_name", "birth_date", "gender"]
    assert [name(w) for w in walk_tab(qtbot, member)][8:10] == ["personal_id", "position"]
    candidate = shown("new candidate")
    visited = walk_tab(qtbot, candidate)
    assert visited[0] is candidate.name and visited[1] is candidate.birth and visited[-1] is candidate.notes


@pytest.mark.parametrize("how", ("tab", "click"))
def test_a_time_field_takes_typing_at_once(shown, qtbot, how):
    dialog = shown("new meeting")
    start: QTimeEdit = dialog.start
    if how == "tab":
        dialog.kind.setFocus()
        while owner(QApplication.focusWidget()) is not start:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    else:
        qtbot.mouseClick(start, Qt.MouseButton.LeftButton, pos=QPoint(start.width() - 30, start.height() // 2))
    qtbot.wait(20)
    qtbot.keyClicks(QApplication.focusWidget(), "0800")
    assert start.time() == QTime(8, 0)


@pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP, extend=True)
def test_after_adding_a_speaker_typing_goes_into_the_new_name(shown, qtbot):
    from PySide6.QtWidgets import QPushButton

    from tests.ui.helpers import type_text

    dialog = shown("meeting")
    dialog.tabs.setCurrentIndex(2)
    rows = dialog.speakers.rowCount()
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Thêm người phát biểu")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert dialog.speakers.rowCount() == rows + 1
    editor = QApplication.focusWidget()
    type_text(editor, "Phạm Khách Mời")  # a guest, typed in full; the spaces type spaces: no empty rows added
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.speakers.item(rows, 0).text() != "")  # the table commits after the key
    assert dialog.speakers.rowCount() == rows + 1
    assert dialog.speakers.item(rows, 0).text() == "Phạm Khách Mời"
    assert dialog.collect().speakers[-1] == ("Phạm Khách Mời", "")
    dialog.mark_clean()  # closed by the test's end: nothing to ask
