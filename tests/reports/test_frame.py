"""The document frame (HD 36-HD/VPTW): page, fonts, header, signature, page numbers, watermark, metadata."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from khoidesktop.datafile.letterhead import committee_of
from khoidesktop.members.documents import roster_pdf, structure_pdf
from tests.conftest import TODAY
from tests.reports.pdf import all_text, fonts, metadata, page_labels, page_sizes, page_texts, text_x_positions

A4_POINTS = (595.28, 841.89)
MM = 72 / 25.4


@pytest.fixture
def roster(three_store, tmp_path: Path) -> Path:
    return roster_pdf(three_store, tmp_path / "danh-sach.pdf", today=TODAY)


def test_pages_are_a4_portrait(roster: Path):
    for width, height in page_sizes(roster):
        assert (round(width, 2), round(height, 2)) == A4_POINTS


def test_only_the_bundled_serif_is_used_and_it_is_embedded(roster: Path):
    used = fonts(roster)
    assert used
    for name, embedded in used:
        assert re.fullmatch(r"/[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?", name), name
        assert embedded, name
    assert {name.split("+")[1] for name, _ in used} >= {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
    }


def test_header_reads_as_the_official_format(roster: Path):
    first = page_texts(roster)[0]
    for phrase in (
        "ĐẢNG BỘ SỞ TÀI CHÍNH",
        "CHI BỘ PHÒNG TỔNG HỢP",
        "*",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hạ Long, ngày 22 tháng 11 năm 2026",
        "DANH SÁCH đảng viên (Tính đến ngày 22/11/2026)",  # the type on its own line, the summary under it
    ):
        assert phrase in first, phrase
    assert re.search(r"Số -DS/CB", first)  # no number given: blank space to write it by hand
    assert first.index("ĐẢNG BỘ SỞ TÀI CHÍNH") < first.index("CHI BỘ PHÒNG TỔNG HỢP") < first.index("DANH SÁCH")


def test_a_given_number_is_printed(three_store, tmp_path: Path):
    path = structure_pdf(three_store, tmp_path / "bc.pdf", on=TODAY, today=TODAY, number="05")
    assert "Số 05-BC/CB" in page_texts(path)[0]


def test_signature_block_and_recipients(roster: Path):
    last = page_texts(roster)[-1]
    for phrase in (
        "Nơi nhận:",
        "- Đảng ủy Sở Tài chính (để báo cáo);",
        "- Lưu chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Trần Thị Hạnh",
    ):
        assert phrase in last, phrase
    assert last.index("T/M CHI BỘ") < last.index("BÍ THƯ") < last.index("Trần Thị Hạnh")


def test_left_aligned_text_starts_on_the_30_mm_margin(roster: Path):
    xs = text_x_positions(roster, page=-1)  # "Tổng số", "Nơi nhận:" are flush left
    assert min(xs) == pytest.approx(30 * MM, abs=0.5)


def test_every_page_is_numbered_out_of_the_total(roster: Path):
    pages = len(page_sizes(roster))
    assert page_labels(roster) == [(n, pages) for n in range(1, pages + 1)]


def test_no_english_is_left(roster: Path):
    text = all_text(roster)
    for english in ("Page", "List of", "Total", "No.", "As of", "TRAINING", "Full name", "report", "month", "year"):
        assert english not in text


def test_metadata(roster: Path):
    meta = metadata(roster)
    assert meta["/Title"] == "Danh sách đảng viên"
    assert meta["/Author"] == "Chi bộ Phòng Tổng hợp"
    assert meta["/Creator"] == "Khối desktop"


def test_real_data_has_no_training_watermark(roster: Path):
    assert "DỮ LIỆU TẬP HUẤN" not in all_text(roster)


def test_training_data_is_watermarked_on_every_page(demo_store, tmp_path: Path):
    path = roster_pdf(demo_store, tmp_path / "tap-huan.pdf", today=TODAY)
    texts = page_texts(path)
    assert len(texts) > 1
    assert all("DỮ LIỆU TẬP HUẤN" in text for text in texts)
    assert "DỮ LIỆU TẬP HUẤN" in metadata(path)["/Title"]


def test_recipient_is_the_committee_of_the_grassroots_organisation():
    assert committee_of("Đảng bộ Sở Tài chính") == "Đảng ủy Sở Tài chính"
    assert committee_of("Chi bộ cơ sở Trường THPT A") == "Chi bộ cơ sở Trường THPT A"


def test_reportlab_is_not_loaded_by_the_services_or_the_package():
    code = (
        "import sys, khoidesktop.reports, khoidesktop.members.documents, khoidesktop.meetings.documents\n"
        "import khoidesktop.ratings.documents, khoidesktop.recruitment.documents, khoidesktop.units.documents\n"
        "assert 'reportlab' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
