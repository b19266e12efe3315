"""Reading the made PDFs back (pypdf), as a reader of the file would see them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Run:
    """A piece of text drawn in one font: where its baseline starts (points from the page's bottom left)."""

    page: int
    text: str  # flat
    font: str  # the base font without its subset prefix: "LiberationSerif-Bold"
    size: float  # as drawn (the font size times the text and page matrices' scale)
    x: float
    y: float

    @property
    def bold(self) -> bool:
        return "Bold" in self.font

    @property
    def italic(self) -> bool:
        return "Italic" in self.font


def text_runs(path: Path) -> list[Run]:
    """Every piece of upright text on every page, in the order drawn (the rotated watermark left out)."""
    runs: list[Run] = []
    for number, page in enumerate(PdfReader(path).pages):

        def visit(
            text: str, cm: list[float], tm: list[float], font: dict | None, size: float, number: int = number
        ) -> None:
            if not text.strip() or font is None or abs(cm[1]) > 1e-6 or abs(tm[1]) > 1e-6:
                return
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append(Run(number, flat(text), name, round(size * tm[3] * cm[3], 2), x, y))

        page.extract_text(visitor_text=visit)
    return runs


@dataclass(frozen=True)
class Line:
    """A straight line stroked on a page, in page coordinates (points)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y0 - self.y1) < 0.01

    @property
    def vertical(self) -> bool:
        return abs(self.x0 - self.x1) < 0.01


def _times(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    return [
        a * n[0] + b * n[2],
        a * n[1] + b * n[3],
        c * n[0] + d * n[2],
        c * n[1] + d * n[3],
        e * n[0] + f * n[2] + n[4],
        e * n[1] + f * n[3] + n[5],
    ]


def drawn_lines(path: Path) -> list[Line]:
    """Every stroked straight segment (m … l … S) of every page, following the q/Q/cm transformations."""
    from pypdf.generic import ContentStream

    reader = PdfReader(path)
    found: list[Line] = []
    for number, page in enumerate(reader.pages):
        ctm, saved, points = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [], []
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"q":
                saved.append(ctm)
            elif op == b"Q":
                ctm = saved.pop()
            elif op == b"cm":
                ctm = _times([float(v) for v in operands], ctm)
            elif op in (b"m", b"l"):
                x, y = (float(v) for v in operands)
                point = (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
                points = [point] if op == b"m" else [*points, point]
            elif op in (b"S", b"s"):
                found += [Line(number, *a, *b) for a, b in zip(points, points[1:], strict=False)]
                points = []
            elif op == b"n":
                points = []
    return found
