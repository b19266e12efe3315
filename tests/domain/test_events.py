from datetime import date

from khoidesktop.domain.events import EventFact as E
from khoidesktop.domain.events import status_on
from khoidesktop.domain.party_age import badge_reached_in, party_age


def test_status_follows_the_history_in_date_order():
    official_on = date(2011, 3, 1)
    events = [
        E("official", date(2011, 3, 1)),
        E("admitted", date(2010, 3, 1)),
        E("temporary_out", date(2020, 5, 1)),
        E("temporary_back", date(2021, 5, 1)),
        E("exempt", date(2024, 1, 10)),
        E("badge", date(2024, 2, 3)),
    ]
    assert status_on(events, official_on, date(2010, 6, 1)) == "probationary"
    assert status_on(events, official_on, date(2015, 1, 1)) == "official"
    assert status_on(events, official_on, date(2020, 12, 1)) == "temporary_out"
    assert status_on(events, official_on, date(2022, 1, 1)) == "official"
    assert status_on(events, official_on, date(2025, 1, 1)) == "exempt"  # a badge changes nothing


def test_discipline_changes_status_only_when_it_is_expulsion():
    base = [E("admitted", date(2000, 1, 1))]
    assert (
        status_on(base + [E("discipline", date(2020, 1, 1), "warning")], date(2001, 1, 1), date(2021, 1, 1))
        == "official"
    )
    assert (
        status_on(base + [E("discipline", date(2020, 1, 1), "expulsion")], date(2001, 1, 1), date(2021, 1, 1))
        == "expelled"
    )


def test_without_history_the_typed_status_is_kept():
    assert status_on([], None, date(2026, 1, 1), without_history="exempt") == "exempt"
    assert status_on([], date(2020, 1, 1), date(2026, 1, 1)) == "official"
    assert status_on([], date(2027, 1, 1), date(2026, 1, 1)) == "probationary"


def test_party_age_and_badges():
    assert party_age(date(1996, 11, 24), date(2026, 11, 23)) == 29
    assert party_age(date(1996, 11, 23), date(2026, 11, 23)) == 30
    assert party_age(None, date(2026, 1, 1)) is None
    assert badge_reached_in(date(1996, 5, 19), 2026) == 30
    assert badge_reached_in(date(1986, 5, 19), 2026) == 40
    assert badge_reached_in(date(1991, 5, 19), 2026) is None  # 35 years is not a milestone
    assert badge_reached_in(date(1981, 5, 19), 2026) == 45
