"""Making a data file's bundle for the level above (at every level of the tree): the period's figures in the
summary format and its reports, signed with the file's key (made on the first export)."""

from __future__ import annotations

import json
import tempfile
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop import __version__
from khoidesktop.datafile.days_off import work_calendar
from khoidesktop.datafile.identity import display_name, get_identity
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE, kind_of
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import RULE_SETS
from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.errors import ValidationError
from khoidesktop.exchange import summary
from khoidesktop.exchange.bundle_format import fingerprint, write_bundle
from khoidesktop.exchange.parts import NAMED_PARTS, PART_LABELS, contents_text
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
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

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


def _cell_parts(session: Session, period: Period, today: date, calendar: WorkCalendar) -> dict[str, summary.Part]:
    figures = summary.cell_figures(session, period, today, calendar)
    return {"figures": summary.figures_part(figures), "units": summary.units_part(0, [])}


def _units_parts(session: Session, period: Period, today: date, calendar: WorkCalendar) -> dict[str, summary.Part]:
    """A level's totals and its direct units' rows (those that sent nothing for the period too, as late)."""
    from khoidesktop.units.records import level_figures, unit_entries, unit_rows

    rows = unit_rows(session, period, today)
    figures = level_figures(session, period, rows)
    if not figures.units:  # an empty bundle would reach the level above as "received, 0 members"
        raise ValidationError(
            _(
                "No unit has sent its bundle for {period}: there is nothing to send up. Import the units' bundles "
                "of that period first, or choose the period they sent."
            ).format(period=period.label())
        )
    expected = sum(row.expected for row in rows)
    return {"figures": summary.figures_part(figures), "units": summary.units_part(expected, unit_entries(rows))}


WRITERS = {CELL_ROLE: _cell_parts, UNITS_ROLE: _units_parts}
# The named lists a bundle may carry, each for a decision of the level above (DESIGN.md, Summary bundle), by
# role: a cell's HTXSNV proposals for its grassroots committee's decision on the excellence cap; at every level, the
# delegates its congress sends to the level above's congress (terms/delegates.py), for that congress's delegation.


def _delegates_part(session: Session, today: date) -> summary.Part:
    """The current term's delegates; refused when there is no term or no delegate to send."""
    from khoidesktop.terms.delegates import delegates, delegates_part
    from khoidesktop.terms.records import term_named

    term = term_named(session, None, today)
    if not delegates(session, term.id):
        raise ValidationError(
            _("The term {term} has no delegate recorded yet: there is no list of delegates to send.").format(
                term=term.name
            )
        )
    return delegates_part(session, term)


def _cell_reports(store: Store, period: Period, today: date, folder: Path, parts: dict[str, Any]) -> dict[str, bytes]:
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
    if _rated(parts) and not period.quarter:
        made["ratings"] = ratings_report_pdf(store, folder / "x.pdf", year=period.year, today=today)
    return {f"reports/{name}.pdf": path.read_bytes() for name, path in made.items()}


def _units_reports(store: Store, period: Period, today: date, folder: Path, parts: dict[str, Any]) -> dict[str, bytes]:
    """The level's own reports of the period; none before any unit sent its figures (there is nothing to sum)."""
    from khoidesktop.units import documents

    if not any(unit["figures"] for unit in parts["units"]["units"]):
        return {}
    made = {
        "structure": documents.bloc_structure_pdf(store, folder / "s.pdf", period=period, today=today),
        "recruitment": documents.bloc_recruitment_pdf(store, folder / "r.pdf", period=period, today=today),
    }
    if _rated(parts) and not period.quarter:
        made["ratings"] = documents.bloc_ratings_pdf(store, folder / "x.pdf", period=period, today=today)
    return {f"reports/{name}.pdf": path.read_bytes() for name, path in made.items()}


def _rated(parts: dict[str, Any]) -> bool:
    return bool(parts["figures"]["ratings"]["rated"])


REPORTS = {CELL_ROLE: _cell_reports, UNITS_ROLE: _units_reports}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    fingerprint: str
    new_key: bool
    members: int
    named: tuple[str, ...] = ()

    def contents(self) -> str:
        """What the bundle holds, in the words the export shows ("Gói này chứa: …")."""
        return contents_text(self.named)


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
    named: tuple[str, ...] = (),
    progress: Progress = no_progress,
) -> ExportResult:
    """Write the period's bundle at `out` (whole or not at all): counts only, and the named lists in `named`
    (each one of NAMED_PARTS of the file's role) for the level above's decisions. The working days are the file's
    own (its local days off) unless `calendar` is given."""
    if period.start > today:
        raise ValidationError(_("The period {period} has not begun yet.").format(period=period.label()))
    first = min(rules.first_year for rules in RULE_SETS)
    if period.year < first:
        raise ValidationError(
            _("Bundles are made for {first} and later (the rating rules the program knows begin in {first}).").format(
                first=first
            )
        )
    with store.session() as session:  # read first: a refusal (nothing sent for the period …) writes nothing
        identity = get_identity(session)
        if identity is None:
            raise ValidationError(_("This data file has no cell yet."))
        kind = kind_of(identity)
        unknown = [name for name in named if name not in NAMED_PARTS[kind.role]]
        if unknown:
            names = "; ".join(_(PART_LABELS.get(name, name)) for name in unknown)
            raise ValidationError(_("A bundle of this level cannot hold {names}.").format(names=names))
        progress(0, 3, _("Collecting the figures…"))
        parts = WRITERS[kind.role](session, period, today, calendar or work_calendar(session))
        if "proposals" in named:
            parts["proposals"] = summary.proposals_part(session, period.year)
        if "delegates" in named:
            parts["delegates"] = _delegates_part(session, today)
    with store.session() as session, session.begin():
        identity = get_identity(session)
        assert identity is not None  # read just above; a data file's identity is never removed
        key, new_key = signing_key(session, now=now, actor=actor)
        manifest = {
            "app_version": __version__,
            "period": period.code,
            "created_at": now.isoformat(),
            "unit": {
                "id": key.cell_uid,
                "name": display_name(identity),
                "org": identity.org_name,
                "superior": identity.superior_name,
                "training": identity.training,
                "level": kind.code,
            },
        }
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = Ed25519PrivateKey.from_private_bytes(key.private_key)
        public = key.public_key
    files = {
        f"data/{name}.json": json.dumps(part, ensure_ascii=False, indent=1).encode() for name, part in parts.items()
    }
    if reports:
        progress(1, 3, _("Making the reports…"))
        with tempfile.TemporaryDirectory(prefix="khoi-bundle-") as folder:
            files |= REPORTS[kind.role](store, period, today, Path(folder), parts)
    progress(2, 3, _("Signing and saving the bundle…"))
    write_bundle(out, manifest, files, private)
    members = parts["figures"]["structure"]["total"]
    return ExportResult(out.expanduser().absolute(), fingerprint(public), new_key, members, named)
