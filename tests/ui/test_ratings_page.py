from PySide6.QtCore import Qt

from khoidesktop.domain.rating_rules import LEVELS
from khoidesktop.ratings.records import rating_rows
from khoidesktop.ui.dialogs.rating_dialog import RatingDialog
from khoidesktop.ui.models.rating_grid import column_of
from tests.ui.helpers import english_on_screen, settle, type_text, when_modal


def test_rating_page_on_the_training_data(window, demo_store, qtbot):
    window.set_store(demo_store)
    window.sidebar.setCurrentRow(3)
    page = window.page("danh-gia-xep-loai")
    page.year.setValue(2025)
    assert "366-QĐ/TW" in page.rules_label.text()
    assert "được tối đa" in page.cap_label.text()
    assert english_on_screen(window) == []
    with demo_store.session() as s:
        excluded = sum(1 for r in rating_rows(s, 2025) if r.exclusion)
    assert excluded and all(r.exclusion for r in page.rows[-excluded:])  # the members not rated come last
    index = 0

    def rate(dialog: RatingDialog):
        assert english_on_screen(dialog) == []
        dialog.level.set_value("HTNV")
        dialog.score.setValue(65)
        assert "Hoàn thành nhiệm vụ" in dialog.suggested.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_modal(RatingDialog, rate)
    page.open_rating(index)
    model = page.grid.model
    assert model.index(index, column_of("level")).data() == "Hoàn thành nhiệm vụ"
    assert model.index(index, column_of("score")).data() == "65"
    compare = page.compare.model()
    assert compare.rowCount() == 0  # read when its tab is first shown
    page.tabs.setCurrentIndex(1)
    assert compare.rowCount() == len(page.rows) + len(LEVELS)  # a member a row, then the share of each level
    assert compare.index(0, 0).data() in {r.member.full_name for r in page.rows}
    headers = [compare.headerData(c, Qt.Orientation.Horizontal) for c in range(compare.columnCount())]
    assert headers == ["Họ và tên", "2021", "2022", "2023", "2024", "2025"]
    page.year.setValue(2024)
    assert "124-QĐ/TW" in page.rules_label.text()
    assert compare.headerData(compare.columnCount() - 1, Qt.Orientation.Horizontal) == "2024"  # shown: read again


def test_the_rating_dialog_asks_the_qd366_facts(window, demo_store, qtbot):
    """QĐ 366 asks whether the previous review's shortcomings were remedied (RuleSet.excellent_needs_remedied) and
    whether the member violated what members must not do (AUTOMATIC["violation"]), with the self-reported exception;
    a 2024 rating (QĐ 124) does not ask the first."""
    window.set_store(demo_store)
    with demo_store.session() as s:
        row = next(r for r in rating_rows(s, 2025) if not r.exclusion)
        old = next(r for r in rating_rows(s, 2024) if not r.exclusion)
    dialog = RatingDialog(window.ctx, 2025, row, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.remedied.isVisible() and dialog.remedied.isChecked()
    dialog.level.set_value("HTXSNV")
    dialog.score.setValue(95)
    dialog.exceeding.setValue(40)
    dialog.remedied.setChecked(False)
    dialog.violation.setChecked(True)
    dialog.save_button.click()
    settle(qtbot)
    with demo_store.session() as s:
        saved = next(r for r in rating_rows(s, 2025) if r.member.id == row.member.id)
    assert saved.rating is not None and not saved.rating.shortcomings_remedied and saved.rating.violation
    assert saved.automatic == ["violation"]
    assert len(saved.flags) == 1 and "vi phạm những điều đảng viên không được làm" in saved.flags[0]
    earlier = RatingDialog(window.ctx, 2024, old, window)
    qtbot.addWidget(earlier)
    earlier.show()
    assert not earlier.remedied.isVisible() and earlier.violation.isVisible()


def test_level_due_in_the_grid_a_fact_ticked_after_the_score_lowers_the_level(window, demo_store, qtbot):
    """The grid's level from a score follows the one rule (ratings.records.due_level, domain level_due): a fact that
    caps the level lowers it when ticked after the score, and the row is then not listed under “Cần xem lại”; the
    rating dialog shows the same level as its facts are ticked."""
    window.set_store(demo_store)
    window.resize(1366, 768)
    window.sidebar.setCurrentRow(3)
    page = window.page("danh-gia-xep-loai")
    page.year.setValue(2025)
    view, model = page.grid.view, page.grid.model
    row = next(i for i, r in enumerate(model.rows) if not r.exclusion and not r.disciplined)
    member_id = model.rows[row].member.id
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    view.setFocus()
    Key = Qt.Key

    def level() -> str:
        return model.index(row, column_of("level")).data()

    def tick(field: str) -> None:
        view.setCurrentIndex(model.index(row, column_of(field)))
        type_keys(qtbot, [Key.Key_Space])
        qtbot.waitUntil(lambda: not page.grid.busy, timeout=20_000)

    for field in ("violation", "degradation", "tasks_mostly_undone", "fault_self_reported"):
        if model.index(row, column_of(field)).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked:
            tick(field)  # a clean start: no ground for KHTNV
    for field in ("all_on_time", "all_done", "shortcomings_remedied"):
        if model.index(row, column_of(field)).data(Qt.ItemDataRole.CheckStateRole) != Qt.CheckState.Checked:
            tick(field)
    for field, typed in (("exceeding_percent", "40"), ("score", "95")):
        view.setCurrentIndex(model.index(row, column_of(field)))
        type_keys(qtbot, [typed, Key.Key_Return])
        qtbot.waitUntil(lambda: not page.grid.busy, timeout=20_000)
    assert level() == "Hoàn thành xuất sắc nhiệm vụ"
    tick("all_on_time")  # a task not done on time, after the score: not above “Hoàn thành nhiệm vụ”
    assert level() == "Hoàn thành nhiệm vụ"
    row = next(i for i, r in enumerate(model.rows) if r.member.id == member_id)  # as saved and read again
    assert level() == "Hoàn thành nhiệm vụ" and model.rows[row].flags == []  # nothing to check again
    tick("all_on_time")  # ticked again: the level that followed the rule follows it back
    assert level() == "Hoàn thành xuất sắc nhiệm vụ"
    tick("degradation")
    assert level() == "Không hoàn thành nhiệm vụ"
    tick("degradation")
    assert level() == "Hoàn thành xuất sắc nhiệm vụ"
    assert page.grid.message.text() == ""

    dialog = RatingDialog(window.ctx, 2025, model.rows[row], window)
    qtbot.addWidget(dialog)
    assert dialog.suggested.text() == "Theo điểm: “Hoàn thành xuất sắc nhiệm vụ”"
    dialog.on_time.setChecked(False)  # shown live, before saving
    assert "“Hoàn thành nhiệm vụ”" in dialog.suggested.text()
    dialog.mark_clean()


def type_keys(qtbot, keys) -> None:
    """Keys as a user presses them, one by one, each to the widget that has the focus then (the grid, then the
    cell's editor), the window's events handled between two keys."""
    from PySide6.QtWidgets import QApplication

    for key in keys:
        for one in key if isinstance(key, str) else [key]:
            target = QApplication.focusWidget()
            if isinstance(one, str):
                type_text(target, one)
            else:
                qtbot.keyClick(target, one)
            qtbot.wait(15)


def saved_ratings(store, year):
    from sqlalchemy import func, select

    from khoidesktop.store.models import AuditEntry

    with store.session() as s:
        ratings = {r.member.id: r.rating for r in rating_rows(s, year) if not r.exclusion}
        audited = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "rating"))
        return {m: (r.level, r.score, r.violation, r.notes) if r else None for m, r in ratings.items()}, audited


