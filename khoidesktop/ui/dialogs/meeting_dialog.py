"""A meeting and its minutes: details, attendance, content and speakers, resolution and vote."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.meetings import KINDS, VOTE_RULES
from khoidesktop.domain.names import told_apart
from khoidesktop.errors import UserError
from khoidesktop.i18n import _
from khoidesktop.meetings.figures import MeetingData
from khoidesktop.meetings.records import (
    check_vote,
    default_presence,
    expected_members,
    load_meeting,
    save_meeting,
    template_from_last,
    topics_of,
    vote_problems,
    warnings,
)
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.attendance_table import AttendanceTable
from khoidesktop.ui.widgets.fields import CodeCombo, DateField, NameCombo, NameDelegate, TimeField
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class MeetingDialog(FormDialog):
    saved = Signal(int)

    def __init__(self, ctx: AppContext, meeting_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ctx, self.meeting_id = ctx, meeting_id
        self.people: list[str] = []  # the members offered as chair, minute-taker and speakers
        self.setWindowTitle(_("New meeting") if meeting_id is None else _("Meeting minutes"))
        self.resize(900, 640)
        with ctx.require_store().session() as session:
            self.data = (
                load_meeting(session, meeting_id)
                if meeting_id is not None
                else template_from_last(session, ctx.today())
            )
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._details_tab(), _("Details"))
        self.attendance = AttendanceTable(self.tabs)
        self.attendance.changed.connect(self._update_checks)
        attendance_tab = QWidget(self.tabs)
        box = QVBoxLayout(attendance_tab)
        everyone = QPushButton(_("Everyone present"), attendance_tab)
        everyone.clicked.connect(self.attendance.all_present)
        self.present_label = QLabel(attendance_tab)
        top = QHBoxLayout()
        top.addWidget(self.present_label, 1)
        top.addWidget(everyone)
        box.addLayout(top)
        box.addWidget(self.attendance, 1)
        self.tabs.addTab(attendance_tab, _("Attendance"))
        self.tabs.addTab(self._content_tab(), _("Content"))
        self.tabs.addTab(self._vote_tab(), _("Resolution and vote"))
        layout.addWidget(self.tabs, 1)
        self.checks = QLabel(self)
        self.checks.setWordWrap(True)
        self.checks.setStyleSheet("color: #b45309;")
        self.message = MessageLabel(self, kind="error")
        layout.addWidget(self.checks)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.done_box = QCheckBox(_("The minutes are finished"), self)
        buttons.addWidget(self.done_box)
        buttons.addStretch(1)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.reject)
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.finish_buttons(self.save_button)
        self._show(self.data)
        self.mark_clean()

    def save_then_close(self) -> None:
        self.save()  # closes once written

    # --- tabs ---------------------------------------------------------------------------------------------

    def _details_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.kind = CodeCombo(KINDS, tab, empty=False)
        self.on_date = DateField(tab)
        self.start, self.end = TimeField(tab), TimeField(tab)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel(_("to"), tab))
        times.addWidget(self.end)
        times.addStretch(1)
        self.place, self.guests = QLineEdit(tab), QLineEdit(tab)
        self.chair, self.minute_taker = NameCombo(tab), NameCombo(tab)  # picked from the member list
        self.topic = QLineEdit(tab)
        self.thematic = QComboBox(tab)
        self.materials = DateField(tab)
        for label, widget in (
            (_("Kind:"), self.kind),
            (_("Date:"), self.on_date),
            (_("Time:"), times),
            (_("Place:"), self.place),
            (_("Chair:"), self.chair),
            (_("Minute-taker:"), self.minute_taker),
            (_("Guests:"), self.guests),
            (_("Topic:"), self.topic),
            (_("Registered thematic topic:"), self.thematic),
            (_("Materials sent on:"), self.materials),
        ):
            form.addRow(label, widget)
        for signal in (
            self.kind.currentIndexChanged,
            self.start.timeChanged,
            self.end.timeChanged,
            self.materials.textChanged,
            self.on_date.editingFinished,
        ):
            signal.connect(self._update_checks)
        self.on_date.editingFinished.connect(self._reload_people)
        return tab

    def _content_tab(self) -> QWidget:
        tab = QWidget(self)
        box = QVBoxLayout(tab)
        box.addWidget(QLabel(_("Content (the order of the meeting):"), tab))
        self.content = QPlainTextEdit(tab)
        box.addWidget(self.content, 2)
        box.addWidget(QLabel(_("Speakers and their points:"), tab))
        self.speakers = QTableWidget(0, 2, tab)
        self.speakers.setHorizontalHeaderLabels([_("Speaker"), _("Points")])
        self.speakers.horizontalHeader().setStretchLastSection(True)
        self.speakers.verticalHeader().setVisible(False)
        self.speakers.setItemDelegateForColumn(0, NameDelegate(lambda: self.people, self.speakers))  # as the chair
        box.addWidget(self.speakers, 2)
        add = QPushButton(_("Add a speaker"), tab)
        add.clicked.connect(self.add_speaker)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        box.addLayout(row)
        box.addWidget(QLabel(_("Conclusion:"), tab))
        self.conclusion = QPlainTextEdit(tab)
        box.addWidget(self.conclusion, 1)
        return tab

    def add_speaker(self) -> None:
        """A new row, its name cell open for typing: what is typed goes there (a space never adds another row)."""
        row = self.speakers.rowCount()
        self.speakers.insertRow(row)
        for column in (0, 1):
            self.speakers.setItem(row, column, QTableWidgetItem(""))
        self.speakers.setCurrentCell(row, 0)
        self.speakers.setFocus()
        item = self.speakers.item(row, 0)
        if item is not None:
            self.speakers.editItem(item)

    def _vote_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.resolution = QPlainTextEdit(tab)
        self.rule = CodeCombo(VOTE_RULES, tab)
        self.votes = [QSpinBox(tab) for _i in range(3)]
        for spin in self.votes:
            spin.setRange(0, 9999)
            spin.valueChanged.connect(self._update_checks)
        self.rule.currentIndexChanged.connect(self._update_checks)
        # room for the longest explanation from the start: the boxes above never move when it appears
        self.vote_label = MessageLabel(tab, lines=4)
        form.addRow(_("Resolution:"), self.resolution)
        form.addRow(_("Adopted by:"), self.rule)
        for label, spin in zip((_("For:"), _("Against:"), _("Abstain:")), self.votes, strict=True):
            form.addRow(label, spin)
        form.addRow("", self.vote_label)
        return tab

    # --- data ---------------------------------------------------------------------------------------------

    def _show(self, data: MeetingData) -> None:
        self.kind.set_value(data.kind)
        self.on_date.set_value(data.on_date)
        self.start.set_value(data.start_time or time(14, 0))
        self.end.set_value(data.end_time or time(16, 0))
        self.chair.set_value(data.chair)
        self.minute_taker.set_value(data.minute_taker)
        for edit, value in (
            (self.place, data.place),
            (self.guests, data.guests),
            (self.topic, data.topic),
        ):
            edit.setText(value)
        self.materials.set_value(data.materials_sent_on)
        self.content.setPlainText(data.content)
        self.conclusion.setPlainText(data.conclusion)
        self.resolution.setPlainText(data.resolution)
        self.rule.set_value(data.vote_rule)
        for spin, count in zip(self.votes, (data.votes_for, data.votes_against, data.votes_abstain), strict=True):
            spin.setValue(count or 0)
        self.speakers.setRowCount(0)
        for name, points in data.speakers:
            row = self.speakers.rowCount()
            self.speakers.insertRow(row)
            for column, text in enumerate((name, points)):
                self.speakers.setItem(row, column, QTableWidgetItem(text))
        self.done_box.setChecked(data.minutes_done)
        self._reload_people()

    def _reload_people(self) -> None:
        if self.ctx.store is None:
            return  # the file closed behind a dialog left open: a late focus change while the window closes
        try:
            on = self.on_date.value() or self.ctx.today()
        except ValueError:
            return
        current = self.attendance.value() if self.attendance.member_ids else self.data.attendance
        with self.ctx.require_store().session() as session:
            members = expected_members(session, on, current)
            topics = topics_of(session, on.year)
            current = {m.id: current.get(m.id) or default_presence(session, m, on) for m in members}
        self.attendance.set_members(members, current)
        self.people = told_apart([(m.full_name, m.birth_date) for m in members])  # namesakes by their birth year
        for box in (self.chair, self.minute_taker):
            box.set_names(self.people)
        chosen = self.thematic.currentData() if self.thematic.count() else self.data.thematic_topic_id
        self.thematic.clear()
        self.thematic.addItem("", None)
        for topic in topics:
            self.thematic.addItem(
                _("Quarter {quarter}: {title}").format(quarter=topic.quarter, title=topic.title), topic.id
            )
        self.thematic.setCurrentIndex(max(self.thematic.findData(chosen), 0))
        self._update_checks()

    def collect(self) -> MeetingData:
        on = self.on_date.value()
        if on is None:
            raise UserError(_("Type the date of the meeting."))
        speakers: list[tuple[str, str]] = []
        for row in range(self.speakers.rowCount()):
            name, points = (self.speakers.item(row, c) for c in (0, 1))
            speakers.append((name.text() if name else "", points.text() if points else ""))
        kind = self.kind.value()
        if kind is None:
            raise RuntimeError("the meeting kind box has no empty row")
        rule = self.rule.value()
        return MeetingData(
            kind=kind,
            on_date=on,
            start_time=self.start.value(),
            end_time=self.end.value(),
            place=self.place.text(),
            chair=self.chair.value(),
            minute_taker=self.minute_taker.value(),
            guests=self.guests.text(),
            topic=self.topic.text(),
            thematic_topic_id=self.thematic.currentData(),
            materials_sent_on=self.materials.value(),
            content=self.content.toPlainText(),
            conclusion=self.conclusion.toPlainText(),
            resolution=self.resolution.toPlainText(),
            vote_rule=rule,
            votes_for=self.votes[0].value() if rule else None,
            votes_against=self.votes[1].value() if rule else None,
            votes_abstain=self.votes[2].value() if rule else None,
            minutes_done=self.done_box.isChecked(),
            attendance=self.attendance.value(),
            speakers=speakers,
        )

    def _update_checks(self) -> None:
        if self.ctx.store is None:
            return  # as in _reload_people
        try:
            data = self.collect()
        except (UserError, ValueError):
            return
        self.present_label.setText(
            _("Present: {present} of {expected}").format(present=data.present, expected=len(data.attendance))
        )
        self.checks.setText("\n".join(warnings(data)))
        with self.ctx.require_store().session() as session:
            vote = check_vote(session, data)
            wrong = list(vote.problems) if vote is not None else vote_problems(session, data)
        # the same check as saving: counts that cannot be right are shown, with or without a rule chosen
        if wrong:
            self.vote_label.error(" ".join(wrong))
        elif vote is not None and data.vote_rule is not None:
            self.vote_label.say(vote.describe(data.vote_rule), "ok" if vote.passed else "warning")
        else:
            self.vote_label.clear()

    def save(self) -> None:
        try:
            data = self.collect()
        except (UserError, ValueError) as exc:
            self.message.setText(exc.message if isinstance(exc, UserError) else str(exc))
            return
        meeting_id = self.meeting_id

        def write(session: Session) -> int:
            return save_meeting(session, meeting_id, data, now=self.ctx.now(), actor=current_actor()).id

        def saved(new_id: int) -> None:
            self.meeting_id = new_id
            self.saved.emit(new_id)
            self.accept()

        run_write(self, self.ctx, write, saved, on_error=self.message.setText, busy=self)
