"""The window: the only package that imports PySide6 (with app.py and bench/).

Importing it first replaces PySide6's check of every module imported after PySide6 (PYSIDE-2029: does the module
use PySide6, for `from __feature__ import …`). PySide6 asks `inspect.getsource(module)`, which tokenizes nothing for a
module but leaves the whole source in Python's line cache: ~8 MB of text once the pages' modules are loaded, and
~1/6 of their import time. The same question is asked of the file's bytes here; anything else goes to PySide6's own.
The sources cached before (modules imported after PySide6 but before this package) are dropped then.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

import PySide6  # noqa: F401 - loads shibokensupport.feature, whose check is replaced below


def _light_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "light", False):
        return  # another PySide6 version, or already done

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside.light = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    for name in [name for name in linecache.cache if name.endswith(".py")]:
        linecache.cache.pop(name, None)  # a traceback reads the lines it needs again


_light_feature_check()
