"""Meetings: saving the minutes with attendance and speakers, the checks a form shows, the vote base."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime

from sqlalchemy import delete, extract, select
from sqlalchemy.orm import Session

from khoidesktop.domain.meetings import (
    KINDS,
    MEETING_VOTE_BASE,
    PRESENCE,
    THEMATIC_KINDS,
    VOTE_RULES,
    Voter,
    duration_minutes,
    in_vote_base,
    materials_late,
    minimum_minutes,
    rules_for,
    vote_base,
    votes_needed,
)
from khoidesktop.domain.names import normalize_block, normalize_text, sort_key
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_number
from khoidesktop.meetings.figures import MeetingData, VoteCheck
from khoidesktop.members.structure import LISTED_COLUMNS, ListedMember, members_on
from khoidesktop.store import audit
from khoidesktop.store.models import Meeting, MeetingAttendance, MeetingSpeaker, Member, ThematicTopic

TEXT_FIELDS = ("place", "chair", "minute_taker", "guests", "topic", "content", "conclusion", "resolution")


MEETING_COLUMNS = [f.name for f in fields(MeetingData) if f.name not in ("attendance", "speakers")]


def expected_members(session: Session, on: date, recorded: Iterable[int] = ()) -> list[ListedMember]:
    """The members expected at a meeting on that day (the cell's list then), in Vietnamese order, plus any
    member already recorded for it (so correcting someone's history never drops a recorded attendance)."""
    members = members_on(session, on)
    missing = set(recorded) - {m.id for m in members}
    if missing:
        members += map(ListedMember._make, session.execute(select(*LISTED_COLUMNS).where(Member.id.in_(missing))))
        members.sort(key=lambda m: (sort_key(m.full_name), m.id))
    return members


def default_presence(session: Session, member: ListedMember, on: date) -> tuple[str, str]:
    """Present, unless the member is away or exempt that day (then absent with that reason)."""
    from khoidesktop.members.history import events_of, facts, status_on_date

    status = status_on_date(facts(events_of(session, member.id)), member, on)
    if status == "temporary_out":
        return "excused", _("Temporarily transferred out")
    if status == "exempt":
        return "excused", _("Exempt from activities")
    return "present", ""


def voters(session: Session, data: MeetingData) -> list[Voter]:
    from khoidesktop.members.history import events_of, facts, status_on_date

    found = []
    for member in expected_members(session, data.on_date, data.attendance):
        status = status_on_date(facts(events_of(session, member.id)), member, data.on_date)
        presence = data.attendance.get(member.id, ("present", ""))[0]
        official = member.official_on is not None and member.official_on <= data.on_date
        found.append(Voter(status, official, presence))
    return found


def vote_problems(session: Session, data: MeetingData, who: list[Voter] | None = None) -> list[str]:
    """What is wrong with the votes as typed: the one check the vote tab shows as they are typed and saving
    applies (`who`: the voters, when the caller has them already)."""
    votes = [v for v in (data.votes_for, data.votes_against, data.votes_abstain) if v is not None]
    if any(v < 0 for v in votes):
        return [_("A number of votes cannot be negative.")]
    if sum(votes) > data.present:
        return [
            _("{votes} votes counted but only {present} members present.").format(
                votes=format_number(sum(votes)), present=data.present
            )
        ]
    if not data.vote_rule:
        return []
    who = voters(session, data) if who is None else who
    official_present = sum(in_vote_base(v) and v.presence == "present" for v in who)
    if sum(votes) > official_present:
        return [
            _(
                "{votes} votes counted but only {present} official members present (probationary members "
                "do not vote on resolutions)."
            ).format(votes=sum(votes), present=official_present)
        ]
    return []


def check_vote(session: Session, data: MeetingData) -> VoteCheck | None:
    """The vote against its base, or None without a rule and votes; `problems` when the counts cannot be right."""
    if data.vote_rule is None or data.votes_for is None:
        return None
    who = voters(session, data)  # once: the base and the check both need them
    base = vote_base(who, MEETING_VOTE_BASE)
    needed = votes_needed(data.vote_rule, base)
    found = vote_problems(session, data, who)
    passed = not found and base > 0 and data.votes_for >= needed
    return VoteCheck(base, needed, passed, MEETING_VOTE_BASE, tuple(found))


def warnings(data: MeetingData) -> list[str]:
    """What the form points out but lets the user save (a short meeting, late materials)."""
    rules = rules_for(data.on_date)
    found = []
    minutes, least = duration_minutes(data.start_time, data.end_time), minimum_minutes(data.kind, rules)
    if minutes is not None and least is not None and minutes < least:
        found.append(
            _("The meeting lasted {minutes} minutes; {rule} asks for at least {least}.").format(
                minutes=minutes, rule=rules.regulation, least=least
            )
        )
    if data.kind != "extraordinary" and materials_late(data.on_date, data.materials_sent_on, rules):
        found.append(
            _("The materials should reach the members at least {days} day before the meeting.").format(
                days=rules.materials_days_before
            )
        )
    return found


def problems(data: MeetingData, today: date) -> list[str]:
    """What prevents saving, in Vietnamese."""
    found = []
    if data.kind not in KINDS:
        found.append(_("Choose the kind of meeting."))
    if data.on_date > today:
        found.append(_("The meeting date is in the future: record a meeting once it has been held."))
    if data.start_time and data.end_time and duration_minutes(data.start_time, data.end_time) is None:
        found.append(_("The meeting ends before it starts."))
    if data.materials_sent_on and data.materials_sent_on > data.on_date:
        found.append(_("The materials were sent after the meeting."))
    if data.vote_rule is not None and data.vote_rule not in VOTE_RULES:
        found.append(_("Choose how the resolution is adopted."))
    if any(p not in PRESENCE for p, _r in data.attendance.values()):
        found.append(_("Mark each member present or absent."))
    if data.kind in ("thematic", "combined") and not (data.topic or data.thematic_topic_id):
        found.append(_("A thematic meeting needs its topic."))
    return found


def save_meeting(session: Session, meeting_id: int | None, data: MeetingData, *, now: datetime, actor: str) -> Meeting:
    """Write the meeting, its attendance and speakers in the caller's transaction."""
    for name in TEXT_FIELDS:
        setattr(
            data,
            name,
            normalize_text(getattr(data, name))
            if name not in ("content", "conclusion", "resolution")
            else normalize_block(getattr(data, name)),
        )
    found = problems(data, now.date()) + vote_problems(session, data)
    if found:
        raise ValidationError(" ".join(found))
    values = {name: getattr(data, name) for name in MEETING_COLUMNS}
    if meeting_id is None:
        meeting = Meeting(**values, created_at=now, updated_at=now)
        session.add(meeting)
        session.flush()
        action = "create"
    else:
        existing = session.get(Meeting, meeting_id)
        if existing is None:
            raise ValidationError(_("This meeting no longer exists in the data file."))
        meeting = existing
        for name, value in values.items():
            setattr(meeting, name, value)
        meeting.updated_at = now
        action = "update"
        session.execute(delete(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id))
        session.execute(delete(MeetingSpeaker).where(MeetingSpeaker.meeting_id == meeting.id))
    session.add_all(
        MeetingAttendance(meeting_id=meeting.id, member_id=member_id, presence=presence, reason=normalize_text(reason))
        for member_id, (presence, reason) in data.attendance.items()
    )
    session.add_all(
        MeetingSpeaker(meeting_id=meeting.id, position=i, name=normalize_text(name), points=normalize_block(points))
        for i, (name, points) in enumerate(data.speakers, start=1)
        if name.strip()
    )
    audit.record(session, at=now, actor=actor, action=action, entity="meeting", entity_id=meeting.id)
    return meeting


def load_meeting(session: Session, meeting_id: int) -> MeetingData:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise ValidationError(_("This meeting no longer exists in the data file."))
    data = MeetingData(**{name: getattr(meeting, name) for name in MEETING_COLUMNS})
    data.attendance = {
        a.member_id: (a.presence, a.reason)
        for a in session.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id))
    }
    data.speakers = [
        (s.name, s.points)
        for s in session.scalars(
            select(MeetingSpeaker).where(MeetingSpeaker.meeting_id == meeting_id).order_by(MeetingSpeaker.position)
        )
    ]
    return data


