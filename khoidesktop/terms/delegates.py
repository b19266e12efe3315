"""The delegates a term's congress sends to the superior's congress (DOMAIN.md, Terms, congresses and elections):
official and alternates, with what the delegation's structure counts (domain/elections.delegation_structure).

The list is entered by hand (a name and the particulars), added from a member's record at a cell, edited, put in
order and removed, each checked (a Vietnamese message, nothing written) and recorded in the audit log. The
elections of a congress write their rows too (with `election_id`). A level above the cells also sees the whole
delegation of its own congress: the delegates its units sent up in their bundles (`export-bundle --include
delegates`), summed in `delegation_from_units`."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.elections import Delegate as DelegateParticulars
from khoidesktop.domain.elections import delegation_structure
from khoidesktop.domain.limits import EARLIEST_DATE, TEXT_LIMITS
from khoidesktop.domain.members import EDUCATION, GENDERS
from khoidesktop.domain.names import normalize_text
from khoidesktop.domain.periods import Period
from khoidesktop.domain.structure import Structure
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store import audit
from khoidesktop.store.models import Delegate, Member, Term
from khoidesktop.terms.delegation import Delegation, DelegationLine, UnitDelegates

DELEGATES_FILE = "data/delegates.json"  # the named list a unit may send up (exchange/summary.py)


def particulars_of(member: Member) -> dict[str, Any]:
    """A delegate row's particulars taken from the member's record (the structure counts these)."""
    return {
        "full_name": member.full_name,
        "member_id": member.id,
        "gender": member.gender or "",
        "ethnicity": member.ethnicity,
        "birth_date": member.birth_date,
        "professional_education": member.professional_education or "",
        "religion": member.religion,
        "probationary": member.status == "probationary",
    }


def as_particulars(row: Delegate) -> DelegateParticulars:
    """A stored delegate as the structure of a delegation counts it."""
    return DelegateParticulars(
        full_name=row.full_name,
        gender=row.gender,
        ethnicity=row.ethnicity,
        birth_date=row.birth_date,
        professional_education=row.professional_education,
        religion=row.religion,
        official=not row.probationary,
    )


@dataclass(frozen=True)
class DelegateForm:
    term_id: int
    full_name: str
    alternate: bool = False
    gender: str = ""
    ethnicity: str = ""
    birth_date: date | None = None
    professional_education: str = ""
    religion: str = ""
    probationary: bool = False
    member_id: int | None = None
    id: int | None = None


def _get(session: Session, model: Any, row_id: int) -> Any:
    found = session.get(model, row_id)
    if found is None:
        raise ValidationError(_("This record no longer exists: close the window and open it again."))
    return found


def delegates(session: Session, term_id: int) -> list[Delegate]:
    """The term's delegates in their order: the official delegates first, then the alternates."""
    query = select(Delegate).where(Delegate.term_id == term_id)
    return sorted(session.scalars(query), key=lambda d: (d.alternate, d.position, d.id))


def delegate_form(session: Session, row_id: int) -> DelegateForm:
    d: Delegate = _get(session, Delegate, row_id)
    return DelegateForm(
        d.term_id,
        d.full_name,
        d.alternate,
        d.gender,
        d.ethnicity,
        d.birth_date,
        d.professional_education,
        d.religion,
        d.probationary,
        d.member_id,
        d.id,
    )


def delegate_problems(form: DelegateForm, today: date | None = None) -> list[str]:
    """What is wrong with a delegate's particulars, each in Vietnamese; empty when it can be saved."""
    found = []
    name = normalize_text(form.full_name)
    if not name:
        found.append(_("Give the delegate's full name."))
    elif len(name) > TEXT_LIMITS["full_name"]:
        found.append(_("The full name is too long: at most {n} characters.").format(n=TEXT_LIMITS["full_name"]))
    if form.gender not in ("", *GENDERS):
        found.append(_("Choose the gender from the list."))
    if form.professional_education not in ("", *EDUCATION):
        found.append(_("Choose the professional education from the list."))
    for value, key in ((form.ethnicity, "ethnicity"), (form.religion, "religion")):
        if len(normalize_text(value)) > TEXT_LIMITS[key]:
            found.append(_("The text is too long: at most {n} characters.").format(n=TEXT_LIMITS[key]))
    if form.birth_date is not None and (
        form.birth_date < EARLIEST_DATE or (today is not None and form.birth_date >= today)
    ):
        found.append(_("The date of birth is not plausible: check it."))
    return found


