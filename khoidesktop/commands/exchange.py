"""export-bundle: a data file's signed bundle for the level above (at every level of the tree)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import period_arg
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store


def _export_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--period", type=period_arg, required=True, metavar=_("PERIOD"), help=_("a year (2025) or a quarter (2025-Q3)")
    )
    export.add_argument("--out", type=Path, required=True, metavar=_("FILE.khoi"))
    export.add_argument(
        "--include",
        action="append",
        default=[],
        choices=("proposals", "delegates"),
        help=_(
            "add a named list the level above needs (proposals: the members proposed as HTXSNV, for the "
            "grassroots committee; delegates: the delegates to the superior's congress); without it the bundle "
            "holds counts only"
        ),
    )


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
        named=tuple(dict.fromkeys(args.include)),
    )
    print(
        _("Saved {path} ({n} members, {period}).").format(
            path=result.path, n=result.members, period=args.period.label()
        )
    )
    print(_("The bundle holds: {what}.").format(what=result.contents()))
    print(_("Key fingerprint of this data file: {fp}").format(fp=result.fingerprint))
    return 0


COMMANDS = (
    Command(
        "export-bundle",
        N_("make the signed bundle for the level above"),
        (_export_arguments,),
        {CELL_ROLE: cmd_export, UNITS_ROLE: cmd_export},
        writes=lambda args: True,
    ),
)
