"""The member structure on a date (DOMAIN.md, Member structure): counts and percentages."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from khoidesktop.domain.dates import whole_years_between
from khoidesktop.domain.events import EventFact
from khoidesktop.domain.members import ACTIVE_STATUSES
from khoidesktop.domain.names import sort_key
from khoidesktop.domain.structure import (
    AGE_BANDS,
    EDUCATION_KEYS,
    GROUP_LABELS,
    THEORY_KEYS,
    UNDER_40,
    Share,
    Structure,
    in_band,
    is_ethnic_minority,
    is_religious,
)
from khoidesktop.members.history import status_on_date
from khoidesktop.store.database import STREAM
from khoidesktop.store.models import Candidate, CandidateStep, Member, MemberEvent


class ListedMember(NamedTuple):
    """A member as the lists and counts read them: plain values, not a stored record (10,000 of these take a tenth
    of the memory of as many loaded records, and nothing is kept by the session)."""

    id: int
    full_name: str
    birth_date: date | None
    gender: str | None
    ethnicity: str
    religion: str
    professional_education: str | None
    political_theory: str | None
    admitted_on: date | None
    official_on: date | None
    status: str


SHARED = frozenset(("gender", "ethnicity", "religion", "professional_education", "political_theory", "status"))
LISTED_COLUMNS = tuple(getattr(Member, name) for name in ListedMember._fields)


def statuses_on(session: Session, on: date) -> list[tuple[ListedMember, str]]:
    """The members on the cell's list on that day (by their history), each with their status that day."""
    return list(iter_statuses_on(session, on))


def iter_statuses_on(session: Session, on: date) -> Iterator[tuple[ListedMember, str]]:
    """statuses_on one member at a time, for a count that keeps none of them."""
    events = _event_facts(session)
    for m in _listed(session):
        status = _active_status(m, events, on)
        if status is not None:
            yield m, status


def statuses_on_days(session: Session, days: Iterable[date]) -> dict[date, list[tuple[ListedMember, str]]]:
    """statuses_on for several days (the rating dates of five years), the members and their history read once."""
    events, members = _event_facts(session), list(_listed(session))
    found: dict[date, list[tuple[ListedMember, str]]] = {}
    for day in days:
        found[day] = [(m, status) for m in members if (status := _active_status(m, events, day)) is not None]
    return found


def _event_facts(session: Session) -> dict[int, list[EventFact]]:
    events: dict[int, list[EventFact]] = defaultdict(list)
    for member_id, kind, on_date, level in session.execute(
        select(MemberEvent.member_id, MemberEvent.kind, MemberEvent.on_date, MemberEvent.level)
    ):  # status_on replays only those up to the day asked
        events[member_id].append(EventFact(kind, on_date, level))
    return events


def _listed(session: Session) -> Iterator[ListedMember]:
    shared: dict[Any, Any] = {}  # one text for the values many members have (status, gender, ethnicity …)
    query = select(*LISTED_COLUMNS).order_by(Member.sort_key, Member.id)
    for row in session.execute(query, execution_options=STREAM):
        yield ListedMember._make(
            shared.setdefault(value, value) if name in SHARED else value
            for name, value in zip(ListedMember._fields, row, strict=True)
        )


def _active_status(m: ListedMember, events: dict[int, list[EventFact]], on: date) -> str | None:
    """The member's status that day if on the list, else None (not yet admitted, or left)."""
    if m.admitted_on is not None and m.admitted_on > on:
        return None
    status = status_on_date(events.get(m.id, []), m, on)
    return status if status in ACTIVE_STATUSES else None


def members_on(session: Session, on: date) -> list[ListedMember]:
    """Members who belonged to the cell's list on that day (by their history)."""
    return [member for member, _status in statuses_on(session, on)]


def official_on(member: ListedMember, on: date) -> bool:
    """Official (not probationary) on that day: the one definition every count uses. By the official date when
    there is one; a member saved as official (or exempt, …) without that date counts as official."""
    if member.official_on is not None:
        return member.official_on <= on
    return member.status != "probationary"


@dataclass(frozen=True)
class HeadlineCounts:
    """The overview's cards, on a day: the same members and the same definitions as the structure report."""

    active: int
    official: int
    probationary: int
    women: int
    exempt: int


def headline_counts(session: Session, on: date) -> HeadlineCounts:
    counts: Counter[str] = Counter()
    for m, status in iter_statuses_on(session, on):
        counts["active"] += 1
        counts["official"] += official_on(m, on)
        counts["women"] += m.gender == "female"
        counts["exempt"] += status == "exempt"
    return HeadlineCounts(
        active=counts["active"],
        official=counts["official"],
        probationary=counts["active"] - counts["official"],
        women=counts["women"],
        exempt=counts["exempt"],
    )


def admissions_between(session: Session, first: int, last: int) -> list[tuple[str, date, str]]:
    """Admissions from year `first` to `last` as (name, date of the admission decision, its number), by date: the
    members this cell admitted (entered by hand or made by a recruitment file; not those who came by transfer,
    admitted elsewhere), and the recruitment files whose decision is recorded but whose ceremony is still to come.
    The one definition of "admitted in the year" every screen, report and bundle uses."""
    came = select(MemberEvent.member_id).where(MemberEvent.kind == "transfer_in")
    numbers = {
        member_id: number
        for member_id, number in session.execute(
            select(MemberEvent.member_id, MemberEvent.document_number).where(MemberEvent.kind == "admitted")
        )
    }
    found = [
        (m.full_name, m.admitted_on, numbers.get(m.id, ""))
        for m in session.scalars(
            select(Member).where(extract("year", Member.admitted_on).between(first, last), Member.id.not_in(came))
        )
        if m.admitted_on is not None
    ]
    pending = session.execute(
        select(Candidate.full_name, CandidateStep.on_date, CandidateStep.document_number)
        .join(Candidate, Candidate.id == CandidateStep.candidate_id)
        .where(
            CandidateStep.step == "decision",
            Candidate.member_id.is_(None),
            extract("year", CandidateStep.on_date).between(first, last),
        )
    )
    found += [(name, on, number) for name, on, number in pending]
    return sorted(found, key=lambda a: (a[1], sort_key(a[0])))


def admitted_between(session: Session, first: int, last: int) -> int:
    return len(admissions_between(session, first, last))


def structure_on(session: Session, on: date) -> Structure:
    counts: Counter[str] = Counter()
    for m, _status in iter_statuses_on(session, on):
        counts["total"] += 1
        counts["women"] += m.gender == "female"
        counts["ethnic_minority"] += is_ethnic_minority(m.ethnicity)
        counts["religious"] += is_religious(m.religion)
        counts["official" if official_on(m, on) else "probationary"] += 1
        if m.birth_date is None:
            counts["age_unknown"] += 1
        else:
            age = whole_years_between(m.birth_date, on)
            for band in (*AGE_BANDS, UNDER_40):
                counts[band.key] += in_band(age, band)
        counts[EDUCATION_KEYS.get(m.professional_education or "", "education_unknown")] += 1
        counts[THEORY_KEYS.get(m.political_theory or "", "theory_unknown")] += 1
    total = counts["total"]
    return Structure(on, total, {key: Share(counts[key], total) for key in GROUP_LABELS})
