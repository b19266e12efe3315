"""The local days off of a data file (besides the national holidays): kept in the file (schema 12), so a backup carries
them and every computer that opens the file counts the same working days. Each computer's old setting
(`extra_days_off` in its settings file, before schema 12) is read into a file once."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity
from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.store import audit
from khoidesktop.store.models import DayOff


def days_off(session: Session) -> list[date]:
    """The file's local days off, in order."""
    return list(session.scalars(select(DayOff.on_date).order_by(DayOff.on_date)))


def work_calendar(session: Session) -> WorkCalendar:
    """Working days: the national calendar less the file's local days off."""
    return WorkCalendar(days_off(session))


def set_days_off(session: Session, days: Iterable[date], *, now: datetime, actor: str) -> list[date]:
    """Replace the file's local days off by `days` (audited when they change); returns them in order."""
    new, old = sorted(set(days)), days_off(session)
    if new != old:
        session.execute(delete(DayOff))
        session.add_all(DayOff(on_date=day) for day in new)
        row = get_identity(session)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="update",
            entity="identity",
            entity_id=row.id if row is not None else None,
            changes={"days_off": ([d.isoformat() for d in old], [d.isoformat() for d in new])},
        )
    return new


def adopt_local_days_off(session: Session, local: Iterable[date], *, now: datetime, actor: str) -> list[date]:
    """Once per file: add this computer's old days off (its settings, before they moved into the file) to the file's.
    Returns the days added (none when the file already took them in, from this computer or another)."""
    row = get_identity(session)
    if row is None or row.days_off_adopted:
        return []
    have = set(days_off(session))
    added = sorted(set(local) - have)
    if added:
        set_days_off(session, have | set(added), now=now, actor=actor)
    row.days_off_adopted = True
    return added
