"""A recruitment file: the person, the certificate, the introducers, and the steps (recorded one by one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.members import EDUCATION, GENDERS, THEORY, label
from khoidesktop.domain.names import told_apart
from khoidesktop.domain.recruitment import (
    CASE_LABELS,
    FORMS,
    RULES,
    STEP_CODES,
    STEP_FORMS,
    STEP_LABELS,
    next_step,
    step_form,
)
from khoidesktop.errors import UserError
from khoidesktop.i18n import _, format_date
from khoidesktop.members.structure import members_on
from khoidesktop.recruitment.records import (
    CandidateData,
    load_candidate,
    record_step,
    save_candidate,
    steps_of,
)
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo, DateField
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

if TYPE_CHECKING:  # only named here: the steps come from recruitment.records
    from khoidesktop.store.models import CandidateStep


class CandidateDialog(FormDialog):
    def __init__(self, ctx: AppContext, candidate_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ctx, self.candidate_id = ctx, candidate_id
        self.setWindowTitle(_("Recruitment file"))
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._person_tab(), _("Person and introducers"))
        self.tabs.addTab(self._steps_tab(), _("Steps"))
        layout.addWidget(self.tabs, 1)
        self.message = MessageLabel(self, kind="error")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close, self.save_button = QPushButton(_("Close"), self), QPushButton(_("Save"), self)
        self.save_button.setObjectName("primary")
        close.clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save())
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.finish_buttons(self.save_button)
        self._load()
        self.mark_clean()

    def save_then_close(self) -> None:
        self.save(then=self.accept)

    def _person_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.name, self.home_town, self.position, self.work_unit = (QLineEdit(tab) for _i in range(4))
        self.ethnicity, self.religion, self.notes = QLineEdit(tab), QLineEdit(tab), QLineEdit(tab)
        self.birth, self.certificate = DateField(tab), DateField(tab)
        self.gender, self.education = CodeCombo(GENDERS, tab), CodeCombo(EDUCATION, tab)
        self.theory = CodeCombo(THEORY, tab)
        self.case = CodeCombo(CASE_LABELS, tab, empty=False)  # Điều lệ Đảng, Điều 4: who introduces
        self.introducers = [QComboBox(tab), QComboBox(tab)]
        self.since = [DateField(tab), DateField(tab)]
        self.organisation_note = QLabel(tab)  # instead of the second introducer, where an organisation introduces
        self.organisation_note.setWordWrap(True)
        self.extended = QCheckBox(_("The admission decision was extended by 30 working days"), tab)
        with self.ctx.require_store().session() as session:
            officials = [m for m in members_on(session, self.ctx.today()) if m.official_on]
        shown = told_apart([(m.full_name, m.birth_date) for m in officials])  # namesakes by their birth year
        for combo in self.introducers:
            combo.addItem("", None)
            for member, name in zip(officials, shown, strict=True):
                combo.addItem(name, member.id)
        rows: list[tuple[str, QWidget | QLayout]] = [
            (_("Full name") + " *:", self.name),
            (_("Date of birth") + ":", self.birth),
            (_("Gender") + ":", self.gender),
            (_("Ethnicity") + ":", self.ethnicity),
            (_("Religion") + ":", self.religion),
            (_("Home town") + ":", self.home_town),
            (_("Position") + ":", self.position),
            (_("Work unit") + ":", self.work_unit),
            (_("Professional education") + ":", self.education),
            (_("Political theory") + ":", self.theory),
            (_("Awareness course certificate of:"), self.certificate),
            (_("Who introduces:"), self.case),
        ]
        self.introducer_pairs: list[QWidget] = []
        for number in (0, 1):
            pair = QWidget(tab)
            line = QHBoxLayout(pair)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(self.introducers[number], 1)
            line.addWidget(QLabel(_("working together since"), pair))
            line.addWidget(self.since[number])
            self.introducer_pairs.append(pair)
            row = QHBoxLayout()
            row.addWidget(pair, 1)
            if number == 1:
                row.addWidget(self.organisation_note, 1)
            rows.append((_("Introducer {n}:").format(n=number + 1), row))
        rows += [("", self.extended), (_("Notes:"), self.notes)]
        for text, widget in rows:
            form.addRow(text, widget)
        self.case.currentIndexChanged.connect(self._case_changed)
        self._case_changed()
        return tab

    def _case_changed(self) -> None:
        """Two official members, or an organisation's grassroots committee and one official member: in the second
        case the second introducer is not asked, and the note says why (Điều lệ Đảng, Điều 4)."""
        case = RULES.case(self.case.value() or "members")
        self.introducer_pairs[1].setVisible(case.member_introducers > 1)
        self.organisation_note.setVisible(case.organisation is not None)
        if case.organisation:
            number = FORMS["organisation_resolution"].number
            self.organisation_note.setText(
                _("{organisation}, by its resolution (form {form})").format(
                    organisation=_(case.organisation), form=number
                )
                if number
                else _("{organisation}, by its resolution").format(organisation=_(case.organisation))
            )
        if hasattr(self, "recorded"):
            self._show_next()

    def _steps_tab(self) -> QWidget:
        tab = QWidget(self)
        box = QVBoxLayout(tab)
        self.steps = QTableWidget(0, 4, tab)
        self.steps.setHorizontalHeaderLabels([_("Step"), _("Form"), _("Date"), _("Document number")])
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.steps, 1)
        form = QFormLayout()
        self.received = DateField(tab)  # the ceremony's 30 working days count from this day
        received = QHBoxLayout()
        received.addWidget(self.received)
        received.addWidget(
            QLabel(
                _("(the ceremony is due within {days} working days of it)").format(days=RULES.ceremony_workdays), tab
            ),
            1,
        )
        self.next_label = QLabel(tab)
        self.next_form = QLabel(tab)
        self.next_form.setWordWrap(True)
        self.step_date, self.step_document = DateField(tab), QLineEdit(tab)
        self.votes = [QSpinBox(tab) for _i in range(3)]
        votes = QHBoxLayout()
        for text, spin in zip((_("For:"), _("Against:"), _("Abstain:")), self.votes, strict=True):
            spin.setRange(0, 9999)
            votes.addWidget(QLabel(text, tab))
            votes.addWidget(spin)
        self.passed = QCheckBox(_("The vote passed"), tab)
        self.passed.setChecked(True)
        self.record_button = QPushButton(_("Record this step"), tab)
        self.record_button.clicked.connect(self.record)
        for text, widget in (
            (_("Admission decision received on:"), received),
            (_("Next step:"), self.next_label),
            ("", self.next_form),
            (_("Date:"), self.step_date),
            (_("Document number:"), self.step_document),
            (_("Cell vote:"), votes),
            ("", self.passed),
            ("", self.record_button),
        ):
            form.addRow(text, widget)
        box.addLayout(form)
        return tab

    def _load(self) -> None:
        if self.candidate_id is None:
            self.next_step: str | None = "source"  # the steps tab opens once the person is saved
            self.recorded: dict[str, CandidateStep] = {}
            self.received.setEnabled(False)
            self.tabs.setTabEnabled(1, False)
            return
        with self.ctx.require_store().session() as session:
            c = load_candidate(session, self.candidate_id)
            steps = steps_of(session, self.candidate_id)
        for edit, value in (
            (self.name, c.full_name),
            (self.ethnicity, c.ethnicity),
            (self.religion, c.religion),
            (self.home_town, c.home_town),
            (self.position, c.position),
            (self.work_unit, c.work_unit),
            (self.notes, c.notes),
        ):
            edit.setText(value)
        self.birth.set_value(c.birth_date)
        self.certificate.set_value(c.certificate_on)
        self.gender.set_value(c.gender)
        self.education.set_value(c.professional_education)
        self.theory.set_value(c.political_theory)
        self.extended.setChecked(c.extended)
        self.case.set_value(c.introduction_case)
        decision = steps.get("decision")
        self.received.set_value(c.decision_received_on or (decision.on_date if decision else None))
        self.received.setEnabled(decision is not None)  # by default the decision's date
        for number, (member_id, since) in enumerate(
            ((c.introducer1_id, c.introducer1_since), (c.introducer2_id, c.introducer2_since))
        ):
            self.introducers[number].setCurrentIndex(max(self.introducers[number].findData(member_id), 0))
            self.since[number].set_value(since)
        for spin, count in zip(self.votes, (c.votes_for, c.votes_against, c.votes_abstain), strict=True):
            spin.setValue(count or 0)
        self._show_steps(steps)

    def _show_steps(self, steps: dict[str, CandidateStep]) -> None:
        done = [code for code in STEP_CODES if code in steps]
        self.steps.setRowCount(len(done))
        for row, code in enumerate(done):
            for column, text in enumerate(
                (
                    label(STEP_LABELS, code),
                    STEP_FORMS[code],
                    format_date(steps[code].on_date),
                    steps[code].document_number,
                )
            ):
                self.steps.setItem(row, column, QTableWidgetItem(text))
        self.steps.resizeColumnsToContents()
        self.recorded = steps
        self._show_next()

    def _show_next(self) -> None:
        """The step to record next, for the case chosen on the first tab, and the form that documents it."""
        following = next_step(self.recorded, self.case.value() or "members")
        self.next_step = following
        self.next_label.setText(label(STEP_LABELS, following) if following else _("The file is complete."))
        form = step_form(following) if following else None
        text = ""
        if form is not None:
            text = (
                _("Document: {title} (form {form}), drawn up by {issuer}.")
                if form.number
                else _("Document: {title}, drawn up by {issuer}.")
            ).format(title=_(form.title), form=form.number, issuer=_(form.issuer))
        self.next_form.setText(text)
        self.next_form.setVisible(bool(text))
        self.record_button.setEnabled(following is not None)

    def data(self) -> CandidateData:
        return CandidateData(
            self.name.text(),
            self.birth.value(),
            self.gender.value(),
            self.ethnicity.text(),
            self.religion.text(),
            self.home_town.text(),
            self.position.text(),
            self.work_unit.text(),
            self.education.value(),
            self.theory.value(),
            self.certificate.value(),
            self.introducers[0].currentData(),
            self.since[0].value(),
            self.introducers[1].currentData(),
            self.since[1].value(),
            self.extended.isChecked(),
            self.notes.text(),
            self.case.value() or "members",
            self.received.value() if self.received.isEnabled() else None,
        )

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the person (in the background); then `then()`, once it is written."""
        try:
            data = self.data()
        except (UserError, ValueError) as exc:
            self.message.error(exc.message if isinstance(exc, UserError) else str(exc))
            return
        candidate_id = self.candidate_id

        def write(session: Session) -> int:
            return save_candidate(session, candidate_id, data, now=self.ctx.now(), actor=current_actor()).id

        def saved(new_id: int) -> None:
            self.candidate_id = new_id
            self.message.ok(_("Saved."))
            self.tabs.setTabEnabled(1, True)
            self._load()
            self.mark_clean()
            if then is not None:
                then()

        run_write(self, self.ctx, write, saved, on_error=self.message.error, busy=self)

    def record(self) -> None:
        """Save the person, then record the next step (with the cell's vote when it is the resolution)."""
        votes = [spin.value() for spin in self.votes]  # read before saving the person reloads the fields
        self.save(then=lambda: self._record_step(votes))

    def _record_step(self, votes: list[int]) -> None:
        candidate_id, step = self.candidate_id, self.next_step
        if candidate_id is None or step is None:
            return  # saved, so it has an id; no step is left once the file is complete (the button is off)
        try:
            on = self.step_date.value()
            if on is None:
                raise UserError(_("Type the date of the step."))
        except (UserError, ValueError) as exc:
            self._refused(exc.message if isinstance(exc, UserError) else str(exc))
            return
        document, passed = self.step_document.text(), self.passed.isChecked()
        vote = (votes[0], votes[1], votes[2]) if step == "cell_resolution" else None

        def write(session: Session) -> str:
            return record_step(
                session,
                candidate_id,
                step,
                on,
                now=self.ctx.now(),
                actor=current_actor(),
                document_number=document,
                passed=passed,
                votes=vote,
            )

        def recorded(text: str) -> None:
            self.message.ok(text)
            self.step_date.clear()
            self.step_document.clear()
            self._load()
            self.mark_clean()

        run_write(self, self.ctx, write, recorded, on_error=self._refused, busy=self)

    def _refused(self, message: str) -> None:
        self.message.error(message)
