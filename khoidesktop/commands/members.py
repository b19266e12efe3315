"""members import / export / list, stats structure."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khoidesktop.commands.common import iso_date, opened, run_import
from khoidesktop.context import AppContext
from khoidesktop.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    members = commands.add_parser("members", help=_("import, export or list the members"))
    actions = members.add_subparsers(dest="action", required=True, metavar=_("ACTION"))
    imp = actions.add_parser("import", help=_("import members from an .xlsx file (all rows or none)"))
    imp.add_argument("file", type=Path, metavar=_("FILE.xlsx"))
    imp.add_argument("--dry-run", action="store_true", help=_("only show what would be imported"))
    imp.set_defaults(handler=cmd_import)
    exp = actions.add_parser("export", help=_("export the member list to an .xlsx file"))
    exp.add_argument("file", type=Path, metavar=_("FILE.xlsx"))
    exp.set_defaults(handler=cmd_export)
    lst = actions.add_parser("list", help=_("list the cell's members in Vietnamese order"))
    lst.add_argument("--json", action="store_true", help=_("print JSON for other programs"))
    lst.set_defaults(handler=cmd_list)
    badges = actions.add_parser("badges", help=_("members who reach a Party badge in a year"))
    badges.add_argument("--year", type=int, required=True)
    badges.add_argument("--json", action="store_true", help=_("print JSON for other programs"))
    badges.set_defaults(handler=cmd_badges)

    stats = commands.add_parser("stats", help=_("figures for reports (JSON with --json)"))
    topics = stats.add_subparsers(dest="topic", required=True, metavar=_("TOPIC"))
    commands.stats_topics = topics  # other command modules add their figures here
    structure = topics.add_parser("structure", help=_("member structure on a date"))
    structure.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=_("the date (default: today)"))
    structure.add_argument("--json", action="store_true", help=_("print JSON for other programs"))
    structure.set_defaults(handler=cmd_structure)
    meetings = topics.add_parser("meetings", help=_("meetings held in a year, attendance, absences"))
    meetings.add_argument("--year", type=int, required=True)
    meetings.add_argument("--json", action="store_true", help=_("print JSON for other programs"))
    meetings.set_defaults(handler=cmd_meetings)


def cmd_import(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.members.sheet_import import apply_import, plan_import

    return run_import(
        args,
        ctx,
        lambda session: plan_import(session, args.file, ctx.today()),
        lambda session, plan, now, actor: apply_import(session, plan, now=now, actor=actor),
    )


def cmd_export(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.members.records import active_members
    from khoidesktop.members.sheet_export import write_members_xlsx

    with opened(args, ctx) as store, store.session() as session:
        members = active_members(session)
        write_members_xlsx(members, args.file)
    print(_("Exported {n} members to {path}.").format(n=len(members), path=args.file))
    return 0


def cmd_list(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.domain.members import STATUSES, label
    from khoidesktop.i18n import format_date
    from khoidesktop.members.records import active_members

    with opened(args, ctx) as store, store.session() as session:
        members = active_members(session)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": m.id,
                        "full_name": m.full_name,
                        "birth_date": m.birth_date.isoformat() if m.birth_date else None,
                        "gender": m.gender,
                        "status": m.status,
                        "card_number": m.card_number,
                        "admitted_on": m.admitted_on.isoformat() if m.admitted_on else None,
                        "official_on": m.official_on.isoformat() if m.official_on else None,
                    }
                    for m in members
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for number, m in enumerate(members, start=1):
        print(f"{number:4d}. {m.full_name:32s} {format_date(m.birth_date):10s}  {label(STATUSES, m.status)}")
    return 0


def cmd_badges(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.members.queries import badges_in

    with opened(args, ctx) as store, store.session() as session:
        found = badges_in(session, args.year)
    if args.json:
        print(
            json.dumps(
                [
                    {"full_name": m.full_name, "admitted_on": m.admitted_on.isoformat(), "years": years}
                    for m, years in found
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for m, years in found:
        print(_("{name}: {years} years of Party age").format(name=m.full_name, years=years))
    return 0


def cmd_structure(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.domain.structure import GROUP_LABELS
    from khoidesktop.i18n import format_number
    from khoidesktop.members.structure import structure_on

    with opened(args, ctx) as store, store.session() as session:
        result = structure_on(session, args.on or ctx.today())
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(_("Members: {n}").format(n=result.total))
    for key, share in result.groups.items():
        print(f"  {_(GROUP_LABELS[key]):40s} {share.count:6d}  {format_number(share.percent, 2):>7s}%")
    return 0


def cmd_meetings(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.i18n import format_number
    from khoidesktop.meetings.stats import year_summary

    with opened(args, ctx) as store, store.session() as session:
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
