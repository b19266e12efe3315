"""Reading the made PDFs back (pypdf), as a reader of the file would see them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader


def flat(text: str) -> str:
    """NFC, every run of white space one space: table cells and lines become comparable phrases."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def all_text(path: Path) -> str:
    return " ".join(page_texts(path))


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(base font name, embedded as a TrueType font file) of every font every page uses."""
    found = []
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.append((str(font["/BaseFont"]), embedded))
    return found


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def metadata(path: Path) -> dict[str, str]:
    return {k: str(v) for k, v in (PdfReader(path).metadata or {}).items()}


def page_labels(path: Path) -> list[tuple[int, int]]:
    """Every "Trang x/y" found, page by page (one expected on each page)."""
    return [tuple(int(n) for n in m) for text in page_texts(path) for m in re.findall(r"Trang (\d+)/(\d+)", text)]


def text_x_positions(path: Path, page: int = 0) -> list[float]:
    """Left x of every piece of text drawn on a page (points from the page's left edge)."""
    xs: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            xs.append(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    PdfReader(path).pages[page].extract_text(visitor_text=visit)  # page may be -1
    return xs


def english_words(sources) -> set[str]:
    """The English words of the msgids in these source files (placeholders left out)."""
    words: set[str] = set()
    for source in sources:
        for msgid in re.findall(r'(?<!\w)N?_\("((?:[^"\\]|\\.)*)"', source.read_text(encoding="utf-8")):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{[^}]*\}", " ", msgid))}
    return words


def assert_no_english(text: str, sources) -> None:
    """No English word of the documents' own msgids reached the page."""
    words = english_words(sources)
    assert len(words) > 20  # the msgids were found
    found = {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in words}
    assert not found, found


def assert_fonts_embedded(path: Path) -> None:
    used = fonts(path)
    assert used
    for name, embedded in used:
        assert re.fullmatch(r"/[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?", name), name
        assert embedded, name
