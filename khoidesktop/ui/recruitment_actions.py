"""The recruitment PDFs, made in the background and saved where the user chooses (ui/save_file.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.i18n import _
from khoidesktop.ui.save_file import file_name, save_made_file


def report(page: QWidget, ctx: AppContext, year: int | None = None) -> None:
    """The recruitment report of `year` (this year by default)."""
    from khoidesktop.recruitment import documents

    year = year or ctx.today().year
    save_made_file(
        page,
        ctx,
        title=_("Save the recruitment report as PDF"),
        name=file_name("bao-cao-phat-trien-dang-vien", year),
        label=_("Making the report…"),
        make=lambda store, path, progress, cancelled: documents.recruitment_report_pdf(
            store, path, year=year, today=ctx.today()
        ),
    )


def resolution(page: QWidget, ctx: AppContext, candidate_id: int) -> None:
    from khoidesktop.recruitment import documents

    save_made_file(
        page,
        ctx,
        title=_("Save the resolution as PDF"),
        name=file_name("nghi-quyet-de-nghi-ket-nap", candidate_id),
        label=_("Making the report…"),
        make=lambda store, path, progress, cancelled: documents.admission_resolution_pdf(
            store, path, candidate_id=candidate_id, today=ctx.today()
        ),
    )
