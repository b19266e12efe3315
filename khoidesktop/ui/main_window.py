"""The main window: a sidebar of pages, the page stack, and the training banner over every page.

The window paints before the data file is opened; each page is built the first time it is shown (its
module, and the services and SQLAlchemy behind it, are imported then, not at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.paths import display_path
from khoidesktop.ui import theme
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.pages.registry import PAGES

if TYPE_CHECKING:
    from khoidesktop.store.database import Store

APP_TITLE = "Khối desktop"


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(APP_TITLE)
        self.resize(1180, 760)
        self.setMinimumSize(900, 600)
        central = QWidget(self)
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.sidebar = QListWidget(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(236)
        outer.addWidget(self.sidebar)
        right = QVBoxLayout()
        right.setSpacing(0)
        self.banner = QLabel(_("TRAINING DATA — made-up records for practice, not for real reports"), central)
        self.banner.setObjectName("trainingBanner")
        self.banner.setVisible(False)
        right.addWidget(self.banner)
        self.stack = QStackedWidget(central)
        right.addWidget(self.stack, 1)
        outer.addLayout(right, 1)
        self.setCentralWidget(central)
        self._built: dict[int, Page] = {}
        for spec in PAGES:
            self.stack.addWidget(QWidget(self.stack))  # an empty slot until the page is first shown
            QListWidgetItem(theme.icon(spec.icon), _(spec.title), self.sidebar)
        self.sidebar.setCurrentRow(0)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.statusBar().showMessage(_("Opening the data file…"))

    def _page_at(self, index: int) -> Page:
        if index not in self._built:
            spec = PAGES[index]
            page = spec.build(self.ctx, _(spec.title))
            page.slug = spec.slug
            page.data_changed.connect(self.update_title)
            slot = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(slot)
            slot.deleteLater()
            self._built[index] = page
        return self._built[index]

    @property
    def pages(self) -> list[Page]:
        return [self._page_at(i) for i in range(len(PAGES))]

    def shown_rows(self) -> list[int]:
        """The sidebar rows of the pages shown for this data file (a bloc's has fewer)."""
        return [i for i in range(self.sidebar.count()) if not self.sidebar.item(i).isHidden()]

    def page(self, slug: str) -> Page:
        return self._page_at(next(i for i, spec in enumerate(PAGES) if spec.slug == slug))

    def show_page(self, index: int) -> None:
        if self.ctx.store is None:
            return  # shown once the data file is open
        page = self._page_at(index)
        self.stack.setCurrentWidget(page)
        page.refresh()

    def set_store(self, store: Store) -> None:
        self.ctx.store = store
        self.update_title()
        self.statusBar().showMessage(_("Data file: {path}").format(path=display_path(store.path)))
        self.show_page(self.sidebar.currentRow())

    def update_title(self) -> None:
        from khoidesktop.datafile.identity import display_name, get_identity

        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            identity = get_identity(session)
        parts = [APP_TITLE]
        if identity is not None:
            parts.append(display_name(identity))
        kind = identity.kind if identity else "cell"
        for index, spec in enumerate(PAGES):  # a bloc's file has no members, meetings … of its own
            self.sidebar.item(index).setHidden(kind not in spec.modes)
        if self.sidebar.currentItem() is not None and self.sidebar.currentItem().isHidden():
            self.sidebar.setCurrentRow(0)
        training = bool(identity and identity.training)
        if training:
            parts.append(_("TRAINING DATA"))
        self.setWindowTitle(" — ".join(parts))
        self.banner.setVisible(training)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.store is not None:
            self.ctx.store.close()
            self.ctx.store = None
        super().closeEvent(event)
