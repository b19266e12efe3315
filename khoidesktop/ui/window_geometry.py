"""The main window's size and place: the last ones used on this computer if they still fit a screen, else the
screen's free area (DESIGN.md: the window opens sized to the screen and fits 1366×768 at 125 %).

The minimum fits 1366×768 at 150 % (910×512 device-independent pixels, less the taskbar and the title bar);
what a page needs beyond the window's size is reached by scrolling (main_window.PageScroll).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from khoidesktop.settings import Settings

log = logging.getLogger(__name__)

KEY = "window_geometry"
PREFERRED = QSize(1280, 820)  # the inside of the window, where the screen has room for it
MINIMUM = QSize(880, 420)  # 1366×768 at 150 %: 910×512, less the taskbar (48) and the title bar (32) and border
FRAME_ALLOWANCE = QSize(16, 40)  # a title bar and borders, before the window system says what they are


@dataclass(frozen=True)
class Placement:
    top_left: QPoint  # of the frame (title bar and border included)
    size: QSize  # the inside
    maximized: bool


def place(window: QWidget, settings: Settings) -> bool:
    """Give the window, before it is shown, the last size and place if they fit a current screen, else fit it to
    the free area of the screen it opens on; whether it is to be shown maximized (QWidget.showMaximized: setting
    Qt.WindowState here would make all of Qt's ~90 enums, ~15 ms, before the first paint)."""
    window.setMinimumSize(MINIMUM)
    areas = [screen.availableGeometry() for screen in QGuiApplication.screens()]
    chosen = placement(settings.get(KEY), areas, QGuiApplication.primaryScreen().availableGeometry())
    window.move(chosen.top_left)
    window.resize(chosen.size)
    return chosen.maximized


def placement(kept: str, free_areas: list[QRect], primary: QRect) -> Placement:
    """The kept size and place if the whole frame lies on one screen's free area (a screen unplugged since, or a
    smaller one, and it is not used); else the preferred size centred where the primary screen has room for it
    with its frame, else that screen's whole free area (maximized)."""
    saved = _saved(kept)
    if saved is not None:
        frame, size, maximized = saved
        if any(area.contains(frame) for area in free_areas):
            return Placement(frame.topLeft(), size, maximized)
    outer = QRect(QPoint(0, 0), PREFERRED + FRAME_ALLOWANCE)
    if primary.width() >= outer.width() and primary.height() >= outer.height():
        outer.moveCenter(primary.center())
        return Placement(outer.topLeft(), PREFERRED, False)
    return Placement(primary.topLeft(), (primary.size() - FRAME_ALLOWANCE).expandedTo(MINIMUM), True)


def remember(window: QWidget, settings: Settings) -> None:
    """Keep the window's size and place (when maximized, the size it goes back to) for the next start."""
    normal = window.normalGeometry() if window.isMaximized() else window.geometry()
    inside, outer = window.geometry(), window.frameGeometry()
    left, top = inside.x() - outer.x(), inside.y() - outer.y()
    extra = outer.size() - inside.size()
    value = {
        "x": normal.x() - left,
        "y": normal.y() - top,
        "width": normal.width(),
        "height": normal.height(),
        "frame_width": normal.width() + extra.width(),
        "frame_height": normal.height() + extra.height(),
        "maximized": window.isMaximized(),
    }
    settings.set(KEY, json.dumps(value))


def _saved(text: str) -> tuple[QRect, QSize, bool] | None:
    """The frame's rectangle, the inside's size and whether it was maximized; None when nothing sound is kept."""
    if not text:
        return None
    try:
        value = json.loads(text)
        numbers = [int(value[k]) for k in ("x", "y", "width", "height", "frame_width", "frame_height")]
        maximized = bool(value.get("maximized", False))
    except (ValueError, TypeError, KeyError) as exc:
        log.warning("the window's kept size is unreadable, fitted to the screen instead: %s", exc)
        return None
    x, y, width, height, frame_width, frame_height = numbers
    size = QSize(width, height)
    if size.width() < MINIMUM.width() or size.height() < MINIMUM.height():
        return None
    return QRect(x, y, max(frame_width, width), max(frame_height, height)), size, maximized
