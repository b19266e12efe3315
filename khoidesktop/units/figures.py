"""The figures a cell sends in its bundle, read back, and their sum over the bloc's units.

Each cell computes its own figures with the same code the cell's reports use (`stats … --json`); the
bloc adds up the counts exactly and recomputes every percentage from the sums. No database here.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from khoidesktop.domain.meetings import KINDS
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER
from khoidesktop.domain.recruitment import STEP_CODES
from khoidesktop.i18n import percent
from khoidesktop.members.structure import GROUP_LABELS, Share, Structure

MAX_COUNT = 1_000_000  # far above any bloc; a bigger "count" is a damaged or forged file


class DataProblem(Exception):
    """A part of a bundle lacks a figure, or holds one out of range or not of its period."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def _int(value: object, most: int = MAX_COUNT) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise ValueError(value)
    return value


def _optional_int(value: object) -> int | None:
    return None if value is None else _int(value)


def _list(value: object) -> list:
    if not isinstance(value, list) or len(value) > MAX_COUNT:
        raise ValueError(value)
    return value


@dataclass(frozen=True)
class Term:
    first_year: int
    last_year: int
    target: int
    admitted: int


@dataclass(frozen=True)
class UnitFigures:
    """One cell's figures for a period, as it sent them."""

    members: int
    structure_on: date
    structure: dict[str, int]  # GROUP_LABELS key → count
    rating_year: int
    rule_set: str
    rated: int
    levels: dict[str, int]
    not_rated: int
    excellent_allowed: int
    cap_percent: int
    cell_level: str | None
    meetings: int
    meetings_by_kind: dict[str, int]
    meetings_by_month: dict[int, int]
    thematic_held: dict[int, int]
    thematic_planned: dict[int, int]
    present: int
    expected: int
    admitted: int
    year_target: int | None
    term: Term | None
    files_by_step: dict[str, int]
    files_open: int
    members_at_end: int
    overdue: int
    stale: int

    @classmethod
    def from_parts(cls, parts: dict[str, dict], period: Period) -> UnitFigures:
        """The figures of a bundle's data parts; DataProblem names the part that lacks one, holds one out of
        range, or speaks of another period."""
        values: dict = {}
        for part, read in (("members", _members), ("structure", _structure), ("ratings", _ratings),
                           ("meetings", _meetings), ("recruitment", _recruitment)):
            try:
                values |= read(parts[part], period)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise DataProblem(part) from None
        if values["members"] != values["structure"]["total"]:
            raise DataProblem("members")
        return cls(**values)


def _members(part: dict, period: Period) -> dict:
    return {"members": len(_list(part["members"]))}


def _structure(part: dict, period: Period) -> dict:
    on = date.fromisoformat(part["on"])
    if not period.start <= on <= period.end:
        raise ValueError(on)
    total = _int(part["total"])
    groups = {key: _int(part[key]["count"], total) for key in GROUP_LABELS}
    return {"structure_on": on, "structure": {"total": total} | groups}


def _ratings(part: dict, period: Period) -> dict:
    if part["year"] != period.year or (part["cell_level"] is not None and part["cell_level"] not in LEVEL_ORDER):
        raise ValueError(part["year"])
    levels = {lv: _int(part["levels"][lv]["count"]) for lv in LEVEL_ORDER}
    rated = _int(part["rated"])
    if sum(levels.values()) != rated:
        raise ValueError(rated)
    return {"rating_year": period.year, "rule_set": str(part["rule_set"]), "rated": rated, "levels": levels,
            "not_rated": len(_list(part["not_rated"])), "excellent_allowed": _int(part["excellent_cap"]["allowed"]),
            "cap_percent": _int(part["excellent_cap"]["cap_percent"], 100), "cell_level": part["cell_level"]}


def _meetings(part: dict, period: Period) -> dict:
    if part["year"] != period.year or part.get("quarter") != period.quarter:
        raise ValueError(part["year"])
    present, expected = _int(part["attendance"]["present"]), _int(part["attendance"]["expected"])
    if present > expected:
        raise ValueError(present)
    return {"meetings": _int(part["meetings"]),
            "meetings_by_kind": {kind: _int(part["meetings_by_kind"][kind]) for kind in KINDS},
            "meetings_by_month": {m: _int(part["meetings_by_month"][f"{m:02d}"]) for m in range(1, 13)},
            "thematic_held": {q: _int(part["thematic_by_quarter"][str(q)]["held"]) for q in range(1, 5)},
            "thematic_planned": {q: _int(part["thematic_by_quarter"][str(q)]["planned"]) for q in range(1, 5)},
            "present": present, "expected": expected}


def _recruitment(part: dict, period: Period) -> dict:
    if part["year"] != period.year:
        raise ValueError(part["year"])
    term = part["term"]
    return {"admitted": _int(part["admitted_in_year"]), "year_target": _optional_int(part["year_target"]),
            "term": None if term is None else Term(_int(term["first_year"], 2100), _int(term["last_year"], 2100),
                                                   _int(term["target"]), _int(term["admitted"])),
            "files_by_step": {code: _int(part["files_by_step"][code]) for code in STEP_CODES},
            "files_open": _int(part["files_open"]), "members_at_end": _int(part["members_at_end"]),
            "overdue": len(_list(part["overdue"])), "stale": len(_list(part["stale"]))}