def test_rating_in_the_grid_with_the_keyboard(window, demo_store, qtbot):
    """Rate members in the page's grid, keys only: a score typed sets the level QĐ 366 gives (≥ 90 “Hoàn thành xuất
    sắc” with 30 % of the tasks exceeding, ≥ 70 “Hoàn thành tốt”, ≥ 50 “Hoàn thành”), Space ticks a fact (a violation:
    “Không hoàn thành”), each change saved and audited as the dialog saves; a score out of range is refused in
    Vietnamese and nothing is written; Enter opens the dialog."""
    window.set_store(demo_store)
    window.resize(1366, 768)
    window.sidebar.setCurrentRow(3)
    page = window.page("danh-gia-xep-loai")
    page.year.setValue(2025)
    view, model = page.grid.view, page.grid.model
    members = [r.member.id for r in model.rows if not r.exclusion]
    before, audited = saved_ratings(demo_store, 2025)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    view.setFocus()
    view.setCurrentIndex(model.index(0, column_of("score")))
    Key = Qt.Key
    type_keys(qtbot, ["95", Key.Key_Return, Key.Key_Down, "72,5", Key.Key_Return, Key.Key_Down, "55", Key.Key_Tab])
    qtbot.waitUntil(lambda: not page.grid.busy, timeout=20_000)
    view.setCurrentIndex(model.index(1, column_of("violation")))
    type_keys(qtbot, [Key.Key_Space])
    qtbot.waitUntil(lambda: not page.grid.busy, timeout=20_000)
    view.setCurrentIndex(model.index(0, column_of("exceeding_percent")))
    type_keys(qtbot, ["40", Key.Key_Return])  # 95 with 40 % exceeding: excellent
    qtbot.waitUntil(lambda: not page.grid.busy, timeout=20_000)
    view.setCurrentIndex(model.index(0, column_of("notes")))
    type_keys(qtbot, ["Tiêu biểu", Key.Key_Return])
    qtbot.waitUntil(lambda: not page.grid.busy, timeout=20_000)
    after, audited_after = saved_ratings(demo_store, 2025)
    assert after[members[0]] == ("HTXSNV", 95, before[members[0]][2] if before[members[0]] else False, "Tiêu biểu")
    assert after[members[1]][:3] == ("KHTNV", 72.5, True)  # a violation: whatever the score
    assert after[members[2]][:2] == ("HTNV", 55)
    assert {m: v for m, v in after.items() if m not in members[:3]} == {
        m: v for m, v in before.items() if m not in members[:3]
    }
    assert audited_after == audited + 6  # three scores, two facts, a note: each save audited
    assert model.index(1, column_of("level")).data() == "Không hoàn thành nhiệm vụ"
    assert page.grid.message.text() == ""
    assert english_on_screen(window) == []

    view.setCurrentIndex(model.index(3, column_of("score")))
    type_keys(qtbot, ["120", Key.Key_Return])
    qtbot.waitUntil(lambda: not page.grid.busy, timeout=20_000)
    assert "Điểm phải từ 0 đến 100" in page.grid.message.text()
    assert model.rows[3].member.full_name in page.grid.message.text()
    assert saved_ratings(demo_store, 2025) == (after, audited_after)  # nothing written
    shown = before[members[3]][1] if before[members[3]] else None
    assert model.index(3, column_of("score")).data(Qt.ItemDataRole.EditRole) == shown  # the row shows what is saved

    opened = []
    when_modal(RatingDialog, lambda d: (opened.append(d.row.member.id), d.reject()))
    view.setCurrentIndex(model.index(2, column_of("notes")))
    type_keys(qtbot, [Key.Key_Return])
    qtbot.waitUntil(lambda: opened == [members[2]], timeout=5000)
