"""Members: adding and editing (validated, normalised, audited) and the headline counts."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.domain.dates import add_years
from khoidesktop.domain.limits import EARLIEST_DATE, TEXT_LIMITS
from khoidesktop.domain.members import ACTIVE_STATUSES, EDUCATION, GENDERS, STATUSES, THEORY
from khoidesktop.domain.names import fold, normalize_text, sort_key, split_name
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import N_, _
from khoidesktop.store import audit
from khoidesktop.store.many import insert_many, next_id
from khoidesktop.store.models import AuditEntry, Member

FIELD_LABELS = {
    "full_name": N_("Full name"),
    "birth_date": N_("Date of birth"),
    "gender": N_("Gender"),
    "ethnicity": N_("Ethnicity"),
    "religion": N_("Religion"),
    "home_town": N_("Home town"),
    "residence": N_("Residence"),
    "position": N_("Position"),
    "work_unit": N_("Work unit"),
    "general_education": N_("General education"),
    "professional_education": N_("Professional education"),
    "political_theory": N_("Political theory"),
    "admitted_on": N_("Date admitted to the Party"),
    "official_on": N_("Date became official"),
    "card_number": N_("Party card number"),
    "personal_id": N_("Personal ID number"),
    "phone": N_("Phone"),
    "status": N_("Status"),
}
_TEXT_FIELDS = set(FIELD_LABELS) - {"card_number", "personal_id", "phone"}
MIN_AGE_AT_ADMISSION = 18  # Điều lệ Đảng: a candidate is at least 18 years old
Values = dict[str, Any]  # a member's values by field name (text, dates, None), as MemberData.normalized gives them
Changes = dict[str, tuple[Any, Any]]  # field → (old value, new value)


@dataclass(frozen=True)
class MemberData:
    full_name: str
    birth_date: date | None = None
    gender: str | None = None
    ethnicity: str = ""
    religion: str = ""
    home_town: str = ""
    residence: str = ""
    position: str = ""
    work_unit: str = ""
    general_education: str = ""
    professional_education: str | None = None
    political_theory: str | None = None
    admitted_on: date | None = None
    official_on: date | None = None
    card_number: str | None = None
    personal_id: str | None = None
    phone: str = ""
    status: str = "official"

    def normalized(self) -> Values:
        """The values as they are stored (texts cleaned); a copy of what was made once (an import checks each row
        when it plans and again when it writes)."""
        return dict(self._normalized)

    @cached_property
    def _normalized(self) -> Values:
        values: Values = {}
        for name in _DATA_FIELDS:
            value = getattr(self, name)
            values[name] = normalize_text(value) if isinstance(value, str) else value
        for name in ("card_number", "personal_id", "gender", "professional_education", "political_theory"):
            values[name] = values[name] or None
        return values

    @classmethod
    def of(cls, member: Member) -> MemberData:
        return cls(**{f.name: getattr(member, f.name) for f in fields(cls)})


_DATA_FIELDS = tuple(f.name for f in fields(MemberData))


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


CardOwner = Callable[[str], "int | None"]  # a card number → the id of the member who holds it (None: nobody)


def problems(
    session: Session,
    values: Values,
    today: date,
    member_id: int | None = None,
    card_owner: CardOwner | None = None,
) -> list[Problem]:
    """Everything wrong with a member's values, each naming its field, in Vietnamese. `card_owner` answers who holds
    a card number without asking the data file (an import checks thousands of rows against cards read once)."""
    found: list[Problem] = []

    def bad(field: str, message: str) -> None:
        found.append(Problem(field, message))

    born, admitted, official = values["birth_date"], values["admitted_on"], values["official_on"]
    if not values["full_name"]:
        bad("full_name", _("Please fill in the member's full name."))
    for name in ("birth_date", "admitted_on", "official_on"):
        if values[name] is not None and values[name] > today:
            bad(name, _("{field} is in the future.").format(field=_(FIELD_LABELS[name])))
        elif values[name] is not None and values[name] < EARLIEST_DATE:
            bad(
                name,
                _("{field} is before {earliest}: check the date.").format(
                    field=_(FIELD_LABELS[name]), earliest=EARLIEST_DATE.strftime("%d/%m/%Y")
                ),
            )
    for name, most in TEXT_LIMITS.items():  # the card, ID and phone have their own patterns below
        if name in _TEXT_FIELDS and isinstance(values[name], str) and len(values[name]) > most:
            bad(
                name,
                _("{field} is {n} characters long; it may have at most {most}.").format(
                    field=_(FIELD_LABELS[name]), n=len(values[name]), most=most
                ),
            )
    if born and admitted and admitted < add_years(born, MIN_AGE_AT_ADMISSION):
        bad("admitted_on", _("The member would have been admitted before turning 18."))
    if official and not admitted:
        bad("admitted_on", _("A member with an official date needs the date admitted too."))
    if official and admitted and official < admitted:
        bad("official_on", _("The official date is before the date admitted."))
    for name, table in (
        ("gender", GENDERS),
        ("professional_education", EDUCATION),
        ("political_theory", THEORY),
        ("status", STATUSES),
    ):
        if values[name] is not None and values[name] not in table:
            bad(
                name,
                _("“{value}” is not a valid {field}.").format(value=values[name], field=_(FIELD_LABELS[name]).lower()),
            )
    card = values["card_number"]
    if card and not re.fullmatch(r"\d{6,12}", card):
        bad("card_number", _("A Party card number has 6 to 12 digits."))
    elif card and _card_taken(session, card, member_id, card_owner):
        bad("card_number", _("Party card number {card} already belongs to another member.").format(card=card))
    if values["personal_id"] and not re.fullmatch(r"\d{12}", values["personal_id"]):
        bad("personal_id", _("A personal ID number has exactly 12 digits."))
    if values["phone"] and not re.fullmatch(r"[0-9 +().-]{6,20}", values["phone"]):
        bad("phone", _("A phone number has only digits (and spaces)."))
    return found


def _card_taken(session: Session, card: str, member_id: int | None, owner: CardOwner | None = None) -> bool:
    if owner is not None:
        holder = owner(card)
        return holder is not None and holder != member_id
    query = select(Member.id).where(Member.card_number == card)
    if member_id is not None:
        query = query.where(Member.id != member_id)
    return session.scalar(query) is not None


def card_owners(session: Session, cards: Sequence[str | None] | None = None) -> dict[str, int]:
    """Card number → its member's id: every card in the data file, or those among `cards` (a batch's, looked up
    through the cards' unique index instead of reading all of them again for each batch)."""
    query = select(Member.id, Member.card_number)
    if cards is None:
        return {card: id_ for id_, card in session.execute(query) if card}
    wanted, found = sorted({card for card in cards if card}), {}
    for start in range(0, len(wanted), 500):  # SQLite takes so many values in one IN (…)
        chunk = query.where(Member.card_number.in_(wanted[start : start + 500]))
        found.update({card: id_ for id_, card in session.execute(chunk) if card})
    return found


