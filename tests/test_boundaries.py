"""Nothing below ui/ imports PySide6, so the CLI, the tests and bloc aggregation share the GUI's code."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import khoidesktop

ROOT = Path(khoidesktop.__file__).resolve().parent
QT_FREE = ("store", "domain", "services", "reports", "commands")
TOP_LEVEL_QT_FREE = ("cli", "context", "paths", "settings", "i18n", "log", "errors")


def modules() -> list[str]:
    names = [f"khoidesktop.{m}" for m in TOP_LEVEL_QT_FREE]
    for package in QT_FREE:
        names.append(f"khoidesktop.{package}")
        names += [f"khoidesktop.{package}.{m.name}" for m in pkgutil.iter_modules([str(ROOT / package)])]
    return names


def test_core_modules_do_not_import_pyside6():
    names = modules()
    assert "khoidesktop.store.database" in names and "khoidesktop.domain.names" in names
    code = ("import importlib, sys\n"
            f"for name in {names!r}:\n"
            "    importlib.import_module(name)\n"
            "    assert 'PySide6' not in sys.modules, name\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
