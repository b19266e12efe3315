"""Members: adding (with the derived name and search keys) and the headline counts."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.domain.members import ACTIVE_STATUSES, STATUSES
from khoidesktop.domain.names import fold, normalize_text, sort_key, split_name
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.services import audit
from khoidesktop.store.models import Member


@dataclass(frozen=True)
class MemberData:
    full_name: str
    birth_date: date | None = None
    gender: str | None = None
    ethnicity: str = ""
    religion: str = ""
    home_town: str = ""
    residence: str = ""
    position: str = ""
    work_unit: str = ""
    general_education: str = ""
    professional_education: str | None = None
    political_theory: str | None = None
    admitted_on: date | None = None
    official_on: date | None = None
    card_number: str | None = None
    personal_id: str | None = None
    phone: str = ""
    status: str = "official"


def _text_fields(data: MemberData) -> dict:
    values = {}
    for f in fields(data):
        value = getattr(data, f.name)
        values[f.name] = normalize_text(value) if isinstance(value, str) else value
    return values


def add_member(session: Session, data: MemberData, *, now: datetime, actor: str) -> Member:
    values = _text_fields(data)
    if not values["full_name"]:
        raise ValidationError(_("Please fill in the member's full name."))
    if values["status"] not in STATUSES:
        raise ValidationError(_("Unknown member status: {status}.").format(status=values["status"]))
    card = values["card_number"] or None
    if card and session.scalar(select(Member.id).where(Member.card_number == card)) is not None:
        raise ValidationError(_("Party card number {card} already belongs to another member.")
                              .format(card=card))
    parts = split_name(values["full_name"])
    member = Member(**{**values, "card_number": card}, family_name=parts.family, middle_name=parts.middle,
                    given_name=parts.given, sort_key=sort_key(values["full_name"]),
                    search_key=fold(values["full_name"]), created_at=now, updated_at=now)
    session.add(member)
    session.flush()
    audit.record(session, at=now, actor=actor, action="create", entity="member", entity_id=member.id)
    return member


@dataclass(frozen=True)
class HeadlineCounts:
    active: int
    official: int
    probationary: int
    women: int
    exempt: int


def headline_counts(session: Session) -> HeadlineCounts:
    active = Member.status.in_(ACTIVE_STATUSES)
    by_status = dict(session.execute(
        select(Member.status, func.count()).where(active).group_by(Member.status)).all())
    women = session.scalar(select(func.count()).where(active, Member.gender == "female")) or 0
    return HeadlineCounts(active=sum(by_status.values()), official=by_status.get("official", 0),
                          probationary=by_status.get("probationary", 0), women=women,
                          exempt=by_status.get("exempt", 0))


def active_members(session: Session) -> list[Member]:
    """The cell's current list in Vietnamese order."""
    return list(session.scalars(select(Member).where(Member.status.in_(ACTIVE_STATUSES))
                                .order_by(Member.sort_key, Member.id)))
