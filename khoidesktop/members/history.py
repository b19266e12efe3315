"""A member's history: recording events, and the status that follows from them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.events import DISCIPLINE_LEVELS, EVENT_KINDS, EventFact, status_on
from khoidesktop.domain.names import normalize_text
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store import audit
from khoidesktop.store.models import Member, MemberEvent


def events_of(session: Session, member_id: int) -> list[MemberEvent]:
    return list(
        session.scalars(
            select(MemberEvent).where(MemberEvent.member_id == member_id).order_by(MemberEvent.on_date, MemberEvent.id)
        )
    )


def facts(events: list[MemberEvent]) -> list[EventFact]:
    return [EventFact(e.kind, e.on_date, e.level) for e in events]


def status_on_date(events: list[EventFact], member: Member, on: date) -> str:
    """The member's status on a day. Without any history the status typed or imported is all we know;
    with history, the events alone decide (today's status says nothing about the past)."""
    return status_on(events, member.official_on, on, without_history=None if events else member.status)


def add_event(
    session: Session,
    member_id: int,
    kind: str,
    on_date: date,
    *,
    now: datetime,
    actor: str,
    document_number: str = "",
    level: str | None = None,
    note: str = "",
) -> MemberEvent:
    """Record an event; the member's status (and the admission/official dates if still empty) follow."""
    member = session.get(Member, member_id)
    if member is None:
        raise ValidationError(_("This member no longer exists in the data file."))
    if kind not in EVENT_KINDS:
        raise ValidationError(_("Unknown kind of event: {kind}.").format(kind=kind))
    if on_date > now.date():
        raise ValidationError(_("The date of the event is in the future."))
    if kind == "discipline" and level not in DISCIPLINE_LEVELS:
        raise ValidationError(_("Choose the level of the discipline."))
    if member.birth_date and on_date < member.birth_date:
        raise ValidationError(_("The date of the event is before the member's date of birth."))
    event = MemberEvent(
        member_id=member_id,
        kind=kind,
        on_date=on_date,
        level=level if kind == "discipline" else None,
        document_number=normalize_text(document_number),
        note=normalize_text(note),
        created_at=now,
    )
    session.add(event)
    if kind == "admitted" and member.admitted_on is None:
        member.admitted_on = on_date
    if kind == "official" and member.official_on is None:
        member.official_on = on_date
    session.flush()
    old_status = member.status
    member.status = status_on(
        facts(events_of(session, member_id)), member.official_on, now.date(), without_history=member.status
    )
    member.updated_at = now
    audit.record(
        session,
        at=now,
        actor=actor,
        action="create",
        entity="member_event",
        entity_id=event.id,
        changes={"kind": (None, kind), "on_date": (None, on_date), "status": (old_status, member.status)},
    )
    return event
