"""Tổng quan: the cell's name and headline counts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _, format_number, format_percent
from khoidesktop.services.identity import get_identity
from khoidesktop.services.meeting_stats import year_summary
from khoidesktop.services.members import headline_counts
from khoidesktop.services.recruitment_stats import file_rows, reminders
from khoidesktop.ui.pages.base import Page


class Card(QFrame):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.value = QLabel("–", self)
        self.value.setObjectName("cardValue")
        self.caption = QLabel(label, self)
        self.caption.setObjectName("cardLabel")
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class OverviewPage(Page):
    slug = "tong-quan"

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.cell_label = QLabel(self)
        self.cell_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.cell_label.setWordWrap(True)
        self.org_label = self.subtitle("")
        self.layout_.insertWidget(1, self.cell_label)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.cards = {key: Card(text, self) for key, text in (
            ("active", _("Party members in the cell")), ("official", _("Official members")),
            ("probationary", _("Probationary members")), ("women", _("Women")),
            ("exempt", _("Exempt from activities")))}
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 3, index % 3)
        self.layout_.addLayout(grid)
        self.empty_label = QLabel(_("No party members yet. Import them from Excel or add them one by one "
                                    "on the “Party members” page."), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.empty_label)
        self.attention = QGroupBox(_("Needs attention"), self)
        self.attention_list = QListWidget(self.attention)
        QVBoxLayout(self.attention).addWidget(self.attention_list)
        self.layout_.addWidget(self.attention, 1)

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            identity = get_identity(session)
            counts = headline_counts(session)
            summary = year_summary(session, self.ctx.today().year, self.ctx.today())
            recruitment = reminders(file_rows(session, self.ctx.today(), self.ctx.work_calendar()))
        if identity is not None:
            self.cell_label.setText(identity.cell_name)
            self.org_label.setText(f"{identity.org_name} — {identity.superior_name}")
        values = {"active": counts.active, "official": counts.official,
                  "probationary": counts.probationary, "women": counts.women, "exempt": counts.exempt}
        for key, card in self.cards.items():
            card.value.setText(format_number(values[key]))
        self.cards["women"].value.setText(
            f"{format_number(counts.women)}  ({format_percent(counts.women, counts.active)})")
        self.empty_label.setVisible(counts.active == 0)
        self.attention_list.clear()
        self.attention_list.addItems(summary.warnings + recruitment or [_("Nothing needs attention at the moment.")])
