"""The data exchange page and the overview's charts, used as a user would: a cell exports its bundle, a bloc
imports bundles (confirming new keys), sees who is late, and the overview draws the bloc's figures."""

from __future__ import annotations

from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import CELL, GRASSROOTS
from khoidesktop.domain.periods import Period
from khoidesktop.exchange.bundle_format import read_bundle
from khoidesktop.exchange.figures import sum_units
from khoidesktop.overview.figures import bloc_charts, cell_charts
from khoidesktop.ui.pages.registry import PAGES
from khoidesktop.units.records import level_figures, unit_rows
from tests.conftest import FIXED_NOW
from tests.ui.helpers import english_on_screen, settle


def _done(ctx, kind="info"):
    return lambda: any(k == kind for k, _t, _m in ctx.prompts.shown)


def test_a_cell_exports_its_signed_bundle(qtbot, window, ctx, demo_store, tmp_path):
    window.set_store(demo_store)
    page = window.go_to("trao-doi-du-lieu")
    assert window.stack.currentWidget() is page
    assert "tạo khi xuất gói lần đầu" in page.panel.key_label.text()
    panel = page.panel
    panel.picker.year.setCurrentIndex(panel.picker.year.findData(2025))
    target = tmp_path / "goi-2025"  # the program adds .khoi
    ctx.prompts.files.append(target)
    panel.export_button.click()
    qtbot.waitUntil(_done(ctx), timeout=20_000)
    bundle = read_bundle(tmp_path / "goi-2025.khoi")
    assert bundle.period == Period(2025)
    kind, title, text = ctx.prompts.shown[-1]
    assert title == "Đã lưu gói dữ liệu" and "Mã nhận dạng khóa" in text
    assert bundle_fp(bundle) in text and bundle_fp(bundle) in panel.key_label.text()
    assert english_on_screen(window) == []


def bundle_fp(bundle) -> str:
    from khoidesktop.exchange.bundle_format import fingerprint

    return fingerprint(bundle.public_key)


def test_a_bloc_imports_bundles_and_sees_who_is_late(qtbot, window, ctx, bloc_store, generated_bundles, tmp_path):
    window.set_store(bloc_store)
    assert window.slugs == [PAGES[key].slug for key in GRASSROOTS.pages] and window.kind == GRASSROOTS
    assert window.slugs == ["tong-quan", "don-vi", "nhiem-ky", "trao-doi-du-lieu", "bao-cao", "cai-dat"]
    page = window.go_to("trao-doi-du-lieu")
    panel = page.panel
    assert window.stack.currentWidget() is page and panel.empty.isVisible()
    bad = tmp_path / "hong.khoi"
    bad.write_text("không phải gói", encoding="utf-8")
    ctx.prompts.files.append([*generated_bundles, bad])
    ctx.prompts.confirmations.extend([True] * (len(generated_bundles) - 1) + [False])  # the last key: "no"
    panel.import_button.click()
    qtbot.waitUntil(lambda: panel.results_box.isVisible(), timeout=20_000)
    questions = [t for k, _title, t in ctx.prompts.shown if k == "confirm"]
    assert len(questions) == len(generated_bundles) and all("mã nhận dạng" in q for q in questions)
    results = panel.results.column_texts(3)  # the refused first, where the eye falls
    assert results[2:] == ["Đã nhập"] * (len(generated_bundles) - 1)
    assert results[0].startswith("Bị từ chối: Khóa của") and results[1].startswith("Bị từ chối: Tệp không phải")
    assert panel.results_box.title().startswith(f"Lần nhập gần nhất: {len(generated_bundles) - 1} đã nhập")
    with bloc_store.session() as s:
        rows = unit_rows(s, Period(2025), FIXED_NOW.date())
    assert panel.units.rowCount() == len(rows) == len(generated_bundles) - 1
    assert panel.units.column_texts(0) == [r.name for r in rows]
    assert set(panel.units.column_texts(4)) == {"Đã nhận"}
    assert english_on_screen(window) == []


def test_the_bloc_overview_sums_the_units_and_draws_the_charts(qtbot, window, ctx, filled_bloc):
    window.set_store(filled_bloc)
    overview = window.page("tong-quan")
    with filled_bloc.session() as s:
        figures = level_figures(s, Period(2025), unit_rows(s, Period(2025), FIXED_NOW.date()))
        charts = bloc_charts(s, Period(2025), FIXED_NOW.date())
    assert overview.cards["members"].value.text() == str(figures.total)
    assert overview.cards["units"].value.text() == f"{figures.units}/{figures.units}"
    assert overview.charts.count() == 4
    for data in charts:
        panel = overview.chart_panels[data.key]
        overview.charts.setCurrentWidget(panel)  # a tab is drawn when it is first shown
        assert panel.table.column_texts(0) == data.categories
        assert panel.table.column_texts(1) == [f"{v:,}".replace(",", ".") for v in data.series[0][1]]
        assert len(panel.chart.series()) == 1 and panel.chart.series()[0].count() == len(data.series)
    assert english_on_screen(window) == []


