"""khoidesktop/process: the collector paused while the program starts, and on again once it has started."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from khoidesktop import process

MAIN = Path(__file__).resolve().parents[1] / "main.py"


@pytest.fixture
def collector():
    was = gc.isenabled()
    yield
    process._paused = False
    gc.enable() if was else gc.disable()


def test_the_pause_ends_when_the_program_has_started(collector):
    gc.enable()
    process.starting()
    assert not gc.isenabled()
    process.started()
    assert gc.isenabled()


def test_started_leaves_alone_a_collector_it_did_not_pause(collector):
    gc.disable()  # paused by someone else (tasks.bulk, a test): not ours to turn on
    process.started()
    assert not gc.isenabled()
    gc.enable()
    process.starting()  # nested in an unpaused program: pauses
    process.started()
    process.started()  # twice: nothing more
    assert gc.isenabled()


def test_a_command_runs_its_work_with_the_collector_on(store, db_path):
    """main.py pauses the collector before its imports; by the time the command has run (here: info), it is on."""
    store.close()
    probe = (
        "import gc, runpy, sys\n"
        f"sys.argv = [{str(MAIN)!r}, '--db', {str(db_path)!r}, 'info']\n"
        "try:\n"
        f"    runpy.run_path({str(MAIN)!r}, run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    print('exit', exit.code, 'collector on' if gc.isenabled() else 'collector off')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "exit 0 collector on", done.stdout + done.stderr
