"""election tally (no data file needed), report vote-count (the minutes, on a data file's letterhead), stats term
(the term's targets, each year and the term so far) and report midterm-review."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import bounded, id_arg, json_flag
from khoidesktop.commands.registry import ANY, Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store

MOST_SUMMONED = 100_000
MOST_SEATS = 1_000


def _round(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "--summoned",
        type=bounded(1, MOST_SUMMONED),
        required=required,
        metavar="N",
        help=_("delegates (or official members) summoned to the congress"),
    )
    parser.add_argument("--seats", type=bounded(1, MOST_SEATS), required=required, metavar="K", help=_("seats to fill"))
    parser.add_argument(
        "--votes",
        type=Path,
        required=required,
        metavar=_("FILE.json"),
        help=_(
            'the counting board\'s figures: {"ballots_issued": 30, "ballots_valid": 29, "candidates": '
            '[{"name": "…", "votes": 27}, …]}'
        ),
    )
    parser.add_argument(
        "--runoff", action="store_true", help=_("the round among the tied (no more-than-half condition)")
    )


def _tally_arguments(parser: argparse.ArgumentParser) -> None:
    _round(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for other programs"))


def _vote_count_arguments(parser: argparse.ArgumentParser) -> None:
    _round(parser, required=False)
    parser.add_argument(
        "--election", type=id_arg, metavar="ID", help=_("a stored election (see “election list”), instead of --votes")
    )
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))
    parser.add_argument("--what", default="", help=_("the election, as the minutes title it (“Bầu Ban Chấp hành …”)"))


def cmd_tally(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.terms.tally import count_votes, read_vote_file, tally_json, tally_text

    votes = read_vote_file(args.votes)
    result = count_votes(votes, summoned=args.summoned, seats=args.seats, runoff=args.runoff, on=ctx.today())
    if args.json:
        print(json.dumps(tally_json(result), ensure_ascii=False, indent=2))
    else:
        print(tally_text(result, votes.what))
    return 0


def cmd_vote_count(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.errors import ValidationError
    from khoidesktop.terms.documents import election_vote_count_pdf, vote_count_pdf

    if args.election is not None:
        if args.votes is not None:
            raise ValidationError(_("Give either --election or --votes, not both."))
        path = election_vote_count_pdf(store, args.out, election_id=args.election, today=ctx.today())
        print(_("Saved {path}.").format(path=path))
        return 0
    if args.votes is None or args.summoned is None or args.seats is None:
        raise ValidationError(_("Give --election, or --votes with --summoned and --seats."))
    path = vote_count_pdf(
        store,
        args.out,
        votes_file=args.votes,
        summoned=args.summoned,
        seats=args.seats,
        runoff=args.runoff,
        what=args.what,
        today=ctx.today(),
    )
    print(_("Saved {path}.").format(path=path))
    return 0


def _term_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--term", metavar=_("NAME"), help=_("the term, by its name (default: the current one)"))


def cmd_term(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.progress import term_progress
    from khoidesktop.terms.records import term_named
    from khoidesktop.terms.text import progress_text

    with store.session() as session:
        progress = term_progress(session, term_named(session, args.term, ctx.today()), ctx.today())
    if args.json:
        print(json.dumps(progress.as_json(), ensure_ascii=False, indent=2))
    else:
        print(progress_text(progress))
    return 0


def _midterm_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE.pdf"))


def cmd_midterm(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.documents import midterm_review_pdf

    path = midterm_review_pdf(store, args.out, today=ctx.today(), term=args.term)
    print(_("Saved {path}.").format(path=path))
    return 0


COMMANDS = (
    Command(
        "stats term",
        N_("the term's targets: the figure of each year and of the term so far, and the gap"),
        (_term_arguments, json_flag),
        {CELL_ROLE: cmd_term, UNITS_ROLE: cmd_term},
    ),
    Command(
        "election tally",
        N_("count an election's votes: who is elected, a tie, seats unfilled (no data file needed)"),
        (_tally_arguments,),
        {ANY: cmd_tally},
    ),
    Command(
        "report midterm-review",
        N_("the mid-term review of the term's targets (Báo cáo kiểm điểm giữa nhiệm kỳ)"),
        (_term_arguments, _midterm_arguments),
        {CELL_ROLE: cmd_midterm, UNITS_ROLE: cmd_midterm},
    ),
    Command(
        "report vote-count",
        N_("the vote-count minutes of an election (Biên bản kiểm phiếu)"),
        (_vote_count_arguments,),
        {CELL_ROLE: cmd_vote_count, UNITS_ROLE: cmd_vote_count},
    ),
)
