"""Recruitment rules re-checked in 2025 (issue 13, items 5–7): who introduces (Điều lệ Đảng, Điều 4), the deadlines
counted from the decision's receipt and the superior's decision on official status, the forms of HD 38 as data,
and files made before the new steps."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from khoidesktop.domain.recruitment import (
    FORMS,
    RULES,
    STEP_CODES,
    STEP_FORMS,
    STEPS,
    next_step,
)
from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.errors import ValidationError
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.recruitment.documents import admission_resolution_pdf, recruitment_report_pdf
from khoidesktop.recruitment.records import (
    CandidateData,
    next_deadline,
    record_step,
    save_candidate,
    steps_of,
    vote_problems,
)
from khoidesktop.recruitment.stats import file_rows, reminders
from khoidesktop.store.database import open_store
from khoidesktop.store.models import Candidate, CandidateStep
from tests.reports.pdf import all_text

NOW = datetime(2026, 11, 23, 9, 0)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BEFORE_VOTE = (
    ("source", date(2024, 2, 1)),
    ("application", date(2024, 3, 1)),
    ("biography", date(2024, 3, 15)),
    ("introduction", date(2024, 3, 20)),
)


def _officials(s, n: int = 6) -> list[int]:
    return [
        add_member(
            s,
            MemberData(
                f"Phạm Văn Cựu {i}", date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)
            ),
            now=NOW,
            actor="t",
        ).id
        for i in range(n)
    ]


def _candidate(s, ids: list[int], case: str, since: date = date(2022, 1, 1)) -> int:
    return save_candidate(
        s,
        None,
        CandidateData(
            "Đinh Thị Trẻ",
            date(2002, 3, 14),
            "female",
            certificate_on=date(2024, 1, 10),
            introducer1_id=ids[0],
            introducer1_since=since,
            introducer2_id=ids[1],
            introducer2_since=since,
            introduction_case=case,
        ),
        now=NOW,
        actor="t",
    ).id


@pytest.mark.parametrize("case", ["youth_union", "trade_union"])
def test_dieu_le_art_4_an_organisation_and_one_official_member_introduce(store, case):
    """Điều lệ Đảng, Điều 4 (RULES.introduction_cases): where the Đoàn's (or the trade union's) grassroots committee
    introduces by its resolution (4-KNĐ), one official member introduces with it: no second introducer is asked,
    the organisation's resolution comes before the cell's, and the one member's conditions are checked."""
    assert RULES.introduction_regulation == "Điều lệ Đảng, Điều 4"
    assert RULES.case(case).member_introducers == 1 and RULES.case("members").member_introducers == 2
    with store.session() as s, s.begin():
        ids = _officials(s)
        candidate = _candidate(s, ids, case)
        row = s.get_one(Candidate, candidate)
        assert (row.introduction_case, row.introducer2_id, row.introducer2_since) == (case, None, None)
        for step, on in BEFORE_VOTE:
            record_step(s, candidate, step, on, now=NOW, actor="t")
        assert next_step(steps_of(s, candidate), case) == "organisation_resolution"
    with pytest.raises(ValidationError, match="không áp dụng cho hồ sơ này"), store.session() as s, s.begin():
        record_step(s, candidate, "introduction_2", date(2024, 3, 21), now=NOW, actor="t")
    with (
        pytest.raises(ValidationError, match="Hãy ghi bước “Nghị quyết giới thiệu của Đoàn hoặc công đoàn cơ sở”"),
        store.session() as s,
        s.begin(),
    ):
        record_step(s, candidate, "verification", date(2024, 4, 1), now=NOW, actor="t")
    with store.session() as s, s.begin():
        for step, on in (
            ("organisation_resolution", date(2024, 3, 25)),
            ("verification", date(2024, 4, 1)),
            ("comments", date(2024, 4, 10)),
        ):
            record_step(s, candidate, step, on, now=NOW, actor="t", document_number="12-NQ/ĐTN")
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t", votes=(6, 0, 0))
        assert next_step(steps_of(s, candidate), case) == "committee_resolution"


