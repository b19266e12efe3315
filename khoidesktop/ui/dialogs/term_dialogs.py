"""The Nhiệm kỳ page's forms: a term (its name, dates and congress), one stay on its committee (elected at the
congress or in addition, appointed; how and when they left) and one target of its congress resolution (counted by
the program, or with its figures entered by hand year by year). Each saves through terms/records.py, which checks
it against the rules and refuses in Vietnamese, writing nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from khoidesktop.domain.terms import CAME, LEFT, ROLES, UNITS, rules_for
from khoidesktop.i18n import _, format_number
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo, DateField
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class _TermForm(FormDialog):
    """A form with its fields in a QFormLayout, a message line, Save and Close."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.box = QVBoxLayout(self)
        self.form = QFormLayout()
        self.box.addLayout(self.form)

    def finish(self, about: str = "", remove: Callable[[Session, int], None] | None = None) -> None:
        """The note, the message line and the buttons; `remove(session, id)`: a row being edited can be taken back
        as entered in error (asked first)."""
        if about:
            label = QLabel(about, self)
            label.setWordWrap(True)
            label.setObjectName("pageSubtitle")
            self.box.addWidget(label)
        self.message = MessageLabel(self, lines=3, kind="error")
        self.box.addWidget(self.message)
        buttons = QHBoxLayout()
        if remove is not None:
            self.remove_button = QPushButton(_("Remove (entered in error)…"), self)
            self.remove_button.clicked.connect(lambda: self._remove(remove))
            buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.save_button = self.add_save_and_close(self.box, buttons)

    row_id: int | None = None

    def _remover(self, what: str) -> Callable[[Session, int], None]:
        from khoidesktop.terms.records import remove_committee_member, remove_target

        chosen = remove_committee_member if what == "committee" else remove_target
        now, actor = self.ctx.now(), current_actor()
        return lambda session, row_id: chosen(session, row_id, now=now, actor=actor)

    def _remove(self, remove: Callable[[Session, int], None]) -> None:
        row_id = self.row_id
        if row_id is None or not self.ctx.prompts.confirm(
            _("Remove"), _("Remove this row entered in error? The audit log keeps what it held.")
        ):
            return
        self.write(lambda session: remove(session, row_id))

    def dates(self, *fields: tuple[DateField, str]) -> list[date | None] | None:
        """The dates typed (None: a field left empty), or None after saying which one is not a date."""
        found = []
        for field, label in fields:
            try:
                found.append(field.value())
            except ValueError as exc:
                self.message.error(f"{label} {exc}")
                return None
        return found

    def write(self, work: Callable[[Session], None]) -> None:
        def done(_result: None) -> None:
            self.mark_clean()
            self.accept()

        run_write(self, self.ctx, work, done, on_error=self.message.error, busy=self)


class TermDialog(_TermForm):
    def __init__(self, ctx: AppContext, term_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("New term") if term_id is None else _("Term"), parent)
        self.term_id = term_id
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("2025–2030")
        self.starts_on, self.ends_on, self.congress_on = DateField(self), DateField(self), DateField(self)
        self.form.addRow(_("Name of the term:"), self.name)
        self.form.addRow(_("Begins on:"), self.starts_on)
        self.form.addRow(_("Ends on:"), self.ends_on)
        self.form.addRow(_("Congress held on:"), self.congress_on)
        rules = rules_for(ctx.today())
        self.finish(
            _(
                "A term lasts {n} years ({source}); the congress that opens it elects the committee and sets its "
                "targets. The Statute ({statute}) still reads: “{wording}”"
            ).format(
                n=rules.term_years, source=rules.source, statute=rules.statute_source, wording=rules.statute_wording
            )
        )
        if term_id is not None:
            from khoidesktop.terms.records import term_form

            with ctx.require_store().session() as session:
                term = term_form(session, term_id)
            self.name.setText(term.name)
            self.starts_on.set_value(term.starts_on)
            self.ends_on.set_value(term.ends_on)
            self.congress_on.set_value(term.congress_on)
        self.mark_clean()

    def save_then_close(self) -> None:
        from khoidesktop.terms.records import TermForm, save_term

        typed = self.dates(
            (self.starts_on, _("Begins on:")), (self.ends_on, _("Ends on:")), (self.congress_on, _("Congress held on:"))
        )
        if typed is None:
            return
        start, end, congress = typed
        if start is None or end is None:
            self.message.error(_("Give the day the term begins and the day it ends."))
            return
        form = TermForm(self.name.text(), start, end, congress, self.term_id)
        now, actor = self.ctx.now(), current_actor()

        def work(session: Session) -> None:
            save_term(session, form, now=now, actor=actor)

        self.write(work)


