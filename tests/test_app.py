import sqlite3
import sys

from khoidesktop.app import display_problem, install_error_dialog
from khoidesktop.errors import ValidationError


def test_uncaught_errors_are_shown_in_vietnamese_and_logged(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_file = tmp_path / "khoi.log"
    install_error_dialog(ctx, log_file)
    sys.excepthook(RuntimeError, RuntimeError("bug"), None)
    sys.excepthook(ValidationError, ValidationError("Hãy điền họ và tên."), None)
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"  # as sqlite3 sets it on a real error
    sys.excepthook(type(full), full, None)
    kinds = [(kind, title) for kind, title, _text in ctx.prompts.shown]
    assert kinds == [("error", "Lỗi")] * 3
    texts = [text for _k, _t, text in ctx.prompts.shown]
    assert "Chương trình gặp lỗi" in texts[0] and str(log_file) in texts[0]
    assert texts[1] == "Hãy điền họ và tên."
    assert "ổ đĩa đã đầy" in texts[2]


def test_display_problem_only_without_any_screen(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    assert display_problem() is None
    monkeypatch.delenv("DISPLAY")
    assert "Không tìm thấy màn hình" in display_problem()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_problem() is None
