"""The elections of a term stored in a real data file (the training cell): the rules of QĐ 190-QĐ/TW counted on
what is stored (terms/elections.py), the round among the tied, the secretary's three failures, and the result
written into the committee and the delegation, once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from khoidesktop.errors import ValidationError
from khoidesktop.store.models import AuditEntry, CommitteeMember, Congress, CongressSummoned, Delegate, Member
from khoidesktop.terms.elections import (
    APPOINTS,
    CONGRESS_DECIDES,
    FAILED,
    RUNOFF_SET,
    TIE_PENDING,
    CandidateForm,
    ElectionForm,
    apply_result,
    election_result,
    next_round,
    save_election,
    set_up_runoff,
)
from khoidesktop.terms.records import TermForm, save_term
from tests.conftest import FIXED_NOW
from tests.terms.helpers import clear_terms

WHO = {"now": FIXED_NOW, "actor": "test"}
DAY = date(2025, 6, 1)
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Đỗ Thị Giang")


@pytest.fixture
def term_id(demo_store) -> int:
    with demo_store.session() as session, session.begin():
        clear_terms(session)  # the training data's own term and its elections
        return save_term(session, TermForm("2025–2030", DAY, date(2030, 5, 31), DAY), **WHO).id


def _form(
    term_id: int, votes: tuple[int | None, ...], *, seats: int = 3, purpose: str = "committee", **kw
) -> ElectionForm:
    candidates = tuple(CandidateForm(NAMES[i], votes=v) for i, v in enumerate(votes))
    counted = any(v is not None for v in votes)
    ballots = dict(ballots_issued=30, ballots_returned=30, ballots_valid=29, ballots_invalid=1) if counted else {}
    return ElectionForm(
        term_id,
        purpose,
        DAY,
        seats,
        kw.pop("summoned", 30),
        kw.pop("present", 30),
        candidates=candidates,
        **(ballots | kw),
    )


def _save(store, form: ElectionForm) -> int:
    with store.session() as session, session.begin():
        return save_election(session, form, **WHO).id


def _result(store, election_id: int):
    with store.session() as session:
        return election_result(session, election_id)


def test_16_of_30_summoned_is_elected_15_is_not(demo_store, term_id):
    """Rule (QĐ 190): elected with more than half of those summoned: 16 of 30 is, 15 is not."""
    found = _result(demo_store, _save(demo_store, _form(term_id, (27, 16, 15))))
    assert found.result is not None
    assert found.result.elected == ("Nguyễn Văn An", "Trần Thị Bình")
    assert [r.name for r in found.result.not_elected] == ["Lê Văn Cường"]
    assert found.result.seats_unfilled == 1 and "Số lượng còn thiếu: 1." in found.lines


def test_a_term_without_a_congress_gets_one_held_on_the_congress_day(demo_store, term_id):
    _save(demo_store, _form(term_id, (None, None, None)))
    with demo_store.session() as session:
        congress = session.scalar(select(Congress).where(Congress.term_id == term_id))
        assert congress is not None and congress.held_on == DAY and congress.place == ""


def test_summoned_and_present_are_counted_from_the_summoned_list(demo_store, term_id):
    _save(demo_store, _form(term_id, (None, None, None)))
    with demo_store.session() as session, session.begin():
        congress = session.scalar(select(Congress).where(Congress.term_id == term_id))
        assert congress is not None
        for i in range(12):
            session.add(
                CongressSummoned(
                    congress_id=congress.id, full_name=f"Người {i}", attendance="present" if i < 10 else "excused"
                )
            )
    election_id = _save(demo_store, _form(term_id, (None, None), summoned=None, present=None))
    with demo_store.session() as session:
        from khoidesktop.store.models import Election

        row = session.get(Election, election_id)
        assert row is not None and (row.summoned, row.present) == (12, 10)


def test_more_passing_than_seats_the_highest_are_elected(demo_store, term_id):
    """Rule: more pass the half than there are seats: the most votes win."""
    found = _result(demo_store, _save(demo_store, _form(term_id, (20, 25, 18, 17), seats=3)))
    assert found.result is not None and found.result.elected == ("Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Cường")
    assert found.result.not_elected[0].reason.startswith("đạt quá một nửa")


def test_too_many_candidates_are_refused_and_withdrawn_ones_do_not_count(demo_store, term_id):
    """Rule (QĐ 190, Art. 14): at most 30% more candidates than seats (5 seats: 6); a withdrawn candidate stays
    on the list but is not on the ballot, so it counts neither for the limit nor in the votes."""
    five = tuple(CandidateForm(n) for n in NAMES) + (CandidateForm("Vũ Văn Hải"),)
    form = ElectionForm(term_id, "committee", DAY, 5, 30, 30, candidates=five)
    with pytest.raises(ValidationError, match="tối đa"):
        _save(demo_store, form)
    with demo_store.session() as session:
        assert session.scalar(select(func.count()).select_from(Congress)) == 0  # nothing written
    withdrawn = replace(form, candidates=(*five[:-1], replace(five[-1], withdrawn=True)))
    election_id = _save(demo_store, withdrawn)
    counted = replace(
        withdrawn,
        id=election_id,
        ballots_issued=30,
        ballots_returned=30,
        ballots_valid=30,
        candidates=tuple(replace(c, votes=None if c.withdrawn else 20) for c in withdrawn.candidates),
    )
    _save(demo_store, counted)
    found = _result(demo_store, election_id)
    assert found.result is not None and "Vũ Văn Hải" not in [r.name for r in found.result.results]


def test_invalid_ballots_must_add_up_and_votes_stay_within_the_valid_ones(demo_store, term_id):
    """Rule: valid + invalid = returned; nobody has more votes than the valid ballots."""
    with pytest.raises(ValidationError, match="phiếu không hợp lệ"):
        _save(demo_store, _form(term_id, (20, 18), ballots_invalid=3))
    with pytest.raises(ValidationError, match="nhiều hơn số phiếu hợp lệ"):
        _save(demo_store, _form(term_id, (30, 18)))
    with pytest.raises(ValidationError, match="Lê Văn Cường"):
        _save(demo_store, _form(term_id, (20, 18, None)))  # every candidate on the ballot needs votes


def test_a_tie_at_the_last_seat_then_the_round_among_the_tied_then_the_congress_decides(demo_store, term_id):
    """Rule: a tie at the last seat → a round among the tied without the more-than-half condition → still tied →
    the congress decides; nothing is applied while a tie is pending."""
    first = _save(demo_store, _form(term_id, (22, 18, 18), seats=2))
    found = _result(demo_store, first)
    assert found.state == TIE_PENDING and found.result is not None and found.result.tie == NAMES[1:3]
    with demo_store.session() as session, session.begin(), pytest.raises(ValidationError, match="bằng phiếu"):
        apply_result(session, first, **WHO)
    with demo_store.session() as session, session.begin():
        runoff = set_up_runoff(session, first, **WHO)
        runoff_id, seats, round_ = runoff.id, runoff.seats, runoff.round
    assert (seats, round_) == (1, 2) and _result(demo_store, first).state == RUNOFF_SET
    with demo_store.session() as session, session.begin(), pytest.raises(ValidationError, match="Đã lập"):
        set_up_runoff(session, first, **WHO)
    with demo_store.session() as session:
        from khoidesktop.terms.elections import election_form

        form = election_form(session, runoff_id)
    assert form.runoff and [c.full_name for c in form.candidates] == list(NAMES[1:3])
    low = replace(form, ballots_issued=30, ballots_returned=30, ballots_valid=30)
    _save(
        demo_store,
        replace(low, candidates=(replace(form.candidates[0], votes=14), replace(form.candidates[1], votes=13))),
    )
    assert _result(demo_store, runoff_id).result.elected == ("Trần Thị Bình",)  # 14 of 30: no majority needed
    _save(demo_store, replace(low, candidates=tuple(replace(c, votes=15) for c in form.candidates)))
    still = _result(demo_store, runoff_id)
    assert still.state == CONGRESS_DECIDES and any("đại hội quyết định" in line for line in still.lines)


def _committee(store, term_id: int, names=NAMES[:3]) -> None:
    election_id = _save(store, _form(term_id, tuple(25 for _ in names), seats=len(names)))
    with store.session() as session, session.begin():
        apply_result(session, election_id, **WHO)


def test_the_secretary_three_failures_then_the_superior_appoints(demo_store, term_id):
    """Rule (DOMAIN.md; QĐ 190): the committee's vote for its secretary fails three times → the superior
    appoints; summoned = the committee's members."""
    _committee(demo_store, term_id)
    form = ElectionForm(term_id, "secretary", DAY, 1, candidates=(CandidateForm(NAMES[0]),))
    election_id = _save(
        demo_store,
        replace(
            form, ballots_issued=3, ballots_returned=3, ballots_valid=3, candidates=(CandidateForm(NAMES[0], votes=1),)
        ),
    )
    found = _result(demo_store, election_id)
    assert found.result is not None and found.result.summoned == 3 and found.state == FAILED
    for expected in (FAILED, APPOINTS):
        with demo_store.session() as session, session.begin():
            again = next_round(session, election_id, **WHO)
            election_id = again.id
        with demo_store.session() as session:
            from khoidesktop.terms.elections import election_form

            blank = election_form(session, election_id)
        _save(
            demo_store,
            replace(
                blank,
                ballots_issued=3,
                ballots_returned=3,
                ballots_valid=3,
                candidates=(replace(blank.candidates[0], votes=1),),
            ),
        )
        assert _result(demo_store, election_id).state == expected
    assert "cấp ủy cấp trên" in _result(demo_store, election_id).lines[-1]
    with demo_store.session() as session, session.begin(), pytest.raises(ValidationError, match="cấp ủy cấp trên"):
        next_round(session, election_id, **WHO)


