from datetime import date, time

import pytest

from khoidesktop.domain.meetings import (
    VOTE_BASES,
    Voter,
    duration_minutes,
    in_vote_base,
    materials_late,
    minimum_minutes,
    passes,
    rules_for,
    vote_base,
    votes_needed,
)

RULES = rules_for(date(2026, 6, 1))


def test_the_rules_in_force_carry_their_regulation():
    assert "50-CT/TW" in RULES.regulation and RULES.min_minutes == 90 and RULES.min_minutes_combined == 120


@pytest.mark.parametrize(
    "kind, start, end, short",
    [
        ("regular", time(14, 0), time(15, 29), True),
        ("regular", time(14, 0), time(15, 30), False),
        ("combined", time(14, 0), time(15, 59), True),
        ("combined", time(14, 0), time(16, 0), False),
        ("thematic", time(8, 0), time(9, 30), False),
        ("extraordinary", time(8, 0), time(8, 30), False),
    ],
)
def test_duration_against_the_minimum(kind, start, end, short):
    least = minimum_minutes(kind, RULES)
    assert (least is not None and duration_minutes(start, end) < least) is short


def test_meeting_rule_sets_by_date_hd12_before_hd42():
    """HD 42-HD/BTCTW of 28/10/2025 (guide of Chỉ thị 50-CT/TW of 23/7/2025) brought the 90/120-minute minimum and
    the one-day materials rule; before it HD 12-HD/BTCTW (2018) applied, with neither: a 2024 meeting is not warned
    under HD 42."""
    before, after = rules_for(date(2024, 5, 20)), rules_for(date(2025, 10, 28))
    assert "12-HD/BTCTW" in before.regulation and "42-HD/BTCTW" in after.regulation
    assert rules_for(date(2025, 10, 27)) == before
    assert minimum_minutes("regular", before) is None and minimum_minutes("combined", before) is None
    assert not materials_late(date(2024, 5, 20), None, before)
    assert minimum_minutes("regular", after) == 90 and materials_late(date(2025, 11, 3), None, after)
    assert before.thematic_per_quarter == after.thematic_per_quarter == 1  # both: a thematic meeting a quarter


def test_materials_at_least_a_day_before():
    day = date(2026, 11, 3)
    assert not materials_late(day, date(2026, 11, 2), RULES)
    assert materials_late(day, date(2026, 11, 3), RULES)
    assert materials_late(day, None, RULES)


def test_the_two_vote_bases_of_qd294_and_the_election_rules():
    """VOTE_BASES: an ordinary resolution (QĐ 294-QĐ/TW) counts the official members minus those introduced elsewhere
    temporarily and exempt members who are absent; the election base (QĐ 190-QĐ/TW) also leaves out suspended members
    and official members absent with a reason."""
    cases = [  # (voter, in the ordinary base, in the election base)
        (Voter("official", True, "present"), True, True),
        (Voter("official", True, "unexcused"), True, True),  # absent without a reason: still counted
        (Voter("official", True, "excused"), True, False),  # official, absent with a reason
        (Voter("temporary_out", True, "unexcused"), False, False),  # introduced elsewhere temporarily
        (Voter("exempt", True, "excused"), False, False),  # exempt and absent
        (Voter("exempt", True, "present"), True, True),  # exempt but came
        (Voter("suspended", True, "present"), True, False),
        (Voter("probationary", False, "present"), False, False),  # no vote on resolutions
    ]
    for voter, ordinary, election in cases:
        assert in_vote_base(voter) is ordinary, voter  # a meeting's resolution is an ordinary one
        assert in_vote_base(voter, VOTE_BASES["ordinary"]) is ordinary, voter
        assert in_vote_base(voter, VOTE_BASES["election"]) is election, voter
    assert vote_base(v for v, _o, _e in cases) == 5
    assert vote_base((v for v, _o, _e in cases), VOTE_BASES["election"]) == 3


@pytest.mark.parametrize(
    "rule, base, needed",
    [
        ("more_than_half", 10, 6),
        ("more_than_half", 9, 5),
        ("more_than_half", 1, 1),
        ("two_thirds", 9, 6),
        ("two_thirds", 10, 7),
        ("two_thirds", 30, 20),
        ("two_thirds", 31, 21),
    ],
)
def test_thresholds(rule, base, needed):
    assert votes_needed(rule, base) == needed
    assert passes(rule, needed, base) and not passes(rule, needed - 1, base)
    assert not passes(rule, 0, 0)