def check(
    session: Session, values: Values, today: date, member_id: int | None = None, card_owner: CardOwner | None = None
) -> None:
    found = problems(session, values, today, member_id, card_owner)
    if found:
        raise ValidationError(" ".join(p.message for p in found))


def _derived(values: Values) -> dict[str, str]:
    parts = split_name(values["full_name"])
    return {
        "family_name": parts.family,
        "middle_name": parts.middle,
        "given_name": parts.given,
        "sort_key": sort_key(values["full_name"]),
        "search_key": fold(values["full_name"]),
    }


def add_member(session: Session, data: MemberData, *, now: datetime, actor: str) -> Member:
    values = data.normalized()
    check(session, values, now.date())
    member = Member(**values, **_derived(values), created_at=now, updated_at=now)
    session.add(member)
    session.flush()
    audit.record(session, at=now, actor=actor, action="create", entity="member", entity_id=member.id)
    return member


NEW_MEMBER = -1  # the owner of a card given to a member of the same batch, not yet written


def add_members(session: Session, batch: Sequence[MemberData], *, now: datetime, actor: str) -> list[int]:
    """Many new members at once (an import): each checked as add_member checks it — a card held in the data file or
    earlier in the batch is refused —, written in one insert and each audited as add_member audits it. Returns
    their ids, in order."""
    owners = card_owners(session, [data.normalized()["card_number"] for data in batch])
    first = next_id(session, Member)  # the writer holds the file: the ids that follow are free
    rows = []
    for id_, data in enumerate(batch, start=first):
        values = data.normalized()
        check(session, values, now.date(), card_owner=owners.get)
        if values["card_number"]:
            owners[values["card_number"]] = NEW_MEMBER
        rows.append({"id": id_, **values, **_derived(values), "created_at": now, "updated_at": now})
    if not rows:
        return []
    insert_many(session, Member, rows)  # one executemany of the table: no per-row work of the ORM
    entries = [
        {"at": now, "actor": actor, "action": "create", "entity": "member", "entity_id": row["id"], "detail": "{}"}
        for row in rows
    ]
    insert_many(session, AuditEntry, entries)
    return [row["id"] for row in rows]


