"""Undo takes back exactly the last edit, says which, and is refused once anything was recorded after it."""

from datetime import date

import pytest

from khoidesktop.errors import ValidationError
from khoidesktop.members.history import add_event
from khoidesktop.members.records import LastEdit, MemberData, add_member, undo_update, update_member
from khoidesktop.store import audit
from khoidesktop.store.models import Member
from tests.conftest import FIXED_NOW


def saved_edit(store, member_id: int, name: str, **changes) -> LastEdit:
    with store.session() as s, s.begin():
        data = MemberData.of(s.get_one(Member, member_id)).__dict__ | changes
        made = update_member(s, member_id, MemberData(**data), now=FIXED_NOW, actor="t")
        return LastEdit(member_id, name, made, audit.last_entry_id(s))


@pytest.fixture
def member_id(store) -> int:
    with store.session() as s, s.begin():
        return add_member(s, MemberData("Nguyễn Văn An", date(1980, 3, 5)), now=FIXED_NOW, actor="t").id


def test_two_saves_then_undo_takes_back_only_the_second(store, member_id):
    saved_edit(store, member_id, "Nguyễn Văn An", work_unit="Phòng Tổng hợp")
    last = saved_edit(store, member_id, "Nguyễn Văn An", position="Kế toán trưởng")
    assert last.describe() == "Hoàn tác: sửa Chức vụ của Nguyễn Văn An"
    with store.session() as s, s.begin():
        undo_update(s, last, now=FIXED_NOW, actor="t")
    with store.session() as s:
        member = s.get_one(Member, member_id)
        assert (member.position, member.work_unit) == ("", "Phòng Tổng hợp")


def test_undo_names_every_field_of_the_edit_in_the_forms_order(store, member_id):
    last = saved_edit(store, member_id, "Nguyễn Văn An", phone="0912 345 678", position="Chuyên viên")
    assert last.describe() == "Hoàn tác: sửa Chức vụ, Điện thoại của Nguyễn Văn An"


def test_an_edit_followed_by_another_change_is_no_longer_undone(store, member_id):
    last = saved_edit(store, member_id, "Nguyễn Văn An", position="Kế toán trưởng")
    with store.session() as s, s.begin():
        add_event(s, member_id, "badge", date(2025, 6, 1), now=FIXED_NOW, actor="t")
    with pytest.raises(ValidationError, match="không còn là lần sửa cuối"), store.session() as s, s.begin():
        undo_update(s, last, now=FIXED_NOW, actor="t")
    with store.session() as s:
        assert s.get_one(Member, member_id).position == "Kế toán trưởng"
