"""The congress of a term on real data files: its records, the summoned list made from the members on the congress's
day (domain/congress.py: official members; a probationary member is not summoned, nor one who moved out before the
day; an exempt member who stays away is not counted), the quorum (QĐ 190-QĐ/TW: two thirds of those summoned), the
attendance audited, documents kept in the data file and saved out byte for byte, an oversized one refused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from khoidesktop.domain.congress import ABSENT, EXCUSED, PRESENT, Attendee, congress_quorum, numbers, summon_rules_for
from khoidesktop.domain.elections import quorum
from khoidesktop.errors import ValidationError
from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.models import AuditEntry, CongressDocument, Term
from khoidesktop.terms import congress as cg
from khoidesktop.terms.records import TermForm, save_term
from tests.conftest import FIXED_NOW

WHO = {"now": FIXED_NOW, "actor": "test"}
DAY = date(2025, 6, 10)


def _term(store) -> int:
    with store.session() as session, session.begin():
        return save_term(session, TermForm("2025–2030", date(2025, 6, 1), date(2030, 5, 31)), **WHO).id


def _congress(store, term_id: int, day: date = DAY) -> None:
    with store.session() as session, session.begin():
        cg.save_congress(
            session,
            cg.CongressForm(term_id, day, "Hội trường A", "Khai mạc\nBầu cử", "A\nB", "C", "D; E; F"),
            **WHO,
        )


def _members(store) -> dict[str, int]:
    """Five members: two official, one probationary on the day, one moved out before it, one exempt."""
    people = {
        "Nguyễn Văn An": MemberData("Nguyễn Văn An", admitted_on=date(2000, 1, 1), official_on=date(2001, 1, 1)),
        "Trần Thị Bình": MemberData("Trần Thị Bình", admitted_on=date(2010, 1, 1), official_on=date(2011, 1, 1)),
        "Lê Văn Cường": MemberData(
            "Lê Văn Cường", admitted_on=date(2025, 1, 15), official_on=date(2026, 1, 15), status="official"
        ),
        "Phạm Thị Dung": MemberData("Phạm Thị Dung", admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)),
        "Hoàng Văn Em": MemberData("Hoàng Văn Em", admitted_on=date(1980, 1, 1), official_on=date(1981, 1, 1)),
    }
    ids = {}
    with store.session() as session, session.begin():
        for name, data in people.items():
            ids[name] = add_member(session, data, **WHO).id
        add_event(session, ids["Phạm Thị Dung"], "transfer_out", date(2025, 5, 1), **WHO)
        add_event(session, ids["Hoàng Văn Em"], "exempt", date(2024, 1, 1), **WHO)
    return ids


def _audits(store, entity: str) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == entity))


# --- the rule --------------------------------------------------------------------------------------------------


def test_quorum_two_thirds_of_those_summoned_qd190():
    """QĐ 190-QĐ/TW: valid with at least two thirds of those summoned present: 20 of 30 is, 19 is not."""
    assert quorum(30, 20).valid and quorum(30, 20).needed == 20
    assert not quorum(30, 19).valid
    rows = [Attendee(PRESENT)] * 20 + [Attendee(ABSENT)] * 10
    assert congress_quorum(rows, DAY).valid
    assert not congress_quorum([Attendee(PRESENT)] * 19 + [Attendee(ABSENT)] * 11, DAY).valid


def test_an_exempt_member_away_is_not_counted_hd01_point_13_2():
    """HD 01-HD/TW point 13.2: an exempt (or temporarily transferred) member is summoned; away, not counted."""
    rules = summon_rules_for(DAY)
    rows = [Attendee(PRESENT, "official")] * 2 + [Attendee(EXCUSED, "exempt"), Attendee(ABSENT, "official")]
    assert numbers(rows, rules) == (3, 2)
    assert numbers([Attendee(PRESENT, "exempt")], rules) == (1, 1)


# --- the records -------------------------------------------------------------------------------------------------


def test_the_congress_is_saved_audited_and_the_term_follows_its_date(store):
    term_id = _term(store)
    _congress(store, term_id)
    with store.session() as session:
        form = cg.congress_form(session, term_id)
        assert form is not None and form.counting_board == "D\nE\nF" and form.agenda == "Khai mạc\nBầu cử"
        assert session.get(Term, term_id).congress_on == DAY
    assert _audits(store, "congress") == 1
    with store.session() as session, session.begin():  # the term's date moved: the congress moves with it
        save_term(
            session, TermForm("2025–2030", date(2025, 6, 1), date(2030, 5, 31), date(2025, 6, 12), term_id), **WHO
        )
    with store.session() as session:
        assert cg.congress_form(session, term_id).held_on == date(2025, 6, 12)
    with store.session() as session, pytest.raises(ValidationError, match="giữ ngày"):
        save_term(session, TermForm("2025–2030", date(2025, 6, 1), date(2030, 5, 31), None, term_id), **WHO)


def test_a_congress_outside_its_term_is_refused_and_nothing_written(store):
    term_id = _term(store)
    with store.session() as session, pytest.raises(ValidationError, match="trong thời gian của nhiệm kỳ"):
        cg.save_congress(session, cg.CongressForm(term_id, date(2031, 1, 1)), **WHO)
    with store.session() as session, pytest.raises(ValidationError, match="100"):
        cg.save_congress(session, cg.CongressForm(term_id, DAY, presidium="X" * 120), **WHO)
    assert _audits(store, "congress") == 0


def test_the_summoned_list_is_made_from_the_members_on_the_day(store):
    ids = _members(store)
    term_id = _term(store)
    _congress(store, term_id)
    with store.session() as session, session.begin():
        assert cg.summon_members(session, term_id, **WHO) == 3
    with store.session() as session:
        rows = cg.summoned(session, term_id)
    names = [r.full_name for r in rows]
    # Cường was probationary on the day (official only in 2026), Dung moved out before it: neither is summoned.
    assert sorted(names) == sorted(["Nguyễn Văn An", "Trần Thị Bình", "Hoàng Văn Em"])
    assert {r.member_id for r in rows} == {ids["Nguyễn Văn An"], ids["Trần Thị Bình"], ids["Hoàng Văn Em"]}


def test_attendance_is_saved_audited_and_kept_when_the_list_is_made_again(store):
    ids = _members(store)
    term_id = _term(store)
    _congress(store, term_id)
    with store.session() as session, session.begin():
        cg.summon_members(session, term_id, **WHO)
    with store.session() as session, session.begin():
        rows = {r.full_name: r for r in cg.summoned(session, term_id)}
        cg.set_attendance(session, rows["Trần Thị Bình"].id, EXCUSED, "Đi công tác", **WHO)
        cg.set_attendance(session, rows["Hoàng Văn Em"].id, ABSENT, **WHO)
    before = _audits(store, "congress_summoned")
    assert before == 3  # the list made, then two rows
    with store.session() as session:
        # Em is exempt and away: not counted. An and Bình are summoned, An present: 1 of 2, 2 needed.
        assert cg.congress_numbers(session, term_id) == (2, 1)
        q = cg.quorum_of(session, term_id)
        assert q is not None and not q.valid
        assert cg.quorum_text(q) == (
            "Có mặt 1/2, cần ít nhất 2: chưa đủ điều kiện tiến hành đại hội (cần ít nhất hai phần ba số được triệu "
            "tập có mặt)"
        )
    with store.session() as session, session.begin():  # Cường is official by a later day: made again
        cg.save_congress(session, cg.CongressForm(term_id, date(2026, 2, 1)), **WHO)
        assert cg.summon_members(session, term_id, **WHO) == 4
    with store.session() as session:
        rows = {r.full_name: r for r in cg.summoned(session, term_id)}
    assert rows["Trần Thị Bình"].attendance == EXCUSED and rows["Trần Thị Bình"].reason == "Đi công tác"
    assert rows["Lê Văn Cường"].member_id == ids["Lê Văn Cường"] and rows["Lê Văn Cường"].attendance == PRESENT


def test_an_excused_absence_needs_its_reason(store):
    _members(store)
    term_id = _term(store)
    _congress(store, term_id)
    with store.session() as session, session.begin():
        cg.summon_members(session, term_id, **WHO)
    with store.session() as session, pytest.raises(ValidationError, match="lý do"):
        cg.set_attendance(session, cg.summoned(session, term_id)[0].id, EXCUSED, "  ", **WHO)


def test_above_the_cells_the_delegates_are_entered_by_name(store):
    term_id = _term(store)
    _congress(store, term_id)
    names = "\n".join(f"Đại biểu {i}" for i in range(1, 31))
    with store.session() as session, session.begin():
        assert cg.summon_names(session, term_id, names, **WHO) == 30
        rows = cg.summoned(session, term_id)
        for row in rows[:10]:
            cg.set_attendance(session, row.id, ABSENT, **WHO)
    with store.session() as session:
        assert cg.congress_numbers(session, term_id) == (30, 20)
        assert cg.quorum_text(cg.quorum_of(session, term_id)) == (
            "Có mặt 20/30, cần ít nhất 20: đủ điều kiện tiến hành đại hội"
        )
    with store.session() as session, pytest.raises(ValidationError, match="hai lần"):
        cg.summon_names(session, term_id, "Đại biểu 1\nĐẠI BIỂU 1", **WHO)
    with store.session() as session, pytest.raises(ValidationError, match="nhập"):
        cg.summon_units_delegates(session, term_id, **WHO)  # the seam: no unit sends its delegates yet


# --- documents ---------------------------------------------------------------------------------------------------


def test_a_document_is_kept_and_saved_out_byte_for_byte(store, tmp_path):
    term_id = _term(store)
    _congress(store, term_id)
    original = tmp_path / "bao-cao-chinh-tri.docx"
    original.write_bytes(bytes(range(256)) * 1000)
    with store.session() as session, session.begin():
        cg.attach_file(session, term_id, original, "political_report", "Báo cáo chính trị", date(2025, 5, 20), **WHO)
    with store.session() as session:
        (doc,) = cg.documents(session, term_id)
        assert (doc.kind, doc.title, doc.size, doc.file_name) == (
            "political_report",
            "Báo cáo chính trị",
            256_000,
            "bao-cao-chinh-tri.docx",
        )
        out = cg.save_document_out(session, doc.id, tmp_path / "ra.docx", store.path)
        with pytest.raises(ValidationError, match="tệp dữ liệu"):
            cg.save_document_out(session, doc.id, store.path, store.path)
    assert out.read_bytes() == original.read_bytes()
    with store.session() as session, session.begin():
        cg.remove_document(session, doc.id, **WHO)
    with store.session() as session:
        assert cg.documents(session, term_id) == []
    assert _audits(store, "congress_document") == 2


def test_an_oversized_document_is_refused_with_the_data_unchanged(store, tmp_path):
    term_id = _term(store)
    _congress(store, term_id)
    big = tmp_path / "quet.pdf"
    with big.open("wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    with store.session() as session, pytest.raises(ValidationError, match="tối đa 20,0 MB"):
        cg.attach_file(session, term_id, big, "other", "Bản quét", None, **WHO)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(CongressDocument)) == 0
    assert _audits(store, "congress_document") == 0
