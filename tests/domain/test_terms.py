"""The term rules (DOMAIN.md, Terms, congresses and elections), each named with its source."""

from datetime import date

from khoidesktop.domain.terms import RULES, committee_problems, rules_for, term_end

CELL_ROLES = ("secretary", "deputy", "member")


def test_a_term_is_five_years_the_pilot_of_qd_294_and_the_statutes_wording_is_kept():
    """Rule: QĐ 294-QĐ/TW / HD 06-HD/TW: a cell's term is five years; Statute Art. 24.3 still says twice in five."""
    rules = rules_for(date(2025, 10, 1))
    assert rules.term_years == 5 and "294-QĐ/TW" in rules.source and "06-HD/TW" in rules.source
    assert "năm năm hai lần" in rules.statute_wording and rules.statute_source == "Điều lệ Đảng, Điều 24, khoản 3"
    assert term_end(rules, date(2025, 6, 1)) == date(2030, 5, 31)
    assert rules_for(date(2020, 1, 1)) is RULES[0]


def test_nine_official_members_elect_a_committee_of_at_most_seven():
    """Rule: Statute Art. 24.4 and QĐ 294 (QĐ 29 point 24): 9 official members → chi ủy, at most 7; below 9 a
    secretary and one deputy."""
    rules = rules_for(date(2025, 10, 1))
    seven = ["secretary", "deputy", *["member"] * 5]
    assert committee_problems(rules, seven, 9, roles_allowed=CELL_ROLES) == []
    assert "tối đa 7" in committee_problems(rules, [*seven, "member"], 40, roles_allowed=CELL_ROLES)[0]
    assert committee_problems(rules, ["secretary", "deputy"], 8, roles_allowed=CELL_ROLES) == []
    assert "dưới 9" in committee_problems(rules, ["secretary", "member"], 8, roles_allowed=CELL_ROLES)[0]
    assert committee_problems(rules, ["secretary", "deputy", "deputy"], 8, roles_allowed=CELL_ROLES)
    assert committee_problems(rules, ["secretary"] * 2, None, roles_allowed=CELL_ROLES)  # one secretary at a time
    assert committee_problems(rules, ["standing"] * 12, None, roles_allowed=(*CELL_ROLES, "standing")) == []
