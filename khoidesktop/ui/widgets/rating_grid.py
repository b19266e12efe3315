"""Rating a year's members in place (issue 14, item 10): the grid of ui/models/rating_grid.py, every edit saved
through the runner with ratings.records.save_rating (the rating dialog's function and checks, audited the same way),
one write at a time in the order typed. A refusal is said under the grid, in Vietnamese, and the row shows again
what is saved. Enter or a double-click on a row opens the rating dialog for the details (ui/widgets/row_open.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from khoidesktop.context import AppContext
from khoidesktop.domain.rating_rules import RuleSet
from khoidesktop.i18n import _
from khoidesktop.ratings.records import RatingInput, RatingRow, save_rating
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.models.rating_grid import COLUMNS, GridDelegate, RatingGridModel
from khoidesktop.ui.tasks import run_write
from khoidesktop.ui.widgets.message import MessageLabel
from khoidesktop.ui.widgets.row_open import open_on_activate

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TRIGGERS = (
    QAbstractItemView.EditTrigger.AnyKeyPressed
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.SelectedClicked
)  # not the double-click nor Enter: they open the dialog


class RatingGrid(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget, open_row: Callable[[int], None], reload: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.ctx, self.reload, self.year = ctx, reload, 0
        self.pending: list[tuple[int, str, RatingInput]] = []  # (member id, name, values) not written yet
        self.writing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            _(
                "Type in a cell to rate: a score sets the level its rules give; Space ticks a box; Tab and the arrows "
                "move along. Each change is saved at once. Enter or a double-click opens the member's rating."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.view = QTableView(self)
        self.model = RatingGridModel(RuleSet("", "", 0, None, False), self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegate(GridDelegate(self.view))
        self.view.setEditTriggers(TRIGGERS)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        open_on_activate(self.view, open_row)
        self.model.edited.connect(self._edited)
        self.model.refused.connect(self._refused)
        self.message = MessageLabel(self, kind="error")
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

    def clear(self) -> None:
        self.show_rows(self.year, self.model.rules, [])

    def show_rows(self, year: int, rules: RuleSet, rows: list[RatingRow]) -> None:
        """The rows as saved (after a page refresh or a write): the cursor stays on the same member and cell."""
        if self.pending or self.writing:
            return  # the last write's refresh shows them
        self.year = year
        if self.model.set_rows(rules, rows):  # other members or rules: columns fitted again
            for column in range(len(COLUMNS)):
                self.view.setColumnHidden(column, not self.model.shown(column))
            self.view.resizeColumnsToContents()

    def _edited(self, row: int) -> None:
        member = self.model.rows[row].member
        self.message.clear()
        self.pending.append((member.id, member.full_name, self.model.values[row]))
        self._next()

    def _refused(self, message: str) -> None:
        self.message.error(message)

    def _next(self) -> None:
        if self.writing or not self.pending:
            return
        member_id, name, values = self.pending.pop(0)
        year, now = self.year, self.ctx.now()
        self.writing = True

        def write(session: Session) -> None:
            save_rating(session, year, member_id, values, now=now, actor=current_actor())

        def refused(message: str) -> None:
            self.pending = [p for p in self.pending if p[0] != member_id]  # the row goes back to what is saved
            self.message.error(_("{name}: {problem}").format(name=name, problem=message))

        task = run_write(self, self.ctx, write, lambda _r: None, on_error=refused)
        task.finished.connect(lambda: QTimer.singleShot(0, self._after_write))  # after on_done or the refusal

    @property
    def busy(self) -> bool:
        """Edits typed and not written yet."""
        return self.writing or bool(self.pending)

    def _after_write(self) -> None:
        self.writing = False
        if self.pending:
            self._next()
        else:
            self.reload()  # the levels' counts, the cap and each row's points to check, as saved
