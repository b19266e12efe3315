"""The GUI: builds the QApplication (look, fonts, Qt translations), the context and the main window.

The window paints first; the data file is opened on the first turn of the event loop.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from khoidesktop.context import AppContext
from khoidesktop.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def display_problem() -> str | None:
    """On Linux without a screen Qt would abort; say so in Vietnamese instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return _(
        "No screen found (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open. "
        "On a computer without a screen, use the commands (python3 run.py --help), or take pictures "
        "of the pages with: QT_QPA_PLATFORM=offscreen python3 run.py screenshot --out FOLDER"
    )


def build_application(ctx: AppContext, argv: list[str] | None = None) -> QApplication:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from khoidesktop.ui import theme
    from khoidesktop.ui.prompts import QtPrompts
    from khoidesktop.ui.qt_translations import install_qt_translator

    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # "85,5" in number fields
    existing = QApplication.instance()
    if existing is None:
        app = QApplication(argv or [sys.argv[0]])
    elif isinstance(existing, QApplication):
        app = existing
    else:
        raise RuntimeError("a QCoreApplication without widgets is already running")
    app.setApplicationName("Khối desktop")
    app.setOrganizationName("KhoiDesktop")
    install_qt_translator(app)
    theme.apply(app)
    ctx.prompts = QtPrompts()
    return app


def install_error_dialog(ctx: AppContext, log_file: Path) -> None:
    """An exception nobody caught is logged and shown in Vietnamese instead of vanishing (or, in PySide6,
    being printed to a console the user never sees)."""
    import logging
    import traceback

    from khoidesktop.errors import UserError, storage_failure

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("khoidesktop").error("".join(traceback.format_exception(kind, value, tb)))
        if isinstance(value, UserError):
            message = value.message
        else:
            message = storage_failure(value) or _(
                "Something went wrong inside the program. What you saved before is safe. The details were "
                "written to {log}; please send that file to your support person."
            ).format(log=log_file)
        ctx.prompts.error(_("Error"), message)

    sys.excepthook = hook


def run_gui(ctx: AppContext, db_arg: Path | None, *, demo: bool) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from khoidesktop import log
    from khoidesktop.process import started

    ctx.paths.ensure()
    log_file = log.configure(ctx.paths.log_dir)
    app = build_application(ctx)
    install_error_dialog(ctx, log_file)
    from PySide6.QtCore import QTimer

    from khoidesktop.ui.main_window import MainWindow
    from khoidesktop.ui.startup import start

    window = MainWindow(ctx)
    window.show()

    def open_data() -> None:
        try:
            if not start(window, ctx, db_arg, demo):
                window.close()
        finally:
            started()

    QTimer.singleShot(0, open_data)
    return app.exec()


def save_screenshots(ctx: AppContext, db_path: Path, out_dir: Path) -> list[Path]:
    """One PNG per sidebar page shown for the file (01-tong-quan.png …), the window drawn offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from khoidesktop.store.database import open_store

    # before Qt: a bad file is reported like any command error
    store = open_store(db_path, now=ctx.now, passphrase=ctx.passphrase)
    app = build_application(ctx)
    from khoidesktop.ui.main_window import MainWindow
    from khoidesktop.ui.pages.base import Page

    window = MainWindow(ctx)
    try:
        window.set_store(store)
        window.show()
        out_dir.mkdir(parents=True, exist_ok=True)
        saved = []
        for index in range(window.sidebar.count()):
            window.sidebar.setCurrentRow(index)
            app.processEvents()
            page = window.stack.currentWidget()
            if not isinstance(page, Page):
                raise RuntimeError(f"sidebar row {index} shows no page")
            target = out_dir / f"{index + 1:02d}-{page.slug}.png"
            if not window.grab().save(str(target)):
                raise OSError(f"cannot write {target}")
            saved.append(target)
        return saved
    finally:
        window.close()
        window.deleteLater()
