from datetime import date, datetime

import pytest
from sqlalchemy import select

from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.errors import ValidationError
from khoidesktop.members.history import events_of
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.recruitment.records import CandidateData, next_deadline, record_step, save_candidate, steps_of
from khoidesktop.recruitment.stats import file_rows, recruitment_figures, set_target
from khoidesktop.store.models import Member

NOW = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def cell(store):
    """Nine official members (two of them the introducers); a candidate ready for the cell vote."""
    with store.session() as s, s.begin():
        ids = [
            add_member(
                s,
                MemberData(
                    f"Nguyễn Văn Cũ {i}", date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)
                ),
                now=NOW,
                actor="t",
            ).id
            for i in range(9)
        ]
        candidate = save_candidate(
            s,
            None,
            CandidateData(
                "Hoàng Thị Mới",
                date(1998, 3, 14),
                "female",
                certificate_on=date(2024, 1, 10),
                introducer1_id=ids[0],
                introducer1_since=date(2022, 1, 1),
                introducer2_id=ids[1],
                introducer2_since=date(2023, 1, 1),
            ),
            now=NOW,
            actor="t",
        ).id
        for step, on in (
            ("source", date(2024, 2, 1)),
            ("application", date(2024, 3, 1)),
            ("biography", date(2024, 3, 15)),
            ("introduction", date(2024, 3, 20)),
            ("introduction_2", date(2024, 3, 20)),
            ("verification", date(2024, 4, 1)),
            ("comments", date(2024, 4, 10)),
        ):
            record_step(s, candidate, step, on, now=NOW, actor="t")
    return store, ids, candidate


def test_the_cell_vote_needs_two_thirds_and_every_check(cell):
    store, _ids, candidate = cell
    with store.session() as s, s.begin():
        s.get_one(__import__("khoidesktop.store.models", fromlist=["Candidate"]).Candidate, candidate).votes_for = 5
    with (
        pytest.raises(ValidationError, match=r"9 đảng viên chính thức tán thành \(6 phiếu\); mới có 5"),
        store.session() as s,
        s.begin(),
    ):
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t")
    with store.session() as s:
        assert "cell_resolution" not in steps_of(s, candidate)  # nothing written


def test_from_the_file_to_an_official_member(cell):
    store, _ids, candidate = cell
    from khoidesktop.store.models import Candidate

    with store.session() as s, s.begin():
        s.get_one(Candidate, candidate).votes_for = 6
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t")
        record_step(s, candidate, "committee_resolution", date(2024, 5, 20), now=NOW, actor="t")
        record_step(s, candidate, "decision", date(2024, 6, 3), now=NOW, actor="t", document_number="125-QĐ/ĐU")
        message = record_step(s, candidate, "ceremony", date(2024, 6, 20), now=NOW, actor="t")
        assert "đã là đảng viên dự bị" in message and "03/06/2024" in message
    with store.session() as s:
        member = s.scalars(select(Member).where(Member.full_name == "Hoàng Thị Mới")).one()
        assert (member.status, member.admitted_on, member.official_on) == ("probationary", date(2024, 6, 3), None)
        assert [(e.kind, e.document_number) for e in events_of(s, member.id)] == [("admitted", "125-QĐ/ĐU")]
    with store.session() as s, s.begin():
        record_step(s, candidate, "self_report", date(2025, 6, 25), now=NOW, actor="t")
        assert "lần 1" in record_step(s, candidate, "official_vote", date(2025, 7, 1), now=NOW, actor="t", passed=False)
        record_step(s, candidate, "official_vote", date(2025, 7, 15), now=NOW, actor="t")
    with store.session() as s:
        members = s.scalars(select(Member).where(Member.full_name == "Hoàng Thị Mới")).all()
        assert len(members) == 1  # created once
        assert (members[0].status, members[0].official_on) == ("official", date(2025, 6, 20))


def test_steps_come_in_order(cell):
    store, _ids, candidate = cell
    with (
        pytest.raises(ValidationError, match="Hãy ghi bước “Nghị quyết chi bộ đề nghị kết nạp” trước"),
        store.session() as s,
        s.begin(),
    ):
        record_step(s, candidate, "committee_resolution", date(2024, 5, 20), now=NOW, actor="t")


