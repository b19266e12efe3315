"""Making the cell's bundle for the superior committee: the period's data and reports, signed with the
cell's key (made on the first export)."""

from __future__ import annotations

import json
import tempfile
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop import __version__
from khoidesktop.datafile.identity import identity_in_role
from khoidesktop.datafile.kinds import BUNDLES_FROM_A_CELL, CELL_ROLE
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import RULE_SETS
from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.errors import ValidationError
from khoidesktop.exchange import summary
from khoidesktop.exchange.bundle_format import fingerprint, write_bundle
from khoidesktop.i18n import _
from khoidesktop.store import audit
from khoidesktop.store.database import Store
from khoidesktop.store.models import ExchangeKey
from khoidesktop.tasks import Progress, no_progress


def signing_key(session: Session, *, now: datetime, actor: str) -> tuple[ExchangeKey, bool]:
    """The cell's key; made (and audited) on the first call. Returns (key, made_now)."""
    found = session.scalars(select(ExchangeKey).limit(1)).first()
    if found is not None:
        return found, False
    key = Ed25519PrivateKey.generate()
    row = ExchangeKey(
        cell_uid=uuid.uuid4().hex,
        created_at=now,
        private_key=key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        public_key=key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )
    session.add(row)
    session.flush()
    audit.record(session, at=now, actor=actor, action="create", entity="exchange_key", entity_id=row.id)
    return row, True


def key_fingerprint(session: Session) -> str | None:
    """The fingerprint to show on the page (None before the first export)."""
    found = session.scalars(select(ExchangeKey).limit(1)).first()
    return fingerprint(found.public_key) if found else None


def _reports(store: Store, period: Period, today: date, folder: Path, rated: bool) -> dict[str, bytes]:
    from khoidesktop.meetings.documents import meetings_report_pdf
    from khoidesktop.members.documents import structure_pdf
    from khoidesktop.ratings.documents import ratings_report_pdf
    from khoidesktop.recruitment.documents import recruitment_report_pdf

    on = min(today, period.end)
    made = {
        "structure": structure_pdf(store, folder / "s.pdf", on=on, today=today),
        "meetings": meetings_report_pdf(store, folder / "m.pdf", year=period.year, quarter=period.quarter, today=today),
        "recruitment": recruitment_report_pdf(store, folder / "r.pdf", year=period.year, today=today),
    }
    if rated and not period.quarter:
        made["ratings"] = ratings_report_pdf(store, folder / "x.pdf", year=period.year, today=today)
    return {f"reports/{name}.pdf": path.read_bytes() for name, path in made.items()}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    fingerprint: str
    new_key: bool
    members: int


def export_bundle(
    store: Store,
    out: Path,
    period: Period,
    *,
    today: date,
    now: datetime,
    actor: str,
    calendar: WorkCalendar | None = None,
    reports: bool = True,
    progress: Progress = no_progress,
) -> ExportResult:
    """Write the period's bundle at `out` (whole or not at all)."""
    calendar = calendar or WorkCalendar()
    if period.start > today:
        raise ValidationError(_("The period {period} has not begun yet.").format(period=period.label()))
    first = min(rules.first_year for rules in RULE_SETS)
    if period.year < first:
        raise ValidationError(
            _("Bundles are made for {first} and later (the rating rules the program knows begin in {first}).").format(
                first=first
            )
        )
    with store.session() as session, session.begin():
        identity = identity_in_role(session, CELL_ROLE, _(BUNDLES_FROM_A_CELL))
        key, new_key = signing_key(session, now=now, actor=actor)
        manifest = {
            "app_version": __version__,
            "period": period.code,
            "created_at": now.isoformat(),
            "cell": {
                "id": key.cell_uid,
                "name": identity.cell_name,
                "org": identity.org_name,
                "superior": identity.superior_name,
                "training": identity.training,
            },
        }
        private = Ed25519PrivateKey.from_private_bytes(key.private_key)
        public = key.public_key
    with store.session() as session:
        progress(0, 3, _("Collecting the figures…"))
        parts = summary.write_parts(session, period, today, calendar)
    files = {
        f"data/{name}.json": json.dumps(part, ensure_ascii=False, indent=1).encode() for name, part in parts.items()
    }
    if reports:
        progress(1, 3, _("Making the reports…"))
        with tempfile.TemporaryDirectory(prefix="khoi-bundle-") as folder:
            files |= _reports(store, period, today, Path(folder), parts["ratings"]["rated"] > 0)
    progress(2, 3, _("Signing and saving the bundle…"))
    write_bundle(out, manifest, files, private)
    return ExportResult(out.expanduser().absolute(), fingerprint(public), new_key, len(parts["members"]["members"]))
