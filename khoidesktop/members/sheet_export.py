"""Exporting the member list to .xlsx with the import's own headers (export → import is lossless)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from khoidesktop.domain.member_sheet import COLUMNS, EDUCATION_TEXT, GENDER_TEXT, THEORY_TEXT
from khoidesktop.reports.output import write_atomically
from khoidesktop.store.models import Member

WIDTHS = {
    "full_name": 28,
    "home_town": 26,
    "position": 22,
    "professional_education": 18,
    "political_theory": 16,
    "card_number": 16,
}
TEXTS = {"gender": GENDER_TEXT, "professional_education": EDUCATION_TEXT, "political_theory": THEORY_TEXT}


# A text starting with one of these is taken for a formula by a spreadsheet (CSV/formula injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _value(member: Member, field: str) -> object:
    value = getattr(member, field)
    if field in TEXTS:
        return TEXTS[field].get(value or "", "")
    return value if value is not None else ""


def write_members_xlsx(members: list[Member], target: Path) -> Path:
    """Write the sheet under a new temporary name beside the target, then move it in place: a failure leaves no
    half file, and no existing file (or link) is written through."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one sheet, active: a worksheet
    sheet.title = "Danh sách đảng viên"
    sheet.append([c.header for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for member in members:
        sheet.append([_value(member, c.field) for c in COLUMNS])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # every text is written as text, never as a formula
                if cell.value.startswith(FORMULA_STARTS):
                    cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = WIDTHS.get(column.field, 13)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if column.kind == "date" and isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
            elif column.kind == "card":
                cell.number_format = "@"  # text: the leading zeros stay
    sheet.freeze_panes = "A2"
    return write_atomically(target, book.save)
