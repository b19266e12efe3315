"""One member's rating for a year: self-assessment, the cell's level and score, and the facts the rules ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.rating_rules import LEVELS, level_for_score, rule_set_for
from khoidesktop.i18n import _
from khoidesktop.ratings.records import RatingInput, RatingRow, due_level, save_rating
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

NO_SCORE = -1.0


def _score_box(parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(NO_SCORE, 100)
    box.setDecimals(1)
    box.setSpecialValueText("—")  # shown at NO_SCORE: no score given
    box.setValue(NO_SCORE)
    return box


def _percent_box(parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(0, 100)
    box.setDecimals(1)
    box.setSuffix(" %")
    return box


class RatingDialog(FormDialog):
    def __init__(self, ctx: AppContext, year: int, row: RatingRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ctx, self.year, self.row = ctx, year, row
        self.rules = rule_set_for(year)
        self.setWindowTitle(_("Rating of {name}, {year}").format(name=row.member.full_name, year=year))
        layout = QVBoxLayout(self)
        rules_label = QLabel(_("Rules applied: {regulation}").format(regulation=self.rules.regulation), self)
        rules_label.setObjectName("pageSubtitle")
        rules_label.setWordWrap(True)
        layout.addWidget(rules_label)
        form = QFormLayout()
        self.self_level, self.level = CodeCombo(LEVELS, self), CodeCombo(LEVELS, self)
        self.self_score, self.score = _score_box(self), _score_box(self)
        self.suggested = QLabel(self)
        self.on_time = QCheckBox(_("Every task done on time"), self)
        self.all_done = QCheckBox(_("Every task done"), self)
        self.exceeding, self.late = _percent_box(self), _percent_box(self)
        self.remedied = QCheckBox(_("Every shortcoming found at the previous review remedied"), self)
        self.violation = QCheckBox(_("Violated what members must not do or the duty to set an example"), self)
        self.self_reported = QCheckBox(_("The member reported the fault and remedied it in time"), self)
        self.undone = QCheckBox(_("More than half of the year's tasks not done"), self)
        self.degradation = QCheckBox(_("Degradation found (suy thoái)"), self)
        self.notes = QLineEdit(self)
        rows = [
            (_("Self-assessed level:"), self.self_level),
            (_("Self-assessed score:"), self.self_score),
            (_("Level proposed by the cell:"), self.level),
            (_("Score given by the cell:"), self.score),
            ("", self.suggested),
            ("", self.on_time),
            (_("Tasks exceeding the requirement:"), self.exceeding),
            ("", self.remedied),
            ("", self.all_done),
            (_("Tasks done late:"), self.late),
            ("", self.undone),
            ("", self.degradation),
            ("", self.violation),
            ("", self.self_reported),
            (_("Notes:"), self.notes),
        ]
        for label, widget in rows:
            form.addRow(label, widget)
        form.setRowVisible(self.remedied, self.rules.excellent_needs_remedied)
        layout.addLayout(form)
        for box in (self.self_score, self.score):
            box.setEnabled(self.rules.scored)
        self.score.valueChanged.connect(self._suggest)
        ticks = (self.on_time, self.all_done, self.remedied, self.violation, self.self_reported, self.undone)
        for tick in (*ticks, self.degradation):
            tick.toggled.connect(self._suggest)
        for spin in (self.exceeding, self.late):
            spin.valueChanged.connect(self._suggest)
        self.message = MessageLabel(self, kind="error")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close, self.save_button = QPushButton(_("Close"), self), QPushButton(_("Save"), self)
        self.save_button.setObjectName("primary")
        close.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.finish_buttons(self.save_button)
        self._show()
        self.mark_clean()

    def save_then_close(self) -> None:
        self.save()  # closes once written

    def _show(self) -> None:
        r = self.row.rating
        if r is not None:
            self.self_level.set_value(r.self_level)
            self.level.set_value(r.level)
            self.self_score.setValue(NO_SCORE if r.self_score is None else r.self_score)
            self.score.setValue(NO_SCORE if r.score is None else r.score)
            self.exceeding.setValue(r.exceeding_percent)
            self.late.setValue(r.late_percent)
            self.notes.setText(r.notes)
        self.on_time.setChecked(r.all_on_time if r else True)
        self.all_done.setChecked(r.all_done if r else True)
        self.undone.setChecked(bool(r and r.tasks_mostly_undone))
        self.degradation.setChecked(bool(r and r.degradation))
        self.remedied.setChecked(r.shortcomings_remedied if r else True)
        self.violation.setChecked(bool(r and r.violation))
        self.self_reported.setChecked(bool(r and r.fault_self_reported))
        self._suggest()

    def _suggest(self) -> None:
        """The level the rules give, shown as it is typed (ratings.records.due_level, the check saving applies)."""
        values = self.values()
        due = due_level(self.rules, values, self.row.disciplined)
        if due is None:
            self.suggested.setText("")
        elif values.score is not None and due == level_for_score(self.rules, values.score):
            self.suggested.setText(_("By the score: “{level}”").format(level=_(LEVELS[due])))
        else:
            self.suggested.setText(_("By the rules: “{level}”").format(level=_(LEVELS[due])))

    def values(self) -> RatingInput:
        def score(box: QDoubleSpinBox) -> float | None:
            return None if box.value() == NO_SCORE else box.value()

        return RatingInput(
            self_level=self.self_level.value(),
            self_score=score(self.self_score),
            level=self.level.value(),
            score=score(self.score),
            all_on_time=self.on_time.isChecked(),
            exceeding_percent=self.exceeding.value(),
            all_done=self.all_done.isChecked(),
            late_percent=self.late.value(),
            tasks_mostly_undone=self.undone.isChecked(),
            degradation=self.degradation.isChecked(),
            notes=self.notes.text(),
            shortcomings_remedied=self.remedied.isChecked(),
            violation=self.violation.isChecked(),
            fault_self_reported=self.self_reported.isChecked(),
        )

    def save(self) -> None:
        year, member_id, values = self.year, self.row.member.id, self.values()

        def write(session: Session) -> None:
            save_rating(session, year, member_id, values, now=self.ctx.now(), actor=current_actor())

        run_write(self, self.ctx, write, lambda _r: self.accept(), on_error=self.message.setText, busy=self)
