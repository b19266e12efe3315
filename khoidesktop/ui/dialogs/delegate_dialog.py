"""A delegate to the superior's congress (the Nhiệm kỳ page's "Đại biểu dự Đại hội cấp trên"): official or
alternate, the name and the particulars the delegation's structure counts; at a cell, picked from the members (their
record fills the fields). Saved through terms/delegates.py, which checks it and refuses in Vietnamese, writing
nothing; a delegate taken off the list stays in the audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.members import EDUCATION, GENDERS
from khoidesktop.i18n import N_, _
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo, DateField
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from khoidesktop.terms.delegates import DelegateForm

KINDS = {"official": N_("Official delegate"), "alternate": N_("Alternate delegate")}


class DelegateDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, term_id: int, row_id: int | None, parent: QWidget | None = None, alternate: bool = False
    ) -> None:
        super().__init__(ctx, parent)
        from khoidesktop.terms.delegates import delegate_form, member_choices

        self.setWindowTitle(_("New delegate") if row_id is None else _("Delegate"))
        self.setMinimumWidth(520)
        self.term_id, self.row_id = term_id, row_id
        with ctx.require_store().session() as session:
            members = member_choices(session)
            current = delegate_form(session, row_id) if row_id is not None else None
        self.member_id: int | None = None
        box = QVBoxLayout(self)
        form = QFormLayout()
        box.addLayout(form)
        self.member = QComboBox(self)
        self.member.addItem(_("(not a member of this cell: type the particulars)"), None)
        for member_id, name in members:
            self.member.addItem(name, member_id)
        self.member.activated.connect(lambda _i: self._take_member())
        if members:
            form.addRow(_("From the members:"), self.member)
        else:
            self.member.hide()
        self.kind = CodeCombo(KINDS, self, empty=False)
        self.kind.set_value("alternate" if alternate else "official")
        self.full_name = QLineEdit(self)
        self.gender = CodeCombo(GENDERS, self)
        self.birth_date = DateField(self)
        self.ethnicity = QLineEdit(self)
        self.ethnicity.setPlaceholderText("Kinh")
        self.religion = QLineEdit(self)
        self.religion.setPlaceholderText(_("None"))
        self.education = CodeCombo(EDUCATION, self)
        self.probationary = QCheckBox(_("Probationary member"), self)
        form.addRow(_("Delegate:"), self.kind)
        form.addRow(_("Full name:"), self.full_name)
        form.addRow(_("Gender:"), self.gender)
        form.addRow(_("Date of birth:"), self.birth_date)
        form.addRow(_("Ethnicity:"), self.ethnicity)
        form.addRow(_("Religion:"), self.religion)
        form.addRow(_("Professional education:"), self.education)
        form.addRow("", self.probationary)
        about = QLabel(
            _(
                "The structure of the delegation counts these particulars (women, ethnic minorities, age on the "
                "congress day, doctorate, religion, probationary members) over the official delegates."
            ),
            self,
        )
        about.setWordWrap(True)
        about.setObjectName("pageSubtitle")
        box.addWidget(about)
        self.message = MessageLabel(self, lines=3, kind="error")
        box.addWidget(self.message)
        buttons = QHBoxLayout()
        if row_id is not None:
            self.remove_button = QPushButton(_("Take off the list…"), self)
            self.remove_button.clicked.connect(self._remove)
            buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.save_button = self.add_save_and_close(box, buttons)
        if current is not None:
            self._show(current)
        self.mark_clean()

    def _show(self, form: DelegateForm) -> None:
        self.member_id = form.member_id
        index = self.member.findData(form.member_id)
        self.member.setCurrentIndex(max(index, 0))
        self.kind.set_value("alternate" if form.alternate else "official")
        self.full_name.setText(form.full_name)
        self.gender.set_value(form.gender or None)
        self.birth_date.set_value(form.birth_date)
        self.ethnicity.setText(form.ethnicity)
        self.religion.setText(form.religion)
        self.education.set_value(form.professional_education or None)
        self.probationary.setChecked(form.probationary)

    def _take_member(self) -> None:
        """A member picked: their record's particulars fill the fields (still editable before saving)."""
        from khoidesktop.terms.delegates import form_from_member

        member_id = self.member.currentData()
        if member_id is None:
            self.member_id = None
            return
        with self.ctx.require_store().session() as session:
            taken = form_from_member(session, self.term_id, member_id, self.kind.value() == "alternate")
        self._show(taken)

    def save_then_close(self) -> None:
        from khoidesktop.terms.delegates import DelegateForm, save_delegate

        try:
            born = self.birth_date.value()
        except ValueError as exc:
            self.message.error(f"{_('Date of birth:')} {exc}")
            return
        form = DelegateForm(
            self.term_id,
            self.full_name.text(),
            self.kind.value() == "alternate",
            self.gender.value() or "",
            self.ethnicity.text(),
            born,
            self.education.value() or "",
            self.religion.text(),
            self.probationary.isChecked(),
            self.member_id,
            self.row_id,
        )
        now, actor, today = self.ctx.now(), current_actor(), self.ctx.today()
        self._write(lambda session: save_delegate(session, form, now=now, actor=actor, today=today))

    def _remove(self) -> None:
        from khoidesktop.terms.delegates import remove_delegate

        row_id = self.row_id
        if row_id is None or not self.ctx.prompts.confirm(
            _("Take off the list"), _("Take this delegate off the list? The audit log keeps what the row held.")
        ):
            return
        now, actor = self.ctx.now(), current_actor()
        self._write(lambda session: remove_delegate(session, row_id, now=now, actor=actor))

    def _write(self, work: Callable[[Session], object]) -> None:
        def done(_result: object) -> None:
            self.mark_clean()
            self.accept()

        run_write(self, self.ctx, work, done, on_error=self.message.error, busy=self)
