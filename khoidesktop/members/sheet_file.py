"""Opening an .xlsx file that came from elsewhere, safely: its zip is checked against the limits
(domain/limits.SheetLimits) before openpyxl reads it, its shared strings are counted with a hardened parser, and
openpyxl parses every part through defusedxml (no entity is expanded, no other file is read). A file that passes
a limit, or that is not a workbook, is refused with a ValidationError naming the limit and what to do."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse

from khoidesktop.domain.limits import SHEET_LIMITS, SheetLimits
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_number

CONTENT_TYPES = "[Content_Types].xml"
_STREAMED_TYPES = ("spreadsheetml.worksheet+xml", "spreadsheetml.sharedStrings+xml")  # read as streams
_STRINGS_TYPE = "spreadsheetml.sharedStrings+xml"
_XML_SUFFIXES = (".xml", ".rels", ".vml")  # parts openpyxl may parse; images and other binary parts it never reads
_RATIO_FROM = 1024 * 1024  # small parts may pack very well (a style sheet of repeated elements): no ratio below
_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)
# What openpyxl raises on parts that are not what they claim (a shared string out of range, a number that is not).
_DAMAGED = (*_UNREADABLE, ParseError, KeyError, IndexError, ValueError, TypeError, AttributeError, OSError)


def _big(n: int) -> str:
    return format_number(n, 0)


def damaged(path: Path) -> ValidationError:
    return ValidationError(
        _(
            "{name} is not an Excel (.xlsx) file or it is damaged. Open it in Excel, save it again as .xlsx, then "
            "import it."
        ).format(name=path.name)
    )


def _unsafe(path: Path) -> ValidationError:
    return ValidationError(
        _(
            "{name} holds XML that Excel never writes (entity declarations or references to other files); it was "
            "refused for safety. Open it in Excel, save it again as .xlsx, then import it."
        ).format(name=path.name)
    )


def _too_large(path: Path, what: str) -> ValidationError:
    return ValidationError(
        _(
            "{name} is too large to import: {what}. Keep only the table of members in the file (copy it into a new "
            "workbook), save it, then import it."
        ).format(name=path.name, what=what)
    )


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Any failure of openpyxl or of the XML while `path` is read becomes the user's message."""
    try:
        yield
    except _DAMAGED as exc:
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, DefusedXmlException):
            cause = cause.__cause__ or cause.__context__  # openpyxl wraps what it met in "Unable to read workbook"
        raise (damaged(path) if cause is None else _unsafe(path)) from None


def _entry_count(path: Path) -> int | None:
    """The number of parts the zip's end record declares, read before zipfile loads its whole directory (a
    directory of millions of entries would fill memory); None when there is no end record (not a zip)."""
    with path.open("rb") as stream:
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - 65_557))  # the end record (22 bytes) and a comment of at most 65,535
        tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    count: int = struct.unpack("<H", tail[at + 10 : at + 12])[0]  # 0xFFFF: a zip64 directory, never an Excel file's
    return count


def _content_types(book: zipfile.ZipFile, limits: SheetLimits) -> dict[str, str]:
    """Part name → content type, as [Content_Types].xml declares them (openpyxl finds the shared strings so)."""
    info = book.getinfo(CONTENT_TYPES)
    if info.file_size > limits.part_bytes:
        raise KeyError(CONTENT_TYPES)
    root = fromstring(book.read(info))
    return {
        node.get("PartName", "").lstrip("/"): node.get("ContentType", "")
        for node in root
        if node.tag.endswith("Override")
    }


