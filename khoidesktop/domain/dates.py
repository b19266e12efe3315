"""Date arithmetic the rules need (no Qt, no database)."""

from __future__ import annotations

from datetime import date


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
