"""Creating a data file and describing an open one (used by the first-run dialog and the CLI)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.services import demo
from khoidesktop.services.identity import IdentityData, create_identity, get_identity, identity_data
from khoidesktop.services.members import headline_counts
from khoidesktop.store.database import Store, open_store


def _remove_file_set(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def create_data_file(path: Path, identity: IdentityData | None, *, demo_data: bool, actor: str,
                     now: Callable[[], datetime] = datetime.now, lock: bool = True, bloc: bool = False) -> Store:
    """Make a new data file with its cell (or the training cell; with `bloc`, the training bloc). All or
    nothing: on any error the new file is removed again, so the user can simply try again."""
    path = path.expanduser().absolute()
    if path.exists():
        raise ValidationError(_("The file {path} already exists. Open it, or choose another name.")
                              .format(path=path))
    if not demo_data:
        if identity is None:
            raise ValidationError(_("Please fill in the cell's names."))
        identity = identity.validated()  # before the file exists: a typing mistake leaves nothing
    store = None
    if bloc and demo_data:
        from khoidesktop.services import demo_bloc
    try:
        store = open_store(path, create=True, lock=lock, now=now)
        with store.session() as session, session.begin():
            if demo_data and not bloc:
                demo.fill_demo(session, now=now(), actor=actor)
            else:
                create_identity(session, demo_bloc.DEMO_BLOC if demo_data else identity, now=now(), actor=actor)
        if demo_data and bloc:
            demo_bloc.fill_demo_bloc(store, now=now(), actor=actor)
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

    @property
    def training(self) -> bool:
        return bool(self.identity and self.identity.training)

    def as_json(self) -> dict:
        ident = self.identity
        return {
            "path": str(self.path),
            "schema_version": self.schema_version,
            "identity": None if ident is None else {
                "cell_name": ident.cell_name, "org_name": ident.org_name,
                "superior_name": ident.superior_name, "place_name": ident.place_name,
                "secretary_name": ident.secretary_name, "kind": ident.kind},
            "member_count": self.member_count,
            "units": self.units,
            "training": self.training,
        }


def is_training(store: Store) -> bool:
    with store.session() as session:
        row = get_identity(session)
        return bool(row and row.training)


def describe(store: Store) -> DataFileInfo:
    with store.session() as session:
        row = get_identity(session)
        if row is not None and row.kind == "bloc":
            from khoidesktop.services.bloc import bloc_figures, default_period, unit_rows

            today = date.today()  # only decides lateness, which this summary does not show
            rows = unit_rows(session, default_period(session, today), today)
            return DataFileInfo(store.path, store.schema_version, identity_data(row), bloc_figures(rows).total,
                                len(rows))
        return DataFileInfo(store.path, store.schema_version, identity_data(row) if row else None,
                            headline_counts(session).active)
