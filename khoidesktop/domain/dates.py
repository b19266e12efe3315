"""Date arithmetic the rules need (no Qt, no database)."""

from __future__ import annotations

from datetime import date

# The years the program keeps records of: from the Party's founding to well past any term now planned. A year or a
# date outside them, typed or imported, is a mistake (and date arithmetic near year 9999 would overflow).
FIRST_YEAR, LAST_YEAR = 1930, 2100


def add_years(value: date, years: int) -> date:
    """Same day `years` later; 29 February falls back to 28 February in a common year."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def whole_years_between(start: date, end: date) -> int:
    """Completed years from `start` to `end` (age, party age)."""
    years = end.year - start.year
    return years - 1 if (end.month, end.day) < (start.month, start.day) else years
