"""The year's rating as a grid: a member a row, the levels, scores, the task facts the rules ask (check boxes) and
the notes edited in place. An edit changes the row's RatingInput and is announced (`edited`); the page saves it with
ratings.records.save_rating, the dialog's function and checks. A score typed sets the level the rules give
(ratings.records.due_level: the score, capped by the task facts ticked, KHTNV on an automatic ground), and a fact
ticked after it lowers the level as the rule does (see RatingGridModel.follow_rule)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from khoidesktop.domain.names import lowercase_first
from khoidesktop.domain.rating_rules import EXCLUSIONS, LEVELS, RuleSet, cap_level, level_label
from khoidesktop.errors import UserError
from khoidesktop.i18n import N_, _, format_number
from khoidesktop.ratings.records import RatingInput, RatingRow, due_level
from khoidesktop.ui.widgets.fields import CodeCombo

Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole


@dataclass(frozen=True)
class GridColumn:
    field: str  # a RatingInput field ("" for the name and the flags)
    title: str  # msgid of the header
    tip: str  # msgid of the header's tooltip (the dialog's wording)
    kind: str  # "name", "level", "number", "check", "text", "flags"


COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("", N_("Full name"), N_("Full name"), "name"),
    GridColumn("self_level", N_("Self-assessed"), N_("Self-assessed level:"), "level"),
    GridColumn("self_score", N_("Own score"), N_("Self-assessed score:"), "number"),
    GridColumn("level", N_("Cell's proposal"), N_("Level proposed by the cell:"), "level"),
    GridColumn("score", N_("Score"), N_("Score given by the cell:"), "number"),
    GridColumn("all_on_time", N_("On time"), N_("Every task done on time"), "check"),
    GridColumn("exceeding_percent", N_("Exceeding %"), N_("Tasks exceeding the requirement:"), "number"),
    GridColumn(
        "shortcomings_remedied",
        N_("Remedied"),
        N_("Every shortcoming found at the previous review remedied"),
        "check",
    ),
    GridColumn("all_done", N_("All done"), N_("Every task done"), "check"),
    GridColumn("tasks_mostly_undone", N_("Half undone"), N_("More than half of the year's tasks not done"), "check"),
    GridColumn("degradation", N_("Degradation"), N_("Degradation found (suy thoái)"), "check"),
    GridColumn(
        "violation", N_("Violation"), N_("Violated what members must not do or the duty to set an example"), "check"
    ),
    GridColumn(
        "fault_self_reported",
        N_("Self-reported"),
        N_("The member reported the fault and remedied it in time"),
        "check",
    ),
    GridColumn("notes", N_("Notes"), N_("Notes:"), "text"),
    GridColumn("", N_("To check"), N_("To check"), "flags"),
)
NUMBER = re.compile(r"^\d{1,3}([.,]\d+)?$")


def column_of(field: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.field == field)


def parse_number(text: str) -> float | None:
    """A score or share as typed ("85", "85,5"; empty: none); anything else is refused with what to type."""
    text = text.strip()
    if not text:
        return None
    if not NUMBER.match(text):
        raise UserError(_("Type a number between 0 and 100, e.g. 85 or 85,5."))
    return float(text.replace(",", "."))


class RatingGridModel(QAbstractTableModel):
    edited = Signal(int)  # a row's values changed by the user: save them
    refused = Signal(str)  # what was typed cannot be a value (said in the page's message line)

    def __init__(self, rules: RuleSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.rows: list[RatingRow] = []
        self.values: list[RatingInput] = []

    def set_rows(self, rules: RuleSet, rows: list[RatingRow]) -> bool:
        """The rows as saved; the same members in the same order keep the cursor where it is (else: True)."""
        same = [r.member.id for r in rows] == [r.member.id for r in self.rows] and rules == self.rules
        if not same:
            self.beginResetModel()
        self.rules, self.rows = rules, rows
        unrated = RatingInput()  # one for every row not rated yet: frozen, an edit makes the row its own
        self.values = [RatingInput.of(r.rating) if r.rating else unrated for r in rows]
        if same:
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
        else:
            self.endResetModel()
        return not same

    def shown(self, column: int) -> bool:
        """A column the year's rule set asks (no score before QĐ 366; the previous review only from it)."""
        field = COLUMNS[column].field
        if field in ("self_score", "score", "exceeding_percent"):
            return self.rules.scored
        if field == "shortcomings_remedied":
            return self.rules.excellent_needs_remedied
        return True

    # --- the model --------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(COLUMNS[section].tip).rstrip(":")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = COLUMNS[index.column()].kind
        if self.rows[index.row()].exclusion or kind in ("name", "flags"):
            return base
        if kind == "check":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        values = self.values[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.exclusion:
                return QColor("#8a96a3")
            return QColor("#b45309") if column.kind == "flags" else None
        if row.exclusion:
            if role == Qt.ItemDataRole.DisplayRole and column.kind in ("name", "flags"):
                if column.kind == "name":
                    return row.member.full_name
                return _("Not rated: {reason}").format(reason=lowercase_first(_(EXCLUSIONS[row.exclusion])))
            return None
        value = getattr(values, column.field) if column.field else None
        if role == CHECK and column.kind == "check":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == EDIT:
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column.kind in ("flags", "text", "name"):
            return self.data(index) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column.kind == "name":
            return row.member.full_name
        if column.kind == "flags":
            return " ".join(row.flags)
        if column.kind == "level":
            return level_label(value)
        if column.kind == "number":
            return "" if value is None else format_number(value)
        return value if column.kind == "text" else None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        field, kind = COLUMNS[index.column()].field, COLUMNS[index.column()].kind
        if kind == "check":
            if role != CHECK:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != EDIT:
            return False
        if kind == "number" and not isinstance(value, float | int | None):
            try:
                value = parse_number(str(value))
            except UserError as exc:
                self.refused.emit(exc.message)
                return False
        if field in ("exceeding_percent",):
            value = value or 0.0
        old = self.values[index.row()]
        new = self.follow_rule(index.row(), old, replace(old, **{field: value}), field)
        if new == old:
            return False
        self.values[index.row()] = new
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        self.edited.emit(index.row())
        return True

    def follow_rule(self, row: int, old: RatingInput, new: RatingInput, field: str) -> RatingInput:
        """The level after an edit, by the one rule (ratings.records.due_level). A score typed sets the level the rule
        gives. A fact changed moves a level that followed the rule to what the rule now gives, and lowers any other
        to the rule's cap (a level chosen below the rule's stays). A level picked by hand is the user's."""
        if field in ("self_level", "self_score", "level", "notes"):
            return new
        disciplined = self.rows[row].disciplined
        due = due_level(self.rules, new, disciplined)
        if due is None:
            return new
        if field == "score" or new.level is None or new.level == due_level(self.rules, old, disciplined):
            return replace(new, level=due)
        return replace(new, level=cap_level(new.level, due))


class GridDelegate(QStyledItemDelegate):
    """A level is picked in a box of the levels; a number or a note is typed in a line."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if COLUMNS[index.column()].kind == "level":
            return CodeCombo(LEVELS, parent)
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(EDIT)
        if isinstance(editor, CodeCombo):
            editor.set_value(value)
        elif isinstance(editor, QLineEdit) and not editor.text():  # a key that opened it stays typed
            editor.setText("" if value is None else format_number(value) if isinstance(value, float) else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, CodeCombo):
            model.setData(index, editor.value(), EDIT)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), EDIT)
