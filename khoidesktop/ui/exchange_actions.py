"""What the data exchange page does with files: export a level's bundle, import its units' bundles into a
level above (checked in the background, keys confirmed by the user, then written), save a level's PDFs."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.domain.names import fold
from khoidesktop.domain.periods import Period
from khoidesktop.i18n import _, format_date
from khoidesktop.store.audit import current_actor
from khoidesktop.tasks import IsCancelled, Progress
from khoidesktop.ui.backup_actions import make_backup_now
from khoidesktop.ui.save_file import file_name, save_made_file
from khoidesktop.ui.tasks import run_task

if TYPE_CHECKING:
    from khoidesktop.exchange.bundle_export import ExportResult
    from khoidesktop.exchange.bundle_import import Checked, KeyQuestion, Outcome
    from khoidesktop.store.database import Store


def bundle_filter() -> str:
    return _("Khối desktop bundle (*.khoi)")


def _file_stem(text: str) -> str:
    """ "Chi bộ Tổ chức/Hành chính" → "chi-bo-to-chuc-hanh-chinh": letters and digits only, on any system."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text))) or "goi"


def period_not_ended(ctx: AppContext, period: Period) -> bool:
    """A period that has not ended yet is exported only when the user says so: its figures may still change."""
    if period.end < ctx.today():
        return False
    return not ctx.prompts.confirm(
        _("The period has not ended"),
        _(
            "{period} ends on {end}: what is recorded after today is not in this bundle, and the level above "
            "may take it for the period's final figures. Export the bundle for {period} now anyway?"
        ).format(period=period.label(), end=format_date(period.end)),
    )


def export_bundle(
    page: QWidget,
    ctx: AppContext,
    period: Period,
    cell_name: str,
    done: Callable[[], None],
    named: tuple[str, ...] = (),
) -> None:
    from khoidesktop.exchange.bundle_export import export_bundle as export

    if period_not_ended(ctx, period):
        return

    def make(store: Store, path: Path, progress: Progress, cancelled: IsCancelled) -> ExportResult:
        return export(
            store,
            path,
            period,
            today=ctx.today(),
            now=ctx.now(),
            actor=current_actor(),
            named=named,
            progress=progress,
        )

    def exported(result: ExportResult) -> None:
        done()
        first = _("This was the first bundle: the signing key was made now. ") if result.new_key else ""
        ctx.prompts.info(
            _("Bundle saved"),
            _(
                "Saved {path} ({n} members, {period}).\n\n{first}Key fingerprint: {fp}\nRead it to the level "
                "above when they ask to confirm the key."
            ).format(path=result.path, n=result.members, period=period.label(), first=first, fp=result.fingerprint)
            + "\n\n"
            + _("The bundle holds: {what}.").format(what=result.contents()),
        )

    save_made_file(
        page,
        ctx,
        title=_("Save the bundle for the superior committee"),
        name=file_name(_file_stem(cell_name), period.code, suffix=".khoi"),
        label=_("Making the bundle for {period}…").format(period=period.label()),
        make=make,
        file_filter=bundle_filter(),
        done=exported,
    )


def key_question(q: KeyQuestion) -> str:
    warning = ""
    if q.changed:
        warning = _("The key of this unit has CHANGED since its last bundle. ")
    elif q.namesake:
        warning = _(
            "This level already has a unit with this name but another key: if the unit started a new data "
            "file, accept, then remove the old unit's bundles. "
        )
    return _(
        "{changed}{cell} signs its bundles with the key whose fingerprint is\n\n{fp}\n\nCall the unit's "
        "secretary and compare: is it the fingerprint shown on their “Data exchange” page?"
    ).format(changed=warning, cell=q.cell_name, fp=q.fingerprint)


def import_bundles(page: QWidget, ctx: AppContext, done: Callable[[list[Outcome]], None]) -> None:
    """Pick bundles; check them all in the background; ask about new keys; write the good ones."""
    from khoidesktop.exchange.bundle_import import check_files, import_checked, keys_to_confirm

    paths = ctx.prompts.open_files(_("Import the units' bundles"), bundle_filter())
    if not paths:
        return
    store = ctx.require_store()

    def check(progress: Progress, cancelled: IsCancelled) -> tuple[list[Checked], list[KeyQuestion]]:
        found = check_files(paths, cancelled, progress)
        with store.session() as session:
            return found, keys_to_confirm(session, found, ctx.now())

    def confirm_keys(checked_and_questions: tuple[list[Checked], list[KeyQuestion]]) -> None:
        checked, questions = checked_and_questions
        trusted = {q.trust for q in questions if ctx.prompts.confirm(_("Confirm the unit's key"), key_question(q))}

        def write(progress: Progress, cancelled: IsCancelled) -> list[Outcome]:
            make_backup_now(ctx, store)  # before every import
            return import_checked(
                store,
                checked,
                trusted=trusted,
                now=ctx.now(),
                actor=current_actor(),
                progress=progress,
                cancelled=cancelled,
            )

        run_task(page, ctx, _("Importing the bundles…"), write, done, cancellable=True)

    run_task(page, ctx, _("Checking {n} files…").format(n=len(paths)), check, confirm_keys, cancellable=True)


# A level's document: the units.documents function, the file name offered, and whether it is of a year (the
# resolution) rather than of a period (a year or a quarter).
BLOC_REPORTS = {
    "bloc-structure": ("bloc_structure_pdf", "bao-cao-co-cau-dang-vien-toan-dang-bo", False),
    "bloc-ratings": ("bloc_ratings_pdf", "bao-cao-xep-loai-dang-vien-toan-dang-bo", False),
    "bloc-meetings": ("bloc_meetings_pdf", "bao-cao-sinh-hoat-chi-bo-toan-dang-bo", False),
    "bloc-recruitment": ("bloc_recruitment_pdf", "bao-cao-phat-trien-dang-vien-toan-dang-bo", False),
    "excellence-resolution": ("excellence_resolution_pdf", "nghi-quyet-cong-nhan-dang-vien-htxsnv", True),
}


def bloc_pdf(page: QWidget, ctx: AppContext, kind: str, period: Period) -> None:
    from khoidesktop.units import documents as bloc_reports

    function, stem, by_year = BLOC_REPORTS[kind]
    make = getattr(bloc_reports, function)
    when: dict[str, object] = {"year": period.year} if by_year else {"period": period}
    save_made_file(
        page,
        ctx,
        title=_("Save the document as PDF"),
        name=file_name(stem, str(period.year) if by_year else period.code),
        label=_("Making the report…"),
        make=lambda store, path, progress, cancelled: make(store, path, today=ctx.today(), **when),
    )
