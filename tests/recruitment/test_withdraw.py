"""The last step of a recruitment file entered in error is withdrawn with what it did (issue 14, item 4)."""

from datetime import date

import pytest
from sqlalchemy import select

from khoidesktop.errors import ValidationError
from khoidesktop.members.history import add_event, event_withdrawal, events_of
from khoidesktop.recruitment.records import last_step_withdrawal, record_step, steps_of, withdraw_last_step
from khoidesktop.store import audit
from khoidesktop.store.models import AuditEntry, Candidate, Member
from tests.recruitment.test_records import NOW, cell  # noqa: F401  (cell: the fixture)


def admit(store, candidate: int) -> int:
    with store.session() as s, s.begin():
        s.get_one(Candidate, candidate).votes_for = 6
        for step, on in (
            ("cell_resolution", date(2024, 5, 2)),
            ("committee_resolution", date(2024, 5, 20)),
            ("decision", date(2024, 6, 3)),
            ("ceremony", date(2024, 6, 20)),
        ):
            record_step(s, candidate, step, on, now=NOW, actor="t")
        return s.get_one(Candidate, candidate).member_id


def test_the_last_step_goes_and_the_one_before_is_last_again(cell):  # noqa: F811
    store, _ids, candidate = cell
    with store.session() as s:
        said = last_step_withdrawal(s, candidate)
    assert "Hoàng Thị Mới" in said and "10/04/2024" in said
    with store.session() as s, s.begin():
        withdraw_last_step(s, candidate, now=NOW, actor="t")
    with store.session() as s:
        assert "comments" not in steps_of(s, candidate) and "verification" in steps_of(s, candidate)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")).one()
        assert (entry.entity, audit.detail_of(entry)["step"]) == ("candidate_step", ["comments", None])
    with store.session() as s, s.begin():
        record_step(s, candidate, "comments", date(2024, 4, 12), now=NOW, actor="t")  # typed again, right


def test_withdrawing_the_cell_vote_clears_the_votes_recorded_with_it(cell):  # noqa: F811
    store, _ids, candidate = cell
    with store.session() as s, s.begin():
        record_step(s, candidate, "cell_resolution", date(2024, 5, 2), now=NOW, actor="t", votes=(7, 1, 1))
    with store.session() as s:
        assert "biểu quyết" in last_step_withdrawal(s, candidate)
    with store.session() as s, s.begin():
        withdraw_last_step(s, candidate, now=NOW, actor="t")
    with store.session() as s:
        c = s.get_one(Candidate, candidate)
        assert (c.votes_for, c.votes_against, c.votes_abstain, c.official_members) == (None, None, None, None)


def test_the_ceremony_takes_back_the_member_it_made(cell):  # noqa: F811
    store, _ids, candidate = cell
    member_id = admit(store, candidate)
    with store.session() as s:
        said = last_step_withdrawal(s, candidate)
        assert "Hoàng Thị Mới" in said and "danh sách" in said
    with store.session() as s, s.begin():
        withdraw_last_step(s, candidate, now=NOW, actor="t")
    with store.session() as s:
        assert s.get(Member, member_id) is None and s.get_one(Candidate, candidate).member_id is None
        assert "ceremony" not in steps_of(s, candidate)
        entities = sorted(e.entity for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")))
        assert entities == ["candidate_step", "member", "member_event"]
    with store.session() as s, s.begin():  # recorded again on the right day: one member, as before
        record_step(s, candidate, "ceremony", date(2024, 6, 21), now=NOW, actor="t")
    with store.session() as s:
        assert len(s.scalars(select(Member).where(Member.full_name == "Hoàng Thị Mới")).all()) == 1


def test_the_ceremony_is_refused_once_the_member_has_history(cell):  # noqa: F811
    store, _ids, candidate = cell
    member_id = admit(store, candidate)
    with store.session() as s, s.begin():
        add_event(s, member_id, "temporary_out", date(2024, 9, 1), now=NOW, actor="t")
    with pytest.raises(ValidationError) as refused, store.session() as s, s.begin():
        withdraw_last_step(s, candidate, now=NOW, actor="t")
    assert "Hoàng Thị Mới" in str(refused.value) and "1 sự kiện" in str(refused.value)
    with store.session() as s:
        assert s.get(Member, member_id) is not None and "ceremony" in steps_of(s, candidate)


def test_the_official_vote_puts_the_member_back_to_probationary(cell):  # noqa: F811
    store, _ids, candidate = cell
    member_id = admit(store, candidate)
    with store.session() as s, s.begin():
        record_step(s, candidate, "self_report", date(2025, 6, 25), now=NOW, actor="t")
        record_step(s, candidate, "official_vote", date(2025, 7, 15), now=NOW, actor="t")
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (member.status, member.official_on) == ("official", date(2025, 6, 20))
        official = next(e.id for e in events_of(s, member_id) if e.kind == "official")
        with pytest.raises(ValidationError, match="Rút lại bước cuối"):
            event_withdrawal(s, official, NOW.date())  # the message points to this page: it is true
        assert "dự bị" in last_step_withdrawal(s, candidate)
    with store.session() as s, s.begin():
        withdraw_last_step(s, candidate, now=NOW, actor="t")
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (member.status, member.official_on) == ("probationary", None)
        assert [e.kind for e in events_of(s, member_id)] == ["admitted"]
        assert "official_vote" not in steps_of(s, candidate)


def test_a_file_without_steps_says_so(store):
    from khoidesktop.recruitment.records import CandidateData, save_candidate

    with store.session() as s, s.begin():
        candidate = save_candidate(s, None, CandidateData("Lê Văn Mới", date(2000, 1, 1)), now=NOW, actor="t").id
    with pytest.raises(ValidationError, match="chưa ghi bước nào"), store.session() as s:
        last_step_withdrawal(s, candidate)


def test_a_failed_official_vote_is_the_last_entry_until_one_passes(cell):  # noqa: F811
    store, _ids, candidate = cell
    admit(store, candidate)
    with store.session() as s, s.begin():
        record_step(s, candidate, "self_report", date(2025, 6, 25), now=NOW, actor="t")
        record_step(s, candidate, "official_vote", date(2025, 7, 1), now=NOW, actor="t", passed=False)
        record_step(s, candidate, "official_vote", date(2025, 7, 8), now=NOW, actor="t", passed=False)
    with store.session() as s:
        assert "lần 2" in last_step_withdrawal(s, candidate)
    with store.session() as s, s.begin():
        withdraw_last_step(s, candidate, now=NOW, actor="t")
    with store.session() as s:
        assert s.get_one(Candidate, candidate).failed_official_votes == 1
        assert "self_report" in steps_of(s, candidate)  # the step before stays
