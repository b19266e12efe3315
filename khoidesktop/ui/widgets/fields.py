"""Input widgets shared by forms: a dd/mm/yyyy date field, an HH:mm time field and a combo box of coded values."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QWidget,
)

from khoidesktop.domain.names import fold
from khoidesktop.i18n import _, format_date, parse_date


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy (as on paper). `value()` raises ValueError with a Vietnamese message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setMaximumWidth(130)

    def value(self) -> date | None:
        text = self.text().strip()
        return parse_date(text) if text else None

    def set_value(self, value: date | None) -> None:
        self.setText(format_date(value))


class TimeField(QTimeEdit):
    """A time typed as HH:mm. However it gets the focus (Tab or a click), the hours are selected: typing "0800"
    gives 08:00 at once, with no double-click first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self._select_hours)  # after the click that gave the focus has placed the cursor

    def _select_hours(self) -> None:
        if self.hasFocus():
            self.setSelectedSection(QTimeEdit.Section.HourSection)

    def value(self) -> time:
        value = self.time().toPython()  # typed `object` by PySide6; a datetime.time
        if not isinstance(value, time):
            raise TypeError(f"QTime.toPython() gave {type(value).__name__}")
        return value

    def set_value(self, value: time) -> None:
        self.setTime(QTime(value.hour, value.minute))


class CodeCombo(QComboBox):
    """Pick one of a table of codes (shown by their Vietnamese labels), or nothing."""

    def __init__(
        self, table: dict[str, str], parent: QWidget | None = None, empty: bool = True, short: bool = False
    ) -> None:
        """`short`: show the codes themselves ("HTTNV"), their labels as tooltips (a narrow column of a table)."""
        super().__init__(parent)
        if empty:
            self.addItem("", None)
        for code, msgid in table.items():
            self.addItem(code if short else _(msgid), code)
            self.setItemData(self.count() - 1, _(msgid), Qt.ItemDataRole.ToolTipRole)

    def value(self) -> str | None:
        code: str | None = self.currentData()  # the item data are the table's codes, or None for the empty row
        return code

    def set_value(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))


class ChoiceButtons(QWidget):
    """One of a few codes (a gender) as radio buttons side by side: one click picks it. From the keyboard, Tab comes
    to the buttons and typing the start of a label picks it, accents optional ("na" Nam, "nu" Nữ); the arrows and
    Space work as on any radio button. Nothing is picked until one is chosen (a record may not say)."""

    def __init__(self, table: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self._typed = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for code, msgid in table.items():
            button = QRadioButton(_(msgid), self)
            button.installEventFilter(self)
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
        row.addStretch(1)

    def value(self) -> str | None:
        return next((code for code, button in self.buttons.items() if button.isChecked()), None)

    def set_value(self, code: str | None) -> None:
        self.group.setExclusive(False)  # so that none may be checked
        for name, button in self.buttons.items():
            button.setChecked(name == code)
        self.group.setExclusive(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._typed = ""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.text().isalpha():
            for typed in (fold(self._typed + event.text()), fold(event.text())):  # what was typed, or a new start
                button = next((b for b in self.buttons.values() if fold(b.text()).startswith(typed)), None)
                if button is not None:
                    self._typed = typed
                    button.setChecked(True)
                    button.setFocus()
                    break
            return True
        return super().eventFilter(watched, event)


class SuggestCombo(QComboBox):
    """Free text with suggestions (ethnicity, religion)."""

    def __init__(self, suggestions: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.addItem("")
        self.addItems(list(suggestions))

    def value(self) -> str:
        return self.currentText()

    def set_value(self, text: str) -> None:
        self.setCurrentText(text)


class NameCombo(QComboBox):
    """A person picked from the member list, or any name typed (a guest): typing part of a name ("Bình") offers
    the members whose name holds it. The names are given as the pick list shows them: namesakes told apart by their
    birth year (domain.names.told_apart)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(24)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_names(self, names: Sequence[str]) -> None:
        """The names offered, as shown; what is typed stays."""
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(["", *names])
        self.setCurrentText(text)
        self.blockSignals(False)

    def value(self) -> str:
        return self.currentText()

    def set_value(self, text: str) -> None:
        self.setCurrentText(text)


class NameDelegate(QStyledItemDelegate):
    """A table's column of people (a meeting's speakers): each cell edited in a NameCombo offering `names()`, the
    names as the form's other pickers show them; a guest's name may be typed."""

    def __init__(self, names: Callable[[], Sequence[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = NameCombo(parent)
        editor.set_names(self.names())
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, NameCombo):
            editor.set_value(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, NameCombo):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Red border on a field with a problem (the stylesheet styles [invalid="true"])."""
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
