from pypdf import PdfReader

from tests.ui.helpers import english_on_screen, type_text


def test_reports_page_saves_the_structure_report_on_a_chosen_date(window, store, ctx, qtbot, tmp_path):
    window.set_store(store)
    window.sidebar.setCurrentRow(6)
    page = window.page("bao-cao")
    assert english_on_screen(window) == []
    page.on_date.clear()
    type_text(page.on_date, "31/12/2030")
    page.structure_button.click()
    assert "tương lai" in page.message.text()
    page.on_date.clear()
    type_text(page.on_date, "01/07/2026")
    target = tmp_path / "co-cau.pdf"
    ctx.prompts.files.append(target)
    ctx.prompts.confirmations.append(False)
    page.structure_button.click()
    qtbot.waitUntil(lambda: any(kind == "confirm" for kind, _t, _m in ctx.prompts.shown), timeout=15_000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "BÁO CÁO\n cơ cấu đảng viên" in text and "01/07/2026" in text  # the type on its own line
