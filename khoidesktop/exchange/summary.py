"""The summary format: the `data/*.json` parts a data file sends the level above in its bundle, version VERSION.

The writer and the reader live here side by side, so that every key a level sends is spelled out once, next to
the code that reads it back. The parts are built from the features' typed results, never from what a
`stats … --json` command prints: the command line's output may change freely, this may not.

Changing the format: add a reader for the new version to READERS, keep every older reader (a bundle made by any
earlier version keeps importing: summary_v1.py; tests/fixtures/bundle_v<n>.khoi prove it), bump VERSION, and
write the new shape.

Version 2 sends counts only (Law 91/2025/QH15 on personal data: the level above sums counts, it needs no names),
the same two parts at every level of the tree:
- figures: the sender's totals for the period (`figures_part`): {cells, structure: {on, total, <group>: n},
           ratings: {rule_sets, rated, levels, not_rated, excellent_allowed, cell_levels, unit_levels},
           meetings: {meetings, by_kind, by_month, thematic_held, thematic_planned, cells_with_thematic, present,
           expected}, recruitment: {admitted, year_target, term_target, term_admitted, files_by_step, files_open,
           members_at_end, overdue, stale}}
- units:   {expected, units: [{id, name, kind, level, figures | null}]}: a level's direct units (a cell: none), each
           with the figures it sent (null: late), so the level above sees the same per-unit table one level down.
           The totals are the sum of the rows that have figures, but for what the level decides itself
           (SENDERS_OWN: the excellence cap of a grassroots committee, its ratings of its units); the reader checks.
A named list goes only where the level above needs it for a decision of its own, as a part of its own chosen at
export (OPTIONAL_PARTS): `proposals`, the members a cell proposes as HTXSNV {year, members: [{full_name,
birth_date}]}, for its grassroots committee's decision on the excellence cap; `delegates`, the delegates a unit's
congress sends to the level above's congress {term, congress_on, delegates: [{full_name, alternate, gender,
ethnicity, birth_date, professional_education, religion, probationary}]} (terms/delegates.py), which the level
above sums into the delegation of its own congress. Both are read by the version-2 reader; a program that does not
know a part ignores it (bundle_format reads only the parts it knows), so the version stays 2.
The reader takes the counts; it checks each is a whole number in range, consistent, and of the bundle's period.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from khoidesktop.domain.dates import LAST_YEAR
from khoidesktop.domain.limits import EARLIEST_DATE, TEXT_LIMITS
from khoidesktop.domain.meetings import KINDS
from khoidesktop.domain.names import normalize_text
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER
from khoidesktop.domain.recruitment import STEP_CODES
from khoidesktop.domain.structure import GROUP_LABELS
from khoidesktop.exchange import summary_v1
from khoidesktop.exchange.checks import (
    DataProblem,
    Part,
    files_by_step,
    items,
    mapping,
    number,
    optional_number,
    short_text,
)
from khoidesktop.exchange.figures import Figures
from khoidesktop.terms.delegation import DelegationLine

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.domain.workdays import WorkCalendar

VERSION = 2
PARTS: dict[int, tuple[str, ...]] = {1: summary_v1.PARTS, 2: ("figures", "units")}
OPTIONAL_PARTS = ("proposals", "delegates")
MAX_DELEGATES = 10_000  # delegates one unit sends to a congress (a province's congress has some hundreds)
NOT_RATED = "none"  # the key of "no level" in a JSON object of levels
MAX_UNITS = 100_000  # direct units of one level (a province has a few dozen, a national level a few thousand)
__all__ = ["DataProblem", "Part"]


# --- writer -----------------------------------------------------------------------------------------------------


def cell_figures(session: Session, period: Period, today: date, calendar: WorkCalendar) -> Figures:
    """A cell's figures for `period`, each from the code behind the cell's own reports."""
    from khoidesktop.members.structure import structure_on
    from khoidesktop.ratings.records import year_figures
    from khoidesktop.recruitment.stats import recruitment_figures

    on = min(today, period.end)
    structure = structure_on(session, on)
    ratings = year_figures(session, period.year)
    recruitment = recruitment_figures(session, period.year, on, calendar)
    term = recruitment["term"]
    return Figures(
        cells=1,
        structure_on=structure.on,
        structure=Counter({"total": structure.total} | {k: s.count for k, s in structure.groups.items()}),
        rated=ratings.rated,
        levels=Counter(ratings.levels),
        not_rated=len(ratings.not_rated),
        excellent_allowed=ratings.excellent_allowed,
        cell_levels=Counter({ratings.cell_level: 1}),
        rule_sets={ratings.rule_set},
        **_meetings(session, period, today),
        admitted=recruitment["admitted_in_year"],
        year_target=recruitment["year_target"],
        term_target=None if term is None else term["target"],
        term_admitted=0 if term is None else term["admitted"],
        files_by_step=Counter({code: recruitment["files_by_step"][code] for code in STEP_CODES}),
        files_open=recruitment["files_open"],
        members_at_end=recruitment["members_at_end"],
        overdue=len(recruitment["overdue"]),
        stale=len(recruitment["stale"]),
    )


def _meetings(session: Session, period: Period, today: date) -> dict[str, Any]:
    from dataclasses import replace

    from khoidesktop.meetings.stats import meetings_of, year_summary

    summary = year_summary(session, period.year, today)
    if period.quarter:
        summary = replace(
            summary,
            rows=meetings_of(session, period.year, period.quarter),
            planned={period.quarter: summary.planned.get(period.quarter, 0)},
        )
    held = summary.thematic_held()
    return {
        "meetings": len(summary.rows),
        "meetings_by_kind": Counter(summary.by_kind()),
        "meetings_by_month": Counter(summary.by_month()),
        "thematic_held": Counter({q: held[q] for q in range(1, 5)}),
        "thematic_planned": Counter({q: summary.planned.get(q, 0) for q in range(1, 5)}),
        "cells_with_thematic": Counter({q: 1 for q in range(1, 5) if held[q]}),
        "present": sum(r.present for r in summary.rows),
        "expected": sum(r.expected for r in summary.rows),
    }


def _levels_json(levels: Counter[str | None]) -> dict[str, int]:
    return {level or NOT_RATED: levels[level] for level in (*LEVEL_ORDER, None)}


def figures_part(figures: Figures) -> Part:
    """The `figures` part (and each unit's row of the `units` part)."""
    return {
        "cells": figures.cells,
        "structure": {
            "on": figures.structure_on.isoformat() if figures.structure_on else None,
            "total": figures.total,
            **{key: figures.structure[key] for key in GROUP_LABELS},
        },
        "ratings": {
            "rule_sets": sorted(figures.rule_sets),
            "rated": figures.rated,
            "levels": {level: figures.levels[level] for level in LEVEL_ORDER},
            "not_rated": figures.not_rated,
            "excellent_allowed": figures.excellent_allowed,
            "cell_levels": _levels_json(figures.cell_levels),
            "unit_levels": {str(tier): _levels_json(levels) for tier, levels in sorted(figures.unit_levels.items())},
        },
        "meetings": {
            "meetings": figures.meetings,
            "by_kind": {kind: figures.meetings_by_kind[kind] for kind in KINDS},
            "by_month": {f"{m:02d}": figures.meetings_by_month[m] for m in range(1, 13)},
            "thematic_held": {str(q): figures.thematic_held[q] for q in range(1, 5)},
            "thematic_planned": {str(q): figures.thematic_planned[q] for q in range(1, 5)},
            "cells_with_thematic": {str(q): figures.cells_with_thematic[q] for q in range(1, 5)},
            "present": figures.present,
            "expected": figures.expected,
        },
        "recruitment": {
            "admitted": figures.admitted,
            "year_target": figures.year_target,
            "term_target": figures.term_target,
            "term_admitted": figures.term_admitted,
            "files_by_step": {code: figures.files_by_step[code] for code in STEP_CODES},
            "files_open": figures.files_open,
            "members_at_end": figures.members_at_end,
            "overdue": figures.overdue,
            "stale": figures.stale,
        },
    }


@dataclass(frozen=True)
class UnitEntry:
    """A direct unit of the sender, as it lists it in its `units` part."""

    uid: str | None  # None: a unit expected that never sent a bundle
    name: str
    kind: str
    level: str | None  # the sender's rating of the unit for the year (None: not rated)
    figures: Figures | None  # None: late, left out of the totals


def units_part(expected: int, entries: list[UnitEntry]) -> Part:
    return {
        "expected": expected,
        "units": [
            {
                "id": e.uid,
                "name": e.name,
                "kind": e.kind,
                "level": e.level,
                "figures": None if e.figures is None else figures_part(e.figures),
            }
            for e in entries
        ],
    }


def proposals_part(session: Session, year: int) -> Part:
    """The members the cell rated HTXSNV for `year`: its proposals to the grassroots committee, by name."""
    from khoidesktop.ratings.records import rating_rows

    members = [
        {
            "full_name": r.member.full_name,
            "birth_date": r.member.birth_date.isoformat() if r.member.birth_date else None,
        }
        for r in rating_rows(session, year)
        if not r.exclusion and r.level == "HTXSNV"
    ]
    return {"year": year, "members": members}


# --- reader -----------------------------------------------------------------------------------------------------


def _counter(value: object, keys: tuple[Any, ...], spelled: Callable[[Any], str] = str) -> Counter[Any]:
    found = mapping(value)
    return Counter({key: number(found[spelled(key)]) for key in keys})


def _levels(value: object) -> Counter[str | None]:
    found = mapping(value)
    return Counter({level: number(found[level or NOT_RATED]) for level in (*LEVEL_ORDER, None)})


def _tier(key: str) -> int:
    if not (len(key) == 1 and key.isdigit()):
        raise ValueError(key)
    return int(key)


def read_figures(part: Part, period: Period) -> Figures:
    """A `figures` part back as Figures; ValueError (or a KeyError, TypeError) when a count is missing, out of
    range, inconsistent, or of another period."""
    structure, ratings, meetings, recruitment = (
        mapping(part[name]) for name in ("structure", "ratings", "meetings", "recruitment")
    )
    on = None if structure["on"] is None else date.fromisoformat(structure["on"])
    if on is not None and not period.start <= on <= period.end:
        raise ValueError(on)
    total = number(structure["total"])
    levels = _counter(ratings["levels"], LEVEL_ORDER)
    unit_levels = {_tier(tier): _levels(levels) for tier, levels in mapping(ratings["unit_levels"]).items()}
    cells = number(part["cells"])
    figures = Figures(
        cells=cells,
        structure_on=on,
        structure=Counter({"total": total} | {key: number(structure[key], total) for key in GROUP_LABELS}),
        rated=number(ratings["rated"], total),
        levels=levels,
        not_rated=number(ratings["not_rated"]),
        excellent_allowed=number(ratings["excellent_allowed"]),
        cell_levels=_levels(ratings["cell_levels"]),
        unit_levels=unit_levels,
        rule_sets={short_text(r, TEXT_LIMITS["rule_set"]) for r in items(ratings["rule_sets"], 10)},
        meetings=number(meetings["meetings"]),
        meetings_by_kind=_counter(meetings["by_kind"], tuple(KINDS)),
        meetings_by_month=_counter(meetings["by_month"], tuple(range(1, 13)), lambda m: f"{m:02d}"),
        thematic_held=_counter(meetings["thematic_held"], (1, 2, 3, 4)),
        thematic_planned=_counter(meetings["thematic_planned"], (1, 2, 3, 4)),
        cells_with_thematic=_counter(meetings["cells_with_thematic"], (1, 2, 3, 4)),
        present=number(meetings["present"]),
        expected=number(meetings["expected"]),
        admitted=number(recruitment["admitted"]),
        year_target=optional_number(recruitment["year_target"]),
        term_target=optional_number(recruitment["term_target"]),
        term_admitted=number(recruitment["term_admitted"]),
        files_by_step=Counter(files_by_step(mapping(recruitment["files_by_step"]))),
        files_open=number(recruitment["files_open"]),
        members_at_end=number(recruitment["members_at_end"]),
        overdue=number(recruitment["overdue"]),
        stale=number(recruitment["stale"]),
    )
    consistent = (
        sum(levels.values()) == figures.rated
        and figures.present <= figures.expected
        and sum(figures.cell_levels.values()) == cells
        and all(n <= cells for n in figures.cells_with_thematic.values())
    )
    if not consistent:
        raise ValueError(part)
    return figures


def read_units(part: Part, period: Period) -> tuple[int, list[UnitEntry]]:
    """The `units` part: (units expected, each unit's entry)."""
    entries = []
    for row in items(part["units"], MAX_UNITS):
        row = mapping(row)
        uid = row["id"]
        level = row["level"]
        if (uid is not None and not isinstance(uid, str)) or (level is not None and level not in LEVEL_ORDER):
            raise ValueError(row)
        entries.append(
            UnitEntry(
                uid and short_text(uid, 64),
                short_text(row["name"], TEXT_LIMITS["unit_name"]),
                short_text(row["kind"], 20),
                level,
                None if row["figures"] is None else read_figures(mapping(row["figures"]), period),
            )
        )
    return number(part["expected"], MAX_UNITS), entries


@dataclass(frozen=True)
class Proposal:
    full_name: str
    birth_date: date | None


def read_proposals(part: Part, period: Period) -> list[Proposal]:
    """The `proposals` part: the members a cell proposes as HTXSNV for the period's year."""
    if part["year"] != period.year:
        raise ValueError(part["year"])
    found = []
    for row in items(part["members"], MAX_UNITS):
        row = mapping(row)
        born = row["birth_date"]
        found.append(
            Proposal(
                short_text(row["full_name"], TEXT_LIMITS["full_name"]),
                None if born is None else date.fromisoformat(short_text(born, 10)),
            )
        )
    return found


GENDER_CODES = ("", "female", "male")


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(value)
    return value


def _iso_date(value: object) -> date | None:
    if value is None:
        return None
    born = date.fromisoformat(short_text(value, 10))
    if not EARLIEST_DATE <= born <= date(LAST_YEAR, 12, 31):
        raise ValueError(value)
    return born


def read_delegates(part: Part) -> list[DelegationLine]:
    """The `delegates` part: a unit's delegates to this level's congress, each particular checked (a code from its
    list, a short printable text, a plausible date, a true/false)."""
    from khoidesktop.domain.elections import Delegate as Person
    from khoidesktop.domain.structure import EDUCATION_KEYS

    short_text(part["term"], 50)
    if part["congress_on"] is not None:
        _iso_date(part["congress_on"])
    found = []
    for row in items(part["delegates"], MAX_DELEGATES):
        row = mapping(row)
        if row["gender"] not in GENDER_CODES or row["professional_education"] not in ("", *EDUCATION_KEYS):
            raise ValueError(row)
        name = short_text(row["full_name"], TEXT_LIMITS["full_name"])
        if not normalize_text(name):
            raise ValueError(row)
        person = Person(
            full_name=normalize_text(name),
            gender=row["gender"],
            ethnicity=normalize_text(short_text(row["ethnicity"], TEXT_LIMITS["ethnicity"])),
            birth_date=_iso_date(row["birth_date"]),
            professional_education=row["professional_education"],
            religion=normalize_text(short_text(row["religion"], TEXT_LIMITS["religion"])),
            official=not _flag(row["probationary"]),
        )
        found.append(DelegationLine(person, _flag(row["alternate"])))
    return found


def _read_v2(parts: dict[str, Part], period: Period) -> Figures:
    try:
        figures = read_figures(parts["figures"], period)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise DataProblem("figures") from None
    try:
        expected, entries = read_units(parts["units"], period)
        sent = [e.figures for e in entries if e.figures is not None]
        if len(entries) > max(expected, len(sent)) or (entries and _summed(sent) != _summed([figures])):
            raise ValueError(expected)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise DataProblem("units") from None
    try:
        proposed = read_proposals(parts["proposals"], period) if "proposals" in parts else []
        if len(proposed) > figures.levels["HTXSNV"]:
            raise ValueError(proposed)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise DataProblem("proposals") from None
    try:
        if "delegates" in parts:
            read_delegates(parts["delegates"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise DataProblem("delegates") from None
    return figures


SENDERS_OWN = ("excellent_allowed", "unit_levels")  # what a level decides itself, beyond the sum of its units


def _summed(units: list[Figures]) -> dict[str, object]:
    """The counts of the sum of `units` that a level's totals must equal: all but what it decides itself."""
    from khoidesktop.exchange.figures import sum_units

    counts = sum_units(units).counts()
    return {name: value for name, value in counts.items() if name not in SENDERS_OWN}


READERS: dict[int, Callable[[dict[str, Part], Period], Figures]] = {1: summary_v1.read_v1, 2: _read_v2}


def read_unit(parts: dict[str, Part], period: Period, version: int = VERSION) -> Figures:
    """The figures of a bundle's data parts written in `version`; DataProblem names the part that lacks one,
    holds one out of range, or speaks of another period."""
    return READERS[version](parts, period)