def template_from_last(session: Session, on: date) -> MeetingData:
    """A new regular meeting prefilled from the last one before `on` (place, chair, minute-taker, outline); the
    chair is the cell's secretary (the data file's identity) when no earlier meeting names one."""
    from khoidesktop.domain.meetings import REGULAR_OUTLINE

    last = session.scalars(select(Meeting).where(Meeting.on_date < on).order_by(Meeting.on_date.desc())).first()
    data = MeetingData(kind="regular", on_date=on, content=REGULAR_OUTLINE)
    if last is not None:
        data.place, data.chair, data.minute_taker = last.place, last.chair, last.minute_taker
        data.start_time, data.end_time = last.start_time, last.end_time
        data.content = last.content if last.kind in ("regular", "combined") and last.content else REGULAR_OUTLINE
    if not data.chair:  # the first meeting: the cell's secretary chairs it unless another is named
        from khoidesktop.datafile.identity import get_identity

        identity = get_identity(session)
        data.chair = identity.secretary_name if identity is not None else ""
    return data


def add_topic(session: Session, year: int, quarter: int, title: str, *, now: datetime) -> ThematicTopic:
    title = normalize_text(title)
    if not title:
        raise ValidationError(_("Type the topic."))
    if quarter not in (1, 2, 3, 4):
        raise ValidationError(_("Choose the quarter."))
    topic = ThematicTopic(year=year, quarter=quarter, title=title, created_at=now)
    session.add(topic)
    session.flush()
    return topic


