from datetime import date, time

import pytest

from khoidesktop.datafile.identity import records_from, set_records_from
from khoidesktop.errors import ValidationError
from khoidesktop.meetings.records import (
    MeetingData,
    add_topic,
    check_vote,
    load_meeting,
    save_meeting,
    template_from_last,
    warnings,
)
from khoidesktop.meetings.stats import year_summary
from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from tests.conftest import FIXED_NOW

NOW = FIXED_NOW


@pytest.fixture
def cell(store):
    """Six members: four official, one probationary, one official who is transferred away temporarily."""
    with store.session() as s, s.begin():
        ids = []
        for i, name in enumerate(
            ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang")
        ):
            official = None if i == 4 else date(2010, 1, 1)
            m = add_member(
                s,
                MemberData(
                    name,
                    date(1980, 1, 1),
                    admitted_on=date(2009, 1, 1) if official else date(2026, 1, 1),
                    official_on=official,
                    status="official" if official else "probationary",
                ),
                now=NOW,
                actor="t",
            )
            ids.append(m.id)
        add_event(s, ids[5], "temporary_out", date(2026, 5, 1), now=NOW, actor="t")
    return store, ids


def meeting(ids, **changes) -> MeetingData:
    attendance = {i: ("present", "") for i in ids}
    values = dict(
        kind="regular",
        on_date=date(2026, 6, 2),
        start_time=time(14, 0),
        end_time=time(15, 45),
        materials_sent_on=date(2026, 5, 30),
        attendance=attendance,
    )
    values.update(changes)
    return MeetingData(**values)


def test_save_and_reload_a_meeting_with_attendance_and_speakers(cell):
    store, ids = cell
    data = meeting(
        ids,
        speakers=[("Trần Thị Bình", "Đồng ý"), ("  ", "bỏ qua dòng trống")],
        content="1. Khai mạc",
        attendance={**{i: ("present", "") for i in ids}, ids[1]: ("excused", "Ốm")},
    )
    with store.session() as s, s.begin():
        meeting_id = save_meeting(s, None, data, now=NOW, actor="t").id
    with store.session() as s:
        back = load_meeting(s, meeting_id)
    assert back.attendance[ids[1]] == ("excused", "Ốm") and back.present == 5
    assert back.speakers == [("Trần Thị Bình", "Đồng ý")]
    assert back.content == "1. Khai mạc"


def test_vote_base_and_two_thirds_on_a_real_meeting(cell):
    """MEETING_VOTE_BASE is QĐ 294's base of an ordinary resolution, and the text says so."""
    store, ids = cell
    attendance = {i: ("present", "") for i in ids}
    attendance[ids[1]] = ("excused", "Đi công tác")  # official absent with a reason: still in the ordinary base
    attendance[ids[2]] = ("unexcused", "")  # absent without a reason: still in the base
    data = meeting(ids, attendance=attendance, vote_rule="two_thirds", votes_for=2, votes_against=0, votes_abstain=0)
    with store.session() as s:
        vote = check_vote(s, data)
    # official: An, Bình, Cường, Dung, Giang; Giang is introduced elsewhere temporarily → base 4 (Bình counted)
    assert (vote.base, vote.needed, vote.passed) == (4, 3, False)
    assert vote.describe("two_thirds") == (
        "Cơ sở tính biểu quyết: 4 đảng viên chính thức (theo cách tính đối với nghị quyết thông thường của chi bộ, "
        "Quy định 294-QĐ/TW ngày 26/5/2025). Cần ít nhất 3 phiếu tán thành (ít nhất hai phần ba): "
        "chưa đủ phiếu để thông qua nghị quyết."
    )


def test_warnings_for_a_short_meeting_and_late_materials(cell):
    _store, ids = cell
    assert warnings(meeting(ids)) == []
    found = warnings(meeting(ids, kind="combined", materials_sent_on=date(2026, 6, 2)))
    assert any("105 phút" in w and "120" in w for w in found)
    assert any("ít nhất 1 ngày" in w for w in found)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"on_date": date(2026, 12, 1)}, "tương lai"),
        ({"start_time": time(16, 0), "end_time": time(14, 0)}, "Giờ kết thúc sớm hơn"),
        ({"votes_for": 9, "vote_rule": "more_than_half"}, "9 phiếu nhưng chỉ 6"),
        ({"kind": "thematic"}, "cần có chủ đề"),
    ],
)
def test_problems_prevent_saving_and_write_nothing(cell, changes, words):
    store, ids = cell
    with pytest.raises(ValidationError, match=words), store.session() as s, s.begin():
        save_meeting(s, None, meeting(ids, **changes), now=NOW, actor="t")
    with store.session() as s:
        assert year_summary(s, 2026, NOW.date()).rows == []


