"""Helpers for UI tests: drive a modal dialog, and read every text a user can see."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import translations

# A completer's list (a name picker's) is a popup: the offscreen platform says it can neither raise it nor give it the
# keyboard (it is shown all the same, and keys reach it). These are the platform's words, not the program's: a test
# that opens such a list ignores them with @pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP, extend=True).
OFFSCREEN_POPUP = ("This plugin does not support raise\\(\\)", "This plugin does not support grabbing the keyboard")


def when_modal(kind: type, action: Callable[[QWidget], None]) -> None:
    """Run `action` on the modal dialog of type `kind` as soon as it is open."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(10, poll)
            return
        try:
            action(widget)
        except BaseException:
            widget.close()  # never leave a modal dialog open: the test would hang instead of failing
            raise  # pytest-qt reports an exception raised in a Qt callback as the test's failure

    QTimer.singleShot(0, poll)


def type_text(widget: QWidget, text: str) -> None:
    """Type Vietnamese text key by key (QTest.keyClicks only knows ASCII and aborts on "ệ")."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
    return [t for t in texts if t]


def english_fragments() -> set[str]:
    """Long literal pieces of English msgids whose Vietnamese differs: none may reach the screen."""
    catalog = [m for m in translations.read_catalog() if m.id]
    vietnamese = " ".join(m.string for m in catalog)
    fragments = set()
    for message in catalog:
        if message.id == message.string:
            continue
        for piece in re.split(r"\{[^}]*\}|%\([a-z_]+\)[sdr]|%[sdr]|<[^>]+>", message.id):
            piece = piece.strip()
            if len(piece) >= 10 and piece not in vietnamese:  # "dd/mm/yyyy" is shown on purpose
                fragments.add(piece)
    return fragments


def english_on_screen(root: QWidget) -> list[str]:
    fragments = english_fragments()
    return [f"{fragment!r} in {text!r}" for text in visible_texts(root) for fragment in fragments if fragment in text]


def settle(qtbot, timeout: int = 20_000) -> None:
    """Wait until every write or long piece of work the window started has ended (ui/tasks.py)."""
    from khoidesktop.ui.tasks import Task

    qtbot.waitUntil(lambda: not Task.running, timeout=timeout)


def double_click_row(qtbot, view, row: int) -> None:
    """A real double-click on a row of a table, as the user makes it (press, release, double-click)."""
    view.scrollTo(view.model().index(row, 0))
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # QTest's double-click is
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # only the second click


def dialogs_opened(qtbot, kind: type, act: Callable[[], None], wait_ms: int = 300) -> list[QWidget]:
    """Every modal dialog of type `kind` that `act` opens, each closed as soon as it shows (none left to hang)."""
    seen: list[QWidget] = []

    def close_any() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget not in seen:
            seen.append(widget)
            widget.reject()

    timer = QTimer()
    timer.timeout.connect(close_any)
    timer.start(10)
    try:
        act()
        qtbot.wait(wait_ms)
    finally:
        timer.stop()
    return seen
