from pypdf import PdfReader

from tests.ui.helpers import english_on_screen, type_text, visible_texts, when_modal


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


# What each document of a cell prints in its title (the type is on its own line): read back from the PDF.
TITLES = {
    "roster": "DANH SÁCH\n đảng viên",
    "structure": "cơ cấu đảng viên",
    "badges": "Huy hiệu Đảng",
    "minutes": "BIÊN BẢN",
    "meetings": "sinh hoạt",
    "ratings": "xếp loại",
    "rating-list": "DANH SÁCH",
    "recruitment": "phát triển đảng viên",
    "admission-resolution": "NGHỊ QUYẾT",
    "midterm-review": "kiểm điểm giữa nhiệm kỳ",
    "delegates": "đại biểu",
}


def _saved_text(qtbot, ctx, page, key, target) -> str:
    ctx.prompts.files.append(target)
    ctx.prompts.confirmations.append(False)  # do not open it
    before = len(ctx.prompts.shown)
    page.buttons[key].click()
    qtbot.waitUntil(lambda: len(ctx.prompts.shown) > before, timeout=30_000)
    assert ctx.prompts.shown[-1][0] == "confirm", ctx.prompts.shown[-1]  # "Saved …, open it?", not an error
    return "".join(p.extract_text() for p in PdfReader(target).pages)


def test_the_reports_page_saves_every_document_of_a_cell(window, demo_store, ctx, qtbot, tmp_path):
    """Every document of the cell's kind is on the page, with what it is, and each one's button saves it; the
    meeting and the recruitment file are chosen on the page; nothing says it comes later."""
    from khoidesktop.datafile.kinds import CELL

    window.set_store(demo_store)
    page = window.go_to("bao-cao")
    from khoidesktop.ui.pages.reports_page import ELSEWHERE

    listed = [key for key in CELL.documents if key not in ELSEWHERE]
    assert set(listed) <= set(page.buttons) and set(ELSEWHERE) <= set(CELL.documents)
    assert all(page.boxes[key].isVisible() for key in listed)
    assert english_on_screen(window) == []
    assert not any("sẽ có" in text or "đi kèm" in text for text in visible_texts(window))
    assert page.year.value() == 2026  # this year: the training file's meetings
    assert page.meeting.isEnabled() and page.meeting.count() > 1
    assert page.candidate.isEnabled() and page.candidate.count() >= 1
    page.quarter.setCurrentIndex(2)  # quarter 2
    page.meeting.setCurrentIndex(1)
    chosen_meeting = page.meeting.currentText()
    for key in listed:
        page.year.setValue(2025 if key.startswith("rating") else 2026)  # the training file rated its last year
        text = _saved_text(qtbot, ctx, page, key, tmp_path / f"{key}.pdf")
        assert TITLES[key].lower() in text.lower(), (key, text[:300])
    assert "2025" in "".join(p.extract_text() for p in PdfReader(tmp_path / "ratings.pdf").pages)
    minutes = "".join(p.extract_text() for p in PdfReader(tmp_path / "minutes.pdf").pages)
    day, month, year = chosen_meeting.split(" — ")[0].split("/")
    assert f"ngày {day} tháng {month} năm {year}" in " ".join(minutes.split())  # the meeting chosen, not another
    meetings = "".join(p.extract_text() for p in PdfReader(tmp_path / "meetings.pdf").pages)
    assert "quý II" in meetings.lower() or "quý 2" in meetings.lower(), meetings[:400]
    chosen = page.candidate.currentText().split(" (")[0]
    resolution = "".join(p.extract_text() for p in PdfReader(tmp_path / "admission-resolution.pdf").pages)
    assert chosen in resolution


def test_a_year_without_meetings_offers_no_minutes(window, store, ctx, qtbot):
    window.set_store(store)
    page = window.go_to("bao-cao")
    assert not page.meeting.isEnabled() and not page.buttons["minutes"].isEnabled()
    assert "Chưa có" in page.meeting.currentText()
    assert not page.buttons["admission-resolution"].isEnabled()


def test_the_badge_list_is_saved_for_the_chosen_year_here_and_from_the_members_page(
    window, demo_store, ctx, qtbot, tmp_path
):
    """The training cell: Phạm Minh Sơn reaches his 30-year badge in 2027 (admitted in 1997)."""
    from khoidesktop.members.queries import badges_in
    from khoidesktop.ui.dialogs.badges_dialog import BadgesDialog

    window.set_store(demo_store)
    page = window.go_to("bao-cao")
    page.year.setValue(2027)
    with demo_store.session() as session:
        expected = [(m.full_name, years) for m, years in badges_in(session, 2027)]
    assert expected
    text = " ".join(_saved_text(qtbot, ctx, page, "badges", tmp_path / "huy-hieu.pdf").split())
    assert "Năm 2027" in text
    for name, years in expected:
        assert name in text and f"Huy hiệu {years} năm tuổi Đảng" in text
    assert ctx.prompts.suggested[-1].endswith("danh-sach-xet-tang-huy-hieu-dang-2027.pdf")
    saved: list[str] = []

    def save_from_dialog(dialog) -> None:
        dialog.year.setValue(2027)
        ctx.prompts.files.append(tmp_path / "tu-trang-dang-vien.pdf")
        ctx.prompts.confirmations.append(False)
        dialog.save_button.click()
        qtbot.waitUntil(lambda: (tmp_path / "tu-trang-dang-vien.pdf").exists(), timeout=20_000)
        saved.append(
            " ".join("".join(p.extract_text() for p in PdfReader(tmp_path / "tu-trang-dang-vien.pdf").pages).split())
        )
        dialog.accept()

    members = window.go_to("dang-vien")
    when_modal(BadgesDialog, save_from_dialog)
    members.badges_button.click()
    assert saved and all(name in saved[0] for name, _years in expected)


def test_a_stored_elections_minutes_and_announcement_are_offered_and_saved(window, demo_store, ctx, qtbot, tmp_path):
    """Each stored election with its votes is offered on the Báo cáo page; both its documents are saved."""
    from tests.terms.helpers import ensure_election

    ensure_election(demo_store)
    window.set_store(demo_store)
    page = window.go_to("bao-cao")
    assert page.elections.election.isEnabled() and "Cấp ủy" in page.elections.election.currentText()
    assert english_on_screen(window) == []
    for key, title in (("vote-count", "BIÊN BẢN"), ("election-result", "THÔNG BÁO")):
        text = _saved_text(qtbot, ctx, page, key, tmp_path / f"{key}.pdf")
        assert title in text and "Nguyễn Văn An" in text
