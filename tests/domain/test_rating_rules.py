from datetime import date

import pytest

from khoidesktop.domain.rating_rules import (
    TaskFacts,
    cap_level,
    excellent_allowed,
    highest_level_allowed,
    level_due,
    level_for_score,
    rating_date_problem,
    rule_set_for,
)

QD366 = rule_set_for(2025)


@pytest.mark.parametrize(
    "score, level",
    [
        (49.5, "KHTNV"),
        (50, "HTNV"),
        (69.9, "HTNV"),
        (70, "HTTNV"),
        (89.9, "HTTNV"),
        (90, "HTXSNV"),
        (100, "HTXSNV"),
        (0, "KHTNV"),
    ],
)
def test_score_thresholds_at_their_edges(score, level):
    assert level_for_score(QD366, score) == level


def test_each_year_is_judged_by_its_own_rule_set():
    assert "366-QĐ/TW" in rule_set_for(2025).regulation and rule_set_for(2026).scored
    assert "124-QĐ/TW" in rule_set_for(2024).regulation and not rule_set_for(2023).scored
    assert "132-QĐ/TW" in rule_set_for(2018).regulation and "132-QĐ/TW" in rule_set_for(2022).regulation
    assert level_for_score(rule_set_for(2024), 95) is None  # no score in QĐ 124
    with pytest.raises(ValueError):
        rule_set_for(2017)


@pytest.mark.parametrize(
    "good, cap, allowed", [(25, 20, 5), (24, 20, 4), (25, 25, 6), (28, 25, 7), (4, 20, 0), (30, 30, 7)]
)  # 30% asked: only the 25% maximum is granted
def test_the_cap_on_excellence(good, cap, allowed):
    assert excellent_allowed(QD366, {"HTTNV": good}, cap) == allowed


@pytest.mark.parametrize("year", [2018, 2023, 2025])
def test_cap_rule_qd366_qd124_qd132_counts_only_those_rated_well_completed(year):
    """QĐ 366 (as QĐ 124 and QĐ 132): HTXSNV "không vượt quá 20% tổng số … được xếp loại 'Hoàn thành tốt nhiệm
    vụ'" — the base is HTTNV, not HTTNV and above: 20 HTXSNV and 76 HTTNV allow 15, not 19."""
    rules = rule_set_for(year)
    assert excellent_allowed(rules, {"HTXSNV": 20, "HTTNV": 76, "HTNV": 4}) == 15
    assert excellent_allowed(rules, {"HTXSNV": 20, "HTTNV": 0}) == 0


def test_rating_date_rule_hd43_the_rating_of_a_year_ends_within_it():
    """HD 43-HD/BTCTW (QĐ 366): the rating of year Y ends before 31/12/Y, so a date in Y+1 is refused; the earlier
    rule sets keep their own window (the year or early the next)."""
    assert rating_date_problem(QD366, 2025, date(2025, 12, 31)) is None
    assert "trước ngày 31/12/2025" in (rating_date_problem(QD366, 2025, date(2026, 1, 10)) or "")
    assert rating_date_problem(rule_set_for(2024), 2024, date(2025, 1, 10)) is None
    assert rating_date_problem(rule_set_for(2024), 2024, date(2026, 1, 10)) is not None


def test_a_score_alone_is_not_enough():
    assert highest_level_allowed(QD366, TaskFacts(True, 30)) == "HTXSNV"
    assert highest_level_allowed(QD366, TaskFacts(True, 29.9)) == "HTTNV"
    assert highest_level_allowed(QD366, TaskFacts(False, 50, True, 20)) == "HTNV"
    assert highest_level_allowed(QD366, TaskFacts(False, 50, True, 21)) == "KHTNV"
    assert highest_level_allowed(QD366, TaskFacts(False, 0, False, 0)) == "KHTNV"
    assert highest_level_allowed(rule_set_for(2024), TaskFacts(False, 0, False, 0)) == "HTXSNV"  # no such rule then
    assert cap_level("HTXSNV", "HTTNV") == "HTTNV" and cap_level("HTNV", "HTTNV") == "HTNV"


def test_level_due_is_the_score_capped_by_the_task_facts_and_khtnv_on_a_ground():
    """The one rule the grid and the dialog show and the check on save applies (QĐ 366)."""
    excellent = TaskFacts(True, 40)
    assert level_due(QD366, 95, excellent) == "HTXSNV"
    assert level_due(QD366, 95, TaskFacts(True, 10)) == "HTTNV"  # too few tasks exceeding: not above HTTNV
    assert level_due(QD366, 95, TaskFacts(False, 40, True, 10)) == "HTNV"  # a task late: not above HTNV
    assert level_due(QD366, 95, TaskFacts(True, 40, shortcomings_remedied=False)) == "HTTNV"
    assert level_due(QD366, 55, excellent) == "HTNV"  # the cap never raises a level
    assert level_due(QD366, 95, excellent, ["degradation"]) == "KHTNV"
    assert level_due(QD366, None, excellent) is None
    assert level_due(QD366, 10, excellent) == "KHTNV"  # below 50
    assert level_due(rule_set_for(2024), 95, TaskFacts(False, 0, False, 0)) is None  # QĐ 124 has no score
    assert level_due(rule_set_for(2024), None, TaskFacts(), ["discipline"]) == "KHTNV"