def test_deadlines_in_working_days_and_overdue_files(cell):
    store, _ids, candidate = cell
    from khoidesktop.store.models import Candidate

    with store.session() as s, s.begin():
        s.get_one(Candidate, candidate).votes_for = 7
        record_step(s, candidate, "cell_resolution", date(2026, 1, 5), now=NOW, actor="t")
    with store.session() as s:
        steps = steps_of(s, candidate)
        deadline = next_deadline(steps, False, date(2026, 1, 5), WorkCalendar())
        # 60 working days after 5/1/2026, across Tết (16–20/2)
        assert deadline.due == date(2026, 4, 6)  # counted by hand: 19 in January, 15 in February, 22 in March
        extended = next_deadline(steps, True, date(2026, 1, 5), WorkCalendar())
        assert WorkCalendar().working_days_between(deadline.due, extended.due) == 30
        rows = file_rows(s, NOW.date())
    assert rows[0].overdue and rows[0].deadline.working_days_left < 0


def test_targets_and_progress(cell):
    store, _ids, _candidate = cell
    with store.session() as s, s.begin():
        set_target(s, 2025, 2030, 8)
        set_target(s, 2026, 2026, 2)
    with store.session() as s:
        figures = recruitment_figures(s, 2026, NOW.date())
    assert figures["term"] == {"first_year": 2025, "last_year": 2030, "target": 8, "admitted": 0}
    assert figures["progress_percent"] == 0.0 and figures["year_target"] == 2
    assert figures["files_by_step"]["comments"] == 1


def test_a_file_left_twelve_months_at_one_step_is_stale(cell):
    store, _ids, candidate = cell
    with store.session() as s:
        steps = steps_of(s, candidate)
        from khoidesktop.recruitment.records import is_stale

        assert not is_stale(steps, date(2025, 4, 9))  # comments recorded 10/04/2024: 11 months later
        assert is_stale(steps, date(2025, 4, 10))
        assert [r.stale for r in file_rows(s, NOW.date())] == [True]


def test_the_official_vote_comes_after_the_probation_and_introducers_must_be_in_the_cell(cell):
    store, ids, candidate = cell
    from khoidesktop.members.history import add_event
    from khoidesktop.recruitment.records import is_stale
    from khoidesktop.store.models import Candidate

    with store.session() as s, s.begin():
        add_event(s, ids[0], "transfer_out", date(2024, 4, 20), now=NOW, actor="t")  # introducer 1 has left
        s.get_one(Candidate, candidate).votes_for = 6
    with pytest.raises(ValidationError, match="Người giới thiệu thứ 1"), store.session() as s, s.begin():
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t")
    with store.session() as s, s.begin():
        c = s.get_one(Candidate, candidate)
        c.introducer1_id = ids[2]
        c.introducer1_since = date(2020, 1, 1)
        for step, on in (
            ("cell_resolution", date(2024, 5, 2)),
            ("committee_resolution", date(2024, 5, 20)),
            ("decision", date(2024, 6, 3)),
            ("ceremony", date(2024, 6, 20)),
            ("self_report", date(2024, 7, 1)),
        ):
            record_step(s, candidate, step, on, now=NOW, actor="t")
    with pytest.raises(ValidationError, match="kết thúc ngày 20/06/2025"), store.session() as s, s.begin():
        record_step(s, candidate, "official_vote", date(2024, 7, 2), now=NOW, actor="t")
    with store.session() as s:
        assert not is_stale(steps_of(s, candidate), date(2025, 7, 5))  # waiting out the probation is not stale


def test_the_vote_counts_go_through_the_step_checked_and_audited(cell):
    """The dialog hands the counts to record_step (no longer written onto the row): out of range is refused and
    writes nothing; a valid vote is kept with the step and in the audit log."""
    import json

    from khoidesktop.store.models import AuditEntry, Candidate

    store, _ids, candidate = cell
    on = date(2024, 5, 2)
    for bad in ((-1, 0, 0), (6, 10**6, 0)):
        with pytest.raises(ValidationError, match="từ 0 đến"), store.session() as s, s.begin():
            record_step(s, candidate, "cell_resolution", on, now=NOW, actor="t", votes=bad)
    with store.session() as s:
        assert s.get_one(Candidate, candidate).votes_for is None and "cell_resolution" not in steps_of(s, candidate)
    with pytest.raises(ValidationError, match="mới có 5"), store.session() as s, s.begin():
        record_step(s, candidate, "cell_resolution", on, now=NOW, actor="t", votes=(5, 4, 0))
    with store.session() as s:
        assert s.get_one(Candidate, candidate).votes_for is None  # the refused vote left nothing behind
    with store.session() as s, s.begin():
        record_step(s, candidate, "cell_resolution", on, now=NOW, actor="t", votes=(7, 1, 1))
    with store.session() as s:
        row = s.get_one(Candidate, candidate)
        assert (row.votes_for, row.votes_against, row.votes_abstain) == (7, 1, 1)
        last = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "candidate").order_by(AuditEntry.id.desc())
        ).first()
        assert json.loads(last.detail)["votes_for"] == [None, 7]
