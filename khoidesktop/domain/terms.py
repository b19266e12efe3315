"""Terms (nhiệm kỳ) and their committees (DOMAIN.md, Terms, congresses and elections): how long a term is, which
cells elect a committee (chi ủy) and how large it may be, as data with the regulation each figure comes from; the
codes of the committee's roles, how members came and left, and the units of a term's targets.

Pure: `committee_problems` lists in Vietnamese what is wrong with a committee as it would be, and the caller writes
nothing when the list is not empty."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from khoidesktop.i18n import N_, _

ROLES = {
    "secretary": N_("Secretary"),
    "deputy": N_("Deputy secretary"),
    "standing": N_("Standing committee member"),
    "member": N_("Committee member"),
}
CAME = {
    "congress": N_("Elected at the congress"),
    "added": N_("Elected in addition"),
    "appointed": N_("Appointed by the superior"),
}
LEFT = {
    "moved": N_("Moved to other work"),
    "resigned": N_("Resigned"),
    "retired": N_("Retired"),
    "disciplined": N_("Removed by discipline"),
    "deceased": N_("Deceased"),
    "other": N_("Other reason"),
}
UNITS = {
    "percent": N_("%"),
    "people": N_("people"),
    "cells": N_("cells"),
    "units": N_("organisations"),
    "meetings": N_("meetings"),
}


@dataclass(frozen=True)
class Computed:
    """A target's figure the program counts from the records (terms/progress.py says from which)."""

    code: str
    label: str  # msgid
    unit: str  # a key of UNITS
    units_only: bool = False  # only a level above the cells has it (its units' ratings)


COMPUTED = {
    c.code: c
    for c in (
        Computed("members_good", N_("Members rated well completed (HTTNV) or above"), "percent"),
        Computed("members_excellent", N_("Members rated excellently completed (HTXSNV)"), "percent"),
        Computed("admissions", N_("New members admitted"), "people"),
        Computed("thematic_meetings", N_("Thematic meetings held"), "meetings"),
        Computed("units_good", N_("Organisations rated HTTNV or above"), "percent", units_only=True),
        Computed("units_excellent", N_("Organisations rated HTXSNV"), "percent", units_only=True),
    )
}
# The roles one person holds at a time and which can be held by one person only.
SINGLE_HOLDER = ("secretary",)


@dataclass(frozen=True)
class TermRules:
    """How long a term is and how a cell's leadership is made up, with where each figure comes from."""

    source: str  # the regulation, with its date
    in_force_from: date
    term_years: int
    # The Statute's wording of the cell congress, kept as data: the pilot changed the practice, not the text.
    statute_wording: str
    statute_source: str
    # "Chi bộ có 9 đảng viên chính thức trở lên bầu chi ủy … Chi bộ có dưới 9 đảng viên bầu bí thư, nếu cần bầu một
    # phó bí thư": below this many official members, a secretary and at most one deputy, no committee.
    committee_from_official: int = 9
    # "… chi bộ đông đảng viên bầu không quá 7 chi ủy viên".
    committee_max: int = 7
    committee_source: str = ""
    # Below `committee_from_official`: the secretary and at most one deputy.
    leaders_without_committee: int = 2


STATUTE_ART_24 = (
    "Đại hội chi bộ do chi ủy triệu tập năm năm hai lần; nơi chưa có chi ủy thì do bí thư chi bộ triệu tập. Khi "
    "được đảng ủy cơ sở đồng ý có thể triệu tập sớm hoặc muộn hơn, nhưng không quá sáu tháng."
)
STATUTE = "Điều lệ Đảng, Điều 24, khoản 3"

RULES: tuple[TermRules, ...] = (
    # The cell's term of five years is the pilot of Quy định 294-QĐ/TW of 26/5/2025 on carrying out the Statute and
    # its guide Hướng dẫn 06-HD/TW of 9/6/2025 (DOMAIN.md); the committee's size is said the same way in Quy định
    # 29-QĐ/TW of 25/7/2016 (point 24), which QĐ 294 replaced.
    TermRules(
        source="Quy định 294-QĐ/TW ngày 26/5/2025, Hướng dẫn 06-HD/TW ngày 9/6/2025",
        in_force_from=date(2025, 5, 26),
        term_years=5,
        statute_wording=STATUTE_ART_24,
        statute_source=STATUTE,
        committee_source="Điều lệ Đảng, Điều 24, khoản 4; Quy định 294-QĐ/TW (trước đó Quy định 29-QĐ/TW, điểm 24)",
    ),
)


def rules_for(day: date) -> TermRules:
    """The rule set in force on `day` (before the first one, the first one)."""
    in_force = [r for r in RULES if r.in_force_from <= day]
    return max(in_force, key=lambda r: r.in_force_from) if in_force else RULES[0]


def committee_problems(
    rules: TermRules, roles: Sequence[str], official_members: int | None, *, roles_allowed: Sequence[str]
) -> list[str]:
    """What is wrong with a committee whose members in office hold `roles`, at a level whose roles are
    `roles_allowed`; `official_members` None where the level keeps no members (a level above the cells)."""
    found = [
        _("A {role} is not a role of this level's committee.").format(role=_(ROLES[r]))
        for r in sorted(set(roles))
        if r not in roles_allowed
    ]
    counts = Counter(roles)
    found += [
        _("There can be only one {role} in office at a time: record the end of the other's term first.").format(
            role=_(ROLES[r])
        )
        for r in SINGLE_HOLDER
        if counts[r] > 1
    ]
    if official_members is None:
        return found
    if official_members < rules.committee_from_official:
        if counts["member"] or len(roles) > rules.leaders_without_committee:
            found.append(
                _(
                    "A cell with fewer than {n} official members ({official} now) elects a secretary and, if "
                    "needed, one deputy, not a cell committee ({source})."
                ).format(n=rules.committee_from_official, official=official_members, source=rules.committee_source)
            )
    elif len(roles) > rules.committee_max:
        found.append(
            _("A cell committee has at most {n} members ({source}): {count} would be in office.").format(
                n=rules.committee_max, source=rules.committee_source, count=len(roles)
            )
        )
    if counts["deputy"] > 1 and official_members < rules.committee_from_official:
        found.append(_("A cell without a committee has at most one deputy secretary."))
    return found


def term_end(rules: TermRules, start: date) -> date:
    """The last day of a term beginning on `start`: the day before the same date `term_years` later."""
    from datetime import timedelta

    from khoidesktop.domain.dates import add_years

    return add_years(start, rules.term_years) - timedelta(days=1)
