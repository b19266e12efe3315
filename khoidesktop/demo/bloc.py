"""Made-up cells for a bloc: real cell data files filled quickly (members and their ratings), each exporting
its real bundle. Used by the training bloc, the bloc tests and the benchmark."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from khoidesktop.datafile.create import create_data_file
from khoidesktop.datafile.identity import IdentityData
from khoidesktop.datafile.kinds import CELL, KINDS, SUPERIOR
from khoidesktop.demo.cell import EDUCATION, ETHNICITY, FAMILY, GIVEN, MIDDLE, RELIGION, THEORY
from khoidesktop.domain.names import fold, sort_key
from khoidesktop.domain.periods import Period
from khoidesktop.exchange.bundle_export import export_bundle
from khoidesktop.store.models import (
    Candidate,
    CandidateStep,
    Meeting,
    MeetingAttendance,
    Member,
    Rating,
    RatingYear,
    RecruitmentTarget,
)

if TYPE_CHECKING:
    from khoidesktop.exchange.bundle_import import Outcome
    from khoidesktop.store.database import Store

UNIT_NAMES = [
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Công Thương",
    "Sở Giáo dục và Đào tạo",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Dân tộc",
    "Kho bạc Nhà nước tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Cục Thuế tỉnh",
    "Đài Phát thanh và Truyền hình",
]
DEMO_BLOC = IdentityData(
    "Đảng bộ các cơ quan Đảng tỉnh",
    "Đảng bộ các cơ quan Đảng tỉnh",
    "Tỉnh ủy Quảng Ninh",
    "Hạ Long",
    "Hoàng Minh Đức",
    training=True,
    kind=SUPERIOR.code,
)
DEMO_UNITS, DEMO_MEMBERS = 12, 480
LEVELS = ["HTXSNV"] * 2 + ["HTTNV"] * 13 + ["HTNV"] * 4 + ["KHTNV"]  # about 15 % of HTTNV: some cells over the cap


DEMO_GRASSROOTS = "Đảng bộ Sở Tài chính"  # the grassroots organisation of the made-up cells under one


def unit_identity(number: int, training: bool, kind: str = CELL.code, org: str = DEMO_GRASSROOTS) -> IdentityData:
    """A made-up cell: a cell of the grassroots organisation `org`, or (kind base_cell) a chi bộ cơ sở under the
    superior committee."""
    base = UNIT_NAMES[number % len(UNIT_NAMES)]
    suffix = f" {number // len(UNIT_NAMES) + 1}" if number >= len(UNIT_NAMES) else ""
    return IdentityData(
        cell_name=f"Chi bộ {base}{suffix}",
        org_name=org if KINDS[kind].tier == 0 else f"Chi bộ {base}{suffix}",
        superior_name="Đảng ủy các cơ quan Đảng tỉnh",
        place_name="Hạ Long",
        training=training,
        kind=kind,
    )


def _members(rng: random.Random, count: int, today: date, now: datetime) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        gender = "female" if rng.random() < 0.45 else "male"
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
        born = date(today.year - rng.randint(23, 64), rng.randint(1, 12), rng.randint(1, 28))
        # admitted at 20 to 40, and before last year; about 3% last year (the share a unit admits in a year)
        year = born.year + rng.randint(20, 40)
        if year >= today.year - 1:
            year = rng.randint(born.year + 18, today.year - 2)
        if rng.random() < 0.03:
            year = today.year - 1
        admitted = date(year, rng.randint(1, 12), rng.randint(1, 28))
        official = date(admitted.year + 1, admitted.month, admitted.day)
        rows.append(
            {
                "full_name": name,
                "sort_key": sort_key(name),
                "search_key": fold(name),
                "birth_date": born,
                "gender": gender,
                "ethnicity": rng.choice(ETHNICITY),
                "religion": rng.choice(RELIGION),
                "professional_education": rng.choice(EDUCATION),
                "political_theory": rng.choice(THEORY),
                "admitted_on": admitted,
                "official_on": official if official <= today else None,
                "status": "official" if official <= today else "probationary",
                "created_at": now,
                "updated_at": now,
            }
        )
    return rows


def make_cell(
    path: Path,
    number: int,
    members: int,
    *,
    seed: int,
    now: datetime,
    training: bool = False,
    identity: IdentityData | None = None,
) -> None:
    """A cell data file with `members` members, all rated for last year (a chi bộ cơ sở unless `identity`)."""
    rng = random.Random(seed * 1000 + number)
    store = create_data_file(path, identity or unit_identity(number, training), actor="demo", now=lambda: now)
    try:
        with store.session() as session, session.begin():
            session.execute(insert(Member), _members(rng, members, now.date(), now))
            year = now.year - 1
            session.add(
                RatingYear(
                    year=year,
                    rating_date=date(year, 12, 15),
                    cap_percent=20,
                    cell_level=rng.choice(LEVELS),
                    updated_at=now,
                )
            )
            ids = session.scalars(
                Member.__table__.select().with_only_columns(Member.id).where(Member.admitted_on < date(year, 6, 1))
            ).all()
            session.execute(
                insert(Rating),
                [{"year": year, "member_id": i, "level": rng.choice(LEVELS), "updated_at": now} for i in ids],
            )
            _meetings(session, rng, year, ids, now)
            _recruitment(session, rng, year, now)
    finally:
        store.close()


def _meetings(session: Session, rng: random.Random, year: int, member_ids: Sequence[int], now: datetime) -> None:
    """A meeting each month (a thematic part each quarter, now and then missed), with its attendance."""
    for month in range(1, 13):
        if rng.random() < 0.05:
            continue
        kind = "combined" if month % 3 == 0 and rng.random() < 0.9 else "regular"
        meeting = Meeting(
            kind=kind, on_date=date(year, month, rng.randint(3, 10)), minutes_done=True, created_at=now, updated_at=now
        )
        session.add(meeting)
        session.flush()
        session.execute(
            insert(MeetingAttendance),
            [
                {
                    "meeting_id": meeting.id,
                    "member_id": i,
                    "presence": "present" if rng.random() < 0.93 else rng.choice(("excused", "unexcused")),
                }
                for i in member_ids
            ],
        )


def _recruitment(session: Session, rng: random.Random, year: int, now: datetime) -> None:
    """The year's target and the candidates admitted against it."""
    target = rng.randint(1, 4)
    session.add(RecruitmentTarget(first_year=year, last_year=year, target=target))
    for number in range(rng.randint(0, target + 1)):
        candidate = Candidate(full_name=f"Quần chúng {number + 1}", created_at=now, updated_at=now)
        session.add(candidate)
        session.flush()
        month = rng.randint(2, 11)
        session.add_all(
            [
                CandidateStep(candidate_id=candidate.id, step="application", on_date=date(year, month - 1, 5)),
                CandidateStep(candidate_id=candidate.id, step="decision", on_date=date(year, month, 20)),
                CandidateStep(candidate_id=candidate.id, step="ceremony", on_date=date(year, month + 1, 10)),
            ]
        )


