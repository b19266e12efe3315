from datetime import date

from khoidesktop.domain.dates import add_years, whole_years_between


def test_add_years_keeps_the_day_and_falls_back_from_29_february():
    assert add_years(date(2025, 3, 14), 1) == date(2026, 3, 14)
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_whole_years_between_counts_completed_years():
    assert whole_years_between(date(1990, 11, 23), date(2026, 11, 23)) == 36
    assert whole_years_between(date(1990, 11, 24), date(2026, 11, 23)) == 35