def test_applying_writes_the_committee_and_a_role_once(demo_store, term_id):
    """Applying a result is explicit, audited and idempotent: twice adds nothing twice."""
    election_id = _save(demo_store, _form(term_id, (25, 20, 16), seats=3))
    for _ in range(2):
        with demo_store.session() as session, session.begin():
            apply_result(session, election_id, **WHO)
    with demo_store.session() as session:
        rows = session.scalars(select(CommitteeMember).where(CommitteeMember.term_id == term_id)).all()
        assert sorted(r.full_name for r in rows) == sorted(NAMES[:3])
        assert {(r.role, r.came, r.from_date) for r in rows} == {("member", "congress", DAY)}
        applied = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "election", AuditEntry.action == "apply")
        )
        assert len(applied.all()) == 1
    assert _result(demo_store, election_id).applied
    secretary = ElectionForm(
        term_id,
        "secretary",
        DAY,
        1,
        ballots_issued=3,
        ballots_returned=3,
        ballots_valid=3,
        candidates=(CandidateForm(NAMES[1], votes=3),),
    )
    sec_id = _save(demo_store, secretary)
    for _ in range(2):
        with demo_store.session() as session, session.begin():
            apply_result(session, sec_id, **WHO)
    with demo_store.session() as session:
        roles = {r.full_name: r.role for r in session.scalars(select(CommitteeMember))}
        assert roles[NAMES[1]] == "secretary" and roles[NAMES[0]] == "member"
    outsider = replace(secretary, purpose="deputy", candidates=(CandidateForm("Người Ngoài", votes=3),))
    outsider_id = _save(demo_store, outsider)
    with (
        demo_store.session() as session,
        session.begin(),
        pytest.raises(ValidationError, match="không có tên trong cấp ủy"),
    ):
        apply_result(session, outsider_id, **WHO)


