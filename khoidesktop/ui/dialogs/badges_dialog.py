"""Members who reach a Party badge (30, 40, 45 … 90 years of Party age) in a chosen year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.i18n import _, format_date
from khoidesktop.members.queries import badges_in
from khoidesktop.ui import member_actions
from khoidesktop.ui.dialogs.base import OrderedDialog


class BadgesDialog(OrderedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Party badges"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Members who reach a Party badge in the year:"), self))
        self.year = QSpinBox(self)
        self.year.setRange(1930, 2100)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(self.refresh)
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([_("Full name"), _("Date admitted to the Party"), _("Badge")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.save_button = QPushButton(_("Save as PDF…"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(lambda: member_actions.badges_pdf(self, ctx, self.year.value()))
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.require_store().session() as session:
            found = badges_in(session, self.year.value())
        self.table.setRowCount(len(found))
        for row, (member, years) in enumerate(found):
            cells = (
                member.full_name,
                format_date(member.admitted_on),
                _("{years}-year Party badge").format(years=years),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.summary.setText(
            _("{n} members.").format(n=len(found)) if found else _("No member reaches a badge in this year.")
        )
