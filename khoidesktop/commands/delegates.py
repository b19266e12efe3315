"""delegates list / add / remove / structure and report delegates: the delegates a term's congress sends to the
superior's congress (terms/delegates.py), each change checked like the Nhiệm kỳ page's form and audited; at a level
above the cells, --from-units sums the delegates its units sent up in their bundles."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import bounded, iso_date, json_flag
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.domain.members import EDUCATION, GENDERS
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store
    from khoidesktop.terms.delegation import Delegation

BOTH = (CELL_ROLE, UNITS_ROLE)


def _which_term(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--term", metavar=_("NAME"), help=_("the term, by its name (default: the current one)"))


def _structure_arguments(parser: argparse.ArgumentParser) -> None:
    _which_term(parser)
    parser.add_argument(
        "--on", type=iso_date, metavar=_("YYYY-MM-DD"), help=_("the day of the congress (default: the term's)")
    )
    parser.add_argument(
        "--from-units",
        action="store_true",
        help=_("the delegation of this level's congress, summed from the delegates its units sent up"),
    )


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    _which_term(parser)
    parser.add_argument("name", nargs="?", default="", metavar=_("NAME"), help=_("the delegate's full name"))
    parser.add_argument("--alternate", action="store_true", help=_("an alternate delegate"))
    parser.add_argument(
        "--member", type=bounded(1, 10**9), metavar="ID", help=_("a member of the cell: their particulars are taken")
    )
    parser.add_argument("--gender", choices=tuple(GENDERS))
    parser.add_argument("--ethnicity", default="", metavar=_("TEXT"))
    parser.add_argument("--born", type=iso_date, metavar=_("YYYY-MM-DD"), help=_("the date of birth"))
    parser.add_argument("--education", choices=tuple(EDUCATION), help=_("the professional education"))
    parser.add_argument("--religion", default="", metavar=_("TEXT"))
    parser.add_argument("--probationary", action="store_true", help=_("a probationary member"))


def _remove_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=bounded(1, 10**9), metavar="ID", help=_("the delegate's number (delegates list)"))


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def _show(delegation: Delegation, as_json: bool, ids: list[int] | None = None) -> None:
    from khoidesktop.terms.delegation import delegation_text

    if as_json:
        found = delegation.as_json()
        for row, number in zip(found["delegates"], ids or [], strict=False):
            row["id"] = number  # what `delegates remove` takes
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        print(delegation_text(delegation))


def _delegation(args: argparse.Namespace, ctx: AppContext, store: Store) -> tuple[Delegation, list[int]]:
    from khoidesktop.terms.delegates import delegates, delegation, delegation_from_units
    from khoidesktop.terms.records import term_named

    with store.session() as session:
        term = term_named(session, args.term, ctx.today())
        if args.from_units:
            return delegation_from_units(session, term, args.on), []
        return delegation(session, term, args.on), [d.id for d in delegates(session, term.id)]


def cmd_list(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    found, ids = _delegation(args, ctx, store)
    _show(found, args.json, ids)
    return 0


def cmd_structure(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.delegation import structure_text

    found, _ids = _delegation(args, ctx, store)
    if args.json:
        whole = found.as_json()
        print(
            json.dumps({"structure": whole["structure"], "units": whole.get("units", [])}, ensure_ascii=False, indent=2)
        )
    else:
        print(structure_text(found))
    return 0


def cmd_add(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.errors import ValidationError
    from khoidesktop.store.audit import current_actor
    from khoidesktop.terms.delegates import DelegateForm, add_from_member, save_delegate
    from khoidesktop.terms.records import term_named

    with store.session() as session, session.begin():
        term = term_named(session, args.term, ctx.today())
        if args.member is not None:
            if args.name:
                raise ValidationError(_("Give either the name or --member, not both."))
            from khoidesktop.datafile.identity import get_identity
            from khoidesktop.datafile.kinds import kind_of

            if kind_of(get_identity(session)).aggregates:
                raise ValidationError(_("Only a cell keeps its members: give the delegate's name and particulars."))
            row = add_from_member(
                session, term.id, args.member, alternate=args.alternate, now=ctx.now(), actor=current_actor()
            )
        else:
            form = DelegateForm(
                term.id,
                args.name,
                args.alternate,
                args.gender or "",
                args.ethnicity,
                args.born,
                args.education or "",
                args.religion,
                args.probationary,
            )
            row = save_delegate(session, form, now=ctx.now(), actor=current_actor(), today=ctx.today())
        said = _("Added {name} to the delegates of the term {term} (number {id}).").format(
            name=row.full_name, term=term.name, id=row.id
        )
    print(said)
    return 0


def cmd_remove(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.store.audit import current_actor
    from khoidesktop.terms.delegates import remove_delegate

    with store.session() as session, session.begin():
        remove_delegate(session, args.id, now=ctx.now(), actor=current_actor())
    print(_("Removed the delegate number {id}.").format(id=args.id))
    return 0


def cmd_report(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.documents import delegates_pdf

    path = delegates_pdf(store, args.out, today=ctx.today(), term=args.term, on=args.on, from_units=args.from_units)
    print(_("Saved {path}.").format(path=path))
    return 0


def _on_both(handler: Callable[[argparse.Namespace, AppContext, Store], int]) -> dict[str, Callable[..., int]]:
    return {role: handler for role in BOTH}


COMMANDS = (
    Command(
        "delegates list",
        N_("the delegates to the superior's congress, official and alternates, with the delegation's structure"),
        (_structure_arguments, json_flag),
        _on_both(cmd_list),
    ),
    Command(
        "delegates structure",
        N_("the structure of the delegation: women, ethnic minorities, over 60, under 40, doctorate, …"),
        (_structure_arguments, json_flag),
        _on_both(cmd_structure),
    ),
    Command(
        "delegates add",
        N_("add a delegate to the superior's congress (by name and particulars, or a member of the cell)"),
        (_add_arguments,),
        _on_both(cmd_add),
        writes=lambda a: True,
    ),
    Command(
        "delegates remove",
        N_("take a delegate off the list (the audit log keeps it)"),
        (_remove_arguments,),
        _on_both(cmd_remove),
        writes=lambda a: True,
    ),
    Command(
        "report delegates",
        N_("the list of delegates to the superior's congress and the delegation's structure"),
        (_structure_arguments, _report_arguments),
        _on_both(cmd_report),
    ),
)
