"""The reader of summary format 1 (the bundles cells sent before the organisation tree), kept so that every such
bundle keeps importing (tests/fixtures/bundle_v1.khoi proves it). Nothing writes this format any more.

Version 1, each part a JSON object:
- members:     {on, members: [{full_name, birth_date, gender, ethnicity, religion, professional_education,
                political_theory, admitted_on, official_on, status}]}
- structure:   {on, total, <group>: {count, percent} for every group of domain.structure.GROUP_LABELS}
- meetings:    {year, quarter, meetings, meetings_by_kind: {kind: n}, meetings_by_month: {"01".."12": n},
                thematic_by_quarter: {"1".."4": {held, planned}}, average_attendance_percent,
                attendance: {present, expected}, unexcused_absences: [{full_name, count, months}], warnings}
- ratings:     {year, rule_set, rated, not_rated: [{full_name, reason}], levels: {level: {count, percent}},
                good_or_better: {count, percent}, excellent_cap: {cap_percent, allowed, actual, exceeded},
                cell_level, members: [{full_name, level}]}
- recruitment: {year, files_by_step: {step: n}, files_open, admitted_in_year, year_target,
                term: {first_year, last_year, target, admitted} | null, progress_percent, members_at_end,
                new_members_percent, overdue: [{full_name, due, what}], stale: [full_name], files: [{full_name, step}]}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date

from khoidesktop.domain.limits import TEXT_LIMITS
from khoidesktop.domain.meetings import KINDS
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER, excellent_allowed, rule_set_for
from khoidesktop.domain.structure import GROUP_LABELS
from khoidesktop.exchange.checks import DataProblem, Part, files_by_step, items, number, optional_number, short_text
from khoidesktop.exchange.figures import Figures

PARTS = ("members", "structure", "meetings", "ratings", "recruitment")


def _read_members(part: Part, period: Period) -> Part:
    return {"members": len(items(part["members"]))}


def _read_structure(part: Part, period: Period) -> Part:
    on = date.fromisoformat(part["on"])
    if not period.start <= on <= period.end:
        raise ValueError(on)
    total = number(part["total"])
    groups = {key: number(part[key]["count"], total) for key in GROUP_LABELS}
    return {"structure_on": on, "structure": Counter({"total": total} | groups)}


def _read_ratings(part: Part, period: Period) -> Part:
    if part["year"] != period.year or (part["cell_level"] is not None and part["cell_level"] not in LEVEL_ORDER):
        raise ValueError(part["year"])
    levels = {lv: number(part["levels"][lv]["count"]) for lv in LEVEL_ORDER}
    rated = number(part["rated"])
    if sum(levels.values()) != rated:
        raise ValueError(rated)
    cap_percent = number(part["excellent_cap"]["cap_percent"], 100)
    number(part["excellent_cap"]["allowed"])  # present and in range, but recounted below:
    # the level above applies the cap's rule itself (QĐ 366: counted on those rated HTTNV), so a bundle made by an
    # older program, which counted HTTNV and above, is judged by the rule as it is written.
    return {
        "rule_sets": {short_text(part["rule_set"], TEXT_LIMITS["rule_set"])},
        "rated": rated,
        "levels": Counter(levels),
        "not_rated": len(items(part["not_rated"])),
        "excellent_allowed": excellent_allowed(rule_set_for(period.year), levels, cap_percent),
        "cell_levels": Counter({part["cell_level"]: 1}),
    }


def _read_meetings(part: Part, period: Period) -> Part:
    if part["year"] != period.year or part.get("quarter") != period.quarter:
        raise ValueError(part["year"])
    present, expected = number(part["attendance"]["present"]), number(part["attendance"]["expected"])
    if present > expected:
        raise ValueError(present)
    held = {q: number(part["thematic_by_quarter"][str(q)]["held"]) for q in range(1, 5)}
    return {
        "meetings": number(part["meetings"]),
        "meetings_by_kind": Counter({kind: number(part["meetings_by_kind"][kind]) for kind in KINDS}),
        "meetings_by_month": Counter({m: number(part["meetings_by_month"][f"{m:02d}"]) for m in range(1, 13)}),
        "thematic_held": Counter(held),
        "thematic_planned": Counter({q: number(part["thematic_by_quarter"][str(q)]["planned"]) for q in range(1, 5)}),
        "cells_with_thematic": Counter({q: 1 for q, n in held.items() if n}),
        "present": present,
        "expected": expected,
    }


def _read_recruitment(part: Part, period: Period) -> Part:
    if part["year"] != period.year:
        raise ValueError(part["year"])
    term = part["term"]
    if term is not None:
        number(term["first_year"], 2100), number(term["last_year"], 2100)
    return {
        "admitted": number(part["admitted_in_year"]),
        "year_target": optional_number(part["year_target"]),
        "term_target": None if term is None else number(term["target"]),
        "term_admitted": 0 if term is None else number(term["admitted"]),
        "files_by_step": Counter(files_by_step(part["files_by_step"])),
        "files_open": number(part["files_open"]),
        "members_at_end": number(part["members_at_end"]),
        "overdue": len(items(part["overdue"])),
        "stale": len(items(part["stale"])),
    }


_PART_READERS: tuple[tuple[str, Callable[[Part, Period], Part]], ...] = (
    ("members", _read_members),
    ("structure", _read_structure),
    ("ratings", _read_ratings),
    ("meetings", _read_meetings),
    ("recruitment", _read_recruitment),
)


def read_v1(parts: dict[str, Part], period: Period) -> Figures:
    """A cell's figures from a format-1 bundle; DataProblem names the part that lacks one or holds a wrong one."""
    values: Part = {}
    for name, read in _PART_READERS:
        try:
            values |= read(parts[name], period)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise DataProblem(name) from None
    if values.pop("members") != values["structure"]["total"]:
        raise DataProblem("members")
    return Figures(cells=1, **values)
