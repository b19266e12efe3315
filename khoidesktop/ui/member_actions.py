"""What the member page does with files: import from and export to Excel, the PDFs. Each long step runs
in a background task; the data file is written only after the user confirms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.store.audit import current_actor
from khoidesktop.tasks import IsCancelled, Progress
from khoidesktop.ui.backup_actions import make_backup_now
from khoidesktop.ui.save_file import EXCEL_FILTER, file_name, save_made_file
from khoidesktop.ui.tasks import run_task

if TYPE_CHECKING:
    from khoidesktop.members.sheet_import import ImportPlan
    from khoidesktop.store.database import Store


def import_excel(page: QWidget, ctx: AppContext, done: Callable[[], None]) -> None:
    from khoidesktop.members.sheet_import import apply_import, plan_import
    from khoidesktop.ui.dialogs.import_dialog import ImportPreviewDialog

    path = ctx.prompts.open_file(_("Import members from Excel"), EXCEL_FILTER)
    if path is None:
        return
    store = ctx.require_store()

    def plan(progress: Progress, cancelled: IsCancelled) -> ImportPlan:
        with store.session() as session:
            return plan_import(session, path, ctx.today())

    def write(import_plan: ImportPlan) -> None:
        def work(progress: Progress, cancelled: IsCancelled) -> ImportPlan:
            make_backup_now(ctx, store)  # before every import
            with store.session() as session, session.begin():
                apply_import(
                    session, import_plan, now=ctx.now(), actor=current_actor(), progress=progress, cancelled=cancelled
                )
            return import_plan

        run_task(page, ctx, _("Writing the members…"), work, imported, cancellable=True)

    def imported(import_plan: ImportPlan) -> None:
        done()
        ctx.prompts.info(
            _("Import finished"),
            _("Imported: {add} added, {update} updated.").format(
                add=import_plan.count("add"), update=import_plan.count("update")
            ),
        )

    def preview(import_plan: ImportPlan) -> None:
        dialog = ImportPreviewDialog(import_plan, page)
        if dialog.exec() == ImportPreviewDialog.DialogCode.Accepted:
            write(import_plan)

    run_task(page, ctx, _("Reading {name}…").format(name=path.name), plan, preview)


def export_excel(page: QWidget, ctx: AppContext) -> None:
    def make(store: Store, path: Path, progress: Progress, cancelled: IsCancelled) -> Path:
        from khoidesktop.members.records import active_members
        from khoidesktop.members.sheet_export import write_members_xlsx

        with store.session() as session:
            return write_members_xlsx(active_members(session), path)

    save_made_file(
        page,
        ctx,
        title=_("Export the member list"),
        name=file_name("danh-sach-dang-vien", ctx.today().isoformat(), suffix=".xlsx"),
        label=_("Writing the member list…"),
        make=make,
        file_filter=EXCEL_FILTER,
    )


def roster_pdf(page: QWidget, ctx: AppContext) -> None:
    from khoidesktop.members import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the member list as PDF"),
        name=file_name("danh-sach-dang-vien", ctx.today().isoformat()),
        label=_("Making the member list…"),
        make=lambda store, path, progress, cancelled: documents.roster_pdf(
            store, path, today=ctx.today(), progress=progress, cancelled=cancelled
        ),
        cancellable=True,
    )


def structure_pdf(page: QWidget, ctx: AppContext, on: date | None = None) -> None:
    from khoidesktop.members import documents

    on = on or ctx.today()
    save_made_file(
        page,
        ctx,
        title=_("Save the structure report as PDF"),
        name=file_name("bao-cao-co-cau-dang-vien", on.isoformat()),
        label=_("Making the structure report…"),
        make=lambda store, path, progress, cancelled: documents.structure_pdf(store, path, on=on, today=ctx.today()),
    )


def badges_pdf(page: QWidget, ctx: AppContext, year: int) -> None:
    from khoidesktop.members import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the list of members reaching a Party badge as PDF"),
        name=file_name("danh-sach-xet-tang-huy-hieu-dang", year),
        label=_("Making the list…"),
        make=lambda store, path, progress, cancelled: documents.badges_pdf(store, path, year=year, today=ctx.today()),
    )
