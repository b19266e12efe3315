"""The page base class: a title, an optional subtitle, `refresh()` when shown, `data_changed` after a save."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from khoidesktop.context import AppContext


class Page(QWidget):
    slug = ""  # file name stem for screenshots, e.g. "tong-quan": set from its PageSpec (ui/pages/registry.py)
    data_changed = Signal()  # the page changed data other parts show (the window title, other pages)

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = title
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(28, 22, 28, 22)
        self.layout_.setSpacing(14)
        heading = QLabel(title, self)
        heading.setObjectName("pageTitle")
        self.layout_.addWidget(heading)

    def subtitle(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("pageSubtitle")
        label.setWordWrap(True)
        self.layout_.addWidget(label)
        return label

    def refresh(self) -> None:
        """Reload what the page shows from the open data file."""
