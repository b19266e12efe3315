"""One message style for the whole window: success (green), warning (amber), error (red), set by what the message
is, never by the label it happens to be shown in (the theme colours the three object names)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

KINDS = {"ok": "okText", "warning": "warningText", "error": "errorText"}


class MessageLabel(QLabel):
    """A label for the outcome of an action; it keeps its height when empty, so nothing below it moves."""

    def __init__(self, parent: QWidget | None = None, lines: int = 1, kind: str = "") -> None:
        """`kind`: the style of what plain setText shows (a label that only ever reports refusals: "error")."""
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(lines * self.fontMetrics().lineSpacing())
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # in its reserved room, from the top
        self.kind = ""
        if kind:
            self.say("", kind)

    def say(self, text: str, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self.setObjectName(KINDS[kind])
            self.style().unpolish(self)
            self.style().polish(self)
        self.setText(text)

    def ok(self, text: str) -> None:
        self.say(text, "ok")

    def warn(self, text: str) -> None:
        self.say(text, "warning")

    def error(self, text: str) -> None:
        self.say(text, "error")
