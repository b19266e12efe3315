"""Opening the record of a table row: one way for every list of the window.

`activated` alone carries both Enter and the double-click (Qt emits it after `doubleClicked`, or on a single click
where the platform wants that): listening to both opened the record twice, the second time from the row that stood
there once the first dialog had closed and the list was refreshed — another member. The row is read when the user
acts, and a second activation while a record is open does nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView


def open_on_activate(view: QAbstractItemView, open_row: Callable[[int], None]) -> None:
    """Call `open_row(row of the source model)` once per activation of a row of `view`."""
    busy = False

    def activated(index: QModelIndex) -> None:
        nonlocal busy
        if busy or not index.isValid():
            return
        model = view.model()
        row = model.mapToSource(index).row() if isinstance(model, QSortFilterProxyModel) else index.row()
        busy = True
        try:
            open_row(row)
        finally:
            busy = False

    view.activated.connect(activated)
