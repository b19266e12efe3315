"""report roster / structure: the PDFs."""

from __future__ import annotations

import argparse
from pathlib import Path

from khoidesktop.commands.common import iso_date, opened
from khoidesktop.context import AppContext
from khoidesktop.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help=_("make a PDF report"))
    kinds = report.add_subparsers(dest="kind", required=True, metavar=_("REPORT"))
    commands.report_kinds = kinds  # other command modules add their reports here
    roster = kinds.add_parser("roster", help=_("the list of Party members"))
    roster.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    roster.set_defaults(handler=cmd_roster)
    structure = kinds.add_parser("structure", help=_("the member structure report"))
    structure.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=_("the date (default: today)"))
    structure.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    structure.set_defaults(handler=cmd_structure)
    minutes = kinds.add_parser("minutes", help=_("the minutes of one meeting"))
    minutes.add_argument("--meeting", type=int, required=True, metavar="ID", help=_("the meeting's number"))
    minutes.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    minutes.set_defaults(handler=cmd_minutes)
    meetings = kinds.add_parser("meetings", help=_("the report on the cell's meetings for a year or a quarter"))
    meetings.add_argument("--year", type=int, required=True)
    meetings.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
    meetings.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    meetings.set_defaults(handler=cmd_meetings)


def cmd_roster(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.members.documents import roster_pdf

    with opened(args, ctx) as store:
        path = roster_pdf(store, args.out, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_structure(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.members.documents import structure_pdf

    with opened(args, ctx) as store:
        path = structure_pdf(store, args.out, on=args.on or ctx.today(), today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_minutes(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.meetings.documents import minutes_pdf

    with opened(args, ctx) as store:
        path = minutes_pdf(store, args.out, meeting_id=args.meeting, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_meetings(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.meetings.documents import meetings_report_pdf

    with opened(args, ctx) as store:
        path = meetings_report_pdf(store, args.out, year=args.year, quarter=args.quarter, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0
