"""Importing cells' bundles into a bloc: every bundle checked completely first, then each written in one
transaction. The same bundle twice changes nothing; a newer bundle of the same cell and period replaces
the older one; a cell's key is used only once the user has confirmed its fingerprint."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity, identity_in_role
from khoidesktop.datafile.kinds import UNITS_ROLE
from khoidesktop.domain.names import text_key
from khoidesktop.errors import ValidationError
from khoidesktop.exchange.bundle_format import Bundle, BundleRefused, fingerprint, read_bundle
from khoidesktop.i18n import _
from khoidesktop.store import audit
from khoidesktop.store.database import Store
from khoidesktop.store.models import BlocBundle, BlocBundleFile, BlocUnit
from khoidesktop.tasks import IsCancelled, Progress, never_cancelled, no_progress, stop_if

OUTCOMES = ("imported", "unchanged", "replaced", "refused", "stopped")


@dataclass(frozen=True)
class Checked:
    """A file after the checks: its bundle, or why it was refused."""

    path: Path
    bundle: Bundle | None
    reason: str = ""


Trust = tuple[str, bytes]  # (cell id, public key): a key is confirmed for one cell, never for any cell


@dataclass(frozen=True)
class KeyQuestion:
    """A cell's key to confirm with its secretary by the fingerprint. `changed`: the cell was known (or comes
    in this same import) with another key; `namesake`: a different unit of the bloc already has this name
    (a cell that started a new data file gets a new id)."""

    cell_name: str
    fingerprint: str
    cell_uid: str
    public_key: bytes
    changed: bool
    namesake: bool = False

    @property
    def trust(self) -> Trust:
        return self.cell_uid, self.public_key


@dataclass(frozen=True)
class Outcome:
    """What became of one file: imported, unchanged (the same bundle again), replaced (an older one), refused
    (with the reason), or stopped (the user cancelled before it)."""

    path: Path
    status: str  # OUTCOMES
    reason: str = ""
    cell_name: str = ""
    period: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "file": self.path.name,
            "status": self.status,
            "reason": self.reason,
            "cell": self.cell_name,
            "period": self.period,
        }


def check_files(
    paths: Iterable[Path], cancelled: IsCancelled = never_cancelled, progress: Progress = no_progress
) -> list[Checked]:
    """Every file read and checked completely (nothing written); raises Cancelled if the user stops."""
    found, paths = [], list(paths)
    for done, path in enumerate(paths):
        stop_if(cancelled)
        progress(done, len(paths), path.name)
        try:
            found.append(Checked(path, read_bundle(path)))
        except BundleRefused as exc:
            found.append(Checked(path, None, str(exc)))
    return found


def _not_a_bloc() -> str:
    return _(
        "This is a cell's data file; this works on a bloc's data file only (the superior "
        "committee's). Create one with “init --bloc”, or switch the mode in the settings."
    )


def require_bloc(session: Session) -> None:
    identity_in_role(session, UNITS_ROLE, _not_a_bloc())


def keys_to_confirm(session: Session, checked: list[Checked], now: datetime) -> list[KeyQuestion]:
    """The (cell, key) pairs not confirmed yet, one question each, leaving out bundles refused anyway. For a
    known cell whose key changed, the name shown is the one the bloc knows, not the one the bundle claims."""
    units = {u.cell_uid: u for u in session.scalars(select(BlocUnit))}
    names = {text_key(u.cell_name): u.cell_uid for u in units.values()}
    keys_seen: dict[str, set[bytes]] = {}
    for item in checked:
        if item.bundle is not None:
            keys_seen.setdefault(item.bundle.cell_uid, set()).add(item.bundle.public_key)
    questions: dict[Trust, KeyQuestion] = {}
    for item in checked:
        bundle = item.bundle
        if bundle is None or _basic_refusal(session, bundle, now):
            continue
        unit = units.get(bundle.cell_uid)
        if unit is not None and unit.public_key == bundle.public_key:
            continue
        changed = unit is not None or len(keys_seen[bundle.cell_uid]) > 1
        namesake = unit is None and names.get(text_key(bundle.cell_name)) not in (None, bundle.cell_uid)
        question = KeyQuestion(
            unit.cell_name if unit else bundle.cell_name,
            fingerprint(bundle.public_key),
            bundle.cell_uid,
            bundle.public_key,
            changed,
            namesake,
        )
        questions.setdefault(question.trust, question)
    return list(questions.values())


def import_checked(
    store: Store,
    checked: list[Checked],
    *,
    trusted: set[Trust],
    now: datetime,
    actor: str,
    progress: Progress = no_progress,
    cancelled: IsCancelled = never_cancelled,
) -> list[Outcome]:
    """Write each good bundle in its own transaction (all of it or nothing of it); `trusted` holds the
    (cell id, key) pairs the user confirmed now. After a cancel, the files not reached are reported as not imported."""
    with store.session() as session:
        require_bloc(session)
    outcomes = []
    for done, item in enumerate(checked):
        if cancelled():
            outcomes.append(Outcome(item.path, "stopped", _("The import was stopped before this file.")))
        elif item.bundle is None:
            outcomes.append(Outcome(item.path, "refused", item.reason))
        else:
            with store.session() as session, session.begin():  # every refusal is decided before a write
                outcomes.append(_import_one(session, item.path, item.bundle, trusted, now, actor))
        progress(done + 1, len(checked))
    return outcomes


def _namesake(session: Session, bundle: Bundle) -> BlocUnit | None:
    """Another unit of the bloc with the name this bundle claims (a look-alike, or a cell's new data file)."""
    wanted = text_key(bundle.cell_name)
    for unit in session.scalars(select(BlocUnit).where(BlocUnit.cell_uid != bundle.cell_uid)):
        if text_key(unit.cell_name) == wanted:
            return unit
    return None


CLOCK_SLACK = timedelta(hours=2)  # two computers' clocks differ by minutes, not hours


def _basic_refusal(session: Session, bundle: Bundle, now: datetime) -> str:
    """Why this bundle cannot go in whoever signed it ("" when it can)."""
    identity = get_identity(session)
    if identity is None:  # a file with no identity is no bloc's (require_bloc's refusal)
        raise ValidationError(_not_a_bloc())
    training = identity.training
    if bundle.training != training:
        return (
            _("The bundle holds training data; it is not mixed with the bloc's real data.")
            if bundle.training
            else _("The bundle holds a cell's real data; this bloc's data file is for training.")
        )
    if bundle.created_at > now + CLOCK_SLACK or bundle.period.start > now.date():
        return _(
            "The bundle is dated in the future ({when}, period {period}): the clock of the cell's computer "
            "is probably wrong. Ask the cell to set it right and make the bundle again."
        ).format(when=bundle.created_at.strftime("%d/%m/%Y %H:%M"), period=bundle.period.label())
    return ""


def _refusal(session: Session, bundle: Bundle, unit: BlocUnit | None, trusted: set[Trust], now: datetime) -> str:
    """Why this bundle cannot go in ("" when it can), decided before anything is written."""
    basic = _basic_refusal(session, bundle, now)
    if basic:
        return basic
    untrusted = (bundle.cell_uid, bundle.public_key) not in trusted
    if unit is None and untrusted and _namesake(session, bundle) is not None:
        return _(
            "{cell} is already a unit of the bloc, under another id: this bundle comes from another data file "
            "(fingerprint {fp}). If the cell really started a new data file, check the fingerprint with its "
            "secretary and confirm that key by name; otherwise do not import it."
        ).format(cell=bundle.cell_name, fp=fingerprint(bundle.public_key))
    if (unit is None or unit.public_key != bundle.public_key) and untrusted:
        return _(
            "The key of {cell} (fingerprint {fp}) has not been confirmed. Check the fingerprint with the "
            "cell's secretary, then import the file again and confirm the key."
        ).format(cell=unit.cell_name if unit else bundle.cell_name, fp=fingerprint(bundle.public_key))
    return ""


def _import_one(
    session: Session, path: Path, bundle: Bundle, trusted: set[Trust], now: datetime, actor: str
) -> Outcome:
    period, name = bundle.period.code, bundle.cell_name
    unit = session.scalar(select(BlocUnit).where(BlocUnit.cell_uid == bundle.cell_uid))
    reason = _refusal(session, bundle, unit, trusted, now)
    if reason:
        return Outcome(path, "refused", reason, unit.cell_name if unit else name, period)
    old = (
        None
        if unit is None
        else session.scalar(select(BlocBundle).where(BlocBundle.unit_id == unit.id, BlocBundle.period == period))
    )
    if old is not None and old.manifest_sha256 == bundle.manifest_sha256:
        return Outcome(path, "unchanged", "", name, period)
    if old is not None and old.created_at > bundle.created_at:
        return Outcome(
            path,
            "refused",
            _(
                "A newer bundle of {cell} for this period (made {when}) is already "
                "imported; this older one was left aside."
            ).format(cell=name, when=old.created_at.strftime("%d/%m/%Y %H:%M")),
            name,
            period,
        )
    unit = _unit(session, unit, bundle, now, actor)
    if old is not None:
        session.delete(old)
        session.flush()
    row = BlocBundle(
        unit_id=unit.id,
        period=period,
        created_at=bundle.created_at,
        imported_at=now,
        manifest_sha256=bundle.manifest_sha256,
        app_version=str(bundle.manifest.get("app_version", "")),
        file_name=path.name,
        member_count=len(bundle.data("members")["members"]),
        format_version=bundle.format_version,
    )
    session.add(row)
    session.flush()
    session.add_all(
        BlocBundleFile(
            bundle_id=row.id, name=entry["name"], sha256=entry["sha256"], content=bundle.files[entry["name"]]
        )
        for entry in bundle.manifest["files"]
    )
    audit.record(
        session,
        at=now,
        actor=actor,
        action="replace" if old else "create",
        entity="bloc_bundle",
        entity_id=row.id,
        changes={"cell": (None, name), "period": (None, period)},
    )
    return Outcome(path, "replaced" if old else "imported", "", name, period)


def _unit(session: Session, unit: BlocUnit | None, bundle: Bundle, now: datetime, actor: str) -> BlocUnit:
    """The cell's unit, with its key (a new key was confirmed: audited) and the names of its newest bundle."""
    newest = None
    if unit is None:
        unit = BlocUnit(cell_uid=bundle.cell_uid, public_key=bundle.public_key, trusted_at=now)
    else:
        newest = session.scalar(select(func.max(BlocBundle.created_at)).where(BlocBundle.unit_id == unit.id))
        if unit.public_key != bundle.public_key:
            audit.record(
                session,
                at=now,
                actor=actor,
                action="update",
                entity="bloc_unit",
                entity_id=unit.id,
                changes={"public_key": (fingerprint(unit.public_key), fingerprint(bundle.public_key))},
            )
            unit.public_key, unit.trusted_at = bundle.public_key, now
    if newest is None or bundle.created_at >= newest:
        unit.cell_name, unit.org_name = bundle.cell_name, str(bundle.manifest["cell"].get("org") or "")
    session.add(unit)
    session.flush()  # its id, for a new unit
    return unit


def remove_bundle(session: Session, bundle_id: int, *, now: datetime, actor: str) -> None:
    """Take a bundle out of the bloc (one sent by mistake, or whose cell must send it again); the cell's
    other bundles and its key stay. A unit left with no bundle goes too (a duplicate, a dissolved cell): it
    comes back, asking for its key again, if it ever sends one. Audited."""
    bundle = session.get(BlocBundle, bundle_id)
    if bundle is None:
        raise ValidationError(_("This bundle is no longer in the data file."))
    unit = session.get_one(BlocUnit, bundle.unit_id)  # unit_id is a foreign key: the unit exists
    audit.record(
        session,
        at=now,
        actor=actor,
        action="delete",
        entity="bloc_bundle",
        entity_id=bundle.id,
        changes={
            "cell": (unit.cell_name, None),
            "period": (bundle.period, None),
            "created_at": (bundle.created_at, None),
        },
    )
    session.delete(bundle)
    session.flush()
    if session.scalar(select(func.count()).select_from(BlocBundle).where(BlocBundle.unit_id == unit.id)) == 0:
        audit.record(
            session,
            at=now,
            actor=actor,
            action="delete",
            entity="bloc_unit",
            entity_id=unit.id,
            changes={"cell": (unit.cell_name, None), "public_key": (fingerprint(unit.public_key), None)},
        )
        session.delete(unit)  # nothing left of it: it is no longer listed (or counted late)
