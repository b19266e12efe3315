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


def test_a_message_is_coloured_by_what_it_says_not_by_the_label(khoi_app, qtbot):
    """Issue 14, item 8: "Đã lưu." showed in error red; one message label now says success green, warning amber,
    error red, whatever it said before."""
    from khoidesktop.ui.widgets.message import MessageLabel

    label = MessageLabel(kind="error")
    qtbot.addWidget(label)
    label.resize(300, 30)
    label.show()

    def ink() -> QColor:
        image = label.grab().toImage()
        colours = [QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())]
        return min(colours, key=lambda c: c.lightness())

    label.setText("Không lưu được.")
    assert ink().red() > ink().green() + 60
    label.ok("Đã lưu.")
    assert ink().green() > ink().red() + 40
    label.warn("Tài liệu gửi chậm.")
    assert ink().red() > ink().blue() + 60 and ink().green() > ink().blue()
    label.error("Không lưu được.")
    assert ink().red() > ink().green() + 60
