"""Working days in Viet Nam: Monday to Friday, minus public holidays and their observed or swapped days off,
plus the Saturdays the government made working days in a swap (e.g. 22/8/2026 worked for 31/8/2026 off).
The `holidays` package (country VN) knows these; the cell may add local days off."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase


def _vietnam() -> type[HolidayBase]:
    """holidays' calendar of Viet Nam. holidays.country_holidays("VN") imports the package of every country first
    (~250 modules, 100–250 ms before the first deadline can be shown); the module of Viet Nam alone is loaded when
    it is a file of the package, else (a frozen installation) as holidays does it."""
    import holidays

    name = "holidays.countries.vietnam"
    module = sys.modules.get(name)
    path = Path(holidays.__file__).parent / "countries" / "vietnam.py"
    if module is None and path.is_file():
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            sys.modules[name] = module
    if module is None:
        return type(holidays.country_holidays("VN"))
    found: type[HolidayBase] = module.Vietnam
    return found


class WorkCalendar:
    def __init__(self, extra_days_off: Iterable[date] = ()) -> None:
        self.extra_days_off = frozenset(extra_days_off)

    @cached_property
    def _national(self) -> HolidayBase:
        return _vietnam()(language="vi")  # fills each year on first use

    def is_working_day(self, day: date) -> bool:
        return day not in self.extra_days_off and self._national.is_working_day(day)

    def holiday_name(self, day: date) -> str | None:
        name: str | None = self._national.get(day)  # holidays has no type information
        return name

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start`, counting from the day after it."""
        if days < 0:
            raise ValueError("days must not be negative")
        day, left = start, days
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end is not after start)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count