def _values(session: Session, form: DelegateForm, row: Delegate, today: date | None) -> dict[str, Any]:
    problems = delegate_problems(form, today)
    if problems:
        raise ValidationError("\n".join(problems))
    _get(session, Term, form.term_id)
    if form.member_id is not None:
        _get(session, Member, form.member_id)
    same = [d for d in delegates(session, form.term_id) if d.alternate == form.alternate and d.id != row.id]
    keep = row.id is not None and row.alternate == form.alternate and row.term_id == form.term_id
    return {
        "term_id": form.term_id,
        "full_name": normalize_text(form.full_name),
        "alternate": form.alternate,
        "gender": form.gender,
        "ethnicity": normalize_text(form.ethnicity),
        "birth_date": form.birth_date,
        "professional_education": form.professional_education,
        "religion": normalize_text(form.religion),
        "probationary": form.probationary,
        "member_id": form.member_id,
        "position": row.position if keep else max((d.position for d in same), default=-1) + 1,
    }


def save_delegate(
    session: Session, form: DelegateForm, *, now: datetime, actor: str, today: date | None = None
) -> Delegate:
    """Adds a delegate (last of the official delegates or of the alternates) or changes one, audited."""
    row = _get(session, Delegate, form.id) if form.id else Delegate()
    values = _values(session, form, row, today or now.date())
    changes = {k: (getattr(row, k, None), v) for k, v in values.items() if getattr(row, k, None) != v}
    action = "update" if form.id else "create"
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    session.flush()
    if changes:
        audit.record(session, at=now, actor=actor, action=action, entity="delegate", entity_id=row.id, changes=changes)
    return row


def add_from_member(
    session: Session, term_id: int, member_id: int, *, alternate: bool = False, now: datetime, actor: str
) -> Delegate:
    """A member of the cell added as a delegate, with the particulars of their record."""
    member: Member = _get(session, Member, member_id)
    for other in delegates(session, term_id):
        if other.member_id == member_id:
            raise ValidationError(_("{name} is already on the list of delegates.").format(name=member.full_name))
    return save_delegate(session, form_from_member(session, term_id, member_id, alternate), now=now, actor=actor)


def member_choices(session: Session) -> list[tuple[int, str]]:
    """The members a cell may add as delegates (its current list, in Vietnamese order); none at a level above."""
    from khoidesktop.datafile.identity import get_identity
    from khoidesktop.datafile.kinds import kind_of
    from khoidesktop.members.records import active_members

    if kind_of(get_identity(session)).aggregates:
        return []
    return [(m.id, m.full_name) for m in active_members(session)]


def form_from_member(session: Session, term_id: int, member_id: int, alternate: bool = False) -> DelegateForm:
    """A delegate's form filled from the member's record (the dialog shows it before it is saved)."""
    return DelegateForm(term_id, alternate=alternate, **particulars_of(_get(session, Member, member_id)))


def remove_delegate(session: Session, row_id: int, *, now: datetime, actor: str) -> None:
    """A delegate taken off the list: gone, the audit log keeps what the row held."""
    audit.withdraw_row(session, _get(session, Delegate, row_id), at=now, actor=actor, entity="delegate")


def move_delegate(session: Session, row_id: int, step: int, *, now: datetime, actor: str) -> None:
    """A delegate moved up (step -1) or down (+1) within the official delegates or the alternates."""
    row: Delegate = _get(session, Delegate, row_id)
    same = [d for d in delegates(session, row.term_id) if d.alternate == row.alternate]
    index = same.index(row)
    other = index + step
    if not 0 <= other < len(same):
        return
    same[index], same[other] = same[other], same[index]
    for position, delegate in enumerate(same):
        if delegate.position != position:
            audit.record(
                session,
                at=now,
                actor=actor,
                action="update",
                entity="delegate",
                entity_id=delegate.id,
                changes={"position": (delegate.position, position)},
            )
            delegate.position = position


