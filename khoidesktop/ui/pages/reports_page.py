"""Báo cáo: the documents the superior committee asks for, each saved as PDF in the official format."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui import member_actions
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.widgets.fields import DateField
from khoidesktop.ui.widgets.message import MessageLabel


class ReportsPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(
            _(
                "Each document follows the format of Party documents (HD 36-HD/VPTW) and carries the "
                "names set on the Settings page."
            )
        )
        self.roster_button = QPushButton(_("Save as PDF…"), self)
        self.roster_button.clicked.connect(lambda: member_actions.roster_pdf(self, self.ctx))
        self._section(
            _("Party members list"),
            _(
                "The members in the cell's list, in Vietnamese order, with their "
                "dates of birth, admission and official membership."
            ),
            self.roster_button,
        )
        self.on_date = DateField(self)
        self.on_date.set_value(ctx.today())
        self.structure_button = QPushButton(_("Save as PDF…"), self)
        self.structure_button.clicked.connect(self._structure)
        self.message = MessageLabel(self, kind="error")
        self._section(
            _("Member structure report"),
            _(
                "Counts and shares of women, ethnic minorities, age bands, "
                "education and political theory on a chosen date."
            ),
            QLabel(_("On the date:"), self),
            self.on_date,
            self.structure_button,
        )
        self.layout_.addWidget(self.message)
        later = QLabel(_("The meetings, rating and recruitment reports come with those pages."), self)
        later.setObjectName("pageSubtitle")
        self.layout_.addWidget(later)
        self.layout_.addStretch(1)

    def _section(self, title: str, text: str, *controls: QWidget) -> None:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        about = QLabel(text, box)
        about.setWordWrap(True)
        layout.addWidget(about)
        row = QHBoxLayout()
        row.addStretch(1)
        for control in controls:
            row.addWidget(control)
        layout.addLayout(row)
        self.layout_.addWidget(box)

    def _structure(self) -> None:
        try:
            on = self.on_date.value() or self.ctx.today()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        if on > self.ctx.today():
            self.message.setText(_("The date is in the future: choose today or an earlier day."))
            return
        self.message.clear()
        member_actions.structure_pdf(self, self.ctx, on)
