"""The bloc's reports: the figures printed are those of units.records (the units' bundles summed), every unit has
its row (“Chưa gửi” when it sent nothing for the period), and the document is the bloc committee's."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER
from khoidesktop.domain.structure import GROUP_LABELS, SECTIONS
from khoidesktop.errors import ValidationError
from khoidesktop.exchange.figures import sum_units
from khoidesktop.i18n import _, format_number, format_percent
from khoidesktop.members.structure_pdf import percent_text
from khoidesktop.ratings.report_pdf import level_rows
from khoidesktop.units.documents import (
    bloc_meetings_pdf,
    bloc_ratings_pdf,
    bloc_recruitment_pdf,
    bloc_report,
    bloc_structure_pdf,
)
from khoidesktop.units.records import unit_rows
from khoidesktop.units.report_pdf import BlocReport, UnitLine, build_bloc_recruitment
from tests.conftest import FIXED_NOW, TODAY, import_all
from tests.reports.pdf import all_text, assert_fonts_embedded, assert_no_english, page_labels, page_sizes, page_texts

PERIOD = Period(FIXED_NOW.year - 1)  # the generated cells' bundles
SOURCES = [
    Path(__file__).parents[2] / "khoidesktop" / name
    for name in (
        "units/report_pdf.py",
        "units/meetings_pdf.py",
        "members/structure_pdf.py",
        "ratings/report_pdf.py",
        "recruitment/report_pdf.py",
        "reports/frame.py",
    )
]
MAKERS = {
    "structure": bloc_structure_pdf,
    "ratings": bloc_ratings_pdf,
    "meetings": bloc_meetings_pdf,
    "recruitment": bloc_recruitment_pdf,
}


@pytest.fixture
def bloc(filled_bloc, tmp_path: Path):
    """The four generated cells, and a fifth that has sent a bundle for the year before only."""
    from khoidesktop.demo.bloc import make_cell
    from khoidesktop.exchange.bundle_export import export_bundle
    from khoidesktop.store.database import open_store

    make_cell(tmp_path / "late.sqlite", 4, 5, seed=7, now=FIXED_NOW)
    cell = open_store(tmp_path / "late.sqlite", lock=False, now=lambda: FIXED_NOW)
    try:
        export_bundle(
            cell, tmp_path / "late.khoi", Period(PERIOD.year - 1), today=FIXED_NOW.date(), now=FIXED_NOW, actor="test"
        )
    finally:
        cell.close()
    assert [o.status for o in import_all(filled_bloc, [tmp_path / "late.khoi"])] == ["imported"]
    return filled_bloc


@pytest.fixture
def rows(bloc):
    with bloc.session() as session:
        return unit_rows(session, PERIOD, FIXED_NOW.date())


def make(store, tmp_path: Path, topic: str) -> Path:
    return MAKERS[topic](store, tmp_path / f"{topic}.pdf", period=PERIOD, today=TODAY)


def sent_line(rows) -> str:
    sent = sum(r.figures is not None for r in rows)
    return f"Có {sent}/{len(rows)} đơn vị trực thuộc đã gửi số liệu năm {PERIOD.year}."


def not_sent(rows) -> list[str]:
    return [f"{n} {row.name} Chưa gửi" for n, row in enumerate(rows, start=1) if row.figures is None]


def test_structure_report_prints_the_bloc_totals_and_each_unit(bloc, rows, tmp_path: Path):
    text = all_text(make(bloc, tmp_path, "structure"))
    structure = sum_units([r.figures for r in rows if r.figures]).structure_result()
    assert "BÁO CÁO cơ cấu đảng viên toàn Đảng bộ" in text and sent_line(rows) in text
    assert f"có tổng số {format_number(structure.total)} đảng viên" in text
    for number, (title, keys) in enumerate(SECTIONS, start=1):
        assert f"{number}. {_(title)}" in text
        for row, key in enumerate(keys, start=1):
            share = structure.groups[key]
            assert f"{row} {_(GROUP_LABELS[key])} {share.count} {percent_text(share)}" in text, key
    for n, row in enumerate(rows, start=1):
        if row.figures:
            counts = row.figures.structure
            women = f"{counts['women']} {format_percent(counts['women'], counts['total'])}"
            assert f"{n} {row.name} {row.figures.members} {women}" in text, row.name
    women = structure.groups["women"]
    assert f"Toàn Đảng bộ {structure.total} {women.count} {percent_text(women)}" in text
    assert not_sent(rows) and all(line in text for line in not_sent(rows))


def test_ratings_report_prints_the_levels_and_each_unit(bloc, rows, tmp_path: Path):
    text = all_text(make(bloc, tmp_path, "ratings"))
    figures = sum_units([r.figures for r in rows if r.figures])
    assert f"BÁO CÁO kết quả đánh giá, xếp loại chất lượng đảng viên năm {PERIOD.year}" in text
    assert sent_line(rows) in text
    for row in level_rows(figures):
        assert " ".join(cell for cell in row if cell) in text, row
    assert (
        f"trở lên: {figures.good_or_better()}, chiếm {format_percent(figures.good_or_better(), figures.rated)}" in text
    )
    for n, row in enumerate(rows, start=1):
        if row.figures:
            f = row.figures
            levels = " ".join(f"{f.levels[lv]} {format_percent(f.levels[lv], f.rated)}" for lv in LEVEL_ORDER)
            assert f"{n} {row.name} {f.members} {f.rated} {levels} {f.not_rated} {f.cell_level}*" in text, row.name
    assert all(line in text for line in not_sent(rows))


def test_meetings_report_prints_the_kinds_the_quarters_and_each_unit(bloc, rows, tmp_path: Path):
    text = all_text(make(bloc, tmp_path, "meetings"))
    figures = sum_units([r.figures for r in rows if r.figures])
    assert "BÁO CÁO tình hình sinh hoạt chi bộ" in text and sent_line(rows) in text
    assert f"tổ chức {figures.meetings} buổi sinh hoạt trong kỳ" in text and figures.meetings > 0
    assert f"Sinh hoạt chuyên đề: {figures.meetings_by_kind['thematic']}" in text
    share = format_percent(figures.present, figures.expected)
    assert f"Dự họp: {format_number(figures.present)} trên {format_number(figures.expected)}" in text
    for q, name in enumerate(("I", "II", "III", "IV"), start=1):
        held = f"{figures.cells_with_thematic[q]}/{figures.cells}"
        assert f"Quý {name} {figures.thematic_held[q]} {figures.thematic_planned[q]} {held}" in text, name
    for n, row in enumerate(rows, start=1):
        if row.figures:
            f = row.figures
            regular = f.meetings_by_kind["regular"] + f.meetings_by_kind["combined"]
            line = f"{n} {row.name} {f.cells} {f.meetings} {regular}"
            assert line in text, line
    assert f"Toàn Đảng bộ {figures.cells} {figures.meetings}" in text and share in text
    assert all(line in text for line in not_sent(rows))


def test_recruitment_report_prints_admissions_files_and_each_unit(bloc, rows, tmp_path: Path):
    text = all_text(make(bloc, tmp_path, "recruitment"))
    figures = sum_units([r.figures for r in rows if r.figures])
    assert "BÁO CÁO công tác phát triển đảng viên" in text and f"(Tổng hợp toàn Đảng bộ, năm {PERIOD.year})" in text
    assert sent_line(rows) in text
    assert figures.admitted > 0 and figures.year_target > 0  # the generated cells admit against a target
    assert (
        f"đã kết nạp {figures.admitted} đảng viên mới, bằng "
        f"{format_percent(figures.admitted, figures.members_at_end)} tổng số"
    ) in text
    assert f"Tổng cộng {sum(figures.files_by_step.values())}" in text
    for n, row in enumerate(rows, start=1):
        if row.figures:
            f = row.figures
            assert (
                f"{n} {row.name} {f.members_at_end} {f.year_target} {f.admitted} "
                f"{format_percent(f.admitted, f.year_target)} — — — {f.files_open}"
            ) in text
    assert all(line in text for line in not_sent(rows))


def test_recruitment_against_the_targets(bloc, tmp_path: Path):
    with bloc.session() as session:
        report = bloc_report(session, PERIOD, FIXED_NOW.date())
        head = letterhead(session, TODAY)
    sent = [unit for unit in report.units if unit.figures]
    first = replace(sent[0].figures, year_target=4, admitted=3, term_target=10, term_admitted=6)
    second = replace(sent[1].figures, year_target=2, admitted=2)
    others = [
        UnitLine(
            u.name, u.figures and replace(u.figures, year_target=None, admitted=0, term_target=None, term_admitted=0)
        )
        for u in report.units
        if u.name not in (sent[0].name, sent[1].name)
    ]
    units = (UnitLine(sent[0].name, first), UnitLine(sent[1].name, second), *others)
    figures = sum_units([u.figures for u in units if u.figures])
    build_bloc_recruitment(tmp_path / "r.pdf", head, BlocReport(PERIOD, units, figures))
    text = all_text(tmp_path / "r.pdf")
    assert (
        f"đã kết nạp {figures.admitted} đảng viên mới, bằng "
        f"{format_percent(figures.admitted, figures.members_at_end)} tổng số"
    ) in text
    assert f"tổng chỉ tiêu của 2 đơn vị được giao): 6 đảng viên; đã kết nạp 5, đạt {format_percent(5, 6)}" in text
    assert "tổng chỉ tiêu của 1 đơn vị được giao): 10 đảng viên; đã kết nạp trong nhiệm kỳ 6, đạt 60,00%" in text
    assert f"1 {sent[0].name} {first.members_at_end} 4 3 75,00% 10 6 60,00%" in text
    assert f"2 {sent[1].name} {second.members_at_end} 2 2 100,00% — — —" in text
    assert f"Toàn Đảng bộ {figures.members_at_end} 6 5 {format_percent(5, 6)} 10 6 60,00%" in text


@pytest.mark.parametrize("topic", list(MAKERS))
def test_the_bloc_committee_issues_and_signs_in_vietnamese(bloc, tmp_path: Path, topic: str):
    path = make(bloc, tmp_path, topic)
    texts = page_texts(path)
    first, last, text = texts[0], texts[-1], " ".join(texts)
    assert first.startswith("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH ĐẢNG ỦY SỞ TÀI CHÍNH *")
    assert "Số -BC/ĐU " in first and "Hạ Long, ngày 22 tháng 11 năm 2026" in first
    assert "T/M ĐẢNG ỦY BÍ THƯ Phạm Văn Khối" in last and "T/M CHI BỘ" not in text
    assert "Nơi nhận: - Đảng ủy các cơ quan Đảng tỉnh (để báo cáo); - Lưu Văn phòng Đảng ủy." in last
    assert "Trên đây là báo cáo" in last and "của Đảng ủy Sở Tài chính." in last
    assert page_labels(path) == [(n, len(texts)) for n in range(1, len(texts) + 1)]
    assert {(round(w), round(h)) for w, h in page_sizes(path)} == {(595, 842)}  # A4 portrait
    percents = re.findall(r"\d[\d.,]*%", text)  # 26,40%: two decimals after a comma
    assert all(re.fullmatch(r"\d{1,3},\d{2}%", p) for p in percents), percents
    assert_fonts_embedded(path)
    assert_no_english(text, SOURCES)


@pytest.mark.parametrize("topic", list(MAKERS))
def test_a_cell_data_file_is_refused(store, tmp_path: Path, topic: str):
    with pytest.raises(ValidationError, match="cấp trên chi bộ"):
        make(store, tmp_path, topic)
    assert not list(tmp_path.glob("*.pdf"))


def test_a_period_no_unit_sent_is_refused(bloc_store, tmp_path: Path):
    with pytest.raises(ValidationError, match=f"Chưa đơn vị nào gửi số liệu năm {PERIOD.year}"):
        make(bloc_store, tmp_path, "structure")
    assert not list(tmp_path.glob("*.pdf"))


def test_recruitment_with_no_admission_and_no_target(bloc, tmp_path: Path):
    with bloc.session() as session:
        report = bloc_report(session, PERIOD, FIXED_NOW.date())
        head = letterhead(session, TODAY)
    units = [
        UnitLine(
            u.name, u.figures and replace(u.figures, year_target=None, admitted=0, term_target=None, term_admitted=0)
        )
        for u in report.units
    ]
    figures = sum_units([u.figures for u in units if u.figures])
    build_bloc_recruitment(tmp_path / "r.pdf", head, BlocReport(PERIOD, tuple(units), figures))
    text = all_text(tmp_path / "r.pdf")
    assert f"Năm {PERIOD.year}, các đơn vị chưa kết nạp được đảng viên mới." in text
    assert f"Chưa đơn vị nào được giao chỉ tiêu kết nạp năm {PERIOD.year}." in text


def test_a_provinces_rating_report_counts_the_organisations_rated_tier_by_tier(tmp_path):
    """DOMAIN.md, Rating: the same cap applies to units rated by their superior; each tier is counted as the level
    above it rated it, never the cells' self-ratings under the name of the organisations' rating."""
    from khoidesktop.demo.files import create_demo_file
    from khoidesktop.domain.rating_rules import excellent_allowed, level_label, rule_set_for
    from khoidesktop.units.records import level_figures

    store = create_demo_file(tmp_path / "tinh-uy.sqlite", actor="test", kind="province", now=lambda: FIXED_NOW)
    try:
        with store.session() as s:
            figures = level_figures(s, PERIOD, unit_rows(s, PERIOD, FIXED_NOW.date()))
            head = letterhead(s, TODAY)
        out = bloc_ratings_pdf(store, tmp_path / "xep-loai.pdf", period=PERIOD, today=TODAY)
    finally:
        store.close()
    text = all_text(out)
    tccs = figures.unit_levels[1]
    assert sum(tccs.values()) > 0 and tccs[None] == 0  # the training superiors rated their TCCS
    rated = sum(tccs.values())
    section = text[text.index("Các tổ chức cơ sở đảng, do cấp ủy trực tiếp xếp loại") :]
    for level in LEVEL_ORDER:
        line = f"{level_label(level)}: {tccs[level]} ({format_percent(tccs[level], rated)})"
        assert line in section, line
    allowed = excellent_allowed(rule_set_for(PERIOD.year), {k: v for k, v in tccs.items() if k})
    assert tccs["HTXSNV"] <= allowed and f"tối đa {allowed}" in section
    assert "Các đảng bộ cấp trên trực tiếp cơ sở, do cấp ủy trực tiếp xếp loại" in text  # the province's own to rate
    # a province has no body above it: no "(để báo cáo)" line, its own office keeps the copy
    assert head.recipients == ("Lưu Văn phòng Tỉnh ủy",) and "(để báo cáo)" not in text
