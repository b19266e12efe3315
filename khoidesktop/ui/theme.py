"""Look: Fusion with a calm light palette, a font with Vietnamese glyphs, tinted SVG icons."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from khoidesktop.paths import resources_dir

ACCENT = "#1f5fbf"
TEXT = "#1f2933"
MUTED = "#52606d"
SIDEBAR_BG = "#eaeef3"
TRAINING_BG = "#b45309"
DISABLED_TEXT, DISABLED_BG = "#9aa5b1", "#eef1f4"

STYLESHEET = f"""
QListWidget#sidebar {{ background: {SIDEBAR_BG}; border: none; outline: 0; padding: 8px 0; font-size: 11pt; }}
QListWidget#sidebar::item {{ padding: 9px 14px; border-radius: 6px; margin: 1px 8px; color: {TEXT}; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#pageTitle {{ font-size: 17pt; font-weight: 600; color: {TEXT}; }}
QLabel#pageSubtitle {{ color: {MUTED}; font-size: 10.5pt; }}
QLabel#trainingBanner {{ background: {TRAINING_BG}; color: white; font-weight: 700; padding: 6px 12px; }}
QFrame#card {{ background: white; border: 1px solid #d9dee5; border-radius: 8px; }}
QLabel#cardValue {{ font-size: 22pt; font-weight: 600; color: {ACCENT}; }}
QLabel#cardLabel {{ color: {MUTED}; }}
QLabel#errorText {{ color: #b91c1c; }}
*[invalid="true"] {{ border: 1px solid #b91c1c; border-radius: 3px; }}
QLabel#okText {{ color: #15803d; }}
QLabel#warningText {{ color: #b45309; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: none; border-radius: 5px;
                       padding: 7px 18px; font-weight: 600; }}
QPushButton#primary:disabled {{ background: #9fb3d1; }}
"""


def choose_ui_font() -> QFont:
    """The platform's UI font when it can write Vietnamese, else the bundled Liberation Sans
    (a bare Linux machine may have no font with Vietnamese glyphs at all)."""
    font = QGuiApplication.font()
    vietnamese = set(QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese))
    if QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family() not in vietnamese:
        for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"):
            QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        font = QFont("Liberation Sans")
    font.setPointSizeF(10.0)
    return font


def apply(app: QApplication) -> None:
    if app.style().name().lower() != "fusion":  # made again it costs ~6 ms before the first paint
        app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f5f7fa"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f0f3f7"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a96a3"))
    # setColor above sets every colour group, the disabled one too: a disabled button, tab or box looked enabled.
    # Disabled: greyed text on a greyed ground, in every widget, from here.
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor(DISABLED_TEXT))
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(disabled, role, QColor(DISABLED_BG))
    app.setPalette(palette)
    app.setFont(choose_ui_font())
    app.setStyleSheet(STYLESHEET)


def icon(name: str, color: str = TEXT, selected_color: str = "white") -> QIcon:
    """A Lucide icon from resources/icons, drawn in `color` (and white when selected)."""
    svg = (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    result = QIcon()
    for mode, tint in ((QIcon.Mode.Normal, color), (QIcon.Mode.Selected, selected_color)):
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(svg.replace("currentColor", tint).encode()), "SVG")
        result.addPixmap(pixmap, mode)
    return result
