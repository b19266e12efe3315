"""Training data: a deterministic (seeded) cell of about 35 made-up members.

Dates are placed relative to the reference date, so the data stays plausible in any year. Later features
(meetings, ratings, recruitment) add their own generators on top of these members.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import IdentityData, create_identity, set_records_from
from khoidesktop.demo.elections import fill_demo_elections
from khoidesktop.demo.meetings import fill_demo_meetings
from khoidesktop.demo.ratings import fill_demo_ratings
from khoidesktop.demo.recruitment import fill_demo_recruitment
from khoidesktop.demo.term import fill_demo_term
from khoidesktop.domain.dates import add_years
from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.models import MemberNote

DEMO_SEED = 20261123
DEMO_SIZE = 35

DEMO_IDENTITY = IdentityData(
    cell_name="Chi bộ Văn phòng Sở",
    org_name="Đảng bộ Sở Tài chính",
    superior_name="Đảng ủy các cơ quan Đảng tỉnh",
    place_name="Hạ Long",
    secretary_name="",  # filled with the demo member who is secretary
    training=True,
)

FAMILY = (
    ["Nguyễn"] * 8
    + ["Trần"] * 3
    + ["Lê"] * 3
    + ["Phạm"] * 2
    + ["Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Phan", "Lương"]
)
MIDDLE = {
    "male": ["Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Công", "Đình", "Thanh"],
    "female": ["Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Phương", "Thúy"],
}
GIVEN = {
    "male": [
        "Hùng",
        "Dũng",
        "Tuấn",
        "Hải",
        "Thắng",
        "Thông",
        "Long",
        "Nam",
        "Sơn",
        "Quân",
        "Cường",
        "Hiếu",
        "Phúc",
        "An",
        "Bình",
        "Định",
        "Khánh",
        "Trung",
    ],
    "female": [
        "Hà",
        "Hạnh",
        "Hanh",
        "Lan",
        "Hương",
        "Mai",
        "Trang",
        "Thảo",
        "Linh",
        "Nhung",
        "Yến",
        "Huyền",
        "Loan",
        "Ánh",
        "Oanh",
        "Vân",
        "Ngân",
    ],
}
ETHNICITY = ["Kinh"] * 30 + ["Tày", "Dao", "Sán Dìu", "Sán Chay", "Nùng"]
RELIGION = ["Không"] * 31 + ["Phật giáo", "Phật giáo", "Công giáo"]
POSITIONS = (
    ["Chuyên viên"] * 10
    + ["Chuyên viên chính"] * 4
    + ["Trưởng phòng", "Phó Trưởng phòng", "Kế toán", "Văn thư", "Thủ quỹ", "Lái xe", "Cán sự"]
)
UNITS = [
    "Văn phòng Sở",
    "Phòng Tổng hợp",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Quản lý giá",
    "Phòng Tin học và Thống kê",
]
TOWNS = [
    "Hạ Long, Quảng Ninh",
    "Cẩm Phả, Quảng Ninh",
    "Uông Bí, Quảng Ninh",
    "Đông Triều, Quảng Ninh",
    "Tiên Lãng, Hải Phòng",
    "Kim Sơn, Ninh Bình",
    "Hưng Hà, Hưng Yên",
    "Tiên Yên, Quảng Ninh",
]
EDUCATION = ["bachelor"] * 20 + ["master"] * 8 + ["college"] * 3 + ["intermediate"] * 2 + ["doctor"]
THEORY = ["intermediate"] * 14 + ["elementary"] * 10 + ["advanced"] * 5 + ["bachelor"] + ["none"] * 2


@dataclass(frozen=True)
class DemoPerson:
    data: MemberData
    note: str | None = None
    leaves: tuple[str, date] | None = None  # (event kind, date) that took the member off the active list


def _random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def _person(rng: random.Random, index: int, today: date, used_cards: set[str]) -> DemoPerson:
    gender = "female" if rng.random() < 0.45 else "male"
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
    born = _random_date(rng, date(today.year - 60, 1, 1), date(today.year - 24, 12, 31))
    admitted = _random_date(rng, date(born.year + 22, 1, 1), min(today, date(born.year + 38, 12, 31)))
    if index < 3:  # a few recent admissions: still probationary
        admitted = today - timedelta(days=60 + 90 * index)
    elif index == 5:  # one member reaches the 30-year Party badge this year
        born = date(today.year - 54, born.month, min(born.day, 28))
        admitted = date(today.year - 30, 5, 19)
    official = add_years(admitted, 1) if add_years(admitted, 1) <= today else None
    status = "official" if official else "probationary"
    note, leaves = None, None
    if index == 3:
        note = "Miễn sinh hoạt do sức khỏe (có đơn và quyết định của cấp ủy)."
        leaves = ("exempt", today - timedelta(days=200))
    elif index == 4:
        note = "Chuyển sinh hoạt chính thức sang Đảng bộ Sở Xây dựng."
        leaves = ("transfer_out", today - timedelta(days=45))
    card = f"{rng.randrange(10**8):08d}"  # 8-digit card numbers keep their leading zeros
    while card in used_cards:
        card = f"{rng.randrange(10**8):08d}"
    used_cards.add(card)
    century = (0 if born.year < 2000 else 2) + (1 if gender == "female" else 0)
    personal_id = f"022{century}{born.year % 100:02d}{rng.randrange(10**6):06d}"
    return DemoPerson(
        MemberData(
            full_name=name,
            birth_date=born,
            gender=gender,
            ethnicity=rng.choice(ETHNICITY),
            religion=rng.choice(RELIGION),
            home_town=rng.choice(TOWNS),
            residence=rng.choice(TOWNS),
            position=rng.choice(POSITIONS),
            work_unit=rng.choice(UNITS),
            general_education="12/12",
            professional_education=rng.choice(EDUCATION),
            political_theory=rng.choice(THEORY),
            admitted_on=admitted,
            official_on=official,
            card_number=card,
            personal_id=personal_id,
            phone=f"09{rng.randrange(10**8):08d}",
            status=status,
        ),
        note,
        leaves,
    )


def demo_people(today: date, seed: int = DEMO_SEED, size: int = DEMO_SIZE) -> list[DemoPerson]:
    rng = random.Random(seed)
    used: set[str] = set()
    return [_person(rng, i, today, used) for i in range(size)]


def fill_demo(session: Session, *, now: datetime, actor: str, seed: int = DEMO_SEED) -> None:
    """Write the training cell: identity (marked as training) and its members, in the caller's transaction."""
    people = demo_people(now.date(), seed)
    secretary = next(p for p in people if p.data.status == "official" and p.leaves is None).data.full_name
    create_identity(session, replace(DEMO_IDENTITY, secretary_name=secretary), now=now, actor=actor)
    set_records_from(session, date(now.year, 1, 1), now=now, actor=actor)  # the meetings are this year's
    for number, person in enumerate(people, start=1):
        member = add_member(session, person.data, now=now, actor=actor)
        data = person.data
        assert data.admitted_on is not None  # every demo member has been admitted (_person)
        add_event(
            session,
            member.id,
            "admitted",
            data.admitted_on,
            now=now,
            actor=actor,
            document_number=f"{100 + number}-QĐ/ĐU",
        )
        if data.official_on:
            add_event(
                session,
                member.id,
                "official",
                data.official_on,
                now=now,
                actor=actor,
                document_number=f"{200 + number}-QĐ/ĐU",
            )
        if person.leaves:
            kind, on = person.leaves
            add_event(
                session,
                member.id,
                kind,
                on,
                now=now,
                actor=actor,
                document_number=f"{300 + number}-QĐ/ĐU",
                note=person.note or "",
            )
        if person.note:
            session.add(MemberNote(member_id=member.id, at=now, text=person.note))
    session.flush()
    fill_demo_recruitment(session, now=now, actor=actor)  # first: those it admitted attend and are rated
    fill_demo_meetings(session, now=now, actor=actor, secretary=secretary, seed=seed)
    fill_demo_ratings(session, now=now, actor=actor, seed=seed)
    fill_demo_term(session, now=now, actor=actor, secretary=secretary)
    fill_demo_elections(session, now=now, actor=actor)  # the elections that chose the term's committee
