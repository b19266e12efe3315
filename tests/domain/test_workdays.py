from datetime import date, timedelta

import pytest

from khoidesktop.domain.workdays import WorkCalendar

CAL = WorkCalendar()


def test_weekends_and_holidays_are_not_working_days():
    assert not CAL.is_working_day(date(2026, 2, 17))  # Tết
    assert not CAL.is_working_day(date(2026, 4, 30)) and not CAL.is_working_day(date(2026, 5, 1))
    assert not CAL.is_working_day(date(2026, 9, 2))
    assert not CAL.is_working_day(date(2026, 11, 21))  # a Saturday
    assert CAL.is_working_day(date(2026, 11, 23))


def test_a_swapped_saturday_is_worked_and_its_monday_is_off():
    assert CAL.is_working_day(date(2026, 8, 22))  # Saturday worked …
    assert not CAL.is_working_day(date(2026, 8, 31))  # … for this Monday off


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (date(2026, 2, 12), 1, date(2026, 2, 13)),  # Thursday → Friday
        (date(2026, 2, 13), 1, date(2026, 2, 23)),  # across the weekend and Tết (16–20/2)
        (date(2026, 4, 28), 3, date(2026, 5, 5)),  # 29/4, then 30/4–1/5 off, weekend, 4/5, 5/5
        (date(2026, 8, 28), 2, date(2026, 9, 4)),  # 31/8 swapped off, 1–2/9 National Day: 3/9, 4/9
        (date(2026, 8, 21), 1, date(2026, 8, 22)),  # the worked Saturday counts
        (date(2026, 3, 2), 0, date(2026, 3, 2)),
    ],
)
def test_n_working_days_after(start, days, expected):
    assert CAL.add_working_days(start, days) == expected
    assert CAL.working_days_between(start, expected) == days


def test_local_days_off_are_added():
    cal = WorkCalendar([date(2026, 3, 3)])
    assert cal.add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 4)
    assert CAL.add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 3)


def test_only_viet_nam_is_loaded_and_it_agrees_with_holidays_own():
    """holidays.country_holidays("VN") imports every country first (100–250 ms at start-up); the calendar loads
    Viet Nam's module alone, and every day of ten years is the same working day, or holiday, by either."""
    import subprocess
    import sys
    from datetime import timedelta

    import holidays

    check = (
        "import sys; from datetime import date; from khoidesktop.domain.workdays import WorkCalendar; "
        "assert not WorkCalendar().is_working_day(date(2026, 9, 2)); print('holidays.countries' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    theirs, day = holidays.country_holidays("VN", language="vi"), date(2020, 1, 1)
    while day.year < 2030:
        assert (CAL.is_working_day(day), CAL.holiday_name(day)) == (theirs.is_working_day(day), theirs.get(day)), day
        day += timedelta(days=1)


def test_the_kept_years_answer_as_holidays_does_and_are_asked_only_once():
    """Every day of 2024–2028 (Tết, days in lieu, the Saturday 22/8/2026 worked for 31/8/2026)."""
    from khoidesktop.domain.workdays import KeptYears

    told: list[list[int]] = []
    kept = WorkCalendar(kept=KeptYears(on_new_year=lambda years: told.append(sorted(years))))
    first, last = date(2024, 1, 1), date(2028, 12, 31)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    assert [kept.is_working_day(d) for d in days] == [CAL.is_working_day(d) for d in days]
    assert kept.is_working_day(date(2026, 8, 22)) and not kept.is_working_day(date(2026, 8, 31))
    assert told == [[2024], [2024, 2025], [2024, 2025, 2026], [2024, 2025, 2026, 2027], [2024, 2025, 2026, 2027, 2028]]
