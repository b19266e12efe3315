"""The Nhiệm kỳ page's "Đại biểu dự Đại hội cấp trên", used as a secretary would: a delegate added from a member
(their record fills the form), one typed by hand, a bad date refused in Vietnamese; the structure below agrees with
`delegates list --json`; at a level above, "Đoàn đại biểu từ các đơn vị" sums the units' lists."""

from __future__ import annotations

import json
import os
from pathlib import Path

from khoidesktop.cli import main
from khoidesktop.ui.dialogs.delegate_dialog import DelegateDialog
from tests.terms.helpers import ensure_term
from tests.ui.helpers import english_on_screen, settle, type_text, when_modal

SHOTS = Path(os.environ.get("KHOI_SHOTS", "")) if os.environ.get("KHOI_SHOTS") else None


def test_delegates_added_from_a_member_and_by_hand_and_their_structure(qtbot, window, demo_store, ctx, capsys):
    ensure_term(demo_store)
    window.set_store(demo_store)
    window.resize(1366, 768)
    page = window.go_to("nhiem-ky")
    section = page.delegates
    assert section.isVisible() and not section.view.isVisible()  # a cell has no units to sum

    def from_member(dialog: DelegateDialog) -> None:
        dialog.member.setCurrentIndex(1)
        dialog.member.activated.emit(1)
        assert dialog.full_name.text() == dialog.member.itemText(1) and dialog.member_id is not None
        dialog.save_button.click()

    when_modal(DelegateDialog, from_member)
    section.add_button.click()
    settle(qtbot)

    def by_hand(dialog: DelegateDialog) -> None:
        type_text(dialog.full_name, "Hoàng Thị Mai")
        dialog.gender.set_value("female")
        dialog.birth_date.setText("31/02/1990")
        dialog.save_button.click()
        assert dialog.isVisible() and "Ngày sinh:" in dialog.message.text()
        dialog.birth_date.setText("12/03/1990")
        dialog.ethnicity.setText("Tày")
        dialog.kind.set_value("alternate")
        if SHOTS:
            dialog.grab().save(str(SHOTS / "delegate-dialog.png"))
        dialog.save_button.click()

    when_modal(DelegateDialog, by_hand)
    section.add_button.click()
    settle(qtbot)
    assert section.table.rowCount() == 2 and section.table.column_texts(1)[1] == "Hoàng Thị Mai"
    assert section.table.column_texts(2) == ["Chính thức", "Dự khuyết"]
    demo_store.close()
    assert main(["--db", str(demo_store.path), "delegates", "list", "--json"], ctx) == 0
    listed = json.loads(capsys.readouterr().out)
    structure = listed["structure"]
    assert section.structure.column_texts(1) == [str(structure["total"]), "100%"]
    assert section.structure.item(0, 2).text() == str(structure["women"]["count"])
    assert english_on_screen(window) == []
    if SHOTS:
        page.grab().save(str(SHOTS / "term-page-delegates.png"))


def test_a_level_above_sees_the_delegation_from_its_units(qtbot, window, grassroots_demo):
    window.set_store(grassroots_demo)
    page = window.go_to("nhiem-ky")
    if page.term_id is None:
        ensure_term(grassroots_demo)
        page.refresh()
    section = page.delegates
    assert section.view.isVisible()
    section.view.setCurrentIndex(1)
    settle(qtbot)
    assert section.units.isVisible() and not section.add_button.isVisible()
    assert english_on_screen(window) == []


def test_the_dialog_refuses_a_delegate_without_a_name(qtbot, window, demo_store):
    term_id = ensure_term(demo_store)
    window.set_store(demo_store)
    dialog = DelegateDialog(window.ctx, term_id, None, window)
    dialog.show()
    dialog.save_button.click()
    settle(qtbot)
    assert dialog.isVisible() and "Hãy ghi họ và tên đại biểu" in dialog.message.text()
