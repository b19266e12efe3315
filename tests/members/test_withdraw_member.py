"""A member entered in error is withdrawn only while nothing else speaks of them; else an event is the way."""

from datetime import date

import pytest
from sqlalchemy import select

from khoidesktop.errors import ValidationError
from khoidesktop.meetings.records import MeetingData, save_meeting
from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member, member_withdrawal, withdraw_member
from khoidesktop.store import audit
from khoidesktop.store.models import AuditEntry, Member, MemberNote
from tests.conftest import FIXED_NOW


def _add(store, name: str, **changes) -> int:
    with store.session() as s, s.begin():
        return add_member(
            s,
            MemberData(name, date(1985, 2, 3), card_number=changes.pop("card", None), **changes),
            now=FIXED_NOW,
            actor="t",
        ).id


def test_a_member_with_nothing_recorded_is_withdrawn_and_kept_in_the_audit_log(store):
    keep = _add(store, "Nguyễn Văn An")
    wrong = _add(store, "Nguyễn Văn Ann", card="00777777", position="Kế toán")
    with store.session() as s, s.begin():
        s.add(MemberNote(member_id=wrong, at=FIXED_NOW, text="ghi chú"))
    with store.session() as s:
        assert member_withdrawal(s, wrong) == "Nguyễn Văn Ann"
    with store.session() as s, s.begin():
        withdraw_member(s, wrong, now=FIXED_NOW, actor="bí thư")
    with store.session() as s:
        assert [m.id for m in s.scalars(select(Member))] == [keep]
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")).all()
        assert sorted(e.entity for e in entries) == ["member", "member_note"]
        row = next(e for e in entries if e.entity == "member")
        detail = audit.detail_of(row)
        assert (row.entity_id, detail["full_name"], detail["card_number"]) == (
            wrong,
            ["Nguyễn Văn Ann", None],
            ["00777777", None],
        )
        assert detail["position"] == ["Kế toán", None]


@pytest.mark.parametrize("history", ["event", "meeting"])
def test_a_member_with_history_is_refused_with_the_way_to_go(store, history):
    member_id = _add(store, "Trần Thị Hà", admitted_on=date(2010, 1, 1), official_on=date(2011, 1, 1))
    with store.session() as s, s.begin():
        if history == "event":
            add_event(s, member_id, "badge", date(2025, 6, 1), now=FIXED_NOW, actor="t")
        else:
            data = MeetingData(kind="regular", on_date=date(2026, 6, 2), attendance={member_id: ("present", "")})
            save_meeting(s, None, data, now=FIXED_NOW, actor="t")
    with pytest.raises(ValidationError) as refused, store.session() as s, s.begin():
        withdraw_member(s, member_id, now=FIXED_NOW, actor="t")
    message = str(refused.value)
    assert "Trần Thị Hà" in message and "sự kiện" in message
    assert ("1 sự kiện trong quá trình" if history == "event" else "đã dự 1 buổi sinh hoạt") in message
    with store.session() as s:
        assert s.get(Member, member_id) is not None
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "withdraw")).all() == []
