from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from khoidesktop.errors import ValidationError
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.ratings.sheet_import import apply_rating_import, plan_rating_import
from khoidesktop.store.models import Rating
from tests.conftest import FIXED_NOW


@pytest.fixture
def cell(store):
    with store.session() as s, s.begin():
        for name, born in (
            ("Nguyễn Văn An", date(1980, 1, 1)),
            ("Trần Thị Bình", date(1985, 5, 5)),
            ("Lê Mới", date(2000, 1, 1)),
        ):
            admitted = date(2025, 10, 1) if name == "Lê Mới" else date(2005, 1, 1)
            add_member(
                s,
                MemberData(
                    name,
                    born,
                    admitted_on=admitted,
                    official_on=None if name == "Lê Mới" else date(2006, 1, 1),
                    status="probationary" if name == "Lê Mới" else "official",
                ),
                now=FIXED_NOW,
                actor="t",
            )
    return store


def sheet(path, rows):
    book = Workbook()
    book.active.append(["Họ và tên", "Ngày sinh", "Điểm", "Xếp loại", "Ghi chú"])
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def count(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Rating))


def test_a_clean_sheet_is_imported(cell, tmp_path):
    path = sheet(
        tmp_path / "xl.xlsx",
        [
            ["nguyen van an", "01/01/1980", 91.5, "", "Tiêu biểu"],
            ["Trần Thị Bình", "05/05/1985", "75,5", "Hoàn thành tốt nhiệm vụ", ""],
        ],
    )
    with cell.session() as s, s.begin():
        plan = plan_rating_import(s, path, 2025)
        assert plan.clean and plan.count("add") == 2
        apply_rating_import(s, plan, 2025, now=FIXED_NOW, actor="t")
    with cell.session() as s:
        got = {r.score: r.level for r in s.scalars(select(Rating))}
    assert got == {91.5: "HTXSNV", 75.5: "HTTNV"}  # a missing level follows from the score


@pytest.mark.parametrize(
    "row, words",
    [
        (["Nguyễn Văn Ba", "01/01/1980", 80, "", ""], "không có đảng viên nào tên Nguyễn Văn Ba"),
        (["Lê Mới", "01/01/2000", 80, "", ""], "không xếp loại năm nay"),
        (["Nguyễn Văn An", "01/01/1980", 120, "", ""], "Điểm phải từ 0 đến 100"),
        (["Nguyễn Văn An", "01/01/1980", "tám", "", ""], "“tám” không phải là số"),
        (["Nguyễn Văn An", "01/01/1980", 80, "Giỏi", ""], "“Giỏi” không phải là một trong"),
    ],
)
def test_bad_rows_reject_the_whole_sheet(cell, tmp_path, row, words):
    path = sheet(tmp_path / "xl.xlsx", [["Trần Thị Bình", "05/05/1985", 75, "", ""], row])
    with cell.session() as s:
        plan = plan_rating_import(s, path, 2025)
    assert not plan.clean and any(words in m for r in plan.rejected for m in r.messages), plan.rejected
    with pytest.raises(ValidationError), cell.session() as s, s.begin():
        apply_rating_import(s, plan, 2025, now=FIXED_NOW, actor="t")
    assert count(cell) == 0


def test_the_same_member_twice_is_rejected(cell, tmp_path):
    path = sheet(tmp_path / "xl.xlsx", [["Trần Thị Bình", "05/05/1985", 75, "", ""]] * 2)
    with cell.session() as s:
        plan = plan_rating_import(s, path, 2025)
    assert plan.rejected[0].messages == ["Dòng 3: Trần Thị Bình đã có ở dòng 2."]


def test_reimporting_keeps_the_facts_the_sheet_does_not_carry(cell, tmp_path):
    from khoidesktop.ratings.records import RatingInput, rating_rows, save_rating

    with cell.session() as s, s.begin():
        member = next(r.member.id for r in rating_rows(s, 2025) if r.member.full_name == "Nguyễn Văn An")
        save_rating(
            s,
            2025,
            member,
            RatingInput(level="KHTNV", score=40, degradation=True, notes="Đã kiểm điểm"),
            now=FIXED_NOW,
            actor="t",
        )
    path = sheet(tmp_path / "xl.xlsx", [["Nguyễn Văn An", "01/01/1980", 85, "", ""]])
    with cell.session() as s, s.begin():
        apply_rating_import(s, plan_rating_import(s, path, 2025), 2025, now=FIXED_NOW, actor="t")
    with cell.session() as s:
        row = next(r for r in rating_rows(s, 2025) if r.member.id == member)
    assert row.rating.degradation and row.rating.notes == "Đã kiểm điểm"
    assert row.automatic == ["degradation"] and "Phải xếp loại" in row.flags[0]  # still flagged, not silently cleared
