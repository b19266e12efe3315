"""The audit log read for display: who changed what, when, old → new, in words; newest first, a page at a time
(a file may hold 100,000 entries), filtered by kind of record, by dates and by text (without accents)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from khoidesktop.audit_log.labels import (
    ENTITY_LABELS,
    HIDDEN_FIELDS,
    action_label,
    field_label,
    value_text,
    when_text,
)
from khoidesktop.audit_log.names import record_names
from khoidesktop.domain.limits import AUDIT_PAGE_ROWS as MAX_PAGE
from khoidesktop.domain.names import fold
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store.models import AuditEntry

PAGE_SIZE = 200  # rows a page shows
_BATCH = 500  # entries read from the file at a time while looking for matches
SCAN_LIMIT = 20_000  # entries one read looks through for a text at most (about a second); the page's `next` goes on


@dataclass(frozen=True)
class AuditFilter:
    entity: str | None = None  # a key of ENTITY_LABELS; None: every kind of record
    since: date | None = None  # from this day (included)
    until: date | None = None  # to this day (included)
    text: str = ""  # every word found in the row, accents ignored

    def checked(self) -> AuditFilter:
        if self.entity is not None and self.entity not in ENTITY_LABELS:
            raise ValidationError(
                _("“{value}” is not a kind of record of the log. The kinds are: {kinds}.").format(
                    value=self.entity, kinds=", ".join(ENTITY_LABELS)
                )
            )
        if self.since is not None and self.until is not None and self.since > self.until:
            raise ValidationError(_("The first day comes after the last one: swap them."))
        return self


@dataclass(frozen=True)
class Change:
    field: str  # its label
    old: str
    new: str


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    when: str  # dd/mm/yyyy hh:mm
    who: str
    what: str  # "Sửa đảng viên"
    record: str  # which one: the member's name, the meeting's kind and date …
    changes: tuple[Change, ...]

    @property
    def changes_text(self) -> str:
        return "; ".join(f"{c.field}: {c.old} → {c.new}" for c in self.changes)


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after the entry with this id (newest first: the order they were written in, which
    a clock put back cannot change)."""

    id: int


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    next: Cursor | None  # None: there is nothing more; else more rows may follow from here (or a search goes on)


Entry = tuple[int, datetime, str, str, str, int | None, str]  # id, at, actor, action, entity, entity_id, detail
_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.actor,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.detail,
)


def _detail(text: str | None) -> dict[str, list[Any]]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _changes(entity: str, detail: dict[str, list[Any]]) -> tuple[Change, ...]:
    found = []
    for field, pair in detail.items():
        if field in HIDDEN_FIELDS:
            continue
        old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
        old_text, new_text = value_text(entity, field, old), value_text(entity, field, new)
        if old_text != new_text:  # a withdrawn record's empty fields: "(trống) → (trống)" says nothing
            found.append(Change(field_label(entity, field), old_text, new_text))
    return tuple(found)


def _query(wanted: AuditFilter, after: Cursor | None) -> Select[int, datetime, str, str, str, int | None, str]:
    query = select(*_COLUMNS).order_by(AuditEntry.id.desc())
    if wanted.entity is not None:
        query = query.where(AuditEntry.entity == wanted.entity)
    if wanted.since is not None:
        query = query.where(AuditEntry.at >= datetime.combine(wanted.since, time.min))
    if wanted.until is not None:
        query = query.where(AuditEntry.at < datetime.combine(wanted.until + timedelta(days=1), time.min))
    if after is not None:
        query = query.where(AuditEntry.id < after.id)
    return query


def _batches(session: Session, wanted: AuditFilter, after: Cursor | None) -> Iterator[list[Entry]]:
    while True:
        batch: list[Entry] = list(session.execute(_query(wanted, after).limit(_BATCH)))
        if not batch:
            return
        yield batch
        after = Cursor(batch[-1][0])


class _Words:
    """What a page's codes read as, worked out once however many entries repeat them."""

    def __init__(self) -> None:
        self.actions: dict[tuple[str, str], str] = {}
        self.changes: dict[tuple[str, str], tuple[Change, ...]] = {}

    def action(self, action: str, entity: str) -> str:
        if (action, entity) not in self.actions:
            self.actions[action, entity] = action_label(action, entity)
        return self.actions[action, entity]

    def changes_of(self, entity: str, detail_text: str, detail: dict[str, list[Any]]) -> tuple[Change, ...]:
        if (entity, detail_text) not in self.changes:
            self.changes[entity, detail_text] = _changes(entity, detail)
        return self.changes[entity, detail_text]


def rows_of(session: Session, entries: list[Entry], words: _Words | None = None) -> list[AuditRow]:
    words = words or _Words()
    details = [_detail(e[6]) for e in entries]
    names = record_names(session, [(e[4], e[5], d) for e, d in zip(entries, details, strict=True)])
    rows = []
    for (entry_id, at, actor, action, entity, _entity_id, text), detail, name in zip(
        entries, details, names, strict=True
    ):
        changes = words.changes_of(entity, text, detail)
        rows.append(AuditRow(entry_id, at, when_text(at), actor, words.action(action, entity), name, changes))
    return rows


class _Search:
    """Every word of the query in the row, accents ignored (as the members' search: domain/names.py); a text
    folded once, however many rows repeat it (the same secretary, action, member …)."""

    def __init__(self, query: str) -> None:
        self.words = fold(query).split()
        self.folded: dict[str, str] = {}

    def _fold(self, text: str) -> str:
        if text not in self.folded:
            self.folded[text] = fold(text)
        return self.folded[text]

    def found(self, row: AuditRow) -> bool:
        parts = [row.when, row.who, row.what, row.record, *(c.field for c in row.changes)]
        parts += [value for c in row.changes for value in (c.old, c.new)]
        key = " ".join(self._fold(part) for part in parts)
        return all(word in key for word in self.words)


def audit_page(
    session: Session, wanted: AuditFilter = AuditFilter(), *, limit: int = PAGE_SIZE, after: Cursor | None = None
) -> AuditPage:
    """Up to `limit` rows of the log, newest first, from `after` on (a page's `next`). The file is read a few
    hundred entries at a time, never all at once."""
    wanted = wanted.checked()
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(_("Show from 1 to {most} entries at a time.").format(most=MAX_PAGE))
    rows: list[AuditRow] = []
    search, words = _Search(wanted.text), _Words()
    scanned = 0
    for batch in _batches(session, wanted, after):
        if scanned >= SCAN_LIMIT:
            return AuditPage(rows, after)  # not all looked through yet: the next read goes on from here
        scanned += len(batch)
        after = Cursor(batch[-1][0])
        for row in rows_of(session, batch, words):
            if search.words and not search.found(row):
                continue
            rows.append(row)
            if len(rows) == limit:
                cursor = Cursor(row.id)
                more = session.execute(_query(wanted, cursor).limit(1)).first()
                return AuditPage(rows, cursor if more is not None else None)
    return AuditPage(rows, None)


def entity_choices() -> list[tuple[str, str]]:
    """The kinds of record to filter by: (code, label), in the order of the labels' table."""
    from khoidesktop.audit_log.labels import capitalised, entity_label

    return [(code, capitalised(entity_label(code))) for code in ENTITY_LABELS]
