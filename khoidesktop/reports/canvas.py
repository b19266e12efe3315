"""Page decorations: "Trang x/y" on every page (a canvas that holds the pages until the total is known)
and the training watermark."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from khoidesktop.reports.fonts import BOLD, REGULAR
from khoidesktop.reports.styles import SIZES

FOOTER_Y = 10 * mm  # inside the 20 mm bottom margin
WATERMARK_GREY = Color(0.86, 0.86, 0.86)
WATERMARK_MAX_SIZE = 72


class NumberedCanvas(Canvas):
    """Keeps each finished page until `save`, then stamps "page x of y" on all of them.

    `page_label(page, pages)` gives the text; `pages` (after save) is the page count."""

    # The arguments are reportlab's Canvas's, passed on as its doc template gives them.
    def __init__(self, *args: Any, page_label: Callable[[int, int], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._page_states: list[dict[str, Any]] = []  # each page's state: the canvas's attributes
        self.pages = 0

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own method, missing from its stubs

    def save(self) -> None:
        states, total = self._page_states, len(self._page_states)
        for number, state in enumerate(states, start=1):
            self.__dict__.update(state)  # the page as it was when finished (this resets self.pages)
            self._draw_page_label(number, total)
            super().showPage()
        self._page_states, self.pages = [], total
        super().save()

    def _draw_page_label(self, number: int, total: int) -> None:
        width, _height = self._pagesize  # type: ignore[attr-defined]  # reportlab's attribute, not in its stubs
        self.saveState()
        self.setFont(REGULAR, SIZES.footer)
        self.setFillColorRGB(0, 0, 0)
        self.drawCentredString(width / 2, FOOTER_Y, self._page_label(number, total))
        self.restoreState()


def draw_watermark(canvas: Canvas, text: str) -> None:
    """A large light-grey diagonal text across the page, drawn before (under) the page's content."""
    width, height = canvas._pagesize  # type: ignore[attr-defined]  # reportlab's attribute, not in its stubs
    angle = math.degrees(math.atan2(height, width))
    room = 0.75 * math.hypot(width, height)
    size = min(WATERMARK_MAX_SIZE, WATERMARK_MAX_SIZE * room / stringWidth(text, BOLD, WATERMARK_MAX_SIZE))
    canvas.saveState()
    canvas.setFillColor(WATERMARK_GREY)
    canvas.setFont(BOLD, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()
