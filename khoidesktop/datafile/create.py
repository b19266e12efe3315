"""Creating a data file and describing an open one (used by the first-run dialog and the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import IdentityData, create_identity, get_identity, identity_data
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE, kind_of
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.members.structure import headline_counts
from khoidesktop.store.database import Store, open_store


def _remove_file_set(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def create_data_file(
    path: Path,
    identity: IdentityData | None,
    *,
    actor: str,
    now: Callable[[], datetime] = datetime.now,
    lock: bool = True,
    fill: Callable[[Store], None] | None = None,
    passphrase: str | None = None,
) -> Store:
    """Make a new data file with its identity, then let `fill` write its first data (the training files of
    demo/ do; `fill` may write the identity itself, `identity` is then None). All or nothing: on any error the
    new file is removed again, so the user can simply try again. With `passphrase` the file is encrypted."""
    path = path.expanduser().absolute()
    if path.exists():
        raise ValidationError(_("The file {path} already exists. Open it, or choose another name.").format(path=path))
    if identity is None and fill is None:
        raise ValidationError(_("Please fill in the cell's names."))
    if identity is not None:
        identity = identity.validated()  # before the file exists: a typing mistake leaves nothing
    store = None
    try:
        store = open_store(path, create=True, lock=lock, now=now, passphrase=passphrase)
        if identity is not None:
            with store.session() as session, session.begin():
                create_identity(session, identity, now=now(), actor=actor)
        if fill is not None:
            fill(store)
    except BaseException:
        if store is not None:
            store.close()
        _remove_file_set(path)  # it did not exist before: nothing of the user's is lost
        raise
    return store


@dataclass(frozen=True)
class DataFileInfo:
    path: Path
    schema_version: int
    identity: IdentityData | None
    member_count: int  # a bloc: the members its units sent for the latest period
    units: int | None = None  # a bloc's units
    encrypted: bool = False  # opens only with its passphrase (store/connect.py)

    @property
    def training(self) -> bool:
        return bool(self.identity and self.identity.training)

    def as_json(self) -> dict[str, Any]:
        ident = self.identity
        return {
            "path": str(self.path),
            "schema_version": self.schema_version,
            "identity": None
            if ident is None
            else {
                "cell_name": ident.cell_name,
                "org_name": ident.org_name,
                "superior_name": ident.superior_name,
                "place_name": ident.place_name,
                "secretary_name": ident.secretary_name,
                "kind": ident.kind,
            },
            "member_count": self.member_count,
            "units": self.units,
            "training": self.training,
            "encrypted": self.encrypted,
        }


def is_training(store: Store) -> bool:
    with store.session() as session:
        row = get_identity(session)
        return bool(row and row.training)


def _cell_counts(session: Session, today: date) -> tuple[int, int | None]:
    return headline_counts(session, today).active, None


def _units_counts(session: Session, today: date) -> tuple[int, int | None]:
    """The members the units sent for the latest period, and the units."""
    from khoidesktop.units.records import default_period, level_figures, unit_rows

    period = default_period(session, today)
    rows = unit_rows(session, period, today)
    return level_figures(session, period, rows).total, len(rows)


COUNTS: dict[str, Callable[[Session, date], tuple[int, int | None]]] = {
    CELL_ROLE: _cell_counts,
    UNITS_ROLE: _units_counts,
}


def describe(store: Store, today: date | None = None) -> DataFileInfo:
    """What the data file holds: its names, and its members (on `today`) or its units."""
    with store.session() as session:
        row = get_identity(session)
        members, units = COUNTS[kind_of(row).role](session, today or date.today())
        ident = identity_data(row) if row else None
        encrypted = store.passphrase is not None
        return DataFileInfo(store.path, store.schema_version, ident, members, units, encrypted)
