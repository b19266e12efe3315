"""stats recruitment, report recruitment / admission-resolution."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from khoidesktop.commands.common import opened
from khoidesktop.context import AppContext
from khoidesktop.i18n import _


def register(stats: argparse._SubParsersAction, reports: argparse._SubParsersAction) -> None:
    figures = stats.add_parser("recruitment", help=_("recruitment files by step, admissions against the targets"))
    figures.add_argument("--year", type=int, help=_("the year (default: this year)"))
    figures.add_argument("--json", action="store_true", help=_("print JSON for other programs"))
    figures.set_defaults(handler=cmd_stats)
    report = reports.add_parser("recruitment", help=_("the report on recruitment for a year"))
    report.add_argument("--year", type=int, help=_("the year (default: this year)"))
    report.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    report.set_defaults(handler=cmd_report)
    resolution = reports.add_parser("admission-resolution", help=_("the cell resolution proposing admission (6-KNĐ)"))
    resolution.add_argument("--candidate", type=int, required=True, metavar="ID")
    resolution.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    resolution.set_defaults(handler=cmd_resolution)


def cmd_stats(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.recruitment.stats import recruitment_figures

    with opened(args, ctx) as store, store.session() as session:
        figures = recruitment_figures(session, args.year or ctx.today().year, ctx.today(), ctx.work_calendar())
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


def cmd_report(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.recruitment.documents import recruitment_report_pdf

    with opened(args, ctx) as store:
        path = recruitment_report_pdf(
            store,
            args.out,
            year=args.year or ctx.today().year,
            today=ctx.today(),
            extra_days_off=tuple(ctx.extra_days_off()),
        )
    print(_("Saved {path}.").format(path=path))
    return 0


def cmd_resolution(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.recruitment.documents import admission_resolution_pdf

    with opened(args, ctx) as store:
        path = admission_resolution_pdf(store, args.out, candidate_id=args.candidate, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0
