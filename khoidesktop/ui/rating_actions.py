"""Rating files: importing a rating sheet (preview, then all or nothing) and the rating PDFs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.member_actions import EXCEL_FILTER, PDF_FILTER, saved
from khoidesktop.ui.tasks import run_task


def import_sheet(page: QWidget, ctx: AppContext, year: int, done: Callable[[], None]) -> None:
    from khoidesktop.ratings.sheet_import import apply_rating_import, plan_rating_import
    from khoidesktop.ui.dialogs.import_dialog import ImportPreviewDialog

    path = ctx.prompts.open_file(_("Import a rating sheet"), EXCEL_FILTER)
    if path is None:
        return
    store = ctx.require_store()

    def plan(progress, cancelled):
        with store.session() as session:
            return plan_rating_import(session, path, year)

    def preview(import_plan):
        if ImportPreviewDialog(import_plan, page).exec() != ImportPreviewDialog.DialogCode.Accepted:
            return
        with store.session() as session, session.begin():
            apply_rating_import(session, import_plan, year, now=ctx.now(), actor=current_actor())
        done()
        ctx.prompts.info(_("Import finished"), _("Ratings imported: {n}.").format(n=len(import_plan.rows)))

    run_task(page, ctx, _("Reading {name}…").format(name=path.name), plan, preview)


def _pdf(page: QWidget, ctx: AppContext, title: str, suggested: str, build) -> None:
    path = ctx.prompts.save_file(title, suggested, PDF_FILTER)
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        page, ctx, _("Making the report…"), lambda progress, cancelled: build(store, path), lambda p: saved(ctx, p)
    )


def report(page: QWidget, ctx: AppContext, year: int) -> None:
    from khoidesktop.ratings import documents as reports

    _pdf(
        page,
        ctx,
        _("Save the rating report as PDF"),
        f"bao-cao-xep-loai-{year}.pdf",
        lambda store, path: reports.ratings_report_pdf(store, path, year=year, today=ctx.today()),
    )


def rating_list(page: QWidget, ctx: AppContext, year: int) -> None:
    from khoidesktop.ratings import documents as reports

    _pdf(
        page,
        ctx,
        _("Save the list of proposed levels as PDF"),
        f"danh-sach-de-nghi-xep-loai-{year}.pdf",
        lambda store, path: reports.rating_list_pdf(store, path, year=year, today=ctx.today()),
    )
