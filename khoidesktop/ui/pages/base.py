"""The page base class: a title, an optional subtitle, `refresh()` when shown, `data_changed` after a save,
`may_leave()` before the window shows another page or closes, and the targets of the window's shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from khoidesktop.context import AppContext

# The widgets the window's shortcuts act on, by the names every page gives them: Ctrl+F puts the cursor in the
# page's search field, Ctrl+N presses its "new" button, Ctrl+P its print button (ui/window_menu.py).
SEARCH, NEW, PRINT = "search", "add_button", "print_button"


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

    def may_leave(self, then: Callable[[], object]) -> bool:
        """True: the window may show another page, open another file or close now (nothing typed here is left
        unsaved, or the user dropped it). False: it stays; a page that saves first calls `then()` once saved."""
        return True

    def shortcut_target(self, name: str) -> QWidget | None:
        """The page's SEARCH field, NEW or PRINT button, if it has one that can be used now."""
        target = getattr(self, name, None)
        if isinstance(target, QWidget) and target.isVisibleTo(self) and target.isEnabled():
            return target
        return None
