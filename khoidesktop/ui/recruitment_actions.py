"""The recruitment PDFs, made in a background task."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui.member_actions import PDF_FILTER, saved
from khoidesktop.ui.tasks import run_task


def report(page: QWidget, ctx: AppContext) -> None:
    from khoidesktop.recruitment import documents as reports

    year = ctx.today().year
    path = ctx.prompts.save_file(
        _("Save the recruitment report as PDF"), f"bao-cao-phat-trien-dang-vien-{year}.pdf", PDF_FILTER
    )
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        page,
        ctx,
        _("Making the report…"),
        lambda progress, cancelled: reports.recruitment_report_pdf(
            store, path, year=year, today=ctx.today(), extra_days_off=tuple(ctx.extra_days_off())
        ),
        lambda p: saved(ctx, p),
    )


def resolution(page: QWidget, ctx: AppContext, candidate_id: int) -> None:
    from khoidesktop.recruitment import documents as reports

    path = ctx.prompts.save_file(
        _("Save the resolution as PDF"), f"nghi-quyet-de-nghi-ket-nap-{candidate_id}.pdf", PDF_FILTER
    )
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        page,
        ctx,
        _("Making the report…"),
        lambda progress, cancelled: reports.admission_resolution_pdf(
            store, path, candidate_id=candidate_id, today=ctx.today()
        ),
        lambda p: saved(ctx, p),
    )
