"""Rating files: importing a rating sheet (preview, then all or nothing) and the rating PDFs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.store.audit import current_actor
from khoidesktop.tasks import IsCancelled, Progress
from khoidesktop.ui.backup_actions import make_backup_now
from khoidesktop.ui.save_file import EXCEL_FILTER, file_name, save_made_file
from khoidesktop.ui.tasks import run_task, run_write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.members.sheet_import import ImportPlan


def import_sheet(page: QWidget, ctx: AppContext, year: int, done: Callable[[], None]) -> None:
    from khoidesktop.ratings.sheet_import import apply_rating_import, plan_rating_import
    from khoidesktop.ui.dialogs.import_dialog import ImportPreviewDialog

    path = ctx.prompts.open_file(_("Import a rating sheet"), EXCEL_FILTER)
    if path is None:
        return
    store = ctx.require_store()

    def plan(progress: Progress, cancelled: IsCancelled) -> ImportPlan:
        with store.session() as session:
            return plan_rating_import(session, path, year)

    def preview(import_plan: ImportPlan) -> None:
        if ImportPreviewDialog(import_plan, page).exec() != ImportPreviewDialog.DialogCode.Accepted:
            return

        def write(session: Session) -> None:
            make_backup_now(ctx, store)  # before every import (nothing of this session is written yet)
            apply_rating_import(session, import_plan, year, now=ctx.now(), actor=current_actor())

        def imported(_result: None) -> None:
            done()
            ctx.prompts.info(_("Import finished"), _("Ratings imported: {n}.").format(n=len(import_plan.rows)))

        run_write(page, ctx, write, imported, label=_("Writing the ratings…"))

    run_task(page, ctx, _("Reading {name}…").format(name=path.name), plan, preview)


def report(page: QWidget, ctx: AppContext, year: int) -> None:
    from khoidesktop.ratings import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the rating report as PDF"),
        name=file_name("bao-cao-xep-loai", year),
        label=_("Making the report…"),
        make=lambda store, path, progress, cancelled: documents.ratings_report_pdf(
            store, path, year=year, today=ctx.today()
        ),
    )


def rating_list(page: QWidget, ctx: AppContext, year: int) -> None:
    from khoidesktop.ratings import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the list of proposed levels as PDF"),
        name=file_name("danh-sach-de-nghi-xep-loai", year),
        label=_("Making the report…"),
        make=lambda store, path, progress, cancelled: documents.rating_list_pdf(
            store, path, year=year, today=ctx.today()
        ),
    )
