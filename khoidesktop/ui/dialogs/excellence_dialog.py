"""The grassroots committee decides on the members its cells propose as HTXSNV for a year (units/excellence.py):
each proposal approved or declined in its row, the cap's share the committee allows, and the count against the cap
over all its cells, said at once as the boxes change and checked again on save (one check)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.domain.rating_rules import level_label, rule_set_for
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.dialogs.base import FormDialog
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.figure_table import FigureTable
from khoidesktop.ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.units.excellence import ExcellenceList

HEADERS = (N_("Cell"), N_("Full name"), N_("Date of birth"), N_("Decision"))
CHOICES = ((N_("(not decided)"), None), (N_("Approved"), True), (N_("Declined"), False))
DECISION_COLUMN = len(HEADERS) - 1


class ExcellenceDialog(FormDialog):
    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from khoidesktop.units.excellence import excellence_list

        self.year = year
        self.setWindowTitle(_("Members proposed as “{excellent}”").format(excellent=level_label("HTXSNV")))
        self.setMinimumSize(720, 480)
        box = QVBoxLayout(self)
        about = QLabel(
            _(
                "The members the cells proposed in their bundles of {year}. The committee approves each one or "
                "declines it; those approved may not exceed the share below of the members the cells rated "
                "“{good}”, over all the cells."
            ).format(year=year, good=level_label("HTTNV")),
            self,
        )
        about.setWordWrap(True)
        box.addWidget(about)
        share_row = QHBoxLayout()
        share_row.addWidget(QLabel(_("Share the committee allows (%):"), self))
        rules = rule_set_for(year)
        self.share = QSpinBox(self)
        self.share.setRange(rules.cap_percent, rules.cap_percent_max)
        self.share.valueChanged.connect(lambda _v: self._show_count())
        share_row.addWidget(self.share)
        share_row.addStretch(1)
        box.addLayout(share_row)
        self.table = FigureTable([_(h) for h in HEADERS], self, stretch=1)
        box.addWidget(self.table, 1)
        self.count = MessageLabel(self, lines=2)
        box.addWidget(self.count)
        self.message = MessageLabel(self, lines=2, kind="error")
        box.addWidget(self.message)
        self.save_button = self.add_save_and_close(box)

        with ctx.require_store().session() as session:
            self.listing: ExcellenceList = excellence_list(session, year, ctx.today())
        self.share.setValue(self.listing.cap_percent)
        self._fill()
        self.mark_clean()

    def _fill(self) -> None:
        listing = self.listing
        self.table.set_rows(
            [(p.unit, p.full_name, format_date(p.birth_date) if p.birth_date else "", "") for p in listing.proposed]
        )
        self.combos: list[QComboBox] = []
        for index, proposed in enumerate(listing.proposed):
            combo = QComboBox(self.table)
            for text, value in CHOICES:
                combo.addItem(_(text), value)
            combo.setCurrentIndex([value for _t, value in CHOICES].index(proposed.approved))
            combo.setAccessibleName(_("Decision on {name}").format(name=proposed.full_name))
            combo.currentIndexChanged.connect(lambda _i: self._show_count())
            self.table.setCellWidget(index, DECISION_COLUMN, combo)
            self.combos.append(combo)
        self.table.wrap_headers()  # the decision column is as wide as its boxes
        if not listing.proposed:
            self.message.warn(
                _(
                    "No cell has sent the names of the members it proposes for {year}: ask each cell to export "
                    "its bundle of {year} with the list of proposals, and import it."
                ).format(year=self.year)
            )
        elif listing.unlisted:
            self.message.warn(
                _("Cells that rated members “{excellent}” but sent no list of names: {names}.").format(
                    excellent=level_label("HTXSNV"), names=", ".join(listing.unlisted)
                )
            )
        self._show_count()

    def declined(self) -> int:
        return sum(combo.currentData() is False for combo in self.combos)

    def allowed(self) -> int:
        """The cap at the share and the decisions shown: the records' own reckoning (ExcellenceList.allowed_if)."""
        return self.listing.allowed_if(self.declined(), self.share.value())

    def approved(self) -> int:
        return sum(combo.currentData() is True for combo in self.combos)

    def _show_count(self) -> None:
        approved, allowed = self.approved(), self.allowed()
        undecided = sum(combo.currentData() is None for combo in self.combos)
        text = _("Approved: {approved} of at most {allowed}; not decided: {undecided}.").format(
            approved=format_number(approved), allowed=format_number(allowed), undecided=format_number(undecided)
        )
        if approved <= allowed and self.message.objectName() == "errorText":
            self.message.clear()  # the refusal of a save no longer holds
        if approved > allowed:
            self.count.error(text)
        elif undecided:
            self.count.warn(text)
        else:
            self.count.ok(text)

    def save_then_close(self) -> None:
        from khoidesktop.units.excellence import Decision, decide, over_cap_message

        approved, allowed = self.approved(), self.allowed()
        if approved > allowed:  # the live check, said before writing, as decide() says it
            self.message.error(over_cap_message(approved, self.declined(), self.listing, self.share.value()))
            return
        decisions = [
            Decision(p.unit_id, p.full_name, p.birth_date, combo.currentData())
            for p, combo in zip(self.listing.proposed, self.combos, strict=True)
        ]
        year, share = self.year, self.share.value()
        today, now, actor = self.ctx.today(), self.ctx.now(), current_actor()

        def write(session: Session) -> None:
            decide(session, year, decisions, today=today, now=now, actor=actor, share=share)

        def done(_result: None) -> None:
            self.mark_clean()
            self.accept()

        run_write(self, self.ctx, write, done, on_error=self.message.error, busy=self)
