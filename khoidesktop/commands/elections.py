"""election list / add / candidates / votes / show / runoff / next-round / apply: the votes of a term's congress
stored in the data file (terms/elections.py), each checked like the election dialog and audited; `report
election-result` (Thông báo kết quả bầu cử). `election tally` (a vote file, no data file) is in commands/terms.py."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoidesktop.commands.common import bounded, id_arg, iso_date, json_flag
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.store.database import Store
    from khoidesktop.terms.elections import ElectionResult

BOTH = (CELL_ROLE, UNITS_ROLE)
PURPOSE_CODES = ("committee", "secretary", "deputy", "standing", "delegates", "alternates")
MOST_PEOPLE = 100_000
NAMES_FILE_BYTES = 256 * 1024


def _on_both(handler: Callable[..., int]) -> dict[str, Callable[..., int]]:
    return {role: handler for role in BOTH}


def _which_term(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--term", metavar=_("NAME"), help=_("the term, by its name (default: the current one)"))


def _election_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("election", type=id_arg, metavar="ID", help=_("the election's number (see “election list”)"))


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--purpose", required=True, choices=PURPOSE_CODES, help=_("what the vote is for"))
    parser.add_argument("--seats", type=bounded(1, 1000), required=True, metavar="K", help=_("seats to fill"))
    parser.add_argument(
        "--summoned",
        type=bounded(1, MOST_PEOPLE),
        metavar="N",
        help=_("those summoned (default: the congress's summoned list, or the committee's members)"),
    )
    parser.add_argument("--present", type=bounded(0, MOST_PEOPLE), metavar="N", help=_("those present"))
    parser.add_argument("--held-on", type=iso_date, required=True, metavar=_("YYYY-MM-DD"))


def _candidates_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--names", metavar=_("NAMES"), help=_("the candidates' names, separated by “;”"))
    source.add_argument("--file", type=Path, metavar=_("FILE.txt"), help=_("the candidates' names, one a line"))
    parser.add_argument(
        "--self-nominated", default="", metavar=_("NAMES"), help=_("those who nominated themselves, separated by “;”")
    )
    parser.add_argument(
        "--withdrawn", default="", metavar=_("NAMES"), help=_("those withdrawn from the list, separated by “;”")
    )


def _votes_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--file",
        type=Path,
        required=True,
        metavar=_("FILE.json"),
        help=_("the counting board's figures, as for “election tally”"),
    )


def _write(store: Store, ctx: AppContext, change: Callable[[Session, datetime, str], str]) -> int:
    from khoidesktop.store.audit import current_actor

    with store.session() as session, session.begin():
        said = change(session, ctx.now(), current_actor())
    print(said)
    return 0


# --- listing and showing ---------------------------------------------------------------------------------------


def result_json(found: ElectionResult) -> dict[str, Any]:
    """What `election show --json` prints: the count as `election tally --json` prints it, and the state."""
    from khoidesktop.terms.tally import tally_json

    counted = tally_json(found.result) if found.result is not None else {}
    return {
        "id": found.id,
        "purpose": found.purpose,
        "round": found.round,
        "runoff": found.runoff,
        "held_on": found.held_on.isoformat(),
        "seats": found.seats,
        "state": found.state,
        "applied": found.applied,
        "said": list(found.lines),
        **counted,
    }


def cmd_list(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.i18n import format_date
    from khoidesktop.terms.elections import election_result, elections
    from khoidesktop.terms.records import term_named

    with store.session() as session:
        term = term_named(session, args.term, ctx.today())
        found = [election_result(session, e.id) for e in elections(session, term.id)]
    if args.json:
        print(json.dumps([result_json(r) for r in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(_("The term {term} has no election recorded yet.").format(term=term.name))
    for r in found:
        print(f"{r.id}. {format_date(r.held_on)} — {r.title}: {' '.join(r.lines)}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.elections import election_result
    from khoidesktop.terms.tally import tally_text

    with store.session() as session:
        found = election_result(session, args.election)
    if args.json:
        print(json.dumps(result_json(found), ensure_ascii=False, indent=2))
        return 0
    print(found.title)
    if found.result is not None:
        print(tally_text(found.result))
    print("\n".join(found.lines))
    return 0


# --- changing --------------------------------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.elections import ElectionForm, election_title, save_election
    from khoidesktop.terms.records import term_named

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        form = ElectionForm(term.id, args.purpose, args.held_on, args.seats, args.summoned, args.present)
        row = save_election(session, form, now=now, actor=actor)
        return _("Added election number {id} ({what}) to the term {term}.").format(
            id=row.id, what=election_title(row.purpose, row.round), term=term.name
        )

    return _write(store, ctx, change)


def _read_names(path: Path) -> str:
    from khoidesktop.errors import ValidationError

    try:
        with path.open("rb") as handle:
            raw = handle.read(NAMES_FILE_BYTES + 1)
    except OSError:
        raise ValidationError(
            _("The file {path} cannot be read: check its name and folder.").format(path=path)
        ) from None
    if len(raw) > NAMES_FILE_BYTES:
        raise ValidationError(_("The file {path} is too large for a list of names.").format(path=path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The file {path} is not text (UTF-8).").format(path=path)) from None


def cmd_candidates(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.domain.names import text_key
    from khoidesktop.errors import ValidationError
    from khoidesktop.terms.elections import CandidateForm, election_form, parse_names, save_election

    names = parse_names(args.names if args.names is not None else _read_names(args.file))
    if not names:
        raise ValidationError(_("Give at least one candidate's name."))
    self_nominated = {text_key(n) for n in parse_names(args.self_nominated)}
    withdrawn = {text_key(n) for n in parse_names(args.withdrawn)}
    unknown = (self_nominated | withdrawn) - {text_key(n) for n in names}
    if unknown:
        raise ValidationError(_("--self-nominated and --withdrawn name only candidates of --names."))

    def change(session: Session, now: datetime, actor: str) -> str:
        form = election_form(session, args.election)
        candidates = tuple(
            CandidateForm(
                name,
                nominated="self_nominated" if text_key(name) in self_nominated else "nominated",
                withdrawn=text_key(name) in withdrawn,
            )
            for name in names
        )
        save_election(session, replace(form, candidates=candidates), now=now, actor=actor)
        return _("Saved {count} candidates of election number {id}.").format(count=len(candidates), id=args.election)

    return _write(store, ctx, change)


def cmd_votes(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.domain.names import text_key
    from khoidesktop.errors import ValidationError
    from khoidesktop.terms.elections import election_form, save_election
    from khoidesktop.terms.tally import read_vote_file

    votes = read_vote_file(args.file)

    def change(session: Session, now: datetime, actor: str) -> str:
        form = election_form(session, args.election)
        given = {text_key(v.name): v.votes for v in votes.candidates}
        if not form.candidates:
            candidates = tuple(_candidate(v.name) for v in votes.candidates)
            form = replace(form, candidates=candidates)
        listed = {text_key(c.full_name) for c in form.on_ballot}
        stray = [v.name for v in votes.candidates if text_key(v.name) not in listed]
        if stray:
            raise ValidationError(
                _("Not on the ballot of this election: {names}. Check the names (“election show”).").format(
                    names=", ".join(stray)
                )
            )
        b = votes.ballots
        form = replace(
            form,
            ballots_issued=b.issued,
            ballots_returned=b.returned,
            ballots_valid=b.valid,
            ballots_invalid=b.invalid,
            present=votes.present if votes.present is not None else form.present,
            counting_board=votes.counting_board or form.counting_board,
            candidates=tuple(
                replace(c, votes=None if c.withdrawn else given.get(text_key(c.full_name))) for c in form.candidates
            ),
        )
        save_election(session, form, now=now, actor=actor)
        return _("Saved the votes of election number {id}.").format(id=args.election)

    return _write(store, ctx, change)


def _candidate(name: str) -> Any:
    from khoidesktop.terms.elections import CandidateForm

    return CandidateForm(name)


def cmd_runoff(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.elections import set_up_runoff

    def change(session: Session, now: datetime, actor: str) -> str:
        row = set_up_runoff(session, args.election, now=now, actor=actor)
        return _("Set up election number {id}: the round among the tied for {seats} seat(s).").format(
            id=row.id, seats=row.seats
        )

    return _write(store, ctx, change)


def cmd_next_round(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.elections import next_round

    def change(session: Session, now: datetime, actor: str) -> str:
        row = next_round(session, args.election, now=now, actor=actor)
        return _("Set up election number {id}: round {round}.").format(id=row.id, round=row.round)

    return _write(store, ctx, change)


def cmd_apply(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.elections import apply_result

    def change(session: Session, now: datetime, actor: str) -> str:
        names = apply_result(session, args.election, now=now, actor=actor)
        if not names:
            return _("The result is already recorded: nothing added.")
        return _("Recorded: {names}.").format(names=", ".join(names))

    return _write(store, ctx, change)


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--election", type=id_arg, required=True, metavar="ID", help=_("the election's number"))
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def cmd_result_report(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.documents import election_result_pdf

    path = election_result_pdf(store, args.out, election_id=args.election, today=ctx.today())
    print(_("Saved {path}.").format(path=path))
    return 0


def _writes(args: argparse.Namespace) -> bool:
    return True


COMMANDS = (
    Command(
        "election list",
        N_("the term's elections with their result"),
        (_which_term, json_flag),
        _on_both(cmd_list),
    ),
    Command(
        "election show",
        N_("one election's result (as “election tally” prints it)"),
        (_election_id, json_flag),
        _on_both(cmd_show),
    ),
    Command(
        "election add",
        N_("add an election of the term's congress (or of its committee)"),
        (_which_term, _add_arguments),
        _on_both(cmd_add),
        writes=_writes,
    ),
    Command(
        "election candidates",
        N_("set an election's candidates (nominated, self-nominated, withdrawn)"),
        (_election_id, _candidates_arguments),
        _on_both(cmd_candidates),
        writes=_writes,
    ),
    Command(
        "election votes",
        N_("enter an election's ballots and votes from the counting board's file"),
        (_election_id, _votes_arguments),
        _on_both(cmd_votes),
        writes=_writes,
    ),
    Command(
        "election runoff",
        N_("set up the round among those tied for the last seats"),
        (_election_id,),
        _on_both(cmd_runoff),
        writes=_writes,
    ),
    Command(
        "election next-round",
        N_("vote again for a secretary or deputy when nobody was elected"),
        (_election_id,),
        _on_both(cmd_next_round),
        writes=_writes,
    ),
    Command(
        "election apply",
        N_("record an election's result in the committee or the delegation"),
        (_election_id,),
        _on_both(cmd_apply),
        writes=_writes,
    ),
    Command(
        "report election-result",
        N_("the announcement of an election's result (Thông báo kết quả bầu cử)"),
        (_report_arguments,),
        _on_both(cmd_result_report),
    ),
)
