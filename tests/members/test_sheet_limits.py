"""Hostile or broken .xlsx files and values that must not get in (issue 15): each is refused with a Vietnamese
message naming the limit, quickly, the data file unchanged; the command line says so without a traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from khoidesktop.bench.peak import peak_of
from khoidesktop.domain.limits import TEXT_LIMITS
from khoidesktop.errors import ValidationError
from khoidesktop.members.records import MemberData, problems
from khoidesktop.members.sheet_import import plan_import
from khoidesktop.ratings.records import RatingInput
from khoidesktop.ratings.records import problems as rating_problems
from khoidesktop.store.models import AuditEntry, Member
from tests.conftest import FIXED_NOW
from tests.members.hostile_xlsx import (
    MAIN,
    SHEET,
    STRINGS,
    header_rows,
    inline_row,
    shared_row,
    shared_strings,
    sheet,
    workbook,
)

TODAY = FIXED_NOW.date()
ROOT = Path(__file__).resolve().parents[2]
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<sst xmlns="%s"><si><t>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan</t></si><si><t>&h;</t></si></sst>""" % MAIN.encode()
XXE = b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def _huge_string():
    yield f'<?xml version="1.0"?><sst xmlns="{MAIN}"><si><t>Họ và tên</t></si><si><t>'.encode()
    chunk = b"A" * (1 << 20)
    for _ in range(300):  # 300 MB of one text, packed to about 300 KB
        yield chunk
    yield b"</t></si></sst>"


def _many_strings(count: int, distinct: bool = True):
    yield f'<?xml version="1.0"?><sst xmlns="{MAIN}"><si><t>Họ và tên</t></si><si><t>Ngày sinh</t></si>'.encode()
    block = 10_000
    for start in range(0, count, block):
        if distinct:  # packs as real texts do, under the ratio that stops a zip bomb
            yield b"".join(b"<si><t>%d</t></si>" % n for n in range(start, min(count, start + block)))
        else:  # the 600 KB file of the issue
            yield b"<si><t/></si>" * min(block, count - start)
    yield b"</sst>"


def _rows(count: int):
    yield from header_rows()
    for start in range(3, count + 1, 10_000):
        yield b"".join(shared_row(n, 2) for n in range(start, min(count + 1, start + 10_000)))


