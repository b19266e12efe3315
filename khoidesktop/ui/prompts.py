"""The Qt implementation of the Prompts seam (context.Prompts): message boxes and file dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore  # QtCore.Qt is looked up when used: making its enums takes ~14 ms, after the first paint
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from khoidesktop.paths import documents_dir

Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton


class QtPrompts:
    def _parent(self) -> QWidget | None:
        return QApplication.activeWindow()

    def _ask(self, icon: Icon, title: str, text: str, buttons: Button, default: Button) -> Button:
        """A message box showing `text` as plain text: names from files (a bundle's cell name …) can never
        turn into markup that dresses the message up."""
        box = QMessageBox(icon, title, text, buttons, self._parent())
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        box.setDefaultButton(default)
        return Button(box.exec())

    def info(self, title: str, text: str) -> None:
        self._ask(Icon.Information, title, text, Button.Ok, Button.Ok)

    def warning(self, title: str, text: str) -> None:
        self._ask(Icon.Warning, title, text, Button.Ok, Button.Ok)

    def error(self, title: str, text: str) -> None:
        self._ask(Icon.Critical, title, text, Button.Ok, Button.Ok)

    def confirm(self, title: str, text: str) -> bool:
        return self._ask(Icon.Question, title, text, Button.Yes | Button.No, Button.No) == Button.Yes

    def ask_unsaved(self, title: str, text: str) -> str:
        """Save, discard or go back: Lưu / Bỏ thay đổi / Hủy (Qt's own buttons, in our Vietnamese catalogue)."""
        answer = self._ask(Icon.Warning, title, text, Button.Save | Button.Discard | Button.Cancel, Button.Save)
        return {Button.Save: "save", Button.Discard: "discard"}.get(answer, "cancel")

    def open_file(self, title: str, file_filter: str) -> Path | None:
        name, _selected = QFileDialog.getOpenFileName(self._parent(), title, str(documents_dir()), file_filter)
        return Path(name) if name else None

    def open_files(self, title: str, file_filter: str) -> list[Path]:
        names, _selected = QFileDialog.getOpenFileNames(self._parent(), title, str(documents_dir()), file_filter)
        return [Path(name) for name in names]

    def save_file(self, title: str, suggested: str, file_filter: str) -> Path | None:
        name, _selected = QFileDialog.getSaveFileName(self._parent(), title, suggested, file_filter)
        return Path(name) if name else None

    def open_folder(self, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(self._parent(), title, str(documents_dir()))
        return Path(name) if name else None

    def ask_passphrase(self, title: str, text: str) -> str | None:
        """The passphrase of an encrypted data file, typed hidden; None when the user cancels."""
        dialog = QInputDialog(self._parent())
        dialog.setWindowTitle(title)
        dialog.setLabelText(text)
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # the file's name is shown as it is
            label.setWordWrap(True)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        hint = QtCore.Qt.InputMethodHint
        dialog.setInputMethodHints(hint.ImhSensitiveData | hint.ImhNoPredictiveText)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.textValue() or None
