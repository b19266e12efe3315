"""Báo cáo tình hình sinh hoạt chi bộ: a year and a quarter of the demo's meetings, read back from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khoidesktop.datafile.identity import get_identity, set_records_from
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import format_date, format_number, format_percent, percent
from khoidesktop.meetings.documents import meetings_report_pdf
from khoidesktop.meetings.records import topics_of
from khoidesktop.meetings.stats import meetings_of, year_summary
from tests.conftest import FIXED_NOW, TODAY
from tests.meetings.test_minutes_pdf import SOURCES
from tests.reports.pdf import all_text, assert_fonts_embedded, assert_no_english, flat, page_texts

KINDS_VI = {
    "regular": "Sinh hoạt thường kỳ",
    "thematic": "Sinh hoạt chuyên đề",
    "combined": "Sinh hoạt thường kỳ kết hợp chuyên đề",
    "extraordinary": "Sinh hoạt bất thường",
}


def test_the_year_report_counts_lists_and_warns(demo_store, tmp_path: Path):
    with demo_store.session() as session:
        summary = year_summary(session, 2026, TODAY)
        secretary = get_identity(session).secretary_name
        topics = topics_of(session, 2026)
    path = meetings_report_pdf(demo_store, tmp_path / "bc.pdf", year=2026, quarter=None, today=TODAY)
    text = all_text(path)
    rows = summary.rows
    assert len(rows) == 11  # January to November
    order = [
        "-BC/CB",
        "BÁO CÁO tình hình sinh hoạt chi bộ",
        "Năm 2026",
        f"Năm 2026 (tính đến ngày 22/11/2026), chi bộ đã tổ chức {len(rows)} buổi sinh hoạt, gồm:",
        *[f"- {KINDS_VI[kind]}: {count} buổi" for kind, count in summary.by_kind().items()],
        "STT Ngày Loại Nội dung, chủ đề Có mặt / triệu tập Tỷ lệ",
        f"Tỷ lệ đảng viên dự sinh hoạt bình quân: {format_number(summary.average_attendance(), 2)}%.",
        "3. Sinh hoạt chuyên đề",
        "4. Đảng viên vắng sinh hoạt không lý do",
        "5. Những tồn tại, hạn chế cần khắc phục",
        *[flat(w).rstrip(".") for w in summary.warnings],
        "Nơi nhận:",
        "T/M CHI BỘ",
        "BÍ THƯ",
    ]
    position = 0
    for phrase in order:
        assert phrase in text[position:], phrase
        position = text.index(phrase, position) + len(phrase)
    assert summary.by_kind()["combined"] == 4 and "- Sinh hoạt thường kỳ: 7 buổi" in text
    for n, row in enumerate(rows, start=1):
        assert f"{n} {format_date(row.on_date)} " in text, row
        assert f"{row.present}/{row.expected} {format_percent(row.present, row.expected)}" in text, row
    (absences,) = summary.unexcused
    truant, count = absences.member, absences.count
    assert count == 3 and f"- Đồng chí {truant.full_name}: 3 lần." in text
    assert any(truant.full_name in w for w in summary.warnings)
    assert any("chưa hoàn thành" in w for w in summary.warnings)
    for topic in topics:
        assert topic.title in text
    assert "- Nâng cao chất lượng sinh hoạt chi bộ" in text  # quarter 2 has two topics registered
    last = page_texts(path)[-1]
    assert secretary and last.index("BÍ THƯ") < last.index(secretary)
    assert_fonts_embedded(path)
    assert_no_english(text, SOURCES)


def test_a_quarter_report_covers_that_quarter_only(demo_store, tmp_path: Path):
    with demo_store.session() as session:
        rows = meetings_of(session, 2026, 3)
        year_rows = meetings_of(session, 2026)
        summary = year_summary(session, 2026, TODAY)
        topics = {t.quarter: t.title for t in topics_of(session, 2026)}
    path = meetings_report_pdf(demo_store, tmp_path / "bc.pdf", year=2026, quarter=3, today=TODAY)
    text = all_text(path)
    assert [r.on_date.month for r in rows] == [7, 8, 9]
    average = percent(sum(r.present for r in rows), sum(r.expected for r in rows))
    assert average != summary.average_attendance()  # the quarter's own figure, not the year's
    for phrase in (
        "Quý 3 năm 2026",
        "Quý 3 năm 2026, chi bộ đã tổ chức 3 buổi sinh hoạt, gồm:",
        "- Sinh hoạt thường kỳ: 2 buổi",
        "- Sinh hoạt thường kỳ kết hợp chuyên đề: 1 buổi",
        f"Tỷ lệ đảng viên dự sinh hoạt bình quân: {format_number(average, 2)}%.",
        topics[3],
        "5. Những tồn tại, hạn chế cần khắc phục từ đầu năm 2026",
    ):
        assert phrase in text, phrase
    for row in year_rows:  # a table row: date and kind
        assert (f"{format_date(row.on_date)} {KINDS_VI[row.kind]}" in text) == (row in rows), row
    assert topics[1] not in text  # the thematic table has the quarter's row only
    (absences,) = summary.unexcused
    truant = absences.member
    assert f"- Đồng chí {truant.full_name}: 1 lần (cả năm 2026: 3 lần)." in text
    assert "Nơi nhận:" in page_texts(path)[-1]
    assert_no_english(text, SOURCES)


def test_a_past_period_without_meetings(store, tmp_path: Path):
    with store.session() as s, s.begin():
        set_records_from(s, date(2025, 1, 1), now=FIXED_NOW, actor="t")  # kept here since January 2025
    text = all_text(meetings_report_pdf(store, tmp_path / "bc.pdf", year=2025, quarter=2, today=TODAY))
    for phrase in (
        "Quý 2 năm 2025, chi bộ chưa tổ chức buổi sinh hoạt nào.",
        "Trong kỳ chưa ghi buổi sinh hoạt nào.",
        "Không có đảng viên vắng sinh hoạt không lý do.",
        "Tháng 4/2025: chưa ghi buổi sinh hoạt thường kỳ nào",
    ):
        assert phrase in text, phrase
    assert "tính đến ngày" not in text and "Tỷ lệ đảng viên dự sinh hoạt bình quân" not in text
    assert_no_english(text, SOURCES)


def test_an_unknown_quarter_is_a_user_error(store, tmp_path: Path):
    with pytest.raises(ValidationError):
        meetings_report_pdf(store, tmp_path / "bc.pdf", year=2026, quarter=5, today=TODAY)
    assert not (tmp_path / "bc.pdf").exists()
