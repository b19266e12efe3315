"""A level's terms (nhiệm kỳ): adding and editing a term, its committee's changes and its targets with the figures
entered by hand, each checked (a Vietnamese message, nothing written) and recorded in the audit log. The figures of
the targets are counted in terms/progress.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import kind_of
from khoidesktop.domain.limits import EARLIEST_DATE
from khoidesktop.domain.names import normalize_text, sort_key, text_key
from khoidesktop.domain.terms import CAME, COMPUTED, LEFT, ROLES, UNITS, Computed, committee_problems, rules_for
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store import audit
from khoidesktop.store.models import CommitteeMember, Term, TermTarget, TermTargetValue

NAME_LIMIT, INDICATOR_LIMIT, NOTE_LIMIT = 50, 500, 500
ROLE_ORDER = tuple(ROLES)


@dataclass(frozen=True)
class TermForm:
    name: str
    starts_on: date
    ends_on: date
    congress_on: date | None = None
    id: int | None = None


@dataclass(frozen=True)
class CommitteeForm:
    term_id: int
    full_name: str
    role: str
    from_date: date
    came: str = "congress"
    to_date: date | None = None
    left_how: str | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class TargetForm:
    term_id: int
    indicator: str
    target: float
    unit: str
    computed: str | None = None
    at_most: bool = False
    position: int = 0
    id: int | None = None


def _action(changes: dict[str, tuple[Any, Any]]) -> str:
    """ "create" for a new row (every old value None), else "update"."""
    return "create" if all(old is None for old, _new in changes.values()) else "update"


def _apply(row: Any, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Sets `values` on `row`, returning what changed (old, new); a new row's old values are None."""
    changes = {k: (getattr(row, k, None), v) for k, v in values.items() if getattr(row, k, None) != v}
    for key, value in values.items():
        setattr(row, key, value)
    return changes


def _get(session: Session, model: Any, row_id: int) -> Any:
    found = session.get(model, row_id)
    if found is None:
        raise ValidationError(_("This record no longer exists: close the window and open it again."))
    return found


def _text(value: str, limit: int, missing: str) -> str:
    cleaned = normalize_text(value)
    if not cleaned:
        raise ValidationError(missing)
    if len(cleaned) > limit:
        raise ValidationError(_("The text is too long: at most {n} characters.").format(n=limit))
    return cleaned


# --- terms -------------------------------------------------------------------------------------------------------


def terms(session: Session) -> list[Term]:
    """The level's terms, latest first."""
    return list(session.scalars(select(Term).order_by(Term.starts_on.desc())))


def current_term(session: Session, today: date) -> Term | None:
    """The term `today` falls in, else the latest one begun before it, else the first one to come."""
    found = terms(session)
    begun = [t for t in found if t.starts_on <= today]
    return next((t for t in begun if today <= t.ends_on), begun[0] if begun else (found[-1] if found else None))


def term_row(session: Session, term_id: int) -> Term:
    found: Term = _get(session, Term, term_id)
    return found


def term_form(session: Session, term_id: int) -> TermForm:
    t = _get(session, Term, term_id)
    return TermForm(t.name, t.starts_on, t.ends_on, t.congress_on, t.id)


def term_named(session: Session, name: str | None, today: date) -> Term:
    """The term called `name`, or (None) the current one; a Vietnamese message when there is none."""
    if name:
        found = next((t for t in terms(session) if text_key(t.name) == text_key(name)), None)
        if found is None:
            known = ", ".join(t.name for t in terms(session)) or _("none yet")
            raise ValidationError(_("There is no term named “{name}” (terms: {known}).").format(name=name, known=known))
        return found
    current = current_term(session, today)
    if current is None:
        raise ValidationError(_("No term is recorded yet: add one on the “Term” page."))
    return current


def term_problems(form: TermForm) -> list[str]:
    found = []
    if not normalize_text(form.name):
        found.append(_("Give the term's name, such as 2025–2030."))
    if form.starts_on < EARLIEST_DATE or form.ends_on <= form.starts_on:
        found.append(_("The term must end after it begins."))
    elif form.ends_on.year - form.starts_on.year > rules_for(form.starts_on).term_years + 1:
        found.append(
            _("A term is {n} years ({source}): check the dates.").format(
                n=rules_for(form.starts_on).term_years, source=rules_for(form.starts_on).source
            )
        )
    if form.congress_on is not None and not form.starts_on <= form.congress_on <= form.ends_on:
        found.append(_("The congress opens the term: its date falls within the term's dates."))
    return found


