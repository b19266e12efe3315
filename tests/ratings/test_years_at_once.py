"""The overview's five years of ratings read at once (ratings/records.rating_rows_of_years) give each year's rows as
that year alone gives them: the same members on its rating date, the same exclusions, grounds and ratings."""

from khoidesktop.ratings.records import iter_rating_rows, level_shares, rating_rows_of_years, rating_span, year_figures
from tests.conftest import FIXED_NOW


def _seen(rows):  # type: ignore[no-untyped-def]
    return [(r.member.id, r.exclusion, r.automatic, r.rating and r.rating.id, r.disciplined) for r in rows]


def test_five_years_at_once_are_each_year_alone(demo_store):
    span = rating_span(FIXED_NOW.year, 5)
    with demo_store.session() as session:
        together = rating_rows_of_years(session, span)
        assert list(together) == span
        for year in span:
            alone = list(iter_rating_rows(session, year, flags=False))
            assert _seen(together[year]) == _seen(alone)
        assert any(together[year] for year in span)  # the training cell has members to count
        shares = level_shares(session, span)
        for year in span:
            assert shares[year] == year_figures(session, year).as_json()["levels"]
