"""The term's documents, on the data file's letterhead: Biên bản kiểm phiếu of an election, Báo cáo kiểm điểm giữa
nhiệm kỳ."""

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


def midterm_review_pdf(
    store: Store, out: Path, *, today: date, term: str | None = None, number: str | None = None
) -> Path:
    """Báo cáo kiểm điểm giữa nhiệm kỳ of the term named `term` (None: the current one), its figures as of
    `today`, at `out`."""
    from khoidesktop.terms.midterm_pdf import build_midterm
    from khoidesktop.terms.progress import term_progress
    from khoidesktop.terms.records import term_named

    with store.session() as session:
        progress = term_progress(session, term_named(session, term, today), today)
        head = letterhead(session, today)
    build_midterm(out, head, progress, number=number)
    return out.expanduser().absolute()
