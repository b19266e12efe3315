"""The audit log: who changed what, when."""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from khoidesktop.store.models import AuditEntry


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some service accounts)
        return "?"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: dict[str, tuple[Any, Any]] | None = None,
) -> None:
    detail = {k: [_plain(old), _plain(new)] for k, (old, new) in (changes or {}).items()}
    session.add(
        AuditEntry(
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail, ensure_ascii=False),
        )
    )
