"""A unit of a level above the cells (Đơn vị page): a new unit expected before its first bundle, or a unit renamed,
dissolved or merged into another on a date (its bundles and ratings stay; it is not expected after that date)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import kinds_below
from khoidesktop.i18n import _
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import DateField
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class UnitDialog(FormDialog):
    def __init__(self, ctx: AppContext, unit_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from khoidesktop.units.records import merge_choices, own_kind, unit_form

        self.unit_id = unit_id
        self.setWindowTitle(_("New unit") if unit_id is None else _("Unit"))
        self.setMinimumWidth(520)
        box = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        self.closed_on = DateField(self)
        self.into = QComboBox(self)
        self.into.addItem(_("(not merged: dissolved)"), None)
        form.addRow(_("Name of the unit:"), self.name)
        form.addRow(_("Kind:"), self.kind)
        form.addRow(_("No longer expected from:"), self.closed_on)
        form.addRow(_("Merged into:"), self.into)
        box.addLayout(form)
        about = QLabel(
            _(
                "A unit dissolved or merged keeps its bundles and ratings. It still owes the bundles of the periods "
                "that began before that date (the year it was dissolved in, too); it is not expected for any period "
                "that begins after it."
            ),
            self,
        )
        about.setWordWrap(True)
        about.setObjectName("pageSubtitle")
        box.addWidget(about)
        self.message = MessageLabel(self, lines=2, kind="error")
        box.addWidget(self.message)
        self.save_button = self.add_save_and_close(box)

        store = ctx.require_store()
        with store.session() as session:
            for kind in kinds_below(own_kind(session)):
                self.kind.addItem(_(kind.unit_label), kind.code)
                if not self.name.placeholderText() or kind.aggregates:  # a committee's name when it has some
                    self.name.setPlaceholderText(kind.name_example)
            for other_id, other_name in merge_choices(session, unit_id):
                self.into.addItem(other_name, other_id)
            if unit_id is not None:
                current = unit_form(session, unit_id)
                self.name.setText(current.name)
                self.kind.setCurrentIndex(max(self.kind.findData(current.kind), 0))
                self.closed_on.set_value(current.closed_on)
                self.into.setCurrentIndex(max(self.into.findData(current.merged_into), 0))
        self.kind.setEnabled(unit_id is None)  # a unit's kind is what its bundles say it is
        for widget in (self.closed_on, self.into):
            widget.setEnabled(unit_id is not None)  # a new unit is expected
        self.mark_clean()

    def save_then_close(self) -> None:
        from khoidesktop.units.records import UnitForm, save_unit

        try:
            closed_on = self.closed_on.value()
        except ValueError as exc:
            self.message.error(_("No longer expected from: {problem}").format(problem=exc))
            return
        if closed_on is not None and closed_on > self.ctx.today():
            self.message.error(_("No longer expected from: the date is in the future; choose today or an earlier day."))
            return
        form = UnitForm(self.unit_id, self.name.text(), self.kind.currentData(), closed_on, self.into.currentData())
        now, actor = self.ctx.now(), current_actor()

        def write(session: Session) -> None:
            save_unit(session, form, now=now, actor=actor)

        def done(_result: None) -> None:
            self.mark_clean()
            self.accept()

        run_write(self, self.ctx, write, done, on_error=self.message.error, busy=self)
