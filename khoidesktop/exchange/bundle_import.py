"""Importing the bundles of a level's units (at any level above the cells): every bundle checked completely first,
then each read again and written in its own transaction, one at a time (memory is bounded by the largest bundle,
not by their number). The same bundle twice changes nothing; a newer bundle of the same unit and period replaces
the older one; a unit's key is used only once the user has confirmed its fingerprint; a bundle from a level that
does not report here is refused."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity, identity_in_role
from khoidesktop.datafile.kinds import KINDS, UNITS_ROLE, kind_of
from khoidesktop.domain.names import text_key
from khoidesktop.errors import ValidationError
from khoidesktop.exchange.bundle_format import Bundle, BundleRefused, fingerprint, read_bundle
from khoidesktop.i18n import _
from khoidesktop.store import audit
from khoidesktop.store.database import Store
from khoidesktop.store.models import Unit, UnitBundle, UnitBundleFile, UnitRating
from khoidesktop.tasks import IsCancelled, Progress, never_cancelled, no_progress, stop_if

OUTCOMES = ("imported", "unchanged", "replaced", "refused", "stopped")


@dataclass(frozen=True)
class Checked:
    """A file after the checks: its bundle's manifest and figures (its files are read again when it is
    imported), or why it was refused."""

    path: Path
    bundle: Bundle | None
    reason: str = ""


Trust = tuple[str, bytes]  # (unit id, public key): a key is confirmed for one unit, never for any unit


@dataclass(frozen=True)
class KeyQuestion:
    """A unit's key to confirm with its secretary by the fingerprint. `changed`: the unit was known (or comes
    in this same import) with another key; `namesake`: a different unit of the level already has this name
    (a unit that started a new data file gets a new id)."""

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
            found.append(Checked(path, replace(read_bundle(path), files={}, parts={})))
        except BundleRefused as exc:
            found.append(Checked(path, None, str(exc)))
    return found


def _not_a_level_above() -> str:
    return _(
        "This is a cell's data file; bundles are imported by the level above the cells (a grassroots or "
        "superior committee). Create its data file with “init --level …”, or switch the mode in the settings."
    )


def require_units_level(session: Session) -> None:
    identity_in_role(session, UNITS_ROLE, _not_a_level_above())


def keys_to_confirm(session: Session, checked: list[Checked], now: datetime) -> list[KeyQuestion]:
    """The (unit, key) pairs not confirmed yet, one question each, leaving out bundles refused anyway. For a
    known unit whose key changed, the name shown is the one the level knows, not the one the bundle claims."""
    units = {u.uid: u for u in session.scalars(select(Unit)) if u.uid}
    names = {text_key(u.name): u.uid for u in units.values()}
    keys_seen: dict[str, set[bytes]] = {}
    for item in checked:
        if item.bundle is not None:
            keys_seen.setdefault(item.bundle.uid, set()).add(item.bundle.public_key)
    questions: dict[Trust, KeyQuestion] = {}
    for item in checked:
        bundle = item.bundle
        if bundle is None or _basic_refusal(session, bundle, now):
            continue
        unit = units.get(bundle.uid)
        if unit is not None and unit.public_key == bundle.public_key:
            continue
        changed = unit is not None or len(keys_seen[bundle.uid]) > 1
        namesake = unit is None and names.get(text_key(bundle.name)) not in (None, bundle.uid)
        question = KeyQuestion(
            unit.name if unit else bundle.name,
            fingerprint(bundle.public_key),
            bundle.uid,
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
    """Write each good bundle in its own transaction (all of it or nothing of it), reading it again first (one
    bundle in memory at a time); `trusted` holds the (unit id, key) pairs the user confirmed now. After a cancel,
    the files not reached are reported as not imported."""
    with store.session() as session:
        require_units_level(session)
    outcomes = []
    for done, item in enumerate(checked):
        if cancelled():
            outcomes.append(Outcome(item.path, "stopped", _("The import was stopped before this file.")))
        elif item.bundle is None:
            outcomes.append(Outcome(item.path, "refused", item.reason))
        else:
            outcomes.append(_read_and_import(store, item, trusted, now, actor))
        progress(done + 1, len(checked))
    return outcomes


def _read_and_import(store: Store, item: Checked, trusted: set[Trust], now: datetime, actor: str) -> Outcome:
    assert item.bundle is not None
    try:
        bundle = read_bundle(item.path)
    except BundleRefused as exc:
        return Outcome(item.path, "refused", str(exc), item.bundle.name, item.bundle.period.code)
    if bundle.manifest_sha256 != item.bundle.manifest_sha256:
        return Outcome(
            item.path,
            "refused",
            _("The file was changed after it was checked; import it again."),
            item.bundle.name,
            item.bundle.period.code,
        )
    with store.session() as session, session.begin():  # every refusal is decided before a write
        return _import_one(session, item.path, bundle, trusted, now, actor)


def _namesake(session: Session, bundle: Bundle) -> Unit | None:
    """Another unit of the level, known by another id, with the name this bundle claims (a look-alike, or a
    unit's new data file). A unit added by hand and still waiting for its first bundle is no namesake: the
    bundle is that unit's."""
    wanted = text_key(bundle.name)
    for unit in session.scalars(select(Unit).where(Unit.uid.is_not(None), Unit.uid != bundle.uid)):
        if text_key(unit.name) == wanted:
            return unit
    return None


def _expected_by_name(session: Session, bundle: Bundle) -> Unit | None:
    """The unit added by hand that this bundle's sender is, by its name (its first bundle)."""
    wanted = text_key(bundle.name)
    for unit in session.scalars(select(Unit).where(Unit.uid.is_(None))):
        if text_key(unit.name) == wanted:
            return unit
    return None


CLOCK_SLACK = timedelta(hours=2)  # two computers' clocks differ by minutes, not hours


def _basic_refusal(session: Session, bundle: Bundle, now: datetime) -> str:
    """Why this bundle cannot go in whoever signed it ("" when it can)."""
    identity = get_identity(session)
    if identity is None:  # a file with no identity is no level's (require_units_level's refusal)
        raise ValidationError(_not_a_level_above())
    own = kind_of(identity)
    if not own.takes_bundle_of(bundle.level):
        sender = KINDS.get(bundle.level or "cell")
        return _(
            "This bundle comes from {sender} “{name}”; this data file ({own}) takes the bundles of {units} only. "
            "Send it to the level it reports to."
        ).format(
            sender=_(sender.title) if sender else bundle.level,
            name=bundle.name,
            own=_(own.title),
            units=_(own.units_noun),
        )
    training = identity.training
    if bundle.training != training:
        return (
            _("The bundle holds training data; it is not mixed with this data file's real data.")
            if bundle.training
            else _("The bundle holds real data; this data file is for training.")
        )
    if bundle.created_at > now + CLOCK_SLACK or bundle.period.start > now.date():
        return _(
            "The bundle is dated in the future ({when}, period {period}): the clock of the cell's computer "
            "is probably wrong. Ask the cell to set it right and make the bundle again."
        ).format(when=bundle.created_at.strftime("%d/%m/%Y %H:%M"), period=bundle.period.label())
    return ""


def _refusal(session: Session, bundle: Bundle, unit: Unit | None, trusted: set[Trust], now: datetime) -> str:
    """Why this bundle cannot go in ("" when it can), decided before anything is written."""
    basic = _basic_refusal(session, bundle, now)
    if basic:
        return basic
    untrusted = (bundle.uid, bundle.public_key) not in trusted
    if unit is None and untrusted and _namesake(session, bundle) is not None:
        return _(
            "{cell} is already a unit of this level, under another id: this bundle comes from another data file "
            "(fingerprint {fp}). If the unit really started a new data file, check the fingerprint with its "
            "secretary and confirm that key by name; otherwise do not import it."
        ).format(cell=bundle.name, fp=fingerprint(bundle.public_key))
    if (unit is None or unit.public_key != bundle.public_key) and untrusted:
        return _(
            "The key of {cell} (fingerprint {fp}) has not been confirmed. Check the fingerprint with the "
            "unit's secretary, then import the file again and confirm the key."
        ).format(cell=unit.name if unit else bundle.name, fp=fingerprint(bundle.public_key))
    return ""


def _import_one(
    session: Session, path: Path, bundle: Bundle, trusted: set[Trust], now: datetime, actor: str
) -> Outcome:
    period, name = bundle.period.code, bundle.name
    unit = session.scalar(select(Unit).where(Unit.uid == bundle.uid))
    reason = _refusal(session, bundle, unit, trusted, now)
    if reason:
        return Outcome(path, "refused", reason, unit.name if unit else name, period)
    old = (
        None
        if unit is None
        else session.scalar(select(UnitBundle).where(UnitBundle.unit_id == unit.id, UnitBundle.period == period))
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
    row = UnitBundle(
        unit_id=unit.id,
        period=period,
        created_at=bundle.created_at,
        imported_at=now,
        manifest_sha256=bundle.manifest_sha256,
        app_version=str(bundle.manifest.get("app_version", "")),
        file_name=path.name,
        member_count=bundle.figures.members,
        format_version=bundle.format_version,
    )
    session.add(row)
    session.flush()
    session.add_all(
        UnitBundleFile(
            bundle_id=row.id, name=entry["name"], sha256=entry["sha256"], content=bundle.files[entry["name"]]
        )
        for entry in bundle.manifest["files"]
    )
    audit.record(
        session,
        at=now,
        actor=actor,
        action="replace" if old else "create",
        entity="unit_bundle",
        entity_id=row.id,
        changes={"unit": (None, name), "period": (None, period)},
    )
    return Outcome(path, "replaced" if old else "imported", "", name, period)


def _unit(session: Session, unit: Unit | None, bundle: Bundle, now: datetime, actor: str) -> Unit:
    """The sender's unit (the one added by hand under its name, on its first bundle), with its key (a new key was
    confirmed: audited) and the names and level of its newest bundle."""
    newest = None
    if unit is None:
        unit = _expected_by_name(session, bundle) or Unit(name=bundle.name, added_at=now)
        unit.uid, unit.public_key, unit.trusted_at = bundle.uid, bundle.public_key, now
    else:
        newest = session.scalar(select(func.max(UnitBundle.created_at)).where(UnitBundle.unit_id == unit.id))
        if unit.public_key != bundle.public_key:
            audit.record(
                session,
                at=now,
                actor=actor,
                action="update",
                entity="unit",
                entity_id=unit.id,
                changes={
                    "public_key": (
                        fingerprint(unit.public_key) if unit.public_key else None,
                        fingerprint(bundle.public_key),
                    )
                },
            )
            unit.public_key, unit.trusted_at = bundle.public_key, now
    if newest is None or bundle.created_at >= newest:
        unit.name, unit.org_name, unit.kind = bundle.name, bundle.org_name, bundle.level or "cell"
    session.add(unit)
    session.flush()  # its id, for a new unit
    return unit


def remove_bundle(session: Session, bundle_id: int, *, now: datetime, actor: str) -> None:
    """Take a bundle out of the level's file (one sent by mistake, or whose unit must send it again); the unit's
    other bundles and its key stay. A unit left with no bundle, that was not added by hand, goes too (a duplicate):
    it comes back, asking for its key again, if it ever sends one. Audited."""
    bundle = session.get(UnitBundle, bundle_id)
    if bundle is None:
        raise ValidationError(_("This bundle is no longer in the data file."))
    unit = session.get_one(Unit, bundle.unit_id)  # unit_id is a foreign key: the unit exists
    audit.record(
        session,
        at=now,
        actor=actor,
        action="delete",
        entity="unit_bundle",
        entity_id=bundle.id,
        changes={
            "unit": (unit.name, None),
            "period": (bundle.period, None),
            "created_at": (bundle.created_at, None),
        },
    )
    session.delete(bundle)
    session.flush()
    if _came_by_bundle_only(session, unit):
        audit.record(
            session,
            at=now,
            actor=actor,
            action="delete",
            entity="unit",
            entity_id=unit.id,
            changes={
                "name": (unit.name, None),
                "public_key": (fingerprint(unit.public_key) if unit.public_key else None, None),
            },
        )
        session.delete(unit)  # nothing left of it: it is no longer listed (or counted late)


def _came_by_bundle_only(session: Session, unit: Unit) -> bool:
    """A unit that is nothing but its bundles, now none: not added by hand (which keeps it expected), not rated."""
    bundles = session.scalar(select(func.count()).select_from(UnitBundle).where(UnitBundle.unit_id == unit.id))
    rated = session.scalar(select(func.count()).select_from(UnitRating).where(UnitRating.unit_id == unit.id))
    by_hand = unit.trusted_at is None or unit.added_at < unit.trusted_at
    return bundles == 0 and rated == 0 and not by_hand
