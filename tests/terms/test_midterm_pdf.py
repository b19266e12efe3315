"""Báo cáo kiểm điểm giữa nhiệm kỳ, read back from the PDF: each target with what was done, its share of the target
and the gap (the seed: 305 admitted of 450 = 67,78%), each year, the committee's changes; on the training cell its
figures are those of `stats ratings` / `stats recruitment`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from khoidesktop.cli import main
from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.i18n import format_number, set_language
from khoidesktop.terms.figures import CommitteeRow, Figure, TargetProgress, TermProgress
from khoidesktop.terms.midterm_pdf import build_midterm
from tests.conftest import TODAY
from tests.reports.pdf import all_text, assert_fonts_embedded, assert_no_english, metadata, page_labels
from tests.terms.helpers import ensure_term

SOURCES = [Path(__file__).parents[2] / "khoidesktop" / "terms" / n for n in ("midterm_pdf.py", "text.py")]
SOURCES += [Path(__file__).parents[2] / "khoidesktop" / "domain" / "terms.py"]


def _seed_term() -> TermProgress:
    """The province's mid-term review (DOMAIN.md seed 001): 305 admitted against a term target of 450."""
    years = [2025, 2026, 2027, 2028, 2029, 2030]
    admitted = {2025: Figure(160), 2026: Figure(145)}
    targets = [
        TargetProgress(
            1,
            "Kết nạp đảng viên mới",
            450,
            "people",
            False,
            "admissions",
            {y: admitted.get(y) for y in years},
            Figure(305),
        ),
        TargetProgress(
            2,
            "Đảng viên hoàn thành tốt nhiệm vụ trở lên",
            95,
            "percent",
            False,
            "members_good",
            {y: None for y in years} | {2025: Figure(96.1, 2883, 3000)},
            Figure(96.1, 2883, 3000),
        ),
    ]
    committee = [CommitteeRow("Nguyễn Văn An", "secretary", date(2025, 6, 1), None, "congress", None)]
    return TermProgress(
        1,
        "2025–2030",
        date(2025, 6, 1),
        date(2030, 5, 31),
        date(2025, 6, 1),
        date(2026, 11, 23),
        years,
        targets,
        committee,
    )


def test_the_seed_305_admitted_of_450_is_67_78_percent_of_the_target(demo_store, tmp_path):
    set_language("vi")
    with demo_store.session() as session:
        head = letterhead(session, TODAY)
    path = tmp_path / "giua-nhiem-ky.pdf"
    build_midterm(path, head, _seed_term())
    text = all_text(path)
    assert "BÁO CÁO" in text and "kiểm điểm giữa nhiệm kỳ thực hiện Nghị quyết Đại hội" in text
    assert "(Nhiệm kỳ 2025–2030; số liệu đến ngày 23/11/2026)" in text
    assert "Kết nạp đảng viên mới: đạt 305 người, bằng 67,78% chỉ tiêu (450 người); còn thiếu 145 người" in text
    assert "≥ 95,00% 96,10% (2883/3000)" in text and "đạt chỉ tiêu" in text
    assert "160 người 145 người" in text  # the years 2025 and 2026
    assert "Đồng chí Nguyễn Văn An, bí thư: bầu tại đại hội, từ ngày 01/06/2025" in text
    assert metadata(path)["/Subject"].startswith("Báo cáo kiểm điểm giữa nhiệm kỳ")
    assert_fonts_embedded(path)
    assert_no_english(text, SOURCES)


def test_report_midterm_review_of_the_training_cell_gives_the_programs_own_figures(demo_store, ctx, capsys, tmp_path):
    ensure_term(demo_store)
    stats = {}
    for topic, year in (("ratings", 2025), ("recruitment", 2025), ("recruitment", 2026)):
        assert main(["--db", str(demo_store.path), "stats", topic, "--year", str(year), "--json"], ctx) == 0
        stats[topic, year] = json.loads(capsys.readouterr().out)
    out = tmp_path / "bc.pdf"
    assert main(["--db", str(demo_store.path), "report", "midterm-review", "--out", str(out)], ctx) == 0
    assert "Đã lưu" in capsys.readouterr().out
    text = all_text(out)
    ratings = stats["ratings", 2025]
    good = ratings["levels"]["HTXSNV"]["count"] + ratings["levels"]["HTTNV"]["count"]
    share = format_number(100 * good / ratings["rated"], 2)
    assert f"Đảng viên hoàn thành tốt nhiệm vụ trở lên: đạt {share}% ({good}/{ratings['rated']})" in text
    admitted = stats["recruitment", 2025]["admitted_in_year"] + stats["recruitment", 2026]["admitted_in_year"]
    assert f"Kết nạp đảng viên mới: đạt {admitted} người, bằng {format_number(100 * admitted / 4, 2)}% chỉ tiêu" in text
    assert "thôi giữ chức ngày 01/03/2026 (chuyển công tác)" in text
    assert page_labels(out) == [(n, len(page_labels(out))) for n in range(1, len(page_labels(out)) + 1)]
    assert_no_english(text, SOURCES)


def test_without_a_term_the_report_is_refused_in_vietnamese_and_no_file_is_made(store, ctx, capsys, tmp_path):
    out = tmp_path / "bc.pdf"
    assert main(["--db", str(store.path), "report", "midterm-review", "--out", str(out)], ctx) == 1
    assert "Chưa có nhiệm kỳ nào" in capsys.readouterr().err and not out.exists()
