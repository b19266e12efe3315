"""Which record an audit entry is about, in words: the member's name, the meeting's kind and date … read from the
record where it still exists (a page's records in one query per kind), else from what the log kept of it when it was
withdrawn (every value it held; an id is never given twice, so that entry is about this record), else from what the
entry itself kept."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.audit_log.labels import value_text
from khoidesktop.i18n import _
from khoidesktop.store.audit import WITHDRAW
from khoidesktop.store.models import (
    AuditEntry,
    Candidate,
    Identity,
    Meeting,
    Member,
    MemberEvent,
    Rating,
    Unit,
    UnitBundle,
)

Detail = dict[str, list[Any]]
Item = tuple[str, int | None, Detail]  # entity, entity_id, the entry's detail


def _new(detail: Detail, field: str) -> Any:
    """The value an entry gave a field (or the one it took away, for a deletion)."""
    pair = detail.get(field)
    if not isinstance(pair, list) or len(pair) != 2:
        return None
    return pair[1] if pair[1] is not None else pair[0]


def _by_id(session: Session, model: Any, ids: set[int]) -> dict[int, Any]:
    if not ids:
        return {}
    return {row.id: row for row in session.scalars(select(model).where(model.id.in_(ids)))}


class _Names:
    """The records of one page of entries, loaded once."""

    def __init__(self, session: Session, items: list[Item]) -> None:
        def ids(*entities: str) -> set[int]:
            return {i for e, i, _d in items if e in entities and i is not None}

        self.events = _by_id(session, MemberEvent, ids("member_event"))
        self.ratings = _by_id(session, Rating, ids("rating"))
        self.meetings = _by_id(session, Meeting, ids("meeting"))
        self.candidates = _by_id(session, Candidate, ids("candidate"))
        self.bundles = _by_id(session, UnitBundle, ids("unit_bundle"))
        member_ids = ids("member") | {e.member_id for e in self.events.values()}
        member_ids |= {r.member_id for r in self.ratings.values()}
        member_ids |= {m for e, _i, d in items if e == "member_event" and isinstance(m := _new(d, "member_id"), int)}
        self.members: dict[int, str] = {
            row.id: row.full_name
            for row in session.execute(select(Member.id, Member.full_name).where(Member.id.in_(member_ids)))
        }
        unit_ids = ids("unit", "unit_rating") | {b.unit_id for b in self.bundles.values()}
        self.units: dict[int, str] = {
            row.id: row.name for row in session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)))
        }
        self.identity = session.scalars(select(Identity).limit(1)).first()

    def member(self, entity_id: int | None, detail: Detail) -> str:
        return self.members.get(entity_id or 0) or str(_new(detail, "full_name") or "")

    def member_event(self, entity_id: int | None, detail: Detail) -> str:
        event = self.events.get(entity_id or 0)
        if event is not None:
            member_id, kind, on = event.member_id, event.kind, event.on_date
        else:
            member_id, kind, on = _new(detail, "member_id"), _new(detail, "kind"), _new(detail, "on_date")
        parts = [
            self.members.get(member_id, "") if isinstance(member_id, int) else "",
            value_text("member_event", "kind", kind) if kind else "",
            value_text("member_event", "on_date", on) if on else "",
        ]
        return ", ".join(p for p in parts if p)

    def meeting(self, entity_id: int | None, detail: Detail) -> str:
        meeting = self.meetings.get(entity_id or 0)
        if meeting is not None:
            kind, on = meeting.kind, meeting.on_date
        else:
            kind, on = _new(detail, "kind"), _new(detail, "on_date")
        parts = [
            value_text("meeting", "kind", kind) if kind else "",
            value_text("meeting", "on_date", on) if on else "",
        ]
        return " ".join(p for p in parts if p)

    def rating(self, entity_id: int | None, detail: Detail) -> str:
        rating = self.ratings.get(entity_id or 0)
        if rating is None:
            return ""
        return _("{name}, year {year}").format(name=self.members.get(rating.member_id, ""), year=rating.year)

    def rating_year(self, entity_id: int | None, detail: Detail) -> str:
        return _("Year {year}").format(year=entity_id) if entity_id else ""

    def candidate(self, entity_id: int | None, detail: Detail) -> str:
        candidate = self.candidates.get(entity_id or 0)
        return candidate.full_name if candidate is not None else str(_new(detail, "full_name") or "")

    def unit(self, entity_id: int | None, detail: Detail) -> str:
        return self.units.get(entity_id or 0) or str(_new(detail, "name") or "")

    def unit_rating(self, entity_id: int | None, detail: Detail) -> str:
        year = _new(detail, "year")
        name = self.units.get(entity_id or 0, "")
        return _("{name}, year {year}").format(name=name, year=year) if year else name

    def unit_bundle(self, entity_id: int | None, detail: Detail) -> str:
        bundle = self.bundles.get(entity_id or 0)
        if bundle is not None:
            return f"{self.units.get(bundle.unit_id, '')}, {bundle.period}"
        return ", ".join(str(v) for v in (_new(detail, "unit"), _new(detail, "period")) if v)

    def identity_name(self, entity_id: int | None, detail: Detail) -> str:
        from khoidesktop.datafile.identity import display_name

        return display_name(self.identity) if self.identity is not None else ""

    def find(self, entity: str) -> Callable[[int | None, Detail], str] | None:
        named: dict[str, Callable[[int | None, Detail], str]] = {
            "member": self.member,
            "member_event": self.member_event,
            "meeting": self.meeting,
            "rating": self.rating,
            "rating_year": self.rating_year,
            "candidate": self.candidate,
            "unit": self.unit,
            "unit_rating": self.unit_rating,
            "unit_bundle": self.unit_bundle,
            "identity": self.identity_name,
        }
        return named.get(entity)


def _withdrawn(session: Session, items: list[Item]) -> dict[tuple[str, int], Detail]:
    """What the log kept of each record of the page that was withdrawn: {(entity, id): every value it held}."""
    ids = {i for _e, i, _d in items if i is not None}
    if not ids:
        return {}
    entities = {e for e, i, _d in items if i is not None}
    query = select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.detail).where(
        AuditEntry.entity.in_(entities), AuditEntry.entity_id.in_(ids), AuditEntry.action == WITHDRAW
    )  # by the log's index of records
    kept: dict[tuple[str, int], Detail] = {}
    for entity, entity_id, text in session.execute(query):
        try:
            detail = json.loads(text)
        except ValueError:
            continue
        if isinstance(detail, dict) and entity_id is not None:
            kept[entity, entity_id] = detail
    return kept


def record_names(session: Session, items: Iterable[Item]) -> list[str]:
    """For each (entity, id, detail), the record in words; "số 12" when nothing more is known."""
    listed = list(items)
    kept = _withdrawn(session, listed)
    listed = [(e, i, kept.get((e, i), d) if i is not None else d) for e, i, d in listed]
    names = _Names(session, listed)
    found = []
    for entity, entity_id, detail in listed:
        name_of = names.find(entity)
        name = name_of(entity_id, detail) if name_of is not None else ""
        found.append(name or (_("no. {id}").format(id=entity_id) if entity_id is not None else ""))
    return found