def update_member(session: Session, member_id: int, data: MemberData, *, now: datetime, actor: str) -> Changes:
    """Save edited values; returns field → (old, new) for what changed (for the audit and for undo)."""
    member = session.get(Member, member_id)
    if member is None:
        raise ValidationError(_("This member no longer exists in the data file."))
    values = data.normalized()
    check(session, values, now.date(), member_id)
    changes = {k: (getattr(member, k), v) for k, v in values.items() if getattr(member, k) != v}
    if changes:
        for key, (_old, new) in changes.items():
            setattr(member, key, new)
        for key, value in _derived(values).items():
            setattr(member, key, value)
        member.updated_at = now
        audit.record(
            session, at=now, actor=actor, action="update", entity="member", entity_id=member_id, changes=changes
        )
    return changes


def load_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise ValidationError(_("This member no longer exists in the data file."))
    return member


def active_members(session: Session) -> list[Member]:
    """The cell's current list in Vietnamese order."""
    return list(
        session.scalars(select(Member).where(Member.status.in_(ACTIVE_STATUSES)).order_by(Member.sort_key, Member.id))
    )


@dataclass(frozen=True)
class LastEdit:
    """One saved edit of a member's profile, as undo knows it: what changed, and the audit log's newest entry
    once it was written (any change recorded since makes it no longer the last change)."""

    member_id: int
    name: str
    changes: Changes
    audit_mark: int

    def describe(self) -> str:
        """'Undo: edit Position of Nguyễn Văn An' (the fields in the form's order)."""
        names = [_(FIELD_LABELS[key]) for key in FIELD_LABELS if key in self.changes]
        names += [key for key in self.changes if key not in FIELD_LABELS]
        return _("Undo: edit {fields} of {name}").format(fields=", ".join(names), name=self.name)


def undo_update(session: Session, edit: LastEdit, *, now: datetime, actor: str) -> Changes:
    """Put back exactly the values one update changed, refused if anything was recorded after it (it is then no
    longer the last change, and undoing it would take back the wrong thing)."""
    if audit.last_entry_id(session) != edit.audit_mark:
        raise ValidationError(
            _("Other changes were recorded after that edit: it is no longer the last one. Correct the record itself.")
        )
    member = session.get(Member, edit.member_id)
    if member is None:
        raise ValidationError(_("This member no longer exists in the data file."))
    restored = MemberData.of(member).__dict__ | {key: old for key, (old, _new) in edit.changes.items()}
    return update_member(session, edit.member_id, MemberData(**restored), now=now, actor=actor)


# --- a member entered in error ("nhập nhầm") ---------------------------------------------------------------


def history_of(session: Session, member_id: int, *, made_by_file: bool = False) -> list[str]:
    """What the data file holds about the member beyond the entry itself (each a phrase for the message);
    `made_by_file`: the entry is a recruitment file's admission, its own event and link not counted."""
    from sqlalchemy import or_

    from khoidesktop.store.models import Candidate, MeetingAttendance, MemberEvent, Rating

    def count(model: Any, *where: Any) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    counts = (
        (
            count(MemberEvent, MemberEvent.member_id == member_id) - (1 if made_by_file else 0),
            N_("{n} event(s) in the history"),
        ),
        (count(MeetingAttendance, MeetingAttendance.member_id == member_id), N_("{n} meeting(s) attended")),
        (count(Rating, Rating.member_id == member_id), N_("{n} rating(s)")),
        (
            count(Candidate, or_(Candidate.introducer1_id == member_id, Candidate.introducer2_id == member_id)),
            N_("introducer in {n} recruitment file(s)"),
        ),
        (
            0 if made_by_file else count(Candidate, Candidate.member_id == member_id),
            N_("admitted through {n} recruitment file(s)"),
        ),
    )
    return [_(phrase).format(n=n) for n, phrase in counts if n > 0]


def member_withdrawal(session: Session, member_id: int) -> str:
    """The member's name if they can be withdrawn as entered in error (nothing is written); refused once anything
    else in the data file speaks of them: their history is then recorded with an event, never erased."""
    member = load_member(session, member_id)
    history = history_of(session, member_id)
    if history:
        raise ValidationError(
            _(
                "{name} already has {history}: only a member entered in error, with nothing recorded since, can be "
                "withdrawn. To record that {name} left, use an event in the history instead (transferred out, "
                "removed from the list …)."
            ).format(name=member.full_name, history=", ".join(history))
        )
    return member.full_name


def withdraw_member(session: Session, member_id: int, *, now: datetime, actor: str) -> str:
    """Withdraw a member entered in error (and their notes); the audit log keeps every value they held."""
    from khoidesktop.store.models import MemberNote

    name = member_withdrawal(session, member_id)
    for note in session.scalars(select(MemberNote).where(MemberNote.member_id == member_id)):
        audit.withdraw_row(session, note, at=now, actor=actor, entity="member_note")
    audit.withdraw_row(session, load_member(session, member_id), at=now, actor=actor, entity="member")
    session.flush()
    return name
