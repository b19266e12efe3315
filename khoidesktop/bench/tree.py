"""The organisation tree (issue 16): one province, `superiors` superior committees, `tccs` grassroots committees
(TCCS) under each and `cells` cells under each TCCS — at full size 20 × 60 × 5 = 6,000 cells, about 240,000
members.

The leaves' bundles are made directly: each cell's figures are drawn at random (consistent, as a cell's own
reports would give them), put in the summary format by the real writer (exchange.summary) and signed with the
cell's own new key by the real bundle writer (bundle_format.write_bundle) — no cell data file is made. Everything
above is real and whole: every grassroots committee, superior and the province is a real data file of its level
(datafile.create), imports its units' bundles through the real import (every check, the signatures, the keys, one
transaction per bundle: demo.bloc.import_generated, which confirms the made-up keys unasked) and exports its own
signed bundle with the real export (without the PDF reports: they are timed by the report benchmarks). Nothing
is extrapolated: every level of the tree is built and timed.

Each import is set against a floor measured on the same files in the same run: unzip them and parse their
JSON (as bench/exchange.py does); each export against writing the same files again (zip, sign, atomic write).
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from khoidesktop.bench.data import BENCH_NOW
from khoidesktop.bench.peak import own_peak_mb, reset
from khoidesktop.domain.periods import Period
from khoidesktop.exchange.figures import Figures

FULL = (20, 60, 5)  # superiors, TCCS each, cells per TCCS
RUNS = 3  # the first superior's import again, for the work against its number of units
MEMBERS = (30, 50)  # a cell's members, drawn evenly: about 40 a cell


@dataclass
class Level:
    """One level's timings, in seconds, one entry per data file of the level."""

    imports: list[float] = field(default_factory=list)
    import_floors: list[float] = field(default_factory=list)
    exports: list[float] = field(default_factory=list)
    export_floors: list[float] = field(default_factory=list)
    bundles: int = 0  # bundles each imports

    def median(self, name: str) -> float:
        values: list[float] = getattr(self, name)
        return statistics.median(values) if values else 0.0

    def total(self) -> float:
        return sum(self.imports) + sum(self.exports)


@dataclass
class TreeResult:
    shape: tuple[int, int, int]
    leaves: Figures  # the sum of the figures the cells' bundles were made from
    province: Figures  # the province's totals, read back from its data file
    made: float  # seconds: the cells' bundles, made and signed
    grassroots: Level
    superior: Level
    province_level: Level
    # The first superior's import again, into new data files, of half its TCCS' bundles and of all of them (three
    # runs each, in turn): the work grows with the direct units.
    half: Level
    whole: Level
    wall: float  # the whole run
    peak_mb: float  # the process's peak resident memory

    @property
    def levels(self) -> tuple[tuple[str, str, Level], ...]:
        """Each level above the cells, bottom up: what its import is called, its goal, its timings."""
        superiors, tccs, cells = self.shape
        return (
            (f"a grassroots committee's {cells} bundles", "", self.grassroots),
            (f"a superior's {tccs} bundles", "   goal ≤ 1 s", self.superior),
            (f"the province's {superiors} bundles", "   goal ≤ 1 s", self.province_level),
        )

    def total(self) -> float:
        """Every import and export of the tree."""
        return sum(level.total() for _name, _goal, level in self.levels)


