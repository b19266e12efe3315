"""Paragraph and table styles of the documents (HD 36-HD/VPTW: Times-like font, 13–14 pt body)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, TypedDict, Unpack

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from khoidesktop.reports.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts

BODY_SIZE = 13
TABLE_SIZE = 11
TABLE_LEADING = 13
FOOTER_SIZE = 11
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
    title: ParagraphStyle
    subtitle: ParagraphStyle
    sign: ParagraphStyle  # T/M CHI BỘ, BÍ THƯ, the name
    recipients_title: ParagraphStyle
    recipients: ParagraphStyle


def _style(
    name: str, font: str = REGULAR, size: float = BODY_SIZE, align: Alignment = TA_CENTER, **extra: Unpack[Spacing]
) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.25, 1), alignment=align, **extra)


@lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    return Styles(
        body=_style("body", align=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=4),
        plain=_style("plain", align=TA_LEFT, spaceBefore=6),
        heading=_style("heading", BOLD, align=TA_LEFT, spaceBefore=8, spaceAfter=4),
        header_upper=_style("header_upper", size=13),
        header_issuer=_style("header_issuer", BOLD, size=13),
        header_plain=_style("header_plain", size=13),
        national=_style("national", BOLD, size=14),
        place_date=_style("place_date", ITALIC, size=13),
        title=_style("title", BOLD, size=14, spaceBefore=20, spaceAfter=2),
        subtitle=_style("subtitle", ITALIC, spaceAfter=10),
        sign=_style("sign", BOLD, size=13),
        recipients_title=_style("recipients_title", BOLD_ITALIC, size=12, align=TA_LEFT),
        recipients=_style("recipients", size=11, align=TA_LEFT),
    )
