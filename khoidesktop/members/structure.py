"""The member structure on a date (DOMAIN.md, Member structure): counts and percentages."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.dates import whole_years_between
from khoidesktop.domain.events import EventFact
from khoidesktop.domain.members import ACTIVE_STATUSES
from khoidesktop.domain.structure import (
    AGE_BANDS,
    GROUP_LABELS,
    UNDER_40,
    Share,
    Structure,
    in_band,
    is_ethnic_minority,
    is_religious,
)
from khoidesktop.members.history import status_on_date
from khoidesktop.store.models import Member, MemberEvent

EDUCATION_KEYS = {
    "doctor": "doctorate",
    "master": "masters",
    "bachelor": "university",
    "college": "college",
    "intermediate": "intermediate_vocational",
    "elementary": "elementary_vocational",
    "none": "no_training",
}
THEORY_KEYS = {
    "advanced": "theory_advanced",
    "bachelor": "theory_bachelor",
    "intermediate": "theory_intermediate",
    "elementary": "theory_elementary",
    "none": "theory_none",
}


def members_on(session: Session, on: date) -> list[Member]:
    """Members who belonged to the cell's list on that day (by their history)."""
    events: dict[int, list[EventFact]] = defaultdict(list)
    for e in session.scalars(select(MemberEvent)):  # status_on replays only those up to `on`
        events[e.member_id].append(EventFact(e.kind, e.on_date, e.level))
    found = []
    for m in session.scalars(select(Member).order_by(Member.sort_key, Member.id)):
        if m.admitted_on is not None and m.admitted_on > on:
            continue
        if status_on_date(events[m.id], m, on) in ACTIVE_STATUSES:
            found.append(m)
    return found


def structure_on(session: Session, on: date) -> Structure:
    members = members_on(session, on)
    counts: Counter[str] = Counter()
    for m in members:
        counts["women"] += m.gender == "female"
        counts["ethnic_minority"] += is_ethnic_minority(m.ethnicity)
        counts["religious"] += is_religious(m.religion)
        official = m.official_on is not None and m.official_on <= on
        counts["official" if official else "probationary"] += 1
        if m.birth_date is None:
            counts["age_unknown"] += 1
        else:
            age = whole_years_between(m.birth_date, on)
            for band in (*AGE_BANDS, UNDER_40):
                counts[band.key] += in_band(age, band)
        counts[EDUCATION_KEYS.get(m.professional_education or "", "education_unknown")] += 1
        counts[THEORY_KEYS.get(m.political_theory or "", "theory_unknown")] += 1
    total = len(members)
    return Structure(on, total, {key: Share(counts[key], total) for key in GROUP_LABELS})