def cell_figures(rng: random.Random, members: int, period: Period) -> Figures:
    """A cell's figures for a year, as its own reports would give them (every group within its total, every
    partition whole)."""
    from khoidesktop.domain.meetings import KINDS
    from khoidesktop.domain.rating_rules import LEVEL_ORDER, excellent_allowed, rule_set_for
    from khoidesktop.domain.recruitment import STEP_CODES

    def split(total: int, keys: tuple[str, ...], weights: tuple[float, ...]) -> dict[str, int]:
        found = Counter(rng.choices(keys, weights, k=total))
        return {key: found[key] for key in keys}

    n = members
    ages = split(n, ("under_30", "age_30_40", "age_41_50", "age_51_60", "over_60"), (2, 4, 3, 2, 0.2))
    structure = Counter(
        {
            "total": n,
            "women": sum(rng.random() < 0.45 for _ in range(n)),
            "ethnic_minority": sum(rng.random() < 0.08 for _ in range(n)),
            "religious": sum(rng.random() < 0.03 for _ in range(n)),
            **ages,
            "under_40": ages["under_30"] + ages["age_30_40"],
            "age_unknown": 0,
            **split(
                n,
                ("doctorate", "masters", "university", "college", "intermediate_vocational"),
                (0.3, 3, 6, 0.5, 0.2),
            ),
            "elementary_vocational": 0,
            "no_training": 0,
            "education_unknown": 0,
            **split(
                n,
                ("theory_advanced", "theory_bachelor", "theory_intermediate", "theory_elementary", "theory_none"),
                (1, 0.2, 4, 3, 0.5),
            ),
            "theory_unknown": 0,
        }
    )
    probationary = rng.randint(0, 2)
    structure |= Counter({"official": n - probationary, "probationary": probationary})
    not_rated = rng.randint(0, 2)
    rated = n - not_rated
    levels = Counter(split(rated, LEVEL_ORDER, (3, 12, 4, 0.3)))
    rules = rule_set_for(period.year)
    held_months = [m for m in range(1, 13) if rng.random() > 0.05]
    thematic = {q: int(any(3 * q - 2 <= m <= 3 * q for m in held_months) and rng.random() < 0.9) for q in (1, 2, 3, 4)}
    kinds = Counter({"combined": sum(thematic.values())})
    kinds["regular"] = len(held_months) - kinds["combined"]
    expected = len(held_months) * n
    target = rng.randint(1, 4)
    admitted = rng.randint(0, target + 1)
    return Figures(
        cells=1,
        structure_on=period.end,
        structure=structure,
        rated=rated,
        levels=levels,
        not_rated=not_rated,
        excellent_allowed=excellent_allowed(rules, levels, 20),
        cell_levels=Counter({rng.choice(LEVEL_ORDER): 1}),
        rule_sets={rules.code},
        meetings=len(held_months),
        meetings_by_kind=Counter({kind: kinds[kind] for kind in KINDS}),
        meetings_by_month=Counter({m: 1 for m in held_months}),
        thematic_held=Counter(thematic),
        thematic_planned=Counter({q: 1 for q in (1, 2, 3, 4)}),
        cells_with_thematic=Counter(thematic),
        present=sum(rng.random() < 0.93 for _ in range(expected)),
        expected=expected,
        admitted=admitted,
        year_target=target,
        term_target=None,
        term_admitted=admitted,
        files_by_step=Counter({code: rng.randint(0, 1) for code in STEP_CODES}),
        files_open=rng.randint(0, 3),
        members_at_end=n,
        overdue=rng.randint(0, 1),
        stale=0,
    )


def write_cell_bundle(
    out: Path, figures: Figures, *, name: str, org: str, superior: str, period: Period, now: datetime
) -> Path:
    """A cell's bundle of `figures`, as the cell's export writes it (the same manifest, parts and writer), signed
    with a new key of its own."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from khoidesktop import __version__
    from khoidesktop.datafile.kinds import CELL
    from khoidesktop.exchange import summary
    from khoidesktop.exchange.bundle_format import write_bundle

    manifest = {
        "app_version": __version__,
        "period": period.code,
        "created_at": now.isoformat(),
        "unit": {
            "id": uuid.uuid4().hex,
            "name": name,
            "org": org,
            "superior": superior,
            "training": False,
            "level": CELL.code,
        },
    }
    parts = {"figures": summary.figures_part(figures), "units": summary.units_part(0, [])}
    files = {f"data/{k}.json": json.dumps(v, ensure_ascii=False, indent=1).encode() for k, v in parts.items()}
    return write_bundle(out, manifest, files, Ed25519PrivateKey.generate())


def _unzip_and_parse(paths: list[Path]) -> float:
    """The import's floor: unzip every file of the bundles and parse their JSON."""
    start = time.perf_counter()
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    json.loads(zf.read(name))
    return time.perf_counter() - start


