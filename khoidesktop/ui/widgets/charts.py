"""A chart (QtCharts) with its figures beside it as a table: the same ChartData drawn twice."""

from __future__ import annotations

import itertools

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from khoidesktop.i18n import _, format_number, format_percent
from khoidesktop.overview.figures import ChartData
from khoidesktop.ui.widgets.figure_table import FigureTable

PALETTE = ("#2f6f9f", "#4c9a6a", "#d39b2a", "#b4463c", "#7b5ea7")


def nice_axis(top: float) -> tuple[int, int]:
    """A whole-number scale above `top`: (upper end, number of ticks), steps of 1, 2, 5, 10, 20, 50 …"""
    steps = (m * 10**e for e in itertools.count() for m in (1, 2, 5))
    step = next(s for s in steps if top / s <= 5)
    upper = (int(top) // step + 1) * step
    return upper, upper // step + 1


class ChartPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        left.addWidget(self.empty)
        layout.addLayout(left, 1)
        self.table = FigureTable([""], self, stretch=-1)
        layout.addWidget(self.table, 1)
        self.data, self.drawn = ChartData("", "", "", [], []), True  # nothing to show yet

    def show_data(self, data: ChartData) -> None:
        """Show `data`: now if the panel is on screen, else when it is first shown (a tab behind another costs
        nothing until it is opened: the overview is on screen ~15 ms sooner)."""
        self.data, self.drawn = data, False
        if self.isVisible():
            self._show(data)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.drawn:
            self._show(self.data)

    def _show(self, data: ChartData) -> None:
        self.drawn = True
        self._draw(data)
        self._tabulate(data)
        self.empty.setText(_("No figures yet for this chart.") if data.empty else "")
        self.empty.setVisible(data.empty)

    def _draw(self, data: ChartData) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QStackedBarSeries() if data.stacked else QHorizontalBarSeries() if data.horizontal else QBarSeries()
        self.chart.setTitle(data.title)
        for index, (name, values) in enumerate(data.series):
            bar = QBarSet(name)
            bar.append([float(v) for v in (reversed(values) if data.horizontal else values)])
            bar.setColor(QColor(PALETTE[index % len(PALETTE)]))
            series.append(bar)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(data.categories)
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%d")
        totals = [
            sum(v[i] for _n, v in data.series) if data.stacked else max((v[i] for _n, v in data.series), default=0)
            for i in range(len(data.categories))
        ]
        upper, ticks = nice_axis(max([*totals, 1]))
        value_axis.setRange(0, upper)
        value_axis.setTickCount(ticks)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        for axis in (categories, value_axis):
            axis.setLabelsFont(small)
            axis.setTruncateLabels(False)  # a short chart elides whole labels to "…" otherwise
        self.chart.legend().setFont(small)
        if data.horizontal:
            categories.setCategories(list(reversed(data.categories)))  # the first at the top, as in the table
            self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            self.chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            self.chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(value_axis)
        self.chart.legend().setVisible(len(data.series) > 1)

    def _tabulate(self, data: ChartData) -> None:
        headers = [data.category_label, *(name for name, _v in data.series)]
        if data.total is not None:
            headers.append(_("Share"))
        self.table.set_headers(headers)
        rows = []
        for i, category in enumerate(data.categories):
            row = [category, *(format_number(values[i]) for _n, values in data.series)]
            if data.total is not None:
                row.append(format_percent(data.series[0][1][i], data.total))
            rows.append(row)
        self.table.set_rows(rows)