def test_the_cell_overview_charts_show_their_figures(window, demo_store):
    window.set_store(demo_store)
    overview = window.page("tong-quan")
    with demo_store.session() as s:
        charts = cell_charts(s, FIXED_NOW.date())
    ratings = overview.chart_panels["ratings"]
    assert not ratings.drawn  # behind the first tab: drawn when opened
    overview.charts.setCurrentWidget(ratings)
    assert ratings.drawn
    data = next(c for c in charts if c.key == "ratings")
    assert not data.empty and ratings.table.column_texts(0) == data.categories
    assert ratings.table.horizontalHeaderItem(1).text() == "HTXSNV"
    structure = overview.chart_panels["structure"]
    assert structure.table.item(0, 0).text() == "Đảng viên nữ" and structure.table.item(0, 2).text().endswith("%")


def test_switching_a_file_to_bloc_mode_in_the_settings(qtbot, window, ctx, store):
    window.set_store(store)
    settings = window.page("cai-dat")
    window.go_to("cai-dat")
    settings.form.mode.setCurrentIndex(settings.form.mode.findData("grassroots"))
    settings.form.changed.emit()
    ctx.prompts.confirmations.append(True)
    settings.save_button.click()
    settle(qtbot)
    with store.session() as s:
        assert get_identity(s).kind == "grassroots"
    assert window.slugs == [PAGES[key].slug for key in GRASSROOTS.pages]
    settings = window.page("cai-dat")  # the bloc's pages: the settings page of the new sidebar is shown
    assert window.stack.currentWidget() is settings
    assert "Đảng bộ Sở Tài chính" in window.windowTitle()  # a bloc is named by its organisation
    settings.form.mode.setCurrentIndex(settings.form.mode.findData("cell"))  # and back: nothing was lost
    settings.form.changed.emit()
    ctx.prompts.confirmations.append(True)
    settings.save_button.click()
    settle(qtbot)
    with store.session() as s:
        assert (get_identity(s).kind, get_identity(s).cell_name) == ("cell", "Chi bộ Phòng Tổng hợp")
    assert window.slugs == [PAGES[key].slug for key in CELL.pages] and window.kind == CELL


def test_a_bloc_removes_a_units_bundle_and_saves_its_reports(qtbot, window, ctx, filled_bloc, tmp_path):
    from pypdf import PdfReader

    window.set_store(filled_bloc)
    target = tmp_path / "co-cau.pdf"
    ctx.prompts.files.append(target)
    ctx.prompts.confirmations.append(False)  # do not open it
    window.go_to("bao-cao").buttons["bloc-structure"].click()
    qtbot.waitUntil(_done(ctx, "confirm"), timeout=20_000)  # "open it now?" answered: the task has ended
    with filled_bloc.session() as s:
        total = level_figures(s, Period(2025), unit_rows(s, Period(2025), FIXED_NOW.date())).total
    assert f"{total}" in "".join(p.extract_text() for p in PdfReader(target).pages)

    panel = window.go_to("trao-doi-du-lieu").panel
    assert not panel.remove_button.isEnabled()
    panel.units.selectRow(0)
    removed = panel.rows[0].name
    assert panel.remove_button.isEnabled()
    ctx.prompts.confirmations.append(True)
    panel.remove_button.click()
    settle(qtbot)
    with filled_bloc.session() as s:
        rows = unit_rows(s, Period(2025), FIXED_NOW.date())
    assert removed not in panel.units.column_texts(0)  # its only bundle: the unit goes with it
    assert panel.units.column_texts(0) == [r.name for r in rows] and sum_units(
        [r.figures for r in rows if r.figures]
    ).units == len(rows)


def test_an_empty_bloc_says_what_to_do(window, ctx, bloc_store):
    window.set_store(bloc_store)
    overview = window.page("tong-quan")
    assert overview.cards["units"].value.text() == "0/0" and overview.cards["women"].value.text() == "–"
    assert overview.empty_label.isVisible() and "Trao đổi dữ liệu" in overview.empty_label.text()
    window.go_to("bao-cao").buttons["bloc-ratings"].click()  # no file dialog: nothing to report
    kind, _title, text = ctx.prompts.shown[-1]
    assert kind == "info" and "Chưa đơn vị nào gửi" in text
    assert english_on_screen(window) == []


def test_a_named_list_goes_only_when_ticked_and_the_page_says_what_the_bundle_holds(
    qtbot, window, ctx, demo_store, tmp_path
):
    """Issue 15, item 12: counts by default; the HTXSNV proposals only when chosen, said before and after."""
    window.set_store(demo_store)
    panel = window.go_to("trao-doi-du-lieu").panel
    panel.picker.year.setCurrentIndex(panel.picker.year.findData(2025))
    assert set(panel.parts.boxes) == {"proposals", "delegates"}
    assert "không có tên người" in panel.parts.contents.text()
    assert "đề nghị xếp loại HTXSNV" not in panel.parts.contents.text()
    for name, ticked in (("so-lieu", False), ("de-nghi", True)):
        panel.parts.boxes["proposals"].setChecked(ticked)
        assert ("đề nghị xếp loại HTXSNV" in panel.parts.contents.text()) is ticked
        ctx.prompts.files.append(tmp_path / name)
        shown = len(ctx.prompts.shown)
        panel.export_button.click()
        qtbot.waitUntil(lambda shown=shown: len(ctx.prompts.shown) > shown, timeout=20_000)
        kind, _title, text = ctx.prompts.shown[-1]
        assert kind == "info" and ("đề nghị xếp loại HTXSNV" in text) is ticked
        names = set(read_bundle(tmp_path / f"{name}.khoi").files)
        assert ("data/proposals.json" in names) is ticked
