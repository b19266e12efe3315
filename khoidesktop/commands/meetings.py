"""The meetings' commands: stats meetings, report minutes / meetings."""

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
    parser.add_argument("--year", type=year_arg, required=True)


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def _meeting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", type=id_arg, required=True, metavar="ID", help=_("the meeting's number"))


def _year_quarter(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year_arg, required=True)
    parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))


def cmd_meetings(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.i18n import format_number
    from khoidesktop.meetings.stats import year_summary

    with store.session() as session:
        summary = year_summary(session, args.year, ctx.today())
    if args.json:
        print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(
        _("Meetings in {year}: {n}; average attendance {percent}%.").format(
            year=args.year, n=len(summary.rows), percent=format_number(summary.average_attendance(), 2)
        )
    )
    for warning in summary.warnings:
        print(f"- {warning}")
    return 0


def cmd_minutes_pdf(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.meetings.documents import minutes_pdf

    path = minutes_pdf(store, args.out, meeting_id=args.meeting, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_meetings_pdf(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.meetings.documents import meetings_report_pdf

    path = meetings_report_pdf(store, args.out, year=args.year, quarter=args.quarter, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


COMMANDS = (
    Command(
        "stats meetings",
        N_("meetings held in a year, attendance, absences"),
        (_year, json_flag),
        {CELL_ROLE: cmd_meetings},
    ),
    Command("report minutes", N_("the minutes of one meeting"), (_meeting, _out), {CELL_ROLE: cmd_minutes_pdf}),
    Command(
        "report meetings",
        N_("the report on the cell's meetings for a year or a quarter"),
        (_year_quarter, _out),
        {CELL_ROLE: cmd_meetings_pdf},
    ),
)
