"""Báo cáo: the one place listing every document the program prints for a cell (the documents of the cell's kind,
datafile/kinds.py), each with a line saying what it is and its choice (a date, the year, a
quarter, a meeting, a recruitment file). Each is saved through the same actions as on its own page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.meetings import SHORT_KINDS
from khoidesktop.domain.members import label
from khoidesktop.i18n import N_, _, format_date
from khoidesktop.ui import meeting_actions, member_actions, rating_actions, recruitment_actions
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.widgets.election_documents import ElectionDocumentsBox
from khoidesktop.ui.widgets.fields import DateField
from khoidesktop.ui.widgets.message import MessageLabel

# Each document: its key (a kind's `documents`, datafile/kinds.py), its title and what it is.
DOCUMENTS = (
    (
        "roster",
        N_("Party members list"),
        N_(
            "The members in the cell's list, in Vietnamese order, with their dates of birth, admission and official "
            "membership."
        ),
    ),
    (
        "structure",
        N_("Member structure report"),
        N_(
            "Counts and shares of women, ethnic minorities, age bands, education and political theory on a chosen date."
        ),
    ),
    (
        "minutes",
        N_("Minutes of a meeting"),
        N_("The minutes of one meeting of the chosen year: who attended, what was discussed and decided."),
    ),
    (
        "meetings",
        N_("Report on the cell's meetings"),
        N_("The meetings of the year or of one quarter: how many, the thematic meetings, the attendance."),
    ),
    (
        "ratings",
        N_("Report on the rating results"),
        N_("The year's rating of the members by level, with the shares, the excellence cap and the cell's own level."),
    ),
    (
        "rating-list",
        N_("List of proposed levels"),
        N_("The members with the level the cell proposes for each in the chosen year, to send with the rating."),
    ),
    (
        "recruitment",
        N_("Report on recruitment"),
        N_("The year's admissions and the files in progress, against the year's and the term's targets."),
    ),
    (
        "admission-resolution",
        N_("Cell resolution proposing admission (6-KNĐ)"),
        N_("The resolution of the meeting that voted on admitting a candidate: choose the recruitment file."),
    ),
    (
        "badges",
        N_("Members reaching a Party badge"),
        N_("The members who reach a 30, 40, 45 … year Party badge in the chosen year, to propose them in time."),
    ),
    (
        "midterm-review",
        N_("Mid-term review"),
        N_("Each target of the current term (entered on the “Term” page) against what was done, year by year."),
    ),
    (
        "delegates",
        N_("List of delegates to the superior's congress"),
        N_(
            "The current term's official delegates and alternates with their particulars, and the delegation's "
            "structure."
        ),
    ),
)
# Made from a stored election, chosen in their own box (ui/widgets/election_documents.py), not a year's choice.
ELSEWHERE = ("vote-count", "election-result")


class ReportsPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(
            _(
                "Every document the program prints for the cell, each also on its own page. Each follows the "
                "format of Party documents (HD 36-HD/VPTW) and carries the names set on the Settings page."
            )
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Year of the documents of a year:"), self))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(self.refresh)
        top.addWidget(self.year)
        top.addStretch(1)
        self.layout_.addLayout(top)
        self.on_date = DateField(self)
        self.on_date.set_value(ctx.today())
        self.meeting = QComboBox(self)
        self.meeting.setMinimumContentsLength(28)
        self.quarter = QComboBox(self)
        self.quarter.addItem(_("The whole year"), None)
        for quarter in (1, 2, 3, 4):
            self.quarter.addItem(_("Quarter {quarter}").format(quarter=quarter), quarter)
        self.candidate = QComboBox(self)
        self.candidate.setMinimumContentsLength(28)
        self.buttons: dict[str, QPushButton] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.layouts: dict[str, QVBoxLayout] = {}
        choices: dict[str, tuple[QWidget, ...]] = {
            "structure": (QLabel(_("On the date:"), self), self.on_date),
            "minutes": (self.meeting,),
            "meetings": (self.quarter,),
            "admission-resolution": (self.candidate,),
        }
        for key, title_id, about_id in DOCUMENTS:
            self._section(key, _(title_id), _(about_id), choices.get(key, ()))
        self.message = MessageLabel(self.boxes["structure"], kind="error")  # a date refused, under its field
        self.layouts["structure"].addWidget(self.message)
        self.structure_button = self.buttons["structure"]
        self.roster_button = self.buttons["roster"]
        self.elections = ElectionDocumentsBox(ctx, self)  # each stored election's minutes and announcement
        self.buttons.update(self.elections.buttons)
        self.boxes.update({key: self.elections for key in self.elections.buttons})
        self.layout_.addWidget(self.elections)
        self.layout_.addStretch(1)

    def _section(self, key: str, title: str, text: str, controls: tuple[QWidget, ...]) -> None:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        about = QLabel(text, box)
        about.setWordWrap(True)
        layout.addWidget(about)
        row = QHBoxLayout()
        row.addStretch(1)
        for control in controls:
            control.setParent(box)
            row.addWidget(control)
        button = QPushButton(_("Save as PDF…"), box)
        button.clicked.connect(lambda _checked=False, k=key: self.make(k))
        row.addWidget(button)
        layout.addLayout(row)
        self.buttons[key] = button
        self.boxes[key] = box
        self.layouts[key] = layout
        self.layout_.addWidget(box)

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        from khoidesktop.datafile.identity import get_identity
        from khoidesktop.datafile.kinds import kind_of
        from khoidesktop.meetings.stats import meetings_of
        from khoidesktop.recruitment.stats import voted_files

        year = self.year.value()
        with store.session() as session:
            offered = set(kind_of(get_identity(session)).documents)
            meetings = meetings_of(session, year)
            files = voted_files(session)
        for key, box in self.boxes.items():
            box.setVisible(key in offered)  # the kind's own documents only (datafile/kinds.py)
        self._fill(
            self.meeting,
            [(m.id, f"{format_date(m.on_date)} — {label(SHORT_KINDS, m.kind)}: {m.topic}") for m in meetings],
            _("No meeting recorded in {year}").format(year=year),
        )
        self._fill(
            self.candidate,
            [(id_, _("{name} (voted on {date})").format(name=name, date=format_date(on))) for id_, name, on in files],
            _("No file has the cell's vote recorded yet"),
        )
        self.elections.refresh()
        self.buttons["minutes"].setEnabled(bool(meetings))
        self.buttons["admission-resolution"].setEnabled(bool(files))
        self.message.clear()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[int, str]], empty: str) -> None:
        chosen = combo.currentData()
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
            combo.setItemData(
                combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole
            )  # the tooltip: a long topic is read in full
        if not items:
            combo.addItem(empty, None)
        found = combo.findData(chosen)
        combo.setCurrentIndex(max(found, 0))
        combo.setEnabled(bool(items))

    def make(self, key: str) -> None:
        """Save the document `key` with the choices made on the page."""
        year = self.year.value()
        self.message.clear()
        if key == "roster":
            member_actions.roster_pdf(self, self.ctx)
        elif key == "structure":
            self._structure()
        elif key == "minutes" and self.meeting.currentData() is not None:
            meeting_actions.minutes_pdf(self, self.ctx, self.meeting.currentData())
        elif key == "meetings":
            meeting_actions.meetings_report_pdf(self, self.ctx, year, self.quarter.currentData())
        elif key == "ratings":
            rating_actions.report(self, self.ctx, year)
        elif key == "rating-list":
            rating_actions.rating_list(self, self.ctx, year)
        elif key == "recruitment":
            recruitment_actions.report(self, self.ctx, year)
        elif key == "admission-resolution" and self.candidate.currentData() is not None:
            recruitment_actions.resolution(self, self.ctx, self.candidate.currentData())
        elif key == "badges":
            member_actions.badges_pdf(self, self.ctx, year)
        elif key == "midterm-review":
            from khoidesktop.ui.term_actions import midterm_review

            midterm_review(self, self.ctx, "")  # the current term
        elif key == "delegates":
            from khoidesktop.ui.term_actions import delegates_list

            delegates_list(self, self.ctx, "")  # the current term

    def _structure(self) -> None:
        try:
            on = self.on_date.value() or self.ctx.today()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        if on > self.ctx.today():
            self.message.setText(_("The date is in the future: choose today or an earlier day."))
            return
        member_actions.structure_pdf(self, self.ctx, on)
