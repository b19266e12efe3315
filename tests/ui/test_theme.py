"""Disabled looks disabled, everywhere (issue 14, item 5): the theme sets the disabled colours once, and a disabled
button, tab and combo box are drawn visibly lighter than enabled ones."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QComboBox, QPushButton, QTabWidget, QWidget


def darkest(picture: QPixmap) -> int:
    """The darkest grey level of a picture of a widget (its text)."""
    image = picture.toImage()
    return min(QColor(image.pixel(x, y)).lightness() for x in range(image.width()) for y in range(image.height()))


def test_disabled_widgets_are_drawn_lighter(khoi_app, qtbot):
    def pair(make):
        on, off = make(), make()
        off.setEnabled(False)
        for widget in (on, off):
            qtbot.addWidget(widget)
            widget.resize(160, 40)
            widget.show()
        return on, off

    for on, off in (
        pair(lambda: QPushButton("Hoàn tác lần sửa cuối")),
        pair(lambda: _combo()),
    ):
        assert darkest(off.grab()) > darkest(on.grab()) + 60, type(on).__name__
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Thông tin")
    tabs.addTab(QWidget(), "Các bước")
    tabs.setTabEnabled(1, False)
    tabs.resize(300, 120)
    tabs.show()
    bar = tabs.tabBar()
    assert darkest(bar.grab(bar.tabRect(1))) > darkest(bar.grab(bar.tabRect(0))) + 60  # the locked "Các bước"


def _combo() -> QComboBox:
    box = QComboBox()
    box.addItem("Khiển trách")
    return box
