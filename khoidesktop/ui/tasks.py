"""The one runner of long work and writes: off the UI thread, with progress, cancel, and an error path that always
ends the progress.

    run_task(parent, ctx, label, work, on_done, cancellable=False)   # work(progress, cancelled) -> result

`work` follows the contract of khoidesktop/tasks.py: it runs on a QThreadPool thread and opens its own Session;
it reports with progress(done, total, label) and, if `cancellable`, looks at cancelled() between steps and raises
Cancelled. The dialog offers Cancel only for such work. The result (or the exception) comes back on the GUI
thread by signal: `on_done(result)` on success; a UserError or storage failure is shown in Vietnamese (or given
to `on_error`); a cancel is silent.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from khoidesktop.context import AppContext
from khoidesktop.errors import Cancelled, UserError, storage_failure
from khoidesktop.i18n import _
from khoidesktop.tasks import IsCancelled, Progress, Work

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.work, self.signals, self.cancel = work, signals, cancel

    def run(self) -> None:
        try:
            result = self.work(self._progress, self.cancel.is_set)
        except BaseException as exc:  # every failure must reach the GUI thread, or the dialog stays open
            self._report(self.signals.failed, exc)
        else:
            self._report(self.signals.succeeded, result)

    @staticmethod
    def _report(signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window that asked was closed meanwhile: what was written stays written
            log.info("a task ended after the window that started it was closed")

    def _progress(self, done: int, total: int, label: str = "") -> None:
        self.signals.progress.emit(done, total, label)


class Task(QObject):
    """One background job and its progress dialog; kept alive by its parent widget until it ends."""

    finished = Signal()
    running: ClassVar[set[Task]] = set()  # the tasks not ended yet (tests wait for them)

    def __init__(
        self,
        parent: QWidget,
        ctx: AppContext,
        label: str,
        work: Work,
        on_done: Callable[[Any], None],
        *,
        cancellable: bool = False,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.on_done, self.on_error = ctx, on_done, on_error
        self.cancel = threading.Event()
        self.signals = _Signals(self)
        self.dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
        if not cancellable:
            self.dialog.setCancelButton(None)  # work that cannot stop half-way offers no Cancel
        self.dialog.setWindowTitle(_("Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.cancel.set)
        self.signals.progress.connect(self._progress)
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        self.runnable = _Runnable(work, self.signals, self.cancel)
        self.runnable.setAutoDelete(False)

    def start(self) -> Task:
        Task.running.add(self)
        self.dialog.setValue(0)  # starts the dialog's clock: it appears if the work is still running after 300 ms
        QThreadPool.globalInstance().start(self.runnable)
        return self

    def _progress(self, done: int, total: int, label: str) -> None:
        if self.cancel.is_set():
            return
        if label:
            self.dialog.setLabelText(label)
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def _end(self) -> None:
        Task.running.discard(self)
        self.dialog.reset()
        self.dialog.deleteLater()
        self.finished.emit()
        self.deleteLater()

    def _succeeded(self, result: Any) -> None:
        self._end()
        self.on_done(result)  # finished, even if Cancel came too late to stop it: say what was done

    def _failed(self, exc: BaseException) -> None:
        self._end()
        if self.cancel.is_set() or isinstance(exc, Cancelled):
            return  # the user stopped it; the work left nothing behind
        if isinstance(exc, UserError):
            message = exc.message
        else:
            failure = storage_failure(exc)
            if failure is None:
                log.error("background task failed", exc_info=exc)
                failure = _("Something went wrong inside the program. What you saved before is safe.")
            message = failure
        if self.on_error is not None and isinstance(exc, UserError):
            self.on_error(message)  # shown where the user is working (a form's message line)
            return
        self.ctx.prompts.error(_("The work could not be finished"), message)


def run_task(
    parent: QWidget,
    ctx: AppContext,
    label: str,
    work: Work,
    on_done: Callable[[Any], None],
    *,
    cancellable: bool = False,
    on_error: Callable[[str], None] | None = None,
) -> Task:
    return Task(parent, ctx, label, work, on_done, cancellable=cancellable, on_error=on_error).start()


class _Hold(QObject):
    """Holds the user's input to one form or dialog (clicks, keys, closing it) while its write runs, without
    greying it: a second Save, an edit typed meanwhile or Esc cannot race the write. The progress dialog, a window
    of its own, is not held."""

    HELD = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.KeyRelease,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Wheel,
            QEvent.Type.Close,
        }
    )

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self.HELD or not isinstance(watched, QWidget):
            return False
        if watched is self.widget or self.widget.isAncestorOf(watched):
            event.ignore()
            return True
        return False

    def release(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        QApplication.restoreOverrideCursor()
        self.setParent(None)  # nothing holds it now: Python frees it (no deferred delete racing its widget's)


def run_write(
    parent: QWidget,
    ctx: AppContext,
    write: Callable[[Session], T],
    on_done: Callable[[T], None],
    *,
    on_error: Callable[[str], None] | None = None,
    busy: QWidget | None = None,
    label: str = "",
) -> Task:
    """A change to the data file through the runner: `write(session)` in one transaction on a worker thread (all or
    nothing), then `on_done(result)` on the GUI thread. `busy` (the page or dialog that asked) takes no input
    meanwhile (_Hold), so a second Save, an edit or closing it cannot race the write; a refusal goes to
    `on_error` (the form's message line) when given."""
    store = ctx.require_store()

    def work(progress: Progress, cancelled: IsCancelled) -> T:
        if store.readonly:  # said before anything is tried, in the form's message line
            from khoidesktop.errors import DatabaseError
            from khoidesktop.store.access import read_only_message

            raise DatabaseError(read_only_message(store.path))
        with store.session() as session, session.begin():
            return write(session)

    def refused(message: str) -> None:
        if on_error is not None:
            on_error(message)
        else:
            ctx.prompts.error(_("The work could not be finished"), message)

    task = Task(parent, ctx, label or _("Saving…"), work, on_done, on_error=refused)
    if busy is not None:
        hold = _Hold(busy)
        task.finished.connect(hold.release)  # before on_done, whatever the outcome
    return task.start()
