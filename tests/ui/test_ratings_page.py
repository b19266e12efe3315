from PySide6.QtCore import Qt

from khoidesktop.ratings.records import rating_rows
from khoidesktop.ui.dialogs.rating_dialog import RatingDialog
from tests.ui.helpers import english_on_screen, when_modal


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
