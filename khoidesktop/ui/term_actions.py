"""The Nhiệm kỳ page's document: Báo cáo kiểm điểm giữa nhiệm kỳ, saved through the one save action."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui.save_file import file_name, save_made_file


def midterm_review(page: QWidget, ctx: AppContext, term: str) -> None:
    from khoidesktop.terms import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the mid-term review as PDF"),
        name=file_name("bao-cao-kiem-diem-giua-nhiem-ky", term.replace("–", "-")),
        label=_("Making the report…"),
        make=lambda store, path, progress, cancelled: documents.midterm_review_pdf(
            store, path, today=ctx.today(), term=term
        ),
    )


def delegates_list(page: QWidget, ctx: AppContext, term: str, *, from_units: bool = False) -> None:
    """Danh sách đại biểu dự Đại hội … và cơ cấu đoàn đại biểu: the term's own delegates, or (`from_units`) the
    delegation of this level's congress summed from its units' lists."""
    from khoidesktop.terms import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the list of delegates as PDF"),
        name=file_name("danh-sach-dai-bieu" + ("-cac-don-vi" if from_units else ""), term.replace("–", "-")),
        label=_("Making the list…"),
        make=lambda store, path, progress, cancelled: documents.delegates_pdf(
            store, path, today=ctx.today(), term=term or None, from_units=from_units
        ),
    )
