"""The figures one level sends the level above, and their sum (DESIGN.md, Summary bundle).

`Figures` is one kind of thing at every level of the tree: a cell's figures for a period, computed with the same
code as its own reports, or the sum of a level's units. So a level's totals are a `Figures` made by adding up its
units' `Figures`, and it sends that to the level above, which adds them up again: every count at every level is
the sum over the cells at the leaves. Percentages are never summed: they are recomputed from the sums. No
database here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from khoidesktop.domain.meetings import KINDS
from khoidesktop.domain.rating_rules import LEVEL_ORDER
from khoidesktop.domain.recruitment import STEP_CODES
from khoidesktop.domain.structure import GROUP_LABELS, Share, Structure
from khoidesktop.i18n import percent


def _add_optional(a: int | None, b: int | None) -> int | None:
    """A target summed over the units given one (None: no unit has one)."""
    return None if a is None and b is None else (a or 0) + (b or 0)


@dataclass
class Figures:
    """A unit's figures for a period, or the sum over units (`units` of them were added up)."""

    units: int = 0  # units added up here (0 for a cell's own figures)
    cells: int = 0  # cells at the leaves: 1 for a cell
    structure_on: date | None = None
    structure: Counter[str] = field(default_factory=Counter)  # "total" and every GROUP_LABELS key → members
    rated: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    not_rated: int = 0
    excellent_allowed: int = 0  # the members the deciding level allows HTXSNV (the cap)
    cell_levels: Counter[str | None] = field(default_factory=Counter)  # the cells' own level (None: not rated) → cells
    unit_levels: dict[int, Counter[str | None]] = field(default_factory=dict)  # the units rated by the level
    # above them, by the tier of the units rated (datafile.kinds): tier → level (None: not rated yet) → units
    rule_sets: set[str] = field(default_factory=set)
    meetings: int = 0
    meetings_by_kind: Counter[str] = field(default_factory=Counter)
    meetings_by_month: Counter[int] = field(default_factory=Counter)
    thematic_held: Counter[int] = field(default_factory=Counter)
    thematic_planned: Counter[int] = field(default_factory=Counter)
    cells_with_thematic: Counter[int] = field(default_factory=Counter)  # quarter → cells that held one
    present: int = 0
    expected: int = 0
    admitted: int = 0
    year_target: int | None = None  # None: no unit has a target for the year
    term_target: int | None = None
    term_admitted: int = 0
    files_by_step: Counter[str] = field(default_factory=Counter)
    files_open: int = 0
    members_at_end: int = 0
    overdue: int = 0
    stale: int = 0

    def add(self, unit: Figures) -> None:
        self.units += 1
        self.cells += unit.cells
        self.structure_on = max(filter(None, (self.structure_on, unit.structure_on)), default=None)
        self.structure.update(unit.structure)
        self.rated += unit.rated
        self.levels.update(unit.levels)
        self.not_rated += unit.not_rated
        self.excellent_allowed += unit.excellent_allowed
        self.cell_levels.update(unit.cell_levels)
        for tier, levels in unit.unit_levels.items():
            self.unit_levels.setdefault(tier, Counter()).update(levels)
        self.rule_sets |= unit.rule_sets
        self.meetings += unit.meetings
        self.meetings_by_kind.update(unit.meetings_by_kind)
        self.meetings_by_month.update(unit.meetings_by_month)
        self.thematic_held.update(unit.thematic_held)
        self.thematic_planned.update(unit.thematic_planned)
        self.cells_with_thematic.update(unit.cells_with_thematic)
        self.present += unit.present
        self.expected += unit.expected
        self.admitted += unit.admitted
        self.year_target = _add_optional(self.year_target, unit.year_target)
        self.term_target = _add_optional(self.term_target, unit.term_target)
        self.term_admitted += unit.term_admitted
        self.files_by_step.update(unit.files_by_step)
        self.files_open += unit.files_open
        self.members_at_end += unit.members_at_end
        self.overdue += unit.overdue
        self.stale += unit.stale

    @property
    def total(self) -> int:
        return self.structure["total"]

    @property
    def members(self) -> int:
        return self.structure["total"]

    @property
    def cell_level(self) -> str | None:
        """A cell's own level (the one level its `cell_levels` counts); None for a sum or an unrated cell."""
        found = [level for level, n in self.cell_levels.items() if n]
        return found[0] if self.cells == 1 and len(found) == 1 else None

    def counts(self) -> dict[str, object]:
        """Every count, to compare two Figures (a sum made two ways), leaving out how many units were added up."""
        return {name: value for name, value in vars(self).items() if name != "units"}

    def structure_result(self) -> Structure:
        return Structure(
            self.structure_on or date.today(),
            self.total,
            {key: Share(self.structure[key], self.total) for key in GROUP_LABELS},
        )

    def good_or_better(self) -> int:
        return self.levels["HTXSNV"] + self.levels["HTTNV"]

    def ratings_json(self, year: int) -> dict[str, Any]:
        return {
            "year": year,
            "units": self.units,
            "cells": self.cells,
            "rule_set": ", ".join(sorted(self.rule_sets)),
            "rated": self.rated,
            "not_rated": self.not_rated,
            "levels": {
                lv: {"count": self.levels[lv], "percent": percent(self.levels[lv], self.rated)} for lv in LEVEL_ORDER
            },
            "good_or_better": {"count": self.good_or_better(), "percent": percent(self.good_or_better(), self.rated)},
            "excellent_cap": {
                "allowed": self.excellent_allowed,
                "actual": self.levels["HTXSNV"],
                "exceeded": self.levels["HTXSNV"] > self.excellent_allowed,
            },
            "cell_levels": {lv or "not_rated": self.cell_levels[lv] for lv in (*LEVEL_ORDER, None)},
        }

    def meetings_json(self, year: int) -> dict[str, Any]:
        return {
            "year": year,
            "units": self.units,
            "meetings": self.meetings,
            "meetings_by_kind": {kind: self.meetings_by_kind[kind] for kind in KINDS},
            "meetings_by_month": {f"{m:02d}": self.meetings_by_month[m] for m in range(1, 13)},
            "thematic_by_quarter": {
                str(q): {
                    "held": self.thematic_held[q],
                    "planned": self.thematic_planned[q],
                    "units_held": self.cells_with_thematic[q],
                }
                for q in range(1, 5)
            },
            "average_attendance_percent": percent(self.present, self.expected),
            "attendance": {"present": self.present, "expected": self.expected},
        }

    def recruitment_json(self, year: int) -> dict[str, Any]:
        return {
            "year": year,
            "units": self.units,
            "files_by_step": {code: self.files_by_step[code] for code in STEP_CODES},
            "files_open": self.files_open,
            "admitted_in_year": self.admitted,
            "year_target": self.year_target or 0,
            "term": {"target": self.term_target or 0, "admitted": self.term_admitted},
            "progress_percent": percent(self.term_admitted, self.term_target)
            if self.term_target
            else (percent(self.admitted, self.year_target) if self.year_target else None),
            "members_at_end": self.members_at_end,
            "new_members_percent": percent(self.admitted, self.members_at_end),
            "overdue": self.overdue,
            "stale": self.stale,
        }


def sum_units(units: list[Figures]) -> Figures:
    total = Figures()
    for unit in units:
        total.add(unit)
    return total
