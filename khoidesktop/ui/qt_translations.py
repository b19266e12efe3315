"""Qt's own strings in Vietnamese: our resources/translations/qtbase_vi.qm (Qt ships no Vietnamese)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from khoidesktop.paths import resources_dir


def install_qt_translator(app: QCoreApplication) -> QTranslator:
    translator = QTranslator(app)  # parented to the application, so it lives as long as it
    if not translator.load(str(resources_dir() / "translations" / "qtbase_vi.qm")):
        raise RuntimeError("resources/translations/qtbase_vi.qm is missing: run python tools/translations.py compile")
    app.installTranslator(translator)
    return translator
