"""Who a congress summons and whom its quorum counts (DOMAIN.md, Terms, congresses and elections), as data with the
texts they come from. Pure: statuses and attendance in, numbers out.

- A congress of members (đại hội đảng viên, a cell) summons the official members: a probationary member has "the
  duties and rights of an official member except to vote, to stand and to elect the Party's leading bodies"
  (Điều lệ Đảng, Art. 3), so attends without being summoned or counted; the more-than-half and the two-thirds of
  QĐ 190-QĐ/TW count "số đảng viên được triệu tập" (DOMAIN.md: "delegates or official members").
- A member suspended (đình chỉ sinh hoạt đảng) before the congress opens is not summoned (HD 04-HD/TW of
  31/12/2024).
- A member exempt from work and activities, or temporarily transferred out to another organisation, is summoned;
  "nếu về dự đại hội thì được tính vào tổng số đảng viên dự đại hội, nếu không về dự thì không tính" (HD 01-HD/TW
  of 28/9/2021, point 13.2): absent, they leave both numbers.
- A congress of delegates (a level above the cells) summons the delegates its units elected: each one counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from khoidesktop.domain.elections import Quorum, quorum, rules_for
from khoidesktop.i18n import N_

PRESENT, EXCUSED, ABSENT = "present", "excused", "absent"
ATTENDANCE = (PRESENT, EXCUSED, ABSENT)


@dataclass(frozen=True)
class SummonRules:
    source: str
    in_force_from: date
    # The member statuses on the congress's day that are summoned (an official member, by domain/events.py).
    summoned_statuses: tuple[str, ...] = ("official", "exempt", "temporary_out")
    # Summoned, but counted in the number summoned only when they come (HD 01-HD/TW, point 13.2).
    counted_only_when_present: tuple[str, ...] = ("exempt", "temporary_out")
    probationary_summoned: bool = False  # Điều lệ Art. 3: no vote, no election


SUMMON_RULES: tuple[SummonRules, ...] = (
    SummonRules(
        "Điều lệ Đảng (Điều 3); Hướng dẫn 01-HD/TW ngày 28/9/2021 (điểm 13.2); Hướng dẫn 04-HD/TW ngày 31/12/2024",
        date(2021, 9, 28),
    ),
)


def summon_rules_for(day: date) -> SummonRules:
    in_force = [r for r in SUMMON_RULES if r.in_force_from <= day]
    return max(in_force, key=lambda r: r.in_force_from) if in_force else SUMMON_RULES[0]


def is_summoned(status: str, official: bool, rules: SummonRules) -> bool:
    """A member with this status on the congress's day (official or not yet) is on the summoned list."""
    if not official and not rules.probationary_summoned:
        return False
    return status in rules.summoned_statuses


@dataclass(frozen=True)
class Attendee:
    """One row of the summoned list: the attendance, and the member's status on the day (None: a delegate, or a
    name without a member record, who always counts)."""

    attendance: str
    status: str | None = None


def counted(row: Attendee, rules: SummonRules) -> bool:
    """Whether the row counts in the number summoned (exempt or temporarily out: only when present)."""
    return row.attendance == PRESENT or row.status not in rules.counted_only_when_present


def numbers(rows: Iterable[Attendee], rules: SummonRules) -> tuple[int, int]:
    """(summoned, present) as the quorum and the elections count them."""
    found = list(rows)
    return sum(counted(r, rules) for r in found), sum(r.attendance == PRESENT for r in found)


def congress_quorum(rows: Iterable[Attendee], day: date) -> Quorum:
    """The quorum of the congress held on `day` (QĐ 190-QĐ/TW: at least two thirds of those summoned present)."""
    summoned, present = numbers(rows, summon_rules_for(day))
    return quorum(summoned, present, rules_for(day))


# Labels (msgids, translated where they are shown).
ATTENDANCE_LABELS = {PRESENT: N_("present"), EXCUSED: N_("absent with a reason"), ABSENT: N_("absent")}
DOCUMENT_KINDS = {
    "political_report": N_("Political report"),
    "committee_review": N_("The committee's review"),
    "other": N_("Other document"),
}
