"""Focus and Tab order, the same in every form (DESIGN.md, The window never loses work).

The order is read from the layouts once the form is built: a form layout row by row (label, then field), a box
layout in its order, a grid row by row and left to right, the pages of a tab widget one after another. So Tab
follows what the user sees (a two-column form: down the first column, then down the second) and no form keeps a
hand-written list that goes out of date when a field is added. A form opens with the cursor in its first field.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from khoidesktop.ui.widgets.fields import ChoiceButtons

ROLES = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
COMPOUND = (QComboBox, QAbstractSpinBox)  # their own line edit is part of them, not a stop of its own


def visual_order(root: QWidget) -> list[QWidget]:
    """The widgets Tab can stop at, in the order they are laid out (hidden ones included, in their place)."""
    seen: list[QWidget] = []
    layout = root.layout()
    for widget in _in_layout(layout) if layout is not None else _in_widget(root):
        if widget not in seen:
            seen.append(widget)
    return seen


def order_tabs(root: QWidget) -> list[QWidget]:
    """Make Tab follow the visual order of `root`'s widgets (called once, when the form is built)."""
    order = visual_order(root)
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)  # Tab leaves a table (in a cell being typed, it goes to the next cell)
    for plain in root.findChildren(QPlainTextEdit):
        plain.setTabChangesFocus(True)  # Tab goes to the next field; a tab character in minutes is never wanted
    for rich in root.findChildren(QTextEdit):
        rich.setTabChangesFocus(True)  # Tab goes to the next field; a tab character in minutes is never wanted
    for first, second in zip(order, order[1:], strict=False):
        QWidget.setTabOrder(first, second)
    return order


def is_editable(widget: QWidget) -> bool:
    """A field the user types in or picks a value with (not a button, a label or a read-only view)."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and not isinstance(widget.parentWidget(), COMPOUND)
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, COMPOUND):
        return not (isinstance(widget, QAbstractSpinBox) and widget.isReadOnly())
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    if isinstance(widget, ChoiceButtons):
        return True  # one field, though Tab stops at one of its buttons: the one checked, or the first
    if isinstance(widget, QAbstractItemView):
        return widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
    return False


def first_field(root: QWidget) -> QWidget | None:
    """The first field the user can type in now (shown and enabled), in the visual order."""
    for widget in visual_order(root):
        if is_editable(widget) and widget.isVisibleTo(root) and widget.isEnabled():
            return widget
    return None


def focus_first_field(root: QWidget) -> None:
    field = first_field(root)
    if field is not None:
        field.setFocus(Qt.FocusReason.TabFocusReason)  # as if tabbed into: a line edit's text is selected


def _in_layout(layout: QLayout) -> Iterator[QWidget]:
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            for role in ROLES:
                item = layout.itemAt(row, role)
                if item is not None:
                    yield from _in_item(item)
        return
    indexes = list(range(layout.count()))
    if isinstance(layout, QGridLayout):
        grid = layout
        indexes.sort(key=lambda i: _grid_place(grid, i))
    for index in indexes:
        item = layout.itemAt(index)
        if item is not None:
            yield from _in_item(item)


def _grid_place(grid: QGridLayout, index: int) -> tuple[int, int]:
    """Row, then column, of a grid's item."""
    place = grid.getItemPosition(index)  # (row, column, row span, column span), typed `object` by PySide6
    assert isinstance(place, tuple)
    return int(place[0]), int(place[1])


def _in_item(item: QLayoutItem) -> Iterator[QWidget]:
    widget, layout = item.widget(), item.layout()
    if widget is not None:
        yield from _in_widget(widget)
    elif layout is not None:
        yield from _in_layout(layout)


def _in_widget(widget: QWidget) -> Iterator[QWidget]:
    if isinstance(widget, QTabWidget):
        yield widget.tabBar()
        yield from _pages(widget)
        return
    if isinstance(widget, QStackedWidget):
        yield from _pages(widget)
        return
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        if inner is not None:
            yield from _in_widget(inner)
        return
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        yield widget
    if isinstance(widget, (*COMPOUND, QAbstractItemView)):
        return  # their parts are theirs
    layout = widget.layout()
    if layout is not None:
        yield from _in_layout(layout)


def _pages(widget: QTabWidget | QStackedWidget) -> Iterator[QWidget]:
    for index in range(widget.count()):
        page = widget.widget(index)
        if page is not None:
            yield from _in_widget(page)
