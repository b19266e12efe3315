"""The shared frame of the cell's documents (HD 36-HD/VPTW): page, header, title, signature, page numbers.

A4 portrait, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; the Times-metric font embedded; the sizes
of the appendix of HD 36 (styles.SIZES).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, HRFlowable, PageTemplate, Paragraph, Spacer, Table

from khoidesktop.i18n import N_, _, format_long_date
from khoidesktop.reports.canvas import NumberedCanvas, draw_watermark
from khoidesktop.reports.fonts import REGULAR, register_fonts
from khoidesktop.reports.output import write_atomically
from khoidesktop.reports.styles import RULE_WIDTH, SIZES, TableCommand, styles

# Fixed formulas of the official format (HD 36-HD/VPTW): printed as they are, never translated.
NATIONAL_LINE = "ĐẢNG CỘNG SẢN VIỆT NAM"
ON_BEHALF = "T/M CHI BỘ"
SECRETARY = "BÍ THƯ"
RECIPIENTS = "Nơi nhận:"
# Kinds of document: their code in the number line (Số 05-DS/CB) and the type printed above the summary; the
# issuer's code (CB = chi bộ).
KIND_LIST, KIND_REPORT, KIND_MINUTES, KIND_RESOLUTION = "DS", "BC", "BB", "NQ"
KIND_NOTICE = "TB"
DOCUMENT_TYPES = {
    KIND_LIST: N_("List"),
    KIND_REPORT: N_("Report"),
    KIND_MINUTES: N_("Minutes"),
    KIND_RESOLUTION: N_("Resolution"),
    KIND_NOTICE: N_("Notice"),
}
ISSUER_CODE = "CB"
BLANK_NUMBER = "\u00a0" * 8  # room for a number written by hand

PAGE_SIZE = A4
TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
TEXT_WIDTH, TEXT_HEIGHT = PAGE_SIZE[0] - LEFT - RIGHT, PAGE_SIZE[1] - TOP - BOTTOM
CREATOR = "Khối desktop"
# Borderless layout tables (header, signature): no padding at the sides; the cell font is set so that
# reportlab does not reference its default Helvetica.
LAYOUT_CELLS: list[TableCommand] = [
    ("FONT", (0, 0), (-1, -1), REGULAR, SIZES.body),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
]


@dataclass(frozen=True)
class Letterhead:
    """Who issues the document, where and when, who signs it and who receives it."""

    superior: str  # the body directly above the issuer (first line, top left)
    issuer: str  # the cell
    place: str
    dated: date
    secretary: str = ""
    recipients: tuple[str, ...] = ()
    training: bool = False
    on_behalf: str = ON_BEHALF  # the signature's first line: T/M CHI BỘ, T/M ĐẢNG ỦY
    issuer_code: str = ISSUER_CODE  # in the number line: CB, ĐU, ĐUK


@dataclass(frozen=True)
class DocumentSpec:
    kind: str  # KIND_LIST, KIND_REPORT, ...: the type (DOCUMENT_TYPES) and the number line's code
    summary: str  # translated, lower case, what follows the type in the title: "cơ cấu đảng viên"
    subtitle: str = ""  # a line under the summary: "(Tính đến ngày 22/11/2026)"
    number: str | None = None  # "05"; None leaves the number blank

    @property
    def doc_type(self) -> str:
        """ "Báo cáo": printed in capitals on its own line."""
        return _(DOCUMENT_TYPES[self.kind])

    @property
    def title(self) -> str:
        """The whole title in sentence case: "Báo cáo cơ cấu đảng viên"."""
        return f"{self.doc_type} {self.summary}"


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def number_line(spec: DocumentSpec, issuer_code: str = ISSUER_CODE) -> str:
    number = spec.number.strip() if spec.number and spec.number.strip() else BLANK_NUMBER
    return _("No. {number}-{kind}/{issuer}").format(number=number, kind=spec.kind, issuer=issuer_code)


def place_date_line(head: Letterhead) -> str:
    return f"{head.place}, {format_long_date(head.dated)}"


def header_block(head: Letterhead, spec: DocumentSpec) -> Table:
    """Top left: superior, issuer, star, number; top right: the national line, then place and date."""
    s = styles()
    left = [
        *([_p(head.superior.upper(), s.header_upper)] if head.superior else []),  # a province's: none above
        _p(head.issuer.upper(), s.header_issuer),
        _p("*", s.header_plain),
    ]
    right = [Paragraph(f"<u>{NATIONAL_LINE}</u>", s.national)]
    rows: list[list[Flowable | Sequence[Flowable]]] = [
        [left, right],
        [_p(number_line(spec, head.issuer_code), s.header_plain), _p(place_date_line(head), s.place_date)],
    ]
    table = Table(rows, colWidths=[0.44 * TEXT_WIDTH, 0.56 * TEXT_WIDTH])
    table.setStyle([*LAYOUT_CELLS, ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    return table


def title_block(spec: DocumentSpec) -> list[Flowable]:
    """The type in capitals on its own line, the summary (and the subtitle) under it, then a short rule."""
    s = styles()
    found: list[Flowable] = [_p(spec.doc_type.upper(), s.doc_type), _p(spec.summary, s.summary)]
    if spec.subtitle:
        found.append(_p(spec.subtitle, s.summary))
    found.append(HRFlowable(RULE_WIDTH, thickness=0.6, lineCap="butt", color=black, spaceBefore=5, spaceAfter=12))
    return found


def opening(head: Letterhead, spec: DocumentSpec) -> list[Flowable]:
    """Header and title: what every document starts with."""
    return [header_block(head, spec), *title_block(spec)]


def signature_block(head: Letterhead) -> Flowable:
    """Left: "Nơi nhận:" and the recipients; right: T/M CHI BỘ (or the letterhead's own), BÍ THƯ, room to sign,
    the name."""
    s = styles()
    left = [_p(RECIPIENTS, s.recipients_title)]
    last = len(head.recipients) - 1
    left += [_p(f"- {name}{'.' if i == last else ';'}", s.recipients) for i, name in enumerate(head.recipients)]
    right = [_p(head.on_behalf, s.sign), _p(SECRETARY, s.sign), Spacer(1, 24 * mm), _p(head.secretary, s.sign)]
    table = Table([[left, right]], colWidths=[0.48 * TEXT_WIDTH, 0.52 * TEXT_WIDTH])
    table.setStyle([*LAYOUT_CELLS, ("TOPPADDING", (0, 0), (-1, -1), 14)])
    return table  # one row: never split across pages (not a KeepTogether, so callers can nest it in one)


def document_title(head: Letterhead, spec: DocumentSpec) -> str:
    """The PDF's metadata title; training documents say so."""
    return f"{spec.title} ({_('TRAINING DATA')})" if head.training else spec.title


def page_label(page: int, pages: int) -> str:
    return _("Page {page}/{pages}").format(page=page, pages=pages)


def build_pdf(path: Path, head: Letterhead, spec: DocumentSpec, story: list[Flowable]) -> int:
    """Lay the story out on the document's pages and write the PDF at `path`; returns the page count."""
    register_fonts()
    doc = BaseDocTemplate(
        str(path),
        pagesize=PAGE_SIZE,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=document_title(head, spec),
        author=head.issuer,
        subject=spec.title,
        creator=CREATOR,
        lang="vi",
        initialFontName=REGULAR,
        initialFontSize=SIZES.body,
    )  # else Helvetica is referenced
    frame = Frame(
        LEFT,
        BOTTOM,
        TEXT_WIDTH,
        TEXT_HEIGHT,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    watermark = _("TRAINING DATA")

    def decorate(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if head.training:
            draw_watermark(canvas, watermark)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    made: list[NumberedCanvas] = []

    def make_canvas(*args: object, **kwargs: object) -> NumberedCanvas:
        made.append(NumberedCanvas(*args, page_label=page_label, **kwargs))
        return made[-1]

    doc.build(story, canvasmaker=make_canvas)
    return made[-1].pages


def write_pdf(target: Path, head: Letterhead, spec: DocumentSpec, story: list[Flowable]) -> int:
    """Write the document at `target`, all or nothing (reports/output.write_atomically); returns the page count."""
    pages = 0

    def build(path: Path) -> None:
        nonlocal pages
        pages = build_pdf(path, head, spec, story)

    write_atomically(target, build)
    return pages