def test_quarterly_thematic_check_and_three_absences(cell):
    store, ids = cell
    with store.session() as s, s.begin():
        topic = add_topic(s, 2026, 2, "Chuyển đổi số", now=NOW)
        for month in range(1, 11):
            attendance = {i: ("present", "") for i in ids}
            if month in (2, 5, 8):
                attendance[ids[3]] = ("unexcused", "")
            kind = "combined" if month == 5 else "regular"
            if month == 7:
                continue  # a month without its meeting
            save_meeting(
                s,
                None,
                meeting(
                    ids,
                    on_date=date(2026, month, 3),
                    kind=kind,
                    attendance=attendance,
                    materials_sent_on=date(2026, month, 1),
                    thematic_topic_id=topic.id if kind == "combined" else None,
                    end_time=time(16, 0),
                    minutes_done=month != 10,
                ),
                now=NOW,
                actor="t",
            )
    with store.session() as s, s.begin():
        set_records_from(s, date(2026, 1, 1), now=NOW, actor="t")  # the file was made in November
    with store.session() as s:
        summary = year_summary(s, 2026, NOW.date())
    assert summary.thematic_held() == {1: 0, 2: 1, 3: 0, 4: 0}
    assert summary.planned == {2: 1}
    warnings_text = "\n".join(summary.warnings)
    assert "Tháng 7/2026: chưa ghi buổi sinh hoạt thường kỳ nào." in warnings_text
    assert "Tháng 11/2026" not in warnings_text  # the month is not over
    assert "Quý 1/2026: chưa ghi buổi sinh hoạt chuyên đề nào." in warnings_text
    assert "Quý 3/2026" in warnings_text and "Quý 4/2026" not in warnings_text
    assert "Phạm Thị Dung vắng sinh hoạt không lý do trong 3 tháng của năm 2026" in warnings_text
    assert "Biên bản buổi sinh hoạt ngày 03/10/2026 chưa hoàn thành." in warnings_text
    figures = summary.as_json()
    assert figures["meetings"] == 9 and figures["meetings_by_month"]["07"] == 0
    assert figures["unexcused_absences"] == [{"full_name": "Phạm Thị Dung", "count": 3, "months": 3}]
    # 6 expected each time, 3 unexcused absences over 9 meetings: 51 of 54 present
    assert figures["average_attendance_percent"] == 94.44


def test_a_new_meeting_copies_last_months_structure(cell):
    store, ids = cell
    with store.session() as s, s.begin():
        save_meeting(
            s,
            None,
            meeting(
                ids,
                place="Hội trường",
                chair="Nguyễn Văn An",
                minute_taker="Lê Văn Cường",
                content="Trình tự riêng của chi bộ",
            ),
            now=NOW,
            actor="t",
        )
    with store.session() as s:
        data = template_from_last(s, date(2026, 7, 1))
    assert (data.kind, data.place, data.chair, data.minute_taker, data.content) == (
        "regular",
        "Hội trường",
        "Nguyễn Văn An",
        "Lê Văn Cường",
        "Trình tự riêng của chi bộ",
    )
    with store.session() as s:
        first = template_from_last(s, date(2026, 1, 1))
    assert first.content.startswith("1. Khai mạc")


def test_a_meeting_before_a_status_change_uses_the_status_of_that_day(cell):
    store, ids = cell
    # Giang left temporarily on 1/5/2026: at an April meeting she was still an ordinary official member
    data = meeting(
        ids,
        on_date=date(2026, 4, 7),
        materials_sent_on=date(2026, 4, 1),
        vote_rule="more_than_half",
        votes_for=5,
        votes_against=0,
        votes_abstain=0,
    )
    with store.session() as s:
        assert check_vote(s, data).base == 5  # An, Bình, Cường, Dung, Giang (Em is probationary)


