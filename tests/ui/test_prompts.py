"""The Qt prompts show texts as plain text: a name read from a file cannot dress a question up as markup."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from khoidesktop.ui.prompts import QtPrompts
from tests.ui.helpers import when_modal


def test_a_question_shows_markup_as_it_is_and_answers_no_by_default(khoi_app):
    seen = {}

    def answer(box: QMessageBox) -> None:
        seen["format"], seen["text"] = box.textFormat(), box.text()
        seen["default"] = box.defaultButton().text().replace("&", "")
        box.defaultButton().click()

    when_modal(QMessageBox, answer)
    spoof = "<b>519D 36B4</b><!--"
    assert QtPrompts().confirm("Xác nhận", f"Chi bộ {spoof}") is False
    assert seen == {"format": Qt.TextFormat.PlainText, "text": f"Chi bộ {spoof}", "default": "Không"}
