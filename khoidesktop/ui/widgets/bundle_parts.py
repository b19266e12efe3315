"""The named lists a bundle may hold besides its counts, each chosen with a box (none by default), and the line
saying what the bundle will hold ("Gói này chứa: …"), kept in step with the boxes."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from khoidesktop.exchange.parts import NAMED_PARTS, PART_LABELS, contents_text
from khoidesktop.i18n import _


class BundleParts(QWidget):
    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for name in NAMED_PARTS[role]:
            box = QCheckBox(_("Include {what}").format(what=_(PART_LABELS[name])), self)
            box.setObjectName(f"include_{name}")
            box.toggled.connect(self._show_contents)
            layout.addWidget(box)
            self.boxes[name] = box
        self.contents = QLabel(self)
        self.contents.setWordWrap(True)
        layout.addWidget(self.contents)
        self._show_contents()

    def named(self) -> tuple[str, ...]:
        """The lists chosen, in the order offered."""
        return tuple(name for name, box in self.boxes.items() if box.isChecked())

    def _show_contents(self) -> None:
        self.contents.setText(_("The bundle holds: {what}.").format(what=contents_text(self.named())))
