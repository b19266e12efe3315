"""A dialog no larger than the screen it opens on (DESIGN.md: the window fits 1366×768 at 125 %; at 150 % that
screen leaves 910×432 points to a window's inside). Its size is cut down to the screen's free area, and when its
fields need more room than that, they scroll inside it while the row of buttons at its foot stays in view: Lưu and
Đóng are never out of reach."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

from khoidesktop.ui.widgets.message import MessageLabel

FRAME = QSize(16, 40)  # a title bar and borders (window_geometry.FRAME_ALLOWANCE)


def room_for(dialog: QDialog) -> QSize:
    """The inside of the largest window the dialog's screen has room for."""
    screen = dialog.screen()
    return screen.availableGeometry().size() - FRAME


def fit_to_screen(dialog: QDialog) -> bool:
    """Cut the dialog down to its screen; its fields scroll when they need more room. True when they scroll."""
    room = room_for(dialog)
    dialog.setMinimumSize(dialog.minimumSize().boundedTo(room))
    need = dialog.minimumSizeHint()
    scrolls = need.width() > room.width() or need.height() > room.height()
    size = dialog.size()
    if scrolls:
        scroll = _scroll_fields(dialog)
        scrolls = scroll is not None
        if scroll is not None:  # as wide as the fields and a scroll bar, so that they scroll up and down only
            inner = scroll.widget()
            wide = inner.sizeHint().width() if inner is not None else 0
            layout = dialog.layout()
            edges = layout.contentsMargins() if layout is not None else dialog.contentsMargins()
            bar = scroll.verticalScrollBar().sizeHint().width()
            size.setWidth(max(size.width(), wide + bar + edges.left() + edges.right() + 4))
    dialog.resize(size.boundedTo(room))
    return scrolls


def _scroll_fields(dialog: QDialog) -> QScrollArea | None:
    """Move what the dialog's layout holds, but its last row of buttons, into a scroll area in its place."""
    top = dialog.layout()
    if not isinstance(top, QBoxLayout) or top.count() < 2:
        return None
    keep = _kept_below(top)
    inner = QWidget()
    fields = QVBoxLayout()
    fields.setContentsMargins(0, 0, 0, 0)
    for _i in range(top.count() - keep):
        stretch = top.stretch(0)
        item = top.takeAt(0)
        if item is None:
            continue
        widget, layout = item.widget(), item.layout()
        if widget is not None:
            fields.addWidget(widget, stretch)
        elif layout is not None:
            fields.addLayout(layout, stretch)
        else:
            fields.addItem(item)
    inner.setLayout(fields)  # the widgets in it become the inner widget's
    scroll = QScrollArea(dialog)
    scroll.setObjectName("dialogScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(inner)
    top.insertWidget(0, scroll, 1)
    return scroll


def _kept_below(top: QBoxLayout) -> int:
    """How many of the last items stay below the scroll area: the row of buttons, and the messages just above it
    (what a refused save says stays in view)."""
    last = top.itemAt(top.count() - 1)
    if last is None or last.layout() is None:
        return 0
    kept = 1
    while kept < top.count() - 1:
        item = top.itemAt(top.count() - 1 - kept)
        if item is None or not isinstance(item.widget(), MessageLabel):
            break
        kept += 1
    return kept
