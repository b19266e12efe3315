"""Training data: a year of meetings for the demo cell (attendance, minutes, the thematic plan), with a
few things for the overview to warn about (repeated unexcused absences, unfinished minutes)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from khoidesktop.domain.meetings import REGULAR_OUTLINE, in_vote_base
from khoidesktop.meetings.figures import MeetingData
from khoidesktop.meetings.records import (
    add_topic,
    default_presence,
    expected_members,
    save_meeting,
    voters,
)

TOPICS = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm, chống lãng phí",
    "Nâng cao chất lượng sinh hoạt chi bộ theo Chỉ thị 50-CT/TW",
    "Chuyển đổi số trong công tác chuyên môn của cơ quan",
    "Vai trò tiên phong, gương mẫu của đảng viên trong thực hiện nhiệm vụ chính trị",
    "Phòng, chống tham nhũng, tiêu cực trong cơ quan hành chính",
    "Công tác phát triển đảng viên trong quần chúng ưu tú",
)
PLACE = "Phòng họp tầng 2, trụ sở Sở Tài chính"


def _first_weekday(year: int, month: int, weekday: int = 1) -> date:
    day = date(year, month, 3)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def fill_demo_meetings(session: Session, *, now: datetime, actor: str, secretary: str, seed: int) -> None:
    rng = random.Random(seed)
    year = now.year
    topics = [add_topic(session, year, q, TOPICS[(q - 1) % len(TOPICS)], now=now) for q in (1, 2, 3, 4)]
    add_topic(session, year, 2, TOPICS[4], now=now)
    last_month = now.month - 1 if now.day < 10 else now.month
    truant = None
    for month in range(1, last_month + 1):
        on = _first_weekday(year, month)
        if on > now.date():
            break
        quarter = (month - 1) // 3 + 1
        combined = month % 3 == 2  # one thematic part per quarter, in its middle month
        members = expected_members(session, on)
        truant = truant or (members[5].id if len(members) > 5 else None)
        attendance = {}
        for member in members:
            roll = rng.random()
            presence = default_presence(session, member, on)
            if presence[0] != "present":
                attendance[member.id] = presence
            elif member.id == truant and month in (3, 6, 9):
                attendance[member.id] = ("unexcused", "")
            elif roll < 0.06:
                attendance[member.id] = ("excused", rng.choice(("Đi công tác", "Ốm", "Việc gia đình")))
            else:
                attendance[member.id] = ("present", "")
        minute_taker = members[1].full_name if len(members) > 1 else ""
        for member in members:  # the chair and the minute-taker sign the minutes: they are there (DOMAIN.md)
            if member.full_name in (secretary, minute_taker) and attendance[member.id][0] != "present":
                attendance[member.id] = ("present", "")
        data = MeetingData(
            kind="combined" if combined else "regular",
            on_date=on,
            start_time=time(14, 0),
            end_time=time(16, 15) if combined else time(15, 45),
            place=PLACE,
            chair=secretary,
            minute_taker=minute_taker,
            guests="",
            topic=topics[quarter - 1].title if combined else f"Sinh hoạt chi bộ thường kỳ tháng {month}/{year}",
            thematic_topic_id=topics[quarter - 1].id if combined else None,
            materials_sent_on=on - timedelta(days=2 if month != 4 else 0),
            content=REGULAR_OUTLINE,
            conclusion="Chi bộ thống nhất đánh giá kết quả tháng và nhiệm vụ tháng tới như dự thảo.",
            resolution=f"Nghị quyết chi bộ tháng {month}/{year}.",
            vote_rule="more_than_half",
            votes_against=0,
            minutes_done=month != last_month,
            attendance=attendance,
            speakers=[
                (m.full_name, "Đồng ý với dự thảo; đề nghị bổ sung nội dung phân công cụ thể.") for m in members[2:4]
            ],
        )
        official_present = sum(in_vote_base(v) and v.presence == "present" for v in voters(session, data))
        data.votes_for, data.votes_abstain = official_present - 1, 1  # only official members vote
        save_meeting(session, None, data, now=now, actor=actor)