def test_dieu_le_art_4_the_one_official_member_must_meet_the_conditions(store):
    """In the organisation cases the one official member must still be an official member who has worked with the
    candidate for at least 12 months (RULES.introducer_together_months); the check says so in Vietnamese."""
    with store.session() as s, s.begin():
        ids = _officials(s)
        candidate = _candidate(s, ids, "youth_union", since=date(2023, 6, 1))
        for step, on in (*BEFORE_VOTE, ("organisation_resolution", date(2024, 3, 25))):
            record_step(s, candidate, step, on, now=NOW, actor="t")
        found = vote_problems(s, s.get_one(Candidate, candidate), date(2024, 5, 2))
    assert (
        "Đảng viên giới thiệu phải là đảng viên chính thức của chi bộ và đã công tác cùng quần chúng ít nhất 12 tháng."
        in found
    )
    assert not any("Người giới thiệu thứ 2" in text for text in found)


def test_dieu_le_art_4_the_organisation_resolution_is_recorded_before_the_cell_votes(store):
    """A file switched to an organisation case after its comments were recorded: the resolution (4-KNĐ) is asked
    next, and the cell's vote is refused without it."""
    with store.session() as s, s.begin():
        ids = _officials(s)
        candidate = _candidate(s, ids, "members")
        for step, on in (
            *BEFORE_VOTE,
            ("introduction_2", date(2024, 3, 20)),
            ("verification", date(2024, 4, 1)),
            ("comments", date(2024, 4, 10)),
        ):
            record_step(s, candidate, step, on, now=NOW, actor="t")
        row = s.get_one(Candidate, candidate)
        row.introduction_case = "trade_union"
        row.introducer2_id = None
        found = vote_problems(s, row, date(2024, 5, 2))
        assert next_step(steps_of(s, candidate), "trade_union") == "organisation_resolution"
    assert "Phải ghi nghị quyết giới thiệu của Ban Chấp hành công đoàn cơ sở trước khi chi bộ xét kết nạp." in found
    with pytest.raises(ValidationError, match="Hãy ghi bước"), store.session() as s, s.begin():
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t", votes=(6, 0, 0))
    with store.session() as s, s.begin():
        record_step(s, candidate, "organisation_resolution", date(2024, 4, 5), now=NOW, actor="t")
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t", votes=(6, 0, 0))


def test_two_official_members_are_still_asked_in_the_members_case(store):
    with store.session() as s, s.begin():
        ids = _officials(s)
        candidate = _candidate(s, ids, "members")
        s.get_one(Candidate, candidate).introducer2_id = None
        found = vote_problems(s, s.get_one(Candidate, candidate), date(2024, 5, 2))
    assert any(text.startswith("Người giới thiệu thứ 2 phải là đảng viên chính thức") for text in found)


def _at_decision(store, decided: date, received: date | None) -> int:
    with store.session() as s, s.begin():
        ids = _officials(s)
        candidate = _candidate(s, ids, "members")
        for step, on in (
            *BEFORE_VOTE,
            ("introduction_2", date(2024, 3, 20)),
            ("verification", date(2024, 4, 1)),
            ("comments", date(2024, 4, 10)),
            ("cell_resolution", decided - timedelta(days=30)),
            ("committee_resolution", decided - timedelta(days=20)),
            ("decision", decided),
        ):
            record_step(
                s, candidate, step, on, now=NOW, actor="t", votes=(6, 0, 0) if step == "cell_resolution" else None
            )
        if received is not None:
            data = CandidateData("Đinh Thị Trẻ", introduction_case="members", decision_received_on=received)
            row = s.get_one(Candidate, candidate)
            for name in ("birth_date", "certificate_on", "introducer1_id", "introducer1_since"):
                setattr(data, name, getattr(row, name))
            data.introducer2_id, data.introducer2_since = row.introducer2_id, row.introducer2_since
            save_candidate(s, candidate, data, now=NOW, actor="t")
    return candidate


