"""report roster / structure: the PDFs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import iso_date
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def _on(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=_("the date (default: today)"))


def _meeting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", type=int, required=True, metavar="ID", help=_("the meeting's number"))


def _year_quarter(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))


def cmd_roster(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.documents import roster_pdf

    path = roster_pdf(store, args.out, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_structure(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.documents import structure_pdf

    path = structure_pdf(store, args.out, on=args.on or ctx.today(), today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_minutes(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.meetings.documents import minutes_pdf

    path = minutes_pdf(store, args.out, meeting_id=args.meeting, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_meetings(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.meetings.documents import meetings_report_pdf

    path = meetings_report_pdf(store, args.out, year=args.year, quarter=args.quarter, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


COMMANDS = (
    Command("report roster", N_("the list of Party members"), (_out,), {CELL_ROLE: cmd_roster}),
    Command("report structure", N_("the member structure report"), (_on, _out), {CELL_ROLE: cmd_structure}),
    Command("report minutes", N_("the minutes of one meeting"), (_meeting, _out), {CELL_ROLE: cmd_minutes}),
    Command(
        "report meetings",
        N_("the report on the cell's meetings for a year or a quarter"),
        (_year_quarter, _out),
        {CELL_ROLE: cmd_meetings},
    ),
)
