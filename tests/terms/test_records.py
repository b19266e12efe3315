"""A term's records on real data files: the term, its committee checked against the rules (DOMAIN.md, Terms), its
targets; the figure of each target the program counts equals what the program's other figures say (`stats …`)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from khoidesktop.cli import main
from khoidesktop.errors import ValidationError
from khoidesktop.store.models import AuditEntry, CommitteeMember, TermTarget, Unit
from khoidesktop.terms.progress import term_progress
from khoidesktop.terms.records import (
    CommitteeForm,
    TargetForm,
    TermForm,
    remove_target,
    save_committee_member,
    save_target,
    save_term,
    set_value,
)
from khoidesktop.units.records import rate_unit
from tests.conftest import FIXED_NOW
from tests.terms.helpers import clear_terms, row_of

TODAY = FIXED_NOW.date()
WHO = {"now": FIXED_NOW, "actor": "test"}
TERM = TermForm("2025–2030", date(2025, 6, 1), date(2030, 5, 31), date(2025, 6, 1))
TARGETS = (
    ("Đảng viên hoàn thành tốt nhiệm vụ trở lên", 95, "percent", "members_good"),
    ("Đảng viên hoàn thành xuất sắc nhiệm vụ", 20, "percent", "members_excellent"),
    ("Kết nạp đảng viên mới", 4, "people", "admissions"),
    ("Sinh hoạt chuyên đề", 20, "meetings", "thematic_meetings"),
    ("Chi bộ đạt yêu cầu sinh hoạt", 90, "percent", None),
)


def _term(store, targets=TARGETS) -> int:
    with store.session() as session, session.begin():
        clear_terms(session)  # the training data's own term
        term = save_term(session, TERM, **WHO)
        for position, (name, target, unit, computed) in enumerate(targets):
            save_target(session, TargetForm(term.id, name, target, unit, computed, position=position), **WHO)
        return term.id


def _audits(store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def test_each_counted_target_equals_the_programs_own_figures(demo_store, ctx, capsys):
    """The term's figures come from `stats ratings`, `stats recruitment` and `stats meetings` of each year."""
    term_id = _term(demo_store)
    expected = {}
    for year in (2025, 2026):
        stats = {}
        for topic in ("ratings", "recruitment", "meetings"):
            assert main(["--db", str(demo_store.path), "stats", topic, "--year", str(year), "--json"], ctx) == 0
            stats[topic] = json.loads(capsys.readouterr().out)
        expected[year] = stats
    with demo_store.session() as session:
        progress = term_progress(session, _get_term(session, term_id), TODAY)
    good, excellent, admissions, thematic, by_hand = progress.targets
    levels = expected[2025]["ratings"]["levels"]
    rated = expected[2025]["ratings"]["rated"]
    assert rated > 0
    assert good.years[2025].value == pytest.approx(levels["HTXSNV"]["percent"] + levels["HTTNV"]["percent"], abs=0.011)
    assert (good.years[2025].count, good.years[2025].base) == (
        levels["HTXSNV"]["count"] + levels["HTTNV"]["count"],
        rated,
    )
    assert excellent.years[2025].value == levels["HTXSNV"]["percent"]
    assert expected[2026]["ratings"]["rated"] == 0 and good.years[2026] is None  # 2026 not rated yet: no figure
    assert good.so_far == good.years[2025]
    assert good.years[2027] is None  # a year still to come
    admitted = {y: expected[y]["recruitment"]["admitted_in_year"] for y in (2025, 2026)}
    assert admissions.years[2025].value == admitted[2025] and admissions.years[2026].value == admitted[2026]
    assert admissions.so_far.value == admitted[2025] + admitted[2026]
    held = {y: sum(q["held"] for q in expected[y]["meetings"]["thematic_by_quarter"].values()) for y in (2025, 2026)}
    assert thematic.so_far.value == held[2025] + held[2026] > 0
    assert thematic.gap() == max(20 - held[2025] - held[2026], 0)
    assert by_hand.so_far is None and by_hand.years[2025] is None


def _get_term(session, term_id):
    from khoidesktop.store.models import Term

    return session.get(Term, term_id)


