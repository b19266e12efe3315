"""The main window: a sidebar of pages, the page stack, and the training banner over every page.

The window paints before the data file is opened; each page is built the first time it is shown (its
module, and the services and SQLAlchemy behind it, are imported then, not at start-up).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QThreadPool
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL, DataFileKind, kind_of
from khoidesktop.i18n import _
from khoidesktop.paths import display_path
from khoidesktop.ui import theme, window_geometry, window_menu
from khoidesktop.ui.pages.base import Page
from khoidesktop.ui.pages.registry import PAGES, PageSpec

if TYPE_CHECKING:
    from khoidesktop.store.database import Store

APP_TITLE = "Khối desktop"


class PageStack(QStackedWidget):
    """The pages, one shown at a time; it asks for the room of the page shown only (a QStackedWidget asks for
    that of its largest page, so one large page would give every page scroll bars)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True  # wrapped labels are as tall as their text at the page's width (the scroll area asks)

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        return max(page.heightForWidth(width), page.minimumSizeHint().height())


class PageScroll(QScrollArea):
    """The page area: a page larger than the window (a small screen, 150 % scale) scrolls, nothing is cut off."""

    def __init__(self, stack: PageStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pageScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(stack)


class MainWindow(QMainWindow):
    open_action: QAction  # Tệp → Mở tệp dữ liệu khác… (ui/window_menu.py makes the menus)
    recent_menu: QMenu
    guide_action: QAction

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(APP_TITLE)
        self.maximized_at_start = window_geometry.place(self, ctx.settings)
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
        self.stack = PageStack(central)
        right.addWidget(PageScroll(self.stack, central), 1)
        outer.addLayout(right, 1)
        self.setCentralWidget(central)
        self._built: dict[int, Page] = {}
        self.kind: DataFileKind | None = None
        self.specs: list[PageSpec] = []
        self._shown = -1  # the row of the page shown
        self.sidebar.currentRowChanged.connect(self.show_page)
        self._set_kind(CELL)  # until the data file is open: the sidebar a new user expects
        window_menu.install(self)
        self.statusBar().showMessage(_("Opening the data file…"))

    def show(self) -> None:
        """Shown at the size and place window_geometry chose, maximized if it said so."""
        if self.maximized_at_start:
            self.maximized_at_start = False  # once: later calls show the window as the user left it
            self.showMaximized()
        else:
            super().show()

    def _set_kind(self, kind: DataFileKind) -> None:
        """The sidebar and the pages of a data file of this kind (datafile/kinds.py declares them)."""
        if kind == self.kind:
            return
        self.kind, self.specs = kind, [PAGES[key] for key in kind.pages]
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        while (old := self.stack.widget(0)) is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._built = {}
        self._shown = -1
        for spec in self.specs:
            self.stack.addWidget(QWidget(self.stack))  # an empty slot until the page is first shown
            QListWidgetItem(theme.icon(spec.icon), _(spec.title), self.sidebar)
        self.sidebar.setCurrentRow(0)
        self.sidebar.blockSignals(False)

    def _page_at(self, index: int) -> Page:
        if index not in self._built:
            spec = self.specs[index]
            page = spec.build(self.ctx, _(spec.title))
            page.slug = spec.slug
            page.data_changed.connect(self.update_title)
            slot = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if slot is not None:
                self.stack.removeWidget(slot)
                slot.deleteLater()
            self._built[index] = page
        return self._built[index]

    @property
    def pages(self) -> list[Page]:
        return [self._page_at(i) for i in range(len(self.specs))]

    @property
    def slugs(self) -> list[str]:
        """The pages of the sidebar, by their screenshot names."""
        return [spec.slug for spec in self.specs]

    def page(self, slug: str) -> Page:
        return self._page_at(self.slugs.index(slug))

    def go_to(self, slug: str) -> Page:
        """Show the page as a click on its sidebar row would."""
        self.sidebar.setCurrentRow(self.slugs.index(slug))
        return self.page(slug)

    def current_page(self) -> Page | None:
        return self._built.get(self._shown)

    def may_leave(self, then: Callable[[], object]) -> bool:
        """The page shown has nothing unsaved, or the user dropped it (before another page, file or closing); when
        the user chose to save, `then()` runs once it is saved."""
        page = self.current_page()
        return page is None or page.may_leave(then)

    def show_page(self, index: int) -> None:
        if self.ctx.store is None:
            return  # shown once the data file is open
        if index != self._shown and not self.may_leave(partial(self.sidebar.setCurrentRow, index)):
            self.sidebar.blockSignals(True)  # the user went back to the page: its row stays selected
            self.sidebar.setCurrentRow(self._shown)
            self.sidebar.blockSignals(False)
            return
        page = self._page_at(index)
        self._shown = index
        self.stack.setCurrentWidget(page)
        page.refresh()
        # labels given longer texts by refresh() get their height now, not half a line later: the page's layouts
        # and the scroll area around it are laid out at once (they would be on the next turn of the event loop)
        layout = page.layout()
        if layout is not None:
            layout.invalidate()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

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
        kind = kind_of(identity)
        if kind != self.kind:  # a new file, or the mode switched in the settings
            current = self.slugs[self.sidebar.currentRow()] if self.sidebar.currentRow() >= 0 else ""
            self._set_kind(kind)
            self.sidebar.setCurrentRow(self.slugs.index(current) if current in self.slugs else 0)
        training = bool(identity and identity.training)
        if training:
            parts.append(_("TRAINING DATA"))
        self.setWindowTitle(" — ".join(parts))
        self.banner.setVisible(training)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave(self.close):
            event.ignore()
            return
        window_geometry.remember(self, self.ctx.settings)
        QThreadPool.globalInstance().waitForDone(30_000)  # a write still running ends before the file is closed
        if self.ctx.store is not None:
            self.ctx.store.close()
            self.ctx.store = None
        super().closeEvent(event)
