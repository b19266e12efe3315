import pytest

from khoidesktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, khoi_app, ctx):
    """The main window, shown (offscreen), with no data file open yet."""
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win
