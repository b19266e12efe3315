"""Sinh hoạt chi bộ: the year's meetings month by month, the thematic plan, and what still needs doing."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.meetings import KINDS, SHORT_KINDS, quarter_of
from khoidesktop.domain.members import label
from khoidesktop.domain.names import fold
from khoidesktop.i18n import N_, _, format_date, format_percent
from khoidesktop.meetings.records import (
    add_topic,
    held_topic_ids,
    meeting_withdrawal,
    topic_withdrawal,
    topics_of,
    withdraw_meeting,
    withdraw_topic,
)
from khoidesktop.meetings.stats import year_summary
from khoidesktop.store.audit import current_actor
from khoidesktop.ui import meeting_actions
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.message import MessageLabel
from khoidesktop.ui.widgets.row_open import open_on_activate
from khoidesktop.ui.withdraw_actions import withdraw

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HEADERS = (N_("Date"), N_("Kind"), N_("Topic"), N_("Attendance"), N_("Minutes"))


class MeetingsPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.meeting_ids: list[int] = []
        self.row_keys: list[str] = []  # each row's date, kind and topic, folded: what the search looks in
        self.layout_.addLayout(self._actions())
        body = QHBoxLayout()
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS)):
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            )
        open_on_activate(self.table, lambda row: self.open_meeting(self.meeting_ids[row]))
        self.empty = QLabel(
            _("No meeting recorded in this year yet. Press “Record a meeting” after each meeting."), self
        )
        self.empty.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        body.addLayout(left, 5)
        body.addWidget(self._plan_box(), 2)
        self.layout_.addLayout(body, 1)
        self.warnings_box = QGroupBox(_("To do"), self)
        self.warnings = QListWidget(self.warnings_box)
        QVBoxLayout(self.warnings_box).addWidget(self.warnings)
        self.warnings_box.setMaximumHeight(150)
        self.warnings.setWordWrap(True)
        self.layout_.addWidget(self.warnings_box)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Record a meeting"), self)
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(lambda: self.open_meeting(None))
        self.print_button = QPushButton(_("Print (PDF)"), self)
        menu = QMenu(self.print_button)
        menu.addAction(_("Minutes of the selected meeting…"), self._print_minutes)
        menu.addAction(_("Report on the year's meetings…"), lambda: self._print_report(None))
        for quarter in (1, 2, 3, 4):
            menu.addAction(
                _("Report on quarter {quarter}…").format(quarter=quarter), partial(self._print_report, quarter)
            )
        self.print_button.setMenu(menu)
        self.withdraw_button = QPushButton(_("Withdraw (entered in error)…"), self)
        self.withdraw_button.setToolTip(_("Withdraw the selected meeting with its attendance, speakers and vote."))
        self.withdraw_button.clicked.connect(self.withdraw_meeting)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(self.ctx.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search meetings…"))
        self.search.setToolTip(_("Search by topic, kind or date (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter_rows)
        row.addWidget(self.add_button)
        row.addWidget(self.print_button)
        row.addWidget(self.search, 1)
        row.addWidget(self.withdraw_button)
        row.addWidget(QLabel(_("Year:"), self))
        row.addWidget(self.year)
        return row

    def _plan_box(self) -> QGroupBox:
        box = QGroupBox(_("Thematic plan of the year"), self)
        layout = QVBoxLayout(box)
        self.plan = QListWidget(box)
        self.plan.setWordWrap(True)
        layout.addWidget(self.plan, 1)
        add = QHBoxLayout()
        self.quarter = QComboBox(box)
        for quarter in (1, 2, 3, 4):
            self.quarter.addItem(_("Quarter {quarter}").format(quarter=quarter), quarter)
        self.quarter.setCurrentIndex(quarter_of(self.ctx.today()) - 1)
        self.topic = QLineEdit(box)
        self.topic.setPlaceholderText(_("A topic to register…"))
        self.add_topic_button = QPushButton(_("Register"), box)
        self.add_topic_button.clicked.connect(self.register_topic)
        add.addWidget(self.quarter)
        add.addWidget(self.topic, 1)
        add.addWidget(self.add_topic_button)
        layout.addLayout(add)
        self.withdraw_topic_button = QPushButton(_("Withdraw the selected topic…"), box)
        self.withdraw_topic_button.clicked.connect(self.withdraw_topic)
        layout.addWidget(self.withdraw_topic_button)
        self.plan_message = MessageLabel(box, kind="error")
        layout.addWidget(self.plan_message)
        return box

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        year = self.year.value()
        with store.session() as session:
            summary = year_summary(session, year, self.ctx.today())
            topics = topics_of(session, year)
            held_topics = held_topic_ids(session, year)
        self.meeting_ids = [r.id for r in summary.rows]
        self.table.setRowCount(len(summary.rows))
        for row, r in enumerate(summary.rows):
            attendance = f"{r.present}/{r.expected} ({format_percent(r.present, r.expected)})"
            done = _("Finished") if r.minutes_done else _("Not finished")
            cells = (format_date(r.on_date), label(SHORT_KINDS, r.kind), r.topic, attendance, done)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(label(KINDS, r.kind) if column == 1 else text)
                if column == 4 and not r.minutes_done:
                    item.setForeground(QColor("#b45309"))
                self.table.setItem(row, column, item)
        self.row_keys = [
            fold(f"{format_date(r.on_date)} {label(KINDS, r.kind)} {label(SHORT_KINDS, r.kind)} {r.topic}")
            for r in summary.rows
        ]
        self.filter_rows()
        self.empty.setVisible(not summary.rows)
        self.plan.clear()
        for topic in topics:
            mark = "✓ " if topic.id in held_topics else "• "
            self.plan.addItem(mark + _("Quarter {quarter}: {title}").format(quarter=topic.quarter, title=topic.title))
            self.plan.item(self.plan.count() - 1).setToolTip(topic.title)
            self.plan.item(self.plan.count() - 1).setData(Qt.ItemDataRole.UserRole, topic.id)
        self.warnings.clear()
        self.warnings.addItems(summary.warnings or [_("Nothing to do: every month and quarter is in order.")])

    def filter_rows(self) -> None:
        """Show the meetings holding every word typed in the search, accents or not (as the member search)."""
        words = fold(self.search.text()).split()
        for row, key in enumerate(self.row_keys):
            self.table.setRowHidden(row, not all(word in key for word in words))

    def register_topic(self) -> None:
        year, quarter, title = self.year.value(), self.quarter.currentData(), self.topic.text()

        def write(session: Session) -> None:
            add_topic(session, year, quarter, title, now=self.ctx.now())

        def registered(_result: None) -> None:
            self.plan_message.clear()
            self.topic.clear()
            self.refresh()

        run_write(self, self.ctx, write, registered, on_error=self.plan_message.setText, busy=self)

    def _withdrawn(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def withdraw_meeting(self) -> None:
        meeting_id = self.selected_meeting()
        if meeting_id is None:
            self.ctx.prompts.info(_("Withdraw a meeting"), _("Select a meeting in the list first."))
            return
        withdraw(
            self,
            self.ctx,
            _("Withdraw a meeting"),
            lambda session: meeting_withdrawal(session, meeting_id),
            lambda session: withdraw_meeting(session, meeting_id, now=self.ctx.now(), actor=current_actor()),
            self._withdrawn,
        )

    def withdraw_topic(self) -> None:
        item = self.plan.currentItem()
        if item is None or not item.isSelected():
            self.ctx.prompts.info(_("Withdraw a topic"), _("Select a topic in the plan first."))
            return
        topic_id = int(item.data(Qt.ItemDataRole.UserRole))

        def what_goes(session: Session) -> str:
            return _("The topic “{title}” leaves the plan.").format(title=topic_withdrawal(session, topic_id))

        withdraw(
            self,
            self.ctx,
            _("Withdraw a topic"),
            what_goes,
            lambda session: withdraw_topic(session, topic_id, now=self.ctx.now(), actor=current_actor()),
            self._withdrawn,
        )

    def open_meeting(self, meeting_id: int | None) -> None:
        from khoidesktop.ui.dialogs.meeting_dialog import MeetingDialog

        MeetingDialog(self.ctx, meeting_id, self).exec()
        self.refresh()
        self.data_changed.emit()

    def selected_meeting(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.meeting_ids[rows[0].row()] if rows else None

    def _print_minutes(self) -> None:
        meeting_id = self.selected_meeting()
        if meeting_id is None:
            self.ctx.prompts.info(_("Minutes"), _("Select a meeting in the list first."))
            return
        meeting_actions.minutes_pdf(self, self.ctx, meeting_id)

    def _print_report(self, quarter: int | None) -> None:
        meeting_actions.meetings_report_pdf(self, self.ctx, self.year.value(), quarter)
