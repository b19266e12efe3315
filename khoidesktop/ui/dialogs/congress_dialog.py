"""The congress of a term (Nhiệm kỳ → “Đại hội…”): Thông tin (date, place, agenda, presidium, secretariat, counting
board), Triệu tập (the summoned list with one-click absentees and the reason typed in place, the quorum live) and
Tài liệu (documents kept in the data file: attach, save out, remove). Everything goes through terms/congress.py,
which checks and audits it; a refusal is said on the message line and nothing is written.

Making the list again, attaching and removing a document write at once: they save what the form shows first, so
the list is made on the date shown and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import kind_of
from khoidesktop.domain.congress import ABSENT, DOCUMENT_KINDS, Attendee, congress_quorum
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import OWN_SAVE, FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.attendance_table import AttendanceTable
from khoidesktop.ui.widgets.fields import CodeCombo, DateField
from khoidesktop.ui.widgets.figure_table import FigureTable
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.terms.congress import DocumentRow, SummonedRow

DOCUMENT_HEADERS = (N_("Kind"), N_("Title"), N_("Dated"), N_("File name"), N_("Size"))


class CongressDialog(FormDialog):
    def __init__(self, ctx: AppContext, term_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from khoidesktop.terms.records import term_row

        store = ctx.require_store()
        with store.session() as session:
            term = term_row(session, term_id)
            self.term_name, self.term_congress_on = term.name, term.congress_on
            self.at_cell = not kind_of(get_identity(session)).aggregates
        self.term_id = term_id
        self.setWindowTitle(_("Congress of the term {term}").format(term=self.term_name))
        self.setMinimumWidth(760)
        box = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._info_tab(), _("Information"))
        self.tabs.addTab(self._summoned_tab(), _("Summoned"))
        self.tabs.addTab(self._documents_tab(), _("Documents"))
        box.addWidget(self.tabs, 1)
        self.message = MessageLabel(self, lines=2, kind="error")
        box.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = self.add_save_and_close(box, buttons)
        self.rows: list[SummonedRow] = []
        self.document_rows: list[DocumentRow] = []
        self._load()

    # --- the tabs ---------------------------------------------------------------------------------------------

    def _people(self, parent: QWidget) -> QPlainTextEdit:
        field = QPlainTextEdit(parent)
        field.setPlaceholderText(_("One name a line"))
        field.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        return field

    def _info_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.held_on = DateField(tab)
        self.place = QLineEdit(tab)
        self.agenda = QPlainTextEdit(tab)
        self.presidium, self.secretariat, self.counting_board = (self._people(tab) for _i in range(3))
        form.addRow(_("Congress held on:"), self.held_on)
        form.addRow(_("Place:"), self.place)
        form.addRow(_("Agenda:"), self.agenda)
        form.addRow(_("Presidium:"), self.presidium)
        form.addRow(_("Secretariat:"), self.secretariat)
        form.addRow(_("Counting board:"), self.counting_board)
        return tab

    def _summoned_tab(self) -> QWidget:
        tab = QWidget(self)
        box = QVBoxLayout(tab)
        about = QLabel(
            _(
                "The official members on the congress's day are summoned; a probationary member attends without "
                "voting and is not counted. An exempt member, or one temporarily transferred out, counts only when "
                "present."
            )
            if self.at_cell
            else _("The delegates the units elected are summoned: paste their names, one a line, then make the list."),
            tab,
        )
        about.setWordWrap(True)
        about.setObjectName("pageSubtitle")
        box.addWidget(about)
        row = QHBoxLayout()
        self.names: QPlainTextEdit | None = None
        if self.at_cell:
            self.summon_button = QPushButton(_("Make the list from the members again"), tab)
            self.summon_button.clicked.connect(lambda: self._summon(None))
            row.addWidget(self.summon_button)
        else:
            pasted = QWidget(tab)
            pasted.setProperty(OWN_SAVE, True)  # written by its own button
            inner = QHBoxLayout(pasted)
            inner.setContentsMargins(0, 0, 0, 0)
            self.names = QPlainTextEdit(pasted)
            self.names.setPlaceholderText(_("The delegates' names, one a line"))
            self.names.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
            inner.addWidget(self.names, 1)
            self.summon_button = QPushButton(_("Make the list from these names"), pasted)
            self.summon_button.clicked.connect(lambda: self._summon(self.names.toPlainText() if self.names else ""))
            inner.addWidget(self.summon_button)
            row.addWidget(pasted, 1)
        everyone = QPushButton(_("Everyone present"), tab)
        row.addStretch(0 if not self.at_cell else 1)
        row.addWidget(everyone)
        box.addLayout(row)
        self.attendance = AttendanceTable(tab)
        everyone.clicked.connect(self.attendance.all_present)
        self.attendance.changed.connect(self._show_quorum)
        box.addWidget(self.attendance, 1)
        self.quorum_label = MessageLabel(tab, lines=2)  # room for the longer line: nothing moves when it changes
        box.addWidget(self.quorum_label)
        return tab

    def _documents_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setProperty(OWN_SAVE, True)  # each button writes at once
        box = QVBoxLayout(tab)
        form = QFormLayout()
        self.document_kind = CodeCombo(DOCUMENT_KINDS, tab, empty=False)
        self.document_title = QLineEdit(tab)
        self.document_title.setPlaceholderText(_("e.g. {example}").format(example="Báo cáo chính trị trình Đại hội"))
        self.document_dated = DateField(tab)
        form.addRow(_("Kind of document:"), self.document_kind)
        form.addRow(_("Title:"), self.document_title)
        form.addRow(_("Dated:"), self.document_dated)
        box.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.attach_button = QPushButton(_("Attach a file…"), tab)
        self.attach_button.clicked.connect(self._attach)
        row.addWidget(self.attach_button)
        box.addLayout(row)
        self.documents = FigureTable([_(h) for h in DOCUMENT_HEADERS], tab, stretch=1)
        box.addWidget(self.documents, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.save_out_button = QPushButton(_("Save to a file…"), tab)
        self.save_out_button.clicked.connect(self._save_out)
        self.remove_button = QPushButton(_("Remove…"), tab)
        self.remove_button.clicked.connect(self._remove)
        actions.addWidget(self.save_out_button)
        actions.addWidget(self.remove_button)
        box.addLayout(actions)
        note = QLabel(_("A document is kept in the data file (at most 20 MB), so a backup carries it."), tab)
        note.setWordWrap(True)
        note.setObjectName("pageSubtitle")
        box.addWidget(note)
        return tab

    # --- showing ----------------------------------------------------------------------------------------------

    def _load(self) -> None:
        from khoidesktop.terms.congress import congress_form, documents, summoned

        with self.ctx.require_store().session() as session:
            form = congress_form(session, self.term_id)
            self.rows = summoned(session, self.term_id)
            self.document_rows = documents(session, self.term_id)
        if form is None:
            self.held_on.set_value(self.term_congress_on)
        else:
            self.held_on.set_value(form.held_on)
            self.place.setText(form.place)
            self.agenda.setPlainText(form.agenda)
            self.presidium.setPlainText(form.presidium)
            self.secretariat.setPlainText(form.secretariat)
            self.counting_board.setPlainText(form.counting_board)
        self.attendance.set_members(self.rows, {r.id: (r.attendance, r.reason) for r in self.rows})
        self._show_quorum()
        self._show_documents()
        self.mark_clean()

    def _show_documents(self) -> None:
        self.documents.set_rows(
            [
                (
                    _(DOCUMENT_KINDS[d.kind]),
                    d.title,
                    format_date(d.dated),
                    d.file_name,
                    format_number(d.size / (1024 * 1024), 2) + " MB",
                )
                for d in self.document_rows
            ]
        )
        has = bool(self.document_rows)
        self.save_out_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _attendance(self) -> dict[int, tuple[str, str]]:
        """What the table shows: absent with a reason typed is excused, without one absent."""
        return {
            row_id: (ABSENT if code == "unexcused" else code, reason)
            for row_id, (code, reason) in self.attendance.value().items()
        }

    def _show_quorum(self) -> None:
        from khoidesktop.terms.congress import quorum_text

        if not self.rows:
            self.quorum_label.warn(quorum_text(None))
            return
        shown = self._attendance()
        day = self._day() or self.term_congress_on or date.today()
        q = congress_quorum([Attendee(shown[r.id][0], r.status) for r in self.rows], day)
        self.quorum_label.say(quorum_text(q), "ok" if q.valid else "warning")

    def _day(self) -> date | None:
        try:
            return self.held_on.value()
        except ValueError:
            return None

    # --- writing ----------------------------------------------------------------------------------------------

    def _saving(self) -> Callable[[Session], None] | None:
        """The write of what the form shows (the congress and the attendance), or None after saying what is wrong."""
        from khoidesktop.terms.congress import CongressForm, save_congress, set_attendances

        try:
            held_on = self.held_on.value()
        except ValueError as exc:
            self.tabs.setCurrentIndex(0)
            self.message.error(_("Congress held on:") + f" {exc}")
            return None
        if held_on is None:
            self.tabs.setCurrentIndex(0)
            self.message.error(_("Give the day of the congress."))
            return None
        form = CongressForm(
            self.term_id,
            held_on,
            self.place.text(),
            self.agenda.toPlainText(),
            self.presidium.toPlainText(),
            self.secretariat.toPlainText(),
            self.counting_board.toPlainText(),
        )
        attendance = self._attendance()
        now, actor = self.ctx.now(), current_actor()

        def write(session: Session) -> None:
            save_congress(session, form, now=now, actor=actor)
            set_attendances(session, attendance, now=now, actor=actor)

        return write

    def save_then_close(self) -> None:
        write = self._saving()
        if write is None:
            return

        def done(_result: None) -> None:
            self.mark_clean()
            self.accept()

        run_write(self, self.ctx, write, done, on_error=self.message.error, busy=self)

    def _then(self, action: Callable[[Session], Any]) -> None:
        """Save what the form shows, then `action`, in one transaction; then show what is stored."""
        write = self._saving()
        if write is None:
            return

        def both(session: Session) -> None:
            write(session)
            action(session)

        def done(_result: None) -> None:
            self.message.error("")
            self._load()

        run_write(self, self.ctx, both, done, on_error=self.message.error, busy=self)

    def _summon(self, names: str | None) -> None:
        from khoidesktop.terms.congress import summon_members, summon_names

        now, actor = self.ctx.now(), current_actor()
        if names is None:
            self._then(lambda session: summon_members(session, self.term_id, now=now, actor=actor))
        else:
            self._then(lambda session: summon_names(session, self.term_id, names, now=now, actor=actor))

    def _attach(self) -> None:
        from khoidesktop.terms.congress import attach_file, document_problems

        try:
            dated = self.document_dated.value()
        except ValueError as exc:
            self.message.error(_("Dated:") + f" {exc}")
            return
        kind, title = self.document_kind.value() or "", self.document_title.text()
        problems = document_problems(kind, title, dated, 1)  # the file's size is checked once chosen
        if problems:
            self.message.error("\n".join(problems))
            return
        path = self.ctx.prompts.open_file(_("Attach a file"), _("All files (*)"))
        if path is None:
            return
        now, actor = self.ctx.now(), current_actor()
        self._then(lambda session: attach_file(session, self.term_id, path, kind, title, dated, now=now, actor=actor))
        self.document_title.clear()

    def _chosen_document(self) -> DocumentRow | None:
        row = self.documents.currentRow()
        if 0 <= row < len(self.document_rows):
            return self.document_rows[row]
        if len(self.document_rows) == 1:
            return self.document_rows[0]
        self.message.error(_("Choose a document in the list first."))
        return None

    def _save_out(self) -> None:
        from khoidesktop.ui.save_file import save_made_file

        chosen = self._chosen_document()
        if chosen is None:
            return
        suffix = Path(chosen.file_name).suffix

        def make(store: Any, path: Path, _progress: Any, _cancelled: Any) -> Path:
            from khoidesktop.terms.congress import save_document_out

            with store.session() as session:
                return save_document_out(session, chosen.id, path, store.path)

        save_made_file(
            self,
            self.ctx,
            title=_("Save the document"),
            name=chosen.file_name,
            label=_("Saving the document…"),
            make=make,
            file_filter=f"{suffix.lstrip('.').upper()} (*{suffix})" if suffix else _("All files (*)"),
        )

    def _remove(self) -> None:
        from khoidesktop.terms.congress import remove_document

        chosen = self._chosen_document()
        if chosen is None or not self.ctx.prompts.confirm(
            _("Remove"),
            _("Remove “{title}” from the data file? The audit log keeps what it was, not its contents.").format(
                title=chosen.title
            ),
        ):
            return
        now, actor = self.ctx.now(), current_actor()
        self._then(lambda session: remove_document(session, chosen.id, now=now, actor=actor))
