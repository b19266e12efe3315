"""A member's record: the profile form and, once saved, the history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.domain.members import STATUSES, label
from khoidesktop.i18n import _
from khoidesktop.members.records import (
    Changes,
    MemberData,
    Problem,
    add_member,
    load_member,
    member_withdrawal,
    problems,
    update_member,
    withdraw_member,
)
from khoidesktop.store import audit
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.history_panel import HistoryPanel
from khoidesktop.ui.widgets.member_form import MemberForm
from khoidesktop.ui.widgets.message import MessageLabel
from khoidesktop.ui.withdraw_actions import withdraw

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class MemberDialog(FormDialog):
    saved = Signal(int, dict, int)  # member id, changes (field → (old, new)); empty for a new member; audit mark

    def __init__(self, ctx: AppContext, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ctx, self.member_id = ctx, member_id
        self.setWindowTitle(_("New Party member") if member_id is None else _("Party member's record"))
        self.setMinimumWidth(860)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageSubtitle")
        layout.addWidget(self.heading)
        self.tabs = QTabWidget(self)
        self.form = MemberForm(ctx.today, self.tabs)
        self.tabs.addTab(self.form, _("Profile"))
        self.history: HistoryPanel | None = None
        if member_id is not None:
            self.history = HistoryPanel(ctx, member_id, self.tabs)
            self.history.recorded.connect(self._history_changed)
            self.tabs.currentChanged.connect(self._tab_changed)
            self.tabs.addTab(self.history, _("History"))
        layout.addWidget(self.tabs, 1)
        self.message = MessageLabel(self, kind="error")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        if member_id is not None:
            self.withdraw_button = QPushButton(_("Withdraw this member (entered in error)…"), self)
            self.withdraw_button.setToolTip(_("Withdraw this member, entered in error, nothing recorded since."))
            self.withdraw_button.clicked.connect(self.withdraw)
            buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        self.close_button = QPushButton(_("Close"), self)
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.setObjectName("primary")
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.finish_buttons(self.save_button)
        self._load()
        self.mark_clean()

    def _tab_changed(self, index: int) -> None:
        """On the history tab, Enter records the event: Save is not the default there."""
        self.save_button.setDefault(self.tabs.widget(index) is not self.history)

    def save_then_close(self) -> None:
        self.save()  # closes once written

    def _load(self) -> None:
        if self.member_id is None:
            self.form.set_data(MemberData(full_name="", status="probationary"))
            self.heading.setText(_("Fields marked * are required. Dates are typed as dd/mm/yyyy."))
            return
        with self.ctx.require_store().session() as session:
            member = load_member(session, self.member_id)
            self.form.set_data(MemberData.of(member))
        self._reload_status()

    def _reload_status(self) -> None:
        if self.member_id is None:
            return  # a new member has no status to show until saved
        with self.ctx.require_store().session() as session:
            member = load_member(session, self.member_id)
            self.heading.setText(
                _("{name} — status: {status}").format(name=member.full_name, status=label(STATUSES, member.status))
            )
            self.form._status = member.status

    def _history_changed(self) -> None:
        """An event recorded or withdrawn may have filled or cleared the admission and official dates: the profile
        shows them as they are now, so saving it never writes the old ones back (other edits are kept)."""
        if self.member_id is None:
            return
        was_dirty = self.dirty
        with self.ctx.require_store().session() as session:
            member = load_member(session, self.member_id)
            self.form.set_dates(member.admitted_on, member.official_on)
        self._reload_status()
        if not was_dirty:
            self.mark_clean()

    def save(self) -> None:
        data, unreadable = self.form.data()
        if data is None:
            self.form.show_problems(set(unreadable))
            self.message.setText(" ".join(unreadable.values()))
            return
        existing = self.member_id
        Result = tuple[list[Problem], int | None, Changes, int]

        def write(session: Session) -> Result:
            found = problems(session, data.normalized(), self.ctx.today(), existing)
            if found:
                return found, None, {}, 0  # nothing written: the fields to correct are shown
            if existing is not None:
                changes = update_member(session, existing, data, now=self.ctx.now(), actor=current_actor())
                return [], existing, changes, audit.last_entry_id(session)
            member_id = add_member(session, data, now=self.ctx.now(), actor=current_actor()).id
            return [], member_id, {}, audit.last_entry_id(session)

        def saved(result: Result) -> None:
            found, member_id, changes, mark = result
            if member_id is None:
                self.form.show_problems({p.field for p in found})
                self.message.setText(" ".join(p.message for p in found))
                return
            self.form.show_problems(set())
            self.message.clear()
            self.mark_clean()
            self.saved.emit(member_id, changes, mark)
            self.accept()

        run_write(self, self.ctx, write, saved, on_error=self.message.setText, busy=self)

    def withdraw(self) -> None:
        """Withdraw a member entered in error (refused, saying why, once anything is recorded about them)."""
        member_id = self.member_id
        if member_id is None:
            return

        def what_goes(session: Session) -> str:
            return _("{name} leaves the member list.").format(name=member_withdrawal(session, member_id))

        def withdrawn() -> None:
            self.mark_clean()  # nothing left to save: the member is gone
            self.accept()

        withdraw(
            self,
            self.ctx,
            _("Withdraw a member"),
            what_goes,
            lambda session: withdraw_member(session, member_id, now=self.ctx.now(), actor=current_actor()),
            withdrawn,
        )
