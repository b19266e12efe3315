"""The election rules (Quy chế bầu cử trong Đảng, QĐ 190-QĐ/TW of 10/10/2024; HD 04-HD/TW), each test naming the
rule it checks, at its edges; and the structure of a delegation as the congress reports give it."""

from __future__ import annotations

from datetime import date

import pytest

from khoidesktop.domain.elections import (
    ELECTED,
    NOT_ELECTED,
    TIED,
    Ballots,
    Delegate,
    Votes,
    delegation_structure,
    max_candidates,
    quorum,
    rules_for,
    superior_appoints,
    tally,
    tally_problems,
)
from khoidesktop.i18n import format_percent, set_language


@pytest.fixture(autouse=True)
def vietnamese():
    set_language("vi")


def _ballots(valid: int, invalid: int = 0, issued: int | None = None) -> Ballots:
    returned = valid + invalid
    return Ballots(issued if issued is not None else returned, returned, valid, invalid)


def test_the_rules_in_force_are_those_of_qd_190_from_its_signing():
    rules = rules_for(date(2025, 3, 1))
    assert "190-QĐ/TW" in rules.regulation and "04-HD/TW" in rules.guide
    assert rules.in_force_from == date(2024, 10, 10)


@pytest.mark.parametrize("present, valid", [(20, True), (19, False), (30, True)])
def test_quorum_at_least_two_thirds_of_those_summoned(present, valid):
    """Rule: a congress is valid with at least two thirds of those summoned present (20 of 30 is, 19 is not)."""
    check = quorum(30, present)
    assert check.valid is valid and check.needed == 20


def test_quorum_rounds_two_thirds_up():
    """Rule: two thirds of 31 is 20,67: 21 present are needed."""
    assert quorum(31, 21).valid and not quorum(31, 20).valid


@pytest.mark.parametrize("votes, outcome", [(15, NOT_ELECTED), (16, ELECTED)])
def test_more_than_half_of_those_summoned_is_needed(votes, outcome):
    """Rule: elected with MORE than half of the number summoned: 15 of 30 is not elected, 16 is."""
    result = tally(30, 1, _ballots(29, issued=30), [Votes("Nguyễn Văn An", votes)], present=30)
    assert result.results[0].outcome == outcome
    if outcome == NOT_ELECTED:
        assert "15" in result.results[0].reason and result.seats_unfilled == 1
    else:
        assert result.elected == ("Nguyễn Văn An",) and result.seats_unfilled == 0


def test_the_share_is_counted_against_those_summoned_not_the_valid_ballots():
    """Rule: the percentage on the minutes is of those summoned: 16 of 30 = 53,33%."""
    result = tally(30, 1, _ballots(20, issued=25), [Votes("An", 16)], present=25)
    assert result.results[0].percent == 53.33
    assert format_percent(16, 30) == "53,33%"


def test_when_more_pass_than_seats_the_highest_win():
    """Rule: more candidates pass than seats: the most votes win; the others passed but are not elected."""
    votes = [Votes("An", 20), Votes("Bình", 25), Votes("Cường", 18), Votes("Dũng", 22)]
    result = tally(30, 3, _ballots(29, issued=30), votes, present=30)
    assert result.elected == ("Bình", "Dũng", "An")
    (out,) = result.not_elected
    assert out.name == "Cường" and "ít phiếu hơn" in out.reason
    assert result.tie == () and result.seats_unfilled == 0


def test_a_tie_at_the_last_seat_is_voted_again_among_the_tied():
    """Rule: a tie at the last seat(s) → a new round among the tied only."""
    votes = [Votes("An", 25), Votes("Bình", 17), Votes("Cường", 17)]
    result = tally(30, 2, _ballots(30, issued=30), votes, present=30)
    assert result.elected == ("An",)
    assert result.tie == ("Bình", "Cường") and result.tie_seats == 1 and result.seats_unfilled == 0
    assert [r.outcome for r in result.results] == [ELECTED, TIED, TIED]


def test_the_round_among_the_tied_does_not_need_more_than_half():
    """Rule: the new round among the tied is without the more-than-half condition; still tied, the congress decides."""
    decided = tally(30, 1, _ballots(25, issued=30), [Votes("Bình", 13), Votes("Cường", 12)], present=30, runoff=True)
    assert decided.elected == ("Bình",) and decided.results[0].percent == 43.33
    still = tally(30, 1, _ballots(24, issued=30), [Votes("Bình", 12), Votes("Cường", 12)], present=30, runoff=True)
    assert still.tie == ("Bình", "Cường") and "đại hội quyết định" in still.results[0].reason


def test_a_tie_within_the_seats_elects_all_tied():
    """Rule: candidates tied but all within the seats are all elected (no new round)."""
    votes = [Votes("An", 20), Votes("Bình", 20), Votes("Cường", 17)]
    result = tally(30, 2, _ballots(29, issued=30), votes, present=30)
    assert set(result.elected) == {"An", "Bình"} and result.tie == ()


def test_seats_are_left_unfilled_when_too_few_pass():
    """Rule: seats stay unfilled when fewer candidates pass more than half than there are seats."""
    votes = [Votes("An", 20), Votes("Bình", 15), Votes("Cường", 9)]
    result = tally(30, 3, _ballots(25, issued=30), votes, present=30)
    assert result.elected == ("An",) and result.seats_unfilled == 2


