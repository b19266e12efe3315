"""term add / committee / target / value: a level's term, its committee's changes and its targets from the
command line, each checked like the Nhiệm kỳ page's forms (terms/records.py) and audited; refused in Vietnamese
with nothing written."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from khoidesktop.commands.common import bounded, iso_date
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.domain.dates import FIRST_YEAR, LAST_YEAR
from khoidesktop.domain.terms import CAME, COMPUTED, LEFT, ROLES, UNITS
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.store.database import Store

BOTH = (CELL_ROLE, UNITS_ROLE)


def _which_term(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--term", metavar=_("NAME"), help=_("the term, by its name (default: the current one)"))


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", required=True, metavar=_("NAME"), help=_("the term's name, such as 2025–2030"))
    parser.add_argument("--from", dest="starts_on", type=iso_date, required=True, metavar=_("YYYY-MM-DD"))
    parser.add_argument("--to", dest="ends_on", type=iso_date, required=True, metavar=_("YYYY-MM-DD"))
    parser.add_argument("--congress", type=iso_date, metavar=_("YYYY-MM-DD"), help=_("the day of the congress"))


def _committee_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", required=True, metavar=_("NAME"), help=_("the committee member's full name"))
    parser.add_argument("--role", required=True, choices=tuple(ROLES))
    parser.add_argument("--came", default="congress", choices=tuple(CAME), help=_("how they came (default: congress)"))
    parser.add_argument("--from", dest="from_date", type=iso_date, required=True, metavar=_("YYYY-MM-DD"))
    parser.add_argument("--left", choices=tuple(LEFT), help=_("why they left office (with --left-on)"))
    parser.add_argument("--left-on", type=iso_date, metavar=_("YYYY-MM-DD"), help=_("the day they left office"))


def _target_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--indicator", required=True, metavar=_("TEXT"))
    parser.add_argument("--target", type=float, required=True, metavar="N")
    parser.add_argument("--unit", required=True, choices=tuple(UNITS))
    parser.add_argument(
        "--computed", choices=tuple(COMPUTED), help=_("the figure the program counts for it (none: entered by hand)")
    )
    parser.add_argument("--at-most", action="store_true", help=_("a ceiling, not a floor"))


def _value_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--number", type=bounded(1, 1000), required=True, metavar="N", help=_("the target's number"))
    parser.add_argument("--year", type=bounded(FIRST_YEAR, LAST_YEAR), help=_("the year (none: the term so far)"))
    parser.add_argument("--value", type=float, metavar="N", help=_("the figure (none: clear it)"))


def _write(store: Store, ctx: AppContext, change: Callable[[Session, datetime, str], str]) -> int:
    from khoidesktop.store.audit import current_actor

    with store.session() as session, session.begin():
        said = change(session, ctx.now(), current_actor())
    print(said)
    return 0


def cmd_add(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.records import TermForm, save_term

    form = TermForm(args.name, args.starts_on, args.ends_on, args.congress)

    def change(session: Session, now: datetime, actor: str) -> str:
        return _("Added the term {name}.").format(name=save_term(session, form, now=now, actor=actor).name)

    return _write(store, ctx, change)


def cmd_committee(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.records import CommitteeForm, save_committee_member, term_named

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        form = CommitteeForm(term.id, args.name, args.role, args.from_date, args.came, args.left_on, args.left)
        row = save_committee_member(session, form, now=now, actor=actor)
        return _("Added {name} to the committee of the term {term}.").format(name=row.full_name, term=term.name)

    return _write(store, ctx, change)


def cmd_target(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.records import TargetForm, save_target, term_named

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        form = TargetForm(term.id, args.indicator, args.target, args.unit, args.computed, args.at_most)
        row = save_target(session, form, now=now, actor=actor)
        return _("Added the target “{indicator}” to the term {term}.").format(indicator=row.indicator, term=term.name)

    return _write(store, ctx, change)


def cmd_value(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.errors import ValidationError
    from khoidesktop.terms.records import set_value, targets, term_named

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        found = targets(session, term.id)
        if args.number > len(found):
            raise ValidationError(
                _("The term {term} has {n} targets: give a number from 1 to {n}.").format(term=term.name, n=len(found))
            )
        set_value(session, found[args.number - 1].id, args.year, args.value, now=now, actor=actor)
        return _("Saved.")

    return _write(store, ctx, change)


def _on_both(handler: Callable[[argparse.Namespace, AppContext, Store], int]) -> dict[str, Callable[..., int]]:
    return {role: handler for role in BOTH}


COMMANDS = (
    Command(
        "term add",
        N_("add a term: its name, dates and congress"),
        (_add_arguments,),
        _on_both(cmd_add),
        writes=lambda a: True,
    ),
    Command(
        "term committee",
        N_("add a stay in office on the term's committee (elected, elected in addition, appointed; left)"),
        (_which_term, _committee_arguments),
        _on_both(cmd_committee),
        writes=lambda a: True,
    ),
    Command(
        "term target",
        N_("add a target of the term's congress resolution"),
        (_which_term, _target_arguments),
        _on_both(cmd_target),
        writes=lambda a: True,
    ),
    Command(
        "term value",
        N_("enter the figure of a target entered by hand, for a year or the term so far"),
        (_which_term, _value_arguments),
        _on_both(cmd_value),
        writes=lambda a: True,
    ),
)
