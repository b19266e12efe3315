"""The congress of a term (đại hội; one per term): its date (the term's `congress_on` follows it), place, agenda and
the people who run it; the summoned list with each one's attendance and the quorum it gives (domain/congress.py);
the congress's documents kept in the data file. Every change is checked (a Vietnamese message, nothing written)
and recorded in the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.domain.congress import (
    ATTENDANCE,
    DOCUMENT_KINDS,
    PRESENT,
    Attendee,
    congress_quorum,
    counted,
    is_summoned,
    numbers,
    summon_rules_for,
)
from khoidesktop.domain.elections import Quorum
from khoidesktop.domain.limits import CONGRESS_DOCUMENT_BYTES, CONGRESS_TEXT_LIMITS, EARLIEST_DATE, TEXT_LIMITS
from khoidesktop.domain.names import normalize_block, normalize_text, text_key
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_number
from khoidesktop.store import audit
from khoidesktop.store.models import Congress, CongressDocument, CongressSummoned, Term

PEOPLE = ("presidium", "secretariat", "counting_board")  # one name a line


@dataclass(frozen=True)
class CongressForm:
    term_id: int
    held_on: date
    place: str = ""
    agenda: str = ""
    presidium: str = ""
    secretariat: str = ""
    counting_board: str = ""


@dataclass(frozen=True)
class SummonedRow:
    id: int
    full_name: str
    member_id: int | None
    attendance: str  # domain.congress.ATTENDANCE
    reason: str
    counted: bool  # in the number summoned (an exempt member who stays away is not)
    status: str | None = None  # the member's status on the congress's day (None: a name without a record)


@dataclass(frozen=True)
class DocumentRow:
    id: int
    kind: str
    title: str
    dated: date | None
    file_name: str
    size: int  # bytes


def _term(session: Session, term_id: int) -> Term:
    term = session.get(Term, term_id)
    if term is None:
        raise ValidationError(_("This record no longer exists: close the window and open it again."))
    return term


def congress_of(session: Session, term_id: int) -> Congress | None:
    return session.scalar(select(Congress).where(Congress.term_id == term_id))


def _congress(session: Session, term_id: int) -> Congress:
    """The term's congress; a Vietnamese message when its date is not entered yet."""
    found = congress_of(session, term_id)
    if found is None:
        raise ValidationError(_("Enter the congress's date first (its information), then this."))
    return found


def congress_form(session: Session, term_id: int) -> CongressForm | None:
    c = congress_of(session, term_id)
    if c is None:
        return None
    return CongressForm(term_id, c.held_on, c.place, c.agenda, c.presidium, c.secretariat, c.counting_board)


def names_of(text: str) -> list[str]:
    """One name a line (or separated by “;”), cleaned; empty lines left out."""
    return [n for n in (normalize_text(part) for line in text.splitlines() for part in line.split(";")) if n]


def congress_problems(term: Term, form: CongressForm) -> list[str]:
    found = []
    if not term.starts_on <= form.held_on <= term.ends_on or form.held_on < EARLIEST_DATE:
        found.append(_("The congress opens the term: its date falls within the term's dates."))
    if len(normalize_text(form.place)) > CONGRESS_TEXT_LIMITS["place"]:
        found.append(_("The place is too long: at most {n} characters.").format(n=CONGRESS_TEXT_LIMITS["place"]))
    if len(normalize_block(form.agenda)) > CONGRESS_TEXT_LIMITS["agenda"]:
        found.append(_("The agenda is too long: at most {n} characters.").format(n=CONGRESS_TEXT_LIMITS["agenda"]))
    for field in PEOPLE:
        text = getattr(form, field)
        if len(text) > CONGRESS_TEXT_LIMITS["people"] or any(len(n) > TEXT_LIMITS["full_name"] for n in names_of(text)):
            found.append(
                _("A list of names is too long: at most {n} characters a name.").format(n=TEXT_LIMITS["full_name"])
            )
            break
    return found


