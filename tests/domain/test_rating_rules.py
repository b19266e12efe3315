import pytest

from khoidesktop.domain.rating_rules import (
    TaskFacts,
    cap_level,
    excellent_allowed,
    highest_level_allowed,
    level_for_score,
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
    assert excellent_allowed(QD366, good, cap) == allowed


def test_a_score_alone_is_not_enough():
    assert highest_level_allowed(QD366, TaskFacts(True, 30)) == "HTXSNV"
    assert highest_level_allowed(QD366, TaskFacts(True, 29.9)) == "HTTNV"
    assert highest_level_allowed(QD366, TaskFacts(False, 50, True, 20)) == "HTNV"
    assert highest_level_allowed(QD366, TaskFacts(False, 50, True, 21)) == "KHTNV"
    assert highest_level_allowed(QD366, TaskFacts(False, 0, False, 0)) == "KHTNV"
    assert highest_level_allowed(rule_set_for(2024), TaskFacts(False, 0, False, 0)) == "HTXSNV"  # no such rule then
    assert cap_level("HTXSNV", "HTTNV") == "HTTNV" and cap_level("HTNV", "HTTNV") == "HTNV"
