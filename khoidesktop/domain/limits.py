"""The sizes every way in is held to (DESIGN.md, Storage): how long a text field may be, which dates are plausible,
and what an Excel file may hold before it is read. One place: the sheet import, the forms' checks
(members/records.problems, ratings/records.problems) and the bundle reader read them from here.

The numbers are generous for real data and small enough that nothing after them can blow up: a name at its
longest wraps to two or three lines in the narrowest column of a document, and the largest sheet allowed reads
in seconds and under 300 MB."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The earliest date a member's record may hold (birth, admission, official): nobody on a list today was born
# before, and the Party was founded in 1930. Excel's date 0 is 00/01/1900 and a negative one is in 1899.
EARLIEST_DATE = date(1900, 1, 1)

# The most characters each text field holds (after normalising spaces). A Vietnamese full name is rarely over
# 40 characters (the longest, of the Ê Đê or Ba Na, with a title, about 60); a position, work unit or home town
# spelled out in full ("Phó Trưởng phòng …, Sở …, tỉnh …") under 150; a rating's notes a paragraph or two.
TEXT_LIMITS: dict[str, int] = {
    "full_name": 100,
    "ethnicity": 50,
    "religion": 50,
    "home_town": 200,
    "residence": 200,
    "position": 200,
    "work_unit": 200,
    "general_education": 20,  # "12/12", "10/10 (hệ cũ)"
    "card_number": 20,  # checked for 6 to 12 digits after; this bounds what is read from a sheet before that
    "personal_id": 20,
    "phone": 20,
    "notes": 2000,
    "unit_name": 500,  # a unit's name as a bundle names it (the manifest holds it to the same)
    "rule_set": 100,  # the regulation a bundle's ratings were made under ("QĐ 366-QĐ/TW (2025)")
}


@dataclass(frozen=True)
class SheetLimits:
    """What an .xlsx file may hold; anything beyond is refused before openpyxl reads it (the zip's sizes, the
    shared strings), as its sheet is opened (the declared size) or as its rows are read (rows, cell lengths).

    A sheet of 10,000 members in 30 columns is 2 MB on disk and 16 MB unpacked when its texts are inline (as
    openpyxl writes them; Excel's shared strings make it smaller): the limits leave room above that, and the
    largest file they let through reads in seconds and under 300 MB (tests/members/test_sheet_limits.py)."""

    file_bytes: int = 30 * 1024 * 1024  # the .xlsx on disk
    parts: int = 1000  # entries in the zip (a workbook of 50 sheets with their images has about 300)
    unpacked_bytes: int = 100 * 1024 * 1024  # all its parts together, unpacked (a zip bomb stops here)
    sheet_bytes: int = 30 * 1024 * 1024  # one worksheet or the shared strings, unpacked (read as a stream)
    part_bytes: int = 4 * 1024 * 1024  # any other part (styles, workbook…), which openpyxl reads whole into memory
    ratio: int = 100  # unpacked / packed of a part over 1 MB: real sheets pack 5 to 20 times, a bomb 1,000 times
    rows: int = 10_100  # rows of the sheet read: 10,000 members (20 times the largest cell's list) with room for a
    # title and the header above them
    columns: int = 100  # the columns read; the declared size of a sheet may not pass them
    shared_strings: int = 300_000  # distinct texts in the workbook
    cell_chars: int = 32_767  # the longest text Excel itself lets a cell hold


SHEET_LIMITS = SheetLimits()

# A congress's document kept in the data file (terms/congress.py): a political report of a hundred pages as a
# .docx or a scanned PDF is a few MB; a backup carries every one, so the file stays small enough to copy.
CONGRESS_DOCUMENT_BYTES = 20 * 1024 * 1024
CONGRESS_TEXT_LIMITS = {"place": 300, "agenda": 5000, "people": 5000, "reason": 300, "title": 300}

AUDIT_PAGE_ROWS = 10_000  # the most entries of the audit log one read returns (the command's --limit)
