"""Importing members from an .xlsx sheet: read, plan (preview), then apply all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.limits import EARLIEST_DATE, SHEET_LIMITS, TEXT_LIMITS, SheetLimits
from khoidesktop.domain.member_sheet import (
    EDUCATION_WORDS,
    GENDER_WORDS,
    HEADER_INDEX,
    LEVEL_WORDS,
    REQUIRED_FIELD,
    THEORY_WORDS,
    Column,
    header_key,
    restore_card_width,
)
from khoidesktop.domain.names import fold, normalize_text
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, parse_date
from khoidesktop.members.records import MemberData, add_members, problems, update_member
from khoidesktop.members.sheet_file import check_declared_size, open_workbook, reading, too_many_rows
from khoidesktop.store.models import Member
from khoidesktop.tasks import IsCancelled, Progress, bulk, never_cancelled, no_progress, stop_if

HEADER_SEARCH_ROWS = 10
HEADER_CHARS = 100  # a header cell longer than this names no column
OTHER_CELL_CHARS = 100  # a date, a choice or a number typed as text: longer, it is none


class CellError(ValueError):
    """A value that cannot be read; the message is already in Vietnamese."""


@dataclass
class RowPlan:
    row: int  # the row number as Excel shows it
    action: str  # "add" | "update" | "unchanged" | "reject"
    data: MemberData | None = None
    member_id: int | None = None
    messages: list[str] = field(default_factory=list)
    name: str = ""  # as typed in the file (shown even for a rejected row)


@dataclass
class ImportPlan:
    source: Path
    sheet: str
    rows: list[RowPlan]

    def count(self, action: str) -> int:
        return sum(r.action == action for r in self.rows)

    @property
    def rejected(self) -> list[RowPlan]:
        return [r for r in self.rows if r.action == "reject"]

    @property
    def clean(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return _("{total} rows: {add} to add, {update} to update, {same} unchanged, {reject} rejected.").format(
            total=len(self.rows),
            add=self.count("add"),
            update=self.count("update"),
            same=self.count("unchanged"),
            reject=self.count("reject"),
        )


# --- reading the file ------------------------------------------------------------------------------------


def _check_path(path: Path) -> None:
    if not path.is_file():
        raise ValidationError(_("The file {path} does not exist.").format(path=path))
    if path.suffix.lower() == ".xls":
        raise ValidationError(
            _(
                "{name} is an old Excel 97-2003 file (.xls). Open it in Excel and save it as "
                "“Excel Workbook (.xlsx)”, then import that file."
            ).format(name=path.name)
        )


class SheetCell(Protocol):
    """A cell as openpyxl reads it (read-only): its value, its number format (None for an empty cell) and its data
    type: n(umber), s(tring), b(oolean), d(ate), e(rror). The cells are kept as read, not copied: 120,000 copies
    took a third of the time a 10,000-row sheet took to read."""

    @property
    def value(self) -> Any: ...

    @property
    def number_format(self) -> str | None: ...

    @property
    def data_type(self) -> str: ...


def _cells(row: tuple[Any, ...]) -> tuple[SheetCell, ...]:
    """openpyxl's cells of one row, without the empty ones after the last value (a row is read 100 columns wide)."""
    end = len(row)
    while end and row[end - 1].value is None:
        end -= 1
    return row[:end]


def _rows(path: Path, sheet: Any, limits: SheetLimits = SHEET_LIMITS) -> Iterator[tuple[int, tuple[SheetCell, ...]]]:
    """The sheet's rows numbered as in Excel, at most `limits.rows` of them and `limits.columns` wide."""
    for number, row in enumerate(sheet.iter_rows(), start=1):  # as wide as the row is (max_col pads every row)
        if number > limits.rows:
            raise too_many_rows(path, sheet, limits)
        yield number, _cells(row[: limits.columns])


