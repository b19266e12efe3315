"""Training data: the training cell's term 2025–2030, opened by its congress under Quy định 294-QĐ/TW (a cell's term
of five years): the cell committee it elected (the secretary, a deputy and a member: the cell has more than nine
official members, so it elects a chi ủy), the targets of its resolution, and its delegates to the grassroots
committee's congress. The elections that chose them are demo/elections.py's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from khoidesktop.demo.congress import add_demo_congress
from khoidesktop.domain.terms import COMPUTED, rules_for, term_end
from khoidesktop.i18n import N_, _
from khoidesktop.members.records import active_members
from khoidesktop.terms.delegates import add_from_member
from khoidesktop.terms.records import CommitteeForm, TargetForm, TermForm, save_committee_member, save_target, save_term

CONGRESS_ON = date(2025, 6, 12)  # after QĐ 294 came into force (26/5/2025)
# The figures the program counts and their targets: the seeds of DOMAIN.md scaled to a cell.
COUNTED = (("members_good", 95), ("members_excellent", 20), ("admissions", 5), ("thematic_meetings", 20))
BY_HAND = N_("Members who studied the Party's new resolutions")  # a figure the secretary enters each year


def fill_demo_term(session: Session, *, now: datetime, actor: str, secretary: str) -> int:
    """The term, its committee, targets and delegates; the term's id."""
    term = save_term(
        session,
        TermForm("2025–2030", CONGRESS_ON, term_end(rules_for(CONGRESS_ON), CONGRESS_ON), CONGRESS_ON),
        now=now,
        actor=actor,
    )
    officials = [m for m in active_members(session) if m.status == "official" and m.admitted_on is not None]
    officials = [m for m in officials if m.admitted_on is not None and m.admitted_on < CONGRESS_ON]
    leader = next(m for m in officials if m.full_name == secretary)
    others = [m for m in officials if m.id != leader.id]
    for member, role in ((leader, "secretary"), (others[0], "deputy"), (others[1], "member")):
        save_committee_member(
            session, CommitteeForm(term.id, member.full_name, role, CONGRESS_ON), now=now, actor=actor
        )
    add_demo_congress(session, term.id, now=now, actor=actor)  # its summoned list and attendance
    forms = [
        TargetForm(term.id, _(COMPUTED[code].label), target, COMPUTED[code].unit, code) for code, target in COUNTED
    ]
    forms.append(TargetForm(term.id, _(BY_HAND), 100, "percent"))
    for position, form in enumerate(forms):
        save_target(session, replace(form, position=position), now=now, actor=actor)
    for member, alternate in ((leader, False), (others[0], False), (others[2], True)):
        add_from_member(session, term.id, member.id, alternate=alternate, now=now, actor=actor)
    return term.id
