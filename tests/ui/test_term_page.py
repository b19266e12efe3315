"""Nhiệm kỳ, used as a secretary would: the term with its committee and its targets year by year, whose figures
are those of `stats ratings` / `stats recruitment`; a target added and a refused committee change, in Vietnamese."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from khoidesktop.cli import main
from khoidesktop.i18n import format_number
from khoidesktop.store.models import AuditEntry, TermTarget
from khoidesktop.ui.dialogs.term_dialogs import CommitteeDialog, TargetDialog
from tests.terms.helpers import ensure_term
from tests.ui.helpers import english_on_screen, settle, type_text, when_modal


def _stats(store, ctx, capsys, topic: str, year: int) -> dict:
    assert main(["--db", str(store.path), "stats", topic, "--year", str(year), "--json"], ctx) == 0
    return json.loads(capsys.readouterr().out)


def test_the_term_page_shows_the_committee_and_each_targets_years(window, demo_store, ctx, capsys):
    ensure_term(demo_store)
    ratings = _stats(demo_store, ctx, capsys, "ratings", 2025)
    admitted = [_stats(demo_store, ctx, capsys, "recruitment", y)["admitted_in_year"] for y in (2025, 2026)]
    window.set_store(demo_store)
    page = window.go_to("nhiem-ky")
    assert page.term_box.currentText() == "2025–2030"
    assert "từ 01/06/2025 đến 31/05/2030; đại hội ngày 01/06/2025" in page.dates.text()
    assert page.committee.column_texts(0) == ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Dung", "Lê Văn Cường"]
    assert page.committee.column_texts(1) == ["Bí thư", "Phó Bí thư", "Cấp ủy viên", "Cấp ủy viên"]
    assert page.committee.column_texts(5)[3] == "Chuyển công tác" and page.committee.column_texts(4)[2] == "Bầu bổ sung"
    levels, rated = ratings["levels"], ratings["rated"]
    good = levels["HTXSNV"]["count"] + levels["HTTNV"]["count"]
    year_2025 = page.targets.column_texts(2)
    assert year_2025[0] == f"{format_number(100 * good / rated, 2)}% ({good}/{rated})"
    assert year_2025[2] == f"{admitted[0]} người" and page.targets.column_texts(3)[2] == f"{admitted[1]} người"
    so_far = page.targets.column_texts(8)
    assert so_far[2] == f"{admitted[0] + admitted[1]} người"
    assert page.targets.column_texts(9)[2] == f"{format_number(100 * (admitted[0] + admitted[1]) / 4, 2)}%"
    assert english_on_screen(window) == []


def test_a_target_entered_by_hand_is_added_and_a_second_secretary_is_refused(qtbot, window, demo_store):
    ensure_term(demo_store)
    window.set_store(demo_store)
    page = window.go_to("nhiem-ky")

    def fill(dialog: TargetDialog) -> None:
        type_text(dialog.indicator, "Tỷ lệ đảng viên học tập nghị quyết")
        dialog.target.setValue(98)
        dialog.value_fields[2025].setText("abc")
        dialog.save_button.click()  # refused in the dialog, nothing written
        assert dialog.isVisible() and "không phải là số" in dialog.message.text()
        dialog.value_fields[2025].setText("97,5")
        dialog.save_button.click()

    when_modal(TargetDialog, fill)
    page.add_target_button.click()
    settle(qtbot)
    row = page.targets.column_texts(0).index("Tỷ lệ đảng viên học tập nghị quyết")
    assert row == 5 and page.targets.column_texts(2)[row] == "97,50%"
    assert page.targets.column_texts(10)[row] == "0,50 điểm %"
    with demo_store.session() as s:
        assert s.scalar(select(func.count()).select_from(TermTarget)) == 6
        audits = s.scalar(select(func.count()).select_from(AuditEntry))

    def second_secretary(dialog: CommitteeDialog) -> None:
        type_text(dialog.full_name, "Hoàng Văn Em")
        dialog.role.set_value("secretary")
        dialog.from_date.setText("01/09/2026")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: "Chỉ có một Bí thư" in dialog.message.text())
        dialog.mark_clean()
        dialog.reject()

    when_modal(CommitteeDialog, second_secretary)
    page.add_member_button.click()
    settle(qtbot)
    with demo_store.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits  # nothing written
    assert len(page.committee.column_texts(0)) == 4


def test_the_mid_term_review_is_saved_from_the_page(window, demo_store, ctx, qtbot, tmp_path):
    from tests.reports.pdf import all_text

    ensure_term(demo_store)
    window.set_store(demo_store)
    page = window.go_to("nhiem-ky")
    target = tmp_path / "giua-nhiem-ky.pdf"
    ctx.prompts.files.append(target)
    ctx.prompts.confirmations.append(False)  # not opened afterwards
    page.review_button.click()
    qtbot.waitUntil(lambda: any(kind == "confirm" for kind, _t, _m in ctx.prompts.shown), timeout=15_000)
    assert ctx.prompts.suggested[-1].endswith("bao-cao-kiem-diem-giua-nhiem-ky-2025-2030.pdf")
    text = all_text(target)
    assert "kiểm điểm giữa nhiệm kỳ thực hiện Nghị quyết Đại hội" in text
    assert page.targets.column_texts(0)[2] + ": đạt " + page.targets.column_texts(8)[2] in text


def test_a_committee_row_entered_in_error_is_removed_and_the_audit_log_keeps_it(qtbot, window, demo_store, ctx):
    from khoidesktop.store.models import CommitteeMember

    ensure_term(demo_store)
    window.set_store(demo_store)
    page = window.go_to("nhiem-ky")
    row = page.committee.column_texts(0).index("Phạm Thị Dung")
    ctx.prompts.confirmations.extend([False, True])  # "Hủy" first: nothing removed

    def remove(dialog: CommitteeDialog) -> None:
        assert dialog.full_name.text() == "Phạm Thị Dung"
        dialog.remove_button.click()
        assert dialog.isVisible()
        dialog.remove_button.click()

    when_modal(CommitteeDialog, remove)
    page.open_member(page.committee_ids[row])
    settle(qtbot)
    assert "Phạm Thị Dung" not in page.committee.column_texts(0) and len(page.committee.column_texts(0)) == 3
    with demo_store.session() as s:
        assert s.scalar(select(func.count()).select_from(CommitteeMember)) == 3
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "withdraw"))
    assert entry.entity == "committee_member" and "Phạm Thị Dung" in entry.detail
