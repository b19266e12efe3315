"""The member sheet exchanged with Excel: its columns and how their texts map to our codes.

The header texts are those of the forms in use (Vietnamese by nature, not translated); matching folds case,
accents and spaces, so "HO VA TEN" or "Họ và  tên" find the same column.
"""

from __future__ import annotations

from dataclasses import dataclass

from khoidesktop.domain.names import fold


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    aliases: tuple[str, ...] = ()
    kind: str = "text"  # text | date | gender | education | theory | card


COLUMNS: tuple[Column, ...] = (
    Column("full_name", "Họ và tên", ("Họ tên", "Họ và tên đảng viên")),
    Column("birth_date", "Ngày sinh", ("Ngày tháng năm sinh",), "date"),
    Column("gender", "Giới tính", ("Nam/Nữ",), "gender"),
    Column("ethnicity", "Dân tộc"),
    Column("religion", "Tôn giáo"),
    Column("home_town", "Quê quán"),
    Column("position", "Chức vụ", ("Chức vụ, đơn vị công tác",)),
    Column("professional_education", "Trình độ chuyên môn", ("Chuyên môn",), "education"),
    Column("political_theory", "Lý luận chính trị", ("Trình độ lý luận chính trị", "LLCT"), "theory"),
    Column("admitted_on", "Ngày vào Đảng", ("Ngày kết nạp",), "date"),
    Column("official_on", "Ngày chính thức", ("Ngày công nhận chính thức",), "date"),
    Column("card_number", "Số thẻ đảng viên", ("Số thẻ", "Số thẻ Đảng"), "card"),
)
REQUIRED_FIELD = "full_name"


def header_key(text: str) -> str:
    return fold(text).replace(" ", "")


HEADER_INDEX: dict[str, Column] = {
    header_key(name): column for column in COLUMNS for name in (column.header, *column.aliases)
}

GENDER_WORDS = {"nam": "male", "nu": "female"}
GENDER_TEXT = {"male": "Nam", "female": "Nữ"}

EDUCATION_WORDS = {
    "tien si": "doctor",
    "ts": "doctor",
    "thac si": "master",
    "ths": "master",
    "dai hoc": "bachelor",
    "dh": "bachelor",
    "cu nhan": "bachelor",
    "ky su": "bachelor",
    "cao dang": "college",
    "cd": "college",
    "trung cap": "intermediate",
    "tc": "intermediate",
    "so cap": "elementary",
    "chua qua dao tao": "none",
    "khong": "none",
}
EDUCATION_TEXT = {
    "doctor": "Tiến sĩ",
    "master": "Thạc sĩ",
    "bachelor": "Đại học",
    "college": "Cao đẳng",
    "intermediate": "Trung cấp",
    "elementary": "Sơ cấp",
    "none": "Chưa qua đào tạo",
}

THEORY_WORDS = {
    "cao cap": "advanced",
    "cu nhan": "bachelor",
    "trung cap": "intermediate",
    "so cap": "elementary",
    "chua qua dao tao": "none",
    "khong": "none",
}
THEORY_TEXT = {
    "advanced": "Cao cấp",
    "bachelor": "Cử nhân",
    "intermediate": "Trung cấp",
    "elementary": "Sơ cấp",
    "none": "Chưa qua đào tạo",
}

CARD_WIDTHS = (8, 12)  # old cards have 8 digits, the national data-entry template uses 12


def restore_card_width(digits: str, number_format: str = "General") -> str:
    """A card number Excel stored as a number lost its leading zeros: give them back.

    The cell's format says the width when it is like "00000000"; else the nearest standard width."""
    zeros = number_format.strip()
    if zeros and set(zeros) == {"0"}:
        return digits.zfill(len(zeros))
    for width in CARD_WIDTHS:
        if len(digits) <= width:
            return digits.zfill(width)
    return digits


# The rating sheet (often collected in Excel): matched to members by name and date of birth.
RATING_COLUMNS: tuple[Column, ...] = (
    Column("full_name", "Họ và tên", ("Họ tên",)),
    Column("birth_date", "Ngày sinh", ("Ngày tháng năm sinh",), "date"),
    Column("score", "Điểm", ("Tổng điểm", "Điểm đánh giá"), "number"),
    Column("level", "Xếp loại", ("Mức xếp loại", "Kết quả xếp loại"), "level"),
    Column("notes", "Ghi chú"),
)
RATING_HEADER_INDEX: dict[str, Column] = {
    header_key(name): column for column in RATING_COLUMNS for name in (column.header, *column.aliases)
}
LEVEL_WORDS = {
    "htxsnv": "HTXSNV",
    "hoan thanh xuat sac nhiem vu": "HTXSNV",
    "xuat sac": "HTXSNV",
    "httnv": "HTTNV",
    "hoan thanh tot nhiem vu": "HTTNV",
    "tot": "HTTNV",
    "htnv": "HTNV",
    "hoan thanh nhiem vu": "HTNV",
    "khtnv": "KHTNV",
    "khong hoan thanh nhiem vu": "KHTNV",
}
