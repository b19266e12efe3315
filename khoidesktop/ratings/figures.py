"""What the rating's pages, documents and the summary format are given: plain data, no database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from khoidesktop.i18n import percent


@dataclass(frozen=True)
class YearFigures:
    year: int
    rule_set: str
    rated: int
    not_rated: list[tuple[str, str]]  # (name, reason)
    levels: dict[str, int]
    excellent_allowed: int
    cap_percent: int
    cell_level: str | None

    @property
    def good_or_better(self) -> int:
        return self.levels["HTXSNV"] + self.levels["HTTNV"]

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "rule_set": self.rule_set,
            "rated": self.rated,
            "not_rated": [{"full_name": n, "reason": r} for n, r in self.not_rated],
            "levels": {lv: {"count": n, "percent": percent(n, self.rated)} for lv, n in self.levels.items()},
            "good_or_better": {"count": self.good_or_better, "percent": percent(self.good_or_better, self.rated)},
            "excellent_cap": {
                "cap_percent": self.cap_percent,
                "allowed": self.excellent_allowed,
                "actual": self.levels["HTXSNV"],
                "exceeded": self.levels["HTXSNV"] > self.excellent_allowed,
            },
            "cell_level": self.cell_level,
        }
