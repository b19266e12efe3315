"""Biên bản sinh hoạt chi bộ: the demo's minutes and a meeting made here, read back from the PDF."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from khoidesktop.errors import ValidationError
from khoidesktop.meetings.documents import minutes_pdf
from khoidesktop.meetings.figures import MeetingData
from khoidesktop.meetings.records import check_vote, expected_members, load_meeting, save_meeting
from khoidesktop.meetings.stats import meetings_of
from khoidesktop.store.models import Member
from tests.conftest import FIXED_NOW, IDENTITY, TODAY
from tests.reports.pdf import all_text, assert_fonts_embedded, assert_no_english, flat, page_texts

SOURCES = [
    Path(__file__).parents[2] / "khoidesktop" / "meetings" / name for name in ("minutes_pdf.py", "report_pdf.py")
]


@pytest.fixture
def september(demo_store) -> tuple[int, MeetingData]:
    """The demo's September meeting: one member absent without a reason, others with one."""
    with demo_store.session() as session:
        row = next(r for r in meetings_of(session, 2026) if r.on_date.month == 9)
        return row.id, load_meeting(session, row.id)


def name_of(store, member_id: int) -> str:
    with store.session() as session:
        return session.get(Member, member_id).full_name


def test_demo_minutes_hold_the_meeting_in_the_usual_order(demo_store, september, tmp_path: Path):
    meeting_id, data = september
    path = minutes_pdf(demo_store, tmp_path / "bb.pdf", meeting_id=meeting_id, today=TODAY)
    text = all_text(path)
    day = data.on_date.strftime("%d/%m/%Y")
    unexcused = [m for m, (p, _r) in data.attendance.items() if p == "unexcused"]
    excused = [(m, r) for m, (p, r) in data.attendance.items() if p == "excused"]
    assert len(unexcused) == 1 and excused
    with demo_store.session() as session:
        vote = check_vote(session, data)
    order = [
        "-BB/CB",
        f"ngày {data.on_date.day:02d} tháng 9 năm 2026",
        "BIÊN BẢN sinh hoạt chi bộ",
        "Sinh hoạt thường kỳ tháng 9/2026",
        "1. Thời gian, địa điểm, thành phần",
        f"Thời gian bắt đầu: 14 giờ 00 phút, ngày {day}.",
        f"Địa điểm: {data.place}.",
        f"Chủ trì: đồng chí {data.chair}.",
        f"Thư ký: đồng chí {data.minute_taker}.",
        f"Có mặt: {data.present}/{len(data.attendance)} đảng viên.",
        f"Vắng mặt: {len(data.attendance) - data.present} đảng viên, gồm:",
        "2. Nội dung sinh hoạt",
        "1. Khai mạc, điểm danh đảng viên",
        "6. Kết luận, biểu quyết nghị quyết; bế mạc.",
        "3. Ý kiến thảo luận",
        f"Đồng chí {data.speakers[0][0]}: {data.speakers[0][1]}",
        "4. Kết luận",
        data.conclusion,
        "5. Nghị quyết và kết quả biểu quyết",
        data.resolution,
        f"Kết quả biểu quyết: {data.votes_for} đồng chí tán thành, 0 đồng chí không tán thành, "
        "1 đồng chí không biểu quyết.",
        flat(vote.describe("more_than_half")),
        "Buổi sinh hoạt kết thúc lúc 15 giờ 45 phút cùng ngày.",
        "THƯ KÝ",
        "T/M CHI BỘ",
        "CHỦ TRÌ",
    ]
    position = 0
    for phrase in order:
        assert phrase in text[position:], phrase
        position = text.index(phrase, position) + len(phrase)
    assert "thông qua" in text and vote.passed
    assert f"Đồng chí {name_of(demo_store, unexcused[0])} (không lý do)" in text
    member, reason = excused[0]
    assert f"Đồng chí {name_of(demo_store, member)} (có lý do: {reason})" in text
    last = page_texts(path)[-1]
    assert data.minute_taker in last.split("THƯ KÝ")[-1] and data.chair in last.split("CHỦ TRÌ")[-1]
    assert "Nơi nhận" not in text
    assert_fonts_embedded(path)
    assert_no_english(text, SOURCES)


