"""Training data: the elections of the training level's term, matching the committee it records. The congress
elects the committee (those who came "at the congress", each with a clear majority, and one more candidate not
elected), the new committee elects the secretary; both results are recorded, which adds nothing (the committee is
already there). Nothing is done where the file has no term or its committee came otherwise."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

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
    summoned = 30
    votes = [max(16, 26 - 2 * index) for index in range(len(elected))]  # each over half of the 30 summoned
    candidates = [CandidateForm(m.full_name, votes=v) for m, v in zip(elected, votes, strict=True)]
    candidates.append(CandidateForm(NOT_ELECTED, nominated="self_nominated", votes=12))
    committee = ElectionForm(
        term.id, "committee", day, len(elected), summoned, 29, 29, 29, 29, 0, COUNTING_BOARD, tuple(candidates)
    )
    made = [save_election(session, committee, now=now, actor=actor).id]
    members = len(elected)
    vote = ElectionForm(
        term.id, "secretary", day, 1, members, members, members, members, members, 0, COUNTING_BOARD,
        (CandidateForm(secretary, votes=members),),
    )  # fmt: skip
    made.append(save_election(session, vote, now=now, actor=actor).id)
    for election_id in made:
        apply_result(session, election_id, now=now, actor=actor)
    return made
