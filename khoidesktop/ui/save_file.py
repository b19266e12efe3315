"""The one way the window saves a file it makes (a PDF, an .xlsx, a bundle): ask where, starting in the folder
used last time, with a name made of the document and its period; make the file off the GUI thread through the
one runner (ui/tasks.py); then offer to open it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.errors import UserError
from khoidesktop.i18n import _
from khoidesktop.paths import documents_dir
from khoidesktop.store.backup import refuse_output_onto_data_file
from khoidesktop.tasks import IsCancelled, Progress
from khoidesktop.ui.tasks import run_task

if TYPE_CHECKING:
    from khoidesktop.store.database import Store

PDF_FILTER = "PDF (*.pdf)"
EXCEL_FILTER = "Excel (*.xlsx)"
Make = Callable[["Store", Path, Progress, IsCancelled], Any]


def file_name(stem: str, *parts: object, suffix: str = ".pdf") -> str:
    """ "bao-cao-sinh-hoat", 2026, "quy-4" → "bao-cao-sinh-hoat-2026-quy-4.pdf" (empty parts left out)."""
    return "-".join([stem, *(str(p) for p in parts if p not in (None, ""))]) + suffix


def ask_save_path(ctx: AppContext, title: str, name: str, file_filter: str) -> Path | None:
    """Where to save `name`: the dialog opens in the last folder used (the first time, in the user's documents); the
    suffix is added if the user left it out."""
    folder = ctx.settings.get("last_folder")
    suggested = str((Path(folder) if folder and Path(folder).is_dir() else documents_dir()) / name)
    path = ctx.prompts.save_file(title, suggested, file_filter)
    if path is None:
        return None
    suffix = Path(name).suffix
    if suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    if ctx.store is not None:
        try:
            refuse_output_onto_data_file(path, ctx.store.path)
        except UserError as exc:
            ctx.prompts.error(title, exc.message)
            return None
    ctx.settings.set("last_folder", str(path.parent))
    return path


def offer_to_open(ctx: AppContext, path: Path) -> None:
    if ctx.prompts.confirm(_("Saved"), _("Saved {path}.\nOpen it now?").format(path=path)):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def save_made_file(
    parent: QWidget,
    ctx: AppContext,
    *,
    title: str,
    name: str,
    label: str,
    make: Make,
    file_filter: str = PDF_FILTER,
    cancellable: bool = False,
    done: Callable[[Any], None] | None = None,
) -> None:
    """Ask where, then `make(store, path, progress, cancelled)` in the background; `done(result)` afterwards
    (by default: offer to open the file). `cancellable` only when `make` honours cancelled()."""
    path = ask_save_path(ctx, title, name, file_filter)
    if path is None:
        return
    store = ctx.require_store()
    run_task(
        parent,
        ctx,
        label,
        lambda progress, cancelled: make(store, path, progress, cancelled),
        done or (lambda _result: offer_to_open(ctx, path)),
        cancellable=cancellable,
    )