def test_a_meeting_made_here_shows_its_speakers_topic_and_two_thirds_vote(three_store, tmp_path: Path):
    on = date(2026, 11, 10)
    with three_store.session() as session, session.begin():
        members = expected_members(session, on)
        assert len(members) == 3
        data = MeetingData(
            kind="thematic",
            on_date=on,
            start_time=time(8, 5),
            end_time=time(10, 30),
            place="Hội trường A & B",
            chair="Phạm Đình Thắng",
            minute_taker="Nguyễn Văn Định",
            guests="Đại diện Đảng ủy <cấp trên>",
            topic="Đạo đức & lối sống <của> đảng viên",
            materials_sent_on=date(2026, 11, 6),
            content="Quán triệt chuyên đề.\n\nThảo luận liên hệ bản thân.",
            conclusion="Thống nhất nội dung chuyên đề.",
            resolution="Thông qua kế hoạch học tập.",
            vote_rule="two_thirds",
            votes_for=1,
            votes_against=0,
            votes_abstain=0,
            minutes_done=False,
            attendance={
                members[0].id: ("present", ""),
                members[1].id: ("excused", "Ốm"),
                members[2].id: ("unexcused", ""),
            },
            speakers=[
                ("Lê Thị Hà", "Ý kiến thứ nhất & <quan trọng>.\nÝ kiến thứ hai."),
                ("Phạm Đình Thắng", "Đồng ý."),
            ],
        )
        meeting = save_meeting(session, None, data, now=FIXED_NOW, actor="test")
        meeting_id = meeting.id
    with three_store.session() as session:
        saved = load_meeting(session, meeting_id)
        vote = check_vote(session, saved)
        names = {m.id: m.full_name for m in expected_members(session, on)}
    path = minutes_pdf(three_store, tmp_path / "bb.pdf", meeting_id=meeting_id, today=TODAY)
    text = all_text(path)
    for phrase in (
        "Sinh hoạt chuyên đề tháng 11/2026",
        "Chuyên đề: Đạo đức & lối sống <của> đảng viên",
        "Thời gian bắt đầu: 08 giờ 05 phút, ngày 10/11/2026.",
        "Địa điểm: Hội trường A & B.",
        "Khách mời: Đại diện Đảng ủy <cấp trên>.",
        "Có mặt: 1/3 đảng viên.",
        f"Đồng chí {names[members[1].id]} (có lý do: Ốm)",
        f"Đồng chí {names[members[2].id]} (không lý do)",
        "Quán triệt chuyên đề. Thảo luận liên hệ bản thân.",
        "Đồng chí Lê Thị Hà: Ý kiến thứ nhất & <quan trọng>. Ý kiến thứ hai.",
        "Đồng chí Phạm Đình Thắng: Đồng ý.",
        "Thông qua kế hoạch học tập.",
        "Kết quả biểu quyết: 1 đồng chí tán thành, 0 đồng chí không tán thành, 0 đồng chí không biểu quyết.",
        flat(vote.describe("two_thirds")),
        "ít nhất hai phần ba",
        "Buổi sinh hoạt kết thúc lúc 10 giờ 30 phút cùng ngày.",
        f"{IDENTITY.place_name}, ngày 10 tháng 11 năm 2026",
    ):
        assert phrase in text, phrase
    assert text.index("Lê Thị Hà: Ý kiến") < text.index("Phạm Đình Thắng: Đồng ý")
    last = page_texts(path)[-1]
    assert last.index("THƯ KÝ") < last.index("Nguyễn Văn Định") and last.index("CHỦ TRÌ") < last.rindex(
        "Phạm Đình Thắng"
    )
    assert "&amp;" not in text and "&lt;" not in text
    assert_no_english(text, SOURCES)


def test_a_meeting_without_times_or_vote_prints_only_what_it_has(three_store, tmp_path: Path):
    on = date(2026, 10, 20)
    with three_store.session() as session, session.begin():
        members = expected_members(session, on)
        data = MeetingData(
            kind="extraordinary",
            on_date=on,
            topic="Kiện toàn cấp ủy",
            chair="Phạm Đình Thắng",
            attendance={m.id: ("present", "") for m in members},
        )
        meeting_id = save_meeting(session, None, data, now=FIXED_NOW, actor="test").id
    text = all_text(minutes_pdf(three_store, tmp_path / "bb.pdf", meeting_id=meeting_id, today=TODAY))
    assert "Sinh hoạt bất thường tháng 10/2026" in text and "Về việc: Kiện toàn cấp ủy" in text
    assert "Thời gian bắt đầu: ngày 20/10/2026." in text
    assert "Có mặt: 3/3 đảng viên." in text and "Vắng mặt: không." in text
    for absent in ("Kết quả biểu quyết", "Cơ sở tính biểu quyết", "kết thúc lúc", "Ý kiến thảo luận", "Thư ký:"):
        assert absent not in text, absent
    assert "1. Thời gian, địa điểm, thành phần" in text
    assert "2. Nội dung sinh hoạt" not in text and "Kết luận" not in text  # empty sections are left out
    assert_no_english(text, SOURCES)


def test_a_missing_meeting_is_a_user_error(three_store, tmp_path: Path):
    with pytest.raises(ValidationError):
        minutes_pdf(three_store, tmp_path / "bb.pdf", meeting_id=999, today=TODAY)
    assert not (tmp_path / "bb.pdf").exists()
