from PySide6.QtCore import Qt

from khoidesktop.ratings.records import rating_rows
from khoidesktop.ui.dialogs.rating_dialog import RatingDialog
from tests.ui.helpers import english_on_screen, settle, when_modal


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
    assert page.table.item(index, 2).text() == "Hoàn thành nhiệm vụ"
    assert page.table.item(index, 3).text() == "65"
    page.tabs.setCurrentIndex(1)
    headers = [page.compare.horizontalHeaderItem(c).text() for c in range(page.compare.columnCount())]
    assert headers == ["Họ và tên", "2021", "2022", "2023", "2024", "2025"]
    page.year.setValue(2024)
    assert "124-QĐ/TW" in page.rules_label.text()


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