def _rewrite(path: Path, scratch: Path) -> float:
    """The export's floor: write the same files again (zip, sign with a new key, write atomically)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from khoidesktop.exchange.bundle_format import MANIFEST, SIGNATURE, write_bundle

    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist() if n not in (MANIFEST, SIGNATURE)}
        manifest = json.loads(zf.read(MANIFEST))
    for key in ("format", "format_version", "public_key", "files"):
        manifest.pop(key)
    start = time.perf_counter()
    write_bundle(scratch, manifest, files, Ed25519PrivateKey.generate())
    taken = time.perf_counter() - start
    scratch.unlink()
    return taken


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


class _Tree:
    def __init__(self, folder: Path, period: Period, now: datetime, seed: int) -> None:
        self.folder, self.period, self.now = folder, period, now
        self.rng = random.Random(seed)
        self.leaves = Figures()
        for name in ("cells", "bundles"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        self.made = 0.0

    def cells(self, count: int, org: str, superior: str, tag: str) -> list[Path]:
        start = time.perf_counter()
        found = []
        for number in range(count):
            figures = cell_figures(self.rng, self.rng.randint(*MEMBERS), self.period)
            self.leaves.add(figures)
            out = self.folder / "cells" / f"chi-bo-{tag}-{number + 1:02d}.khoi"
            found.append(
                write_cell_bundle(
                    out,
                    figures,
                    name=f"Chi bộ {number + 1} ({org})",
                    org=org,
                    superior=superior,
                    period=self.period,
                    now=self.now,
                )
            )
        self.made += time.perf_counter() - start
        return found

    def level(
        self, kind: str, name: str, superior: str, bundles: list[Path], tag: str, *, export: bool, timing: Level
    ) -> Any:
        """A data file of `kind` importing `bundles` and exporting its own, each timed in `timing`; the exported
        bundle's path, or the open store when `export` is false (its figures are read back)."""
        from khoidesktop.datafile.create import create_data_file
        from khoidesktop.datafile.identity import IdentityData
        from khoidesktop.demo.bloc import import_generated
        from khoidesktop.exchange.bundle_export import export_bundle

        timing.bundles = len(bundles)
        path = self.folder / kind / f"{tag}.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        identity = IdentityData("", name, superior, "Hạ Long", "", training=False, kind=kind)
        store = create_data_file(path, identity, actor="bench", now=lambda: self.now, lock=False)
        timing.import_floors.append(_unzip_and_parse(bundles))
        start = time.perf_counter()
        outcomes = import_generated(store, bundles, now=self.now, actor="bench")
        timing.imports.append(time.perf_counter() - start)
        refused = [o for o in outcomes if o.status != "imported"]
        if refused:
            store.close()
            raise AssertionError(f"{name}: {refused[0].path.name} {refused[0].status}: {refused[0].reason}")
        if not export:
            return store
        out = self.folder / "bundles" / f"{kind}-{tag}.khoi"
        try:
            start = time.perf_counter()
            export_bundle(store, out, self.period, today=self.now.date(), now=self.now, actor="bench", reports=False)
            timing.exports.append(time.perf_counter() - start)
        finally:
            store.close()
        _remove(path)  # its bundle is all the level above needs (6,000 files of 1,200 TCCS would fill the disk)
        timing.export_floors.append(_rewrite(out, out.with_name("floor.khoi")))
        return out


