"""stats recruitment, report recruitment / admission-resolution."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import id_arg, json_flag, year_arg
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store


def _year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year_arg, help=_("the year (default: this year)"))


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def _candidate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--candidate", type=id_arg, required=True, metavar="ID")


def cmd_stats(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.datafile.days_off import work_calendar
    from khoidesktop.recruitment.stats import recruitment_figures

    with store.session() as session:
        figures = recruitment_figures(session, args.year or ctx.today().year, ctx.today(), work_calendar(session))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(
        _("Admitted in {year}: {n}; files open: {open}.").format(
            year=figures["year"], n=figures["admitted_in_year"], open=figures["files_open"]
        )
    )
    for item in figures["overdue"]:
        print(f"- {item['full_name']}: {item['what']} ({item['due']})")
    return 0


def cmd_report(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.recruitment.documents import recruitment_report_pdf

    path = recruitment_report_pdf(
        store,
        args.out,
        year=args.year or ctx.today().year,
        today=ctx.today(),
    )
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_resolution(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.recruitment.documents import admission_resolution_pdf

    path = admission_resolution_pdf(store, args.out, candidate_id=args.candidate, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


COMMANDS = (
    Command(
        "stats recruitment",
        N_("recruitment files by step, admissions against the targets"),
        (_year, json_flag),
        {CELL_ROLE: cmd_stats},
    ),
    Command("report recruitment", N_("the report on recruitment for a year"), (_year, _out), {CELL_ROLE: cmd_report}),
    Command(
        "report admission-resolution",
        N_("the cell resolution proposing admission (6-KNĐ)"),
        (_candidate, _out),
        {CELL_ROLE: cmd_resolution},
    ),
)
