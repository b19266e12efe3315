"""The meeting PDFs, made in the background and saved where the user chooses (ui/save_file.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui.save_file import file_name, save_made_file


def minutes_pdf(page: QWidget, ctx: AppContext, meeting_id: int) -> None:
    from khoidesktop.meetings import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the minutes as PDF"),
        name=file_name("bien-ban-sinh-hoat", meeting_id),
        label=_("Making the minutes…"),
        make=lambda store, path, progress, cancelled: documents.minutes_pdf(
            store, path, meeting_id=meeting_id, today=ctx.today()
        ),
    )


def meetings_report_pdf(page: QWidget, ctx: AppContext, year: int, quarter: int | None) -> None:
    from khoidesktop.meetings import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the meetings report as PDF"),
        name=file_name("bao-cao-sinh-hoat", year, f"quy-{quarter}" if quarter else None),
        label=_("Making the meetings report…"),
        make=lambda store, path, progress, cancelled: documents.meetings_report_pdf(
            store, path, year=year, quarter=quarter, today=ctx.today()
        ),
    )
