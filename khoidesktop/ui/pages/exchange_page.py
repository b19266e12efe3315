"""Trao đổi dữ liệu, one page per role (datafile/kinds.py): a cell makes its signed bundle for the superior
committee; a level above imports its units' bundles, sees who sent what and who is late, and saves its reports."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.domain.periods import ROMAN_QUARTERS, Period
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.ui import exchange_actions
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.bundle_parts import BundleParts
from khoidesktop.ui.widgets.figure_table import FigureTable
from khoidesktop.ui.widgets.period_box import UnitsPeriodBox

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.exchange.bundle_import import Outcome
    from khoidesktop.units.records import UnitRow

UNIT_HEADERS = (N_("Unit"), N_("Members"), N_("Latest bundle"), N_("Its period"), N_("This period"))
RESULT_HEADERS = (N_("File"), N_("Unit"), N_("Period"), N_("Result"))
RESULTS = {
    "imported": N_("Imported"),
    "unchanged": N_("Already imported, nothing changed"),
    "replaced": N_("Replaced the older bundle"),
    "refused": N_("Refused"),
    "stopped": N_("Not imported"),
}


class PeriodPicker(QWidget):
    """A year and "whole year" or one of its quarters."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.year = QComboBox(self)
        for year in range(today.year, today.year - 6, -1):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(0 if today.month == 12 else 1)  # the year just ended, until December
        self.part = QComboBox(self)
        self.part.addItem(_("Whole year"), None)
        for quarter, roman in ROMAN_QUARTERS.items():
            self.part.addItem(_("Quarter {q}").format(q=roman), quarter)
        layout.addWidget(QLabel(_("Period:"), self))
        layout.addWidget(self.year)
        layout.addWidget(self.part)
        self.touched = False  # the user chose a period: a refresh keeps it
        for box in (self.year, self.part):
            box.activated.connect(self._touch)

    def _touch(self) -> None:
        self.touched = True

    def period(self) -> Period:
        return Period(self.year.currentData(), self.part.currentData())

    def show_period(self, period: Period) -> None:
        """Show `period` (a year outside the list is added to it)."""
        if self.year.findData(period.year) < 0:
            self.year.addItem(str(period.year), period.year)
        self.year.setCurrentIndex(self.year.findData(period.year))
        self.part.setCurrentIndex(self.part.findData(period.quarter))


class CellPanel(QWidget):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page, ctx = page, page.ctx
        self.cell_name = ""  # for the suggested file name; read on refresh
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(_("Bundle for the superior committee"), self)
        inner = QVBoxLayout(box)
        about = QLabel(
            _(
                "One file holding what the superior committee needs for the period: the figures of the members' "
                "structure, the meetings, the year's ratings and the recruitment (counts, no names), the period's "
                "reports as PDF, and the named lists ticked below. It is signed with the cell's key, so the superior "
                "committee can tell it comes from this cell and was not changed on the way."
            ),
            box,
        )
        about.setWordWrap(True)
        inner.addWidget(about)
        self.parts = BundleParts(CELL_ROLE, box)
        inner.addWidget(self.parts)
        row = QHBoxLayout()
        self.picker = PeriodPicker(ctx.today(), box)
        row.addWidget(self.picker)
        row.addStretch(1)
        self.export_button = QPushButton(_("Export the bundle for the superior…"), box)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        inner.addLayout(row)
        layout.addWidget(box)
        key_box = QGroupBox(_("The cell's key"), self)
        self.key_label = QLabel(key_box)
        self.key_label.setWordWrap(True)
        QVBoxLayout(key_box).addWidget(self.key_label)
        layout.addWidget(key_box)
        layout.addStretch(1)

    def refresh(self, session: Session) -> None:
        from khoidesktop.exchange.bundle_export import key_fingerprint

        fp = key_fingerprint(session)
        identity = get_identity(session)
        self.cell_name = identity.cell_name if identity is not None else ""  # a file not named yet
        self.key_label.setText(
            _(
                "Key fingerprint: <b>{fp}</b><br>The superior committee confirms it once, when your first bundle "
                "arrives: read it to them when they call."
            ).format(fp=fp)
            if fp
            else _("The cell's signing key is made with the first bundle; its fingerprint will be shown here.")
        )

    def export(self) -> None:
        exchange_actions.export_bundle(
            self, self.page.ctx, self.picker.period(), self.cell_name, self.page.refresh, self.parts.named()
        )


