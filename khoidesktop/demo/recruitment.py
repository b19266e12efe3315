"""Training data: recruitment files at every step (one overdue, one stale), and the targets."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from khoidesktop.domain.dates import add_years
from khoidesktop.domain.recruitment import STEP_CODES, step_applies
from khoidesktop.members.structure import members_on
from khoidesktop.recruitment.records import CandidateData, official_members_on, record_step, save_candidate
from khoidesktop.recruitment.stats import set_target

if TYPE_CHECKING:
    from khoidesktop.store.models import Candidate

# name, gender, the last step reached, days ago of the first step, days between steps, who introduces
FILES = (
    ("Đặng Thị Thu Trang", "female", "source", 30, 0, "members"),
    ("Bùi Văn Khoa", "male", "application", 60, 0, "members"),
    ("Lại Thị Minh Thư", "female", "verification", 120, 20, "trade_union"),
    ("Tạ Quang Huy", "male", "comments", 150, 20, "members"),
    ("Mai Thị Hồng Nhung", "female", "cell_resolution", 310, 25, "members"),  # the decision is overdue
    ("Lò Văn Sáng", "male", "committee_resolution", 120, 15, "youth_union"),
    ("Châu Thị Ngọc Bích", "female", "decision", 110, 12, "members"),
    ("Vương Đình Lộc", "male", "ceremony", 260, 25, "members"),
    ("Kiều Thị Hằng", "female", "self_report", 560, 25, "members"),
    ("Triệu Văn Phong", "male", "official", 760, 25, "members"),
    ("Doãn Thị Hà", "female", "application", 430, 0, "members"),  # stale: no move for more than 12 months
)


def fill_demo_recruitment(session: Session, *, now: datetime, actor: str) -> None:
    today = now.date()
    set_target(session, today.year, today.year, 3)
    set_target(session, 2025, 2030, 12)
    for name, gender, last, days_ago, gap, case in FILES:
        start = today - timedelta(days=days_ago)
        officials = [m for m in members_on(session, start) if m.official_on and m.official_on <= add_years(start, -1)]
        candidate = save_candidate(
            session,
            None,
            CandidateData(
                name,
                date(start.year - 27, 3, 14),
                gender,
                "Kinh",
                "Không",
                "Hạ Long, Quảng Ninh",
                "Chuyên viên",
                "Văn phòng Sở",
                "bachelor",
                "elementary",
                certificate_on=start - timedelta(days=40),
                introducer1_id=officials[0].id,
                introducer1_since=add_years(start, -2),
                introducer2_id=officials[1].id,
                introducer2_since=add_years(start, -2),
                introduction_case=case,
            ),
            now=now,
            actor=actor,
        )
        on = start
        for step in [code for code in STEP_CODES[: STEP_CODES.index(last) + 1] if step_applies(code, case)]:
            if step == "cell_resolution":
                candidate.votes_for = official_members_on(session, on)
                candidate.votes_against = candidate.votes_abstain = 0
            if step == "official_vote":
                on = max(on, add_years(steps_start(candidate, session), 1))
            record_step(
                session,
                candidate.id,
                step,
                on,
                now=now,
                actor=actor,
                document_number=f"{STEP_CODES.index(step) + 1}-{candidate.id}/CB",
            )
            session.flush()
            on = min(on + timedelta(days=gap), today)
            if step == "ceremony" and last != "ceremony":
                on = min(add_years(on, 1), today)  # the probation year


def steps_start(candidate: Candidate, session: Session) -> date:
    from khoidesktop.recruitment.records import steps_of

    return steps_of(session, candidate.id)["ceremony"].on_date
