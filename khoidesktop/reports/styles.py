"""Paragraph and table styles of the documents: the sizes of HD 36-HD/VPTW's appendix, in one place (SIZES)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypedDict, Unpack

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from khoidesktop.reports.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts


@dataclass(frozen=True)
class Sizes:
    """Font sizes (points) of a document's parts.

    HD 36-HD/VPTW of 3 April 2018 (Văn phòng Trung ương Đảng, on the format of the Party's documents), its
    appendix of fonts, sizes and styles: "ĐẢNG CỘNG SẢN VIỆT NAM" capitals 15 bold, underlined; the superior
    body capitals 14; the issuing body capitals 14 bold; the number 14; place and date 14 italic; the document
    type capitals 15–16 bold; the summary under it lower case 14–15 bold; the body 14–15; who signs (T/M …,
    BÍ THƯ) capitals 14 bold and the name 14 bold. Where the appendix gives a range, the smaller size but for the
    type, which stands out above its summary."""

    national: float = 15
    superior: float = 14
    issuer: float = 14
    number: float = 14  # the number line and the star above it
    place_date: float = 14
    doc_type: float = 16
    summary: float = 14
    body: float = 14  # paragraphs, section headings, lines under the title
    sign: float = 14
    # Not set by the lines of the appendix above; kept as the documents had them.
    recipients_title: float = 12  # "Nơi nhận:"
    recipients: float = 11
    # Tables: HD 36 gives no size. 11 pt keeps the widest tables (the roster's 8 columns, the bloc's per-unit
    # tables of 10) on the 165 mm text width with a date, a 12-digit card number or "100,00%" on one line.
    table: float = 11
    table_leading: float = 13
    footer: float = 11  # "Trang x/y"


SIZES = Sizes()
RULE_WIDTH = 25 * mm  # the short rule under the summary
Alignment = Literal[0, 1, 2, 4]  # TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY
# A command of a table's style on a range of cells: (name, (column, row) from, (column, row) to, its values).
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


class Spacing(TypedDict, total=False):
    """The paragraph spacing a style may set (points); what is left out keeps reportlab's default."""

    firstLineIndent: float
    spaceBefore: float
    spaceAfter: float


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    plain: ParagraphStyle  # left-aligned body line
    heading: ParagraphStyle
    header_upper: ParagraphStyle  # superior body, capitals
    header_issuer: ParagraphStyle  # issuing body, bold capitals
    header_plain: ParagraphStyle  # star and number line
    national: ParagraphStyle  # ĐẢNG CỘNG SẢN VIỆT NAM
    place_date: ParagraphStyle
    doc_type: ParagraphStyle  # BÁO CÁO, BIÊN BẢN …
    summary: ParagraphStyle  # the lines under the type
    subtitle: ParagraphStyle  # a centred line of the body under the title (the minutes' topic)
    sign: ParagraphStyle  # T/M CHI BỘ, BÍ THƯ, the name
    recipients_title: ParagraphStyle
    recipients: ParagraphStyle


def _style(
    name: str, size: float, font: str = REGULAR, align: Alignment = TA_CENTER, **extra: Unpack[Spacing]
) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.25, 1), alignment=align, **extra)


@lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    z = SIZES
    return Styles(
        body=_style("body", z.body, align=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=4),
        plain=_style("plain", z.body, align=TA_LEFT, spaceBefore=6),
        heading=_style("heading", z.body, BOLD, align=TA_LEFT, spaceBefore=8, spaceAfter=4),
        header_upper=_style("header_upper", z.superior),
        header_issuer=_style("header_issuer", z.issuer, BOLD),
        header_plain=_style("header_plain", z.number),
        national=_style("national", z.national, BOLD),
        place_date=_style("place_date", z.place_date, ITALIC),
        doc_type=_style("doc_type", z.doc_type, BOLD, spaceBefore=18, spaceAfter=2),
        summary=_style("summary", z.summary, BOLD),
        subtitle=_style("subtitle", z.body, ITALIC, spaceAfter=8),
        sign=_style("sign", z.sign, BOLD),
        recipients_title=_style("recipients_title", z.recipients_title, BOLD_ITALIC, align=TA_LEFT),
        recipients=_style("recipients", z.recipients, align=TA_LEFT),
    )
