"""Read-only member lists: badges in a year, rows for the member table."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.members import ACTIVE_STATUSES
from khoidesktop.domain.party_age import BADGE_MILESTONES, badge_reached_in
from khoidesktop.store.models import Member


def badges_in(session: Session, year: int) -> list[tuple[Member, int]]:
    """Active members whose Party age reaches a badge milestone during `year`, in Vietnamese order."""
    years = [year - m for m in BADGE_MILESTONES]
    query = (select(Member).where(Member.status.in_(ACTIVE_STATUSES), Member.admitted_on.is_not(None))
             .order_by(Member.sort_key, Member.id))
    found = []
    for member in session.scalars(query):
        if member.admitted_on.year in years:
            found.append((member, badge_reached_in(member.admitted_on, year)))
    return found
