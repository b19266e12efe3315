"""Training data: the congress that opened a training term (terms/congress.py), with its people, its summoned list
(a cell's official members on the day; made-up delegates above the cells), their attendance and a short political
report kept as a document. Made through the same functions as the window, so it is checked and audited alike."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import kind_of
from khoidesktop.domain.congress import ABSENT, EXCUSED
from khoidesktop.terms.congress import (
    CongressForm,
    attach_bytes,
    save_congress,
    set_attendance,
    summon_members,
    summon_names,
    summoned,
)
from khoidesktop.terms.records import term_row

AGENDA = """1. Khai mạc, bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Kiểm phiếu
2. Báo cáo chính trị của cấp ủy nhiệm kỳ trước
3. Báo cáo kiểm điểm của cấp ủy
4. Thảo luận, góp ý dự thảo văn kiện đại hội cấp trên
5. Bầu cấp ủy nhiệm kỳ mới và đại biểu dự đại hội cấp trên
6. Thông qua nghị quyết đại hội, bế mạc"""
DELEGATES = (
    "Nguyễn Văn An",
    "Trần Thị Bích",
    "Lê Hoàng Cường",
    "Phạm Thị Duyên",
    "Hoàng Văn Giang",
    "Vũ Thị Hạnh",
    "Đặng Minh Khoa",
    "Bùi Thị Lan",
    "Đỗ Văn Minh",
    "Ngô Thị Ngọc",
    "Dương Văn Phúc",
    "Lý Thị Quỳnh",
)
REPORT = (
    "BÁO CÁO CHÍNH TRỊ (tài liệu tập huấn)\n\n"
    "Đánh giá kết quả thực hiện nghị quyết đại hội nhiệm kỳ trước; phương hướng, mục tiêu, nhiệm vụ và giải pháp "
    "nhiệm kỳ mới.\n"
)


def add_demo_congress(session: Session, term_id: int, *, now: datetime, actor: str) -> None:
    """The term's congress on the term's congress date (else its first day), its list, attendance and report."""
    term = term_row(session, term_id)
    day = term.congress_on or term.starts_on
    at_cell = not kind_of(get_identity(session)).aggregates
    first = list(DELEGATES)
    save_congress(
        session,
        CongressForm(
            term_id,
            day,
            "Hội trường cơ quan, tầng 3",
            AGENDA,
            "\n".join(first[:3]),
            "\n".join(first[3:5]),
            "\n".join(first[5:8]),
        ),
        now=now,
        actor=actor,
    )
    if at_cell:
        summon_members(session, term_id, now=now, actor=actor)
    else:
        summon_names(session, term_id, "\n".join(DELEGATES), now=now, actor=actor)
    rows = summoned(session, term_id)
    people = [r.full_name for r in rows]
    if at_cell and len(people) >= 8:  # the presidium and the boards from those summoned
        save_congress(
            session,
            CongressForm(
                term_id,
                day,
                "Hội trường cơ quan, tầng 3",
                AGENDA,
                *("\n".join(p) for p in (people[:3], people[3:5], people[5:8])),
            ),
            now=now,
            actor=actor,
        )
    for row, (attendance, reason) in zip(
        rows[-3:], ((EXCUSED, "Đi công tác"), (EXCUSED, "Ốm, nằm viện"), (ABSENT, "")), strict=False
    ):
        set_attendance(session, row.id, attendance, reason, now=now, actor=actor)
    attach_bytes(
        session,
        term_id,
        REPORT.encode("utf-8"),
        "bao-cao-chinh-tri.txt",
        "political_report",
        "Báo cáo chính trị trình Đại hội",
        day - timedelta(days=10),
        now=now,
        actor=actor,
    )