def test_stats_term_prints_each_target_with_its_years_the_term_so_far_and_the_gap(demo_store, ctx, capsys):
    by_hand_id = row_of(demo_store, TermTarget, _term(demo_store), 5)
    with demo_store.session() as session, session.begin():
        set_value(session, by_hand_id, 2025, 87.5, **WHO)
    assert main(["--db", str(demo_store.path), "stats", "term", "--json"], ctx) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["term"] == "2025–2030" and result["years"] == [2025, 2026, 2027, 2028, 2029, 2030]
    by_hand = result["targets"][4]
    assert by_hand["years"]["2025"] == {"value": 87.5, "gap": 2.5} and by_hand["computed"] is None
    admissions = result["targets"][2]
    assert admissions["gap"] == max(4 - admissions["term_so_far"]["value"], 0)
    assert main(["--db", str(demo_store.path), "stats", "term"], ctx) == 0
    text = capsys.readouterr().out
    assert "Nhiệm kỳ 2025–2030" in text and "87,50%" in text and "Cả nhiệm kỳ đến nay" in text
    assert main(["--db", str(demo_store.path), "stats", "term", "--term", "2020–2025"], ctx) == 1
    assert "Không có nhiệm kỳ nào tên" in capsys.readouterr().err


def test_a_cell_of_9_or_more_official_members_elects_a_committee_of_at_most_7(demo_store):
    """Rule: Điều lệ Art. 24.4 / QĐ 294 (QĐ 29 point 24): at most 7 chi ủy viên; one secretary in office at a time."""
    term_id = _term(demo_store, ())
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Gấm", "Đỗ Hùng"]
    with demo_store.session() as session, session.begin():
        for i, name in enumerate(names):
            role = ("secretary", "deputy")[i] if i < 2 else "member"
            save_committee_member(session, CommitteeForm(term_id, name, role, date(2025, 6, 1)), **WHO)
    before = _audits(demo_store)
    with demo_store.session() as session, session.begin(), pytest.raises(ValidationError, match="tối đa 7"):
        save_committee_member(session, CommitteeForm(term_id, "Mai Văn Khoa", "member", date(2025, 6, 1)), **WHO)
    with demo_store.session() as session, session.begin(), pytest.raises(ValidationError, match="Chỉ có một Bí thư"):
        first = session.scalar(select(CommitteeMember).where(CommitteeMember.role == "member"))
        save_committee_member(
            session, CommitteeForm(term_id, first.full_name, "secretary", first.from_date, id=first.id), **WHO
        )
    assert _audits(demo_store) == before
    # one leaves (moved), then another is elected in addition: 7 in office again
    with demo_store.session() as session, session.begin():
        leaving = session.scalar(select(CommitteeMember).where(CommitteeMember.full_name == "Đỗ Hùng"))
        form = CommitteeForm(
            term_id,
            leaving.full_name,
            "member",
            leaving.from_date,
            "congress",
            date(2026, 3, 1),
            "moved",
            id=leaving.id,
        )
        save_committee_member(session, form, **WHO)
        save_committee_member(
            session, CommitteeForm(term_id, "Mai Văn Khoa", "member", date(2026, 4, 1), "added"), **WHO
        )
    with demo_store.session() as session:
        assert session.scalar(select(func.count()).select_from(CommitteeMember)) == 8
    assert _audits(demo_store) == before + 2


def test_a_cell_of_fewer_than_9_official_members_elects_a_secretary_and_one_deputy(store):
    """Rule: Điều lệ Art. 24.4: below 9 official members, a secretary and if needed one deputy, no chi ủy."""
    term_id = _term(store, ())
    with store.session() as session, session.begin():
        save_committee_member(session, CommitteeForm(term_id, "Nguyễn Văn An", "secretary", date(2025, 6, 1)), **WHO)
    before = _audits(store)
    with (
        store.session() as session,
        session.begin(),
        pytest.raises(ValidationError, match="dưới 9 đảng viên chính thức"),
    ):
        save_committee_member(session, CommitteeForm(term_id, "Trần Thị Bình", "member", date(2025, 6, 1)), **WHO)
    with store.session() as session, session.begin(), pytest.raises(ValidationError, match="Ủy viên Ban Thường vụ"):
        save_committee_member(session, CommitteeForm(term_id, "Trần Thị Bình", "standing", date(2025, 6, 1)), **WHO)
    with (
        store.session() as session,
        session.begin(),
        pytest.raises(ValidationError, match="trong thời gian của nhiệm kỳ"),
    ):
        save_committee_member(session, CommitteeForm(term_id, "Trần Thị Bình", "deputy", date(2024, 6, 1)), **WHO)
    assert _audits(store) == before
    with store.session() as session, session.begin():
        save_committee_member(session, CommitteeForm(term_id, "Trần Thị Bình", "deputy", date(2025, 6, 1)), **WHO)


