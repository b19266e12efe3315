"""Báo cáo kết quả đánh giá, xếp loại and Danh sách đề nghị xếp loại: the demo's ratings, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from khoidesktop.datafile.identity import get_identity
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import format_date, format_number
from khoidesktop.ratings.documents import rating_list_pdf, ratings_report_pdf
from khoidesktop.ratings.records import rating_rows, year_figures
from tests.conftest import TODAY
from tests.reports.pdf import all_text, assert_fonts_embedded, assert_no_english, page_texts

SOURCES = [Path(__file__).parents[2] / "khoidesktop" / "ratings" / name for name in ("report_pdf.py", "list_pdf.py")]
LEVELS_VI = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}
REASON_RECENT = "vào Đảng chưa đủ 6 tháng tính đến thời điểm đánh giá"


def vi_percent(value: float) -> str:
    return format_number(value, 2) + "%"


def in_order(text: str, phrases: list[str]) -> None:
    position = 0
    for phrase in phrases:
        assert phrase in text[position:], phrase
        position = text.index(phrase, position) + len(phrase)


def test_the_2025_report_gives_the_year_figures(demo_store, tmp_path: Path):
    with demo_store.session() as session:
        figures = year_figures(session, 2025).as_json()
        total = len(rating_rows(session, 2025))
        secretary = get_identity(session).secretary_name
    path = ratings_report_pdf(demo_store, tmp_path / "bc.pdf", year=2025, today=TODAY, number="07")
    text = all_text(path)
    rated, levels = figures["rated"], figures["levels"]
    assert rated == sum(level["count"] for level in levels.values()) > 20
    assert figures["not_rated"] and figures["cell_level"] == "HTTNV"
    good = figures["good_or_better"]
    cap = figures["excellent_cap"]
    in_order(
        text,
        [
            "Số 07-BC/CB",
            "BÁO CÁO kết quả đánh giá, xếp loại đảng viên năm 2025",
            "theo Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW.",
            "theo thang 100 điểm",
            f"Tại thời điểm đánh giá (15/12/2025), danh sách của chi bộ có {total} đảng viên; "
            f"đã đánh giá, xếp loại {rated} đồng chí, không đánh giá, xếp loại {len(figures['not_rated'])} đồng chí.",
            *[f"- Đồng chí {n['full_name']}: {n['reason'][:1].lower()}{n['reason'][1:]}" for n in figures["not_rated"]],
            "STT Mức xếp loại Số lượng Tỷ lệ",
            *[
                f"{i} {LEVELS_VI[lv]} {levels[lv]['count']} {vi_percent(levels[lv]['percent'])}"
                for i, lv in enumerate(LEVELS_VI, start=1)
            ],
            f"Tổng số đảng viên được xếp loại {rated} 100,00%",
            f"Số đảng viên “Hoàn thành tốt nhiệm vụ” trở lên: {good['count']} đồng chí, chiếm "
            f"{vi_percent(good['percent'])} số đảng viên được xếp loại; so với chỉ tiêu của chi bộ (từ 95% trở lên): "
            "đạt chỉ tiêu.",
            f"Số đảng viên được đề nghị xếp loại “Hoàn thành xuất sắc nhiệm vụ”: {cap['actual']}.",
            # QĐ 366, quoted as written: the base is those rated HTTNV only, decided by the competent level
            "số đảng viên xếp loại “Hoàn thành xuất sắc nhiệm vụ” không vượt quá 20% tổng số đảng viên được xếp loại "
            "“Hoàn thành tốt nhiệm vụ”, do cấp có thẩm quyền xem xét, quyết định.",
            f"{cap['cap_percent']}% của {levels['HTTNV']['count']} đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” trong "
            f"chi bộ là {cap['allowed']}: không vượt tỷ lệ cho phép; đảng ủy cơ sở xem xét, quyết định trên toàn "
            "đảng bộ.",
            "Kết quả xếp loại chi bộ",
            "Chi bộ được xếp loại: “Hoàn thành tốt nhiệm vụ”.",
            "Nơi nhận:",
            "T/M CHI BỘ",
            "BÍ THƯ",
            secretary,
        ],
    )
    assert format_number(levels["HTXSNV"]["percent"], 2) + "%" in text and REASON_RECENT in text
    assert good["percent"] >= 95 and not cap["exceeded"]
    assert cap["allowed"] == levels["HTTNV"]["count"] * cap["cap_percent"] // 100
    assert "trở lên, tức tối đa" not in text  # the old misquote of the rule
    assert "Trang 1/" in page_texts(path)[0]
    assert_fonts_embedded(path)
    assert_no_english(text, SOURCES)


def test_a_higher_target_is_not_met(demo_store, tmp_path: Path):
    with demo_store.session() as session:
        good = year_figures(session, 2025).as_json()["good_or_better"]["percent"]
    text = all_text(ratings_report_pdf(demo_store, tmp_path / "bc.pdf", year=2025, today=TODAY, target_percent=99.5))
    assert good < 99.5
    assert "(từ 99,5% trở lên): không đạt chỉ tiêu." in text and "đạt chỉ tiêu." not in text.replace(
        "không đạt chỉ tiêu.", ""
    )


def test_the_2024_report_names_its_regulation_and_has_no_score(demo_store, tmp_path: Path):
    with demo_store.session() as session:
        figures = year_figures(session, 2024).as_json()
    text = all_text(ratings_report_pdf(demo_store, tmp_path / "bc.pdf", year=2024, today=TODAY))
    assert "Quy định 124-QĐ/TW ngày 04/10/2023" in text and "366-QĐ/TW" not in text
    assert "thang 100 điểm" not in text
    assert len(figures["not_rated"]) == 3
    for item in figures["not_rated"]:
        assert f"Đồng chí {item['full_name']}: {REASON_RECENT}" in text
    for level, value in figures["levels"].items():
        assert f"{LEVELS_VI[level]} {value['count']} {vi_percent(value['percent'])}" in text
    assert_no_english(text, SOURCES)


def _list_rows(demo_store, year: int):
    with demo_store.session() as session:
        return [
            (
                r.member.full_name,
                format_date(r.member.birth_date),
                r.exclusion,
                r.rating and r.rating.self_level,
                r.rating and r.rating.score,
                r.level,
            )
            for r in rating_rows(session, year)
        ]


def test_the_2025_list_has_every_member_with_score_and_the_excluded_last(demo_store, tmp_path: Path):
    rows = _list_rows(demo_store, 2025)
    path = rating_list_pdf(demo_store, tmp_path / "ds.pdf", year=2025, today=TODAY, number="03")
    text = all_text(path)
    in_order(
        text,
        [
            "Số 03-DS/CB",
            "DANH SÁCH đề nghị xếp loại chất lượng đảng viên năm 2025",
            "(Theo Quy định 366-QĐ/TW ngày 30/8/2025; Hướng dẫn 43-HD/BTCTW)",
            "STT Họ và tên Ngày sinh Tự xếp loại Điểm Chi bộ đề nghị Ghi chú",
        ],
    )
    rated = [r for r in rows if not r[2]]
    excluded = [r for r in rows if r[2]]
    assert len(rated) > 20 and excluded and all(r[5] for r in rated)  # every member in the list has a level
    for n, (name, born, _exclusion, self_level, score, level) in enumerate(rated, start=1):
        assert f"{n} {name} {born} {self_level} {format_number(score)} {level}" in text, name
    assert any("," in format_number(r[4]) and format_number(r[4]) in text for r in rated)  # "85,9", not "85.9"
    for n, (name, born, *_rest) in enumerate(excluded, start=len(rated) + 1):
        assert f"{n} {name} {born} Không xếp loại: {REASON_RECENT}" in text, name
    last_rated = text.index(rated[-1][0])
    assert all(text.index(f"{name} {born}") > last_rated for name, born, *_rest in excluded)
    in_order(
        text,
        [
            "Ghi chú: HTXSNV: Hoàn thành xuất sắc nhiệm vụ; HTTNV: Hoàn thành tốt nhiệm vụ",
            f"Tổng số: {len(rows)} đảng viên; đề nghị xếp loại: {len(rated)} đồng chí; "
            f"không xếp loại: {len(excluded)} đồng chí.",
            "Nơi nhận:",
            "T/M CHI BỘ",
            "BÍ THƯ",
        ],
    )
    assert_fonts_embedded(path)
    assert_no_english(text, SOURCES)


def test_the_2024_list_has_no_score_column(demo_store, tmp_path: Path):
    rows = _list_rows(demo_store, 2024)
    text = all_text(rating_list_pdf(demo_store, tmp_path / "ds.pdf", year=2024, today=TODAY))
    assert "(Theo Quy định 124-QĐ/TW ngày 04/10/2023)" in text
    assert "STT Họ và tên Ngày sinh Tự xếp loại Chi bộ đề nghị Ghi chú" in text and "Điểm" not in text
    rated = [r for r in rows if not r[2]]
    excluded = [r for r in rows if r[2]]
    assert len(excluded) == 3
    for n, (name, born, _exclusion, self_level, score, level) in enumerate(rated, start=1):
        assert score is None
        assert f"{n} {name} {born} {self_level} {level}" in text, name
    assert text.count("Không xếp loại:") == len(excluded)
    for name, *_rest in excluded:
        assert f"{name} " in text
    assert_no_english(text, SOURCES)


@pytest.mark.parametrize("make", [ratings_report_pdf, rating_list_pdf])
def test_a_year_without_regulation_is_a_user_error(demo_store, tmp_path: Path, make):
    with pytest.raises(ValidationError):
        make(demo_store, tmp_path / "x.pdf", year=2010, today=TODAY)
    assert not (tmp_path / "x.pdf").exists()


def test_cap_rule_qd366_twenty_excellent_and_seventy_six_well_completed_allow_fifteen(store, tmp_path):
    """QĐ 366: HTXSNV "không vượt quá 20% tổng số … được xếp loại 'Hoàn thành tốt nhiệm vụ'": with 20 HTXSNV and 76
    HTTNV the cell may have at most 15 (19 when HTTNV and above was wrongly counted), and 20 is above it."""
    from datetime import date, datetime

    from khoidesktop.members.records import MemberData, add_member
    from khoidesktop.ratings.records import RatingInput, save_rating

    now = datetime(2025, 12, 20, 9, 0)
    with store.session() as s, s.begin():
        for number in range(96):
            member = add_member(
                s,
                MemberData(
                    f"Nguyễn Văn Số {number}",
                    date(1980, 1, 1),
                    admitted_on=date(2010, 1, 1),
                    official_on=date(2011, 1, 1),
                ),
                now=now,
                actor="t",
            )
            excellent = number < 20
            save_rating(
                s,
                2025,
                member.id,
                RatingInput(
                    level="HTXSNV" if excellent else "HTTNV", score=95 if excellent else 80, exceeding_percent=50
                ),
                now=now,
                actor="t",
            )
    with store.session() as s:
        figures = year_figures(s, 2025)
    assert (figures.levels["HTXSNV"], figures.levels["HTTNV"], figures.excellent_allowed) == (20, 76, 15)
    path = ratings_report_pdf(store, tmp_path / "xep-loai.pdf", year=2025, today=TODAY)
    text = " ".join(all_text(path).split())
    assert "20% của 76 đảng viên xếp loại “Hoàn thành tốt nhiệm vụ” trong chi bộ là 15: vượt tỷ lệ cho phép" in text
