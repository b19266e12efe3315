"""The period a bundle reports on: a year ("2025") or a quarter ("2025-Q3")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from khoidesktop.i18n import _

_PATTERN = re.compile(r"(\d{4})(?:-Q([1-4]))?")
ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None = None

    @classmethod
    def parse(cls, text: str) -> Period:
        """ "2025" or "2025-Q3"; ValueError otherwise."""
        found = _PATTERN.fullmatch(text.strip().upper())
        if not found or not 2000 <= int(found.group(1)) <= 2100:
            raise ValueError(text)
        return cls(int(found.group(1)), int(found.group(2)) if found.group(2) else None)

    @property
    def code(self) -> str:
        return f"{self.year}-Q{self.quarter}" if self.quarter else str(self.year)

    @property
    def sort_key(self) -> tuple[int, int]:
        """Later periods sort later; a year sorts after its quarters."""
        return self.year, self.quarter or 5

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2 if self.quarter else 1, 1)

    @property
    def end(self) -> date:
        if not self.quarter or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.quarter + 1, 1) - timedelta(days=1)

    def label(self) -> str:
        """As printed: "năm 2025", "quý III/2025"."""
        if self.quarter:
            return _("quarter {quarter}/{year}").format(quarter=ROMAN_QUARTERS[self.quarter], year=self.year)
        return _("year {year}").format(year=self.year)