def _find_header(
    rows: Iterator[tuple[int, tuple[SheetCell, ...]]], index: dict[str, Column]
) -> tuple[int, dict[int, Column]] | None:
    for number, cells in rows:
        columns = {
            i: index[header_key(str(c.value))]
            for i, c in enumerate(cells)
            if c.value is not None and len(str(c.value)) <= HEADER_CHARS and header_key(str(c.value)) in index
        }
        if any(col.field == REQUIRED_FIELD for col in columns.values()):
            return number, columns
        if number >= HEADER_SEARCH_ROWS:
            break
    return None


def read_sheet(
    path: Path,
    index: dict[str, Column] = HEADER_INDEX,
) -> tuple[str, dict[int, Column], list[tuple[int, tuple[SheetCell, ...]]]]:
    """The sheet holding the table: its name, its columns (found by `index`), and its data rows (numbered
    as in Excel). The file is checked against the limits (domain/limits.SheetLimits) before and while it is read."""
    _check_path(path)
    with open_workbook(path) as book, reading(path):
        empty = True
        for sheet in book.worksheets:
            check_declared_size(path, sheet)
            rows = _rows(path, sheet)
            found = _find_header(rows, index)
            if found:
                return sheet.title, found[1], list(rows)
            first = islice(_rows(path, sheet), 50)
            empty = empty and not any(any(c.value is not None for c in row) for _n, row in first)
    if empty:
        raise ValidationError(_("{name} has no data: its sheets are empty.").format(name=path.name))
    raise ValidationError(
        _(
            "No “Họ và tên” column was found in the first {n} rows of {name}. The header row "
            "must name the columns (Họ và tên, Ngày sinh, …)."
        ).format(n=HEADER_SEARCH_ROWS, name=path.name)
    )


# --- reading one value ------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(str(value)) if value is not None else ""


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if isinstance(value, (int, float)) and 1000 <= value <= 2200:
        raise CellError(_("“{text}” is only a year: type the whole date (dd/mm/yyyy).").format(text=int(value)))
    if isinstance(value, (int, float)) and value < 1000:  # Excel's day 1000 is in 1902: this is no date of ours
        raise CellError(_("“{text}” is not a date: type it as dd/mm/yyyy.").format(text=value))
    if isinstance(value, (int, float)):
        from openpyxl.utils.datetime import from_excel

        try:
            day: date = from_excel(value).date()  # untyped in openpyxl's stubs: a datetime, or a time (no .date)
        except (ValueError, OverflowError, AttributeError):
            raise CellError(_("“{text}” is not a date.").format(text=value)) from None
        return _plausible(day)
    try:
        return _plausible(parse_date(str(value)))
    except ValueError as exc:
        raise CellError(str(exc)) from None


def _plausible(day: date) -> date:
    if day < EARLIEST_DATE:
        raise CellError(
            _("{date} is before {earliest}: check the date.").format(
                date=day.strftime("%d/%m/%Y"), earliest=EARLIEST_DATE.strftime("%d/%m/%Y")
            )
        )
    return day


@lru_cache(maxsize=512)
def _choice_key(text: str) -> str:
    """A choice as typed, folded: the same few words on thousands of rows ("Nam", "Đại học") are folded once."""
    return fold(text).replace(".", "").strip()


def _choice(value: Any, words: dict[str, str], allowed: str) -> str | None:
    text = _text(value)
    if not text:
        return None
    code = words.get(_choice_key(text))
    if code is None:
        raise CellError(_("“{text}” is not one of: {allowed}.").format(text=text, allowed=allowed))
    return code


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        raise CellError(_("“{text}” is not a number.").format(text=value)) from None


def _card(cell: Any) -> str | None:
    value = cell.value
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise CellError(_("“{text}” is not a card number.").format(text=value))
        return restore_card_width(str(int(value)), getattr(cell, "number_format", "General") or "General")
    return _text(value).replace(" ", "")


