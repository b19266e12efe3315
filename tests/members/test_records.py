from datetime import date

import pytest
from sqlalchemy import func, select

from khoidesktop.errors import ValidationError
from khoidesktop.members.history import add_event, events_of
from khoidesktop.members.queries import badges_in
from khoidesktop.members.records import MemberData, add_member, problems, update_member
from khoidesktop.members.structure import headline_counts
from khoidesktop.store.models import AuditEntry, Member
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


def values(**changes) -> dict:
    return MemberData(**{"full_name": "Hoàng Văn Thụ", **changes}).normalized()


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"birth_date": date(2027, 1, 1)}, "birth_date", "Ngày sinh là ngày trong tương lai"),
        (
            {"birth_date": date(1990, 1, 1), "admitted_on": date(2007, 1, 1)},
            "admitted_on",
            "sớm hơn ngày đảng viên đủ 18 tuổi",
        ),
        ({"admitted_on": date(2010, 1, 1), "official_on": date(2009, 1, 1)}, "official_on", "trước ngày vào Đảng"),
        ({"official_on": date(2009, 1, 1)}, "admitted_on", "cần có cả ngày vào Đảng"),
        ({"card_number": "12-34"}, "card_number", "6 đến 12 chữ số"),
        ({"personal_id": "0221850001"}, "personal_id", "đúng 12 chữ số"),
        ({"gender": "other"}, "gender", "không phải là giới tính hợp lệ"),
        ({"full_name": "  "}, "full_name", "Hãy điền họ và tên"),
    ],
)
def test_each_rule_names_its_field(store, changes, field, words):
    with store.session() as s:
        found = problems(s, values(**changes), TODAY)
    assert [p.field for p in found] == [field]
    assert words in found[0].message


def test_a_valid_member_has_no_problem(store):
    with store.session() as s:
        assert (
            problems(
                s,
                values(
                    birth_date=date(1990, 1, 1),
                    admitted_on=date(2015, 5, 19),
                    official_on=date(2016, 5, 19),
                    card_number="00123456",
                    personal_id="022090001234",
                    phone="0912 345 678",
                ),
                TODAY,
            )
            == []
        )


def test_update_records_what_changed_and_keeps_the_card_unique(store):
    with store.session() as s, s.begin():
        a = add_member(s, MemberData("Lý Thị Mai", card_number="11111111"), now=FIXED_NOW, actor="t").id
        b = add_member(s, MemberData("Lý Thị Lan", card_number="22222222"), now=FIXED_NOW, actor="t").id
    with store.session() as s, s.begin():
        changes = update_member(
            s, a, MemberData("Lý Thị  Mai", card_number="11111111", position="Kế toán"), now=FIXED_NOW, actor="t"
        )
    assert changes == {"position": ("", "Kế toán")}
    with pytest.raises(ValidationError, match="22222222 đã thuộc về"), store.session() as s, s.begin():
        update_member(s, a, MemberData("Lý Thị Mai", card_number="22222222"), now=FIXED_NOW, actor="t")
    with store.session() as s:
        assert s.get(Member, a).card_number == "11111111" and s.get(Member, b).card_number == "22222222"
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one().entity_id == a


def test_events_drive_the_status_and_nothing_is_deleted(store):
    with store.session() as s, s.begin():
        m = add_member(
            s,
            MemberData(
                "Tạ Quang Bửu", birth_date=date(1980, 1, 1), admitted_on=date(2005, 1, 1), official_on=date(2006, 1, 1)
            ),
            now=FIXED_NOW,
            actor="t",
        )
        add_event(s, m.id, "transfer_out", date(2026, 6, 1), document_number="12-QĐ/ĐU", now=FIXED_NOW, actor="t")
    with store.session() as s:
        member = s.get(Member, m.id)
        assert member.status == "transferred_out"
        assert headline_counts(s, FIXED_NOW.date()).active == 0  # out of the active list …
        assert [e.kind for e in events_of(s, m.id)] == ["transfer_out"]  # … but kept, with its history
    with pytest.raises(ValidationError, match="hình thức kỷ luật"), store.session() as s, s.begin():
        add_event(s, m.id, "discipline", date(2026, 1, 1), now=FIXED_NOW, actor="t")
    with pytest.raises(ValidationError, match="tương lai"), store.session() as s, s.begin():
        add_event(s, m.id, "exempt", date(2027, 1, 1), now=FIXED_NOW, actor="t")


def test_badges_of_a_year(store):
    with store.session() as s, s.begin():
        for name, admitted in (
            ("Võ Văn Kiệt", date(1996, 3, 3)),
            ("Lê Duẩn", date(1986, 8, 8)),
            ("Trường Chinh", date(1991, 1, 1)),
        ):
            add_member(
                s,
                MemberData(name, admitted_on=admitted, official_on=admitted.replace(year=admitted.year + 1)),
                now=FIXED_NOW,
                actor="t",
            )
    with store.session() as s:
        assert [(m.full_name, years) for m, years in badges_in(s, 2026)] == [("Lê Duẩn", 40), ("Võ Văn Kiệt", 30)]


def test_a_batch_of_new_members_is_checked_like_one_written_at_once_and_audited(store):
    from khoidesktop.members.records import add_members

    with store.session() as s, s.begin():
        first = add_member(s, MemberData("Lý Thị Mai", card_number="11111111"), now=FIXED_NOW, actor="t").id
    batch = [MemberData("Trần  Văn An", card_number="33333333"), MemberData("Đỗ Thị Hà", birth_date=date(1990, 2, 3))]
    with store.session() as s, s.begin():
        ids = add_members(s, batch, now=FIXED_NOW, actor="t")
    assert ids == [first + 1, first + 2]
    with store.session() as s:
        added = [s.get(Member, i) for i in ids]
        assert [m.full_name for m in added] == ["Trần Văn An", "Đỗ Thị Hà"]  # normalised as one by one
        assert added[0].sort_key and added[0].search_key == "tran van an" and added[0].given_name == "An"
        audited = s.scalars(select(AuditEntry.entity_id).where(AuditEntry.entity == "member")).all()
        assert sorted(audited) == [first, *ids]
    # a card already in the file, or twice in the batch, refuses the whole batch
    for taken in ("11111111", "44444444"):
        clash = [MemberData("Phạm Văn Bình", card_number="44444444"), MemberData("Vũ Văn Cường", card_number=taken)]
        with pytest.raises(ValidationError, match=f"{taken} đã thuộc về"), store.session() as s, s.begin():
            add_members(s, clash, now=FIXED_NOW, actor="t")
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 3
