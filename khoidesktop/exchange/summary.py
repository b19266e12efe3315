"""The summary format: the `data/*.json` parts a data file sends the level above in its bundle, version VERSION.

The writer (`write_parts`) and the reader (`read_unit`) live here side by side, so that every key a level sends
is spelled out once, next to the code that reads it back. The parts are built from the features' typed results,
never from what a `stats … --json` command prints: the command line's output may change freely, this may not.

Changing the format: add a reader for the new version to READERS, keep every older reader (a bundle made by any
earlier version keeps importing; tests/fixtures/bundle_v<n>.khoi prove it), bump VERSION, and write the new shape.

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
The reader takes the counts the level above sums; it checks each is a whole number in range, consistent, and of
the bundle's period. No database here (the writer opens the features' services only when it runs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from khoidesktop.domain.limits import TEXT_LIMITS
from khoidesktop.domain.meetings import KINDS
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER, excellent_allowed, rule_set_for
from khoidesktop.domain.recruitment import STEP_BY_CODE, STEP_CODES
from khoidesktop.domain.structure import GROUP_LABELS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.domain.workdays import WorkCalendar

VERSION = 1
PARTS = ("members", "structure", "meetings", "ratings", "recruitment")
MAX_COUNT = 1_000_000  # far above any level; a bigger "count" is a damaged or forged file

Part = dict[str, Any]


# --- writer -----------------------------------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _share(count: int, total: int) -> Part:
    from khoidesktop.i18n import percent

    return {"count": count, "percent": percent(count, total)}


def write_parts(session: Session, period: Period, today: date, calendar: WorkCalendar) -> dict[str, Part]:
    """The parts of a cell's bundle for `period`, each from the code behind the cell's own figures."""
    on = min(today, period.end)
    return {
        "members": _members_part(session, on),
        "structure": _structure_part(session, on),
        "meetings": _meetings_part(session, period, today),
        "ratings": _ratings_part(session, period.year),
        "recruitment": _recruitment_part(session, period.year, on, calendar),
    }


def _members_part(session: Session, on: date) -> Part:
    from khoidesktop.members.structure import members_on

    members = [
        {
            "full_name": m.full_name,
            "birth_date": _iso(m.birth_date),
            "gender": m.gender,
            "ethnicity": m.ethnicity,
            "religion": m.religion,
            "professional_education": m.professional_education,
            "political_theory": m.political_theory,
            "admitted_on": _iso(m.admitted_on),
            "official_on": _iso(m.official_on),
            "status": "official" if m.official_on and m.official_on <= on else "probationary",
        }
        for m in members_on(session, on)
    ]
    return {"on": on.isoformat(), "members": members}


def _structure_part(session: Session, on: date) -> Part:
    from khoidesktop.members.structure import structure_on

    structure = structure_on(session, on)
    groups = {key: {"count": share.count, "percent": share.percent} for key, share in structure.groups.items()}
    return {"on": structure.on.isoformat(), "total": structure.total, **groups}


def _meetings_part(session: Session, period: Period, today: date) -> Part:
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
        "year": summary.year,
        "quarter": period.quarter,
        "meetings": len(summary.rows),
        "meetings_by_kind": summary.by_kind(),
        "meetings_by_month": {f"{m:02d}": n for m, n in summary.by_month().items()},
        "thematic_by_quarter": {str(q): {"held": held[q], "planned": summary.planned.get(q, 0)} for q in range(1, 5)},
        "average_attendance_percent": summary.average_attendance(),
        "attendance": {
            "present": sum(r.present for r in summary.rows),
            "expected": sum(r.expected for r in summary.rows),
        },
        "unexcused_absences": [
            {"full_name": a.member.full_name, "count": a.count, "months": a.months} for a in summary.unexcused
        ],
        "warnings": summary.warnings,
    }


def _ratings_part(session: Session, year: int) -> Part:
    from khoidesktop.ratings.records import rating_rows, year_figures

    figures = year_figures(session, year)
    return {
        "year": figures.year,
        "rule_set": figures.rule_set,
        "rated": figures.rated,
        "not_rated": [{"full_name": name, "reason": reason} for name, reason in figures.not_rated],
        "levels": {level: _share(n, figures.rated) for level, n in figures.levels.items()},
        "good_or_better": _share(figures.good_or_better, figures.rated),
        "excellent_cap": {
            "cap_percent": figures.cap_percent,
            "allowed": figures.excellent_allowed,
            "actual": figures.levels["HTXSNV"],
            "exceeded": figures.levels["HTXSNV"] > figures.excellent_allowed,
        },
        "cell_level": figures.cell_level,
        "members": [
            {"full_name": r.member.full_name, "level": r.level} for r in rating_rows(session, year) if not r.exclusion
        ],
    }


def _recruitment_part(session: Session, year: int, on: date, calendar: WorkCalendar) -> Part:
    from khoidesktop.recruitment.stats import file_rows, recruitment_figures

    figures = recruitment_figures(session, year, on, calendar)
    term = figures["term"]
    return {
        "year": figures["year"],
        "files_by_step": {code: figures["files_by_step"][code] for code in STEP_CODES},
        "files_open": figures["files_open"],
        "admitted_in_year": figures["admitted_in_year"],
        "year_target": figures["year_target"],
        "term": None
        if term is None
        else {
            "first_year": term["first_year"],
            "last_year": term["last_year"],
            "target": term["target"],
            "admitted": term["admitted"],
        },
        "progress_percent": figures["progress_percent"],
        "members_at_end": figures["members_at_end"],
        "new_members_percent": figures["new_members_percent"],
        "overdue": [{"full_name": o["full_name"], "due": o["due"], "what": o["what"]} for o in figures["overdue"]],
        "stale": list(figures["stale"]),
        "files": [{"full_name": r.candidate.full_name, "step": r.step} for r in file_rows(session, on, calendar)],
    }


# --- reader -----------------------------------------------------------------------------------------------------


class DataProblem(Exception):
    """A part of a bundle lacks a figure, or holds one out of range or not of its period."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


