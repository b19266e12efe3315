"""Cell meetings (HD 12-HD/BTCTW of 2018, then Chỉ thị 50-CT/TW and its guide HD 42-HD/BTCTW of 2025): kinds, the
rules as data (by date), the
duration and materials checks, and the base a resolution's vote is counted against."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from khoidesktop.i18n import N_

KINDS = {
    "regular": N_("Regular monthly meeting"),
    "thematic": N_("Thematic meeting"),
    "combined": N_("Regular meeting with a thematic part"),
    "extraordinary": N_("Extraordinary meeting"),
}
SHORT_KINDS = {  # for narrow columns
    "regular": N_("Regular"),
    "thematic": N_("Thematic"),
    "combined": N_("Regular + thematic"),
    "extraordinary": N_("Extraordinary"),
}
REGULAR_KINDS = ("regular", "combined")  # count as the month's regular meeting
THEMATIC_KINDS = ("thematic", "combined")  # count as the quarter's thematic meeting

PRESENCE = {
    "present": N_("Present"),
    "excused": N_("Absent with a reason"),
    "unexcused": N_("Absent without a reason"),
}

VOTE_RULES = {"more_than_half": N_("More than half"), "two_thirds": N_("At least two thirds")}


@dataclass(frozen=True)
class MeetingRules:
    """The thresholds of one regulation, with its number and the day it came into force."""

    regulation: str
    in_force_from: date
    min_minutes: int | None  # a regular (or thematic) meeting; None: the rule set sets no minimum
    min_minutes_combined: int | None  # a regular meeting with a thematic part
    materials_days_before: int | None  # None: no rule on when the materials reach the members
    thematic_per_quarter: int
    unexcused_absences_warning: int  # in a year: proposal for removal (Điều lệ Đảng, Điều 8)


RULES: tuple[MeetingRules, ...] = (
    # HD 12-HD/BTCTW (2018): a regular meeting every month and a thematic one at least every quarter; it sets no
    # minimum length and no rule on when the materials are sent.
    MeetingRules("Hướng dẫn 12-HD/BTCTW năm 2018", date(2018, 1, 1), None, None, None, 1, 3),
    # Chỉ thị 50-CT/TW (23/7/2025) and its guide HD 42-HD/BTCTW of 28/10/2025: a regular meeting lasts at least
    # 90 minutes (120 with a thematic part) and its materials are posted at least one day before; meetings
    # before 28/10/2025 are not judged by these two (DOMAIN.md, Meetings).
    MeetingRules("Chỉ thị 50-CT/TW; Hướng dẫn 42-HD/BTCTW", date(2025, 10, 28), 90, 120, 1, 1, 3),
)


def rules_for(day: date) -> MeetingRules:
    """The rule set in force on that day (a past meeting is judged by the rules of its time)."""
    in_force = [r for r in RULES if r.in_force_from <= day]
    return max(in_force, key=lambda r: r.in_force_from) if in_force else RULES[0]


def duration_minutes(start: time | None, end: time | None) -> int | None:
    if start is None or end is None:
        return None
    minutes = (datetime.combine(date.min, end) - datetime.combine(date.min, start)) // timedelta(minutes=1)
    return minutes if minutes >= 0 else None


def minimum_minutes(kind: str, rules: MeetingRules) -> int | None:
    if kind == "combined":
        return rules.min_minutes_combined
    if kind in ("regular", "thematic"):
        return rules.min_minutes
    return None  # an extraordinary meeting has no minimum


def materials_late(meeting_day: date, sent_on: date | None, rules: MeetingRules) -> bool:
    """Materials must reach the members at least `materials_days_before` day(s) before the meeting (when the rule
    set has that rule)."""
    if rules.materials_days_before is None:
        return False
    return sent_on is None or (meeting_day - sent_on).days < rules.materials_days_before


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


# --- votes -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Voter:
    """A member as the vote base sees them on the meeting day."""

    status: str  # official, probationary, exempt, suspended, temporary_out …
    official: bool  # an official member (probationary members do not vote on resolutions)
    presence: str  # present | excused | unexcused


@dataclass(frozen=True)
class VoteBaseRule:
    """Who a vote is counted against, as one regulation words it."""

    code: str
    name: str  # msgid: what the base is for
    regulation: str
    excluded: tuple[str, ...]  # statuses on the day never counted
    excluded_when_absent: tuple[str, ...]  # statuses counted only when the member came
    excused_excluded: bool  # official members absent with a reason are not counted


VOTE_BASES = {
    # QĐ 294-QĐ/TW (26/5/2025), on an ordinary resolution of the cell: the official members, minus those
    # introduced to another place temporarily and exempt members who are not present.
    "ordinary": VoteBaseRule(
        "ordinary",
        N_("an ordinary resolution of the cell"),
        "Quy định 294-QĐ/TW ngày 26/5/2025",
        excluded=("temporary_out",),
        excluded_when_absent=("exempt",),
        excused_excluded=False,
    ),
    # The election rules (Quy chế bầu cử trong Đảng, QĐ 190-QĐ/TW of 10/10/2024) also leave out suspended members
    # and official members absent with a reason.
    "election": VoteBaseRule(
        "election",
        N_("an election"),
        "Quy định 190-QĐ/TW ngày 10/10/2024",
        excluded=("temporary_out", "suspended"),
        excluded_when_absent=("exempt",),
        excused_excluded=True,
    ),
}
MEETING_VOTE_BASE = VOTE_BASES["ordinary"]  # a meeting's resolution is an ordinary one


def in_vote_base(v: Voter, rule: VoteBaseRule = MEETING_VOTE_BASE) -> bool:
    """Only official members vote; each base leaves out whom its regulation leaves out."""
    if not v.official or v.status in rule.excluded:
        return False
    if v.presence == "present":
        return True
    return v.status not in rule.excluded_when_absent and not (rule.excused_excluded and v.presence == "excused")


def vote_base(voters: Iterable[Voter], rule: VoteBaseRule = MEETING_VOTE_BASE) -> int:
    return sum(in_vote_base(v, rule) for v in voters)


def votes_needed(rule: str, base: int) -> int:
    """The smallest number of votes for that passes: more than half, or at least two thirds."""
    if rule == "two_thirds":
        return math.ceil(2 * base / 3)
    return base // 2 + 1


def passes(rule: str, votes_for: int, base: int) -> bool:
    return base > 0 and votes_for >= votes_needed(rule, base)


# The usual order of a regular meeting (HD 42-HD/BTCTW), offered as the minutes' outline.
REGULAR_OUTLINE = (
    "1. Khai mạc, điểm danh đảng viên, tuyên bố lý do, giới thiệu đại biểu.\n"
    "2. Thông tin thời sự, tình hình cơ quan, đơn vị; quán triệt văn bản của cấp trên.\n"
    "3. Đánh giá kết quả thực hiện nhiệm vụ tháng: công tác chính trị, chuyên môn, xây dựng Đảng, "
    "đoàn thể.\n"
    "4. Thảo luận, đóng góp ý kiến.\n"
    "5. Phương hướng, nhiệm vụ tháng tới; phân công đảng viên.\n"
    "6. Kết luận, biểu quyết nghị quyết; bế mạc."
)