def check_file(path: Path, limits: SheetLimits = SHEET_LIMITS) -> None:
    """Refuse `path` before openpyxl opens it if it is not a workbook or passes a limit."""
    if path.stat().st_size > limits.file_bytes:
        raise _too_large(path, _("the file is larger than {n} MB").format(n=_big(limits.file_bytes >> 20)))
    count = _entry_count(path)
    if count is None:
        raise damaged(path)
    if count > limits.parts:
        raise _too_large(path, _("it holds more than {n} parts").format(n=_big(limits.parts)))
    with reading(path), zipfile.ZipFile(path) as book:
        types = _content_types(book, limits)
        _check_sizes(path, book.infolist(), types, limits)
        strings = next((name for name, kind in types.items() if kind.endswith(_STRINGS_TYPE)), None)
        if strings is not None and strings in book.NameToInfo:
            with book.open(strings) as stream:
                _check_strings(path, stream, limits)


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], types: dict[str, str], limits: SheetLimits) -> None:
    """Declared sizes bound what comes out: zipfile stops a part at its declared size (and then fails its CRC)."""
    mb = _("{n} MB")
    if sum(info.file_size for info in infos) > limits.unpacked_bytes:
        what = _("unpacked, it would be larger than {size}").format(size=mb.format(n=_big(limits.unpacked_bytes >> 20)))
        raise _too_large(path, what)
    for info in infos:
        streamed = types.get(info.filename, "").endswith(_STREAMED_TYPES)
        if not streamed and not info.filename.lower().endswith(_XML_SUFFIXES):
            continue  # an image or an embedded file: openpyxl never unpacks it when reading
        most = limits.sheet_bytes if streamed else limits.part_bytes
        if info.file_size > most:
            what = _("its part {part} would unpack to more than {size}").format(
                part=info.filename, size=mb.format(n=_big(most >> 20))
            )
            raise _too_large(path, what)
        if info.file_size > _RATIO_FROM and info.file_size > limits.ratio * max(info.compress_size, 1):
            what = _("its part {part} is packed more than {n} times, as only a zip bomb is").format(
                part=info.filename, n=_big(limits.ratio)
            )
            raise _too_large(path, what)


def _check_strings(path: Path, stream: Any, limits: SheetLimits) -> None:
    """Count the shared strings and measure each, as a stream (constant memory): openpyxl keeps them all."""
    count, root = 0, None
    for event, node in iterparse(stream, events=("start", "end")):
        if root is None:
            root = node
        if event != "end" or not node.tag.endswith("}si"):
            continue
        count += 1
        if count > limits.shared_strings:
            raise _too_large(path, _("it holds more than {n} different texts").format(n=_big(limits.shared_strings)))
        if sum(len(text) for text in node.itertext()) > limits.cell_chars:
            raise _too_large(
                path, _("one of its texts is longer than {n} characters").format(n=_big(limits.cell_chars))
            )
        root.clear()  # what was read is no longer needed: memory stays that of one text


@contextmanager
def open_workbook(path: Path, limits: SheetLimits = SHEET_LIMITS) -> Iterator[Any]:
    """The workbook at `path`, read-only, once checked (openpyxl's workbook: untyped here, as in its stubs); the
    file is closed after, even when openpyxl fails half-way through opening it."""
    import openpyxl
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not openpyxl.DEFUSEDXML:  # OPENPYXL_DEFUSEDXML=False in the environment, or defusedxml missing
        raise RuntimeError("openpyxl would parse without defusedxml: refusing to read a sheet")
    check_file(path, limits)
    with path.open("rb") as stream, reading(path):
        try:
            book = load_workbook(stream, read_only=True, data_only=True)
        except InvalidFileException:
            raise damaged(path) from None
        try:
            yield book
        finally:
            book.close()


def check_declared_size(path: Path, sheet: Any, limits: SheetLimits = SHEET_LIMITS) -> None:
    """Refuse a sheet whose declared size (its <dimension>) passes the limits, then forget that size: it may be
    wrong either way, so the rows are read as they are (and bounded as they come)."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > limits.rows or columns > limits.columns:
        raise ValidationError(
            _(
                "The sheet “{sheet}” of {name} is {rows} rows by {columns} columns; a sheet to import may have at "
                "most {most_rows} rows and {most_columns} columns. Delete the empty rows and columns after the "
                "table (or copy the table into a new workbook), save it, then import it."
            ).format(
                sheet=sheet.title,
                name=path.name,
                rows=_big(rows),
                columns=_big(columns),
                most_rows=_big(limits.rows),
                most_columns=_big(limits.columns),
            )
        )
    sheet.reset_dimensions()


def too_many_rows(path: Path, sheet: Any, limits: SheetLimits = SHEET_LIMITS) -> ValidationError:
    return ValidationError(
        _(
            "The sheet “{sheet}” of {name} has more than {n} rows; a sheet to import may have at most {n} rows, the "
            "header included. Delete the rows after the table, or split the list into several files."
        ).format(sheet=sheet.title, name=path.name, n=_big(limits.rows))
    )
