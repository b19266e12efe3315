"""What the member page does with files: import from and export to Excel, the PDFs. Each long step runs
in a background task; the data file is written only after the user confirms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.store.audit import current_actor
from khoidesktop.ui.tasks import run_task

EXCEL_FILTER = "Excel (*.xlsx)"
PDF_FILTER = "PDF (*.pdf)"


def saved(ctx: AppContext, path: Path) -> None:
    if ctx.prompts.confirm(_("Saved"), _("Saved {path}.\nOpen it now?").format(path=path)):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def import_excel(page: QWidget, ctx: AppContext, done: Callable[[], None]) -> None:
    from khoidesktop.members.sheet_import import apply_import, plan_import
    from khoidesktop.ui.dialogs.import_dialog import ImportPreviewDialog

    path = ctx.prompts.open_file(_("Import members from Excel"), EXCEL_FILTER)
    if path is None:
        return
    store = ctx.require_store()

    def plan(progress, cancelled):
        with store.session() as session:
            return plan_import(session, path, ctx.today())

    def write(import_plan):
        def work(progress, cancelled):
            with store.session() as session, session.begin():
                apply_import(
                    session, import_plan, now=ctx.now(), actor=current_actor(), progress=progress, cancelled=cancelled
                )
            return import_plan

        run_task(page, ctx, _("Writing the members…"), work, imported)

    def imported(import_plan):
        done()
        ctx.prompts.info(
            _("Import finished"),
            _("Imported: {add} added, {update} updated.").format(
                add=import_plan.count("add"), update=import_plan.count("update")
            ),
        )

    def preview(import_plan):
        dialog = ImportPreviewDialog(import_plan, page)
        if dialog.exec() == ImportPreviewDialog.DialogCode.Accepted:
            write(import_plan)

    run_task(page, ctx, _("Reading {name}…").format(name=path.name), plan, preview)


def export_excel(page: QWidget, ctx: AppContext) -> None:
    from khoidesktop.members.records import active_members
    from khoidesktop.members.sheet_export import write_members_xlsx

    path = ctx.prompts.save_file(_("Export the member list"), "danh-sach-dang-vien.xlsx", EXCEL_FILTER)
    if path is None:
        return
    store = ctx.require_store()

    def work(progress, cancelled):
        with store.session() as session:
            return write_members_xlsx(active_members(session), path)

    run_task(page, ctx, _("Writing {name}…").format(name=path.name), work, lambda p: saved(ctx, p))


def roster_pdf(page: QWidget, ctx: AppContext) -> None:
    from khoidesktop.members import documents as reports

    path = ctx.prompts.save_file(_("Save the member list as PDF"), "danh-sach-dang-vien.pdf", PDF_FILTER)
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        page,
        ctx,
        _("Making the member list…"),
        lambda progress, cancelled: reports.roster_pdf(
            store, path, today=ctx.today(), progress=progress, cancelled=cancelled
        ),
        lambda p: saved(ctx, p),
    )


def structure_pdf(page: QWidget, ctx: AppContext, on: date | None = None) -> None:
    from khoidesktop.members import documents as reports

    path = ctx.prompts.save_file(_("Save the structure report as PDF"), "bao-cao-co-cau-dang-vien.pdf", PDF_FILTER)
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        page,
        ctx,
        _("Making the structure report…"),
        lambda progress, cancelled: reports.structure_pdf(store, path, on=on or ctx.today(), today=ctx.today()),
        lambda p: saved(ctx, p),
    )
