"""The meetings' documents: Biên bản sinh hoạt chi bộ and Báo cáo tình hình sinh hoạt chi bộ."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store.database import Store


def minutes_pdf(store: Store, out: Path, *, meeting_id: int, today: date, number: str | None = None) -> Path:
    """Biên bản sinh hoạt chi bộ of one meeting at `out`. The minutes are dated the day of the meeting (they
    are drawn up at it); `today` is the day they are printed."""
    from sqlalchemy import select

    from khoidesktop.meetings.minutes_pdf import Absentee, Minutes, build_minutes
    from khoidesktop.meetings.records import check_vote, load_meeting
    from khoidesktop.store.models import Member, ThematicTopic

    with store.session() as session:
        data = load_meeting(session, meeting_id)
        head = letterhead(session, min(data.on_date, today))
        topic = session.get(ThematicTopic, data.thematic_topic_id) if data.thematic_topic_id else None
        roll = session.scalars(select(Member).where(Member.id.in_(data.attendance)).order_by(Member.sort_key))
        absentees = tuple(
            Absentee(m.full_name, presence, reason)
            for m in roll
            for presence, reason in [data.attendance[m.id]]
            if presence != "present"
        )
        minutes = Minutes(
            data,
            topic.title if topic is not None else data.topic,
            len(data.attendance),
            absentees,
            check_vote(session, data),
        )
    build_minutes(out, head, minutes, number=number)
    return out.expanduser().absolute()


def meetings_report_pdf(
    store: Store, out: Path, *, year: int, quarter: int | None, today: date, number: str | None = None
) -> Path:
    """Báo cáo tình hình sinh hoạt chi bộ for a year or one of its quarters, dated `today`, at `out`."""
    from collections import Counter
    from dataclasses import replace

    from sqlalchemy import select

    from khoidesktop.meetings.records import topics_of
    from khoidesktop.meetings.report_pdf import MeetingsPeriod, Truant, build_meetings_report
    from khoidesktop.meetings.stats import meetings_of, year_summary
    from khoidesktop.store.models import MeetingAttendance

    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError(_("Choose the quarter."))
    with store.session() as session:
        head = letterhead(session, today)
        summary = year_summary(session, year, today)
        topics: dict[int, list[str]] = {}
        for topic in topics_of(session, year):
            topics.setdefault(topic.quarter, []).append(topic.title)
        if quarter:
            summary = replace(summary, rows=meetings_of(session, year, quarter))
            counts = Counter(
                session.scalars(
                    select(MeetingAttendance.member_id).where(
                        MeetingAttendance.meeting_id.in_([r.id for r in summary.rows]),
                        MeetingAttendance.presence == "unexcused",
                    )
                )
            )
            truants = sorted(
                (
                    Truant(a.member.full_name, counts[a.member.id], a.count)
                    for a in summary.unexcused
                    if counts[a.member.id]
                ),
                key=lambda t: -t.count,
            )
        else:
            truants = [Truant(a.member.full_name, a.count, a.count) for a in summary.unexcused]
    period = MeetingsPeriod(summary, quarter, today, topics, tuple(truants))
    build_meetings_report(out, head, period, number=number)
    return out.expanduser().absolute()
