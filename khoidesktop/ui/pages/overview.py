"""Tổng quan: headline figures, what needs attention, and the charts (each with its table of figures).
For a cell from its own records; for a bloc from the bundles its units sent (who is late, the totals)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QListWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.overview.figures import ChartData
    from khoidesktop.store.models import Identity
from khoidesktop.datafile.identity import display_name, get_identity
from khoidesktop.i18n import _, format_number, format_percent
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.widgets.charts import ChartPanel
from khoidesktop.ui.widgets.flow_layout import FlowLayout


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


def _cell_cards() -> dict[str, str]:
    return {
        "active": _("Party members in the cell"),
        "official": _("Official members"),
        "probationary": _("Probationary members"),
        "women": _("Women"),
        "exempt": _("Exempt from activities"),
        "admitted": _("Admitted this year"),
    }


def _bloc_cards() -> dict[str, str]:
    return {
        "units": _("Units that sent their bundle"),
        "members": _("Party members in the bloc"),
        "women": _("Women"),
        "good": _("Rated well completed or better"),
        "thematic": _("Thematic meetings held"),
        "admitted": _("Admitted / target"),
    }


class OverviewPage(Page):
    """What both roles' overviews share: the names, the cards, what needs attention, the charts."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.cell_label = QLabel(self)
        self.cell_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.cell_label.setWordWrap(True)
        self.org_label = self.subtitle("")
        for label in (self.cell_label, self.org_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names typed by users or read from bundles
        self.layout_.insertWidget(1, self.cell_label)
        self.grid = FlowLayout(spacing=14)  # the cards go on to a second line in a narrow window (150 %)
        self.layout_.addLayout(self.grid)
        self.cards: dict[str, Card] = {}
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.empty_label)
        self.attention = QGroupBox(_("Needs attention"), self)
        self.attention_list = QListWidget(self.attention)
        self.attention_list.setWordWrap(True)
        QVBoxLayout(self.attention).addWidget(self.attention_list)
        self.layout_.addWidget(self.attention)
        self.charts = QTabWidget(self)
        self.chart_panels: dict[str, ChartPanel] = {}
        self.layout_.addWidget(self.charts, 1)

    def _set_cards(self, captions: dict[str, str]) -> None:
        if list(self.cards) == list(captions):
            return
        for card in self.cards.values():
            card.deleteLater()
        self.cards = {key: Card(text, self) for key, text in captions.items()}
        for card in self.cards.values():
            self.grid.addWidget(card)

    def _show_charts(self, charts: list[ChartData]) -> None:
        for data in charts:
            panel = self.chart_panels.get(data.key)
            if panel is None:
                panel = self.chart_panels[data.key] = ChartPanel(self.charts)
                self.charts.addTab(panel, data.tab)
            panel.show_data(data)

    def refresh(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            identity = get_identity(session)
            if identity is None:
                return
            self.cell_label.setText(display_name(identity))
            self._refresh(session, identity)

    def _refresh(self, session: Session, identity: Identity) -> None:
        raise NotImplementedError

    def _attention(self, items: list[str]) -> None:
        self.attention_list.clear()
        self.attention_list.addItems(items or [_("Nothing needs attention at the moment.")])
        rows = sum(self.attention_list.sizeHintForRow(i) for i in range(min(self.attention_list.count(), 4)))
        self.attention_list.setFixedHeight(rows + 2 * self.attention_list.frameWidth() + 4)  # up to 4, then scroll


class CellOverviewPage(OverviewPage):
    """A cell's: from its own records."""

    def _refresh(self, session: Session, identity: Identity) -> None:
        from khoidesktop.meetings.stats import year_summary
        from khoidesktop.members.structure import headline_counts
        from khoidesktop.overview.figures import cell_charts
        from khoidesktop.recruitment.stats import file_rows, reminders

        self.org_label.setText(f"{identity.org_name} — {identity.superior_name}")
        today = self.ctx.today()
        counts = headline_counts(session, today)
        warnings = year_summary(session, today.year, today).warnings
        warnings += reminders(file_rows(session, today, self.ctx.work_calendar()))
        charts = cell_charts(session, today)
        self._set_cards(_cell_cards())
        values = {
            "active": counts.active,
            "official": counts.official,
            "probationary": counts.probationary,
            "women": counts.women,
            "exempt": counts.exempt,
            "admitted": charts[-1].series[0][1][-1],
        }
        for key, card in self.cards.items():
            card.value.setText(format_number(values[key]))
        self.cards["women"].value.setText(
            f"{format_number(counts.women)}  ({format_percent(counts.women, counts.active)})"
        )
        self.empty_label.setText(
            _("No party members yet. Import them from Excel or add them one by one on the “Party members” page.")
        )
        self.empty_label.setVisible(counts.active == 0)
        self._attention(warnings)
        self._show_charts(charts)


class UnitsOverviewPage(OverviewPage):
    """A level above the cells: from the bundles its units sent (who is late, the totals)."""

    def _refresh(self, session: Session, identity: Identity) -> None:
        from khoidesktop.overview.figures import bloc_charts
        from khoidesktop.units.records import default_period, level_figures, unit_rows

        self.org_label.setText(identity.superior_name)
        today = self.ctx.today()
        period = default_period(session, today)
        rows = unit_rows(session, period, today)
        figures = level_figures(session, period, rows)
        self._set_cards(_bloc_cards())
        structure = figures.structure_result().groups
        recruitment = figures.recruitment_json(period.year)
        values = {
            "units": f"{figures.units}/{len(rows)}",
            "members": format_number(figures.total),
            "women": format_percent(structure["women"].count, figures.total),
            "good": format_percent(figures.good_or_better(), figures.rated),
            "thematic": format_number(sum(figures.thematic_held.values())),
            "admitted": f"{format_number(figures.admitted)}/{format_number(recruitment['year_target'])}",
        }
        for key, card in self.cards.items():
            card.value.setText(values[key] if figures.units or key == "units" else "–")  # no "0,00%" yet
        self.cards["units"].caption.setText(
            _("Units that sent their bundle for {period}").format(period=period.label())
        )
        self.empty_label.setText(_("No bundle from the cells yet. Import them on the “Data exchange” page."))
        self.empty_label.setVisible(not rows)
        late = [
            _("{unit}: no bundle for {period} yet.").format(unit=r.name, period=period.label())
            for r in rows
            if r.late or r.bundle is None
        ]
        self._attention(late)
        self._show_charts(bloc_charts(session, period, today))
