"""The meeting PDFs, made in a background task and saved where the user chooses."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui.member_actions import PDF_FILTER, saved
from khoidesktop.ui.tasks import run_task


def minutes_pdf(page: QWidget, ctx: AppContext, meeting_id: int) -> None:
    from khoidesktop.meetings import documents as reports

    path = ctx.prompts.save_file(_("Save the minutes as PDF"), f"bien-ban-sinh-hoat-{meeting_id}.pdf", PDF_FILTER)
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        page,
        ctx,
        _("Making the minutes…"),
        lambda progress, cancelled: reports.minutes_pdf(store, path, meeting_id=meeting_id, today=ctx.today()),
        lambda p: saved(ctx, p),
    )


def meetings_report_pdf(page: QWidget, ctx: AppContext, year: int, quarter: int | None) -> None:
    from khoidesktop.meetings import documents as reports

    suggested = f"bao-cao-sinh-hoat-{year}" + (f"-quy-{quarter}" if quarter else "") + ".pdf"
    path = ctx.prompts.save_file(_("Save the meetings report as PDF"), suggested, PDF_FILTER)
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        page,
        ctx,
        _("Making the meetings report…"),
        lambda progress, cancelled: reports.meetings_report_pdf(
            store, path, year=year, quarter=quarter, today=ctx.today()
        ),
        lambda p: saved(ctx, p),
    )
