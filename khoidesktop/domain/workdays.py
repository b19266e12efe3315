"""Working days in Viet Nam: Monday to Friday, minus public holidays and their observed or swapped days off,
plus the Saturdays the government made working days in a swap (e.g. 22/8/2026 worked for 31/8/2026 off).
The `holidays` package (country VN) knows these; the cell may add local days off."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterable
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


class KeptYears:
    """The national calendar's answers, kept between starts (national_days.py keeps them in a file): for each year
    asked, the days whose answer differs from Monday–Friday (a holiday, a day off in lieu, a Saturday worked in a
    swap). Loading `holidays` costs ~25 ms of a start, before the overview can show a deadline."""

    def __init__(
        self,
        years: dict[int, frozenset[date]] | None = None,
        on_new_year: Callable[[dict[int, frozenset[date]]], None] | None = None,
    ) -> None:
        self.years = dict(years or {})
        self.on_new_year = on_new_year

    def differs(self, year: int, national: Callable[[], HolidayBase]) -> frozenset[date]:
        found = self.years.get(year)
        if found is None:
            calendar, first = national(), date(year, 1, 1)
            days = (first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days))
            found = self.years[year] = frozenset(d for d in days if calendar.is_working_day(d) != (d.weekday() < 5))
            if self.on_new_year is not None:
                self.on_new_year(self.years)
        return found


class WorkCalendar:
    def __init__(self, extra_days_off: Iterable[date] = (), kept: KeptYears | None = None) -> None:
        self.extra_days_off = frozenset(extra_days_off)
        self.kept = kept

    @cached_property
    def _national(self) -> HolidayBase:
        return _vietnam()(language="vi")  # fills each year on first use

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_days_off:
            return False
        if self.kept is None:
            return self._national.is_working_day(day)
        return (day.weekday() < 5) != (day in self.kept.differs(day.year, lambda: self._national))

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
