"""The audit log: who changed what, when."""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from khoidesktop.store.models import AuditEntry, Base


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some service accounts)
        return "?"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime, time)) else value


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: dict[str, tuple[Any, Any]] | None = None,
) -> AuditEntry:
    detail = {k: [_plain(old), _plain(new)] for k, (old, new) in (changes or {}).items()}
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=json.dumps(detail, ensure_ascii=False),
    )
    session.add(entry)
    return entry


WITHDRAW = "withdraw"  # the action of an entry made in error and taken back ("nhập nhầm"): the row is gone, its
# values stay here (old → None), beside the entry that created it


def withdraw_row(session: Session, row: Base, *, at: datetime, actor: str, entity: str) -> AuditEntry:
    """Delete a row entered in error, keeping every value it held in the audit log (action "withdraw")."""
    mapper = inspect(row).mapper
    values = {column.key: (getattr(row, column.key), None) for column in mapper.column_attrs}
    entry = record(
        session,
        at=at,
        actor=actor,
        action=WITHDRAW,
        entity=entity,
        entity_id=getattr(row, "id", None),
        changes=values,
    )
    session.delete(row)
    return entry


def last_entry_id(session: Session) -> int:
    """The id of the newest audit entry (0 with none): a change recorded since moves it on."""
    session.flush()
    return session.scalar(select(func.max(AuditEntry.id))) or 0


def entries_for(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id)
        )
    )


def detail_of(entry: AuditEntry) -> dict[str, list[Any]]:
    value = json.loads(entry.detail or "{}")
    return value if isinstance(value, dict) else {}
