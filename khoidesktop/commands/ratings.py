"""ratings import, stats ratings, report ratings / rating-list."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import bounded, json_flag, run_import
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE
from khoidesktop.domain.dates import LAST_YEAR
from khoidesktop.domain.rating_rules import RULE_SETS
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store


# The years a rating rule set covers (domain/rating_rules.RULE_SETS): the first one, QĐ 132, governs 2018 on.
rated_year = bounded(min(r.first_year for r in RULE_SETS), LAST_YEAR)


def _year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=rated_year, required=True)


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar=_("FILE.xlsx"))
    _year(parser)
    parser.add_argument("--dry-run", action="store_true", help=_("only show what would be imported"))


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    _year(parser)
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def cmd_import(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.ratings.sheet_import import apply_rating_import, plan_rating_import

    return run_import(
        args,
        ctx,
        store,
        lambda session: plan_rating_import(session, args.file, args.year),
        lambda session, plan, now, actor: apply_rating_import(session, plan, args.year, now=now, actor=actor),
    )


def cmd_stats(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.domain.rating_rules import LEVELS
    from khoidesktop.i18n import format_percent
    from khoidesktop.ratings.records import year_figures

    with store.session() as session:
        figures = year_figures(session, args.year)
    if args.json:
        print(json.dumps(figures.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(figures.rule_set)
    print(_("Rated: {n}").format(n=figures.rated))
    for level, count in figures.levels.items():
        print(f"  {_(LEVELS[level]):36s} {count:5d}  {format_percent(count, figures.rated):>8s}")
    return 0


def cmd_report(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.ratings import documents as reports

    build = reports.ratings_report_pdf if args.kind == "ratings" else reports.rating_list_pdf
    path = build(store, args.out, year=args.year, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


COMMANDS = (
    Command(
        "ratings import",
        N_("import a rating sheet from an .xlsx file (all rows or none)"),
        (_import_arguments,),
        {CELL_ROLE: cmd_import},
        writes=lambda args: not args.dry_run,
    ),
    Command("stats ratings", N_("the rating results of a year"), (_year, json_flag), {CELL_ROLE: cmd_stats}),
    Command(
        "report ratings",
        N_("the report on the rating results of a year"),
        (_report_arguments,),
        {CELL_ROLE: cmd_report},
    ),
    Command(
        "report rating-list",
        N_("the list of proposed rating levels of a year"),
        (_report_arguments,),
        {CELL_ROLE: cmd_report},
    ),
)
