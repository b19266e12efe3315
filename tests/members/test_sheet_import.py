from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from khoidesktop.errors import ValidationError
from khoidesktop.members.records import MemberData, active_members, add_member
from khoidesktop.members.sheet_export import write_members_xlsx
from khoidesktop.members.sheet_import import apply_import, plan_import
from khoidesktop.store.models import AuditEntry, Member
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()
HEADERS = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Dân tộc",
    "Tôn giáo",
    "Quê quán",
    "Chức vụ",
    "Trình độ chuyên môn",
    "Lý luận chính trị",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
]


def sheet(path: Path, rows: list[list], headers: list[str] = HEADERS, above: list[list] = ()) -> Path:
    book = Workbook()
    ws = book.active
    for row in above:
        ws.append(row)
    ws.append(headers)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def state(store) -> tuple:
    with store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Member)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


def plan(store, path: Path):
    with store.session() as s:
        return plan_import(s, path, TODAY)


def run_import(store, path: Path):
    with store.session() as s, s.begin():
        result = plan_import(s, path, TODAY)
        apply_import(s, result, now=FIXED_NOW, actor="test")
    return result


ROW = [
    "Nguyễn Thị Ánh",
    "05/09/1985",
    "Nữ",
    "Tày",
    "Không",
    "Tiên Yên, Quảng Ninh",
    "Chuyên viên",
    "Thạc sĩ",
    "Trung cấp",
    "12/03/2012",
    "12/03/2013",
    "01234567",
]


def test_export_then_import_is_lossless(demo_store, store, tmp_path):
    path = tmp_path / "ds.xlsx"
    with demo_store.session() as s:
        original = active_members(s)
        write_members_xlsx(original, path)
    assert load_workbook(path).active["L2"].data_type == "s"  # card numbers written as text
    result = run_import(store, path)
    assert result.count("add") == len(original) and result.clean
    fields = (
        "full_name",
        "birth_date",
        "gender",
        "ethnicity",
        "religion",
        "home_town",
        "position",
        "professional_education",
        "political_theory",
        "admitted_on",
        "official_on",
        "card_number",
    )
    with store.session() as s:
        imported = {(m.full_name, m.birth_date): m for m in active_members(s)}
    for m in original:
        twin = imported[(m.full_name, m.birth_date)]
        assert [getattr(twin, f) for f in fields] == [getattr(m, f) for f in fields]
    again = plan(store, path)
    assert again.count("unchanged") == len(original) and again.count("add") == 0


def test_headers_are_matched_by_name_whatever_the_case_accents_order_and_title_rows(store, tmp_path):
    headers = ["STT", "SO THE DANG VIEN", "  họ và  TÊN ", "ngay sinh", "GIOI TINH", "Ghi chú"]
    path = sheet(
        tmp_path / "a.xlsx",
        [[1, "00012345", "Lê Văn Định", "01/02/1980", "nam", "x"]],
        headers,
        above=[["DANH SÁCH ĐẢNG VIÊN"], []],
    )
    run_import(store, path)
    with store.session() as s:
        m = s.scalars(select(Member)).one()
    assert (m.full_name, m.card_number, m.birth_date, m.gender) == ("Lê Văn Định", "00012345", date(1980, 2, 1), "male")


def test_numbers_and_excel_dates_are_read_back_as_text_and_dates(store, tmp_path):
    path = tmp_path / "n.xlsx"
    book = Workbook()
    ws = book.active
    ws.append(["Họ và tên", "Ngày sinh", "Số thẻ đảng viên"])
    ws.append(["Phạm Hải", datetime(1979, 12, 31), 1234567])
    ws.append(["Phạm Hà", 29221, 98765])  # a date left as a serial number
    ws["C3"].number_format = "000000000000"
    book.save(path)
    run_import(store, path)
    with store.session() as s:
        got = {m.full_name: (m.birth_date, m.card_number) for m in s.scalars(select(Member))}
    assert got == {"Phạm Hải": (date(1979, 12, 31), "01234567"), "Phạm Hà": (date(1980, 1, 1), "000000098765")}


