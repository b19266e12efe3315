"""Read-only member lists: badges in a year, rows for the member table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.members import ACTIVE_STATUSES
from khoidesktop.domain.names import fold
from khoidesktop.domain.party_age import badge_reached_in, party_age
from khoidesktop.store.database import STREAM
from khoidesktop.store.models import Member


def badges_in(session: Session, year: int) -> list[tuple[Member, int]]:
    """Active members whose Party age reaches a badge milestone during `year`, in Vietnamese order."""
    query = (
        select(Member)
        .where(Member.status.in_(ACTIVE_STATUSES), Member.admitted_on.is_not(None))
        .order_by(Member.sort_key, Member.id)
    )
    found = []
    for member in session.scalars(query):
        badge = badge_reached_in(member.admitted_on, year)
        if badge is not None:
            found.append((member, badge))
    return found


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One line of the member table: what it shows, plus the keys it sorts and searches on."""

    id: int
    full_name: str
    sort_key: str
    search_key: str  # folded name and card number: "nguyen van dinh 00123456"
    birth_date: date | None
    gender: str | None
    status: str
    card_number: str | None
    admitted_on: date | None
    official_on: date | None
    position: str
    work_unit: str
    ethnicity: str
    religion: str
    home_town: str
    professional_education: str | None
    political_theory: str | None
    phone: str
    party_age: int | None  # whole years since admission, on the day the list was read


SHARED_VALUES = frozenset(
    ("gender", "status", "position", "work_unit", "ethnicity", "religion", "home_town", "professional_education")
    + ("political_theory",)
)
ROW_COLUMNS = [c for c in MemberRow.__dataclass_fields__ if c not in ("search_key", "party_age")]


def member_rows(session: Session, today: date) -> list[MemberRow]:
    """Every member (active or not), in Vietnamese order; one light query, no ORM objects."""
    columns = [getattr(Member, name) for name in ROW_COLUMNS]
    result = session.execute(select(*columns).order_by(Member.sort_key, Member.id), execution_options=STREAM)
    rows = []
    shared: dict[Any, Any] = {}  # one text for the values many members have (status, gender, position …)
    for values in result:
        data = {
            name: shared.setdefault(value, value) if name in SHARED_VALUES else value
            for name, value in zip(ROW_COLUMNS, values, strict=True)
        }
        data["search_key"] = f"{fold(data['full_name'])} {data['card_number'] or ''}"
        data["party_age"] = party_age(data["admitted_on"], today)
        rows.append(MemberRow(**data))
    return rows