def save_term(session: Session, form: TermForm, *, now: datetime, actor: str) -> Term:
    problems = term_problems(form)
    if problems:
        raise ValidationError("\n".join(problems))
    term = _get(session, Term, form.id) if form.id else Term(created_at=now)
    values = {
        "name": _text(form.name, NAME_LIMIT, _("Give the term's name, such as 2025–2030.")),
        "starts_on": form.starts_on,
        "ends_on": form.ends_on,
        "congress_on": form.congress_on,
    }
    for other in terms(session):
        if other.id != form.id and other.starts_on <= form.ends_on and form.starts_on <= other.ends_on:
            raise ValidationError(
                _("The dates overlap the term {name}: a level has one term at a time.").format(name=other.name)
            )
    from khoidesktop.terms.congress import follow_term, term_date_problem

    kept = term_date_problem(session, form.id, form.congress_on)
    if kept:
        raise ValidationError(kept)
    changes = _apply(term, values)
    term.updated_at = now
    session.add(term)
    session.flush()
    audit.record(
        session, at=now, actor=actor, action=_action(changes), entity="term", entity_id=term.id, changes=changes
    )
    follow_term(session, term, now=now, actor=actor)  # the congress's date is the term's
    return term


# --- the committee -----------------------------------------------------------------------------------------------


def committee(session: Session, term_id: int) -> list[CommitteeMember]:
    """Everyone who held office in the term: those in office first, by role, then by name."""
    rows = session.scalars(select(CommitteeMember).where(CommitteeMember.term_id == term_id))
    return sorted(rows, key=lambda m: (m.to_date is not None, ROLE_ORDER.index(m.role), sort_key(m.full_name)))


def in_office(rows: list[CommitteeMember], on: date) -> list[CommitteeMember]:
    return [m for m in rows if m.from_date <= on and (m.to_date is None or on <= m.to_date)]


def committee_form(session: Session, row_id: int) -> CommitteeForm:
    m = _get(session, CommitteeMember, row_id)
    return CommitteeForm(m.term_id, m.full_name, m.role, m.from_date, m.came, m.to_date, m.left_how, m.note, m.id)


def _committee_values(term: Term, form: CommitteeForm) -> dict[str, Any]:
    if form.role not in ROLES or form.came not in CAME or (form.left_how is not None and form.left_how not in LEFT):
        raise ValidationError(_("Choose the role and how they came from the lists."))
    if not term.starts_on <= form.from_date <= term.ends_on:
        raise ValidationError(_("The date in office falls within the term's dates."))
    if (form.to_date is None) != (form.left_how is None):
        raise ValidationError(_("Give both the date they left and how, or neither while they are in office."))
    if form.to_date is not None and form.to_date < form.from_date:
        raise ValidationError(_("They leave office after they took it."))
    return {
        "term_id": term.id,
        "full_name": _text(form.full_name, NAME_LIMIT * 2, _("Give the committee member's full name.")),
        "role": form.role,
        "from_date": form.from_date,
        "to_date": form.to_date,
        "came": form.came,
        "left_how": form.left_how,
        "note": normalize_text(form.note)[:NOTE_LIMIT],
    }


def _check_committee(session: Session, term: Term, row: CommitteeMember, values: dict[str, Any]) -> None:
    """The committee as it would be on the day `row` takes office (and on the day it leaves), by the rules."""
    from khoidesktop.members.structure import headline_counts

    kind = kind_of(get_identity(session))
    others = [m for m in committee(session, term.id) if m.id != row.id]
    start, end = values["from_date"], values["to_date"]
    days = {start} | {m.from_date for m in others if start <= m.from_date and (end is None or m.from_date <= end)}
    for day in sorted(days):
        roles = [m.role for m in in_office(others, day)] + [values["role"]]
        official = None if kind.aggregates else headline_counts(session, day).official
        problems = committee_problems(rules_for(day), roles, official, roles_allowed=kind.committee_roles)
        if problems:
            raise ValidationError("\n".join(problems))


def save_committee_member(session: Session, form: CommitteeForm, *, now: datetime, actor: str) -> CommitteeMember:
    """Adds or changes one stay in office (an election in addition, a move, …), checked against the rules."""
    term = _get(session, Term, form.term_id)
    row = _get(session, CommitteeMember, form.id) if form.id else CommitteeMember()
    values = _committee_values(term, form)
    _check_committee(session, term, row, values)
    changes = _apply(row, values)
    session.add(row)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        action=_action(changes),
        entity="committee_member",
        entity_id=row.id,
        changes=changes,
    )
    return row


# --- the targets -------------------------------------------------------------------------------------------------


