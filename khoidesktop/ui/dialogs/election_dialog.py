"""One election of a term's congress (or of its committee): what for, the day, the seats, those summoned and present
(from the congress's summoned list or the committee when they exist), the ballots, the counting board, and the
candidates in a table (picked from the members at a cell, typed elsewhere; nominated or self-nominated; withdrawn:
kept on the list, not on the ballot) with their votes. The result is counted live by the same check and count the
save applies (terms/elections.election_problems, domain/elections.tally), in the shared message style, in a space
kept for it. A stored vote offers the round among the tied, the next round of a failed secretary vote, and
writing its result into the committee or the delegation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.elections import tally
from khoidesktop.i18n import N_, _
from khoidesktop.store.audit import current_actor
from khoidesktop.terms.elections import (
    APPOINTS,
    FAILED,
    NOMINATED,
    PURPOSES,
    TIE_PENDING,
    CandidateForm,
    ElectionForm,
    election_problems,
    parse_names,
)
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo, DateField, NameCombo
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.terms.elections import ElectionResult

HEADERS = (N_("No."), N_("Full name"), N_("How nominated"), N_("Withdrawn"), N_("Votes"))
NUMBER, NAME, HOW, WITHDRAWN, VOTES = range(5)
MOST = 100_000


def _spin(parent: QWidget, low: int = 0, high: int = MOST) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setGroupSeparatorShown(False)
    return box


class ElectionDialog(FormDialog):
    def __init__(self, ctx: AppContext, term_id: int, election_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from khoidesktop.datafile.identity import get_identity
        from khoidesktop.datafile.kinds import kind_of
        from khoidesktop.terms.elections import election_form, election_result, member_choices
        from khoidesktop.terms.records import term_row

        self.setWindowTitle(_("New election") if election_id is None else _("Election"))
        self.setMinimumWidth(760)
        self.term_id, self.election_id = term_id, election_id
        with ctx.require_store().session() as session:
            term = term_row(session, term_id)
            congress_day = term.congress_on or term.starts_on
            roles = set(kind_of(get_identity(session)).committee_roles)
            self.members = member_choices(session, congress_day)
            form = election_form(session, election_id) if election_id is not None else None
            self.stored: ElectionResult | None = (
                election_result(session, election_id) if election_id is not None else None
            )
        self.round, self.runoff = (form.round, form.runoff) if form is not None else (1, False)
        box = QVBoxLayout(self)
        top = QFormLayout()
        self.purpose = CodeCombo(
            {code: label for code, label in PURPOSES.items() if code != "standing" or "standing" in roles},
            self,
            empty=False,
        )
        self.held_on = DateField(self)
        self.seats = _spin(self, 1, 1000)
        top.addRow(_("The vote for:"), self.purpose)
        top.addRow(_("Held on:"), self.held_on)
        seats = QHBoxLayout()
        seats.addWidget(self.seats)
        seats.addStretch(1)
        top.addRow(_("Seats to fill:"), seats)
        people = QHBoxLayout()
        self.summoned, self.present = _spin(self, 1), _spin(self)
        people.addWidget(self.summoned)
        people.addWidget(QLabel(_("present:"), self))
        people.addWidget(self.present)
        self.source = QLabel(self)
        self.source.setObjectName("pageSubtitle")
        people.addWidget(self.source, 1)
        top.addRow(_("Summoned:"), people)
        ballots = QHBoxLayout()
        self.issued, self.returned, self.valid, self.invalid = (_spin(self) for _i in range(4))
        for label, spin in (
            (_("issued"), self.issued),
            (_("returned"), self.returned),
            (_("valid"), self.valid),
            (_("invalid"), self.invalid),
        ):
            ballots.addWidget(QLabel(label, self))
            ballots.addWidget(spin)
        ballots.addStretch(1)
        top.addRow(_("Ballots:"), ballots)
        self.board = QLineEdit(self)
        self.board.setPlaceholderText(_("the head first, names separated by “;”"))
        top.addRow(_("Counting board:"), self.board)
        box.addLayout(top)

        heading = QHBoxLayout()
        heading.addWidget(QLabel(_("Candidates and their votes:"), self), 1)
        self.add_button = QPushButton(_("Add a candidate"), self)
        self.add_button.clicked.connect(lambda: self._add_row(CandidateForm("")))
        self.remove_button = QPushButton(_("Remove the candidate"), self)
        self.remove_button.clicked.connect(self._remove_row)
        heading.addWidget(self.add_button)
        heading.addWidget(self.remove_button)
        box.addLayout(heading)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(NUMBER, 48)
        self.table.setColumnWidth(HOW, 150)
        self.table.setColumnWidth(WITHDRAWN, 80)
        self.table.setMinimumHeight(190)
        box.addWidget(self.table, 1)

        self.outcome = MessageLabel(self, lines=4)  # the space kept: the layout does not jump
        self.outcome.setWordWrap(True)
        box.addWidget(self.outcome)
        self.message = MessageLabel(self, lines=2, kind="error")
        box.addWidget(self.message)
        buttons = QHBoxLayout()
        self.runoff_button = QPushButton(_("Vote again among the tied"), self)
        self.runoff_button.clicked.connect(lambda: self._act("runoff"))
        self.next_button = QPushButton(_("Vote again (next round)"), self)
        self.next_button.clicked.connect(lambda: self._act("next"))
        self.apply_button = QPushButton(_("Record in the committee / delegation"), self)
        self.apply_button.clicked.connect(lambda: self._act("apply"))
        for button in (self.runoff_button, self.next_button, self.apply_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.save_button = self.add_save_and_close(box, buttons)

        if form is None:
            self.held_on.set_value(congress_day)
            self.seats.setValue(1)
            self._fill_attendance()
        else:
            self._load(form)
        self._show_actions()
        self._connect()
        self.recount()
        self.mark_clean()

    # --- loading ------------------------------------------------------------------------------------------

    def _load(self, form: ElectionForm) -> None:
        self.purpose.set_value(form.purpose)
        self.held_on.set_value(form.held_on)
        self.seats.setValue(form.seats)
        self.summoned.setValue(form.summoned or 1)
        self.present.setValue(form.present or 0)
        self.issued.setValue(form.ballots_issued)
        self.returned.setValue(form.ballots_returned)
        self.valid.setValue(form.ballots_valid)
        self.invalid.setValue(form.ballots_invalid)
        self.board.setText("; ".join(form.counting_board))
        for candidate in form.candidates:
            self._add_row(candidate)
        self.source.setText("")

    def _fill_attendance(self) -> None:
        """A new vote: those summoned and present from the congress's list or the committee, where they exist."""
        from khoidesktop.terms.elections import attendance

        try:
            on = self.held_on.value() or date.today()
        except ValueError:
            return
        with self.ctx.require_store().session() as session:
            found = attendance(session, self.term_id, self.purpose.value() or "committee", on)
        if found is None:
            self.source.setText(_("typed: the congress has no summoned list yet"))
            return
        self.summoned.setValue(found[0])
        self.present.setValue(found[1])
        self.source.setText(_("from the summoned list or the committee"))

    def _add_row(self, candidate: CandidateForm) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = NameCombo(self.table)
        name.set_names([n for _id, n in self.members])
        name.set_value(candidate.full_name)
        how = QComboBox(self.table)
        for code, label in NOMINATED.items():
            how.addItem(_(label), code)
        how.setCurrentIndex(max(how.findData(candidate.nominated), 0))
        withdrawn = QCheckBox(self.table)
        withdrawn.setChecked(candidate.withdrawn)
        votes = _spin(self.table, -1)
        votes.setSpecialValueText(" ")  # -1: not counted yet
        votes.setValue(-1 if candidate.votes is None else candidate.votes)
        number = QTableWidgetItem(str(row + 1))
        number.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(row, NUMBER, number)
        self.table.setCurrentCell(0, NUMBER)
        self.table.setCellWidget(row, NAME, name)
        self.table.setCellWidget(row, HOW, how)
        self.table.setCellWidget(row, WITHDRAWN, withdrawn)
        self.table.setCellWidget(row, VOTES, votes)
        name.currentTextChanged.connect(lambda _t: self.recount())
        withdrawn.toggled.connect(lambda _c: self.recount())
        votes.valueChanged.connect(lambda _v: self.recount())
        self.recount()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            for index in range(self.table.rowCount()):
                item = self.table.item(index, NUMBER)
                if item is not None:
                    item.setText(str(index + 1))
            self.recount()

    def _connect(self) -> None:
        for spin in (self.seats, self.summoned, self.present, self.issued, self.returned, self.valid, self.invalid):
            spin.valueChanged.connect(lambda _v: self.recount())
        self.purpose.currentIndexChanged.connect(lambda _i: self._purpose_changed())

    def _purpose_changed(self) -> None:
        if self.election_id is None:
            self._fill_attendance()
        self.recount()

    # --- the form -----------------------------------------------------------------------------------------

    def _candidates(self) -> tuple[CandidateForm, ...]:
        ids = {name: member_id for member_id, name in self.members}
        found = []
        for row in range(self.table.rowCount()):
            name, how, withdrawn, votes = (self.table.cellWidget(row, c) for c in (NAME, HOW, WITHDRAWN, VOTES))
            assert isinstance(name, NameCombo) and isinstance(how, QComboBox)
            assert isinstance(withdrawn, QCheckBox) and isinstance(votes, QSpinBox)
            text = name.value().strip()
            found.append(
                CandidateForm(
                    text,
                    ids.get(text),
                    how.currentData(),
                    withdrawn.isChecked(),
                    None if votes.value() < 0 or withdrawn.isChecked() else votes.value(),
                )
            )
        return tuple(found)

    def form(self, held_on: date) -> ElectionForm:
        return ElectionForm(
            self.term_id,
            self.purpose.value() or "committee",
            held_on,
            self.seats.value(),
            self.summoned.value(),
            self.present.value(),
            self.issued.value(),
            self.returned.value(),
            self.valid.value(),
            self.invalid.value(),
            parse_names(self.board.text()),
            self._candidates(),
            self.round,
            self.runoff,
            self.election_id,
        )

    def recount(self) -> None:
        """The result as the rules count it, or what stops it being counted, as the user types."""
        from khoidesktop.terms.elections import ballot_votes
        from khoidesktop.terms.tally import outcome_lines

        try:
            held_on = self.held_on.value() or date.today()
        except ValueError:
            held_on = date.today()
        form = self.form(held_on)
        problems = election_problems(form, form.summoned or 1, form.present or 0)
        if problems:
            self.outcome.warn("\n".join(problems[:4]))
            return
        if not form.counted:
            self.outcome.say(_("The result is counted once the ballots and the votes are entered."), "ok")
            return
        result = tally(
            form.summoned or 1,
            form.seats,
            form.ballots,
            ballot_votes(form),
            present=form.present,
            runoff=form.runoff,
            on=held_on,
        )
        lines = outcome_lines(result)
        if result.elected:
            lines.insert(0, _("Elected: {names}.").format(names=", ".join(result.elected)))
        if self.stored is not None and not self.dirty and self.stored.notes:
            lines = list(self.stored.lines)
        self.outcome.say("\n".join(lines), "warning" if result.tie or result.seats_unfilled else "ok")

    def _show_actions(self) -> None:
        state = self.stored.state if self.stored is not None else ""
        counted = self.stored is not None and self.stored.result is not None
        self.runoff_button.setEnabled(state == TIE_PENDING)
        self.next_button.setEnabled(state == FAILED)
        self.next_button.setVisible(self.purpose.value() in ("secretary", "deputy"))
        self.apply_button.setEnabled(
            counted and state not in (TIE_PENDING, APPOINTS) and not (self.stored and self.stored.applied)
        )

    # --- saving and acting --------------------------------------------------------------------------------

    def _write(self, work: Callable[[Session], object]) -> None:
        def done(_result: object) -> None:
            self.mark_clean()
            self.accept()

        run_write(self, self.ctx, work, done, on_error=self.message.error, busy=self)

    def save_then_close(self) -> None:
        from khoidesktop.terms.elections import save_election

        try:
            held_on = self.held_on.value()
        except ValueError as exc:
            self.message.error(f"{_('Held on:')} {exc}")
            return
        if held_on is None:
            self.message.error(_("Give the day of the vote."))
            return
        form = self.form(held_on)
        now, actor = self.ctx.now(), current_actor()
        self._write(lambda session: save_election(session, form, now=now, actor=actor))

    def _act(self, what: str) -> None:
        from khoidesktop.terms.elections import apply_result, next_round, set_up_runoff

        if self.election_id is None:
            return
        if self.dirty:
            self.message.error(_("Save the changes first."))
            return
        election_id, now, actor = self.election_id, self.ctx.now(), current_actor()
        chosen = {"runoff": set_up_runoff, "next": next_round, "apply": apply_result}[what]
        self._write(lambda session: chosen(session, election_id, now=now, actor=actor))
