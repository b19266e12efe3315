"""A member's history: recording events, and the status that follows from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.events import DISCIPLINE_LEVELS, EVENT_KINDS, STATUS_EVENT_KINDS, EventFact, status_on
from khoidesktop.domain.members import STATUSES, label
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


class HasStatus(Protocol):
    """What a member's status on a day needs of the member: a stored member, or a listed one (ListedMember)."""

    @property
    def official_on(self) -> date | None: ...

    @property
    def status(self) -> str: ...


def status_on_date(events: list[EventFact], member: HasStatus, on: date) -> str:
    """The member's status on a day. Without any history the status typed or imported is all we know;
    with history, the events alone decide (today's status says nothing about the past)."""
    return status_on(events, member.official_on, on, without_history=None if events else member.status)


@dataclass(frozen=True)
class StatusChange:
    """What recording (or withdrawing) an event does to the member's status today: shown before it is done."""

    member_name: str
    kind: str  # domain.events.EVENT_KINDS
    on_date: date
    before: str  # domain.members.STATUSES
    after: str
    level: str | None = None

    @property
    def changes(self) -> bool:
        return self.before != self.after

    def event_label(self) -> str:
        what = label(EVENT_KINDS, self.kind)
        return f"{what} ({label(DISCIPLINE_LEVELS, self.level).lower()})" if self.level else what

    def status_line(self) -> str:
        if not self.changes:
            return _("Status stays {status}.").format(status=label(STATUSES, self.before))
        return _("Status: {before} → {after}.").format(
            before=label(STATUSES, self.before), after=label(STATUSES, self.after)
        )


def _checked_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise ValidationError(_("This member no longer exists in the data file."))
    return member


def _check_event(member: Member, kind: str, on_date: date, level: str | None, today: date) -> None:
    if kind not in EVENT_KINDS:
        raise ValidationError(_("Unknown kind of event: {kind}.").format(kind=kind))
    if on_date > today:
        raise ValidationError(_("The date of the event is in the future."))
    if kind == "discipline" and level not in DISCIPLINE_LEVELS:
        raise ValidationError(_("Choose the level of the discipline."))
    if member.birth_date and on_date < member.birth_date:
        raise ValidationError(_("The date of the event is before the member's date of birth."))


def _dates_after(member: Member, kind: str, on_date: date) -> dict[str, tuple[date | None, date]]:
    """The admission and official dates an event fills in when they are still empty."""
    filled: dict[str, tuple[date | None, date]] = {}
    if kind == "admitted" and member.admitted_on is None:
        filled["admitted_on"] = (None, on_date)
    if kind == "official" and member.official_on is None:
        filled["official_on"] = (None, on_date)
    return filled


def event_effect(
    session: Session, member_id: int, kind: str, on_date: date, today: date, level: str | None = None
) -> StatusChange:
    """What recording this event would do to the member's status (nothing is written); the same checks and the
    same reckoning as add_event, so what the user is shown is what happens."""
    member = _checked_member(session, member_id)
    _check_event(member, kind, on_date, level, today)
    official_on = _dates_after(member, kind, on_date).get("official_on", (None, member.official_on))[1]
    level = level if kind == "discipline" else None
    history = [*facts(events_of(session, member_id)), EventFact(kind, on_date, level)]
    after = status_on(history, official_on, today, without_history=member.status)
    return StatusChange(member.full_name, kind, on_date, member.status, after, level)


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
    member = _checked_member(session, member_id)
    _check_event(member, kind, on_date, level, now.date())
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
    filled = _dates_after(member, kind, on_date)
    for name, (_old, new) in filled.items():
        setattr(member, name, new)
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
        changes={"kind": (None, kind), "on_date": (None, on_date), "status": (old_status, member.status), **filled},
    )
    return event


# --- an event entered in error ("nhập nhầm") ---------------------------------------------------------------


