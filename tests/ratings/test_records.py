from datetime import date

import pytest

from khoidesktop.errors import ValidationError
from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.ratings.records import RatingInput, rating_rows, save_rating, save_year, year_figures
from tests.conftest import FIXED_NOW

NOW = FIXED_NOW


@pytest.fixture
def cell(store):
    """Ten official members, one exempt, one suspended, one admitted 3 months before the 2025 rating."""
    with store.session() as s, s.begin():
        ids = [
            add_member(
                s,
                MemberData(
                    f"Nguyễn Văn Thứ {i}", date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)
                ),
                now=NOW,
                actor="t",
            ).id
            for i in range(10)
        ]
        exempt = add_member(
            s, MemberData("Lê Miễn", admitted_on=date(1990, 1, 1), official_on=date(1991, 1, 1)), now=NOW, actor="t"
        ).id
        add_event(s, exempt, "exempt", date(2025, 3, 1), now=NOW, actor="t")
        suspended = add_member(
            s, MemberData("Lê Đình Chỉ", admitted_on=date(2000, 1, 1), official_on=date(2001, 1, 1)), now=NOW, actor="t"
        ).id
        add_event(s, suspended, "suspended", date(2025, 10, 1), now=NOW, actor="t")
        add_member(
            s,
            MemberData("Trần Mới", date(2000, 1, 1), admitted_on=date(2025, 9, 20), status="probationary"),
            now=NOW,
            actor="t",
        )
    return store, ids


def test_who_is_not_rated_and_why(cell):
    store, _ids = cell
    with store.session() as s:
        excluded = {r.member.full_name: r.exclusion for r in rating_rows(s, 2025) if r.exclusion}
    assert excluded == {"Lê Miễn": "exempt", "Lê Đình Chỉ": "suspended", "Trần Mới": "recent"}


def test_discipline_in_the_year_forces_the_lowest_level(cell):
    store, ids = cell
    with store.session() as s, s.begin():
        add_event(s, ids[0], "discipline", date(2025, 5, 5), level="reprimand", now=NOW, actor="t")
        add_event(s, ids[1], "discipline", date(2024, 5, 5), level="warning", now=NOW, actor="t")  # another year
        save_rating(s, 2025, ids[0], RatingInput(level="HTTNV", score=80), now=NOW, actor="t")
        save_rating(s, 2025, ids[2], RatingInput(level="HTXSNV", score=85, exceeding_percent=40), now=NOW, actor="t")
        save_rating(s, 2025, ids[3], RatingInput(level="HTXSNV", score=95, exceeding_percent=10), now=NOW, actor="t")
        save_rating(s, 2025, ids[4], RatingInput(level="HTTNV", score=80, degradation=True), now=NOW, actor="t")
    with store.session() as s:
        rows = {r.member.id: r for r in rating_rows(s, 2025)}
    assert rows[ids[0]].automatic == ["discipline"]
    assert "Phải xếp loại “Không hoàn thành nhiệm vụ”" in rows[ids[0]].flags[0]
    assert rows[ids[1]].automatic == []
    assert any("Điểm 85 tương ứng mức “Hoàn thành tốt nhiệm vụ”" in f for f in rows[ids[2]].flags)
    assert any("chỉ cho phép xếp loại tối đa “Hoàn thành tốt nhiệm vụ”" in f for f in rows[ids[3]].flags)
    assert rows[ids[4]].automatic == ["degradation"]


def test_figures_and_the_cap(cell):
    store, ids = cell
    levels = ["HTXSNV", "HTXSNV", "HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTTNV", "HTTNV", "HTNV", "KHTNV"]
    scores = [92, 95, 90, 80, 75, 70, 88, 71, 60, 40]
    with store.session() as s, s.begin():
        for member_id, level, score in zip(ids, levels, scores, strict=True):
            save_rating(
                s, 2025, member_id, RatingInput(level=level, score=score, exceeding_percent=50), now=NOW, actor="t"
            )
    with store.session() as s:
        figures = year_figures(s, 2025).as_json()
    assert figures["rated"] == 10 and len(figures["not_rated"]) == 3
    assert figures["levels"]["HTXSNV"] == {"count": 3, "percent": 30.0}
    assert figures["good_or_better"] == {"count": 8, "percent": 80.0}
    # the cap counts the 5 rated HTTNV (QĐ 366), not the 8 rated HTTNV or above: 20% of 5 is 1
    assert figures["excellent_cap"] == {"cap_percent": 20, "allowed": 1, "actual": 3, "exceeded": True}
    with store.session() as s, s.begin():
        save_year(
            s,
            2025,
            rating_date=date(2025, 12, 15),
            cap_percent=25,
            cell_level="HTTNV",
            cell_notes="",
            now=NOW,
            actor="t",
        )
    with store.session() as s:
        assert year_figures(s, 2025).as_json()["excellent_cap"]["allowed"] == 1  # 25% of 5 HTTNV: still 1
    with pytest.raises(ValidationError, match="từ 20% đến 25%"), store.session() as s, s.begin():
        save_year(
            s, 2025, rating_date=date(2025, 12, 15), cap_percent=30, cell_level=None, cell_notes="", now=NOW, actor="t"
        )


def test_an_older_year_is_rated_without_a_score(cell):
    store, ids = cell
    with pytest.raises(ValidationError, match="không chấm điểm"), store.session() as s, s.begin():
        save_rating(s, 2024, ids[0], RatingInput(level="HTTNV", score=80), now=NOW, actor="t")
    with store.session() as s, s.begin():
        save_rating(s, 2024, ids[0], RatingInput(level="HTTNV"), now=NOW, actor="t")
    with store.session() as s:
        row = next(r for r in rating_rows(s, 2024) if r.member.id == ids[0])
        assert row.flags == [] and year_figures(s, 2024).rule_set.startswith("Quy định 124-QĐ/TW")


