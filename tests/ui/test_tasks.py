"""Background work: the result comes back, errors are shown in Vietnamese, a cancel is silent."""

import time

import shiboken6
from PySide6.QtWidgets import QPushButton

from khoidesktop.errors import Cancelled, ValidationError
from khoidesktop.ui.tasks import run_task


def test_result_comes_back_on_the_gui_thread(khoi_app, ctx, qtbot, window):
    got = []

    def work(progress, cancelled):
        for step in range(3):
            progress(step, 3)
        return "xong"

    task = run_task(window, ctx, "…", work, got.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert got == ["xong"] and ctx.prompts.shown == []


def test_a_user_error_is_shown_and_the_progress_ends(khoi_app, ctx, qtbot, window):
    def work(progress, cancelled):
        time.sleep(0.4)  # the progress dialog appears at the first step after 300 ms
        progress(1, 2)
        time.sleep(0.4)
        raise ValidationError("Tệp không đọc được.")

    task = run_task(window, ctx, "…", work, lambda r: None)
    dialog, shown_at_the_end = task.dialog, []
    task.finished.connect(lambda: shown_at_the_end.append(dialog.isVisible()))
    qtbot.waitUntil(lambda: shiboken6.isValid(dialog) and dialog.isVisible(), timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert ctx.prompts.shown == [("error", "Không hoàn thành được công việc", "Tệp không đọc được.")]
    assert shown_at_the_end == [False]  # the error path closed the progress
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)  # and freed it


def test_a_bug_is_reported_without_english(khoi_app, ctx, qtbot, window):
    def work(progress, cancelled):
        raise KeyError("internal")

    task = run_task(window, ctx, "…", work, lambda r: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert ctx.prompts.shown[0][2].startswith("Chương trình gặp lỗi bên trong")


def test_cancel_stops_the_work_quietly(khoi_app, ctx, qtbot, window):
    seen = []

    def work(progress, cancelled):
        deadline = time.monotonic() + 10  # never leave a thread running if the cancel is not seen
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        seen.append("stopped" if cancelled() else "not cancelled")
        raise Cancelled

    task = run_task(window, ctx, "…", work, lambda r: seen.append("done"), cancellable=True)
    task.dialog.findChild(QPushButton).click()  # the dialog's “Hủy” button
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == ["stopped"] and ctx.prompts.shown == []


def test_cancel_is_offered_only_for_work_that_honours_it_and_the_label_follows_the_work(khoi_app, ctx, qtbot, window):
    import threading

    go, labels = threading.Event(), []

    def work(progress, cancelled):
        progress(1, 3, "Đang ký gói dữ liệu…")
        go.wait(5)
        return "xong"

    task = run_task(window, ctx, "Đang bắt đầu…", work, labels.append)
    qtbot.waitUntil(lambda: task.dialog.labelText() == "Đang ký gói dữ liệu…", timeout=5000)
    assert task.dialog.findChild(QPushButton) is None  # no “Hủy” that would do nothing
    go.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert labels == ["xong"]


def test_a_cancelled_exception_is_silent_even_before_cancel_is_pressed(khoi_app, ctx, qtbot, window):
    def work(progress, cancelled):
        raise Cancelled

    task = run_task(window, ctx, "…", work, lambda r: None, cancellable=True)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert ctx.prompts.shown == []


def test_a_user_error_goes_to_the_form_when_it_asks(khoi_app, ctx, qtbot, window):
    shown = []

    def work(progress, cancelled):
        raise ValidationError("Hãy nhập ngày.")

    task = run_task(window, ctx, "…", work, lambda r: None, on_error=shown.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert shown == ["Hãy nhập ngày."] and ctx.prompts.shown == []


def test_the_window_writes_only_through_the_runner():
    """A transaction is begun in ui/ only inside the work given to the runner (`work`, or run_write's `write`):
    never on the window's thread, where a slow disk would freeze it."""
    import ast
    from pathlib import Path

    import khoidesktop.ui

    ui = Path(khoidesktop.ui.__file__).parent
    outside = []
    for path in sorted(ui.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(".begin"):
                enclosing = node
                while enclosing in parents and not isinstance(enclosing, ast.FunctionDef):
                    enclosing = parents[enclosing]
                if getattr(enclosing, "name", "") != "work":
                    outside.append(f"{path.relative_to(ui)}:{node.lineno}")
    assert outside == []


def test_a_dialog_that_is_writing_takes_no_input_and_does_not_close(khoi_app, ctx, qtbot, window, store):
    """Save then Esc, Đóng or the window's ×, while the write runs: held, so the page that opened the dialog
    refreshes after the write, not before it."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    from khoidesktop.ui.tasks import run_write
    from tests.ui.helpers import settle

    window.set_store(store)
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    go, done = threading.Event(), []
    run_write(dialog, ctx, lambda session: go.wait(5), done.append, busy=dialog)
    dialog.close()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.keyClicks(field, "abc")
    assert dialog.isVisible() and field.text() == ""
    go.set()
    settle(qtbot)
    assert done == [True]
    qtbot.keyClicks(field, "ok")
    assert field.text() == "ok"
    dialog.close()
    assert not dialog.isVisible()
