"""An event entered in error ("nhập nhầm"): what it changes is shown first, withdrawing puts things back, and the
audit log keeps what was withdrawn."""

from datetime import date

import pytest
from sqlalchemy import select

from khoidesktop.errors import ValidationError
from khoidesktop.members.history import add_event, event_effect, event_withdrawal, events_of, withdraw_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.recruitment.records import CandidateData, save_candidate
from khoidesktop.store import audit
from khoidesktop.store.models import AuditEntry, Candidate, Member
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def _member(store, **changes) -> int:
    data = {
        "full_name": "Nguyễn Văn An",
        "birth_date": date(1980, 3, 5),
        "admitted_on": date(2005, 6, 1),
        "official_on": date(2006, 6, 1),
        **changes,
    }
    with store.session() as s, s.begin():
        return add_member(s, MemberData(**data), now=FIXED_NOW, actor="t").id


def _record(store, member_id: int, kind: str, on: date, **extra) -> int:
    with store.session() as s, s.begin():
        return add_event(s, member_id, kind, on, now=FIXED_NOW, actor="t", **extra).id


def test_withdrawing_an_official_transfer_out_puts_the_status_back(store):
    member_id = _member(store)
    event_id = _record(store, member_id, "transfer_out", date(2026, 10, 1), document_number="12-QĐ/ĐU")
    with store.session() as s:
        assert s.get_one(Member, member_id).status == "transferred_out"
        shown = event_withdrawal(s, event_id, TODAY)
        assert (shown.before, shown.after, shown.member_name) == ("transferred_out", "official", "Nguyễn Văn An")
        assert shown.status_line() == "Tình trạng: Đã chuyển sinh hoạt đi → Chính thức."
    with store.session() as s, s.begin():
        withdraw_event(s, event_id, now=FIXED_NOW, actor="t")
    with store.session() as s:
        assert s.get_one(Member, member_id).status == "official"
        assert events_of(s, member_id) == []


def test_withdrawing_the_official_event_clears_the_date_it_filled(store):
    member_id = _member(store, admitted_on=date(2025, 3, 1), official_on=None, status="probationary")
    event_id = _record(store, member_id, "official", date(2026, 3, 1))
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (member.status, member.official_on) == ("official", date(2026, 3, 1))
    with store.session() as s, s.begin():
        change = withdraw_event(s, event_id, now=FIXED_NOW, actor="t")
    assert (change.before, change.after) == ("official", "probationary")
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (member.status, member.official_on, member.admitted_on) == ("probationary", None, date(2025, 3, 1))


def test_the_official_event_keeps_a_date_typed_in_the_profile(store):
    """The official date was already in the profile: the event did not fill it, so withdrawing leaves it."""
    member_id = _member(store)
    event_id = _record(store, member_id, "official", date(2006, 6, 1))
    with store.session() as s, s.begin():
        withdraw_event(s, event_id, now=FIXED_NOW, actor="t")
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (member.status, member.official_on) == ("official", date(2006, 6, 1))


def test_an_event_of_a_recruitment_file_is_withdrawn_with_its_step(store):
    member_id = _member(store, full_name="Hoàng Thị Mới", admitted_on=None, official_on=None, status="probationary")
    event_id = _record(store, member_id, "admitted", date(2026, 6, 3))
    with store.session() as s, s.begin():
        candidate = save_candidate(s, None, CandidateData("Hoàng Thị Mới", date(1998, 3, 14)), now=FIXED_NOW, actor="t")
        candidate.member_id = member_id
    for attempt in (event_withdrawal, None):
        with pytest.raises(ValidationError) as refused, store.session() as s, s.begin():
            if attempt is None:
                withdraw_event(s, event_id, now=FIXED_NOW, actor="t")
            else:
                attempt(s, event_id, TODAY)
        assert "hồ sơ phát triển đảng viên của Hoàng Thị Mới" in str(refused.value)
        assert "Rút lại bước cuối" in str(refused.value)
    with store.session() as s:
        assert [e.id for e in events_of(s, member_id)] == [event_id]  # nothing written
        assert s.get_one(Member, member_id).admitted_on == date(2026, 6, 3)
        assert s.scalar(select(Candidate.member_id)) == member_id


def test_the_audit_log_keeps_the_withdrawn_rows_values(store):
    member_id = _member(store)
    event_id = _record(
        store, member_id, "discipline", date(2026, 5, 4), level="warning", document_number="7-QĐ/UBKT", note="Sai"
    )
    with store.session() as s, s.begin():
        withdraw_event(s, event_id, now=FIXED_NOW, actor="bí thư")
    with store.session() as s:
        kept = s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")).one()
        assert (kept.entity, kept.entity_id, kept.actor) == ("member_event", event_id, "bí thư")
        detail = audit.detail_of(kept)
        assert detail["kind"] == ["discipline", None]
        assert detail["level"] == ["warning", None]
        assert detail["on_date"] == ["2026-05-04", None]
        assert detail["document_number"] == ["7-QĐ/UBKT", None]
        assert detail["note"] == ["Sai", None]
        assert detail["member_id"] == [member_id, None]
        created = [e.action for e in audit.entries_for(s, "member_event", event_id)]
        assert created == ["create", "withdraw"]  # the entry that made it stays too


def test_withdrawing_a_missing_event_is_refused(store):
    with pytest.raises(ValidationError, match="không còn trong quá trình"), store.session() as s:
        event_withdrawal(s, 999, TODAY)


@pytest.mark.parametrize(
    "profile, kind, on, level",
    [
        ({}, "transfer_out", date(2026, 10, 1), None),
        ({}, "temporary_out", date(2026, 1, 1), None),
        ({}, "discipline", date(2026, 1, 1), "expulsion"),
        ({}, "discipline", date(2026, 1, 1), "reprimand"),
        ({}, "badge", date(2025, 6, 1), None),
        ({}, "deceased", date(2026, 11, 1), None),
        (
            {"official_on": None, "admitted_on": date(2025, 3, 1), "status": "probationary"},
            "official",
            date(2026, 3, 1),
            None,
        ),
        (
            {"official_on": None, "admitted_on": date(2025, 3, 1), "status": "probationary"},
            "exempt",
            date(2026, 3, 1),
            None,
        ),
        ({}, "transfer_out", date(2027, 1, 1), None),  # refused by both: in the future
    ],
)
def test_the_effect_shown_is_the_status_written(store, profile, kind, on, level):
    member_id = _member(store, **profile)
    with store.session() as s:
        try:
            shown = event_effect(s, member_id, kind, on, TODAY, level)
        except ValidationError as refused:
            shown_refusal = str(refused)
        else:
            shown_refusal = None
    try:
        _record(store, member_id, kind, on, level=level)
    except ValidationError as refused:
        assert str(refused) == shown_refusal
        return
    assert shown_refusal is None
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (shown.before, shown.after) == (profile.get("status", "official"), member.status)
