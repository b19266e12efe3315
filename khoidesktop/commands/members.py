"""The member list's commands: members import / export / list / badges, stats structure, report roster /
structure / badges."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import iso_date, json_flag, run_import, year_arg
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar=_("FILE.xlsx"))


def _dry_run(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help=_("only show what would be imported"))


def _year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year_arg, required=True)


def _on(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help=_("the date (default: today)"))


def cmd_import(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.sheet_import import apply_import, plan_import

    return run_import(
        args,
        ctx,
        store,
        lambda session: plan_import(session, args.file, ctx.today()),
        lambda session, plan, now, actor: apply_import(session, plan, now=now, actor=actor),
    )


def cmd_export(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.records import active_members
    from khoidesktop.members.sheet_export import write_members_xlsx

    with store.session() as session:
        members = active_members(session)
        write_members_xlsx(members, args.file)
    print(_("Exported {n} members to {path}.").format(n=len(members), path=args.file))
    return 0


def cmd_list(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.domain.members import STATUSES, label
    from khoidesktop.i18n import format_date
    from khoidesktop.members.records import active_members

    with store.session() as session:
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


def cmd_badges(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.queries import badges_in

    with store.session() as session:
        found = badges_in(session, args.year)
    if args.json:
        listed = []
        for m, years in found:
            assert m.admitted_on is not None  # badges_in selects only members with an admission date
            listed.append({"full_name": m.full_name, "admitted_on": m.admitted_on.isoformat(), "years": years})
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    for m, years in found:
        print(_("{name}: {years} years of Party age").format(name=m.full_name, years=years))
    return 0


def cmd_structure(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.domain.structure import GROUP_LABELS
    from khoidesktop.i18n import format_number
    from khoidesktop.members.structure import structure_on

    with store.session() as session:
        result = structure_on(session, args.on or ctx.today())
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(_("Members: {n}").format(n=result.total))
    for key, share in result.groups.items():
        print(f"  {_(GROUP_LABELS[key]):40s} {share.count:6d}  {format_number(share.percent, 2):>7s}%")
    return 0


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def cmd_roster_pdf(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.documents import roster_pdf

    path = roster_pdf(store, args.out, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_badges_pdf(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.documents import badges_pdf

    path = badges_pdf(store, args.out, year=args.year, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_structure_pdf(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.members.documents import structure_pdf

    path = structure_pdf(store, args.out, on=args.on or ctx.today(), today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


COMMANDS = (
    Command(
        "members import",
        N_("import members from an .xlsx file (all rows or none)"),
        (_file, _dry_run),
        {CELL_ROLE: cmd_import},
        writes=lambda args: not args.dry_run,
    ),
    Command("members export", N_("export the member list to an .xlsx file"), (_file,), {CELL_ROLE: cmd_export}),
    Command("members list", N_("list the cell's members in Vietnamese order"), (json_flag,), {CELL_ROLE: cmd_list}),
    Command(
        "members badges", N_("members who reach a Party badge in a year"), (_year, json_flag), {CELL_ROLE: cmd_badges}
    ),
    Command("stats structure", N_("member structure on a date"), (_on, json_flag), {CELL_ROLE: cmd_structure}),
    Command("report roster", N_("the list of Party members"), (_out,), {CELL_ROLE: cmd_roster_pdf}),
    Command("report structure", N_("the member structure report"), (_on, _out), {CELL_ROLE: cmd_structure_pdf}),
    Command(
        "report badges",
        N_("the list of members reaching a Party badge in a year"),
        (_year, _out),
        {CELL_ROLE: cmd_badges_pdf},
    ),
)