class UpwardBox(QGroupBox):
    """A level above the cells sends its own signed bundle upward: its totals and its units' rows."""

    def __init__(self, page: Page, parent: QWidget) -> None:
        super().__init__(_("Bundle for the level above"), parent)
        self.page = page
        inner = QVBoxLayout(self)
        about = QLabel(
            _(
                "One file holding this level's totals for the period, summed from the bundles its units sent, "
                "and a row for each unit, signed with this level's key. Import your units' bundles first: a "
                "unit that has not sent is left out and named as late."
            ),
            self,
        )
        about.setWordWrap(True)
        inner.addWidget(about)
        self.parts = BundleParts(UNITS_ROLE, self)
        inner.addWidget(self.parts)
        row = QHBoxLayout()
        self.picker = PeriodPicker(page.ctx.today(), self)
        row.addWidget(self.picker)
        row.addStretch(1)
        self.export_button = QPushButton(_("Export the bundle for the level above…"), self)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        inner.addLayout(row)
        self.key_label = QLabel(self)
        self.key_label.setWordWrap(True)
        inner.addWidget(self.key_label)
        self.org_name = ""

    def refresh(self, session: Session) -> None:
        from khoidesktop.exchange.bundle_export import key_fingerprint
        from khoidesktop.units.records import default_period

        if not self.picker.touched:  # the period the units sent, until the user picks another
            self.picker.show_period(default_period(session, self.page.ctx.today()))
        identity = get_identity(session)
        self.org_name = identity.org_name if identity is not None else ""
        fp = key_fingerprint(session)
        self.key_label.setText(
            _("This level's key fingerprint: <b>{fp}</b> (the level above confirms it once).").format(fp=fp)
            if fp
            else _("This level's signing key is made with its first bundle.")
        )

    def export(self) -> None:
        exchange_actions.export_bundle(
            self, self.page.ctx, self.picker.period(), self.org_name, self.page.refresh, self.parts.named()
        )


