"""A page not built yet: says, in Vietnamese, what it will hold."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui.pages.base import Page


class PlaceholderPage(Page):
    def __init__(self, ctx: AppContext, title: str, intro: str, items: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(intro)
        body = QLabel(self)
        body.setWordWrap(True)
        bullets = "".join(f"<li style='margin-bottom:6px'>{item}</li>" for item in items)
        heading = _("This page will hold:")
        later = _("It is being built and comes in a next version.")
        body.setText(f"<p><b>{heading}</b></p><ul>{bullets}</ul><p style='color:#52606d'>{later}</p>")
        self.layout_.addWidget(body)
        self.layout_.addStretch(1)