def test_an_excluded_member_cannot_be_rated(cell):
    store, _ids = cell
    with store.session() as s:
        exempt = next(r.member.id for r in rating_rows(s, 2025) if r.exclusion == "exempt")
    with pytest.raises(ValidationError, match="không xếp loại năm nay"), store.session() as s, s.begin():
        save_rating(s, 2025, exempt, RatingInput(level="HTTNV", score=80), now=NOW, actor="t")


def test_most_tasks_undone_forces_the_lowest_level(cell):
    store, ids = cell
    with store.session() as s, s.begin():
        save_rating(
            s,
            2025,
            ids[5],
            RatingInput(level="HTNV", score=55, tasks_mostly_undone=True, all_on_time=False, late_percent=10),
            now=NOW,
            actor="t",
        )
    with store.session() as s:
        row = next(r for r in rating_rows(s, 2025) if r.member.id == ids[5])
    assert row.automatic == ["tasks"]
    assert "quá nửa số nhiệm vụ trong năm không hoàn thành" in row.flags[0]


def test_the_rating_date_belongs_to_its_year(cell):
    store, _ids = cell
    for wrong in (date(2019, 1, 1), date(2026, 1, 5)):  # QĐ 366 / HD 43: within 2025, not early 2026
        with pytest.raises(ValidationError, match="trước ngày 31/12/2025"), store.session() as s, s.begin():
            save_year(s, 2025, rating_date=wrong, cap_percent=20, cell_level=None, cell_notes="", now=NOW, actor="t")
    with pytest.raises(ValidationError, match="phải nằm trong năm 2024"), store.session() as s, s.begin():
        save_year(
            s, 2024, rating_date=date(2026, 1, 5), cap_percent=20, cell_level=None, cell_notes="", now=NOW, actor="t"
        )
    with store.session() as s, s.begin():  # QĐ 124 kept its own window: early the next year
        save_year(
            s, 2024, rating_date=date(2025, 1, 5), cap_percent=20, cell_level=None, cell_notes="", now=NOW, actor="t"
        )


def test_six_months_counted_to_the_end_of_a_long_month(cell):
    store, _ids = cell
    with store.session() as s, s.begin():
        member = add_member(
            s,
            MemberData("Lý Đủ Sáu", date(1990, 1, 1), admitted_on=date(2025, 6, 30), status="probationary"),
            now=NOW,
            actor="t",
        ).id
        save_year(
            s, 2025, rating_date=date(2025, 12, 31), cap_percent=20, cell_level=None, cell_notes="", now=NOW, actor="t"
        )
    with store.session() as s:
        assert next(r for r in rating_rows(s, 2025) if r.member.id == member).exclusion is None


def test_qd366_excellent_needs_shortcomings_remedied(cell):
    """RuleSet.excellent_needs_remedied (QĐ 366): HTXSNV also needs every shortcoming found at the previous review
    remedied; the earlier rule sets do not ask it."""
    store, ids = cell
    with store.session() as s, s.begin():
        for member_id, remedied in ((ids[0], False), (ids[1], True)):
            values = RatingInput(level="HTXSNV", score=95, exceeding_percent=40, shortcomings_remedied=remedied)
            save_rating(s, 2025, member_id, values, now=NOW, actor="t")
    with store.session() as s:
        rows = {r.member.id: r for r in rating_rows(s, 2025)}
    assert rows[ids[0]].flags == [
        "“Hoàn thành xuất sắc nhiệm vụ” đòi hỏi các hạn chế, khuyết điểm được chỉ ra tại kỳ kiểm điểm trước "
        "đã được khắc phục."
    ]
    assert rows[ids[1]].flags == []
    with store.session() as s, s.begin():
        save_rating(s, 2024, ids[0], RatingInput(level="HTXSNV", shortcomings_remedied=False), now=NOW, actor="t")
    with store.session() as s:
        assert next(r for r in rating_rows(s, 2024) if r.member.id == ids[0]).flags == []  # QĐ 124 did not ask it


def test_a_violation_is_an_automatic_ground_unless_self_reported(cell):
    """AUTOMATIC["violation"] (QĐ 366): violating what members must not do or the duty to set an example means
    KHTNV; a fault the member reported and remedied in time (EXCEPTED_WHEN_SELF_REPORTED) lifts it, not the
    degradation ground."""
    store, ids = cell
    with store.session() as s, s.begin():
        save_rating(s, 2025, ids[0], RatingInput(level="HTTNV", score=80, violation=True), now=NOW, actor="t")
        both = RatingInput(level="HTTNV", score=80, violation=True, fault_self_reported=True)
        save_rating(s, 2025, ids[1], both, now=NOW, actor="t")
        still = RatingInput(level="HTTNV", score=80, degradation=True, fault_self_reported=True)
        save_rating(s, 2025, ids[2], still, now=NOW, actor="t")
    with store.session() as s:
        rows = {r.member.id: r for r in rating_rows(s, 2025)}
    assert rows[ids[0]].automatic == ["violation"]
    assert rows[ids[0]].flags == [
        "Phải xếp loại “Không hoàn thành nhiệm vụ”: "
        "vi phạm những điều đảng viên không được làm hoặc trách nhiệm nêu gương."
    ]
    assert rows[ids[1]].automatic == [] and rows[ids[1]].flags == []
    assert rows[ids[2]].automatic == ["degradation"]