class CommitteeDialog(_TermForm):
    def __init__(self, ctx: AppContext, term_id: int, row_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("New committee member") if row_id is None else _("Committee member"), parent)
        from khoidesktop.datafile.identity import get_identity
        from khoidesktop.datafile.kinds import kind_of
        from khoidesktop.terms.records import committee_form

        self.term_id, self.row_id = term_id, row_id
        with ctx.require_store().session() as session:
            roles = kind_of(get_identity(session)).committee_roles
            current = committee_form(session, row_id) if row_id is not None else None
        self.full_name = QLineEdit(self)
        self.role = CodeCombo({code: ROLES[code] for code in roles}, self, empty=False)
        self.came = CodeCombo(CAME, self, empty=False)
        self.from_date, self.to_date = DateField(self), DateField(self)
        self.left_how = CodeCombo(LEFT, self)
        self.note = QLineEdit(self)
        self.form.addRow(_("Full name:"), self.full_name)
        self.form.addRow(_("Role:"), self.role)
        self.form.addRow(_("How they came:"), self.came)
        self.form.addRow(_("In office from:"), self.from_date)
        self.form.addRow(_("Left office on:"), self.to_date)
        self.form.addRow(_("Why they left:"), self.left_how)
        self.form.addRow(_("Note (decision number …):"), self.note)
        self.finish(
            _(
                "A change during the term is a new row: who left keeps their row with the day and the reason, who "
                "is elected in addition or appointed gets one of their own."
            ),
            self._remover("committee") if row_id is not None else None,
        )
        if current is not None:
            self.full_name.setText(current.full_name)
            self.role.set_value(current.role)
            self.came.set_value(current.came)
            self.from_date.set_value(current.from_date)
            self.to_date.set_value(current.to_date)
            self.left_how.set_value(current.left_how)
            self.note.setText(current.note)
        self.mark_clean()

    def save_then_close(self) -> None:
        from khoidesktop.terms.records import CommitteeForm, save_committee_member

        typed = self.dates((self.from_date, _("In office from:")), (self.to_date, _("Left office on:")))
        if typed is None:
            return
        start, end = typed
        if start is None:
            self.message.error(_("Give the day they took office."))
            return
        form = CommitteeForm(
            self.term_id,
            self.full_name.text(),
            self.role.value() or "",
            start,
            self.came.value() or "",
            end,
            self.left_how.value(),
            self.note.text(),
            self.row_id,
        )
        now, actor = self.ctx.now(), current_actor()

        def work(session: Session) -> None:
            save_committee_member(session, form, now=now, actor=actor)

        self.write(work)


def _number(text: str) -> float | None:
    """A figure typed the Vietnamese way ("87,5", "87,5%", "1.250"); None for an empty field; ValueError else."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") == 1 and len(cleaned.split(".")[1]) == 3:
        cleaned = cleaned.replace(".", "")  # 1.250: a thousands sign
    return float(cleaned)


class TargetDialog(_TermForm):
    def __init__(self, ctx: AppContext, term_id: int, target_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("New target") if target_id is None else _("Target of the term"), parent)
        from khoidesktop.terms.records import computable, entered_values, target_form, term_form

        self.term_id, self.target_id = term_id, target_id
        with ctx.require_store().session() as session:
            known = computable(session)
            current = target_form(session, target_id) if target_id is not None else None
            values = entered_values(session, target_id) if target_id is not None else {}
            term = term_form(session, term_id)
        self.years = list(range(term.starts_on.year, term.ends_on.year + 1))
        self.position = current.position if current else 0
        self.indicator = QLineEdit(self)
        self.indicator.setPlaceholderText(_("Members rated well completed (HTTNV) or above"))
        self.computed = QComboBox(self)
        self.computed.addItem(_("Entered by hand, year by year"), None)
        for code, found in known.items():
            self.computed.addItem(_("Counted by the program: {what}").format(what=_(found.label)), code)
        self.units_of = {code: found.unit for code, found in known.items()}
        self.target = QDoubleSpinBox(self)
        self.target.setRange(0, 1_000_000)
        self.target.setDecimals(2)
        self.unit = CodeCombo(UNITS, self, empty=False)
        self.at_most = QCheckBox(_("At most (a ceiling, not a floor)"), self)
        self.form.addRow(_("Indicator:"), self.indicator)
        self.form.addRow(_("Its figure:"), self.computed)
        self.form.addRow(_("Target:"), self.target)
        self.form.addRow(_("Unit:"), self.unit)
        self.form.addRow("", self.at_most)
        self.value_fields: dict[int | None, QLineEdit] = {}
        for year in [*self.years, None]:
            field = QLineEdit(self)
            field.setObjectName(f"value_{year or 'term'}")
            self.value_fields[year] = field
            label = _("Done in {year}:").format(year=year) if year else _("Done in the term so far:")
            self.form.addRow(label, field)
        self.row_id = target_id
        self.finish(
            _("Figures entered by hand: leave a year empty while it has no figure."),
            self._remover("target") if target_id is not None else None,
        )
        self.computed.currentIndexChanged.connect(lambda _i: self._counted_or_not())
        if current is not None:
            self.indicator.setText(current.indicator)
            self.computed.setCurrentIndex(max(self.computed.findData(current.computed), 0))
            self.target.setValue(current.target)
            self.unit.set_value(current.unit)
            self.at_most.setChecked(current.at_most)
        for year, value in values.items():
            if year in self.value_fields:
                self.value_fields[year].setText(format_number(value, 0 if value.is_integer() else 2))
        self._counted_or_not()
        self.mark_clean()

    def _counted_or_not(self) -> None:
        code = self.computed.currentData()
        if code is not None:
            self.unit.set_value(self.units_of[code])
        self.unit.setEnabled(code is None)
        for field in self.value_fields.values():
            field.setEnabled(code is None)

    def save_then_close(self) -> None:
        from khoidesktop.terms.records import TargetForm, save_target, set_value

        values: dict[int | None, float | None] = {}
        for year, field in self.value_fields.items():
            try:
                values[year] = _number(field.text())
            except ValueError:
                self.message.error(_("“{text}” is not a number: type a figure such as 87,5.").format(text=field.text()))
                return
        code = self.computed.currentData()
        form = TargetForm(
            self.term_id,
            self.indicator.text(),
            self.target.value(),
            self.unit.value() or "",
            code,
            self.at_most.isChecked(),
            self.position,
            self.target_id,
        )
        now, actor = self.ctx.now(), current_actor()

        def work(session: Session) -> None:
            saved = save_target(session, form, now=now, actor=actor)
            if code is None:
                for year, value in values.items():
                    set_value(session, saved.id, year, value, now=now, actor=actor)

        self.write(work)
