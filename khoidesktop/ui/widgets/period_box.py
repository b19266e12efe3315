"""The period a level above the cells looks at: the periods its units sent, with last year and this year always
there, the level's default chosen first (units.records.default_period), the user's choice kept on refresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from khoidesktop.domain.periods import Period

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class UnitsPeriodBox(QComboBox):
    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "quý IV/2025" never cut

    def period(self) -> Period:
        chosen: Period | None = self.currentData()
        return chosen or Period(self.today().year - 1)

    def fill(self, session: Session) -> None:
        """The choices from the data file; the period shown stays unless it was reset (index −1)."""
        from khoidesktop.units.records import default_period, periods

        chosen, today = self.currentData(), self.today()
        default = default_period(session, today)
        choices = sorted(
            {*periods(session), default, Period(today.year), Period(today.year - 1)},
            key=lambda p: p.sort_key,
            reverse=True,
        )
        wanted = chosen if chosen in choices else default
        self.blockSignals(True)
        self.clear()
        for period in choices:
            self.addItem(period.label(), period)
        self.setCurrentIndex(choices.index(wanted))
        self.blockSignals(False)

    def show_latest(self) -> None:
        """After an import: the next fill shows the level's default period again."""
        self.blockSignals(True)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
