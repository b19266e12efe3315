"""Danh sách đảng viên: content, order, long lists over many pages, progress and cancel."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from khoidesktop.bench.roster import bench_roster
from khoidesktop.errors import Cancelled, ValidationError
from khoidesktop.members.documents import roster_pdf
from khoidesktop.members.records import MemberData, active_members
from khoidesktop.reports import ReportWriteError
from khoidesktop.store.database import open_store
from khoidesktop.store.models import Member
from tests.conftest import FIXED_NOW, TODAY, add_members
from tests.reports.pdf import all_text, page_labels, page_texts

GIVEN = ["An", "Bình", "Cường", "Dũng", "Định", "Hà", "Hải", "Hạnh", "Lan", "Thắng", "Thông", "Yến"]


def generated(count: int) -> list[MemberData]:
    """Members born 1960–1976, admitted 2000–2004 (always at 24 or older), official a year later."""
    return [
        MemberData(
            f"Nguyễn Văn {GIVEN[i % len(GIVEN)]} {i:03d}",
            birth_date=date(1960, 1, 1) + timedelta(days=20 * i),
            gender="male" if i % 3 else "female",
            admitted_on=date(2000, 1, 1) + timedelta(days=5 * i),
            official_on=date(2001, 1, 1) + timedelta(days=5 * i),
            card_number=f"{i:08d}",
            position="Chuyên viên",
        )
        for i in range(count)
    ]


@pytest.fixture
def big_store(store):
    add_members(store, generated(300))
    return store


def test_lists_the_active_members_in_vietnamese_order(demo_store, tmp_path: Path):
    path = roster_pdf(demo_store, tmp_path / "ds.pdf", today=TODAY)
    with demo_store.session() as session:
        members = active_members(session)
    text = all_text(path)
    position = 0
    for number, member in enumerate(members, start=1):
        position = text.index(f"{number} {member.full_name} ", position)
    assert f"Tổng số: {len(members)} đảng viên" in text
    with demo_store.session() as session:
        everyone = session.scalar(select(func.count()).select_from(Member))
    assert len(members) == everyone - 1  # all but the one transferred out


def test_a_row_has_every_column_in_order(three_store, tmp_path: Path):
    text = all_text(roster_pdf(three_store, tmp_path / "ds.pdf", today=TODAY))
    for header in (
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Số thẻ đảng viên",
        "Chức vụ",
    ):
        assert header in text, header
    assert "1 Nguyễn Văn Định 05/03/1980 Nam 01/06/2005 01/06/2006 01234567 Trưởng phòng" in text
    assert "2 Lê Thị Hà 31/12/1995 Nữ 19/05/2026 Chuyên viên" in text  # probationary: no official date
    assert "000123456789" in text  # leading zeros kept, a 12-digit card on one line
    assert "Tổng số: 3 đảng viên" in text


def test_long_list_pages_are_numbered_and_each_starts_with_the_header(big_store, tmp_path: Path):
    path = roster_pdf(big_store, tmp_path / "ds.pdf", today=TODAY)
    texts = page_texts(path)
    assert len(texts) >= 8
    assert page_labels(path) == [(n, len(texts)) for n in range(1, len(texts) + 1)]
    for text in texts[1:]:
        assert text.startswith("STT Họ và tên Ngày sinh"), text[:80]
        assert text.count("Họ và tên") == 1
    text = " ".join(texts)
    numbers = [n for n in range(1, 301) if f" {n} Nguyễn Văn " in text]
    assert numbers == list(range(1, 301))
    assert "Tổng số: 300 đảng viên" in texts[-1] and "BÍ THƯ" in texts[-1]


def test_progress_reaches_the_total(big_store, tmp_path: Path):
    seen: list[tuple[int, int]] = []
    roster_pdf(big_store, tmp_path / "ds.pdf", today=TODAY, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 5
    assert {total for _, total in seen} == {300}
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == 300


def test_cancel_leaves_no_file(big_store, tmp_path: Path):
    calls: list[int] = []

    def cancelled() -> bool:
        return len(calls) >= 2

    with pytest.raises(Cancelled):
        roster_pdf(
            big_store,
            tmp_path / "ds.pdf",
            today=TODAY,
            progress=lambda done, total: calls.append(done),
            cancelled=cancelled,
        )
    assert calls and calls[-1] < 300
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")] == []


def test_cancel_keeps_an_existing_file_as_it_was(big_store, tmp_path: Path):
    target = tmp_path / "ds.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(Cancelled):
        roster_pdf(big_store, target, today=TODAY, cancelled=lambda: True)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_a_missing_folder_is_a_user_error(three_store, tmp_path: Path):
    with pytest.raises(ReportWriteError, match="không tồn tại"):
        roster_pdf(three_store, tmp_path / "missing" / "ds.pdf", today=TODAY)


def test_a_data_file_without_a_cell_cannot_make_documents(tmp_path: Path):
    bare = open_store(tmp_path / "bare.sqlite", create=True, lock=False, now=lambda: FIXED_NOW)
    try:
        with pytest.raises(ValidationError):
            roster_pdf(bare, tmp_path / "ds.pdf", today=TODAY)
    finally:
        bare.close()
    assert not (tmp_path / "ds.pdf").exists()


def test_empty_cell_gives_a_list_with_a_total_of_zero(store, tmp_path: Path):
    text = all_text(roster_pdf(store, tmp_path / "ds.pdf", today=TODAY))
    assert "Tổng số: 0 đảng viên" in text and "Trang 1/1" in text


def test_bench_runs_and_counts_pages(tmp_path: Path):
    seconds, pages = bench_roster(60, tmp_path / "bench.pdf")
    assert seconds > 0
    assert pages == len(page_texts(tmp_path / "bench.pdf")) >= 2