def make_bundles(
    folder: Path,
    units: int,
    members: int,
    *,
    now: datetime,
    seed: int = 2026,
    training: bool = False,
    reports: bool = False,
    late: int = 0,
    kind: str = CELL.code,
    org: str = DEMO_GRASSROOTS,
    progress: Callable[[int, int], None] = lambda _d, _t: None,
) -> list[Path]:
    """`units` cells of `kind` (cells of the grassroots organisation `org`, or chi bộ cơ sở) sharing `members`
    members between them, each with its bundle for last year (the last `late` ones only for the year before: they
    are late)."""
    from khoidesktop.store.database import open_store

    folder.mkdir(parents=True, exist_ok=True)
    sizes = [members // units + (i < members % units) for i in range(units)]
    bundles = []
    for number, size in enumerate(sizes):
        cell = folder / f"don-vi-{number + 1:02d}.sqlite"
        identity = unit_identity(number, training, kind, org)
        make_cell(cell, number, size, seed=seed, now=now, training=training, identity=identity)
        store = open_store(cell, lock=False, now=lambda: now)
        try:
            year = now.year - 1 - (number >= units - late)
            out = folder / f"don-vi-{number + 1:02d}-{year}.khoi"
            export_bundle(store, out, Period(year), today=now.date(), now=now, actor="demo", reports=reports)
        finally:
            store.close()
        bundles.append(out)
        progress(number + 1, units)
    return bundles


def import_generated(store: Store, paths: list[Path], *, now: datetime, actor: str) -> list[Outcome]:
    """Import generated cells' bundles, accepting their keys unasked (made here: nobody to ask)."""
    from khoidesktop.exchange.bundle_import import check_files, import_checked, keys_to_confirm

    checked = check_files(paths)
    with store.session() as session:
        trusted = {q.trust for q in keys_to_confirm(session, checked, now)}
    return import_checked(store, checked, trusted=trusted, now=now, actor=actor)
