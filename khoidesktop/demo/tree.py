"""A made-up tree below a level (training data, the tree tests, the benchmark): real data files at every level,
each exporting its real bundle to the level above, which imports it — cells → grassroots committees and chi bộ
cơ sở → superior committees → the province committee. One unit of the top level sends late."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from khoidesktop.datafile.create import create_data_file
from khoidesktop.datafile.identity import IdentityData
from khoidesktop.datafile.kinds import KINDS, DataFileKind
from khoidesktop.demo.bloc import DEMO_BLOC, UNIT_NAMES, import_generated, make_cell, unit_identity
from khoidesktop.domain.periods import Period
from khoidesktop.exchange.bundle_export import export_bundle
from khoidesktop.store.database import Store, open_store


@dataclass(frozen=True)
class Shape:
    """What a made-up level has below it: `cells` cells directly (a grassroots committee's cells, a superior's chi
    bộ cơ sở) and `committees`, each a level itself with its own shape."""

    cells: int = 0
    committees: tuple[Shape, ...] = field(default_factory=tuple)


# By the tier of the level (datafile.kinds): 1 a grassroots committee, 2 a superior, 3 a province.
DEMO_SHAPES = {
    1: Shape(cells=4),
    2: Shape(cells=9, committees=(Shape(3), Shape(4), Shape(5))),  # 12 TCCS, 3 of them đảng bộ cơ sở
    3: Shape(committees=(Shape(cells=3, committees=(Shape(3),)),) * 3),
}
SUPERIOR_NAMES = ("Đảng bộ các cơ quan Đảng tỉnh", "Đảng bộ Công an tỉnh", "Đảng bộ Quân sự tỉnh")
DEMO_NAMES = {  # tier → (organisation, superior, secretary)
    1: ("Đảng bộ Sở Tài chính", "Đảng ủy các cơ quan Đảng tỉnh", "Trần Thị Lan"),
    2: (DEMO_BLOC.org_name, DEMO_BLOC.superior_name, DEMO_BLOC.secretary_name),
    3: ("Đảng bộ tỉnh Quảng Ninh", "", "Nguyễn Văn Hùng"),
}


def demo_identity(kind: str) -> IdentityData:
    org, superior, secretary = DEMO_NAMES[KINDS[kind].tier]
    return IdentityData("", org, superior, DEMO_BLOC.place_name, secretary, training=True, kind=kind)


def _below(kind: DataFileKind, aggregates: bool) -> DataFileKind:
    return next(k for k in KINDS.values() if k.tier == kind.tier - 1 and k.aggregates == aggregates)


@dataclass
class Builder:
    folder: Path
    now: datetime
    training: bool
    members: int = 20  # per cell, give or take
    reports: bool = False
    seed: int = 2026
    made: int = 0  # cells made so far (their names and seeds)
    rates: bool = False  # each committee below the top rates the units that sent (the training data does)

    def bundles(self, kind: DataFileKind, shape: Shape, org: str, year: int, late: int = 0) -> list[Path]:
        """The bundles of the units of a level of `kind` (named `org`) shaped `shape`, for `year`; the last `late`
        of its units send only the year before."""
        plan: list[tuple[int, Shape | None]] = [(n, None) for n in range(shape.cells)]
        plan += list(enumerate(shape.committees))
        found = []
        for index, (number, sub) in enumerate(plan):
            sent = year - (index >= len(plan) - late)
            if sub is None:
                # a committee that decides the excellence cap is sent the names its cells propose
                named = ("proposals",) if kind.decides_excellence_cap else ()
                found.append(self._cell(_below(kind, False), org, sent, named))
            else:
                found.append(self._committee(_below(kind, True), sub, number, sent))
        return found

    def _cell(self, kind: DataFileKind, org: str, year: int, named: tuple[str, ...] = ()) -> Path:
        number, self.made = self.made, self.made + 1
        path = self.folder / f"chi-bo-{number + 1:03d}.sqlite"
        identity = unit_identity(number, self.training, kind.code, org)
        make_cell(
            path,
            number,
            self.members + number * 7 % 13,
            seed=self.seed,
            now=self.now,
            training=self.training,
            identity=identity,
        )
        return self._export(open_store(path, lock=False, now=lambda: self.now), path, year, named)

    def _committee(self, kind: DataFileKind, shape: Shape, number: int, year: int) -> Path:
        name = SUPERIOR_NAMES[number % 3] if kind.tier == 2 else f"Đảng bộ {UNIT_NAMES[self.made % len(UNIT_NAMES)]}"
        path = self.folder / f"{kind.code}-{self.made:03d}.sqlite"
        identity = IdentityData(
            "",
            name,
            "Đảng ủy các cơ quan Đảng tỉnh" if kind.tier == 1 else "Tỉnh ủy Quảng Ninh",
            "Hạ Long",
            "",
            self.training,
            kind.code,
        )
        store = create_data_file(path, identity, actor="demo", now=lambda: self.now, lock=False)
        import_generated(store, self.bundles(kind, shape, name, year), now=self.now, actor="demo")
        if self.rates:
            rate_units(store, year, self.now)
        return self._export(store, path, year)

    def _export(self, store: Store, path: Path, year: int, named: tuple[str, ...] = ()) -> Path:
        out = path.with_suffix(f".{year}.khoi")
        try:
            export_bundle(
                store,
                out,
                Period(year),
                today=self.now.date(),
                now=self.now,
                actor="demo",
                reports=self.reports,
                named=named,
            )
        finally:
            store.close()
        return out


def rate_units(store: Store, year: int, now: datetime) -> None:
    """A committee below the training level rates the units that sent for `year`: "HTTNV", or lower where the unit
    rated itself lower, and "HTXSNV" for as many as the cap for collectives allows (the training level itself is
    left to rate its own units)."""
    from khoidesktop.domain.rating_rules import excellent_allowed, rule_set_for
    from khoidesktop.units.records import rate_unit, unit_rows

    with store.session() as session, session.begin():
        sent = [row for row in unit_rows(session, Period(year), now.date()) if row.figures is not None]
        levels = [row.self_level if row.self_level in ("HTNV", "KHTNV") else "HTTNV" for row in sent]
        good, best = levels.count("HTTNV"), 0
        while excellent_allowed(rule_set_for(year), {"HTTNV": good - best - 1}) >= best + 1:
            best += 1  # one more HTXSNV still within the cap of those left HTTNV
        for row, level in zip(sent, levels, strict=True):
            if level == "HTTNV" and best:
                level, best = "HTXSNV", best - 1
            rate_unit(session, row.unit, year, level, now=now, actor="demo")


def fill_demo_level(store: Store, kind: str, *, now: datetime, actor: str) -> None:
    """A training level: the bundles of a made-up tree below it for last year, one unit late."""
    with tempfile.TemporaryDirectory(prefix="khoi-demo-") as folder:
        builder = Builder(Path(folder), now, training=True, rates=True)
        level = KINDS[kind]
        paths = builder.bundles(level, DEMO_SHAPES[level.tier], demo_identity(kind).org_name, now.year - 1, late=1)
        import_generated(store, paths, now=now, actor=actor)
