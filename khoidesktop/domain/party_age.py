"""Party age and the Party badge milestones (Huy hiệu Đảng)."""

from __future__ import annotations

from datetime import date

from khoidesktop.domain.dates import whole_years_between

# Years of Party age at which a badge is awarded (Quy định về xét tặng Huy hiệu Đảng).
BADGE_MILESTONES: tuple[int, ...] = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)


def party_age(admitted_on: date | None, on: date) -> int | None:
    """Whole years since the admission decision (None when the date is not known)."""
    if admitted_on is None or admitted_on > on:
        return None
    return whole_years_between(admitted_on, on)


def badge_reached_in(admitted_on: date | None, year: int) -> int | None:
    """The badge milestone the member reaches during `year`, if any."""
    if admitted_on is None:
        return None
    years = year - admitted_on.year
    return years if years in BADGE_MILESTONES else None