READERS: dict[str, Callable[[Any], Any]] = {
    "text": lambda cell: _text(cell.value),
    "date": lambda cell: _date(cell.value),
    "gender": lambda cell: _choice(cell.value, GENDER_WORDS, "Nam, Nữ"),
    "education": lambda cell: _choice(
        cell.value, EDUCATION_WORDS, "Tiến sĩ, Thạc sĩ, Đại học, Cao đẳng, Trung cấp, Sơ cấp"
    ),
    "theory": lambda cell: _choice(cell.value, THEORY_WORDS, "Cao cấp, Cử nhân, Trung cấp, Sơ cấp"),
    "card": _card,
    "number": lambda cell: _number(cell.value),
    "level": lambda cell: _choice(cell.value, LEVEL_WORDS, "HTXSNV, HTTNV, HTNV, KHTNV"),
}


# --- planning: what each row will do -----------------------------------------------------------------------


def _read(cell: SheetCell, most: int, reader: Callable[[Any], Any]) -> Any:
    """The cell's value for its column (at most `most` characters, read by `reader`), refused when it cannot be one
    (an Excel error, TRUE/FALSE, too long)."""
    value = cell.value
    if cell.data_type == "e":
        raise CellError(
            _("the cell shows the Excel error {error}: correct its formula or type the value.").format(error=value)
        )
    if value is True or value is False:
        raise CellError(_("the cell holds TRUE or FALSE (a yes/no value), not a value of this column: type the value."))
    if isinstance(value, str) and len(value) > most and len(normalize_text(value)) > most:
        raise CellError(
            _("the text is {n} characters long; this column takes at most {most}.").format(
                n=len(normalize_text(value)), most=most
            )
        )
    return reader(cell)


@lru_cache(maxsize=64)
def _column_reading(column: Column) -> tuple[int, Callable[[Any], Any]]:
    """The column's length limit and reader (looked up once, not for each of its 10,000 cells)."""
    return TEXT_LIMITS.get(column.field, OTHER_CELL_CHARS), READERS[column.kind]


def row_values(
    number: int, cells: tuple[SheetCell, ...], columns: dict[int, Column]
) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    errors: list[str] = []
    width = len(cells)
    for index, column in columns.items():
        if index >= width:
            continue
        try:
            values[column.field] = _read(cells[index], *_column_reading(column))
        except CellError as exc:
            errors.append(
                _("Row {row}, column “{column}”: {problem}").format(row=number, column=column.header, problem=exc)
            )
    return values, errors


def unreadable(number: int, header: str, errors: list[str]) -> bool:
    """Whether row_values could not read the row's cell of the column `header` (its message says why)."""
    where = _("Row {row}, column “{column}”: {problem}").format(row=number, column=header, problem="")
    return any(e.startswith(where) for e in errors)


@dataclass
class _Known:
    by_card: dict[str, Member]
    by_person: dict[tuple[str, date | None], Member]

    @classmethod
    def load(cls, session: Session) -> _Known:
        members = list(session.scalars(select(Member)))
        return cls(
            {m.card_number: m for m in members if m.card_number}, {(m.search_key, m.birth_date): m for m in members}
        )


def _membership(data: MemberData) -> MemberData:
    if data.status in ("official", "probationary"):
        status = "official" if data.official_on else "probationary"
        return data if status == data.status else replace(data, status=status)
    return data


