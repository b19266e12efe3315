"""The main window: a sidebar of pages, the page stack, and the training banner over every page."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QVBoxLayout, QWidget)

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.services.identity import get_identity
from khoidesktop.store.database import Store
from khoidesktop.ui import theme
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.pages.registry import PAGES
from khoidesktop.ui.pages.settings_page import SettingsPage

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
        self.banner = QLabel(_("TRAINING DATA — made-up records for practice, not for real reports"),
                             central)
        self.banner.setObjectName("trainingBanner")
        self.banner.setVisible(False)
        right.addWidget(self.banner)
        self.stack = QStackedWidget(central)
        right.addWidget(self.stack, 1)
        outer.addLayout(right, 1)
        self.setCentralWidget(central)
        self.pages: list[Page] = []
        for spec in PAGES:
            page = spec.build(ctx, _(spec.title))
            page.slug = spec.slug
            self.pages.append(page)
            self.stack.addWidget(page)
            QListWidgetItem(theme.icon(spec.icon), _(spec.title), self.sidebar)
            if isinstance(page, SettingsPage):
                page.identity_saved.connect(self.update_title)
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.sidebar.setCurrentRow(0)
        self.statusBar().showMessage(_("Opening the data file…"))

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.pages[index].refresh()

    def page(self, slug: str) -> Page:
        return next(p for p in self.pages if p.slug == slug)

    def set_store(self, store: Store) -> None:
        self.ctx.store = store
        self.update_title()
        self.statusBar().showMessage(_("Data file: {path}").format(path=store.path))
        self.pages[self.stack.currentIndex()].refresh()

    def update_title(self) -> None:
        store = self.ctx.store
        if store is None:
            return
        with store.session() as session:
            identity = get_identity(session)
        parts = [APP_TITLE]
        if identity is not None:
            parts.append(identity.cell_name)
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