HOSTILE = {
    "billion laughs": (lambda: {STRINGS: LAUGHS}, "Excel không bao giờ tạo ra"),
    "external entity": (
        lambda: {SHEET: sheet([*header_rows(), inline_row(3, "&x;")], head=XXE)},
        "Excel không bao giờ tạo ra",
    ),
    "malformed sheet": (lambda: {SHEET: b"<worksheet><sheetData><row>"}, "đã hỏng"),
    "malformed strings": (lambda: {STRINGS: b"<sst><si><t>An</si>"}, "đã hỏng"),
    "huge dimension": (
        lambda: {
            SHEET: sheet([*header_rows(), b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'], "A1:XFD1048576")
        },
        "1.048.576 dòng, 16.384 cột; trang tính để nhập chỉ được có tối đa 10.100 dòng và 100 cột",
    ),
    "300 MB shared string": (lambda: {STRINGS: _huge_string()}, "khi giải nén, tệp sẽ lớn hơn 100 MB"),
    "15 million shared strings": (lambda: {STRINGS: _many_strings(15_000_000, distinct=False)}, "lớn hơn 100 MB"),
    "300,001 shared strings": (lambda: {STRINGS: _many_strings(300_001)}, "có hơn 300.000 chuỗi chữ khác nhau"),
    "1 million rows": (
        lambda: {SHEET: sheet(_rows(1_000_000))},
        "thành phần xl/worksheets/sheet1.xml khi giải nén sẽ lớn hơn 30 MB",
    ),
    "10,101 rows": (
        lambda: {SHEET: sheet(_rows(10_101))},
        "có hơn 10.100 dòng; trang tính để nhập chỉ được có tối đa 10.100 dòng",
    ),
    "zip bomb": (lambda: {"xl/styles.xml": b" " * (3 << 20)}, "bị nén hơn 100 lần"),
    "no content types": (lambda: {"[Content_Types].xml": b"<x/>"}, "đã hỏng"),
    "a long text": (
        lambda: {STRINGS: shared_strings([b"H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan", b"A" * 40_000])},
        "dài hơn 32.767 ký tự",
    ),
}


def _state(store, db_path: Path) -> tuple:
    with store.session() as s:
        counts = [s.scalar(select(func.count()).select_from(table)) for table in (Member, AuditEntry)]
    return counts, db_path.read_bytes()


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_hostile_files_are_refused_naming_the_limit(case, store, db_path, tmp_path):
    parts, message = HOSTILE[case]
    path = workbook(tmp_path / "ds.xlsx", parts(), level=1 if "300 MB" in case else 9)
    before = _state(store, db_path)
    with store.session() as session, pytest.raises(ValidationError) as refused:
        plan_import(session, path, TODAY)
    assert message in refused.value.message, refused.value.message
    assert _state(store, db_path) == before


def test_not_a_zip_and_too_many_parts_are_refused(store, tmp_path):
    text = tmp_path / "ds.xlsx"
    text.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    crowded = workbook(tmp_path / "nhieu.xlsx")
    with zipfile.ZipFile(crowded, "a") as book:
        for n in range(1001):
            book.writestr(f"xl/media/image{n}.png", b"")
    with store.session() as session:
        with pytest.raises(ValidationError, match="không phải là tệp Excel"):
            plan_import(session, text, TODAY)
        with pytest.raises(ValidationError, match="có hơn 1.000 thành phần"):
            plan_import(session, crowded, TODAY)


def test_openpyxl_parses_through_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML


@pytest.mark.parametrize("case", ["300 MB shared string", "huge dimension"])
def test_the_command_line_refuses_in_vietnamese_without_a_traceback_and_little_memory(case, store, db_path, tmp_path):
    path = workbook(tmp_path / "ds.xlsx", HOSTILE[case][0](), level=1)
    store.close()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "khoidesktop.bench.peak",
            "main.py",
            "--db",
            str(db_path),
            "members",
            "import",
            str(path),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Lỗi: ") and HOSTILE[case][1] in result.stderr
    assert peak_of(result.stderr) < 300, result.stderr  # the command's own peak (not the test runner's: bench/peak)


# --- values that get through the file but not into the data ---------------------------------------------------


def _sheet(path: Path, *rows: list) -> Path:
    book = Workbook()
    book.active.append(["Họ và tên", "Ngày sinh", "Chức vụ"])
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _messages(store, path: Path) -> list[str]:
    with store.session() as session:
        plan = plan_import(session, path, TODAY)
    return [m for row in plan.rows for m in row.messages]


def test_long_texts_booleans_and_implausible_dates_are_refused_with_row_and_column(store, tmp_path):
    path = _sheet(
        tmp_path / "ds.xlsx",
        ["A" * 2000, "05/09/1985"],
        [True, "05/09/1985"],
        ["Trần Văn Bình", -5],
        ["Lê Thị Cúc", 0.5],
        ["Phạm Văn Dũng", datetime(1899, 12, 25)],
        ["Hoàng Văn Em", "05/09/1985", "x" * 100_000],  # openpyxl keeps 32,767 of them, as Excel does
        ["Nguyễn Thị Giang", "01/01/1890"],
    )
    messages = _messages(store, path)
    assert messages == [
        "Dòng 2, cột “Họ và tên”: nội dung dài 2000 ký tự; cột này chỉ nhận tối đa 100 ký tự.",
        "Dòng 3, cột “Họ và tên”: ô chứa giá trị đúng/sai (TRUE hoặc FALSE), không phải giá trị của cột này: "
        "hãy gõ đúng giá trị.",
        "Dòng 4, cột “Ngày sinh”: “-5” không phải là ngày: hãy gõ ngày theo dạng dd/mm/yyyy.",
        "Dòng 5, cột “Ngày sinh”: “0.5” không phải là ngày: hãy gõ ngày theo dạng dd/mm/yyyy.",
        "Dòng 6, cột “Ngày sinh”: Ngày 25/12/1899 sớm hơn 01/01/1900: hãy kiểm tra lại ngày.",
        "Dòng 7, cột “Chức vụ”: nội dung dài 32767 ký tự; cột này chỉ nhận tối đa 200 ký tự.",
        "Dòng 8, cột “Ngày sinh”: Ngày 01/01/1890 sớm hơn 01/01/1900: hãy kiểm tra lại ngày.",
    ]


def test_a_name_at_its_limit_is_taken(store, tmp_path):
    name = "Nguyễn " + "A" * (TEXT_LIMITS["full_name"] - 7)
    with store.session() as session:
        plan = plan_import(session, _sheet(tmp_path / "ds.xlsx", [name, "05/09/1985", "B" * 200]), TODAY)
    assert plan.clean and plan.rows[0].data is not None and plan.rows[0].data.full_name == name


def test_the_forms_checks_bound_lengths_and_dates(store):
    data = MemberData(full_name="A" * 101, position="B" * 201, birth_date=date(1899, 12, 25))
    with store.session() as session:
        found = {p.field: p.message for p in problems(session, data.normalized(), TODAY)}
    assert found == {
        "full_name": "Họ và tên dài 101 ký tự; chỉ được tối đa 100 ký tự.",
        "position": "Chức vụ dài 201 ký tự; chỉ được tối đa 200 ký tự.",
        "birth_date": "Ngày sinh sớm hơn 01/01/1900: hãy kiểm tra lại ngày.",
    }
    assert rating_problems(2025, RatingInput(notes="x" * 2001)) == [
        "Ghi chú dài 2001 ký tự; chỉ được tối đa 2000 ký tự."
    ]