class _Planner:
    def __init__(self, session: Session, columns: dict[int, Column], today: date) -> None:
        self.session, self.columns, self.today = session, columns, today
        self.known = _Known.load(session)
        self.headers = {c.field: c.header for c in columns.values()}
        self.seen_cards: dict[str, int] = {}
        self.seen_people: dict[tuple[str, date | None], int] = {}

    def plan(self, number: int, cells: tuple[SheetCell, ...]) -> RowPlan:
        values, errors = row_values(number, cells, self.columns)
        name = values.get("full_name", "")
        if not name and not unreadable(number, "Họ và tên", errors):
            errors.append(_("Row {row}, column “Họ và tên”: the name is empty.").format(row=number))
        card, person = values.get("card_number"), (fold(name), values.get("birth_date"))
        errors += self._duplicates(number, card, person)
        match = self.known.by_card.get(card) if card else None
        if match is not None and match.search_key != person[0]:
            errors.append(
                _("Row {row}: card number {card} belongs to {name} in the data file, not to this name.").format(
                    row=number, card=card, name=match.full_name
                )
            )
        match = match or self.known.by_person.get(person)
        if errors:
            return RowPlan(number, "reject", messages=errors, name=name)
        filled = {k: v for k, v in values.items() if v is not None and v != ""}
        base = MemberData.of(match) if match else None
        data = _membership(replace(base, **filled) if base else MemberData(**filled))
        owner = self.known.by_card.get
        found = problems(
            self.session,
            data.normalized(),
            self.today,
            match.id if match else None,
            card_owner=lambda card: m.id if (m := owner(card)) is not None else None,
        )
        if found:
            return RowPlan(
                number, "reject", messages=[self._where(number, p.field) + p.message for p in found], name=name
            )
        if match is None:
            return RowPlan(number, "add", data, name=name)
        return RowPlan(number, "unchanged" if data == base else "update", data, match.id, name=name)

    def _duplicates(self, number: int, card: str | None, person: tuple[str, date | None]) -> list[str]:
        errors = []
        if card and card in self.seen_cards:
            errors.append(
                _("Row {row}: card number {card} is already on row {other}.").format(
                    row=number, card=card, other=self.seen_cards[card]
                )
            )
        elif person in self.seen_people and person[0]:
            errors.append(
                _("Row {row}: the same name and date of birth are already on row {other}.").format(
                    row=number, other=self.seen_people[person]
                )
            )
        if card:
            self.seen_cards.setdefault(card, number)
        self.seen_people.setdefault(person, number)
        return errors

    def _where(self, number: int, field_name: str) -> str:
        header = self.headers.get(field_name)
        if header:
            return _("Row {row}, column “{column}”: ").format(row=number, column=header)
        return _("Row {row}: ").format(row=number)


def plan_import(session: Session, path: Path, today: date) -> ImportPlan:
    """What importing `path` would do, row by row. Reads only; writes nothing."""
    with bulk():
        sheet, columns, rows = read_sheet(path)
        planner = _Planner(session, columns, today)
        plans = [planner.plan(n, cells) for n, cells in rows if any(c.value not in (None, "") for c in cells)]
        del rows  # the sheet's 100,000 cells go now: the collector, on again, would walk them once more (~60 ms)
    if not plans:
        raise ValidationError(_("The sheet “{sheet}” has a header row but no member under it.").format(sheet=sheet))
    return ImportPlan(path, sheet, plans)


ADD_BATCH = 1000  # new members written per insert: progress and cancel between batches


def apply_import(
    session: Session,
    plan: ImportPlan,
    *,
    now: datetime,
    actor: str,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> None:
    """Write a clean plan in the caller's transaction (all rows or, on any error or a cancel, none)."""
    if not plan.clean:
        raise ValidationError(_("The file has rejected rows; nothing was imported. Correct them and try again."))
    total, done = len(plan.rows), 0
    for row in plan.rows:  # the members already in the file, one by one (each audited with what changed)
        if row.action == "update":
            if row.data is None or row.member_id is None:
                raise ValueError(f"row {row.row}: a member to update without its values or its id")
            stop_if(cancelled)
            update_member(session, row.member_id, row.data, now=now, actor=actor)
            done += 1
            if done % 100 == 0:
                progress(done, total)
    adds = [row.data for row in plan.rows if row.action == "add"]
    if any(data is None for data in adds):
        raise ValueError("a member to add without its values")
    for start in range(0, len(adds), ADD_BATCH):  # the new ones in batches: one insert each
        stop_if(cancelled)
        progress(done + start, total)
        with bulk():
            add_members(session, [d for d in adds[start : start + ADD_BATCH] if d is not None], now=now, actor=actor)