class UnitsPanel(QWidget):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Period:"), self))
        self.period_box = UnitsPeriodBox(page.ctx.today, self)
        self.period_box.currentIndexChanged.connect(lambda _i: self.page.refresh())
        row.addWidget(self.period_box)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        row.addWidget(self.summary, 1)
        self.import_button = QPushButton(_("Import the units' bundles…"), self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_bundles)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.units = FigureTable([_(h) for h in UNIT_HEADERS], self)
        self.empty = QLabel(
            _(
                "No bundle yet. Ask each unit for its bundle (the “.khoi” file made on its "
                "“Data exchange” page), then press “Import the units' bundles…”."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.units, 3)
        layout.addWidget(self.empty)
        self.results_box = QGroupBox(_("Last import"), self)
        self.results = FigureTable([_(h) for h in RESULT_HEADERS], self.results_box, stretch=3)
        QVBoxLayout(self.results_box).addWidget(self.results)
        self.results_box.setVisible(False)
        layout.addWidget(self.results_box, 2)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.remove_button = QPushButton(_("Remove the selected unit's bundle…"), self)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_bundle)
        actions.addWidget(self.remove_button)
        layout.addLayout(actions)
        self.upward = UpwardBox(page, self)
        layout.addWidget(self.upward)
        self.units.itemSelectionChanged.connect(self._selection_changed)
        self.rows: list[UnitRow] = []

    def period(self) -> Period:
        return self.period_box.period()

    def refresh(self, session: Session) -> None:
        from khoidesktop.units.records import level_figures, unit_rows

        self.period_box.fill(session)
        self.upward.refresh(session)
        rows = self.rows = unit_rows(session, self.period(), self.page.ctx.today())
        self.units.set_rows(
            [
                (
                    r.name,
                    format_number(r.figures.members) if r.figures else "",
                    format_date(r.last_sent) if r.last_sent else "",
                    _period_label(r.last_period),
                    _("Late") if r.late else (_("Received") if r.bundle else _("Not yet sent")),
                )
                for r in rows
            ]
        )
        for index, row in enumerate(rows):
            item = self.units.item(index, 4)
            if row.late and item is not None:
                item.setForeground(QColor("#b4463c"))  # the ones to chase stand out
        figures = level_figures(session, self.period(), rows)
        self.summary.setText(
            _("{sent} of {n} units sent their bundle; {members} members.").format(
                sent=figures.units, n=len(rows), members=format_number(figures.total)
            )
        )
        self.empty.setVisible(not rows)
        self.units.setVisible(bool(rows))

    def _selected(self) -> UnitRow | None:
        selected = self.units.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None

    def _selection_changed(self) -> None:
        row = self._selected()
        self.remove_button.setEnabled(row is not None and row.bundle is not None)

    def remove_bundle(self) -> None:
        from khoidesktop.exchange.bundle_import import remove_bundle
        from khoidesktop.store.audit import current_actor

        row, ctx = self._selected(), self.page.ctx
        if (
            row is None
            or row.bundle is None
            or not ctx.prompts.confirm(
                _("Remove the bundle"),
                _(
                    "Remove the bundle of {unit} for {period} (made {when})? Its figures leave the bloc's totals "
                    "until the cell sends it again; the unit and its other bundles stay."
                ).format(unit=row.name, period=self.period().label(), when=format_date(row.bundle.created_at)),
            )
        ):
            return
        bundle_id = row.bundle.id

        def write(session: Session) -> None:
            remove_bundle(session, bundle_id, now=ctx.now(), actor=current_actor())

        def removed(_result: None) -> None:
            self.page.refresh()
            self.page.data_changed.emit()

        run_write(self, ctx, write, removed, busy=self.page)

    def import_bundles(self) -> None:
        exchange_actions.import_bundles(self, self.page.ctx, self.imported)

    def imported(self, outcomes: list[Outcome]) -> None:
        problems_first = sorted(outcomes, key=lambda o: o.status not in ("refused", "stopped"))
        self.results.set_rows(
            [
                (
                    o.path.name,
                    o.cell_name,
                    _period_label(o.period),
                    _(RESULTS[o.status]) + (f": {o.reason}" if o.reason else ""),
                )
                for o in problems_first
            ]
        )
        count = {status: sum(o.status == status for o in outcomes) for status in RESULTS}
        self.results_box.setTitle(
            _(
                "Last import: {new} imported, {replaced} replaced, {same} unchanged, "
                "{refused} refused, {stopped} not imported"
            ).format(
                new=count["imported"],
                replaced=count["replaced"],
                same=count["unchanged"],
                refused=count["refused"],
                stopped=count["stopped"],
            )
        )
        self.results_box.setVisible(True)
        self.period_box.show_latest()
        self.page.refresh()
        self.page.data_changed.emit()


def _period_label(code: str | None) -> str:
    return Period.parse(code).label() if code else ""


class CellExchangePage(Page):
    """A cell's: make the signed bundle for the level above."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(_("Make the signed bundle the superior committee asks for, for a year or a quarter."))
        self.panel = CellPanel(self)
        self.layout_.addWidget(self.panel, 1)

    def refresh(self) -> None:
        if self.ctx.store is not None:
            with self.ctx.store.session() as session:
                self.panel.refresh(session)


class UnitsExchangePage(Page):
    """A level above the cells: import the units' bundles, see who is late, make its reports."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(
            _(
                "Import the bundles your units send, check who has sent and who is late, and make this level's "
                "own bundle for the level above."
            )
        )
        self.panel = UnitsPanel(self)
        self.layout_.addWidget(self.panel, 1)

    def refresh(self) -> None:
        if self.ctx.store is not None:
            with self.ctx.store.session() as session:
                self.panel.refresh(session)
