"""Training data: the elections of the training level's term, matching the committee it records. The congress
elects the committee (those who came "at the congress", each with a clear majority, and one more candidate not
elected), the new committee elects the secretary; both results are recorded, which adds nothing (the committee is
already there). Nothing is done where the file has no term or its committee came otherwise."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from khoidesktop.terms.congress import congress_numbers, congress_of
from khoidesktop.terms.elections import (
    CandidateForm,
    ElectionForm,
    apply_result,
    committee_in_office,
    elections,
    save_election,
)
from khoidesktop.terms.records import terms

COUNTING_BOARD = ("Trần Thị Hoa", "Lê Văn Nam")
NOT_ELECTED = "Vũ Minh Tâm"  # a made-up candidate of the congress, not elected


def fill_demo_elections(session: Session, *, now: datetime, actor: str) -> list[int]:
    """The committee's and the secretary's elections of the latest term, stored and applied; their ids."""
    found = terms(session)
    if not found:
        return []
    term = found[0]
    day = term.congress_on or term.starts_on
    if elections(session, term.id):
        return []
    elected = [m for m in committee_in_office(session, term.id, day) if m.came == "congress"]
    secretary = next((m.full_name for m in elected if m.role == "secretary"), None)
    if not elected or secretary is None:
        return []
    summoned, present = congress_numbers(session, term.id)  # the congress's summoned list (demo/congress.py)
    if not summoned:
        summoned, present = 30, 29
    board: tuple[str, ...] = COUNTING_BOARD
    congress = congress_of(session, term.id)
    if congress is not None and congress.counting_board.strip():
        board = tuple(line for line in congress.counting_board.splitlines() if line.strip())
    needed = summoned // 2 + 1
    votes = [max(needed, present - 2 - 3 * index) for index in range(len(elected))]  # each over half the summoned
    candidates = [CandidateForm(m.full_name, votes=v) for m, v in zip(elected, votes, strict=True)]
    candidates.append(CandidateForm(NOT_ELECTED, nominated="self_nominated", votes=needed - 3))
    committee = ElectionForm(
        term.id, "committee", day, len(elected), summoned, present, present, present, present, 0, board,
        tuple(candidates),
    )  # fmt: skip
    made = [save_election(session, committee, now=now, actor=actor).id]
    members = len(elected)
    vote = ElectionForm(
        term.id, "secretary", day, 1, members, members, members, members, members, 0, board,
        (CandidateForm(secretary, votes=members),),
    )  # fmt: skip
    made.append(save_election(session, vote, now=now, actor=actor).id)
    for election_id in made:
        apply_result(session, election_id, now=now, actor=actor)
    return made