@dataclass
class BlocFigures:
    """The sum over the units that sent a bundle for the period."""

    units: int = 0
    structure_on: date | None = None
    structure: Counter = field(default_factory=Counter)
    rated: int = 0
    levels: Counter = field(default_factory=Counter)
    not_rated: int = 0
    excellent_allowed: int = 0
    cell_levels: Counter = field(default_factory=Counter)  # level (or None) → units
    rule_sets: set[str] = field(default_factory=set)
    meetings: int = 0
    meetings_by_kind: Counter = field(default_factory=Counter)
    meetings_by_month: Counter = field(default_factory=Counter)
    thematic_held: Counter = field(default_factory=Counter)
    thematic_planned: Counter = field(default_factory=Counter)
    units_with_thematic: Counter = field(default_factory=Counter)  # quarter → units that held one
    present: int = 0
    expected: int = 0
    admitted: int = 0
    year_target: int = 0
    term_target: int = 0
    term_admitted: int = 0
    files_by_step: Counter = field(default_factory=Counter)
    files_open: int = 0
    members_at_end: int = 0
    overdue: int = 0
    stale: int = 0

    def add(self, unit: UnitFigures) -> None:
        self.units += 1
        self.structure_on = max(filter(None, (self.structure_on, unit.structure_on)))
        self.structure.update(unit.structure)
        self.rated += unit.rated
        self.levels.update(unit.levels)
        self.not_rated += unit.not_rated
        self.excellent_allowed += unit.excellent_allowed
        self.cell_levels[unit.cell_level] += 1
        self.rule_sets.add(unit.rule_set)
        self.meetings += unit.meetings
        self.meetings_by_kind.update(unit.meetings_by_kind)
        self.meetings_by_month.update(unit.meetings_by_month)
        self.thematic_held.update(unit.thematic_held)
        self.thematic_planned.update(unit.thematic_planned)
        self.units_with_thematic.update(q for q, n in unit.thematic_held.items() if n)
        self.present += unit.present
        self.expected += unit.expected
        self.admitted += unit.admitted
        self.year_target += unit.year_target or 0
        if unit.term:
            self.term_target += unit.term.target
            self.term_admitted += unit.term.admitted
        self.files_by_step.update(unit.files_by_step)
        self.files_open += unit.files_open
        self.members_at_end += unit.members_at_end
        self.overdue += unit.overdue
        self.stale += unit.stale

    @property
    def total(self) -> int:
        return self.structure["total"]

    def structure_result(self) -> Structure:
        return Structure(self.structure_on or date.today(), self.total,
                         {key: Share(self.structure[key], self.total) for key in GROUP_LABELS})

    def good_or_better(self) -> int:
        return self.levels["HTXSNV"] + self.levels["HTTNV"]

    def ratings_json(self, year: int) -> dict:
        return {"year": year, "units": self.units, "rule_set": ", ".join(sorted(self.rule_sets)),
                "rated": self.rated, "not_rated": self.not_rated,
                "levels": {lv: {"count": self.levels[lv], "percent": percent(self.levels[lv], self.rated)}
                           for lv in LEVEL_ORDER},
                "good_or_better": {"count": self.good_or_better(), "percent": percent(self.good_or_better(),
                                                                                      self.rated)},
                "excellent_cap": {"allowed": self.excellent_allowed, "actual": self.levels["HTXSNV"],
                                  "exceeded": self.levels["HTXSNV"] > self.excellent_allowed},
                "cell_levels": {lv or "not_rated": self.cell_levels[lv] for lv in (*LEVEL_ORDER, None)}}

    def meetings_json(self, year: int) -> dict:
        return {"year": year, "units": self.units, "meetings": self.meetings,
                "meetings_by_kind": {kind: self.meetings_by_kind[kind] for kind in KINDS},
                "meetings_by_month": {f"{m:02d}": self.meetings_by_month[m] for m in range(1, 13)},
                "thematic_by_quarter": {str(q): {"held": self.thematic_held[q], "planned": self.thematic_planned[q],
                                                 "units_held": self.units_with_thematic[q]} for q in range(1, 5)},
                "average_attendance_percent": percent(self.present, self.expected),
                "attendance": {"present": self.present, "expected": self.expected}}

    def recruitment_json(self, year: int) -> dict:
        return {"year": year, "units": self.units,
                "files_by_step": {code: self.files_by_step[code] for code in STEP_CODES},
                "files_open": self.files_open, "admitted_in_year": self.admitted, "year_target": self.year_target,
                "term": {"target": self.term_target, "admitted": self.term_admitted},
                "progress_percent": percent(self.term_admitted, self.term_target) if self.term_target else (
                    percent(self.admitted, self.year_target) if self.year_target else None),
                "members_at_end": self.members_at_end,
                "new_members_percent": percent(self.admitted, self.members_at_end),
                "overdue": self.overdue, "stale": self.stale}


def sum_units(units: list[UnitFigures]) -> BlocFigures:
    total = BlocFigures()
    for unit in units:
        total.add(unit)
    return total
