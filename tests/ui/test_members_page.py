"""The member page driven as a user drives it."""

from datetime import date

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.models import Member
from khoidesktop.ui.dialogs.import_dialog import ImportPreviewDialog
from khoidesktop.ui.dialogs.member_dialog import MemberDialog
from tests.conftest import FIXED_NOW
from tests.ui.helpers import dialogs_opened, double_click_row, english_on_screen, settle, type_text, when_modal


@pytest.fixture
def page(window, store):
    with store.session() as s, s.begin():
        for name, born, status, card in (
            ("Nguyễn Văn Định", date(1975, 4, 12), "official", "00123456"),
            ("Trần Thị Hà", date(1988, 10, 2), "official", "01234567"),
            ("Lê Hải", date(1990, 1, 30), "probationary", None),
            ("Phạm Đình Hanh", date(1980, 6, 1), "transferred_out", "07777777"),
        ):
            add_member(s, MemberData(name, born, status=status, card_number=card), now=FIXED_NOW, actor="t")
    window.set_store(store)
    window.sidebar.setCurrentRow(1)
    members = window.page("dang-vien")
    assert window.stack.currentWidget() is members
    return members


def shown_names(page) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_list_in_vietnamese_order_with_accent_free_search_and_status_filter(page, qtbot):
    assert shown_names(page) == ["Nguyễn Văn Định", "Trần Thị Hà", "Lê Hải"]  # Đ < H; Hà < Hải
    assert page.count_label.text() == "Hiển thị 3/4"
    type_text(page.search, "dinh")
    assert shown_names(page) == ["Nguyễn Văn Định"]
    page.search.clear()
    type_text(page.search, "01234567")
    assert shown_names(page) == ["Trần Thị Hà"]
    page.search.clear()
    page.status_filter.setCurrentIndex(1)  # everyone, including those who left
    assert "Phạm Đình Hanh" in shown_names(page)
    page.status_filter.setCurrentIndex(page.status_filter.findText("Dự bị"))
    assert shown_names(page) == ["Lê Hải"]
    assert english_on_screen(page.window()) == []


def test_sorting_by_a_column_and_back_by_name(page):
    header = page.table.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # date of birth
    assert shown_names(page) == ["Nguyễn Văn Định", "Trần Thị Hà", "Lê Hải"]
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert shown_names(page) == ["Lê Hải", "Trần Thị Hà", "Nguyễn Văn Định"]
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert shown_names(page) == ["Nguyễn Văn Định", "Trần Thị Hà", "Lê Hải"]


def test_columns_chosen_by_the_user_are_remembered(page, ctx):
    work_unit = next(a for a in page.columns_menu.actions() if a.text() == "Đơn vị công tác")
    assert page.table.isColumnHidden(work_unit.data())
    work_unit.setChecked(True)
    assert not page.table.isColumnHidden(work_unit.data())
    assert "work_unit" in ctx.settings.get("member_columns").split(",")


