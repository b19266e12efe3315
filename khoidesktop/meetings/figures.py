"""What the meetings' pages, documents and the summary format are given: plain data, no database (so that
laying out the minutes or the meetings report loads no SQLAlchemy)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING, Any

from khoidesktop.domain.meetings import KINDS, MEETING_VOTE_BASE, THEMATIC_KINDS, VOTE_RULES, VoteBaseRule, quarter_of
from khoidesktop.i18n import _, percent

if TYPE_CHECKING:
    from khoidesktop.store.models import Member


@dataclass
class MeetingData:
    kind: str
    on_date: date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    chair: str = ""
    minute_taker: str = ""
    guests: str = ""
    topic: str = ""
    thematic_topic_id: int | None = None
    materials_sent_on: date | None = None
    content: str = ""
    conclusion: str = ""
    resolution: str = ""
    vote_rule: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    minutes_done: bool = False
    attendance: dict[int, tuple[str, str]] = field(default_factory=dict)  # member id → (presence, reason)
    speakers: list[tuple[str, str]] = field(default_factory=list)  # (name, points)

    @property
    def present(self) -> int:
        return sum(presence == "present" for presence, _reason in self.attendance.values())


@dataclass(frozen=True)
class VoteCheck:
    base: int
    needed: int
    passed: bool
    base_rule: VoteBaseRule = MEETING_VOTE_BASE  # whom the base counts, and by which regulation
    problems: tuple[str, ...] = ()  # the counts cannot be right (meetings.records.vote_problems): no verdict

    def describe(self, rule: str) -> str:
        if self.problems:
            return " ".join(self.problems)
        verdict = _("the resolution is adopted") if self.passed else _("not enough votes to adopt the resolution")
        return _(
            "Vote base: {base} official members (the base of {what}, {regulation}). At least {needed} votes for "
            "are needed ({rule}): {verdict}."
        ).format(
            base=self.base,
            what=_(self.base_rule.name),
            regulation=self.base_rule.regulation,
            rule=_(VOTE_RULES[rule]).lower(),
            needed=self.needed,
            verdict=verdict,
        )


@dataclass(frozen=True)
class MeetingRow:
    id: int
    on_date: date
    kind: str
    topic: str
    present: int
    expected: int
    minutes_done: bool


@dataclass(frozen=True)
class Absences:
    member: Member
    count: int  # meetings missed without a reason
    months: int  # months with such an absence (the Party rules count months)


@dataclass(frozen=True)
class YearSummary:
    year: int
    rows: list[MeetingRow]
    planned: dict[int, int]  # quarter → topics registered
    unexcused: list[Absences]
    warnings: list[str]

    def by_kind(self) -> dict[str, int]:
        counts = Counter(r.kind for r in self.rows)
        return {kind: counts[kind] for kind in KINDS}

    def by_month(self) -> dict[int, int]:
        counts = Counter(r.on_date.month for r in self.rows)
        return {month: counts[month] for month in range(1, 13)}

    def thematic_held(self) -> dict[int, int]:
        counts = Counter(quarter_of(r.on_date) for r in self.rows if r.kind in THEMATIC_KINDS)
        return {q: counts[q] for q in range(1, 5)}

    def average_attendance(self) -> float:
        expected = sum(r.expected for r in self.rows)
        return percent(sum(r.present for r in self.rows), expected)

    def as_json(self) -> dict[str, Any]:
        held = self.thematic_held()
        return {
            "year": self.year,
            "meetings": len(self.rows),
            "meetings_by_kind": self.by_kind(),
            "meetings_by_month": {f"{m:02d}": n for m, n in self.by_month().items()},
            "thematic_by_quarter": {str(q): {"held": held[q], "planned": self.planned.get(q, 0)} for q in range(1, 5)},
            "average_attendance_percent": self.average_attendance(),
            "attendance": {
                "present": sum(r.present for r in self.rows),
                "expected": sum(r.expected for r in self.rows),
            },
            "unexcused_absences": [
                {"full_name": a.member.full_name, "count": a.count, "months": a.months} for a in self.unexcused
            ],
            "warnings": self.warnings,
        }