def test_ceremony_workdays_count_from_receiving_the_decision(store, tmp_path: Path):
    """RULES.ceremony_workdays (30) count from the day the decision was received (candidate.decision_received_on),
    by default the decision's date; the reminders and the report's overdue list follow it."""
    calendar = WorkCalendar()
    candidate = _at_decision(store, date(2026, 9, 1), received=date(2026, 10, 20))
    with store.session() as s:
        assert s.get_one(Candidate, candidate).decision_received_on == date(2026, 10, 20)
        steps = steps_of(s, candidate)
        received = next_deadline(steps, False, NOW.date(), calendar, decision_received_on=date(2026, 10, 20))
        by_default = next_deadline(steps, False, NOW.date(), calendar)
        rows = file_rows(s, NOW.date(), calendar)
    # counted by hand: 3 days in October after the 20th, 19 in November (24/11 is a holiday), 2/12 the 30th
    assert received.due == calendar.add_working_days(date(2026, 10, 20), RULES.ceremony_workdays) == date(2026, 12, 2)
    assert by_default.due == calendar.add_working_days(date(2026, 9, 1), 30) and by_default.working_days_left < 0
    assert rows[0].deadline == received and not rows[0].overdue
    assert reminders(rows) == ["Đinh Thị Trẻ: “Lễ kết nạp” hạn ngày 02/12/2026 (còn 6 ngày làm việc)."]
    text = all_text(recruitment_report_pdf(store, tmp_path / "bc.pdf", year=2026, today=NOW.date()))
    assert "Đinh Thị Trẻ: “Lễ kết nạp”" not in text  # not overdue: counted from the day it was received
    with store.session() as s, s.begin():
        s.get_one(Candidate, candidate).decision_received_on = None
    text = all_text(recruitment_report_pdf(store, tmp_path / "bc2.pdf", year=2026, today=NOW.date()))
    assert f"Đinh Thị Trẻ: “Lễ kết nạp” có thời hạn đến ngày {by_default.due:%d/%m/%Y}, đã quá hạn" in text


def test_the_decision_is_not_received_before_its_date(store):
    candidate = _at_decision(store, date(2026, 9, 1), received=None)
    with store.session() as s:
        row = s.get_one(Candidate, candidate)
        data = CandidateData(row.full_name, row.birth_date, introducer1_id=row.introducer1_id)
        data.introducer2_id, data.decision_received_on = row.introducer2_id, date(2026, 8, 31)
    refused = r"không được trước ngày ký quyết định \(01/09/2026\)"
    with pytest.raises(ValidationError, match=refused), store.session() as s, s.begin():
        save_candidate(s, candidate, data, now=NOW, actor="t")
    data.decision_received_on = date(2026, 9, 1)
    with pytest.raises(ValidationError, match="Chưa ghi quyết định kết nạp"), store.session() as s, s.begin():
        save_candidate(s, None, data, now=NOW, actor="t")


def test_official_decision_workdays_after_the_cells_proposal(store):
    """RULES.official_decision_workdays (30): once the cell proposes official status (13-KNĐ), the superior decides
    within 30 working days; the next deadline says so."""
    candidate = _at_decision(store, date(2025, 6, 2), received=None)
    calendar = WorkCalendar()
    with store.session() as s, s.begin():
        record_step(s, candidate, "ceremony", date(2025, 6, 16), now=NOW, actor="t")
        record_step(s, candidate, "self_report", date(2026, 6, 20), now=NOW, actor="t")
        record_step(s, candidate, "official_vote", date(2026, 7, 1), now=NOW, actor="t")
        deadline = next_deadline(steps_of(s, candidate), False, date(2026, 7, 1), calendar)
    assert RULES.official_decision_workdays == 30
    assert deadline.what == "Decision recognising the official member"
    assert deadline.due == calendar.add_working_days(date(2026, 7, 1), 30)


def test_hd_38_forms_as_data_print_no_number_not_confirmed(store, tmp_path: Path):
    """FORMS (Hướng dẫn 38-HD/BTCTW of 29/9/2025): number, title and issuer of each form; a number no source
    confirmed is None and appears nowhere; 3-KNĐ documents each introducer, 4-KNĐ the organisation's resolution."""
    assert {key: form.number for key, form in FORMS.items() if form.number} == {
        "application": "1-KNĐ",
        "biography": "2-KNĐ",
        "introduction": "3-KNĐ",
        "organisation_resolution": "4-KNĐ",
        "comments": "5-KNĐ",
        "cell_resolution": "6-KNĐ",
        "official_vote": "13-KNĐ",
    }
    assert all(form.title and form.issuer for form in FORMS.values())
    assert STEP_FORMS["introduction"] == STEP_FORMS["introduction_2"] == "3-KNĐ"
    assert STEP_FORMS["official"] == STEP_FORMS["decision"] == ""  # 15-KNĐ no longer names the last step
    text = all_text(recruitment_report_pdf(store, tmp_path / "bc.pdf", year=2026, today=NOW.date()))
    assert "Giấy giới thiệu của người giới thiệu thứ nhất 3-KNĐ 0" in text
    assert "Nghị quyết giới thiệu của Đoàn hoặc công đoàn cơ sở 4-KNĐ 0" in text
    assert "Quyết định công nhận đảng viên chính thức 0" in text
    for unsure in ("8-KNĐ", "9-KNĐ", "10-KNĐ", "15-KNĐ", "16-KNĐ"):
        assert unsure not in text


