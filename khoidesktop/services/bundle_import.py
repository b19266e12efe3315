"""Importing cells' bundles into a bloc: every bundle checked completely first, then each written in one
transaction. The same bundle twice changes nothing; a newer bundle of the same cell and period replaces
the older one; a cell's key is used only once the user has confirmed its fingerprint."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.services import audit
from khoidesktop.services.bundle_format import Bundle, BundleRefused, fingerprint, read_bundle
from khoidesktop.services.identity import get_identity
from khoidesktop.store.database import Store
from khoidesktop.store.models import BlocBundle, BlocBundleFile, BlocUnit

OUTCOMES = ("imported", "unchanged", "replaced", "refused")


@dataclass(frozen=True)
class Checked:
    """A file after the checks: its bundle, or why it was refused."""

    path: Path
    bundle: Bundle | None
    reason: str = ""


@dataclass(frozen=True)
class KeyQuestion:
    cell_name: str
    fingerprint: str
    public_key: bytes
    changed: bool  # the cell was known with another key


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # OUTCOMES
    reason: str = ""
    cell_name: str = ""
    period: str = ""

    def as_json(self) -> dict:
        return {"file": self.path.name, "status": self.status, "reason": self.reason, "cell": self.cell_name,
                "period": self.period}


def check_files(paths: Iterable[Path], cancelled: Callable[[], bool] = lambda: False) -> list[Checked]:
    found = []
    for path in paths:
        if cancelled():
            break
        try:
            found.append(Checked(path, read_bundle(path)))
        except BundleRefused as exc:
            found.append(Checked(path, None, str(exc)))
    return found


def require_bloc(session: Session) -> None:
    identity = get_identity(session)
    if identity is None or identity.kind != "bloc":
        raise ValidationError(_("Bundles are imported into a bloc's data file. Create one with "
                                "“init --bloc”, or switch this file to bloc mode in the settings."))


def keys_to_confirm(session: Session, checked: list[Checked]) -> list[KeyQuestion]:
    """Keys the user has not confirmed yet, one question per key."""
    known = {u.cell_uid: u.public_key for u in session.scalars(select(BlocUnit))}
    questions: dict[bytes, KeyQuestion] = {}
    for item in checked:
        bundle = item.bundle
        if bundle is None or known.get(bundle.cell_uid) == bundle.public_key:
            continue
        questions.setdefault(bundle.public_key, KeyQuestion(bundle.cell_name, fingerprint(bundle.public_key),
                                                            bundle.public_key, bundle.cell_uid in known))
    return list(questions.values())


def import_checked(store: Store, checked: list[Checked], *, trusted: set[bytes], now: datetime, actor: str,
                   progress: Callable[[int, int], None] = lambda _done, _total: None,
                   cancelled: Callable[[], bool] = lambda: False) -> list[Outcome]:
    """Write each good bundle in its own transaction; `trusted` holds the keys the user confirmed now."""
    with store.session() as session:
        require_bloc(session)
    outcomes = []
    for done, item in enumerate(checked):
        if cancelled():
            break
        if item.bundle is None:
            outcomes.append(Outcome(item.path, "refused", item.reason))
        else:
            with store.session() as session, session.begin():
                outcomes.append(_import_one(session, item.path, item.bundle, trusted, now, actor))
        progress(done + 1, len(checked))
    return outcomes


def _import_one(session: Session, path: Path, bundle: Bundle, trusted: set[bytes], now: datetime,
                actor: str) -> Outcome:
    period, name = bundle.period.code, bundle.cell_name
    if bundle.manifest["cell"].get("training") and not get_identity(session).training:
        return Outcome(path, "refused", _("The bundle holds training data; it is not mixed with the bloc's real "
                                          "data."), name, period)
    unit = session.scalar(select(BlocUnit).where(BlocUnit.cell_uid == bundle.cell_uid))
    if unit is None or unit.public_key != bundle.public_key:
        if bundle.public_key not in trusted:
            return Outcome(path, "refused", _("The key of {cell} (fingerprint {fp}) has not been confirmed. "
                                              "Check the fingerprint with the cell's secretary, then import "
                                              "again and confirm it.").format(
                cell=name, fp=fingerprint(bundle.public_key)), name, period)
        unit = unit or BlocUnit(cell_uid=bundle.cell_uid, cell_name=name)
        unit.public_key, unit.trusted_at = bundle.public_key, now
    old = None if unit.id is None else session.scalar(
        select(BlocBundle).where(BlocBundle.unit_id == unit.id, BlocBundle.period == period))
    created = datetime.fromisoformat(bundle.manifest["created_at"])
    if old is not None and old.manifest_sha256 == bundle.manifest_sha256:
        return Outcome(path, "unchanged", "", name, period)
    if old is not None and old.created_at > created:
        return Outcome(path, "refused", _("A newer bundle of {cell} for this period (made {when}) is already "
                                          "imported; this older one was left aside.").format(
            cell=name, when=old.created_at.strftime("%d/%m/%Y %H:%M")), name, period)
    unit.cell_name, unit.org_name = name, str(bundle.manifest["cell"].get("org") or "")
    session.add(unit)
    if old is not None:
        session.delete(old)
        session.flush()
    row = BlocBundle(unit_id=_flushed(session, unit).id, period=period, created_at=created, imported_at=now,
                     manifest_sha256=bundle.manifest_sha256, app_version=str(bundle.manifest.get("app_version", "")),
                     file_name=path.name, member_count=len(bundle.data("members")["members"]))
    session.add(row)
    session.flush()
    session.add_all(BlocBundleFile(bundle_id=row.id, name=file_name, sha256=entry["sha256"],
                                   content=bundle.files[file_name])
                    for entry in bundle.manifest["files"] for file_name in (entry["name"],))
    audit.record(session, at=now, actor=actor, action="replace" if old else "create", entity="bloc_bundle",
                 entity_id=row.id, changes={"cell": (None, name), "period": (None, period)})
    return Outcome(path, "replaced" if old else "imported", "", name, period)


def _flushed(session: Session, unit: BlocUnit) -> BlocUnit:
    session.flush()
    return unit
