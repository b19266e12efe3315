"""Withdrawing an entry made in error ("nhập nhầm"): say what goes, ask, then write through the one runner.

The feature says what goes (or refuses, saying what to do first) and withdraws; the audit log keeps the values."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from khoidesktop.context import AppContext
from khoidesktop.errors import UserError
from khoidesktop.i18n import _
from khoidesktop.ui.tasks import run_write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def withdraw(
    parent: QWidget,
    ctx: AppContext,
    title: str,
    what_goes: Callable[[Session], str],
    write: Callable[[Session], object],
    done: Callable[[], None],
) -> None:
    """Show `what_goes(session)` (a refusal is shown instead, nothing written), ask, then run `write`."""
    try:
        with ctx.require_store().session() as session:
            said = what_goes(session)
    except UserError as exc:
        ctx.prompts.warning(title, exc.message)
        return
    question = said + "\n\n" + _("Withdraw it as entered in error? The audit log keeps what it held.")
    if not ctx.prompts.confirm(title, question):
        return
    run_write(
        parent,
        ctx,
        write,
        lambda _result: done(),
        on_error=lambda message: ctx.prompts.error(title, message),
        busy=parent,
    )