@pytest.mark.parametrize("seats, most", [(7, 9), (10, 13), (3, 4), (1, 2), (5, 6), (2, 3)])
def test_at_most_30_percent_more_candidates_than_seats(seats, most):
    """Rule: at most 30% more candidates than seats (QĐ 190, Art. 14)."""
    assert max_candidates(seats) == most


def test_too_many_candidates_are_refused():
    """Rule: beyond 30% more candidates than seats the list is refused, in Vietnamese."""
    votes = [Votes(f"Ứng viên {i}", 16) for i in range(10)]
    with pytest.raises(ValueError, match="30%"):
        tally(30, 7, _ballots(29, issued=30), votes, present=30)
    tally(30, 7, _ballots(29, issued=30), votes[:9], present=30)  # 9 for 7 seats is allowed


def test_invalid_ballots_are_counted_apart_and_must_add_up():
    """Rule: valid + invalid = returned ≤ issued; votes are counted on the valid ballots."""
    result = tally(30, 1, Ballots(30, 29, 26, 3), [Votes("An", 26)], present=30)
    assert result.ballots.invalid == 3 and result.elected == ("An",)
    assert tally_problems(30, 30, 1, Ballots(30, 29, 26, 2), [Votes("An", 20)])
    assert tally_problems(30, 30, 1, Ballots(30, 31, 29, 2), [Votes("An", 20)])
    assert tally_problems(30, 28, 1, Ballots(29, 29, 29, 0), [Votes("An", 20)])  # more issued than present


def test_a_candidate_cannot_have_more_votes_than_valid_ballots():
    """Rule: a candidate's votes ≤ the valid ballots."""
    problems = tally_problems(30, 30, 2, _ballots(26, 4), [Votes("An", 27), Votes("Bình", 5)])
    assert any("An" in p and "26" in p for p in problems)


def test_the_votes_cannot_exceed_valid_ballots_times_seats():
    """Rule: a ballot keeps at most as many names as seats: the votes add up to at most valid × seats."""
    votes = [Votes("An", 20), Votes("Bình", 20), Votes("Cường", 19)]
    assert tally_problems(30, 30, 2, _ballots(29, 1), votes)  # 59 > 58
    assert not tally_problems(30, 30, 2, _ballots(29, 1), votes[:2] + [Votes("Cường", 18)])  # 58


def test_no_vote_without_a_quorum():
    """Rule: a congress without two thirds present cannot elect."""
    with pytest.raises(ValueError, match="hai phần ba"):
        tally(30, 1, _ballots(19), [Votes("An", 19)], present=19)


def test_the_same_name_twice_is_refused():
    assert tally_problems(30, 30, 2, _ballots(29, 1), [Votes("Lê Văn An", 20), Votes("lê  văn an", 18)])


@pytest.mark.parametrize("failed, appoints", [(2, False), (3, True)])
def test_three_failed_votes_for_the_secretary_and_the_superior_appoints(failed, appoints):
    """Rule: the committee's vote for the secretary failing three times, the superior appoints one."""
    assert superior_appoints(failed) is appoints


def _delegation(on: date) -> list[Delegate]:
    """250 delegates: 66 women, 4 of ethnic minorities, 3 over 60, 47 under 40, 17 doctorates (seed 004)."""

    def born(age: int) -> date:
        return date(on.year - age, 1, 1)

    ages = [61, 63, 65] + [30 + i % 10 for i in range(47)] + [40 + i % 21 for i in range(200)]
    delegates = []
    for i, age in enumerate(ages):
        delegates.append(
            Delegate(
                f"Đại biểu {i + 1}",
                gender="female" if i % 250 < 66 else "male",
                ethnicity="Tày" if i in (10, 100, 150, 249) else "Kinh",
                birth_date=born(age),
                professional_education="doctor" if 200 <= i < 217 else "master",
            )
        )
    return delegates


def test_the_structure_of_a_delegation_of_250():
    """The congress report's columns: women 26,40%, ethnic minorities 1,60%, over 60 1,20%, under 40 18,80%,
    doctorate 6,80%."""
    set_language("vi")
    on = date(2025, 9, 20)
    structure = delegation_structure(_delegation(on), on)
    shares = {key: (s.count, format_percent(s.count, s.total)) for key, s in structure.groups.items()}
    assert structure.total == 250
    assert shares["women"] == (66, "26,40%")
    assert shares["ethnic_minority"] == (4, "1,60%")
    assert shares["over_60"] == (3, "1,20%")
    assert shares["under_40"] == (47, "18,80%")
    assert shares["doctorate"] == (17, "6,80%")
    assert structure.groups["women"].percent == 26.4


def test_over_60_and_under_40_by_whole_years_on_the_congress_day():
    """Over 60 is 61 whole years or more; under 40 is 39 or less (domain/structure's bands)."""
    on = date(2025, 9, 20)
    people = [
        Delegate("A", birth_date=date(1964, 9, 20)),  # 61 that day
        Delegate("B", birth_date=date(1964, 9, 21)),  # 60
        Delegate("C", birth_date=date(1985, 9, 21)),  # 39
        Delegate("D", birth_date=date(1985, 9, 20)),  # 40
    ]
    groups = delegation_structure(people, on).groups
    assert groups["over_60"].count == 1 and groups["under_40"].count == 1
