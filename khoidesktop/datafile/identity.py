"""The cell's identity: the names printed on every document."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.datafile.kinds import CELL, kind_of
from khoidesktop.domain.names import normalize_text
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import N_, _
from khoidesktop.store import audit
from khoidesktop.store.models import Identity

# Field → label, in the order forms show them.
FIELD_LABELS = {
    "cell_name": N_("Cell name"),
    "org_name": N_("Grassroots Party organisation"),
    "superior_name": N_("Superior Party committee"),
    "place_name": N_("Place name on documents"),
    "secretary_name": N_("Secretary's full name"),
}
REQUIRED = ("cell_name", "org_name", "superior_name", "place_name")


@dataclass(frozen=True)
class IdentityData:
    cell_name: str
    org_name: str
    superior_name: str
    place_name: str
    secretary_name: str = ""
    training: bool = False
    kind: str = CELL.code  # a code of datafile.kinds.KINDS

    def normalized(self) -> IdentityData:
        return replace(
            self,
            cell_name=normalize_text(self.cell_name),
            org_name=normalize_text(self.org_name),
            superior_name=normalize_text(self.superior_name),
            place_name=normalize_text(self.place_name),
            secretary_name=normalize_text(self.secretary_name),
        )

    def validated(self) -> IdentityData:
        data = self.normalized()
        kind = kind_of(data)
        if "cell_name" not in kind.identity_fields and not data.cell_name:
            data = replace(data, cell_name=getattr(data, kind.name_field))  # named by its organisation
        if "org_name" not in kind.identity_fields and not data.org_name:
            data = replace(data, org_name=data.cell_name)  # a chi bộ cơ sở is its own grassroots organisation
        asked = [name for name in REQUIRED if name in kind.identity_fields]
        labels = {**FIELD_LABELS, "org_name": kind.org_label}  # the organisation is called as the kind calls it
        missing = [_(labels[name]) for name in asked if not getattr(data, name)]
        if missing:
            raise ValidationError(_("Please fill in: {fields}.").format(fields=", ".join(missing)))
        return data


def get_identity(session: Session) -> Identity | None:
    return session.scalars(select(Identity).limit(1)).first()


def display_name(row: Identity) -> str:
    """The name at the top of the window and the overview, as its kind declares: the cell's, or for a level above
    its organisation's (a cell file switched to bloc mode keeps its cell name for when it switches back)."""
    return str(getattr(row, kind_of(row).name_field))


def identity_in_role(session: Session, role: str, refusal: str) -> Identity:
    """The identity of a data file whose kind plays `role` (datafile.kinds); else ValidationError(refusal)."""
    identity = get_identity(session)
    if identity is None or kind_of(identity).role != role:
        raise ValidationError(refusal)
    return identity


def identity_data(row: Identity) -> IdentityData:
    return IdentityData(
        row.cell_name, row.org_name, row.superior_name, row.place_name, row.secretary_name, row.training, row.kind
    )


def create_identity(session: Session, data: IdentityData, *, now: datetime, actor: str) -> Identity:
    if get_identity(session) is not None:
        raise ValidationError(_("This data file already has a cell; open it instead of creating it again."))
    data = data.validated()
    row = Identity(
        kind=data.kind,
        cell_name=data.cell_name,
        org_name=data.org_name,
        superior_name=data.superior_name,
        place_name=data.place_name,
        secretary_name=data.secretary_name,
        training=data.training,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    audit.record(session, at=now, actor=actor, action="create", entity="identity", entity_id=row.id)
    return row


def update_identity(session: Session, data: IdentityData, *, now: datetime, actor: str) -> dict[str, tuple[Any, Any]]:
    """Save the edited names and the mode (cell or bloc); returns what changed (field → (old, new)); the
    training flag stays."""
    row = get_identity(session)
    if row is None:
        raise ValidationError(_("This data file has no cell yet."))
    data = data.validated()
    changes = {
        name: (getattr(row, name), getattr(data, name))
        for name in (*FIELD_LABELS, "kind")
        if getattr(row, name) != getattr(data, name)
    }
    if changes:
        for name, (_old, new) in changes.items():
            setattr(row, name, new)
        row.updated_at = now
        audit.record(
            session, at=now, actor=actor, action="update", entity="identity", entity_id=row.id, changes=changes
        )
    return changes


def records_from(session: Session) -> date:
    """The first day of the month the cell started keeping its records in this file (by default the month the file
    was made): reminders about missing records start there, not in the months before."""
    row = get_identity(session)
    if row is None:
        return date.min
    return (row.records_from or row.created_at.date()).replace(day=1)


def set_records_from(session: Session, month: date, *, now: datetime, actor: str) -> date:
    """Set the month the records start (any day of it); returns its first day."""
    row = get_identity(session)
    if row is None:
        raise ValidationError(_("This data file has no cell yet."))
    first = month.replace(day=1)
    if first > now.date():
        raise ValidationError(_("The records cannot start after this month."))
    old = records_from(session)
    if first != old:
        row.records_from, row.updated_at = first, now
        audit.record(
            session,
            at=now,
            actor=actor,
            action="update",
            entity="identity",
            entity_id=row.id,
            changes={"records_from": (old.isoformat(), first.isoformat())},
        )
    return first
