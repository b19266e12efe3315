"""The plain results of a term's targets (no SQLAlchemy): what the term page, `stats term` and the mid-term
review show. terms/progress.py makes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from khoidesktop.i18n import percent


@dataclass(frozen=True)
class Figure:
    """A figure of a target for a year or the term so far: a count, or a share `count` of `base` in %."""

    value: float
    count: int | None = None
    base: int | None = None


@dataclass(frozen=True)
class TargetProgress:
    id: int
    indicator: str
    target: float
    unit: str  # domain.terms.UNITS
    at_most: bool
    computed: str | None  # domain.terms.COMPUTED, None: entered by hand
    years: dict[int, Figure | None]  # each year of the term (None: no figure, or a year still to come)
    so_far: Figure | None  # the term so far

    @property
    def done(self) -> float | None:
        return self.so_far.value if self.so_far else None

    def gap(self, figure: Figure | None = None) -> float | None:
        """How far the figure is from the target (0 when it is met), in the target's unit."""
        figure = figure if figure is not None else self.so_far
        if figure is None:
            return None
        missing = figure.value - self.target if self.at_most else self.target - figure.value
        return round(max(missing, 0.0), 2)

    def share(self) -> float | None:
        """What is done as a share of the target in % (305 of 450 = 67,78): for counts, not for a share."""
        if self.so_far is None or self.unit == "percent" or not self.target:
            return None
        return percent(self.so_far.value, self.target)

    def met(self) -> bool | None:
        gap = self.gap()
        return None if gap is None else gap == 0

    def as_json(self) -> dict[str, Any]:
        def one(figure: Figure | None) -> dict[str, Any] | None:
            if figure is None:
                return None
            found: dict[str, Any] = {"value": figure.value}
            if figure.base is not None:
                found |= {"count": figure.count, "of": figure.base}
            return found | {"gap": self.gap(figure)}

        return {
            "indicator": self.indicator,
            "target": self.target,
            "unit": self.unit,
            "at_most": self.at_most,
            "computed": self.computed,
            "years": {str(y): one(f) for y, f in self.years.items()},
            "term_so_far": one(self.so_far),
            "share_of_target_percent": self.share(),
            "gap": self.gap(),
        }


@dataclass(frozen=True)
class CommitteeRow:
    full_name: str
    role: str
    from_date: date
    to_date: date | None
    came: str
    left_how: str | None


@dataclass(frozen=True)
class TermProgress:
    """A term with its committee and each target's figures, as of `on`."""

    term_id: int
    name: str
    starts_on: date
    ends_on: date
    congress_on: date | None
    on: date
    years: list[int]
    targets: list[TargetProgress]
    committee: list[CommitteeRow] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "term": self.name,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat(),
            "congress_on": self.congress_on.isoformat() if self.congress_on else None,
            "on": self.on.isoformat(),
            "years": self.years,
            "targets": [t.as_json() for t in self.targets],
        }