def targets(session: Session, term_id: int) -> list[TermTarget]:
    return list(
        session.scalars(
            select(TermTarget).where(TermTarget.term_id == term_id).order_by(TermTarget.position, TermTarget.id)
        )
    )


def target_form(session: Session, row_id: int) -> TargetForm:
    t = _get(session, TermTarget, row_id)
    return TargetForm(t.term_id, t.indicator, t.target, t.unit, t.computed, t.at_most, t.position, t.id)


def computable(session: Session) -> dict[str, Computed]:
    """The figures this level's records give."""
    aggregates = kind_of(get_identity(session)).aggregates
    return {code: c for code, c in COMPUTED.items() if aggregates or not c.units_only}


def save_target(session: Session, form: TargetForm, *, now: datetime, actor: str) -> TermTarget:
    _get(session, Term, form.term_id)
    if form.unit not in UNITS:
        raise ValidationError(_("Choose the target's unit from the list."))
    if not 0 <= form.target <= (100 if form.unit == "percent" else 1_000_000):
        raise ValidationError(_("A target is a number from 0 (a share from 0 to 100%)."))
    if form.computed is not None:
        known = computable(session)
        if form.computed not in known:
            raise ValidationError(_("This level's records do not give that figure: enter it by hand."))
        if known[form.computed].unit != form.unit:
            raise ValidationError(
                _("That figure is counted in {unit}: choose that unit.").format(
                    unit=_(UNITS[known[form.computed].unit])
                )
            )
    row = _get(session, TermTarget, form.id) if form.id else TermTarget()
    values = {
        "term_id": form.term_id,
        "indicator": _text(form.indicator, INDICATOR_LIMIT, _("Give the target's indicator.")),
        "target": float(form.target),
        "unit": form.unit,
        "computed": form.computed,
        "at_most": form.at_most,
        "position": form.position if form.id or form.position else len(targets(session, form.term_id)),
    }
    changes = _apply(row, values)
    session.add(row)
    session.flush()
    audit.record(
        session, at=now, actor=actor, action=_action(changes), entity="term_target", entity_id=row.id, changes=changes
    )
    return row


def remove_target(session: Session, row_id: int, *, now: datetime, actor: str) -> None:
    """A target entered in error ("nhập nhầm"): gone with its figures; the audit log keeps what each held."""
    row = _get(session, TermTarget, row_id)
    for value in session.scalars(select(TermTargetValue).where(TermTargetValue.target_id == row.id)):
        audit.withdraw_row(session, value, at=now, actor=actor, entity="term_target_value")
    audit.withdraw_row(session, row, at=now, actor=actor, entity="term_target")


def remove_committee_member(session: Session, row_id: int, *, now: datetime, actor: str) -> None:
    """A committee row entered in error ("nhập nhầm"; someone who left office keeps their row, with the day and
    the reason): gone, the audit log keeps what it held."""
    audit.withdraw_row(session, _get(session, CommitteeMember, row_id), at=now, actor=actor, entity="committee_member")


def entered_values(session: Session, target_id: int) -> dict[int | None, float]:
    """The figures entered by hand for a target: year → value (None: the term so far)."""
    rows = session.scalars(select(TermTargetValue).where(TermTargetValue.target_id == target_id))
    return {r.year: r.value for r in rows}


def set_value(
    session: Session, target_id: int, year: int | None, value: float | None, *, now: datetime, actor: str
) -> None:
    """The figure of a target entered by hand for a year of the term (None: for the term so far); value None
    clears it."""
    target = _get(session, TermTarget, target_id)
    term = _get(session, Term, target.term_id)
    if target.computed is not None:
        raise ValidationError(_("The program counts this target's figure from the records: it is not entered."))
    if year is not None and not term.starts_on.year <= year <= term.ends_on.year:
        raise ValidationError(_("The year falls within the term."))
    if value is not None and not 0 <= value <= (100 if target.unit == "percent" else 1_000_000):
        raise ValidationError(_("A figure is a number from 0 (a share from 0 to 100%)."))
    row = session.scalar(
        select(TermTargetValue).where(TermTargetValue.target_id == target_id, TermTargetValue.year.is_(year))
        if year is None
        else select(TermTargetValue).where(TermTargetValue.target_id == target_id, TermTargetValue.year == year)
    )
    old = row.value if row else None
    if old == value:
        return
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(TermTargetValue(target_id=target_id, year=year, value=float(value)))
    else:
        row.value = float(value)
    audit.record(
        session,
        at=now,
        actor=actor,
        action="update",
        entity="term_target",
        entity_id=target_id,
        changes={f"value_{year or 'term'}": (old, value)},
    )
