"""The document font: Liberation Serif (metric-compatible with Times New Roman, full Vietnamese),
registered once with reportlab as the family "KhoiSerif". TrueType fonts are always embedded as subsets."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from khoidesktop.paths import resources_dir

FAMILY = "KhoiSerif"
REGULAR = f"{FAMILY}-Regular"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_lock = threading.Lock()  # reports are built on worker threads
_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> str:
    """Register the four faces and the family (once) and return the family name."""
    with _lock:
        if BOLD_ITALIC not in pdfmetrics.getRegisteredFontNames():  # registered last
            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / filename)))
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return FAMILY