def _load_event(session: Session, event_id: int) -> MemberEvent:
    event = session.get(MemberEvent, event_id)
    if event is None:
        raise ValidationError(_("This event is no longer in the member's history."))
    return event


def _recorded_with(session: Session, event: MemberEvent) -> dict[str, list[Any]]:
    """What the event's own audit entry says it changed (status before → after, dates it filled in)."""
    created = [e for e in audit.entries_for(session, "member_event", event.id) if e.action == "create"]
    return audit.detail_of(created[-1]) if created else {}


_DATE_OF_EVENT = {"admitted": "admitted_on", "official": "official_on"}


def _withdrawn_state(
    session: Session, event: MemberEvent, today: date, *, with_date: bool = False
) -> tuple[str, dict[str, tuple[Any, Any]]]:
    """The member's status once the event is withdrawn, and the dates it had filled in, put back (`with_date`: the
    date the event stands for goes too, as when the recruitment step that set both is withdrawn)."""
    member = _checked_member(session, event.member_id)
    recorded = _recorded_with(session, event)
    dates: dict[str, tuple[Any, Any]] = {}
    for name in ("admitted_on", "official_on"):
        filled = name in recorded or (with_date and _DATE_OF_EVENT.get(event.kind) == name)
        if filled and getattr(member, name) == event.on_date:
            dates[name] = (event.on_date, None)
    official_on = dates.get("official_on", (None, member.official_on))[1]
    remaining = facts([e for e in events_of(session, member.id) if e.id != event.id])
    before = recorded.get("status", [None, None])[0]
    if not isinstance(before, str) or before not in STATUSES:  # an event from before the audit said so
        before = member.status if event.kind not in STATUS_EVENT_KINDS else None
    return status_on(remaining, official_on, today, without_history=before), dates


def event_withdrawal(session: Session, event_id: int, today: date) -> StatusChange:
    """What withdrawing an event entered in error does (nothing is written): refused for an event that a
    recruitment file recorded (its step is withdrawn instead)."""
    event = _load_event(session, event_id)
    member = _checked_member(session, event.member_id)
    if event.kind in ("admitted", "official"):
        from khoidesktop.store.models import Candidate

        made_by = session.scalar(select(Candidate).where(Candidate.member_id == member.id))
        if made_by is not None:
            raise ValidationError(
                _(
                    "This event was recorded by {name}'s recruitment file: withdraw the step there "
                    "(page “Party member recruitment”, “Withdraw the last step…”)."
                ).format(name=member.full_name)
            )
    after, _dates = _withdrawn_state(session, event, today)
    return StatusChange(member.full_name, event.kind, event.on_date, member.status, after, event.level)


def withdraw_event(session: Session, event_id: int, *, now: datetime, actor: str) -> StatusChange:
    """Take back an event entered in error: the member's status (and any date the event filled in) goes back to
    what it would be without it; the audit log keeps the event's entry and this withdrawal."""
    event_withdrawal(session, event_id, now.date())  # its checks
    return withdraw_event_row(session, _load_event(session, event_id), now=now, actor=actor)


def withdraw_event_row(
    session: Session, event: MemberEvent, *, now: datetime, actor: str, with_date: bool = False
) -> StatusChange:
    """Withdraw one event without asking who recorded it: for the recruitment step that recorded it."""
    member = _checked_member(session, event.member_id)
    after, dates = _withdrawn_state(session, event, now.date(), with_date=with_date)
    change = StatusChange(member.full_name, event.kind, event.on_date, member.status, after, event.level)
    audit.withdraw_row(session, event, at=now, actor=actor, entity="member_event")
    for name, (_old, new) in dates.items():
        setattr(member, name, new)
    if member.status != after or dates:
        audit.record(
            session,
            at=now,
            actor=actor,
            action="update",
            entity="member",
            entity_id=member.id,
            changes={"status": (member.status, after), **dates},
        )
    member.status = after
    member.updated_at = now
    session.flush()
    return change
