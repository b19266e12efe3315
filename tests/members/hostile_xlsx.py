# ruff: noqa: E501  (the parts of a workbook are one line each, as Excel writes them)
"""Hostile or broken .xlsx files made with zipfile: a minimal workbook whose parts may be replaced by bytes or by
what a generator yields (streamed into the zip, so a part of hundreds of megabytes never sits in memory)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
Part = bytes | Iterable[bytes]


CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = b"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""


def workbook(path: Path, parts: dict[str, Part] | None = None, level: int = 9) -> Path:
    """A workbook of one sheet "DS" (a header and one member, as shared strings), `parts` replacing its parts."""
    default: dict[str, Part] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        SHEET: sheet([shared_row(1, 0, 1), shared_row(2, 2)]),
        STRINGS: shared_strings(["Họ và tên".encode(), "Ngày sinh".encode(), "Nguyễn Văn An".encode()]),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as book:
        for name, content in (default | (parts or {})).items():
            with book.open(name, "w", force_zip64=True) as stream:
                for chunk in [content] if isinstance(content, bytes) else content:
                    stream.write(chunk)
    return path


def shared_strings(strings: Iterable[bytes], declared: int | None = None) -> Iterator[bytes]:
    count = f' count="{declared}" uniqueCount="{declared}"' if declared is not None else ""
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN}"{count}>'.encode()
    for text in strings:
        yield b"<si><t>" + text + b"</t></si>"
    yield b"</sst>"


def sheet(rows: Iterable[bytes], dimension: str | None = None, head: bytes = b"") -> Iterator[bytes]:
    yield b'<?xml version="1.0" encoding="UTF-8"?>\n' + head + f'<worksheet xmlns="{MAIN}">'.encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    yield from rows
    yield b"</sheetData></worksheet>"


def shared_row(number: int, *indexes: int) -> bytes:
    cells = "".join(f'<c r="{chr(65 + i)}{number}" t="s"><v>{index}</v></c>' for i, index in enumerate(indexes))
    return f'<row r="{number}">{cells}</row>'.encode()


def inline_row(number: int, *texts: str) -> bytes:
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{text}</t></is></c>' for i, text in enumerate(texts)
    )
    return f'<row r="{number}">{cells}</row>'.encode()


def header_rows() -> Iterator[bytes]:
    yield shared_row(1, 0, 1)
    yield shared_row(2, 2)
