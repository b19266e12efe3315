"""ratings import, stats ratings, report ratings / rating-list."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khoidesktop.commands.common import opened, run_import
from khoidesktop.context import AppContext
from khoidesktop.i18n import _


def register(
    commands: argparse._SubParsersAction, stats: argparse._SubParsersAction, reports: argparse._SubParsersAction
) -> None:
    ratings = commands.add_parser("ratings", help=_("the yearly rating of members"))
    actions = ratings.add_subparsers(dest="action", required=True, metavar=_("ACTION"))
    imp = actions.add_parser("import", help=_("import a rating sheet from an .xlsx file (all rows or none)"))
    imp.add_argument("file", type=Path, metavar=_("FILE.xlsx"))
    imp.add_argument("--year", type=int, required=True)
    imp.add_argument("--dry-run", action="store_true", help=_("only show what would be imported"))
    imp.set_defaults(handler=cmd_import)
    figures = stats.add_parser("ratings", help=_("the rating results of a year"))
    figures.add_argument("--year", type=int, required=True)
    figures.add_argument("--json", action="store_true", help=_("print JSON for other programs"))
    figures.set_defaults(handler=cmd_stats)
    for name, text in (
        ("ratings", _("the report on the rating results of a year")),
        ("rating-list", _("the list of proposed rating levels of a year")),
    ):
        report = reports.add_parser(name, help=text)
        report.add_argument("--year", type=int, required=True)
        report.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
        report.set_defaults(handler=cmd_report, report=name)


def cmd_import(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.ratings.sheet_import import apply_rating_import, plan_rating_import

    return run_import(
        args,
        ctx,
        lambda session: plan_rating_import(session, args.file, args.year),
        lambda session, plan, now, actor: apply_rating_import(session, plan, args.year, now=now, actor=actor),
    )


def cmd_stats(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.domain.rating_rules import LEVELS
    from khoidesktop.i18n import format_percent
    from khoidesktop.ratings.records import year_figures

    with opened(args, ctx) as store, store.session() as session:
        figures = year_figures(session, args.year)
    if args.json:
        print(json.dumps(figures.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(figures.rule_set)
    print(_("Rated: {n}").format(n=figures.rated))
    for level, count in figures.levels.items():
        print(f"  {_(LEVELS[level]):36s} {count:5d}  {format_percent(count, figures.rated):>8s}")
    return 0


def cmd_report(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.ratings import documents as reports

    build = reports.ratings_report_pdf if args.report == "ratings" else reports.rating_list_pdf
    with opened(args, ctx) as store:
        path = build(store, args.out, year=args.year, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0