def test_applying_delegates_takes_a_members_particulars_once(demo_store, term_id):
    with demo_store.session() as session:
        member = session.scalars(select(Member).where(Member.gender == "female")).first()
        assert member is not None
        member_id, member_name, birth = member.id, member.full_name, member.birth_date
    candidates = (CandidateForm(member_name, member_id, votes=25), CandidateForm("Khách Mời", votes=20))
    base = ElectionForm(term_id, "delegates", DAY, 2, 30, 30, 30, 30, 30, 0, candidates=candidates)
    delegates_id = _save(demo_store, base)
    alternates_id = _save(
        demo_store, replace(base, purpose="alternates", seats=1, candidates=(CandidateForm("Dự Khuyết", votes=20),))
    )
    for election_id in (delegates_id, delegates_id, alternates_id, alternates_id):
        with demo_store.session() as session, session.begin():
            apply_result(session, election_id, **WHO)
    with demo_store.session() as session:
        rows = {d.full_name: d for d in session.scalars(select(Delegate).where(Delegate.term_id == term_id))}
    assert set(rows) == {member_name, "Khách Mời", "Dự Khuyết"}
    linked = rows[member_name]
    assert (linked.member_id, linked.gender, linked.birth_date, linked.election_id) == (
        member_id,
        "female",
        birth,
        delegates_id,
    )
    assert rows["Khách Mời"].gender == "" and not rows["Khách Mời"].alternate and rows["Dự Khuyết"].alternate


def test_the_training_terms_elections_match_its_committee(demo_store):
    """The training data: the committee's and the secretary's elections of a term, recorded, add nothing to the
    committee that is there (the same names and the same secretary)."""
    from khoidesktop.demo.elections import fill_demo_elections
    from tests.terms.helpers import ensure_term

    term_id = ensure_term(demo_store)
    with demo_store.session() as session:
        before = sorted((r.full_name, r.role) for r in session.scalars(select(CommitteeMember)))
    with demo_store.session() as session, session.begin():
        made = fill_demo_elections(session, now=FIXED_NOW, actor="test")
    assert len(made) == 2
    with demo_store.session() as session:
        after = sorted((r.full_name, r.role) for r in session.scalars(select(CommitteeMember)))
        results = [election_result(session, e) for e in made]
        assert session.scalar(select(Congress.term_id)) == term_id
    assert after == before and all(r.applied for r in results)
    assert results[0].result is not None and "Vũ Minh Tâm" not in results[0].result.elected
