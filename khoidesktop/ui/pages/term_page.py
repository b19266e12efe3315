"""Nhiệm kỳ, on every level: the term with its dates and congress, its committee (who holds which role, since when,
how they came and left), and its targets year by year with what is done, the share of the target and the gap —
the figures `stats term` and the mid-term review give (terms/progress.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from khoidesktop.context import AppContext
from khoidesktop.domain.terms import CAME, LEFT, ROLES
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.widgets.elections_section import ElectionsSection
from khoidesktop.ui.widgets.figure_table import FigureTable
from khoidesktop.ui.widgets.flow_layout import FlowLayout
from khoidesktop.ui.widgets.message import MessageLabel
from khoidesktop.ui.widgets.row_open import open_on_activate

if TYPE_CHECKING:
    from khoidesktop.terms.figures import CommitteeRow, TargetProgress, TermProgress

COMMITTEE_HEADERS = (N_("Full name"), N_("Role"), N_("From"), N_("To"), N_("How they came"), N_("Why they left"))


class TermPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(
            _(
                "The term opened by the last congress: its committee and the targets of its resolution, each with "
                "what is done year by year. The program counts the targets its records give; the others are "
                "entered by hand."
            )
        )
        top = FlowLayout()  # onto more lines in a narrow window (1366×768 at 150 %)
        top.addWidget(QLabel(_("Term:"), self))
        self.term_box = QComboBox(self)
        self.term_box.setMinimumWidth(140)
        self.term_box.currentIndexChanged.connect(lambda _i: self._show_chosen())
        top.addWidget(self.term_box)
        self.dates = QLabel(self)
        top.addWidget(self.dates)
        self.add_term_button = QPushButton(_("New term…"), self)
        self.add_term_button.clicked.connect(lambda: self.open_term(None))
        self.edit_term_button = QPushButton(_("Edit the term…"), self)
        self.edit_term_button.clicked.connect(lambda: self.open_term(self.term_id))
        self.congress_button = QPushButton(_("Congress…"), self)  # ui/dialogs/congress_dialog.py
        self.congress_button.clicked.connect(self.open_congress)
        top.addWidget(self.add_term_button)
        top.addWidget(self.edit_term_button)
        top.addWidget(self.congress_button)
        self.layout_.addLayout(top)
        self.empty = QLabel(_("No term yet. Add the term the last congress opened (“New term…”)."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.empty, 1)  # with no term, the room left is under it: nothing floats mid-page

        self.committee_title, self.add_member_button = self._section(_("The committee"), _("Add a committee member…"))
        self.add_member_button.clicked.connect(lambda: self.open_member(None))
        self.committee = FigureTable([_(h) for h in COMMITTEE_HEADERS], self)
        self.committee.setMinimumHeight(160)
        open_on_activate(self.committee, lambda row: self.open_member(self.committee_ids[row]))
        self.layout_.addWidget(self.committee, 1)
        self.elections = ElectionsSection(ctx, self)  # the term's elections (ui/widgets/elections_section.py)
        self.elections.changed.connect(self._elections_changed)
        self.layout_.addWidget(self.elections, 1)

        self.review_button = QPushButton(_("Mid-term review…"), self)
        self.review_button.clicked.connect(self.midterm_review)
        self.targets_title, self.add_target_button = self._section(
            _("The term's targets"), _("Add a target…"), self.review_button
        )
        self.add_target_button.clicked.connect(lambda: self.open_target(None))
        self.targets = FigureTable([], self, stretch=0)
        self.targets.setMinimumHeight(150)
        open_on_activate(self.targets, lambda row: self.open_target(self.target_ids[row]))
        self.layout_.addWidget(self.targets, 2)
        from khoidesktop.ui.widgets.delegates_section import DelegatesSection

        self.delegates = DelegatesSection(self)
        self.layout_.addWidget(self.delegates, 2)
        self.message = MessageLabel(self, kind="error")
        self.layout_.addWidget(self.message)
        self.term_id: int | None = None
        self.committee_ids: list[int] = []
        self.target_ids: list[int] = []
        self.committee_rows: list[CommitteeRow] = []
        self.progress: TermProgress | None = None

    def _section(self, title: str, button_text: str, *before: QPushButton) -> tuple[QLabel, QPushButton]:
        row = QHBoxLayout()
        label = QLabel(title, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        row.addWidget(label, 1)
        for other in before:
            row.addWidget(other)
        button = QPushButton(button_text, self)
        row.addWidget(button)
        self.layout_.addLayout(row)
        return label, button

    # --- showing ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        from khoidesktop.terms.records import current_term, terms

        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            found = [(t.id, t.name) for t in terms(session)]
            current = current_term(session, self.ctx.today())
        wanted = self.term_id if self.term_id in {i for i, _n in found} else (current.id if current else None)
        self.term_box.blockSignals(True)
        self.term_box.clear()
        for term_id, name in found:
            self.term_box.addItem(name, term_id)
        self.term_box.setCurrentIndex(max(self.term_box.findData(wanted), 0))
        self.term_box.blockSignals(False)
        self._show_chosen()

    def _show_chosen(self) -> None:
        from khoidesktop.terms.progress import progress_of
        from khoidesktop.terms.records import committee, targets, term_form

        store = self.ctx.store
        self.term_id = self.term_box.currentData()
        has_term = self.term_id is not None and store is not None
        for widget in (
            self.committee,
            self.targets,
            self.committee_title,
            self.targets_title,
            self.term_box,
            self.delegates,
        ):
            widget.setVisible(has_term)
        self.elections.setVisible(has_term)
        self.elections.show_term(self.term_id if has_term else None)
        for button in (
            self.edit_term_button,
            self.add_member_button,
            self.add_target_button,
            self.review_button,
            self.congress_button,
        ):
            button.setVisible(has_term)
        self.empty.setVisible(not has_term)
        if not has_term or store is None or self.term_id is None:
            self.dates.setText("")
            return
        with store.session() as session:
            term = term_form(session, self.term_id)
            self.committee_ids = [m.id for m in committee(session, self.term_id)]
            self.target_ids = [t.id for t in targets(session, self.term_id)]
            progress = self.progress = progress_of(session, self.term_id, self.ctx.today())
        congress = _("; congress on {date}").format(date=format_date(term.congress_on)) if term.congress_on else ""
        self.dates.setText(
            _("from {start} to {end}").format(start=format_date(term.starts_on), end=format_date(term.ends_on))
            + congress
        )
        self._show_committee(progress.committee)
        self._show_targets(progress)
        self.delegates.show_term(self.term_id, self.term_box.currentText())

    def _show_committee(self, rows: list[CommitteeRow]) -> None:
        self.committee_rows = rows
        self.committee.set_rows(
            [
                (
                    m.full_name,
                    _(ROLES[m.role]),
                    format_date(m.from_date),
                    format_date(m.to_date),
                    _(CAME[m.came]),
                    _(LEFT[m.left_how]) if m.left_how else "",
                )
                for m in rows
            ]
        )

    def _show_targets(self, progress: TermProgress) -> None:
        from khoidesktop.terms.text import figure_text, gap_text, target_text

        headers = [_("Target"), _("Aim"), *[str(y) for y in progress.years], _("Term so far"), _("Of the target")]
        self.targets.set_headers([*headers, _("Gap")])
        rows = []
        for t in progress.targets:
            share = t.share()
            rows.append(
                (
                    t.indicator,
                    target_text(t),
                    *[figure_text(t.years[y], t.unit) for y in progress.years],
                    figure_text(t.so_far, t.unit),
                    format_number(share, 2) + "%" if share is not None else "",
                    gap_text(t),
                )
            )
        self.targets.set_rows(rows)
        self._tooltips(progress.targets)

    def _tooltips(self, found: list[TargetProgress]) -> None:
        for index, target in enumerate(found):
            item = self.targets.item(index, 0)
            if item is not None:
                item.setToolTip(
                    _("Counted by the program from the records") if target.computed else _("Entered by hand")
                )

    # --- acting -------------------------------------------------------------------------------------------

    def _opened(self, dialog: QWidget) -> None:
        from khoidesktop.ui.dialogs.base import FormDialog

        assert isinstance(dialog, FormDialog)
        saved = dialog.exec() == FormDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.refresh()
        if saved:
            self.data_changed.emit()

    def _elections_changed(self) -> None:
        self.refresh()  # a result recorded changes the committee
        self.data_changed.emit()

    def midterm_review(self) -> None:
        from khoidesktop.ui.term_actions import midterm_review

        if self.term_id is not None:
            midterm_review(self, self.ctx, self.term_box.currentText())

    def open_term(self, term_id: int | None) -> None:
        from khoidesktop.ui.dialogs.term_dialogs import TermDialog

        self._opened(TermDialog(self.ctx, term_id, self))

    def open_congress(self) -> None:
        from khoidesktop.ui.dialogs.congress_dialog import CongressDialog

        if self.term_id is not None:
            self._opened(CongressDialog(self.ctx, self.term_id, self))

    def open_member(self, row_id: int | None) -> None:
        from khoidesktop.ui.dialogs.term_dialogs import CommitteeDialog

        if self.term_id is not None:
            self._opened(CommitteeDialog(self.ctx, self.term_id, row_id, self))

    def open_target(self, target_id: int | None) -> None:
        from khoidesktop.ui.dialogs.term_dialogs import TargetDialog

        if self.term_id is not None:
            self._opened(TargetDialog(self.ctx, self.term_id, target_id, self))
