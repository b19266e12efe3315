"""The pages of a level above the cells, used as its user would: Đơn vị (rate a unit, add one before its first
bundle, dissolve one), Báo cáo (each document from the units' bundles), and the export upward on Trao đổi dữ liệu."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import excellent_allowed, rule_set_for
from khoidesktop.exchange.bundle_format import read_bundle
from khoidesktop.store.models import AuditEntry, Unit, UnitRating
from khoidesktop.ui.dialogs.unit_dialog import UnitDialog
from khoidesktop.units.documents import bloc_report
from khoidesktop.units.records import level_figures, unit_rows
from khoidesktop.units.report_pdf import sent_text
from tests.conftest import FIXED_NOW
from tests.ui.helpers import english_on_screen, settle, when_modal


def _rows(store, period: Period | None = None):
    period = period or Period(2025)
    with store.session() as s:
        return unit_rows(s, period, FIXED_NOW.date())


def test_the_units_page_lists_every_unit_with_what_it_sent(window, filled_bloc):
    window.set_store(filled_bloc)
    page = window.go_to("don-vi")
    rows = _rows(filled_bloc)
    assert page.period_box.period() == Period(2025)
    assert page.table.column_texts(0) == [r.name for r in rows] and len(rows) == 4
    assert set(page.table.column_texts(1)) == {"Chi bộ"}
    assert page.table.column_texts(2) == [str(r.figures.members) for r in rows]
    assert set(page.table.column_texts(4)) == {"Đã nhận"}
    rules = rule_set_for(2025)
    assert page.table.column_texts(6) == [
        f"{r.figures.levels['HTXSNV']}/{excellent_allowed(rules, r.figures.levels)}" for r in rows
    ]  # a grassroots committee decides the cap cell by cell
    with filled_bloc.session() as s:
        total = level_figures(s, Period(2025), rows)
    assert f"tối đa được {total.excellent_allowed}" in page.cap_message.text()
    assert "chưa xếp loại: 4" in page.levels_text.text()
    assert english_on_screen(window) == []


def test_rating_a_unit_in_its_row_is_saved_and_audited(qtbot, window, filled_bloc):
    window.set_store(filled_bloc)
    page = window.go_to("don-vi")
    name = page.rows[1].name
    combo = page.combos[1]
    combo.setCurrentIndex(combo.findData("HTXSNV"))
    settle(qtbot)
    with filled_bloc.session() as s:
        unit = s.scalar(select(Unit).where(Unit.name == name))
        rating = s.scalar(select(UnitRating).where(UnitRating.unit_id == unit.id))
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "unit_rating")).all()[-1]
    assert (rating.year, rating.level) == (2025, "HTXSNV")
    assert json.loads(entry.detail)["level"] == [None, "HTXSNV"]
    assert page.rows[1].level == "HTXSNV" and page.combos[1].value() == "HTXSNV"
    assert "Hoàn thành xuất sắc nhiệm vụ: 1 (25,00%)" in page.levels_text.text()
    # one HTXSNV and no HTTNV: over the cap for collectives, said in red at once
    assert "vượt quá 0 đơn vị" in page.message.text() and page.message.objectName() == "errorText"
    page.combos[1].setCurrentIndex(0)  # taken back
    settle(qtbot)
    with filled_bloc.session() as s:
        assert s.scalars(select(UnitRating)).all() == []


def test_a_unit_added_before_its_first_bundle_is_late_then_dissolved(qtbot, window, ctx, filled_bloc):
    window.set_store(filled_bloc)
    page = window.go_to("don-vi")

    def fill(dialog: UnitDialog) -> None:
        assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == ["Chi bộ"]
        assert not dialog.closed_on.isEnabled()  # a new unit is expected
        dialog.name.setText("Chi bộ Văn phòng Đoàn đại biểu Quốc hội")
        dialog.save_button.click()

    when_modal(UnitDialog, fill)
    page.add_button.click()
    settle(qtbot)
    assert "Chi bộ Văn phòng Đoàn đại biểu Quốc hội" in page.table.column_texts(0)
    index = page.table.column_texts(0).index("Chi bộ Văn phòng Đoàn đại biểu Quốc hội")
    assert page.table.column_texts(4)[index] == "Chậm gửi"  # 2025 is over and nothing came

    def dissolve(dialog: UnitDialog) -> None:
        assert dialog.name.text() == "Chi bộ Văn phòng Đoàn đại biểu Quốc hội"
        dialog.closed_on.setText("01/01/2030")
        dialog.save_button.click()  # refused: in the future, said in the dialog, nothing written
        assert dialog.isVisible() and "tương lai" in dialog.message.text()
        dialog.closed_on.setText("01/07/2025")
        dialog.save_button.click()

    when_modal(UnitDialog, dissolve)
    page.table.selectRow(index)
    page.edit_button.click()
    settle(qtbot)
    with filled_bloc.session() as s:
        unit = s.scalar(select(Unit).where(Unit.name == "Chi bộ Văn phòng Đoàn đại biểu Quốc hội"))
        assert unit.closed_on == date(2025, 7, 1)
        changes = [json.loads(e.detail) for e in s.scalars(select(AuditEntry).where(AuditEntry.entity_id == unit.id))]
    assert {"closed_on": [None, "2025-07-01"], "merged_into": [None, None]} in changes
    assert page.table.column_texts(4)[index] == "Chậm gửi"  # it existed for half of 2025: that year is still owed
    assert "Chi bộ Văn phòng Đoàn đại biểu Quốc hội" not in [r.name for r in _rows(filled_bloc, Period(2026))]


def test_the_reports_page_saves_each_document_of_the_level(qtbot, window, ctx, filled_bloc, tmp_path):
    from pypdf import PdfReader

    window.set_store(filled_bloc)
    page = window.go_to("bao-cao")
    assert english_on_screen(window) == []
    shown = {kind for kind, box in page.boxes.items() if box.isVisibleTo(page)}
    assert shown == {
        "bloc-structure",
        "bloc-ratings",
        "bloc-meetings",
        "bloc-recruitment",
        "excellence-resolution",
        "delegates",
        "vote-count",
        "election-result",
    }  # an election's documents: their own box, every level
    target = tmp_path / "xep-loai.pdf"
    ctx.prompts.files.append(target)
    ctx.prompts.confirmations.append(False)  # do not open it
    page.buttons["bloc-ratings"].click()
    qtbot.waitUntil(lambda: any(k == "confirm" for k, _t, _m in ctx.prompts.shown), timeout=20_000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    with filled_bloc.session() as s:
        report = bloc_report(s, Period(2025), FIXED_NOW.date())
    assert sent_text(report) in text and report.figures.units == 4


def test_a_level_exports_its_own_bundle_upward(qtbot, window, ctx, filled_bloc, tmp_path):
    window.set_store(filled_bloc)
    box = window.go_to("trao-doi-du-lieu").panel.upward
    assert "khi xuất gói lần đầu" in box.key_label.text()
    assert box.picker.period() == Period(2025)  # the period the units sent is offered first, not this year
    box.picker.year.setCurrentIndex(box.picker.year.findData(2025))
    ctx.prompts.files.append(tmp_path / "dang-bo-2025")
    box.export_button.click()
    qtbot.waitUntil(lambda: any(k == "info" for k, _t, _m in ctx.prompts.shown), timeout=20_000)
    bundle = read_bundle(tmp_path / "dang-bo-2025.khoi")
    assert bundle.period == Period(2025) and bundle.level == "grassroots"
    assert "Mã nhận dạng khóa" in ctx.prompts.shown[-1][2]
    assert "Mã nhận dạng khóa của cấp này" in box.key_label.text()
    assert english_on_screen(window) == []


def test_the_committee_decides_on_the_proposals_within_the_cap(qtbot, window, ctx, grassroots_demo, tmp_path):
    from pypdf import PdfReader

    from khoidesktop.ui.dialogs.excellence_dialog import ExcellenceDialog
    from khoidesktop.units.excellence import excellence_list

    window.set_store(grassroots_demo)
    page = window.go_to("don-vi")
    assert page.excellence_button.isVisibleTo(page)  # a grassroots committee decides the cap
    with grassroots_demo.session() as s:
        listing = excellence_list(s, 2025, FIXED_NOW.date())
    seen: dict[str, object] = {}

    def decide(dialog: ExcellenceDialog) -> None:
        assert dialog.table.column_texts(1) == [p.full_name for p in listing.proposed]
        for combo in dialog.combos:
            combo.setCurrentIndex(1)  # all approved: more than the cap, said at once
        seen["over"] = dialog.count.text(), dialog.count.objectName()
        dialog.save_button.click()  # refused on save by the same check
        seen["refused"] = dialog.isVisible() and "vượt quá" in dialog.message.text()
        for combo in dialog.combos[listing.allowed :]:
            combo.setCurrentIndex(2)  # declined
        seen["within"] = dialog.count.objectName()
        seen["english"] = english_on_screen(dialog)
        dialog.grab().save(str(tmp_path / "excellence.png"))
        dialog.save_button.click()

    when_modal(ExcellenceDialog, decide)
    page.excellence_button.click()
    settle(qtbot)
    text, style = seen["over"]
    assert f"Công nhận: {len(listing.proposed)}, tối đa {listing.allowed}" in text and style == "errorText"
    assert seen["refused"] is True and seen["within"] != "errorText" and seen["english"] == []
    with grassroots_demo.session() as s:
        after = excellence_list(s, 2025, FIXED_NOW.date())
    assert after.approved == listing.allowed and after.undecided == 0

    reports = window.go_to("bao-cao")
    assert reports.boxes["excellence-resolution"].isVisibleTo(reports)
    target = tmp_path / "nghi-quyet.pdf"
    ctx.prompts.files.append(target)
    ctx.prompts.confirmations.append(False)  # do not open it
    reports.buttons["excellence-resolution"].click()
    qtbot.waitUntil(lambda: any(k == "confirm" for k, _t, _m in ctx.prompts.shown), timeout=20_000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert listing.proposed[0].full_name in text and "QUYẾT NGHỊ" in text


def test_a_level_that_does_not_decide_the_cap_offers_neither_the_dialog_nor_the_resolution(window, filled_bloc):
    from khoidesktop.datafile.identity import get_identity

    with filled_bloc.session() as s, s.begin():
        get_identity(s).kind = "superior"
    window.set_store(filled_bloc)
    page = window.go_to("don-vi")
    assert not page.excellence_button.isVisibleTo(page)
    reports = window.go_to("bao-cao")
    assert not reports.boxes["excellence-resolution"].isVisibleTo(reports)
    assert reports.boxes["bloc-ratings"].isVisibleTo(reports)


def test_the_resolution_is_refused_before_the_save_dialog_while_proposals_wait(window, ctx, grassroots_demo):
    window.set_store(grassroots_demo)
    reports = window.go_to("bao-cao")
    reports.buttons["excellence-resolution"].click()  # nothing decided yet: said at once, no file asked for
    kind, title, text = ctx.prompts.shown[-1]
    assert kind == "info" and title == "Chưa lập được nghị quyết" and "chưa quyết định" in text
    assert not ctx.prompts.files and not any(k == "confirm" for k, _t, _m in ctx.prompts.shown)


def test_the_units_table_fits_1366x768_at_125_percent_without_scrolling_sideways(qtbot, window, filled_bloc):
    """At 125 % the window's inside is 1093 points wide: the table fits, its long headers on two lines and a long
    name wrapped, nothing cut to "Chi…" (ui/widgets/figure_table.py)."""
    from khoidesktop.units.records import add_unit

    long_name = "Chi bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
    with filled_bloc.session() as s, s.begin():
        add_unit(s, long_name, None, now=FIXED_NOW, actor="t")
    window.set_store(filled_bloc)
    window.resize(1093, 560)
    window.show()
    page = window.go_to("don-vi")
    settle(qtbot)
    table = page.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=5000)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "Tình trạng\nkỳ đang xem" in headers and headers[0] == "Đơn vị"
    row = table.column_texts(0).index(long_name)
    assert table.wordWrap() and table.rowHeight(row) > table.rowHeight((row + 1) % table.rowCount())
