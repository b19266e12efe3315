"""Translations (gettext, English msgids, Vietnamese catalogue) and Vietnamese formats.

The language is chosen before any widget exists; Vietnamese is the default and the only full catalogue.
Qt's own strings (standard buttons, context menus, file dialog) are translated in `ui/qt_translations.py`.
"""

from __future__ import annotations

import gettext
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from khoidesktop.paths import resources_dir

if TYPE_CHECKING:
    from pathlib import Path

DOMAIN = "khoidesktop"
DEFAULT_LANGUAGE = "vi"

_active: gettext.NullTranslations | None = None


def locale_dir() -> Path:
    return resources_dir() / "locale"


def set_language(language: str = DEFAULT_LANGUAGE) -> gettext.NullTranslations:
    """Load the catalogue for `language` ("en" means the msgids themselves)."""
    global _active
    _active = gettext.translation(DOMAIN, localedir=locale_dir(), languages=[language], fallback=True)
    return _active


def _translations() -> gettext.NullTranslations:
    return _active if _active is not None else set_language()


def _(message: str) -> str:
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a msgid for extraction where it is translated later (declarations, tables)."""
    return message


# --- Vietnamese formats -------------------------------------------------------------------------------


def format_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates; empty for no date."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def parse_date(text: str) -> date:
    """Reads d/m/yyyy (also with - or .); raises ValueError with a Vietnamese message."""
    cleaned = text.strip().replace("-", "/").replace(".", "/")
    parts = cleaned.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise ValueError(_("“{text}” is not a date: type it as dd/mm/yyyy, for example 05/09/1985.").format(text=text))
    day, month, year = (int(p) for p in parts)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(_("“{text}” is not a real date (check the day and the month).").format(text=text)) from None


def format_long_date(value: date) -> str:
    """“ngày 22 tháng 11 năm 2026”, as on the place-date line of a document. HD 36-HD/VPTW writes a day
    below 10 and the months 1 and 2 with a leading zero (“ngày 05 tháng 02”, but “tháng 9”)."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return _("day {d} month {m} year {y}").format(d=f"{value.day:02d}", m=month, y=value.year)


def round_half_up(value: float | Decimal, decimals: int) -> Decimal:
    """Rounding as taught and as Excel does it (0,125 → 0,13), not Python's round-half-to-even."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percent(part: float, whole: float, decimals: int = 2) -> float:
    """The share in %, rounded half up; a share of nothing is 0."""
    if not whole:
        return 0.0
    return float(round_half_up(Decimal(str(part)) * 100 / Decimal(str(whole)), decimals))


VIETNAMESE_SIGNS = str.maketrans({",": ".", ".": ","})


def format_number(value: float | Decimal, decimals: int | None = None) -> str:
    """1.234,5: Vietnamese grouping and decimal signs (CLDR's for vi: "#,##0.###", so at most three decimals,
    rounded half to even, unless `decimals` is given: then exactly that many, rounded half up). Made here rather
    than by babel, whose locale data took ~6 MB for two signs."""
    if decimals is None:
        shown = Decimal(str(value)).quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN).normalize()
        text = f"{shown:,f}"
    else:
        text = f"{round_half_up(value, decimals):,.{decimals}f}"
    return text.translate(VIETNAMESE_SIGNS)


def format_percent(part: float, whole: float, decimals: int = 2) -> str:
    """66 of 250 → "26,40%"; a share of nothing is "0,00%" rather than an error."""
    return format_number(percent(part, whole, decimals), decimals) + "%"
