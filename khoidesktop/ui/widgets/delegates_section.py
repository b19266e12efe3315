"""The Nhiệm kỳ page's "Đại biểu dự Đại hội cấp trên": the term's delegates to the superior's congress (official,
then alternates, with their particulars), added and edited in the delegate dialog, and the structure of the
delegation below in the congress reports' columns (count and share). At a level above the cells it also shows
"Đoàn đại biểu từ các đơn vị": the delegation of its own congress summed from the lists its units sent up, each
unit's count, and the same table. The figures are those of `delegates list` and the PDF (terms/delegates.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from khoidesktop.domain.elections import DELEGATION_GROUPS
from khoidesktop.domain.members import EDUCATION, GENDERS
from khoidesktop.domain.structure import GROUP_LABELS
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.ui.widgets.figure_table import FigureTable
from khoidesktop.ui.widgets.row_open import open_on_activate

if TYPE_CHECKING:
    from khoidesktop.terms.delegation import Delegation
    from khoidesktop.ui.pages.base import Page

LIST_HEADERS = (
    N_("No."),
    N_("Full name"),
    N_("Delegate"),
    N_("Gender"),
    N_("Date of birth"),
    N_("Ethnicity"),
    N_("Professional education"),
    N_("Probationary"),
)
OWN, FROM_UNITS = "own", "units"


class DelegatesSection(QWidget):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        self.term_id: int | None = None
        self.term_name = ""
        self.ids: list[int] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.title = QLabel(_("Delegates to the superior's congress"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        row.addWidget(self.title, 1)
        self.view = QComboBox(self)
        self.view.addItem(_("This level's delegates"), OWN)
        self.view.addItem(_("Delegation from the units"), FROM_UNITS)
        self.view.currentIndexChanged.connect(lambda _i: self.show_term(self.term_id, self.term_name))
        row.addWidget(self.view)
        self.print_button = QPushButton(_("Print the list…"), self)
        self.print_button.clicked.connect(self.print_list)
        row.addWidget(self.print_button)
        self.add_button = QPushButton(_("Add a delegate…"), self)
        self.add_button.clicked.connect(lambda: self.open_delegate(None))
        row.addWidget(self.add_button)
        box.addLayout(row)
        self.table = FigureTable([_(h) for h in LIST_HEADERS], self, stretch=1)
        self.table.setMinimumHeight(150)
        open_on_activate(self.table, lambda r: self.open_delegate(self.ids[r]) if self.view_mode() == OWN else None)
        box.addWidget(self.table, 1)
        self.units = FigureTable([_("Unit"), _("Official"), _("Alternates")], self)
        self.units.setMinimumHeight(110)
        box.addWidget(self.units)
        self.structure_title = QLabel(self)
        self.structure_title.setWordWrap(True)
        box.addWidget(self.structure_title)
        self.structure = FigureTable([], self, stretch=0)
        self.structure.setFixedHeight(90)
        box.addWidget(self.structure)
        self.aggregates = False

    def view_mode(self) -> str:
        mode: str = self.view.currentData() or OWN
        return mode

    def show_term(self, term_id: int | None, term_name: str) -> None:
        from khoidesktop.datafile.identity import get_identity
        from khoidesktop.datafile.kinds import kind_of
        from khoidesktop.terms.delegates import delegates, delegation, delegation_from_units
        from khoidesktop.terms.records import term_row

        self.term_id, self.term_name = term_id, term_name
        store = self.page.ctx.store
        if term_id is None or store is None:
            return
        with store.session() as session:
            self.aggregates = kind_of(get_identity(session)).aggregates
            from_units = self.aggregates and self.view_mode() == FROM_UNITS
            term = term_row(session, term_id)
            made = delegation_from_units(session, term) if from_units else delegation(session, term)
            self.ids = [] if from_units else [d.id for d in delegates(session, term_id)]
        self.view.setVisible(self.aggregates)
        self.add_button.setVisible(not from_units)
        self.units.setVisible(from_units)
        self._show(made, from_units)

    def _show(self, made: Delegation, from_units: bool) -> None:
        headers = [_(h) for h in LIST_HEADERS]
        if from_units:
            headers.insert(2, _("Unit"))
        self.table.set_headers(headers)
        rows = []
        numbers = {False: 0, True: 0}
        for line in made.lines:
            numbers[line.alternate] += 1
            p = line.person
            row = [
                format_number(numbers[line.alternate]),
                p.full_name,
                _("Alternate") if line.alternate else _("Official"),
                _(GENDERS[p.gender]) if p.gender else "",
                format_date(p.birth_date) if p.birth_date else "",
                p.ethnicity,
                _(EDUCATION[p.professional_education]) if p.professional_education else "",
                "" if p.official else "x",
            ]
            if from_units:
                row.insert(2, line.unit)
            rows.append(row)
        self.table.set_rows(rows)
        self.units.set_rows([(u.name, format_number(u.official), format_number(u.alternates)) for u in made.units])
        self.structure_title.setText(
            _("Structure of the delegation ({n} official delegates, on {date}):").format(
                n=format_number(made.structure.total), date=format_date(made.on)
            )
        )
        from khoidesktop.terms.delegation import share_text

        groups = made.structure.groups
        self.structure.set_headers(["", _("Total"), *[_(GROUP_LABELS[key]) for key in DELEGATION_GROUPS]])
        total = made.structure.total
        self.structure.set_rows(
            [
                [_("Number"), format_number(total), *[format_number(groups[k].count) for k in DELEGATION_GROUPS]],
                [_("Share"), "100%" if total else "", *[share_text(groups[k].count, total) for k in DELEGATION_GROUPS]],
            ]
        )

    def open_delegate(self, row_id: int | None) -> None:
        from khoidesktop.ui.dialogs.base import FormDialog
        from khoidesktop.ui.dialogs.delegate_dialog import DelegateDialog

        if self.term_id is None:
            return
        dialog = DelegateDialog(self.page.ctx, self.term_id, row_id, self)
        saved = dialog.exec() == FormDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.show_term(self.term_id, self.term_name)
        if saved:
            self.page.data_changed.emit()

    def print_list(self) -> None:
        from khoidesktop.ui.term_actions import delegates_list

        if self.term_id is not None:
            delegates_list(self, self.page.ctx, self.term_name, from_units=self.view_mode() == FROM_UNITS)