def bench_tree(
    superiors: int = FULL[0],
    tccs: int = FULL[1],
    cells: int = FULL[2],
    *,
    folder: Path | None = None,
    seed: int = 2026,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
) -> TreeResult:
    """Build and time the whole tree (in `folder`, which keeps the bundles of every level, or a temporary one)."""
    if folder is None:
        reset()  # the peak of this block, not of those run before it
        with tempfile.TemporaryDirectory(prefix="khoi-bench-tree-") as temporary:
            return bench_tree(superiors, tccs, cells, folder=Path(temporary), seed=seed, progress=progress)
    from khoidesktop.units.records import level_figures, unit_rows

    start = time.perf_counter()
    period, now = Period(BENCH_NOW.year - 1), BENCH_NOW
    tree = _Tree(folder, period, now, seed)
    grassroots, superior, top = Level(), Level(), Level()
    province_name = "Đảng bộ tỉnh Quảng Ninh"
    superior_bundles: list[Path] = []
    first_superior: list[Path] = []
    for s in range(superiors):
        superior_name = f"Đảng bộ cấp trên cơ sở số {s + 1}"
        tccs_bundles = []
        for t in range(tccs):
            name = f"Đảng bộ cơ sở {s + 1}.{t + 1}"
            leaves = tree.cells(cells, name, superior_name, f"{s + 1}-{t + 1}")
            tag = f"{s + 1}-{t + 1}"
            tccs_bundles.append(
                tree.level("grassroots", name, superior_name, leaves, tag, export=True, timing=grassroots)
            )
        superior_bundles.append(
            tree.level(
                "superior", superior_name, "Tỉnh ủy Quảng Ninh", tccs_bundles, str(s + 1), export=True, timing=superior
            )
        )
        if s == 0:
            first_superior = tccs_bundles
        progress(s + 1, superiors)
    half, whole = Level(), Level()
    for run in range(RUNS):
        for timing, bundles in ((half, first_superior[: max(1, tccs // 2)]), (whole, first_superior)):
            tag = f"again-{len(bundles)}-{run}"
            tree.level(
                "superior",
                "Đảng bộ cấp trên cơ sở số 1",
                "Tỉnh ủy Quảng Ninh",
                bundles,
                tag,
                export=False,
                timing=timing,
            ).close()
    store = tree.level("province", province_name, "", superior_bundles, "province", export=False, timing=top)
    try:
        with store.session() as session:
            province = level_figures(session, period, unit_rows(session, period, now.date()))
    finally:
        store.close()
    peak = own_peak_mb()  # since the block began (reset there)
    return TreeResult(
        (superiors, tccs, cells),
        tree.leaves,
        province,
        tree.made,
        grassroots,
        superior,
        top,
        half,
        whole,
        time.perf_counter() - start,
        peak,
    )


def _line(label: str, value: str, rest: str = "") -> None:
    print(f"  {label:<62}{value:>10}   {rest}".rstrip())


def print_tree(result: TreeResult) -> None:
    superiors, tccs, cells = result.shape
    print(
        f"organisation tree, 1 province × {superiors} superiors × {tccs} TCCS × {cells} cells "
        f"({superiors * tccs * cells:,} cells, {result.province.total:,} members; the cells' bundles made and signed "
        f"in {result.made:.1f} s, every level above a real data file):"
    )
    for name, goal, level in result.levels:
        floor, taken = level.median("import_floors"), level.median("imports")
        _line(f"{name}: unzip and parse (floor)", f"{floor * 1000:.1f} ms", "1.00×")
        _line(
            f"{name}: import (median of {len(level.imports)})",
            f"{taken * 1000:.1f} ms",
            f"{taken / floor:.2f}×   {taken / level.bundles * 1000:.1f} ms a bundle{goal}",
        )
        if level.exports:
            floor, taken = level.median("export_floors"), level.median("exports")
            _line("  its bundle: the same files zipped and signed (floor)", f"{floor * 1000:.1f} ms", "1.00×")
            _line(
                "  its export: sums, units' rows, signature (median)", f"{taken * 1000:.1f} ms", f"{taken / floor:.2f}×"
            )
    halved = max(1, tccs // 2)
    half, whole = result.half.median("imports"), result.whole.median("imports")
    for count, level in ((halved, result.half), (tccs, result.whole)):
        floor, taken = level.median("import_floors"), level.median("imports")
        _line(
            f"the 1st superior again, {count} of its bundles: import (median of {len(level.imports)})",
            f"{taken * 1000:.1f} ms",
            f"{taken / floor:.2f}× its floor   {taken / count * 1000:.1f} ms a bundle",
        )
    _line(
        f"  so {tccs / halved:.2f}× the direct units take",
        f"{whole / half:.2f}×",
        "as long (growing with the direct units only, linearly: as many times)",
    )
    floors = sum(sum(level.import_floors) + sum(level.export_floors) for _name, _goal, level in result.levels)
    _line("the whole tree: every floor above", f"{floors:.1f} s", "1.00×")
    _line(
        "the whole tree: every import and export",
        f"{result.total():.1f} s",
        f"{result.total() / floors:.2f}×   goal ≤ 300 s",
    )
    _line("the whole run (bundles made, data files created)", f"{result.wall:.1f} s")
    _line("peak memory of the process", f"{result.peak_mb:,.0f} MB")
