"""Đơn vị, on every level above the cells: its units with their figures for a period, their latest bundle, their
own rating and the level's rating of them (decided here, row by row), the members' excellence cap cell by cell
where this level decides it, and the shares of units per level with the cap for collectives (DOMAIN.md, Rating).
Units are added before their first bundle, renamed, dissolved or merged in the unit dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from khoidesktop.context import AppContext
from khoidesktop.domain.rating_rules import LEVEL_ORDER, LEVELS, level_label
from khoidesktop.i18n import N_, _, format_date, format_number, format_percent
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo
from khoidesktop.ui.widgets.figure_table import FigureTable
from khoidesktop.ui.widgets.message import MessageLabel
from khoidesktop.ui.widgets.period_box import UnitsPeriodBox
from khoidesktop.ui.widgets.row_open import open_on_activate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.units.records import UnitLevels, UnitRow

HEADERS = (
    N_("Unit"),
    N_("Kind"),
    N_("Members"),
    N_("Latest bundle"),
    N_("This period"),
    N_("Its own rating"),
    N_("Members rated excellent"),
    N_("Rating by this level"),
)
RATING_COLUMN = len(HEADERS) - 1
OWN_COLUMN = 5
LATE_COLOUR = "#b4463c"


class UnitsPage(Page):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.subtitle(
            _(
                "The units this level expects a bundle from, what each sent for the period, and this level's "
                "rating of each unit for the period's year. A unit is added here before its first bundle."
            )
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Period:"), self))
        self.period_box = UnitsPeriodBox(ctx.today, self)
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.period_box)
        top.addStretch(1)
        self.add_button = QPushButton(_("Add a unit…"), self)
        self.add_button.clicked.connect(lambda: self.open_unit(None))
        self.edit_button = QPushButton(_("Edit the unit…"), self)
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self._edit_selected)
        self.excellence_button = QPushButton(_("Members proposed as HTXSNV…"), self)
        self.excellence_button.setToolTip(
            _("Decide on the members the cells propose as “{excellent}”, within the cap over all the cells").format(
                excellent=level_label("HTXSNV")
            )
        )
        self.excellence_button.clicked.connect(self.open_excellence)
        top.addWidget(self.excellence_button)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        self.layout_.addLayout(top)
        self.table = FigureTable([_(h) for h in HEADERS], self)
        self.table.itemSelectionChanged.connect(lambda: self.edit_button.setEnabled(self._selected() is not None))
        open_on_activate(self.table, lambda row: self.open_unit(self.rows[row].unit.id))
        self.layout_.addWidget(self.table, 1)
        self.empty = QLabel(
            _(
                "No unit yet. Add the units this level expects a bundle from (“Add a unit…”), or import their "
                "first bundles on the “Data exchange” page: each bundle adds its unit."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.empty)
        self.levels_text = QLabel(self)
        self.levels_text.setWordWrap(True)
        self.layout_.addWidget(self.levels_text)
        self.cap_message = MessageLabel(self, lines=2)
        self.layout_.addWidget(self.cap_message)
        self.message = MessageLabel(self, kind="error")
        self.layout_.addWidget(self.message)
        self.rows: list[UnitRow] = []
        self.combos: list[CodeCombo] = []

    # --- showing ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            self.period_box.fill(session)
            self._show(session)

    def _show(self, session: Session) -> None:
        from khoidesktop.units.records import (
            excellent_allowed_by_unit,
            level_figures,
            own_kind,
            unit_kind,
            unit_rows,
            units_by_level,
        )

        period = self.period_box.period()
        rows = self.rows = unit_rows(session, period, self.ctx.today())
        caps = excellent_allowed_by_unit(session, period, rows)
        self.table.set_rows([self._cells(row, _(unit_kind(row.unit).unit_label), caps) for row in rows])
        self.combos = []
        for index, row in enumerate(rows):
            if row.late:
                item = self.table.item(index, 4)
                if item is not None:
                    item.setForeground(QColor(LATE_COLOUR))  # the ones to chase stand out
            own = self.table.item(index, OWN_COLUMN)
            if own is not None:
                own.setToolTip(level_label(row.self_level))
            self.combos.append(self._rating_combo(index, row, period.year))
        self.table.wrap_headers()  # the rating column's width is its boxes'
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._show_levels(units_by_level(rows, period.year))
        figures = level_figures(session, period, rows)
        self.excellence_button.setVisible(own_kind(session).decides_excellence_cap)
        if own_kind(session).decides_excellence_cap and figures.units:
            self._show_members_cap(figures.levels["HTXSNV"], figures.excellent_allowed, figures.levels["HTTNV"], caps)
        else:
            self.cap_message.clear()

    @staticmethod
    def _cells(row: UnitRow, kind: str, caps: dict[int, int]) -> tuple[str, ...]:
        excellent = ""
        if row.figures is not None:
            excellent = format_number(row.figures.levels["HTXSNV"])
            if row.unit.id in caps:
                excellent += f"/{format_number(caps[row.unit.id])}"
        status = _("Late") if row.late else (_("Received") if row.bundle else _("Not yet sent"))
        if not row.expected:
            status = _("No longer expected")
        return (
            row.name,
            kind,
            format_number(row.figures.members) if row.figures else "",
            format_date(row.last_sent) if row.last_sent else "",
            status,
            row.self_level or "",
            excellent,
            "",  # the level's rating: a box in the cell
        )

    def _rating_combo(self, index: int, row: UnitRow, year: int) -> CodeCombo:
        combo = CodeCombo(LEVELS, self.table, short=True)
        combo.set_value(row.level)
        combo.setToolTip(_("This level's rating of {unit} for {year}").format(unit=row.name, year=year))
        combo.setAccessibleName(combo.toolTip())
        unit_id = row.unit.id
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.rate(unit_id, year, c.value()))
        self.table.setCellWidget(index, RATING_COLUMN, combo)
        return combo

    def _show_levels(self, levels: UnitLevels) -> None:
        parts = [
            _("{level}: {count} ({percent})").format(
                level=level_label(code),
                count=format_number(levels.levels[code]),
                percent=format_percent(levels.levels[code], levels.units or 1),
            )
            for code in LEVEL_ORDER
        ]
        self.levels_text.setText(
            _("The units rated by this level for {year}: {parts}; not rated yet: {not_rated}.").format(
                year=levels.year, parts="; ".join(parts), not_rated=format_number(levels.levels[None])
            )
        )
        if levels.levels["HTXSNV"] > levels.allowed:
            self.message.error(
                _(
                    "{actual} units are rated “{excellent}”, more than the {allowed} the rule allows "
                    "(a share of the units rated “{good}”)."
                ).format(
                    actual=levels.levels["HTXSNV"],
                    allowed=levels.allowed,
                    excellent=level_label("HTXSNV"),
                    good=level_label("HTTNV"),
                )
            )
        else:
            self.message.clear()

    def _show_members_cap(self, actual: int, allowed: int, good: int, caps: dict[int, int]) -> None:
        over = [
            r.name
            for r in self.rows
            if r.figures and r.unit.id in caps and r.figures.levels["HTXSNV"] > caps[r.unit.id]
        ]
        text = _(
            "Members rated “{excellent}” in all the cells: {actual}, of at most {allowed} (the cap over the "
            "{good} members rated “{good_level}”)."
        ).format(
            excellent=level_label("HTXSNV"),
            actual=format_number(actual),
            allowed=format_number(allowed),
            good=format_number(good),
            good_level=level_label("HTTNV"),
        )
        if over:
            text += " " + _("Over the cap: {cells}.").format(cells=", ".join(over))
        if actual > allowed or over:
            self.cap_message.warn(text)
        else:
            self.cap_message.ok(text)

    # --- acting -------------------------------------------------------------------------------------------

    def rate(self, unit_id: int, year: int, level: str | None) -> None:
        from khoidesktop.units.records import rate_unit_id

        now, actor = self.ctx.now(), current_actor()

        def write(session: Session) -> None:
            rate_unit_id(session, unit_id, year, level, now=now, actor=actor)

        def rated(_result: None) -> None:
            self.refresh()
            self.data_changed.emit()

        run_write(self, self.ctx, write, rated, on_error=self.message.error, busy=self)

    def _selected(self) -> UnitRow | None:
        selected = self.table.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None

    def _edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_unit(row.unit.id)

    def open_excellence(self) -> None:
        from khoidesktop.ui.dialogs.excellence_dialog import ExcellenceDialog

        dialog = ExcellenceDialog(self.ctx, self.period_box.period().year, self)
        saved = dialog.exec() == ExcellenceDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.refresh()
        if saved:
            self.data_changed.emit()

    def open_unit(self, unit_id: int | None) -> None:
        from khoidesktop.ui.dialogs.unit_dialog import UnitDialog

        dialog = UnitDialog(self.ctx, unit_id, self)
        saved = dialog.exec() == UnitDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.refresh()
        if saved:
            self.data_changed.emit()
