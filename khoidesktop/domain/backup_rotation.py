"""Which backups a rotation keeps: the newest few, one a day, one a week, one a month (DESIGN.md, Storage).

A day, a week or a month counts when it holds a backup: "12 daily" is the 12 most recent days on which a backup
was made, each keeping its newest backup (so a computer left off for a fortnight still keeps 12 days of work).
The weeks are ISO weeks (Monday to Sunday). Pure: it is given the times and decides; store/backup.py deletes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Rotation:
    last: int = 10  # the newest backups, whatever their day (the 30-minute ones of a day of work)
    daily: int = 12
    weekly: int = 10
    monthly: int = 12


ROTATION = Rotation()


def _day(at: datetime) -> Hashable:
    return at.date()


def _week(at: datetime) -> Hashable:
    year, week, _weekday = at.isocalendar()
    return (year, week)


def _month(at: datetime) -> Hashable:
    return (at.year, at.month)


def _newest_per(times: list[datetime], bucket: Callable[[datetime], Hashable], count: int) -> set[datetime]:
    """The newest time of each of the `count` most recent buckets (`times` newest first)."""
    kept: dict[Hashable, datetime] = {}
    for at in times:
        key = bucket(at)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = at
    return set(kept.values())


def backups_to_keep(times: Iterable[datetime], rotation: Rotation = ROTATION) -> set[datetime]:
    """The times of the backups to keep; every other one may be deleted. The newest is always kept."""
    ordered = sorted(set(times), reverse=True)
    keep = set(ordered[: max(rotation.last, 1)])
    keep |= _newest_per(ordered, _day, rotation.daily)
    keep |= _newest_per(ordered, _week, rotation.weekly)
    keep |= _newest_per(ordered, _month, rotation.monthly)
    return keep
