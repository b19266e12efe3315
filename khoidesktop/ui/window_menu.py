"""The window's menus and keys: Tệp (open another data file, the recent files, the page's shortcuts, quit) and Trợ
giúp (the guide, F1). Ctrl+F, Ctrl+N and Ctrl+P act on the page shown: its search field, its "new" button, its print
button (ui/pages/base.py names them); Ctrl+S saves in the dialogs (ui/dialogs/base.py)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QPushButton

from khoidesktop.i18n import _
from khoidesktop.paths import display_path
from khoidesktop.settings import recent_files
from khoidesktop.ui import datafile_actions
from khoidesktop.ui.pages.base import NEW, PRINT, SEARCH

if TYPE_CHECKING:
    from khoidesktop.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Give the window its menu bar and keys."""
    ctx = window.ctx
    files = window.menuBar().addMenu(_("&File"))
    window.open_action = _action(window, files, _("Open another data file…"), QKeySequence.StandardKey.Open)
    window.open_action.triggered.connect(lambda: datafile_actions.open_other(window, ctx))
    window.recent_menu = files.addMenu(_("Recent files"))
    window.recent_menu.aboutToShow.connect(partial(fill_recent, window))
    fill_recent(window)
    files.addSeparator()
    for text, key, name in (
        (_("New on this page"), QKeySequence.StandardKey.New, NEW),
        (_("Search on this page"), QKeySequence.StandardKey.Find, SEARCH),
        (_("Print (PDF) on this page"), QKeySequence.StandardKey.Print, PRINT),
    ):
        action = _action(window, files, text, key)
        action.triggered.connect(partial(use_target, window, name))
    files.addSeparator()
    _action(window, files, _("Quit"), QKeySequence.StandardKey.Quit).triggered.connect(window.close)
    help_menu = window.menuBar().addMenu(_("&Help"))
    window.guide_action = _action(window, help_menu, _("Guide"), QKeySequence.StandardKey.HelpContents)
    window.guide_action.triggered.connect(partial(show_guide, window))


def _action(window: MainWindow, menu: QMenu, text: str, key: QKeySequence.StandardKey) -> QAction:
    action = QAction(text, window)
    action.setShortcuts(key)  # every key the platform gives it (setShortcut would also make Qt's ~90 enums, ~15 ms)
    menu.addAction(action)
    window.addAction(action)  # the key works with the menu closed
    return action


def fill_recent(window: MainWindow) -> None:
    """The recent files, the latest first; the one open now is shown but not offered."""
    menu = window.recent_menu
    menu.clear()
    open_now = window.ctx.store.path if window.ctx.store is not None else None
    paths = recent_files(window.ctx.settings)
    for path in paths:
        action = menu.addAction(display_path(path))
        action.setToolTip(str(path))
        action.setEnabled(path != open_now)
        action.triggered.connect(partial(datafile_actions.open_recent, window, window.ctx, path))
    if not paths:
        menu.addAction(_("No data file opened yet")).setEnabled(False)


def use_target(window: MainWindow, name: str) -> None:
    """Ctrl+F / Ctrl+N / Ctrl+P on the page shown; a page without that says so in the status bar."""
    page = window.current_page()
    target = page.shortcut_target(name) if page is not None else None
    if isinstance(target, QLineEdit):
        target.setFocus()
        target.selectAll()
    elif isinstance(target, QPushButton) and target.menu() is not None:
        target.showMenu()
    elif isinstance(target, QPushButton):
        target.click()
    else:
        missing = {SEARCH: _("This page has no search."), NEW: _("This page has nothing to add.")}
        window.statusBar().showMessage(missing.get(name, _("This page has nothing to print.")), 5000)


def show_guide(window: MainWindow) -> None:
    from khoidesktop.ui.dialogs.guide_dialog import GuideDialog

    GuideDialog(window).exec()