def test_a_member_transferred_in_is_not_expected_before_arriving(cell):
    store, ids = cell
    with store.session() as s, s.begin():
        newcomer = add_member(
            s,
            MemberData("Đỗ Văn Đến", date(1980, 1, 1), admitted_on=date(2000, 1, 1), official_on=date(2001, 1, 1)),
            now=NOW,
            actor="t",
        ).id
        add_event(s, newcomer, "transfer_in", date(2026, 6, 1), now=NOW, actor="t")
    from khoidesktop.meetings.records import expected_members

    with store.session() as s:
        assert newcomer not in {m.id for m in expected_members(s, date(2026, 4, 7))}
        assert newcomer in {m.id for m in expected_members(s, date(2026, 6, 2))}


def test_votes_cannot_exceed_the_official_members_present(cell):
    store, ids = cell
    data = meeting(ids, vote_rule="more_than_half", votes_for=5, votes_against=0, votes_abstain=0)
    with pytest.raises(ValidationError, match="chỉ 4 đảng viên chính thức có mặt"), store.session() as s, s.begin():
        save_meeting(s, None, data, now=NOW, actor="t")


def test_three_absences_in_two_months_are_not_yet_a_removal_case(cell):
    store, ids = cell
    with store.session() as s, s.begin():
        for day in (date(2026, 3, 3), date(2026, 3, 20), date(2026, 4, 7)):
            attendance = {i: ("present", "") for i in ids}
            attendance[ids[0]] = ("unexcused", "")
            kind = "extraordinary" if day.day == 20 else "regular"
            save_meeting(
                s,
                None,
                meeting(
                    ids,
                    on_date=day,
                    kind=kind,
                    attendance=attendance,
                    materials_sent_on=day.replace(day=1),
                    minutes_done=True,
                ),
                now=NOW,
                actor="t",
            )
    with store.session() as s:
        summary = year_summary(s, 2026, NOW.date())
    assert [(a.count, a.months) for a in summary.unexcused] == [(3, 2)]
    assert not any("đề nghị xóa tên" in w for w in summary.warnings)


def test_resaving_an_old_meeting_keeps_a_recorded_member_who_left_later(cell):
    store, ids = cell
    with store.session() as s, s.begin():
        meeting_id = save_meeting(s, None, meeting(ids), now=NOW, actor="t").id
        # the history is corrected afterwards: Cường had in fact left before the meeting
        add_event(s, ids[2], "transfer_out", date(2026, 5, 20), now=NOW, actor="t")
    from khoidesktop.meetings.records import expected_members

    with store.session() as s:
        data = load_meeting(s, meeting_id)
        assert ids[2] in {m.id for m in expected_members(s, data.on_date, data.attendance)}


def test_in_the_training_data_the_chair_and_the_minute_taker_are_at_every_meeting(demo_store):
    """DOMAIN.md, Meetings: the chair and the minute-taker sign the minutes, so they are present."""
    from sqlalchemy import select

    from khoidesktop.meetings.records import load_meeting
    from khoidesktop.store.models import Meeting, Member

    with demo_store.session() as s:
        names = {m.id: m.full_name for m in s.scalars(select(Member))}
        meetings = [load_meeting(s, meeting_id) for meeting_id in s.scalars(select(Meeting.id))]
    assert meetings
    for data in meetings:
        present = {names[i] for i, (presence, _reason) in data.attendance.items() if presence == "present"}
        assert {data.chair, data.minute_taker} <= present, data.on_date


def test_no_reminder_about_months_before_the_records_start(cell):
    """A file made on 23/11/2026 reminds of nothing before November 2026 (records_from defaults to the month the
    file was made); moved back to May, it reminds of May to October and of the third quarter, not the second."""
    store, _ids = cell
    with store.session() as s:
        assert records_from(s) == date(2026, 11, 1)
        assert year_summary(s, 2026, NOW.date()).warnings == []
        assert year_summary(s, 2025, NOW.date()).warnings == []
        assert year_summary(s, 2026, date(2026, 12, 1)).warnings == [
            "Tháng 11/2026: chưa ghi buổi sinh hoạt thường kỳ nào."
        ]
    with store.session() as s, s.begin():
        set_records_from(s, date(2026, 5, 20), now=NOW, actor="t")
    with store.session() as s:
        warnings = year_summary(s, 2026, date(2026, 12, 1)).warnings
    months = [f"Tháng {m}/2026: chưa ghi buổi sinh hoạt thường kỳ nào." for m in range(5, 12)]
    assert warnings == [*months, "Quý 3/2026: chưa ghi buổi sinh hoạt chuyên đề nào."]
    with pytest.raises(ValidationError, match="sau tháng hiện tại"), store.session() as s, s.begin():
        set_records_from(s, date(2027, 1, 1), now=NOW, actor="t")
