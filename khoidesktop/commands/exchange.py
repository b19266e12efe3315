"""export-bundle: the cell's signed bundle for the level above."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import period_arg
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import BUNDLES_FROM_A_CELL, CELL_ROLE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store


def _export_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--period", type=period_arg, required=True, metavar=_("PERIOD"), help=_("a year (2025) or a quarter (2025-Q3)")
    )
    export.add_argument("--out", type=Path, required=True, metavar=_("FILE.khoi"))


def cmd_export(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.exchange.bundle_export import export_bundle
    from khoidesktop.store.audit import current_actor

    result = export_bundle(
        store,
        args.out,
        args.period,
        today=ctx.today(),
        now=ctx.now(),
        actor=current_actor(),
        calendar=ctx.work_calendar(),
    )
    print(
        _("Saved {path} ({n} members, {period}).").format(
            path=result.path, n=result.members, period=args.period.label()
        )
    )
    print(_("Key fingerprint of the cell: {fp}").format(fp=result.fingerprint))
    return 0


COMMANDS = (
    Command(
        "export-bundle",
        N_("make the signed bundle for the superior committee"),
        (_export_arguments,),
        {CELL_ROLE: cmd_export},
        writes=lambda args: True,
        refusal=BUNDLES_FROM_A_CELL,
    ),
)
