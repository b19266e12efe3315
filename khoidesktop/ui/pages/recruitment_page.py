"""Phát triển đảng viên: the files by step with their next deadline (overdue and stale ones stand out), the
targets and the progress against them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.members import label
from khoidesktop.domain.recruitment import STEP_LABELS
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.recruitment.records import last_step_withdrawal, withdraw_last_step
from khoidesktop.recruitment.stats import file_rows, recruitment_figures, set_target
from khoidesktop.store.audit import current_actor
from khoidesktop.ui import recruitment_actions
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.message import MessageLabel
from khoidesktop.ui.widgets.row_open import open_on_activate
from khoidesktop.ui.withdraw_actions import withdraw

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HEADERS = (N_("Full name"), N_("Step reached"), N_("Next deadline"), N_("Working days left"))


class RecruitmentPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.candidate_ids: list[int] = []
        top = QHBoxLayout()
        self.add_button = QPushButton(_("New recruitment file"), self)
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(lambda: self.open_file(None))
        self.print_button = QPushButton(_("Print (PDF)"), self)
        menu = QMenu(self.print_button)
        menu.addAction(_("Report on recruitment…"), lambda: recruitment_actions.report(self, ctx))
        menu.addAction(_("Cell resolution proposing admission (6-KNĐ)…"), self._resolution)
        self.print_button.setMenu(menu)
        top.addWidget(self.add_button)
        self.withdraw_button = QPushButton(_("Withdraw the last step…"), self)
        self.withdraw_button.setToolTip(_("Withdraw the last step of the selected file, entered in error."))
        self.withdraw_button.clicked.connect(self.withdraw_last_step)
        top.addWidget(self.print_button)
        top.addWidget(self.withdraw_button)
        top.addStretch(1)
        self.layout_.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for column in range(len(HEADERS)):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            )
        open_on_activate(self.table, lambda row: self.open_file(self.candidate_ids[row]))
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self._targets_box())

    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(_("Admission targets set by the superior committee"), self)
        lines = QVBoxLayout(box)
        row, below = QHBoxLayout(), QHBoxLayout()  # on two lines: the box fits 1366×768 at 150 %
        lines.addLayout(row)
        lines.addLayout(below)
        self.year_target, self.term_target = QSpinBox(box), QSpinBox(box)
        self.term_from, self.term_to = QSpinBox(box), QSpinBox(box)
        for spin in (self.year_target, self.term_target):
            spin.setRange(0, 100000)
        for spin, value in ((self.term_from, 2025), (self.term_to, 2030)):
            spin.setRange(2000, 2100)
            spin.setValue(value)
        save = self.targets_button = QPushButton(_("Save the targets"), box)
        save.clicked.connect(self.save_targets)
        for text, widget in (
            (_("This year:"), self.year_target),
            (_("Term from"), self.term_from),
            (_("to"), self.term_to),
        ):
            row.addWidget(QLabel(text, box))
            row.addWidget(widget)
        row.addStretch(1)
        below.addWidget(QLabel(_("Term target:"), box))
        below.addWidget(self.term_target)
        self.target_message = MessageLabel(box, kind="error")
        below.addWidget(self.target_message, 1)
        below.addWidget(save)
        return box

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        today = self.ctx.today()
        with self.ctx.store.session() as session:
            calendar = self.ctx.work_calendar()
            rows = file_rows(session, today, calendar)
            figures = recruitment_figures(session, today.year, today, calendar)
        self.candidate_ids = [r.candidate.id for r in rows]
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            deadline = row.deadline
            due = ""
            if deadline:
                due = _("{what} by {date}").format(what=_(deadline.what), date=format_date(deadline.due))
            left = ""
            if deadline:
                days = deadline.working_days_left
                left = str(days) if days >= 0 else _("{n} days overdue").format(n=-days)
            if row.stale:
                due = (due + " — " if due else "") + _("no move for 12 months")
            for column, text in enumerate((row.candidate.full_name, label(STEP_LABELS, row.step), due, left)):
                item = QTableWidgetItem(text)
                if row.overdue:
                    item.setForeground(QColor("#b91c1c"))
                elif row.stale:
                    item.setForeground(QColor("#b45309"))
                item.setToolTip(text)
                self.table.setItem(index, column, item)
        term = figures["term"]
        text = _("Admitted in {year}: {n}").format(year=today.year, n=figures["admitted_in_year"])
        if figures["year_target"]:
            text += _(" of {target} planned").format(target=figures["year_target"])
        if term:
            text += "; " + _("term {first}–{last}: {admitted} of {target} ({percent}%)").format(
                first=term["first_year"],
                last=term["last_year"],
                admitted=term["admitted"],
                target=term["target"],
                percent=format_number(figures["progress_percent"], 2),
            )
            self.term_from.setValue(term["first_year"])
            self.term_to.setValue(term["last_year"])
            self.term_target.setValue(term["target"])
        self.year_target.setValue(figures["year_target"] or 0)
        self.summary.setText(text + ".")

    def open_file(self, candidate_id: int | None) -> None:
        from khoidesktop.ui.dialogs.candidate_dialog import CandidateDialog

        CandidateDialog(self.ctx, candidate_id, self).exec()
        self.refresh()
        self.data_changed.emit()

    def withdraw_last_step(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.ctx.prompts.info(_("Withdraw the last step"), _("Select a file in the list first."))
            return
        candidate_id = self.candidate_ids[rows[0].row()]

        def withdrawn() -> None:
            self.refresh()
            self.data_changed.emit()

        withdraw(
            self,
            self.ctx,
            _("Withdraw the last step"),
            lambda session: last_step_withdrawal(session, candidate_id),
            lambda session: withdraw_last_step(session, candidate_id, now=self.ctx.now(), actor=current_actor()),
            withdrawn,
        )

    def save_targets(self) -> None:
        year = self.ctx.today().year
        year_target, term = self.year_target.value(), (self.term_from.value(), self.term_to.value())
        term_target = self.term_target.value()

        def write(session: Session) -> None:
            set_target(session, year, year, year_target)
            set_target(session, term[0], term[1], term_target)

        def saved(_result: None) -> None:
            self.target_message.clear()
            self.refresh()

        run_write(self, self.ctx, write, saved, on_error=self.target_message.setText, busy=self)

    def _resolution(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.ctx.prompts.info(_("Recruitment"), _("Select a file in the list first."))
            return
        recruitment_actions.resolution(self, self.ctx, self.candidate_ids[rows[0].row()])
