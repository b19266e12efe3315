"""The election documents: Biên bản kiểm phiếu, on the data file's letterhead."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.store.database import Store


def vote_count_pdf(
    store: Store,
    out: Path,
    *,
    votes_file: Path,
    summoned: int,
    seats: int,
    today: date,
    runoff: bool = False,
    what: str = "",
    number: str | None = None,
) -> Path:
    """Biên bản kiểm phiếu of the round in `votes_file` (checked first: nothing is written if it is wrong), dated
    `today`, at `out`. `what` (the election) replaces the file's own."""
    from khoidesktop.terms.tally import count_votes, election_title, read_vote_file
    from khoidesktop.terms.vote_count_pdf import VoteCount, build_vote_count

    votes = read_vote_file(votes_file)
    result = count_votes(votes, summoned=summoned, seats=seats, runoff=runoff, on=today)
    with store.session() as session:
        head = letterhead(session, today)
    title = election_title(what, votes.what)
    build_vote_count(out, head, VoteCount(result, title, votes.counting_board), number=number)
    return out.expanduser().absolute()