def test_a_known_member_is_updated_not_added(store, tmp_path):
    with store.session() as s, s.begin():
        add_member(
            s,
            MemberData("Nguyễn Thị Ánh", birth_date=date(1985, 9, 5), card_number="01234567", position="Cán sự"),
            now=FIXED_NOW,
            actor="t",
        )
        add_member(
            s, MemberData("Vũ Văn Bình", birth_date=date(1970, 1, 1), position="Lái xe"), now=FIXED_NOW, actor="t"
        )
    path = sheet(tmp_path / "u.xlsx", [ROW, ["Vũ Văn Bình", "01/01/1970", "", "", "", "", "Tổ trưởng"]])
    result = run_import(store, path)
    assert (result.count("update"), result.count("add")) == (2, 0)
    with store.session() as s:
        positions = {m.full_name: m.position for m in s.scalars(select(Member))}
    assert positions == {"Nguyễn Thị Ánh": "Chuyên viên", "Vũ Văn Bình": "Tổ trưởng"}


@pytest.mark.parametrize(
    "change, words",
    [
        ({1: "31/02/1980"}, "Dòng 3, cột “Ngày sinh”: “31/02/1980” không phải là ngày có thật"),
        ({2: "Khác"}, "Dòng 3, cột “Giới tính”: “Khác” không phải là một trong: Nam, Nữ"),
        ({7: "Kỹ thuật viên cao cấp"}, "cột “Trình độ chuyên môn”"),
        ({1: "05/09/2030"}, "Dòng 3, cột “Ngày sinh”: Ngày sinh là ngày trong tương lai"),
        ({10: "01/01/2011"}, "Dòng 3, cột “Ngày chính thức”: Ngày chính thức trước ngày vào Đảng"),
        ({11: "12AB"}, "Số thẻ đảng viên gồm 6 đến 12 chữ số"),
        ({0: ""}, "Dòng 3, cột “Họ và tên”: chưa có tên"),
    ],
)
def test_each_bad_value_rejects_the_file_and_changes_nothing(store, tmp_path, change, words):
    row = list(ROW)
    for index, value in change.items():
        row[index] = value
    path = sheet(tmp_path / "bad.xlsx", [ROW[:1] + ["01/01/1990"] + ROW[2:11] + ["07654321"], row])
    before = state(store)
    result = plan(store, path)
    assert not result.clean and result.count("add") == 1
    assert any(words in message for r in result.rejected for message in r.messages), result.rejected
    with pytest.raises(ValidationError), store.session() as s, s.begin():
        apply_import(s, result, now=FIXED_NOW, actor="t")
    assert state(store) == before


def test_duplicates_are_rejected(store, tmp_path):
    with store.session() as s, s.begin():
        add_member(s, MemberData("Đỗ Thị Cúc", card_number="55555555"), now=FIXED_NOW, actor="t")
    rows = [ROW, ROW[:11] + ["01234567"], ["Lê Văn Lộc", "", "", "", "", "", "", "", "", "", "", "55555555"]]
    result = plan(store, sheet(tmp_path / "d.xlsx", rows))
    messages = [m for r in result.rejected for m in r.messages]
    assert "Dòng 3: số thẻ 01234567 đã có ở dòng 2." in messages
    assert any("thuộc về Đỗ Thị Cúc" in m for m in messages)


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda p: p.write_text("không phải Excel", encoding="utf-8"), r"không phải là tệp Excel \(.xlsx\)"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100), r"không phải là tệp Excel \(.xlsx\)"),
        (lambda p: sheet(p, [["Nguyễn Văn A"]], ["Tên", "Ngày sinh"]), "Không tìm thấy cột “Họ và tên”"),
        (lambda p: Workbook().save(p), "không có dữ liệu"),
        (lambda p: sheet(p, []), "không có đảng viên nào"),
    ],
)
def test_files_that_cannot_be_read_are_explained(store, tmp_path, make, words):
    path = tmp_path / "f.xlsx"
    make(path)
    before = state(store)
    with pytest.raises(ValidationError, match=words):
        plan(store, path)
    assert state(store) == before


def test_an_old_xls_file_is_explained(store, tmp_path):
    path = tmp_path / "cu.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(ValidationError, match=r"Excel 97-2003 \(.xls\)"):
        plan(store, path)


def test_a_year_alone_in_a_date_column_is_refused(store, tmp_path):
    path = sheet(tmp_path / "nam.xlsx", [["Lê Văn Năm", 1980]], ["Họ và tên", "Ngày sinh"])
    result = plan(store, path)
    assert result.rejected[0].messages == ["Dòng 2, cột “Ngày sinh”: “1980” mới chỉ là năm: hãy ghi đủ ngày/tháng/năm."]
