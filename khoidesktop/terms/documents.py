"""The term's documents, on the data file's letterhead: Biên bản kiểm phiếu of an election (from a vote file or a
stored one), Thông báo kết quả bầu cử, Báo cáo kiểm điểm giữa nhiệm kỳ."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
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


def delegates_pdf(
    store: Store,
    out: Path,
    *,
    today: date,
    term: str | None = None,
    on: date | None = None,
    from_units: bool = False,
    number: str | None = None,
) -> Path:
    """Danh sách đại biểu dự Đại hội … và cơ cấu đoàn đại biểu of the term named `term` (None: the current one): its
    own delegates to the superior's congress, or (`from_units`) the delegation of this level's congress summed from
    its units' bundles; the structure on `on` (None: the term's congress day)."""
    from khoidesktop.datafile.letterhead import organisation_of
    from khoidesktop.terms.delegates import delegation, delegation_from_units
    from khoidesktop.terms.delegates_pdf import build_delegates
    from khoidesktop.terms.records import term_named

    with store.session() as session:
        found = term_named(session, term, today)
        made = delegation_from_units(session, found, on) if from_units else delegation(session, found, on)
        head = letterhead(session, today)
    if not made.lines:
        raise ValidationError(
            _("No unit has sent its delegates yet: import the bundles that hold them (“Danh sách đại biểu”).")
            if from_units
            else _("The term {term} has no delegate recorded yet.").format(term=made.term)
        )
    congress = _("congress of the {organisation}").format(
        organisation=organisation_of(head.issuer if from_units else head.superior)
    )
    build_delegates(out, head, made, congress, number=number)
    return out.expanduser().absolute()


def _stored(store: Store, election_id: int, today: date) -> tuple[Any, Any, str, tuple[str, ...]]:
    """The letterhead, a stored election's result (refused while its votes are not entered), its title and its
    counting board."""
    from khoidesktop.errors import ValidationError
    from khoidesktop.store.models import Election
    from khoidesktop.terms.elections import document_title, election_form, election_result, term_of

    with store.session() as session:
        found = election_result(session, election_id)
        if found.result is None:
            raise ValidationError(_("The votes of this election are not entered yet: there is nothing to print."))
        row = session.get(Election, election_id)
        assert row is not None
        title = document_title(found.purpose, found.round, found.runoff, term_of(session, row).name)
        board = election_form(session, election_id).counting_board
        head = letterhead(session, today)
    return head, found, title, board


def election_vote_count_pdf(
    store: Store, out: Path, *, election_id: int, today: date, number: str | None = None
) -> Path:
    """Biên bản kiểm phiếu of a stored election (the same layout as from a vote file)."""
    from khoidesktop.terms.vote_count_pdf import VoteCount, build_vote_count

    head, found, title, board = _stored(store, election_id, today)
    build_vote_count(out, head, VoteCount(found.result, title, board), number=number)
    return out.expanduser().absolute()


def election_result_pdf(store: Store, out: Path, *, election_id: int, today: date, number: str | None = None) -> Path:
    """Thông báo kết quả bầu cử of a stored election."""
    from khoidesktop.terms.election_result_pdf import ElectionNotice, build_election_result

    head, found, title, _board = _stored(store, election_id, today)
    build_election_result(out, head, ElectionNotice(found.result, title, found.held_on, found.notes), number=number)
    return out.expanduser().absolute()