def test_bad_terms_and_targets_are_refused_in_vietnamese_and_nothing_is_written(store):
    _term(store, ())
    before = _audits(store)
    bad_terms = (
        (TermForm("2030–2035", date(2030, 1, 1), date(2029, 1, 1)), "kết thúc nhiệm kỳ phải sau"),
        (TermForm("2028–2033", date(2028, 1, 1), date(2032, 12, 31)), "chồng lên nhiệm kỳ 2025–2030"),
        (TermForm("", date(2031, 1, 1), date(2035, 12, 31)), "tên nhiệm kỳ"),
        (TermForm("2031–2045", date(2031, 1, 1), date(2045, 12, 31)), "5 năm"),
    )
    for form, message in bad_terms:
        with store.session() as session, session.begin(), pytest.raises(ValidationError, match=message):
            save_term(session, form, **WHO)
    with store.session() as session, session.begin(), pytest.raises(ValidationError, match="nhập tay"):
        save_target(session, TargetForm(1, "Tổ chức cơ sở xuất sắc", 20, "percent", "units_excellent"), **WHO)
    with store.session() as session, session.begin(), pytest.raises(ValidationError, match="từ 0"):
        save_target(session, TargetForm(1, "Đảng viên tốt", 120, "percent"), **WHO)
    assert _audits(store) == before
    with store.session() as session, session.begin():
        target = save_target(session, TargetForm(1, "Tỷ lệ nhập nhầm", 10, "percent"), **WHO)
        remove_target(session, target.id, **WHO)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(TermTarget)) == 0
        withdrawn = session.scalar(select(AuditEntry).where(AuditEntry.action == "withdraw"))
        assert withdrawn.entity == "term_target" and '"indicator": ["Tỷ lệ nhập nhầm", null]' in withdrawn.detail


def test_a_grassroots_committee_counts_its_units_figures_and_its_ratings_of_them(grassroots_demo, ctx, capsys):
    """At a level above the cells the figures are those of `stats ratings` summed over its units."""
    with grassroots_demo.session() as session, session.begin():
        term = save_term(session, TermForm("2025–2030", date(2025, 1, 1), date(2029, 12, 31)), **WHO)
        for position, (name, unit, code) in enumerate(
            (
                ("Đảng viên HTTNV trở lên", "percent", "members_good"),
                ("Chi bộ HTTNV trở lên", "percent", "units_good"),
                ("Kết nạp", "people", "admissions"),
            )
        ):
            save_target(session, TargetForm(term.id, name, 50, unit, code, position=position), **WHO)
        save_committee_member(session, CommitteeForm(term.id, "Lê Văn Thường", "standing", date(2025, 1, 1)), **WHO)
        units = session.scalars(select(Unit).order_by(Unit.id)).all()
        for unit, level in zip(units, ("HTXSNV", "HTNV"), strict=False):  # two of them rated: HTXSNV, HTNV
            rate_unit(session, unit, TODAY.year - 1, level, **WHO)
        progress = term_progress(session, term, TODAY)
    year = TODAY.year - 1  # the training committee holds last year's bundles
    assert main(["--db", str(grassroots_demo.path), "stats", "ratings", "--year", str(year), "--json"], ctx) == 0
    ratings = json.loads(capsys.readouterr().out)
    assert main(["--db", str(grassroots_demo.path), "stats", "recruitment", "--year", str(year), "--json"], ctx) == 0
    recruitment = json.loads(capsys.readouterr().out)
    members, units, admissions = progress.targets
    assert ratings["rated"] > 0
    assert members.years[year].value == ratings["good_or_better"]["percent"]
    assert members.years[year].count == ratings["good_or_better"]["count"]
    by_level = ratings["units_by_level"]
    rated_units = by_level["levels"]["HTXSNV"]["count"] + by_level["levels"]["HTTNV"]["count"]
    assert rated_units == 1 and by_level["units"] >= 2
    assert (units.years[year].count, units.years[year].base) == (rated_units, by_level["units"])
    assert units.years[year].value == by_level["levels"]["HTXSNV"]["percent"] + by_level["levels"]["HTTNV"]["percent"]
    assert admissions.years[year].value == recruitment["admitted_in_year"]
