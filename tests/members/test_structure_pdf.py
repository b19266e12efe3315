"""Báo cáo cơ cấu đảng viên: the figures printed are those of structure_on(), checked by hand on a small cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khoidesktop.domain.structure import GROUP_LABELS, SECTIONS, Share
from khoidesktop.i18n import _
from khoidesktop.members.documents import structure_pdf
from khoidesktop.members.records import MemberData
from khoidesktop.members.structure import structure_on
from khoidesktop.members.structure_pdf import percent_text
from tests.conftest import TODAY, add_members
from tests.reports.pdf import all_text, page_texts

ON = date(2026, 11, 22)
FIVE = (  # ages on 22/11/2026: 26, 35, 45, 55, 62
    MemberData(
        "Hoàng Thị Lan",
        birth_date=date(2000, 5, 1),
        gender="female",
        ethnicity="Tày",
        religion="Không",
        professional_education="bachelor",
        political_theory="elementary",
        admitted_on=date(2026, 3, 2),
        status="probationary",
    ),
    MemberData(
        "Nguyễn Văn Nam",
        birth_date=date(1991, 1, 1),
        gender="male",
        ethnicity="Kinh",
        religion="Phật giáo",
        professional_education="master",
        political_theory="intermediate",
        admitted_on=date(2015, 1, 1),
        official_on=date(2016, 1, 1),
    ),
    MemberData(
        "Trần Thị Mai",
        birth_date=date(1981, 11, 23),
        gender="female",
        ethnicity="Kinh",
        professional_education="bachelor",
        political_theory="intermediate",
        admitted_on=date(2008, 1, 1),
        official_on=date(2009, 1, 1),
    ),
    MemberData(
        "Lê Văn Hùng",
        birth_date=date(1971, 6, 1),
        gender="male",
        ethnicity="Kinh",
        professional_education="doctor",
        political_theory="advanced",
        admitted_on=date(1998, 1, 1),
        official_on=date(1999, 1, 1),
    ),
    MemberData(
        "Phạm Văn Sơn",
        birth_date=date(1964, 2, 2),
        gender="male",
        ethnicity="Kinh",
        professional_education="college",
        political_theory="advanced",
        admitted_on=date(1990, 1, 1),
        official_on=date(1991, 1, 1),
    ),
)


@pytest.fixture
def report(store, tmp_path: Path) -> Path:
    add_members(store, FIVE)
    return structure_pdf(store, tmp_path / "co-cau.pdf", on=ON, today=TODAY)


def test_title_date_and_total(report: Path):
    text = all_text(report)
    assert "BÁO CÁO cơ cấu đảng viên" in text and "(Tính đến ngày 22/11/2026)" in text
    assert "Tính đến ngày 22/11/2026, chi bộ có 5 đảng viên" in text
    assert "Số -BC/CB" in text


@pytest.mark.parametrize(
    "row",
    [
        "Đảng viên nữ 2 40,00%",
        "Người dân tộc thiểu số 1 20,00%",
        "Có tôn giáo 1 20,00%",
        "Dưới 30 tuổi 1 20,00%",
        "Từ 30 đến 40 tuổi 1 20,00%",
        "Từ 41 đến 50 tuổi 1 20,00%",
        "Từ 51 đến 60 tuổi 1 20,00%",
        "Trên 60 tuổi 1 20,00%",
        "Dưới 40 tuổi 2 40,00%",
        "Tiến sĩ 1 20,00%",
        "Thạc sĩ 1 20,00%",
        "Đại học 2 40,00%",
        "Cao đẳng 1 20,00%",
        "Cao cấp 2 40,00%",
        "Trung cấp 2 40,00%",
        "Sơ cấp 1 20,00%",
        "Đảng viên chính thức 4 80,00%",
        "Đảng viên dự bị 1 20,00%",
    ],
)
def test_hand_checked_figures(report: Path, row: str):
    assert row in all_text(report)


def test_every_figure_is_the_one_structure_on_gives(store, report: Path):
    with store.session() as session:
        structure = structure_on(session, ON)
    assert structure.total == 5
    text = all_text(report)
    for number, (title, keys) in enumerate(SECTIONS, start=1):
        assert f"{number}. {_(title)}" in text
        for row, key in enumerate(keys, start=1):
            share = structure.groups[key]
            assert f"{row} {_(GROUP_LABELS[key])} {share.count} {percent_text(share)}" in text, key


def test_signed_at_the_end(report: Path):
    last = page_texts(report)[-1]
    assert "T/M CHI BỘ" in last and "BÍ THƯ" in last and "Nơi nhận:" in last


def test_percent_text_is_vietnamese():
    assert percent_text(Share(66, 250)) == "26,40%"
    assert percent_text(Share(305, 450)) == "67,78%"
    assert percent_text(Share(0, 0)) == "0,00%"
