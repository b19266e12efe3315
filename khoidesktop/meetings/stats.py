"""A year of meetings: the list, the figures the report and `stats meetings` give, and the warnings the
overview shows (a month without its regular meeting, a quarter without a thematic one, repeated
unexcused absences, minutes not finished)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import records_from
from khoidesktop.domain.meetings import REGULAR_KINDS, THEMATIC_KINDS, quarter_of, rules_for
from khoidesktop.i18n import _, format_date
from khoidesktop.meetings.figures import Absences, MeetingRow, YearSummary
from khoidesktop.store.models import Meeting, MeetingAttendance, Member, ThematicTopic


def meetings_of(session: Session, year: int, quarter: int | None = None) -> list[MeetingRow]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    if quarter:
        start, end = date(year, 3 * quarter - 2, 1), date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    counts = (
        select(
            MeetingAttendance.meeting_id,
            func.count().label("expected"),
            func.sum(case((MeetingAttendance.presence == "present", 1), else_=0)).label("present"),
        )
        .group_by(MeetingAttendance.meeting_id)
        .subquery()
    )
    query = (
        select(Meeting, ThematicTopic.title, counts.c.expected, counts.c.present)
        .outerjoin(ThematicTopic, ThematicTopic.id == Meeting.thematic_topic_id)
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .where(Meeting.on_date >= start, Meeting.on_date < end if quarter else Meeting.on_date <= end)
        .order_by(Meeting.on_date, Meeting.id)
    )
    return [
        MeetingRow(m.id, m.on_date, m.kind, title or m.topic, present or 0, expected or 0, m.minutes_done)
        for m, title, expected, present in session.execute(query)
    ]


def unexcused_absences(session: Session, year: int) -> list[Absences]:
    months = func.count(func.distinct(func.strftime("%m", Meeting.on_date)))
    query = (
        select(Member, func.count(), months)
        .join(MeetingAttendance, MeetingAttendance.member_id == Member.id)
        .join(Meeting, Meeting.id == MeetingAttendance.meeting_id)
        .where(MeetingAttendance.presence == "unexcused", func.strftime("%Y", Meeting.on_date) == str(year))
        .group_by(Member.id)
        .order_by(months.desc(), func.count().desc(), Member.sort_key)
    )
    return [Absences(member, count, in_months) for member, count, in_months in session.execute(query)]


def _finished_months(year: int, today: date, start: date) -> range:
    """The months of `year` that are over and on or after the month the records start."""
    last = 12 if year < today.year else (today.month - 1 if year == today.year else 0)
    first = 1 if year > start.year else (start.month if year == start.year else 13)
    return range(first, last + 1)


def _finished_quarters(year: int, today: date, start: date) -> range:
    """The quarters of `year` that are over and begin on or after the month the records start."""
    last = 4 if year < today.year else (quarter_of(today) - 1 if year == today.year else 0)
    first = 1 if year > start.year else ((start.month + 1) // 3 + 1 if year == start.year else 5)
    return range(first, last + 1)


def year_summary(session: Session, year: int, today: date) -> YearSummary:
    rows = meetings_of(session, year)
    planned = Counter(t.quarter for t in session.scalars(select(ThematicTopic).where(ThematicTopic.year == year)))
    unexcused = unexcused_absences(session, year)
    rules = rules_for(date(year, 12, 31))
    start = records_from(session)
    months_held = {r.on_date.month for r in rows if r.kind in REGULAR_KINDS}
    quarters_held = {quarter_of(r.on_date) for r in rows if r.kind in THEMATIC_KINDS}
    found = [
        _("Month {month}/{year}: no regular meeting recorded.").format(month=m, year=year)
        for m in _finished_months(year, today, start)
        if m not in months_held
    ]
    found += [
        _("Quarter {quarter}/{year}: no thematic meeting recorded.").format(quarter=q, year=year)
        for q in _finished_quarters(year, today, start)
        if q not in quarters_held
    ]
    found += [
        _(
            "{name} was absent without a reason in {months} months of {year}: consider proposing removal "
            "from the Party list."
        ).format(name=a.member.full_name, months=a.months, year=year)
        for a in unexcused
        if a.months >= rules.unexcused_absences_warning
    ]
    found += [
        _("Minutes of the meeting of {date} are not finished.").format(date=format_date(r.on_date))
        for r in rows
        if not r.minutes_done
    ]
    return YearSummary(year, rows, dict(planned), unexcused, found)
