"""Đánh giá xếp loại: a year's rating of the members (by the rules in force that year), the cap on
excellence shown live, the cell's own level, and the comparison with earlier years."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.domain.names import lowercase_first
from khoidesktop.domain.rating_rules import EXCLUSIONS, LEVELS, level_label, rule_set_for
from khoidesktop.i18n import _, format_number, format_percent
from khoidesktop.ratings.figures import YearFigures
from khoidesktop.ratings.records import (
    RatingRow,
    compare_years,
    rating_rows,
    save_year,
    year_figures,
    year_settings,
)
from khoidesktop.store.audit import current_actor
from khoidesktop.ui import rating_actions
from khoidesktop.ui.models.plain_table import PlainTableModel
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.fields import CodeCombo, DateField
from khoidesktop.ui.widgets.message import MessageLabel
from khoidesktop.ui.widgets.rating_grid import RatingGrid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class RatingsPage(Page):
    year: QSpinBox  # made after the buttons whose actions read it

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.rows: list[RatingRow] = []
        top = QHBoxLayout()
        self.import_button = QPushButton(_("Import a rating sheet…"), self)
        self.import_button.clicked.connect(
            lambda: rating_actions.import_sheet(self, ctx, self.year.value(), self.refresh)
        )
        self.print_button = QPushButton(_("Print (PDF)"), self)
        menu = QMenu(self.print_button)
        menu.addAction(_("Report on the rating results…"), lambda: rating_actions.report(self, ctx, self.year.value()))
        menu.addAction(_("List of proposed levels…"), lambda: rating_actions.rating_list(self, ctx, self.year.value()))
        self.print_button.setMenu(menu)
        self.year = QSpinBox(self)
        self.year.setRange(2018, 2100)
        self.year.setValue(ctx.today().year - (1 if ctx.today().month < 12 else 0))
        self.year.valueChanged.connect(self.refresh)
        for widget in (self.import_button, self.print_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(QLabel(_("Year:"), self))
        top.addWidget(self.year)
        self.layout_.addLayout(top)
        self.rules_label = QLabel(self)
        self.rules_label.setObjectName("pageSubtitle")
        self.cap_label = QLabel(self)
        self.cap_label.setWordWrap(True)
        self.layout_.addWidget(self.rules_label)
        self.layout_.addWidget(self.cap_label)
        self.tabs = QTabWidget(self)
        self.grid = RatingGrid(ctx, self, self.open_rating, self.refresh)
        self.tabs.addTab(self.grid, _("Members"))
        self.compare = QTableView(self)
        self.compare.setModel(PlainTableModel(self.compare))
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.compare.verticalHeader().setVisible(False)
        self.compare.horizontalHeader().setStretchLastSection(True)
        self.compared: int | None = None  # the year the comparison shows (it is read when its tab is shown)
        self.tabs.addTab(self.compare, _("Compare years"))
        self.tabs.currentChanged.connect(self._show_compare)
        self.layout_.addWidget(self.tabs, 1)
        self.layout_.addWidget(self._cell_box())

    def _cell_box(self) -> QGroupBox:
        box = QGroupBox(_("The year's settings and the cell's own rating"), self)
        outer = QVBoxLayout(box)
        row = QHBoxLayout()
        second = QHBoxLayout()
        outer.addLayout(row)
        outer.addLayout(second)
        self.rating_date = DateField(box)
        self.cap = QSpinBox(box)
        self.cap.setSuffix(" %")
        self.cell_level = CodeCombo(LEVELS, box)
        self.cell_notes = QLineEdit(box)
        self.cell_notes.setPlaceholderText(_("Notes"))
        self.save_button = QPushButton(_("Save"), box)
        self.save_button.clicked.connect(self.save_year)
        for text, widget in ((_("Rating date:"), self.rating_date), (_("Cap on excellence:"), self.cap)):
            row.addWidget(QLabel(text, box))
            row.addWidget(widget)
        row.addStretch(1)
        self.year_message = MessageLabel(box, kind="error")
        second.addWidget(QLabel(_("Cell rated:"), box))  # on the second line: the box fits 1366×768 at 150 %
        second.addWidget(self.cell_level)
        second.addWidget(QLabel(_("Notes:"), box))
        second.addWidget(self.cell_notes, 1)
        second.addWidget(self.year_message)
        second.addWidget(self.save_button)
        return box

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        year = self.year.value()
        try:
            rules = rule_set_for(year)
        except ValueError:
            self.rules_label.setText(_("No rating rules are known for {year}.").format(year=year))
            self.grid.clear()
            return
        with self.ctx.store.session() as session:
            rows = rating_rows(session, year)
            self.rows = [r for r in rows if not r.exclusion] + [r for r in rows if r.exclusion]  # not rated last
            figures = year_figures(session, year, rows)
            settings = year_settings(session, year)
        self.rules_label.setText(_("Rules applied: {regulation}").format(regulation=rules.regulation))
        self._show_cap(figures)
        self.grid.show_rows(year, rules, self.rows)
        self.compared = None
        self._show_compare()
        self.rating_date.set_value(settings.rating_date)
        self.cap.setRange(rules.cap_percent, rules.cap_percent_max)
        self.cap.setValue(settings.cap_percent)
        self.cell_level.set_value(settings.cell_level)
        self.cell_notes.setText(settings.cell_notes)

    def _show_cap(self, figures: YearFigures) -> None:
        actual, allowed = figures.levels["HTXSNV"], figures.excellent_allowed
        text = _(
            "Rated: {rated}; “{excellent}”: {actual}, at most {allowed} by the cap ({cap}% of the {base} members "
            "rated “{good}”; the grassroots committee decides across its cells); well or better: {share}."
        ).format(
            rated=figures.rated,
            excellent=level_label("HTXSNV"),
            actual=actual,
            allowed=allowed,
            cap=figures.cap_percent,
            base=figures.levels["HTTNV"],
            good=level_label("HTTNV"),
            share=format_percent(figures.good_or_better, figures.rated),
        )
        self.cap_label.setText(text)
        self.cap_label.setStyleSheet("color: #b91c1c; font-weight: 600;" if actual > allowed else "")

    def _show_compare(self) -> None:
        """The comparison over the years, read when its tab is shown (five years of every member's levels are
        read only for a user who looks at them) and dropped when the year changes while it is hidden."""
        model = self.compare.model()
        assert isinstance(model, PlainTableModel)
        year = self.year.value()
        if self.tabs.currentWidget() is not self.compare or self.ctx.store is None:
            if self.compared != year:
                model.set_rows([], ())
            return
        if self.compared == year:
            return
        with self.ctx.store.session() as session:
            span, table, shares = compare_years(session, year)
        rows: list[tuple[object, ...]] = [(name, *levels) for name, levels in table]
        for level in LEVELS:
            counts = (shares[y][level] for y in span)
            rows.append(
                (
                    _("Share “{level}”").format(level=_(LEVELS[level])),
                    *(f"{share['count']} ({format_number(share['percent'], 2)}%)" for share in counts),
                )
            )
        model.set_rows([_("Full name"), *map(str, span)], rows)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.compared = year

    def open_rating(self, index: int) -> None:
        from khoidesktop.ui.dialogs.rating_dialog import RatingDialog

        row = self.rows[index]
        if row.exclusion:
            self.ctx.prompts.info(
                _("Not rated"),
                _("{name} is not rated this year: {reason}.").format(
                    name=row.member.full_name, reason=lowercase_first(_(EXCLUSIONS[row.exclusion]))
                ),
            )
            return
        RatingDialog(self.ctx, self.year.value(), row, self).exec()
        self.refresh()

    def save_year(self) -> None:
        try:
            on = self.rating_date.value()
        except ValueError as exc:  # a date that does not exist (31/02): said on the year's line
            self.year_message.setText(str(exc))
            return
        if on is None:
            self.year_message.setText(_("Type the rating date."))
            return
        year, cap, level, notes = self.year.value(), self.cap.value(), self.cell_level.value(), self.cell_notes.text()

        def write(session: Session) -> None:
            save_year(
                session,
                year,
                rating_date=on,
                cap_percent=cap,
                cell_level=level,
                cell_notes=notes,
                now=self.ctx.now(),
                actor=current_actor(),
            )

        def saved(_result: None) -> None:
            self.year_message.clear()
            self.refresh()

        run_write(self, self.ctx, write, saved, on_error=self.year_message.setText, busy=self)