def test_add_a_member_through_the_form(page, qtbot, store):
    def fill(dialog: MemberDialog):
        assert english_on_screen(dialog) == []
        type_text(dialog.form.widgets["full_name"], "Hoàng Thị Ánh")
        type_text(dialog.form.widgets["birth_date"], "31/02/1990")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert "không phải là ngày có thật" in dialog.message.text()
        assert dialog.form.widgets["birth_date"].property("invalid") is True
        dialog.form.widgets["birth_date"].clear()
        type_text(dialog.form.widgets["birth_date"], "03/02/1990")
        type_text(dialog.form.widgets["admitted_on"], "19/05/2026")  # on probation until 19/05/2027
        assert dialog.form.widgets["official_on"].text() == ""  # no official date suggested before its day
        type_text(dialog.form.widgets["card_number"], "01234567")  # already Hà's
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        settle(qtbot)  # the check runs with the write, off the window's thread
        assert "01234567 đã thuộc về" in dialog.message.text()
        dialog.form.widgets["card_number"].clear()
        type_text(dialog.form.widgets["card_number"], "00999999")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_modal(MemberDialog, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "Hoàng Thị Ánh" in shown_names(page)
    with store.session() as s:
        m = s.scalars(select(Member).where(Member.card_number == "00999999")).one()
        assert (m.full_name, m.birth_date, m.status) == ("Hoàng Thị Ánh", date(1990, 2, 3), "probationary")


def test_add_a_member_by_keyboard_official_date_suggested_gender_typed(page, qtbot, store):
    """Issue 14: adding a member in fewer clicks (docs/CLICKS.md). Ctrl+N opens the form in “Họ và tên”; Tab goes on
    and a date field takes typing at once; the gender is picked by typing its start (“nu”: Nữ); “Ngày chính thức” is
    suggested 12 months after “Ngày vào Đảng” (the probation, DOMAIN.md) and a date typed there is kept; Enter saves."""
    seen: dict[str, object] = {}

    def fill(dialog: MemberDialog):
        form = dialog.form
        qtbot.waitUntil(lambda: QApplication.focusWidget() is form.widgets["full_name"], timeout=5000)
        type_text(QApplication.focusWidget(), "Hoàng Thị Ánh")
        for typed in ("03/02/1990", "nu"):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            type_text(QApplication.focusWidget(), typed)
        seen["gender"] = form.widgets["gender"].value()
        official, admitted = form.widgets["official_on"], form.widgets["admitted_on"]
        while QApplication.focusWidget() is not admitted:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        type_text(admitted, "29/02/2024")
        seen["suggested"] = official.text()
        admitted.clear()
        type_text(admitted, "19/05/2020")  # a correction: the suggestion follows
        seen["corrected"] = official.text()
        qtbot.keyClick(admitted, Qt.Key.Key_Return)

    when_modal(MemberDialog, fill)
    page.setFocus()
    qtbot.keyClick(page.window(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert seen == {"gender": "female", "suggested": "28/02/2025", "corrected": "19/05/2021"}
    with store.session() as s:
        m = s.scalars(select(Member).where(Member.full_name == "Hoàng Thị Ánh")).one()
        assert (m.gender, m.admitted_on, m.official_on, m.status) == (
            "female",
            date(2020, 5, 19),
            date(2021, 5, 19),
            "official",
        )


def test_an_official_date_typed_is_never_replaced_by_the_suggestion(page, qtbot):
    dialog = MemberDialog(page.ctx, None, page)
    qtbot.addWidget(dialog)
    form = dialog.form
    type_text(form.widgets["official_on"], "01/09/2021")
    type_text(form.widgets["admitted_on"], "19/05/2020")
    assert form.widgets["official_on"].text() == "01/09/2021"
    qtbot.mouseClick(form.widgets["gender"].buttons["male"], Qt.MouseButton.LeftButton)  # one click
    assert form.data()[0].gender == "male"
    dialog.mark_clean()


def edit_in_dialog(page, qtbot, name: str, field: str, text: str) -> None:
    def edit(dialog: MemberDialog):
        widget = dialog.form.widgets[field]
        widget.clear()
        type_text(widget, text)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_modal(MemberDialog, edit)
    double_click_row(qtbot, page.table, shown_names(page).index(name))
    settle(qtbot)


def test_edit_then_undo_the_last_edit(page, qtbot, store, ctx):
    edit_in_dialog(page, qtbot, "Trần Thị Hà", "position", "Kế toán trưởng")
    with store.session() as s:
        assert s.scalars(select(Member.position).where(Member.full_name == "Trần Thị Hà")).one() == "Kế toán trưởng"
        # official without an official date typed (as imported): editing the position leaves the status alone
        assert s.scalars(select(Member.status).where(Member.full_name == "Trần Thị Hà")).one() == "official"
    assert page.undo_button.isEnabled()
    assert page.undo_button.toolTip() == "Hoàn tác: sửa Chức vụ của Trần Thị Hà"
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert ctx.prompts.shown[-1][2].startswith("Hoàn tác: sửa Chức vụ của Trần Thị Hà.")
    with store.session() as s:
        assert s.scalars(select(Member.position).where(Member.full_name == "Trần Thị Hà")).one() == ""
    assert not page.undo_button.isEnabled()


def test_two_fields_in_two_saves_undo_takes_back_only_the_last(page, qtbot, store, ctx):
    edit_in_dialog(page, qtbot, "Trần Thị Hà", "position", "Kế toán trưởng")
    edit_in_dialog(page, qtbot, "Nguyễn Văn Định", "work_unit", "Phòng Kế hoạch")
    assert page.undo_button.toolTip() == "Hoàn tác: sửa Đơn vị công tác của Nguyễn Văn Định"
    ctx.prompts.confirmations.append(True)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    with store.session() as s:
        rows = dict(s.execute(select(Member.full_name, Member.position)).all())
        units = dict(s.execute(select(Member.full_name, Member.work_unit)).all())
    assert rows["Trần Thị Hà"] == "Kế toán trưởng"  # the older edit stays
    assert units["Nguyễn Văn Định"] == ""
    assert not page.undo_button.isEnabled()  # one undo: the older edit is not undone next


def test_a_change_after_the_edit_makes_undo_unavailable(page, qtbot, store, ctx):
    edit_in_dialog(page, qtbot, "Trần Thị Hà", "position", "Kế toán trưởng")
    assert page.undo_button.isEnabled()

    def record(dialog: MemberDialog):
        history = dialog.history
        history.kind.set_value("badge")
        type_text(history.on_date, "01/06/2025")
        qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
        dialog.reject()

    when_modal(MemberDialog, record)
    double_click_row(qtbot, page.table, shown_names(page).index("Lê Hải"))
    settle(qtbot)
    assert not page.undo_button.isEnabled()  # the last change is now the event, not the edit
    with store.session() as s:
        assert s.scalars(select(Member.position).where(Member.full_name == "Trần Thị Hà")).one() == "Kế toán trưởng"


def test_record_an_event_in_the_history(page, qtbot, store):
    row = shown_names(page).index("Lê Hải")

    def record(dialog: MemberDialog):
        dialog.tabs.setCurrentIndex(1)
        history = dialog.history
        history.kind.set_value("transfer_out")
        type_text(history.on_date, "01/10/2026")
        type_text(history.document, "45-QĐ/ĐU")
        dialog.ctx.prompts.confirmations.append(True)  # it changes the status: asked first
        qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
        assert history.table.rowCount() == 1
        assert "tình trạng: Đã chuyển sinh hoạt đi" in dialog.heading.text()
        dialog.reject()

    when_modal(MemberDialog, record)
    double_click_row(qtbot, page.table, row)
    assert "Lê Hải" not in shown_names(page)  # left the list, kept in history
    with store.session() as s:
        assert s.scalars(select(Member.status).where(Member.full_name == "Lê Hải")).one() == "transferred_out"


def test_import_from_excel_with_preview(page, ctx, qtbot, tmp_path, store):
    path = tmp_path / "moi.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên", "Ngày sinh", "Giới tính", "Số thẻ đảng viên"])
    book.active.append(["Đinh Thị Yến", "02/09/1992", "Nữ", "00555555"])
    book.active.append(["Trần Thị Hà", "02/10/1988", "Nữ", "01234567"])
    book.save(path)
    ctx.prompts.files.append(path)
    seen = {}

    def accept(dialog: ImportPreviewDialog):
        seen["enabled"] = dialog.import_button.isEnabled()
        seen["english"] = english_on_screen(dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_modal(ImportPreviewDialog, accept)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _t, _m in ctx.prompts.shown), timeout=10_000)
    assert seen == {"enabled": True, "english": []}
    assert ctx.prompts.shown[-1][2] == "Đã nhập: 1 đảng viên thêm mới, 1 đảng viên cập nhật."
    assert "Đinh Thị Yến" in shown_names(page)
    with store.session() as s:
        assert s.scalars(select(Member.gender).where(Member.full_name == "Trần Thị Hà")).one() == "female"