@dataclass(frozen=True)
class Term:
    first_year: int
    last_year: int
    target: int
    admitted: int


@dataclass(frozen=True)
class UnitFigures:
    """One unit's figures for a period, as it sent them."""

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


def _int(value: object, most: int = MAX_COUNT) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise ValueError(value)
    return value


def _text(value: object, most: int) -> str:
    """A short line of text the level above shows (in its report too): printable, at most `most` characters."""
    if not isinstance(value, str) or len(value) > most or not value.isprintable():
        raise ValueError(value)
    return value


def _optional_int(value: object) -> int | None:
    return None if value is None else _int(value)


def _list(value: object) -> list[Any]:
    if not isinstance(value, list) or len(value) > MAX_COUNT:
        raise ValueError(value)
    return value


def _read_members(part: Part, period: Period) -> Part:
    return {"members": len(_list(part["members"]))}


def _read_structure(part: Part, period: Period) -> Part:
    on = date.fromisoformat(part["on"])
    if not period.start <= on <= period.end:
        raise ValueError(on)
    total = _int(part["total"])
    groups = {key: _int(part[key]["count"], total) for key in GROUP_LABELS}
    return {"structure_on": on, "structure": {"total": total} | groups}


def _read_ratings(part: Part, period: Period) -> Part:
    if part["year"] != period.year or (part["cell_level"] is not None and part["cell_level"] not in LEVEL_ORDER):
        raise ValueError(part["year"])
    levels = {lv: _int(part["levels"][lv]["count"]) for lv in LEVEL_ORDER}
    rated = _int(part["rated"])
    if sum(levels.values()) != rated:
        raise ValueError(rated)
    cap_percent = _int(part["excellent_cap"]["cap_percent"], 100)
    _int(part["excellent_cap"]["allowed"])  # present and in range, but recounted below:
    # the level above applies the cap's rule itself (QĐ 366: counted on those rated HTTNV), so a bundle made by an
    # older program, which counted HTTNV and above, is judged by the rule as it is written.
    allowed = excellent_allowed(rule_set_for(period.year), levels, cap_percent)
    return {
        "rating_year": period.year,
        "rule_set": _text(part["rule_set"], TEXT_LIMITS["rule_set"]),
        "rated": rated,
        "levels": levels,
        "not_rated": len(_list(part["not_rated"])),
        "excellent_allowed": allowed,
        "cap_percent": cap_percent,
        "cell_level": part["cell_level"],
    }


def _read_meetings(part: Part, period: Period) -> Part:
    if part["year"] != period.year or part.get("quarter") != period.quarter:
        raise ValueError(part["year"])
    present, expected = _int(part["attendance"]["present"]), _int(part["attendance"]["expected"])
    if present > expected:
        raise ValueError(present)
    return {
        "meetings": _int(part["meetings"]),
        "meetings_by_kind": {kind: _int(part["meetings_by_kind"][kind]) for kind in KINDS},
        "meetings_by_month": {m: _int(part["meetings_by_month"][f"{m:02d}"]) for m in range(1, 13)},
        "thematic_held": {q: _int(part["thematic_by_quarter"][str(q)]["held"]) for q in range(1, 5)},
        "thematic_planned": {q: _int(part["thematic_by_quarter"][str(q)]["planned"]) for q in range(1, 5)},
        "present": present,
        "expected": expected,
    }


def _read_recruitment(part: Part, period: Period) -> Part:
    if part["year"] != period.year:
        raise ValueError(part["year"])
    term = part["term"]
    return {
        "admitted": _int(part["admitted_in_year"]),
        "year_target": _optional_int(part["year_target"]),
        "term": None
        if term is None
        else Term(
            _int(term["first_year"], 2100), _int(term["last_year"], 2100), _int(term["target"]), _int(term["admitted"])
        ),
        "files_by_step": _files_by_step(part["files_by_step"]),
        "files_open": _int(part["files_open"]),
        "members_at_end": _int(part["members_at_end"]),
        "overdue": len(_list(part["overdue"])),
        "stale": len(_list(part["stale"])),
    }


def _files_by_step(counts: Part) -> dict[str, int]:
    """A step added with the 2025 rules is absent from a bundle made before: no file was at it."""
    return {
        code: _int(counts[code]) if code in counts or not STEP_BY_CODE[code].added_2025 else 0 for code in STEP_CODES
    }


_PART_READERS_V1: tuple[tuple[str, Callable[[Part, Period], Part]], ...] = (
    ("members", _read_members),
    ("structure", _read_structure),
    ("ratings", _read_ratings),
    ("meetings", _read_meetings),
    ("recruitment", _read_recruitment),
)


def _read_v1(parts: dict[str, Part], period: Period) -> UnitFigures:
    values: Part = {}
    for name, read in _PART_READERS_V1:
        try:
            values |= read(parts[name], period)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise DataProblem(name) from None
    if values["members"] != values["structure"]["total"]:
        raise DataProblem("members")
    return UnitFigures(**values)


READERS: dict[int, Callable[[dict[str, Part], Period], UnitFigures]] = {1: _read_v1}


def read_unit(parts: dict[str, Part], period: Period, version: int = VERSION) -> UnitFigures:
    """The figures of a bundle's data parts written in `version`; DataProblem names the part that lacks one,
    holds one out of range, or speaks of another period."""
    return READERS[version](parts, period)
