"""The sum over the bloc's units of the figures they sent (read by exchange.summary).

Each cell computes its figures with the same code as its own reports and sends them in the summary format; the
bloc adds up the counts exactly and recomputes every percentage from the sums. No database here.
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
from khoidesktop.exchange.summary import UnitFigures
from khoidesktop.i18n import percent


@dataclass
class BlocFigures:
    """The sum over the units that sent a bundle for the period."""

    units: int = 0
    structure_on: date | None = None
    structure: Counter[str] = field(default_factory=Counter)
    rated: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    not_rated: int = 0
    excellent_allowed: int = 0
    cell_levels: Counter[str | None] = field(default_factory=Counter)  # level (or None) → units
    rule_sets: set[str] = field(default_factory=set)
    meetings: int = 0
    meetings_by_kind: Counter[str] = field(default_factory=Counter)
    meetings_by_month: Counter[int] = field(default_factory=Counter)
    thematic_held: Counter[int] = field(default_factory=Counter)
    thematic_planned: Counter[int] = field(default_factory=Counter)
    units_with_thematic: Counter[int] = field(default_factory=Counter)  # quarter → units that held one
    present: int = 0
    expected: int = 0
    admitted: int = 0
    year_target: int = 0
    term_target: int = 0
    term_admitted: int = 0
    files_by_step: Counter[str] = field(default_factory=Counter)
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
                    "units_held": self.units_with_thematic[q],
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
            "year_target": self.year_target,
            "term": {"target": self.term_target, "admitted": self.term_admitted},
            "progress_percent": percent(self.term_admitted, self.term_target)
            if self.term_target
            else (percent(self.admitted, self.year_target) if self.year_target else None),
            "members_at_end": self.members_at_end,
            "new_members_percent": percent(self.admitted, self.members_at_end),
            "overdue": self.overdue,
            "stale": self.stale,
        }


def sum_units(units: list[UnitFigures]) -> BlocFigures:
    total = BlocFigures()
    for unit in units:
        total.add(unit)
    return total