# --- the delegation: its list and its structure -------------------------------------------------------------------


def congress_day(term: Term, on: date | None = None) -> date:
    """The day the structure is counted on: the one entered, else the term's congress day, else its start."""
    return on or term.congress_on or term.starts_on


def structure_of(lines: tuple[DelegationLine, ...], day: date) -> Structure:
    """The structure of the delegation: its official delegates (the alternates attend only in place of one)."""
    return delegation_structure((line.person for line in lines if not line.alternate), day)


def line_of(row: Delegate, unit: str = "") -> DelegationLine:
    return DelegationLine(as_particulars(row), row.alternate, unit)


def delegation(session: Session, term: Term, on: date | None = None) -> Delegation:
    """The term's delegates (official, then alternates) and the structure of the delegation on the congress day."""
    lines = tuple(line_of(row) for row in delegates(session, term.id))
    day = congress_day(term, on)
    return Delegation(term.name, day, lines, structure_of(lines, day))


def delegates_part(session: Session, term: Term) -> dict[str, Any]:
    """The `delegates` part of a bundle: the term's delegates with the particulars the structure counts."""
    return {
        "term": term.name,
        "congress_on": term.congress_on.isoformat() if term.congress_on else None,
        "delegates": [
            {
                "full_name": d.full_name,
                "alternate": d.alternate,
                "gender": d.gender,
                "ethnicity": d.ethnicity,
                "birth_date": d.birth_date.isoformat() if d.birth_date else None,
                "professional_education": d.professional_education,
                "religion": d.religion,
                "probationary": d.probationary,
            }
            for d in delegates(session, term.id)
        ],
    }


def _latest_lists(session: Session) -> dict[int, list[DelegationLine]]:
    """Unit id → the delegates in its bundle of the latest period that holds a list (one per unit)."""
    from khoidesktop.exchange.summary import read_delegates
    from khoidesktop.store.models import UnitBundle, UnitBundleFile

    query = (
        select(UnitBundle.unit_id, UnitBundle.period, UnitBundle.created_at, UnitBundleFile.content)
        .join(UnitBundleFile, UnitBundleFile.bundle_id == UnitBundle.id)
        .where(UnitBundleFile.name == DELEGATES_FILE)
    )
    latest: dict[int, tuple[tuple[date, datetime], bytes]] = {}
    for unit_id, period, created_at, content in session.execute(query):
        when = (Period.parse(period).end, created_at)
        if unit_id not in latest or when > latest[unit_id][0]:
            latest[unit_id] = (when, content)
    return {unit_id: read_delegates(json.loads(content)) for unit_id, (_when, content) in latest.items()}


def delegation_from_units(session: Session, term: Term, on: date | None = None) -> Delegation:
    """The whole delegation of this level's congress: the delegates each unit sent up, in the units' order, with
    the structure on the congress day (the one entered, else the term's)."""
    from khoidesktop.domain.names import text_key
    from khoidesktop.store.models import Unit

    lists = _latest_lists(session)
    units = sorted((u for u in session.scalars(select(Unit).where(Unit.id.in_(lists)))), key=lambda u: text_key(u.name))
    lines: list[DelegationLine] = []
    per_unit = []
    for unit in units:
        found = [replace(line, unit=unit.name) for line in lists[unit.id]]
        lines += found
        per_unit.append(UnitDelegates(unit.name, sum(not d.alternate for d in found), sum(d.alternate for d in found)))
    ordered = tuple(sorted(lines, key=lambda line: line.alternate))  # official first, each unit's order kept
    day = congress_day(term, on)
    return Delegation(term.name, day, ordered, structure_of(ordered, day), tuple(per_unit))