def held_topic_ids(session: Session, year: int) -> set[int | None]:
    """The thematic topics of `year` that a thematic meeting has dealt with."""
    return set(
        session.scalars(
            select(Meeting.thematic_topic_id).where(
                Meeting.kind.in_(THEMATIC_KINDS), extract("year", Meeting.on_date) == year
            )
        )
    )


def topics_of(session: Session, year: int) -> list[ThematicTopic]:
    return list(
        session.scalars(
            select(ThematicTopic).where(ThematicTopic.year == year).order_by(ThematicTopic.quarter, ThematicTopic.id)
        )
    )


# --- a meeting or a topic entered in error ("nhập nhầm") ---------------------------------------------------


def _load(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise ValidationError(_("This meeting no longer exists in the data file."))
    return meeting


def _rows_of(session: Session, meeting_id: int) -> tuple[list[MeetingAttendance], list[MeetingSpeaker]]:
    attendance = list(session.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id)))
    speakers = list(session.scalars(select(MeetingSpeaker).where(MeetingSpeaker.meeting_id == meeting_id)))
    return attendance, speakers


def meeting_withdrawal(session: Session, meeting_id: int) -> str:
    """What withdrawing the meeting takes with it, as a sentence for the user (nothing is written)."""
    from khoidesktop.domain.meetings import KINDS
    from khoidesktop.domain.members import label
    from khoidesktop.i18n import format_date

    meeting = _load(session, meeting_id)
    attendance, speakers = _rows_of(session, meeting_id)
    what = _("The {kind} of {date}").format(kind=label(KINDS, meeting.kind).lower(), date=format_date(meeting.on_date))
    if meeting.topic:
        what += f" “{meeting.topic}”"
    parts = [
        _("its attendance ({n} member(s))").format(n=format_number(len(attendance))),
        _("{n} speaker(s)").format(n=format_number(len(speakers))),
        _("its minutes"),
    ]
    if meeting.votes_for is not None:
        parts.append(_("its vote ({n} for)").format(n=format_number(meeting.votes_for)))
    return _("{what} goes, with {parts}.").format(what=what, parts=", ".join(parts))


def withdraw_meeting(session: Session, meeting_id: int, *, now: datetime, actor: str) -> None:
    """Withdraw a meeting entered in error with every row hanging from it; the audit log keeps their values."""
    meeting = _load(session, meeting_id)
    attendance, speakers = _rows_of(session, meeting_id)
    for present in attendance:
        audit.withdraw_row(session, present, at=now, actor=actor, entity="meeting_attendance")
    for speaker in speakers:
        audit.withdraw_row(session, speaker, at=now, actor=actor, entity="meeting_speaker")
    session.flush()
    audit.withdraw_row(session, meeting, at=now, actor=actor, entity="meeting")
    session.flush()


def topic_withdrawal(session: Session, topic_id: int) -> str:
    """The topic's title if it can be withdrawn; refused while a meeting holds it (nothing is written)."""
    from khoidesktop.i18n import format_date

    topic = session.get(ThematicTopic, topic_id)
    if topic is None:
        raise ValidationError(_("This topic is no longer in the plan."))
    holding = session.scalars(select(Meeting).where(Meeting.thematic_topic_id == topic_id)).first()
    if holding is not None:
        raise ValidationError(
            _(
                "The meeting of {date} dealt with “{title}”: choose another topic in that meeting (or withdraw the "
                "meeting) first."
            ).format(date=format_date(holding.on_date), title=topic.title)
        )
    return topic.title


def withdraw_topic(session: Session, topic_id: int, *, now: datetime, actor: str) -> str:
    title = topic_withdrawal(session, topic_id)
    topic = session.get_one(ThematicTopic, topic_id)
    audit.withdraw_row(session, topic, at=now, actor=actor, entity="thematic_topic")
    session.flush()
    return title
