"""Biên bản sinh hoạt chi bộ: the minutes of one meeting (Chỉ thị 50-CT/TW, HD 42-HD/BTCTW) in the usual
order: time, place and participants; attendance; content; speakers; conclusion; resolution and its vote;
time ended. Signed by the minute-taker (left) and the chair on behalf of the cell (right)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.meetings import KINDS, THEMATIC_KINDS
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.meetings.figures import MeetingData, VoteCheck
from khoidesktop.reports.frame import (
    KIND_MINUTES,
    LAYOUT_CELLS,
    ON_BEHALF,
    TEXT_WIDTH,
    DocumentSpec,
    Letterhead,
    opening,
    write_pdf,
)
from khoidesktop.reports.styles import styles

# Fixed formulas of the minutes (HD 36-HD/VPTW), printed as they are.
CHAIR = "CHỦ TRÌ"
MINUTE_TAKER = "THƯ KÝ"

SECTIONS = (
    N_("Time, place and participants"),
    N_("Content of the meeting"),
    N_("Opinions in the discussion"),
    N_("Conclusion"),
    N_("Resolution and the result of the vote"),
)


@dataclass(frozen=True)
class Absentee:
    full_name: str
    presence: str  # excused | unexcused
    reason: str = ""


@dataclass(frozen=True)
class Minutes:
    """What the minutes print: the meeting as saved, and what the services worked out for it."""

    data: MeetingData
    topic: str  # the thematic topic's title, or the meeting's own topic
    expected: int  # members on the roll of the meeting
    absentees: tuple[Absentee, ...] = ()
    vote: VoteCheck | None = None


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def _labelled(label: str, value: str) -> Paragraph:
    """ "Địa điểm: …" with the label in bold."""
    return Paragraph(f"<b>{escape(label)}</b> {escape(value)}", styles().body)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def clock(value: time) -> str:
    """14 giờ 00 phút."""
    return _("{hours}:{minutes}").format(hours=f"{value.hour:02d}", minutes=f"{value.minute:02d}")


def minutes_subtitle(data: MeetingData) -> str:
    """ "Sinh hoạt thường kỳ tháng 11/2026": the kind and the month."""
    return _("{kind}, month {month}/{year}").format(
        kind=_(KINDS.get(data.kind, data.kind)), month=data.on_date.month, year=data.on_date.year
    )


def minutes_spec(data: MeetingData, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(KIND_MINUTES, _("of the cell meeting"), minutes_subtitle(data), number)


def topic_line(minutes: Minutes) -> str:
    if not minutes.topic:
        return ""
    if minutes.data.kind in THEMATIC_KINDS:
        return _("Topic: {topic}").format(topic=minutes.topic)
    if minutes.data.kind == "extraordinary":
        return _("Subject: {topic}").format(topic=minutes.topic)
    return ""  # a regular meeting's topic repeats the subtitle


def _participants(minutes: Minutes) -> list[Flowable]:
    data = minutes.data
    day = format_date(data.on_date)
    started = (
        _("{time}, on {date}").format(time=clock(data.start_time), date=day)
        if data.start_time
        else _("on {date}").format(date=day)
    )
    found: list[Flowable] = [_labelled(_("Time started:"), started + ".")]
    if data.place:
        found.append(_labelled(_("Place:"), data.place + "."))
    if data.chair:
        found.append(_labelled(_("Chair:"), _("comrade {name}").format(name=data.chair) + "."))
    if data.minute_taker:
        found.append(_labelled(_("Minute-taker:"), _("comrade {name}").format(name=data.minute_taker) + "."))
    if data.guests:
        found.append(_labelled(_("Guests:"), data.guests + "."))
    if minutes.expected:
        found.append(
            _labelled(
                _("Present:"),
                _("{present}/{expected} Party members.").format(
                    present=format_number(data.present), expected=format_number(minutes.expected)
                ),
            )
        )
        found += _absent(minutes.absentees)
    return found


def absentee_text(absentee: Absentee) -> str:
    name = _("Comrade {name}").format(name=absentee.full_name)
    if absentee.presence == "unexcused":
        return _("{name} (without a reason)").format(name=name)
    if absentee.reason:
        return _("{name} (with a reason: {reason})").format(name=name, reason=absentee.reason)
    return _("{name} (with a reason)").format(name=name)


def _absent(absentees: Sequence[Absentee]) -> list[Flowable]:
    if not absentees:
        return [_labelled(_("Absent:"), _("none."))]
    found: list[Flowable] = [
        _labelled(_("Absent:"), _("{count} Party members:").format(count=format_number(len(absentees))))
    ]
    last = len(absentees) - 1
    found += [_para(f"- {absentee_text(a)}{'.' if i == last else ';'}") for i, a in enumerate(absentees)]
    return found


def _speaker(name: str, points: str) -> Paragraph:
    said = "<br/>".join(escape(line) for line in _lines(points))
    who = escape(_("Comrade {name}").format(name=name))
    return Paragraph(f"- <b>{who}</b>: {said}" if said else f"- <b>{who}</b>.", styles().body)


def vote_lines(data: MeetingData, vote: VoteCheck | None) -> list[str]:
    if data.votes_for is None:
        return []
    found = [
        _("Result of the vote: {votes_for} in favour, {against} against, {abstain} abstaining.").format(
            votes_for=format_number(data.votes_for),
            against=format_number(data.votes_against or 0),
            abstain=format_number(data.votes_abstain or 0),
        )
    ]
    if vote is not None and data.vote_rule is not None:
        found.append(vote.describe(data.vote_rule))
    return found


def _section(index: int, title: str, body: Sequence[Flowable]) -> list[Flowable]:
    heading = _para(f"{index}. {_(title)}", "heading")
    return [KeepTogether([heading, body[0]]), *body[1:]]  # a heading never ends a page alone


def minutes_story(head: Letterhead, spec: DocumentSpec, minutes: Minutes) -> list[Flowable]:
    data = minutes.data
    story: list[Flowable] = [*opening(head, spec)]
    line = topic_line(minutes)
    if line:
        story.append(_para(line, "subtitle"))
    bodies: list[Sequence[Flowable]] = [
        _participants(minutes),
        [_para(text) for text in _lines(data.content)],
        [_speaker(name, points) for name, points in data.speakers],
        [_para(text) for text in _lines(data.conclusion)],
        [_para(text) for text in _lines(data.resolution)] + [_para(text) for text in vote_lines(data, minutes.vote)],
    ]
    index = 0
    for title, body in zip(SECTIONS, bodies, strict=True):
        if body:
            index += 1
            story += _section(index, title, body)
    if data.end_time is not None:
        story.append(_para(_("The meeting ended at {time} the same day.").format(time=clock(data.end_time))))
    # the last lines and the signatures stay together (the first section, time and place, is always there)
    story.append(KeepTogether([story.pop(), signatures(data.minute_taker, data.chair)]))
    return story


def signatures(minute_taker: str, chair: str) -> Flowable:
    """Left: THƯ KÝ and the minute-taker; right: T/M CHI BỘ, CHỦ TRÌ and the chair; the names level."""
    s = styles()
    left = [Paragraph(MINUTE_TAKER, s.sign), Spacer(1, s.sign.leading), Spacer(1, 24 * mm), _para(minute_taker, "sign")]
    right = [Paragraph(ON_BEHALF, s.sign), Paragraph(CHAIR, s.sign), Spacer(1, 24 * mm), _para(chair, "sign")]
    table = Table([[left, right]], colWidths=[0.48 * TEXT_WIDTH, 0.52 * TEXT_WIDTH])
    table.setStyle([*LAYOUT_CELLS, ("TOPPADDING", (0, 0), (-1, -1), 14)])
    return table  # one row: never split across pages


def build_minutes(target: Path, head: Letterhead, minutes: Minutes, *, number: str | None = None) -> int:
    """Write the minutes at `target` (all or nothing); returns the page count."""
    spec = minutes_spec(minutes.data, number)
    return write_pdf(target, head, spec, minutes_story(head, spec, minutes))