def _apply(row: Any, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    changes = {k: (getattr(row, k, None), v) for k, v in values.items() if getattr(row, k, None) != v}
    for key, value in values.items():
        setattr(row, key, value)
    return changes


def save_congress(session: Session, form: CongressForm, *, now: datetime, actor: str) -> Congress:
    """Adds or changes the term's congress; the term's congress date follows it."""
    term = _term(session, form.term_id)
    problems = congress_problems(term, form)
    if problems:
        raise ValidationError("\n".join(problems))
    row = congress_of(session, form.term_id)
    new = row is None
    if row is None:
        row = Congress(term_id=form.term_id, created_at=now)
    values = {
        "held_on": form.held_on,
        "place": normalize_text(form.place),
        "agenda": normalize_block(form.agenda),
        **{field: "\n".join(names_of(getattr(form, field))) for field in PEOPLE},
    }
    changes = _apply(row, values)
    row.updated_at = now
    session.add(row)
    session.flush()
    if new or changes:
        audit.record(
            session,
            at=now,
            actor=actor,
            action="create" if new else "update",
            entity="congress",
            entity_id=row.id,
            changes=changes,
        )
    if term.congress_on != form.held_on:
        audit.record(
            session,
            at=now,
            actor=actor,
            action="update",
            entity="term",
            entity_id=term.id,
            changes={"congress_on": (term.congress_on, form.held_on)},
        )
        term.congress_on = form.held_on
        term.updated_at = now
    return row


def follow_term(session: Session, term: Term, *, now: datetime, actor: str) -> None:
    """The term's congress date was changed on the term: the congress (if any) moves with it."""
    row = congress_of(session, term.id)
    if row is None or term.congress_on is None or row.held_on == term.congress_on:
        return
    audit.record(
        session,
        at=now,
        actor=actor,
        action="update",
        entity="congress",
        entity_id=row.id,
        changes={"held_on": (row.held_on, term.congress_on)},
    )
    row.held_on = term.congress_on
    row.updated_at = now


def term_date_problem(session: Session, term_id: int | None, congress_on: date | None) -> str | None:
    """A term with a congress recorded keeps its congress date."""
    if term_id is None or congress_on is not None or congress_of(session, term_id) is None:
        return None
    return _("The congress of this term is recorded: keep its date (change it in “Congress…”).")


# --- the summoned list --------------------------------------------------------------------------------------------


def _rows(session: Session, congress_id: int) -> list[CongressSummoned]:
    return list(
        session.scalars(
            select(CongressSummoned)
            .where(CongressSummoned.congress_id == congress_id)
            .order_by(CongressSummoned.position, CongressSummoned.id)
        )
    )


def _statuses(session: Session, day: date) -> dict[int, str]:
    from khoidesktop.members.structure import statuses_on

    return {m.id: status for m, status in statuses_on(session, day)}


def summoned(session: Session, term_id: int) -> list[SummonedRow]:
    """The summoned list with attendance, in its order (empty before the congress is entered)."""
    c = congress_of(session, term_id)
    if c is None:
        return []
    rules = summon_rules_for(c.held_on)
    rows = _rows(session, c.id)
    return [
        SummonedRow(r.id, r.full_name, r.member_id, r.attendance, r.reason, counted(a, rules), a.status)
        for r, a in zip(rows, _attendees(session, c, rows), strict=True)
    ]


def _attendees(session: Session, c: Congress, rows: list[CongressSummoned]) -> list[Attendee]:
    """Each row's attendance with the member's status on the congress's day (None for a name without a record)."""
    statuses = _statuses(session, c.held_on) if any(r.member_id for r in rows) else {}
    return [Attendee(r.attendance, statuses.get(r.member_id) if r.member_id else None) for r in rows]


def members_to_summon(session: Session, day: date) -> list[tuple[int, str]]:
    """(member id, full name) of the members a cell's congress on `day` summons: official on that day, not
    suspended (domain/congress.py); a probationary member attends without being summoned."""
    from khoidesktop.members.structure import official_on, statuses_on

    rules = summon_rules_for(day)
    return [
        (m.id, m.full_name)
        for m, status in statuses_on(session, day)
        if is_summoned(status, official_on(m, day), rules)
    ]


def _remake(session: Session, c: Congress, people: list[tuple[int | None, str]], *, now: datetime, actor: str) -> int:
    """The list made again from `people` (member id or None, name), keeping the attendance already entered for
    whoever stays on it (by member, else by name)."""
    old = _rows(session, c.id)
    by_member = {r.member_id: r for r in old if r.member_id is not None}
    by_name = {text_key(r.full_name): r for r in old if r.member_id is None}
    kept: set[int] = set()
    added = []
    for position, (member_id, name) in enumerate(people):
        row = by_member.get(member_id) if member_id is not None else by_name.get(text_key(name))
        if row is None or row.id in kept:
            row = CongressSummoned(congress_id=c.id, member_id=member_id, attendance=PRESENT, reason="")
            added.append(name)
            session.add(row)
        else:
            kept.add(row.id)
        row.full_name, row.position = name, position
    removed = [r.full_name for r in old if r.id not in kept]
    for r in old:
        if r.id not in kept:
            session.delete(r)
    session.flush()
    if added or removed:
        audit.record(
            session,
            at=now,
            actor=actor,
            action="replace",
            entity="congress_summoned",
            entity_id=c.id,
            changes={"added": (None, "; ".join(added) or None), "removed": ("; ".join(removed) or None, None)},
        )
    return len(people)


def summon_members(session: Session, term_id: int, *, now: datetime, actor: str) -> int:
    """A cell: the list made from the official members on the congress's day (made again on demand)."""
    c = _congress(session, term_id)
    people: list[tuple[int | None, str]] = list(members_to_summon(session, c.held_on))
    if not people:
        raise ValidationError(_("No official member is on the cell's list on the congress's day."))
    return _remake(session, c, people, now=now, actor=actor)


def summon_names(session: Session, term_id: int, text: str, *, now: datetime, actor: str) -> int:
    """A level above the cells: the delegates summoned, entered by hand or pasted (one name a line)."""
    c = _congress(session, term_id)
    names = names_of(text)
    if not names:
        raise ValidationError(_("Give the names of those summoned, one a line."))
    if len(names) > 5000:
        raise ValidationError(_("At most {n} people are summoned.").format(n=format_number(5000)))
    for name in names:
        if len(name) > TEXT_LIMITS["full_name"]:
            raise ValidationError(
                _("A name is too long: at most {n} characters ({name}…).").format(
                    n=TEXT_LIMITS["full_name"], name=name[:30]
                )
            )
    keys = [text_key(n) for n in names]
    if len(set(keys)) != len(keys):
        twice = next(n for n, k in zip(names, keys, strict=True) if keys.count(k) > 1)
        raise ValidationError(_("{name} is on the list twice.").format(name=twice))
    return _remake(session, c, [(None, n) for n in names], now=now, actor=actor)


def units_delegate_names(session: Session, term_id: int) -> list[str]:
    """The official delegates the units elected to this level's congress, from the latest bundles that carried
    them (terms/delegates.delegation_from_units); a name two units sent is told apart by its unit."""
    from collections import Counter

    from khoidesktop.terms.delegates import delegation_from_units

    term = session.get(Term, term_id)
    if term is None:
        return []
    lines = delegation_from_units(session, term).official
    names = Counter(line.person.full_name for line in lines)
    return [
        f"{line.person.full_name} ({line.unit})" if names[line.person.full_name] > 1 else line.person.full_name
        for line in lines
    ]


def summon_units_delegates(session: Session, term_id: int, *, now: datetime, actor: str) -> int:
    names = units_delegate_names(session, term_id)
    if not names:
        raise ValidationError(_("The units' delegates have not come with their bundles: enter them by hand."))
    return summon_names(session, term_id, "\n".join(names), now=now, actor=actor)


def set_attendance(
    session: Session, row_id: int, attendance: str, reason: str = "", *, now: datetime, actor: str
) -> None:
    """Present, excused (with the reason) or absent; a reason is kept only for the excused."""
    row = session.get(CongressSummoned, row_id)
    if row is None:
        raise ValidationError(_("This record no longer exists: close the window and open it again."))
    if attendance not in ATTENDANCE:
        raise ValidationError(_("Attendance is present, absent with a reason, or absent."))
    cleaned = normalize_text(reason) if attendance == "excused" else ""
    if attendance == "excused" and not cleaned:
        raise ValidationError(_("Give the reason {name} is excused.").format(name=row.full_name))
    if len(cleaned) > CONGRESS_TEXT_LIMITS["reason"]:
        raise ValidationError(
            _("The reason is too long: at most {n} characters.").format(n=CONGRESS_TEXT_LIMITS["reason"])
        )
    changes = _apply(row, {"attendance": attendance, "reason": cleaned})
    if changes:
        audit.record(
            session,
            at=now,
            actor=actor,
            action="update",
            entity="congress_summoned",
            entity_id=row.id,
            changes={"full_name": (row.full_name, row.full_name), **changes},
        )


def set_attendances(session: Session, values: dict[int, tuple[str, str]], *, now: datetime, actor: str) -> None:
    for row_id, (attendance, reason) in values.items():
        set_attendance(session, row_id, attendance, reason, now=now, actor=actor)


def summoned_named(session: Session, term_id: int, name: str) -> SummonedRow:
    """The one summoned called `name` (full name, or its end when one only ends so)."""
    rows = summoned(session, term_id)
    key = text_key(name)
    exact = [r for r in rows if text_key(r.full_name) == key]
    found = (exact or [r for r in rows if text_key(r.full_name).endswith(key)]) if key else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError(_("Nobody named “{name}” is summoned.").format(name=name))
    raise ValidationError(
        _("Several summoned match “{name}”: {names}. Give the full name.").format(
            name=name, names=", ".join(r.full_name for r in found)
        )
    )


# --- the quorum ---------------------------------------------------------------------------------------------------


def quorum_of(session: Session, term_id: int) -> Quorum | None:
    """The quorum of the term's congress (None before there is a summoned list)."""
    c = congress_of(session, term_id)
    rows = _rows(session, c.id) if c is not None else []
    if c is None or not rows:
        return None
    return congress_quorum(_attendees(session, c, rows), c.held_on)


def congress_numbers(session: Session, term_id: int) -> tuple[int, int]:
    """(summoned, present) of the term's congress, as an election counts them (QĐ 190-QĐ/TW: the more-than-half
    and the two thirds are of those summoned); (0, 0) before there is a summoned list."""
    c = congress_of(session, term_id)
    if c is None:
        return 0, 0
    return numbers(_attendees(session, c, _rows(session, c.id)), summon_rules_for(c.held_on))


def quorum_text(q: Quorum | None) -> str:
    """“Có mặt 20/30, cần ít nhất 20: đủ điều kiện tiến hành đại hội”."""
    if q is None:
        return _("No summoned list yet.")
    said = _("Present {present}/{summoned}, at least {needed} needed").format(
        present=q.present, summoned=q.summoned, needed=q.needed
    )
    if q.valid:
        return said + ": " + _("the congress may proceed")
    return said + ": " + _("the congress may not proceed (at least two thirds of those summoned must be present)")


# --- documents ----------------------------------------------------------------------------------------------------


def documents(session: Session, term_id: int) -> list[DocumentRow]:
    """The congress's documents without their contents, oldest added first."""
    c = congress_of(session, term_id)
    if c is None:
        return []
    d = CongressDocument
    query = (
        select(d.id, d.kind, d.title, d.dated, d.file_name, func.length(d.content))
        .where(d.congress_id == c.id)
        .order_by(d.added_at, d.id)
    )
    return [DocumentRow(*row) for row in session.execute(query)]


def _size_text(size: int) -> str:
    return format_number(size / (1024 * 1024), 1) + " MB"


def document_problems(kind: str, title: str, dated: date | None, size: int) -> list[str]:
    found = []
    if kind not in DOCUMENT_KINDS:
        found.append(_("Choose the kind of document from the list."))
    if not normalize_text(title):
        found.append(_("Give the document's title."))
    elif len(normalize_text(title)) > CONGRESS_TEXT_LIMITS["title"]:
        found.append(_("The title is too long: at most {n} characters.").format(n=CONGRESS_TEXT_LIMITS["title"]))
    if dated is not None and dated < EARLIEST_DATE:
        found.append(_("Check the document's date."))
    if size == 0:
        found.append(_("The file is empty."))
    elif size > CONGRESS_DOCUMENT_BYTES:
        found.append(
            _("The file is {size}: a document kept in the data file is at most {limit}.").format(
                size=_size_text(size), limit=_size_text(CONGRESS_DOCUMENT_BYTES)
            )
        )
    return found


def attach_file(
    session: Session,
    term_id: int,
    path: Path,
    kind: str,
    title: str,
    dated: date | None,
    *,
    now: datetime,
    actor: str,
) -> CongressDocument:
    """Keeps the file in the data file as a document of the congress; its size is checked before it is read."""
    _congress(session, term_id)
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError(_("Cannot read the file {path}.").format(path=path)) from None
    problems = document_problems(kind, title, dated, size)
    if problems:
        raise ValidationError("\n".join(problems))
    try:
        content = path.read_bytes()
    except OSError:
        raise ValidationError(_("Cannot read the file {path}.").format(path=path)) from None
    return attach_bytes(session, term_id, content, path.name, kind, title, dated, now=now, actor=actor)


def attach_bytes(
    session: Session,
    term_id: int,
    content: bytes,
    file_name: str,
    kind: str,
    title: str,
    dated: date | None,
    *,
    now: datetime,
    actor: str,
) -> CongressDocument:
    """Keeps `content` as a document of the congress, checked (its kind, title, date and size)."""
    c = _congress(session, term_id)
    problems = document_problems(kind, title, dated, len(content))
    if problems:
        raise ValidationError("\n".join(problems))
    row = CongressDocument(
        congress_id=c.id,
        kind=kind,
        title=normalize_text(title),
        dated=dated,
        file_name=normalize_text(file_name)[:255] or "tai-lieu",
        content=content,
        added_at=now,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        action="create",
        entity="congress_document",
        entity_id=row.id,
        changes=_document_values(row),
    )
    return row


def _document_values(row: CongressDocument) -> dict[str, tuple[Any, Any]]:
    return {
        "kind": (None, row.kind),
        "title": (None, row.title),
        "dated": (None, row.dated),
        "file_name": (None, row.file_name),
        "size": (None, len(row.content)),
    }


def _document(session: Session, document_id: int) -> CongressDocument:
    row = session.get(CongressDocument, document_id)
    if row is None:
        raise ValidationError(_("There is no document numbered {n}.").format(n=document_id))
    return row


def save_document_out(session: Session, document_id: int, target: Path, data_file: Path | None) -> Path:
    """Writes the document's bytes to `target` (all or nothing), never onto the data file or its backups."""
    from khoidesktop.reports.output import write_atomically
    from khoidesktop.store.backup import refuse_output_onto_data_file

    if data_file is not None:
        refuse_output_onto_data_file(target, data_file)
    content = _document(session, document_id).content

    def build(temporary: Path) -> None:
        temporary.write_bytes(content)

    return write_atomically(target, build)


def document_file_name(session: Session, document_id: int) -> str:
    return _document(session, document_id).file_name


def remove_document(session: Session, document_id: int, *, now: datetime, actor: str) -> None:
    """A document taken out of the data file; the audit log keeps what it was (not its contents)."""
    row = _document(session, document_id)
    values = {k: (new, None) for k, (_old, new) in _document_values(row).items()}
    audit.record(
        session, at=now, actor=actor, action="delete", entity="congress_document", entity_id=row.id, changes=values
    )
    session.delete(row)
