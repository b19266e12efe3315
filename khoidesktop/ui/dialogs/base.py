"""The one base of the window's form dialogs: the same keys and the same closing everywhere (DESIGN.md, The window
never loses work).

- Enter in a field presses Save, the one default button; no other push button is ever pressed by Enter.
- Ctrl+S saves.
- Esc, Đóng and the window's × with unsaved changes ask: save, discard or go back (nothing is lost by surprise).
- Tab follows the visual order, and the dialog opens with the cursor in its first field (`OrderedDialog`, also the
  base of the dialogs that are not forms; see ui/widgets/focus.py).

A dialog calls `finish_buttons()` once its buttons exist, `mark_clean()` after it loaded or saved its data, and
gives `save_then_close()` (save, and close once written). It has unsaved changes when what its fields show differs
from what they showed at `mark_clean()`: no signal to forget, and typing a value back is no change.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui.widgets.fit_screen import fit_to_screen
from khoidesktop.ui.widgets.focus import focus_first_field, order_tabs

log = logging.getLogger(__name__)
OWN_SAVE = "savesItself"  # a widget property: this part of a dialog saves with its own button (see _watch)


BOXES = (QComboBox, QSpinBox, QDoubleSpinBox, QDateTimeEdit)


class OrderedDialog(QDialog):
    """Tab goes through the fields in the order they are shown; the dialog opens in its first field. It is no larger
    than its screen: what does not fit scrolls inside it, above its buttons (ui/widgets/fit_screen.py)."""

    _ordered = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._ordered:  # once the dialog is built: the order is read from its layouts
            self._ordered = True
            fit_to_screen(self)
            order_tabs(self)
            focus_first_field(self)
        super().showEvent(event)


class FormDialog(OrderedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._clean: list[object] = []
        self._save_button: QPushButton | None = None
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_shortcut)

    # --- subclasses -------------------------------------------------------------------------------------------

    def save_then_close(self) -> None:
        """Save, and close the dialog once it is written (a refusal leaves it open, saying why)."""
        raise NotImplementedError

    def _save_shortcut(self) -> None:
        if self._save_button is not None and self._save_button.isEnabled():
            self._save_button.click()

    def add_save_and_close(self, layout: QBoxLayout, buttons: QHBoxLayout | None = None) -> QPushButton:
        """The usual last row, right-aligned: Lưu (the default, saves then closes) and Đóng (asks first when
        something is unsaved), ending `buttons` (a row holding the dialog's own buttons on its left, its stretch
        added) or a row of their own. Returns the Save button."""
        if buttons is None:
            buttons = QHBoxLayout()
            buttons.addStretch(1)
        save = QPushButton(_("Save"), self)
        save.clicked.connect(self.save_then_close)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.reject)
        buttons.addWidget(save)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.finish_buttons(save)
        return save

    def finish_buttons(self, save: QPushButton) -> None:
        """Save is the one default button; no push button is pressed by Enter otherwise."""
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        save.setDefault(True)
        self._save_button = save

    # --- edits ------------------------------------------------------------------------------------------------

    def mark_clean(self) -> None:
        """What the dialog shows now is what is saved (after loading it, or after a save)."""
        self._clean = self._state()

    @property
    def dirty(self) -> bool:
        """The user changed something since it was loaded or saved (what is shown differs from it)."""
        return self._state() != self._clean

    def _state(self) -> list[object]:
        """What every field of the form shows, in order (a part that saves itself is left out)."""
        state: list[object] = []
        for widget in self.findChildren(QWidget):
            if self._in_part_that_saves_itself(widget) or isinstance(widget.parentWidget(), BOXES):
                continue  # a box's own line edit: the box's value says it
            if self._in_table(widget):
                continue  # a cell's widget: its table says it
            value = _value(widget)
            if value is not None:  # a field (not a label, a layout's frame …)
                state.append(value)
        return state

    def _in_table(self, widget: QWidget) -> bool:
        part = widget.parentWidget()
        while part is not None and part is not self:
            if isinstance(part, QTableWidget):
                return True
            part = part.parentWidget()
        return False

    def _in_part_that_saves_itself(self, widget: QWidget) -> bool:
        """A part with its own save button (the history panel records an event itself) is not the form's edit."""
        part: QWidget | None = widget
        while part is not None and part is not self:
            if part.property(OWN_SAVE):
                return True
            part = part.parentWidget()
        return False

    # --- closing ----------------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Đóng or ×: with unsaved changes, ask first."""
        if self.dirty:
            try:
                answer = self.ctx.prompts.ask_unsaved(
                    _("Unsaved changes"), _("You changed this form without saving. Save the changes?")
                )
            except Exception:  # raised out of a close event, it would take the program down: stay open instead
                log.exception("asking about unsaved changes failed")
                answer = "cancel"
            if answer == "save":
                self.save_then_close()
                return
            if answer != "discard":
                return  # back to the form, nothing lost
        super().reject()


def _value(widget: QWidget) -> object:
    """What a field shows (None for a widget that is not a field)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QTableWidget):
        cells = []
        for row in range(widget.rowCount()):
            for column in range(widget.columnCount()):
                item, cell = widget.item(row, column), widget.cellWidget(row, column)
                cells.append(_value(cell) if cell is not None else (item.text() if item else ""))
        return cells
    return None
