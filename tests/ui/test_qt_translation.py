"""Qt's own strings (standard buttons, edit menu) read in Vietnamese."""

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit


def test_standard_buttons_are_vietnamese(khoi_app, qtbot):
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
    )
    qtbot.addWidget(box)
    texts = {
        box.button(b).text() for b in (QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Save)
    }
    assert texts == {"Hủy", "Lưu"}


def test_the_edit_menu_of_a_text_field_is_vietnamese(khoi_app, qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert {"Hoàn tác", "Cắt", "Sao chép", "Dán", "Chọn tất cả"} <= set(texts)
    menu.deleteLater()
