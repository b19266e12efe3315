"""The “Bầu cử” section of the Nhiệm kỳ page: the term's elections (the committee, the secretary, the delegates …)
each with its round and its result as the rules count it (terms/elections.py); a row opens the election dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.ui.widgets.figure_table import FigureTable
from khoidesktop.ui.widgets.row_open import open_on_activate

HEADERS = (N_("Held on"), N_("The vote"), N_("Seats"), N_("Result"), N_("Recorded"))


class ElectionsSection(QWidget):
    changed = Signal()  # an election saved, a round set up or a result recorded

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.term_id: int | None = None
        self.ids: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.title = QLabel(_("Elections"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        row.addWidget(self.title, 1)
        self.add_button = QPushButton(_("Add an election…"), self)
        self.add_button.clicked.connect(lambda: self.open(None))
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.table = FigureTable([_(h) for h in HEADERS], self, stretch=3)
        self.table.setMinimumHeight(110)
        open_on_activate(self.table, lambda index: self.open(self.ids[index]))
        layout.addWidget(self.table, 1)

    def show_term(self, term_id: int | None) -> None:
        from khoidesktop.terms.elections import election_rows

        self.term_id = term_id
        store = self.ctx.store
        if term_id is None or store is None:
            self.ids = []
            self.table.set_rows([])
            return
        with store.session() as session:
            found = election_rows(session, term_id)
        self.ids = [r.id for r in found]
        self.table.set_rows(
            [
                (
                    format_date(r.held_on),
                    r.title,
                    format_number(r.seats),
                    " ".join(r.lines),
                    _("yes") if r.applied else "",
                )
                for r in found
            ]
        )

    def open(self, election_id: int | None) -> None:
        from khoidesktop.ui.dialogs.base import FormDialog
        from khoidesktop.ui.dialogs.election_dialog import ElectionDialog

        if self.term_id is None:
            return
        dialog = ElectionDialog(self.ctx, self.term_id, election_id, self)
        saved = dialog.exec() == FormDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.show_term(self.term_id)
        if saved:
            self.changed.emit()