def test_the_resolution_names_the_organisation_as_the_second_introducer(store, tmp_path: Path):
    """6-KNĐ in the Đoàn case: the one official member, then the Đoàn's grassroots committee by its resolution."""
    with store.session() as s, s.begin():
        ids = _officials(s)
        candidate = _candidate(s, ids, "youth_union")
        for step, on in (*BEFORE_VOTE, ("organisation_resolution", date(2024, 3, 25))):
            record_step(s, candidate, step, on, now=NOW, actor="t", document_number="07-NQ/ĐTN")
        for step, on in (("verification", date(2024, 4, 1)), ("comments", date(2024, 4, 10))):
            record_step(s, candidate, step, on, now=NOW, actor="t")
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t", votes=(6, 0, 0))
    text = all_text(admission_resolution_pdf(store, tmp_path / "nq.pdf", candidate_id=candidate, today=NOW.date()))
    assert "Người giới thiệu thứ nhất: đồng chí Phạm Văn Cựu 0;" in text
    assert "Người giới thiệu thứ hai: Ban Chấp hành Đoàn cơ sở, bằng nghị quyết số 07-NQ/ĐTN ngày 25/03/2024." in text


@pytest.mark.parametrize("version", [6, 7, 8, 9])
def test_files_made_before_the_new_steps_are_missing_none(tmp_path: Path, version: int):
    """tests/fixtures/db_v6..v9 hold a recruitment file made by the program of that version. Opened now, it keeps
    its steps and introducers (two members); a file whose cell voted before the 2025 steps existed is not asked for
    them (Step.added_2025); one not yet voted on is asked for the introductions before the vote, which needs them."""
    path = tmp_path / "cu.sqlite"
    shutil.copy(FIXTURES / f"db_v{version}.sqlite", path)
    store = open_store(path, now=lambda: NOW)
    try:
        with store.session() as s, s.begin():
            old = s.scalars(select(Candidate)).one()
            assert (old.introduction_case, old.decision_received_on) == ("members", None)
            assert (
                list(steps_of(s, old.id)) == ["source"] and next_step(steps_of(s, old.id), "members") == "application"
            )
            record_step(s, old.id, "application", date(2025, 3, 1), now=NOW, actor="t")
            voted = Candidate(full_name="Lê Văn Cũ", created_at=NOW, updated_at=NOW)
            waiting = Candidate(full_name="Ngô Thị Chờ", created_at=NOW, updated_at=NOW)
            s.add_all([voted, waiting])
            s.flush()
            before_2025 = ("source", "application", "biography", "verification", "comments")
            for code in (*before_2025, "cell_resolution", "committee_resolution"):  # as the program wrote them
                s.add(CandidateStep(candidate_id=voted.id, step=code, on_date=date(2025, 1, 2)))
            for code in before_2025:
                s.add(CandidateStep(candidate_id=waiting.id, step=code, on_date=date(2025, 1, 2)))
        with store.session() as s:
            assert next_step(steps_of(s, voted.id), "members") == "decision"
            assert next_step(steps_of(s, waiting.id), "members") == "introduction"
            rows = {r.candidate.full_name: r for r in file_rows(s, NOW.date())}
        assert rows["Lê Văn Cũ"].step == "committee_resolution" and rows["Ngô Thị Chờ"].step == "comments"
        with store.session() as s, s.begin():
            record_step(s, voted.id, "decision", date(2025, 2, 3), now=NOW, actor="t")
        with pytest.raises(ValidationError, match="Hồ sơ đã qua bước này"), store.session() as s, s.begin():
            record_step(s, voted.id, "introduction", date(2025, 1, 2), now=NOW, actor="t")
        text = all_text(recruitment_report_pdf(store, tmp_path / "bc.pdf", year=2025, today=NOW.date()))
        assert "Lê Văn Cũ" in text  # admitted in 2025, listed as before
    finally:
        store.close()


def test_every_step_is_known_and_the_stored_codes_stay_valid():
    """Step codes already stored in users' files keep their meaning; the new ones are marked added_2025."""
    old = [
        "source",
        "application",
        "biography",
        "verification",
        "comments",
        "cell_resolution",
        "committee_resolution",
        "decision",
        "ceremony",
        "self_report",
        "official_vote",
        "official",
    ]
    assert [code for code in STEP_CODES if code in old] == old
    assert {s.code for s in STEPS if s.added_2025} == {"introduction", "introduction_2", "organisation_resolution"}
