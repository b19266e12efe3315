"""The Qt implementation of the Prompts seam (context.Prompts): message boxes and file dialogs."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget


class QtPrompts:
    def _parent(self) -> QWidget | None:
        return QApplication.activeWindow()

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent(), title, text)

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent(), title, text)

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self._parent(), title, text)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self._parent(), title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def open_file(self, title: str, file_filter: str) -> Path | None:
        name, _selected = QFileDialog.getOpenFileName(self._parent(), title, "", file_filter)
        return Path(name) if name else None

    def open_files(self, title: str, file_filter: str) -> list[Path]:
        names, _selected = QFileDialog.getOpenFileNames(self._parent(), title, "", file_filter)
        return [Path(name) for name in names]

    def save_file(self, title: str, suggested: str, file_filter: str) -> Path | None:
        name, _selected = QFileDialog.getSaveFileName(self._parent(), title, suggested, file_filter)
        return Path(name) if name else None
