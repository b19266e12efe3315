from datetime import date

import pytest

from khoidesktop.domain.recruitment import (
    age_ok,
    certificate_valid,
    introducer_ok,
    months_between,
    official_date,
    votes_needed,
)


@pytest.mark.parametrize(
    "born, vote, ok",
    [
        (date(2008, 5, 10), date(2026, 5, 10), True),  # exactly 18 years = 216 months
        (date(2008, 5, 11), date(2026, 5, 10), False),  # one day short
        (date(1966, 5, 10), date(2026, 5, 10), True),  # exactly 60 years = 720 months
        (date(1966, 4, 9), date(2026, 5, 10), False),  # 60 years and 1 month
    ],
)
def test_age_in_months_at_both_edges(born, vote, ok):
    assert age_ok(born, vote) is ok


def test_months_between():
    assert months_between(date(2020, 1, 31), date(2020, 2, 29)) == 0
    assert months_between(date(2020, 1, 31), date(2020, 3, 31)) == 2


def test_certificate_valid_for_60_months():
    assert certificate_valid(date(2021, 6, 1), date(2026, 5, 31))
    assert not certificate_valid(date(2021, 6, 1), date(2026, 6, 1))
    assert not certificate_valid(None, date(2026, 1, 1))
    assert not certificate_valid(date(2026, 2, 1), date(2026, 1, 1))  # issued after the day


def test_introducers():
    on = date(2026, 6, 1)
    assert introducer_ok(date(2010, 1, 1), date(2025, 6, 1), on)
    assert not introducer_ok(date(2010, 1, 1), date(2025, 6, 2), on)  # less than a year together
    assert not introducer_ok(None, date(2020, 1, 1), on)  # probationary member
    assert not introducer_ok(date(2026, 7, 1), date(2020, 1, 1), on)  # official only later


@pytest.mark.parametrize("official, needed", [(9, 6), (10, 7), (30, 20), (31, 21), (3, 2)])
def test_two_thirds_of_the_official_members(official, needed):
    assert votes_needed(official) == needed


def test_official_date_is_ceremony_plus_twelve_months():
    assert official_date(date(2025, 5, 19)) == date(2026, 5, 19)
    assert official_date(date(2024, 2, 29)) == date(2025, 2, 28)