def test_a_rejected_import_writes_nothing(page, ctx, qtbot, tmp_path, store):
    path = tmp_path / "sai.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên", "Ngày sinh"])
    book.active.append(["Đinh Thị Yến", "31/02/1992"])
    book.save(path)
    ctx.prompts.files.append(path)
    seen = {}

    def look(dialog: ImportPreviewDialog):
        seen["enabled"] = dialog.import_button.isEnabled()
        dialog.reject()

    when_modal(ImportPreviewDialog, look)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "enabled" in seen, timeout=10_000)
    QApplication.processEvents()
    assert seen["enabled"] is False
    with store.session() as s:
        assert s.scalars(select(Member).where(Member.full_name == "Đinh Thị Yến")).first() is None


def test_export_writes_the_shown_members(page, ctx, qtbot, tmp_path):
    target = tmp_path / "ds.xlsx"
    ctx.prompts.files.append(target)
    ctx.prompts.confirmations.append(False)  # do not open it
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: any(kind == "confirm" for kind, _t, _m in ctx.prompts.shown), timeout=10_000)
    from openpyxl import load_workbook

    names = [row[0] for row in load_workbook(target).active.iter_rows(min_row=2, values_only=True)]
    assert names == ["Nguyễn Văn Định", "Trần Thị Hà", "Lê Hải"]


def test_badges_dialog(page, qtbot, store):
    from khoidesktop.ui.dialogs.badges_dialog import BadgesDialog

    with store.session() as s, s.begin():
        add_member(
            s,
            MemberData("Võ Văn Kiệt", admitted_on=date(1996, 3, 3), official_on=date(1997, 3, 3)),
            now=FIXED_NOW,
            actor="t",
        )
    seen = {}

    def look(dialog: BadgesDialog):
        seen["rows"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        seen["badge"] = dialog.table.item(0, 2).text()
        dialog.accept()

    when_modal(BadgesDialog, look)
    qtbot.mouseClick(page.badges_button, Qt.MouseButton.LeftButton)
    assert seen == {"rows": ["Võ Văn Kiệt"], "badge": "Huy hiệu 30 năm tuổi Đảng"}


def test_a_double_click_opens_one_record_the_one_clicked(page, qtbot, store):
    """Issue 14, item 3: a double-click opened two records, the second one of another member."""
    for name in ("Trần Thị Hà", "Nguyễn Văn Định"):
        row = shown_names(page).index(name)
        opened = dialogs_opened(qtbot, MemberDialog, lambda row=row: double_click_row(qtbot, page.table, row))
        with store.session() as s:
            wanted = s.scalars(select(Member.id).where(Member.full_name == name)).one()
        assert [d.member_id for d in opened] == [wanted]
    row = shown_names(page).index("Lê Hải")
    page.table.setCurrentIndex(page.proxy.index(row, 0))
    page.table.setFocus()
    opened = dialogs_opened(qtbot, MemberDialog, lambda: qtbot.keyClick(page.table, Qt.Key.Key_Return))
    assert [d.windowTitle() for d in opened] == ["Hồ sơ đảng viên"] and len(opened) == 1
