"""The commands of a level above the cells (a grassroots, superior or province committee): import-bundle, units …
(its units: list, add, rename, close, merge, rate), stats units, its reports, and the stats topics summed over its
units."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoidesktop.commands.common import bounded, iso_date, json_flag, period_arg, year_arg
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import REPORTS_OF_UNITS, UNITS_ROLE
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER
from khoidesktop.i18n import N_, _, format_date, format_number

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.exchange.figures import Figures
    from khoidesktop.store.database import Store
    from khoidesktop.units.excellence import Proposed
    from khoidesktop.units.records import UnitRow


def _import_arguments(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("files", type=Path, nargs="+", metavar=_("FILE.khoi"))
    imp.add_argument(
        "--accept-new-keys",
        action="store_true",
        help=_(
            "accept the keys of cells not seen before (check the fingerprints printed); a known "
            "cell whose key changed, or a new one with a known unit's name, needs --trust"
        ),
    )
    imp.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar=_("FINGERPRINT"),
        help=_("accept the key with this fingerprint (as the cell's secretary read it to you)"),
    )
    json_flag(imp)


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", type=period_arg, metavar=_("PERIOD"), help=_("the period (default: the latest)"))


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def _topic_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--period",
        type=period_arg,
        metavar=_("PERIOD"),
        help=_(
            "for a bloc: the period the units sent, a year or a quarter (default: the year "
            "given with --year; for the structure, the latest year)"
        ),
    )


def cmd_import(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.exchange.bundle_import import check_files, import_checked, keys_to_confirm
    from khoidesktop.store.audit import current_actor

    with store.session() as session:
        questions = keys_to_confirm(session, checked := check_files(args.files), ctx.now())
    wanted = {"".join(fp.split()).upper() for fp in args.trust}
    trusted = {
        q.trust
        for q in questions
        # --accept-new-keys never takes a changed key or one claiming a known unit's name: those need --trust
        if (args.accept_new_keys and not q.changed and not q.namesake) or "".join(q.fingerprint.split()) in wanted
    }
    outcomes = import_checked(store, checked, trusted=trusted, now=ctx.now(), actor=current_actor())
    if args.json:
        print(json.dumps([o.as_json() for o in outcomes], ensure_ascii=False, indent=2))
    else:
        for q in questions:
            print(
                _("Key of {cell}: {fp}{changed}").format(
                    cell=q.cell_name,
                    fp=q.fingerprint,
                    changed=_(" (changed)") if q.changed else _(" (another unit has this name)") if q.namesake else "",
                )
            )
        labels = {
            "imported": _("imported"),
            "unchanged": _("unchanged"),
            "replaced": _("replaced"),
            "refused": _("refused"),
            "stopped": _("not imported"),
        }
        for o in outcomes:
            line = f"{o.path.name}: {labels[o.status]}" + (f" ({o.cell_name}, {o.period})" if o.cell_name else "")
            print(line + (f" — {o.reason}" if o.reason else ""), file=sys.stderr if o.reason else sys.stdout)
    return 1 if any(o.status == "refused" for o in outcomes) else 0


def cmd_bloc_report(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.units import documents as bloc_reports
    from khoidesktop.units.records import default_period

    make = {
        "bloc-structure": bloc_reports.bloc_structure_pdf,
        "bloc-ratings": bloc_reports.bloc_ratings_pdf,
        "bloc-meetings": bloc_reports.bloc_meetings_pdf,
        "bloc-recruitment": bloc_reports.bloc_recruitment_pdf,
    }[args.kind]
    with store.session() as session:
        period = args.period or default_period(session, ctx.today())
    path = make(store, args.out, period=period, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def _rows(store: Store, ctx: AppContext, period: Period | None = None) -> tuple[Period, list[UnitRow]]:
    from khoidesktop.units.records import default_period, unit_rows

    with store.session() as session:
        period = period or default_period(session, ctx.today())
        return period, unit_rows(session, period, ctx.today())


def cmd_units(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    period, rows = _rows(store, ctx, args.period)
    if args.json:
        print(json.dumps({"period": period.code, "units": [r.as_json() for r in rows]}, ensure_ascii=False, indent=2))
        return 0
    print(_("Units: {n}; period {period}.").format(n=len(rows), period=period.label()))
    for row in rows:
        state = _("late") if row.late else (_("received") if row.bundle else _("not yet sent"))
        members = row.figures.members if row.figures else "—"
        print(f"  {row.name:40s} {members!s:>6s}  {state}")
    return 0


def _topic_json(topic: str, figures: Figures, rows: list[UnitRow], year: int) -> dict[str, Any]:
    from khoidesktop.units.records import units_by_level

    if topic == "structure":
        return figures.structure_result().as_json()
    if topic == "ratings":
        return figures.ratings_json(year) | {"units_by_level": units_by_level(rows, year).as_json()}
    if topic == "meetings":
        return figures.meetings_json(year)
    return figures.recruitment_json(year)


def cmd_bloc_stats(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.domain.structure import GROUP_LABELS
    from khoidesktop.errors import ValidationError
    from khoidesktop.units.records import level_figures

    year = getattr(args, "year", None)
    if year and args.period and args.period.year != year:
        raise ValidationError(
            _("--year {year} and --period {period} disagree: give one of them.").format(
                year=year, period=args.period.code
            )
        )
    period, rows = _rows(store, ctx, args.period or (Period(year) if year else None))
    with store.session() as session:
        figures = level_figures(session, period, rows)
    result = _topic_json(args.topic, figures, rows, period.year)
    expected = sum(row.expected for row in rows)
    result = {"period": period.code, "units_sent": figures.units, "units": expected, **result}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(
        _("Period {period}: {sent} of {n} units sent their bundle.").format(
            period=period.label(), sent=figures.units, n=expected
        )
    )
    if args.topic == "structure":
        print(_("Members: {n}").format(n=figures.total))
        for key, share in figures.structure_result().groups.items():
            print(f"  {_(GROUP_LABELS[key]):40s} {share.count:6d}  {format_number(share.percent, 2):>7s}%")
    elif args.topic == "ratings":
        print(_("Rated: {n}").format(n=result["rated"]))
        for level, share in result["levels"].items():
            print(f"  {level:8s} {share['count']:6d}  {format_number(share['percent'], 2):>7s}%")
    elif args.topic == "meetings":
        print(
            _("Meetings: {n}; average attendance {percent}%.").format(
                n=result["meetings"], percent=format_number(result["average_attendance_percent"], 2)
            )
        )
    else:
        print(
            _("Admitted: {n}; target: {target}; files in progress: {files}.").format(
                n=result["admitted_in_year"], target=result["year_target"], files=result["files_open"]
            )
        )
    return 0


def _unit_name(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar=_("NAME"), help=_("the unit's name"))


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    _unit_name(parser)
    parser.add_argument(
        "--kind",
        metavar=_("KIND"),
        help=_("cell or grassroots (a superior committee's units: chi bộ cơ sở or đảng bộ cơ sở; default grassroots)"),
    )


def _rename_arguments(parser: argparse.ArgumentParser) -> None:
    _unit_name(parser)
    parser.add_argument("new_name", metavar=_("NEW_NAME"))


def _close_arguments(parser: argparse.ArgumentParser) -> None:
    _unit_name(parser)
    parser.add_argument("--on", type=iso_date, required=True, metavar="YYYY-MM-DD", help=_("the day it ended"))


def _merge_arguments(parser: argparse.ArgumentParser) -> None:
    _close_arguments(parser)
    parser.add_argument("--into", required=True, metavar=_("NAME"), help=_("the unit it was merged into"))


def _rate_arguments(parser: argparse.ArgumentParser) -> None:
    _unit_name(parser)
    parser.add_argument("--year", type=year_arg, required=True, metavar=_("YEAR"))
    parser.add_argument(
        "--level", required=True, choices=(*LEVEL_ORDER, "none"), help=_("the unit's level (none: take it back)")
    )


def _write(store: Store, ctx: AppContext, change: Callable[[Session, datetime, str], str]) -> int:
    from khoidesktop.store.audit import current_actor

    with store.session() as session, session.begin():
        said = change(session, ctx.now(), current_actor())
    print(said)
    return 0


def cmd_units_list(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    return cmd_units(args, ctx, store)


def cmd_units_add(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.units.records import add_unit

    def change(session: Session, now: datetime, actor: str) -> str:
        unit = add_unit(session, args.name, args.kind, now=now, actor=actor)
        return _("Added {name}: it is expected from now on.").format(name=unit.name)

    return _write(store, ctx, change)


def cmd_units_rename(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.units.records import find_unit, rename_unit

    def change(session: Session, now: datetime, actor: str) -> str:
        rename_unit(session, find_unit(session, args.name), args.new_name, now=now, actor=actor)
        return _("Renamed.")

    return _write(store, ctx, change)


def cmd_units_close(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.units.records import close_unit, find_unit

    def change(session: Session, now: datetime, actor: str) -> str:
        into = find_unit(session, args.into) if getattr(args, "into", None) else None
        close_unit(session, find_unit(session, args.name), args.on, into=into, now=now, actor=actor)
        return _("Done: the unit is not expected for periods that begin after {day}.").format(day=format_date(args.on))

    return _write(store, ctx, change)


def cmd_units_rate(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.units.records import find_unit, rate_unit

    def change(session: Session, now: datetime, actor: str) -> str:
        level = None if args.level == "none" else args.level
        rate_unit(session, find_unit(session, args.name), args.year, level, now=now, actor=actor)
        return _("Saved.")

    return _write(store, ctx, change)


def _excellence_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year_arg, required=True, metavar=_("YEAR"))
    json_flag(parser)


def _decide_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar=_("NAME"), help=_("the member's full name, as the cell proposed it"))
    parser.add_argument("--unit", required=True, metavar=_("NAME"), help=_("the cell that proposed the member"))
    parser.add_argument("--year", type=year_arg, required=True, metavar=_("YEAR"))
    parser.add_argument("--born", type=iso_date, metavar="YYYY-MM-DD", help=_("the date of birth, for namesakes"))
    parser.add_argument(
        "--decision",
        required=True,
        choices=("approve", "decline", "none"),
        help=_("approve, decline, or none (take the decision back)"),
    )
    parser.add_argument(
        "--share",
        type=bounded(1, 100),
        metavar=_("PERCENT"),
        help=_("the cap's share of the members rated HTTNV that the committee allows (20 to 25)"),
    )


def _proposal_json(p: Proposed) -> dict[str, Any]:
    return {
        "unit": p.unit,
        "full_name": p.full_name,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "approved": p.approved,
    }


def cmd_excellence(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.units.excellence import excellence_list

    with store.session() as session:
        listing = excellence_list(session, args.year, ctx.today())
    if args.json:
        result = {
            "year": listing.year,
            "allowed": listing.allowed,
            "approved": listing.approved,
            "undecided": listing.undecided,
            "rated_excellent": listing.rated_excellent,
            "good": listing.good,
            "cap_percent": listing.cap_percent,
            "cells_without_list": list(listing.unlisted),
            "proposed": [_proposal_json(p) for p in listing.proposed],
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(
        _("Proposed: {n}; approved: {approved} of at most {allowed}; not decided: {undecided}.").format(
            n=len(listing.proposed), approved=listing.approved, allowed=listing.allowed, undecided=listing.undecided
        )
    )
    marks = {True: _("approved"), False: _("declined"), None: _("not decided")}
    for p in listing.proposed:
        born = format_date(p.birth_date) if p.birth_date else ""
        print(f"  {p.full_name:32s} {born:10s}  {p.unit:32s} {marks[p.approved]}")
    if listing.unlisted:
        print(_("Cells that sent no list of names: {names}.").format(names=", ".join(listing.unlisted)))
    return 0


def cmd_decide(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.domain.names import text_key
    from khoidesktop.errors import ValidationError
    from khoidesktop.units.excellence import Decision, decide, excellence_list
    from khoidesktop.units.records import find_unit

    def change(session: Session, now: datetime, actor: str) -> str:
        unit = find_unit(session, args.unit)
        found = [
            p
            for p in excellence_list(session, args.year, ctx.today()).proposed
            if p.unit_id == unit.id
            and text_key(p.full_name) == text_key(args.name)
            and (args.born is None or p.birth_date == args.born)
        ]
        if len(found) != 1:
            raise ValidationError(
                _("{unit} proposed no member named {name} for {year}: see “units excellence”.").format(
                    unit=unit.name, name=args.name, year=args.year
                )
                if not found
                else _("{unit} proposed two members named {name}: give --born.").format(unit=unit.name, name=args.name)
            )
        approved = {"approve": True, "decline": False, "none": None}[args.decision]
        listing = decide(
            session,
            args.year,
            [Decision(unit.id, found[0].full_name, found[0].birth_date, approved)],
            today=ctx.today(),
            now=now,
            actor=actor,
            share=args.share,
        )
        return _("Saved: approved {approved} of at most {allowed}; not decided: {undecided}.").format(
            approved=listing.approved, allowed=listing.allowed, undecided=listing.undecided
        )

    return _write(store, ctx, change)


def cmd_excellence_resolution(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.units.documents import excellence_resolution_pdf

    path = excellence_resolution_pdf(store, args.out, year=args.year, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def _resolution_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year_arg, required=True, metavar=_("YEAR"))
    _out(parser)


DECIDED_BY_GRASSROOTS = N_(
    "Only a grassroots Party committee decides on the members its cells propose as HTXSNV: open its data file."
)

COMMANDS = (
    Command(
        "units excellence",
        N_("the members the cells propose as HTXSNV, and the committee's decisions"),
        (_excellence_arguments,),
        {UNITS_ROLE: cmd_excellence},
        refusal=DECIDED_BY_GRASSROOTS,
    ),
    Command(
        "units decide",
        N_("approve or decline a member a cell proposes as HTXSNV"),
        (_decide_arguments,),
        {UNITS_ROLE: cmd_decide},
        refusal=DECIDED_BY_GRASSROOTS,
        writes=lambda args: True,
    ),
    Command(
        "report excellence-resolution",
        N_("the committee's resolution recognising the members rated HTXSNV"),
        (_resolution_arguments,),
        {UNITS_ROLE: cmd_excellence_resolution},
        refusal=DECIDED_BY_GRASSROOTS,
    ),
    Command(
        "units list",
        N_("the units of this level, and who has sent"),
        (_period, json_flag),
        {UNITS_ROLE: cmd_units_list},
    ),
    Command(
        "units add",
        N_("add a unit expected before its first bundle"),
        (_add_arguments,),
        {UNITS_ROLE: cmd_units_add},
        writes=lambda args: True,
    ),
    Command(
        "units rename",
        N_("rename a unit (its history stays)"),
        (_rename_arguments,),
        {UNITS_ROLE: cmd_units_rename},
        writes=lambda args: True,
    ),
    Command(
        "units close",
        N_("a unit dissolved on a day (its history stays)"),
        (_close_arguments,),
        {UNITS_ROLE: cmd_units_close},
        writes=lambda args: True,
    ),
    Command(
        "units merge",
        N_("a unit merged into another on a day (its history stays)"),
        (_merge_arguments,),
        {UNITS_ROLE: cmd_units_close},
        writes=lambda args: True,
    ),
    Command(
        "units rate",
        N_("rate a unit for a year (four levels)"),
        (_rate_arguments,),
        {UNITS_ROLE: cmd_units_rate},
        writes=lambda args: True,
    ),
    Command(
        "import-bundle",
        N_("import the bundles of this level's units"),
        (_import_arguments,),
        {UNITS_ROLE: cmd_import},
        writes=lambda args: True,
    ),
    Command(
        "stats units", N_("this level's units and their latest bundles"), (_period, json_flag), {UNITS_ROLE: cmd_units}
    ),
    *(
        Command(f"stats {topic}", "", (_topic_period,), {UNITS_ROLE: cmd_bloc_stats})
        for topic in ("structure", "meetings", "ratings", "recruitment")
    ),
    *(
        Command(f"report {name}", text, (_period, _out), {UNITS_ROLE: cmd_bloc_report}, refusal=REPORTS_OF_UNITS)
        for name, text in (
            ("bloc-structure", N_("a bloc's member structure report")),
            ("bloc-ratings", N_("a bloc's rating report")),
            ("bloc-meetings", N_("the report on the cells' meetings, summed over the units")),
            ("bloc-recruitment", N_("a bloc's recruitment report")),
        )
    ),
)
