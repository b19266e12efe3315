"""The elections of a term's congress stored in the data file (DOMAIN.md, Terms, congresses and elections; QĐ
190-QĐ/TW with HD 04-HD/TW): each vote (committee, secretary, deputy, standing committee, delegates, alternates)
with its round, seats, those summoned and present, ballots, counting board and candidates (nominated,
self-nominated, withdrawn: kept on the list, not on the ballot) and their votes.

One check, `election_problems`, is shown live by the dialog and applied on save; it is the domain's
`tally_problems` once votes are entered. The result is the domain's `tally`. A tie sets up the round among the tied
(`set_up_runoff`); a secretary (deputy) vote that elects nobody is voted again as the next round, and after the
third failure the superior appoints (`superior_appoints`). `apply_result` writes the elected into the committee or
the delegation: explicit, audited, idempotent, refused while a tie or no result is pending."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.domain.elections import (
    Ballots,
    Tally,
    Votes,
    max_candidates,
    rules_for,
    superior_appoints,
    tally,
    tally_problems,
)
from khoidesktop.domain.limits import EARLIEST_DATE, TEXT_LIMITS
from khoidesktop.domain.names import normalize_text, text_key
from khoidesktop.domain.terms import ROLES
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import N_, _, format_number
from khoidesktop.store import audit
from khoidesktop.store.models import (
    CommitteeMember,
    Congress,
    Delegate,
    Election,
    ElectionCandidate,
    Member,
    Term,
)
from khoidesktop.terms.congress import CongressForm, congress_numbers, congress_of, save_congress
from khoidesktop.terms.records import committee, in_office

PURPOSES = {
    "committee": N_("The committee"),
    "secretary": N_("The secretary"),
    "deputy": N_("The deputy secretary"),
    "standing": N_("The standing committee"),
    "delegates": N_("Delegates to the superior's congress"),
    "alternates": N_("Alternate delegates to the superior's congress"),
}
NOMINATED = {"nominated": N_("Nominated"), "self_nominated": N_("Self-nominated")}
# Voted by the new committee among its members (or by the congress itself, where it elects them directly).
BY_COMMITTEE = ("secretary", "deputy", "standing")
# Voted again as the next round when nobody is elected; after the third failure the superior appoints.
ONE_PERSON = ("secretary", "deputy")
MOST_SEATS, MOST_PEOPLE, MOST_CANDIDATES, BOARD_CHARS = 1_000, 100_000, 1_000, 1_000

# What the result of a stored vote is.
NOT_COUNTED, COUNTED, TIE_PENDING, RUNOFF_SET, CONGRESS_DECIDES, FAILED, APPOINTS = (
    "not_counted",
    "counted",
    "tie_pending",
    "runoff_set",
    "congress_decides",
    "failed",
    "superior_appoints",
)


@dataclass(frozen=True)
class CandidateForm:
    full_name: str
    member_id: int | None = None
    nominated: str = "nominated"
    withdrawn: bool = False
    votes: int | None = None


@dataclass(frozen=True)
class ElectionForm:
    term_id: int
    purpose: str
    held_on: date
    seats: int
    summoned: int | None = None  # None: the congress's summoned list (the committee's members for its votes)
    present: int | None = None  # None: those present on that list (all of the committee)
    ballots_issued: int = 0
    ballots_returned: int = 0
    ballots_valid: int = 0
    ballots_invalid: int = 0
    counting_board: tuple[str, ...] = ()
    candidates: tuple[CandidateForm, ...] = ()
    round: int = 1
    runoff: bool = False
    id: int | None = None

    @property
    def ballots(self) -> Ballots:
        return Ballots(self.ballots_issued, self.ballots_returned, self.ballots_valid, self.ballots_invalid)

    @property
    def on_ballot(self) -> tuple[CandidateForm, ...]:
        """The candidates on the ballot: withdrawn ones stay on the list but are not voted on."""
        return tuple(c for c in self.candidates if not c.withdrawn)

    @property
    def counted(self) -> bool:
        """Votes are entered: the counting board's figures are there to be counted."""
        return self.ballots_issued > 0 or any(c.votes is not None for c in self.on_ballot)


@dataclass(frozen=True)
class ElectionResult:
    """A stored vote and what came of it: the tally (None before the votes are entered), its state, and the
    sentences that say it (translated)."""

    id: int
    purpose: str
    round: int
    runoff: bool
    held_on: date
    seats: int
    result: Tally | None
    state: str
    lines: tuple[str, ...]
    applied: bool = False
    notes: tuple[str, ...] = ()  # the lines but the names elected: a tie, seats unfilled, what follows
    member_ids: dict[str, int | None] = field(default_factory=dict)  # an elected name → their member record

    @property
    def title(self) -> str:
        return election_title(self.purpose, self.round, self.runoff)


def document_title(purpose: str, round_: int, runoff: bool, term: str) -> str:
    """The vote as a document names it: "Bầu cấp ủy nhiệm kỳ 2025–2030 (lần 2)"."""
    said = _("Election of {what}, term {term}").format(what=_(PURPOSES[purpose]).lower(), term=term)
    if runoff:
        return said + " " + _("(round {round}, among the tied)").format(round=round_)
    return said + " " + _("(round {round})").format(round=round_) if round_ > 1 else said


def election_title(purpose: str, round_: int, runoff: bool = False) -> str:
    what = _(PURPOSES[purpose])
    if runoff:
        return _("{what}: round {round} among the tied").format(what=what, round=round_)
    if round_ > 1:
        return _("{what}: round {round}").format(what=what, round=round_)
    return what


# --- reading ---------------------------------------------------------------------------------------------------


def _get(session: Session, model: Any, row_id: int) -> Any:
    found = session.get(model, row_id)
    if found is None:
        raise ValidationError(_("There is no election number {id}: see “election list”.").format(id=row_id))
    return found


def elections(session: Session, term_id: int) -> list[Election]:
    """The term's votes in the order held: by day, purpose and round."""
    congress = congress_of(session, term_id)
    if congress is None:
        return []
    rows = session.scalars(select(Election).where(Election.congress_id == congress.id))
    order = tuple(PURPOSES)
    return sorted(rows, key=lambda e: (e.held_on, order.index(e.purpose), e.round, e.id))


def candidates_of(session: Session, election_id: int) -> list[ElectionCandidate]:
    return list(
        session.scalars(
            select(ElectionCandidate)
            .where(ElectionCandidate.election_id == election_id)
            .order_by(ElectionCandidate.position, ElectionCandidate.id)
        )
    )


def term_of(session: Session, election: Election) -> Term:
    congress: Congress = _get(session, Congress, election.congress_id)
    term: Term = _get(session, Term, congress.term_id)
    return term


def election_form(session: Session, election_id: int) -> ElectionForm:
    e: Election = _get(session, Election, election_id)
    return ElectionForm(
        term_of(session, e).id,
        e.purpose,
        e.held_on,
        e.seats,
        e.summoned,
        e.present,
        e.ballots_issued,
        e.ballots_returned,
        e.ballots_valid,
        e.ballots_invalid,
        tuple(line for line in e.counting_board.splitlines() if line.strip()),
        tuple(
            CandidateForm(c.full_name, c.member_id, c.nominated, c.withdrawn, c.votes)
            for c in candidates_of(session, e.id)
        ),
        e.round,
        e.runoff,
        e.id,
    )


def committee_in_office(session: Session, term_id: int, on: date) -> list[CommitteeMember]:
    return in_office(committee(session, term_id), on)


def attendance(session: Session, term_id: int, purpose: str, on: date) -> tuple[int, int] | None:
    """Those summoned and present as the records give them: the committee's members in office for its votes (all
    present unless typed), else the congress's summoned list (counted directly); None when neither exists."""
    if purpose in BY_COMMITTEE:
        members = len(committee_in_office(session, term_id, on))
        if members:
            return members, members
    summoned, present = congress_numbers(session, term_id)  # who counts: terms/congress.py (domain/congress.py)
    return (summoned, present) if summoned else None


# --- the check -------------------------------------------------------------------------------------------------


def ballot_votes(form: ElectionForm) -> list[Votes]:
    return [Votes(normalize_text(c.full_name), c.votes or 0) for c in form.on_ballot]


def election_problems(form: ElectionForm, summoned: int, present: int) -> list[str]:
    """Everything wrong with a vote as entered, in Vietnamese; empty when it can be saved. Once votes are entered
    this is the domain's `tally_problems` (the same check the result is counted with)."""
    found: list[str] = []
    if form.purpose not in PURPOSES:
        found.append(_("Choose what the vote is for from the list."))
    if not 1 <= form.seats <= MOST_SEATS:
        found.append(_("The seats to fill are a number from 1 to {most}.").format(most=format_number(MOST_SEATS)))
    if not 1 <= summoned <= MOST_PEOPLE or not 0 <= present <= MOST_PEOPLE:
        found.append(_("Give the number summoned (at least 1) and the number present."))
    if form.held_on < EARLIEST_DATE:
        found.append(_("Check the day of the vote."))
    for c in form.candidates:
        name = normalize_text(c.full_name)
        if not name:
            found.append(_("A candidate's name is empty: type it or remove the row."))
        elif len(name) > TEXT_LIMITS["full_name"]:
            found.append(
                _("The name “{name}…” is longer than {most} characters.").format(
                    name=name[:30], most=TEXT_LIMITS["full_name"]
                )
            )
        if c.nominated not in NOMINATED:
            found.append(_("Choose how {name} was nominated from the list.").format(name=name))
        if c.votes is not None and not 0 <= c.votes <= MOST_PEOPLE:
            found.append(_("{name} has a number of votes out of range.").format(name=name))
    if len(form.candidates) > MOST_CANDIDATES:
        found.append(_("At most {most} candidates.").format(most=format_number(MOST_CANDIDATES)))
    if len(" \n".join(form.counting_board)) > BOARD_CHARS:
        found.append(_("The counting board's names are too long."))
    if found or not form.seats >= 1 or summoned < 1:
        return found
    if form.counted:
        missing = [normalize_text(c.full_name) for c in form.on_ballot if c.votes is None]
        if missing:
            found.append(
                _("Enter the votes of every candidate on the ballot (missing: {names}).").format(
                    names=", ".join(missing)
                )
            )
        return found + tally_problems(summoned, present, form.seats, form.ballots, ballot_votes(form), form.runoff)
    limit = max_candidates(form.seats)
    if len(form.on_ballot) > limit and not form.runoff:
        found.append(
            _(
                "{count} candidates for {seats} seats: at most 30% more than the seats are allowed ({limit}). The "
                "congress removes names from the list before the vote."
            ).format(count=format_number(len(form.on_ballot)), seats=format_number(form.seats), limit=limit)
        )
    if present > summoned:
        found.append(
            _("Delegates present ({present}) cannot exceed those summoned ({summoned}).").format(
                present=format_number(present), summoned=format_number(summoned)
            )
        )
    return found


def resolved_attendance(session: Session, form: ElectionForm) -> tuple[int, int]:
    """The numbers summoned and present: typed, else from the records (see `attendance`)."""
    found = attendance(session, form.term_id, form.purpose, form.held_on)
    summoned = form.summoned if form.summoned is not None else (found[0] if found else None)
    if summoned is None:
        raise ValidationError(
            _("Give the number summoned: the congress has no summoned list and the committee no members yet.")
        )
    present = form.present if form.present is not None else (found[1] if found and form.summoned is None else None)
    return summoned, summoned if present is None else present


# --- saving ----------------------------------------------------------------------------------------------------


def _congress_for(session: Session, term: Term, now: datetime, actor: str) -> Congress:
    """The term's congress; created (held on the term's congress day, nothing else) when there is none yet."""
    found = congress_of(session, term.id)
    if found is not None:
        return found
    return save_congress(session, CongressForm(term.id, term.congress_on or term.starts_on), now=now, actor=actor)


def save_election(session: Session, form: ElectionForm, *, now: datetime, actor: str) -> Election:
    """Adds or changes a vote with its candidates, checked first (nothing is written on a problem), audited."""
    term: Term = _get(session, Term, form.term_id)
    summoned, present = resolved_attendance(session, form)
    problems = election_problems(form, summoned, present)
    if problems:
        raise ValidationError("\n".join(problems))
    if not term.starts_on.replace(year=term.starts_on.year - 1) <= form.held_on <= term.ends_on:
        raise ValidationError(_("The vote is held at the term's congress or during the term: check its day."))
    congress = _congress_for(session, term, now, actor)
    row: Election = _get(session, Election, form.id) if form.id else Election(created_at=now)
    values = {
        "congress_id": congress.id,
        "purpose": form.purpose,
        "round": form.round,
        "runoff": form.runoff,
        "held_on": form.held_on,
        "seats": form.seats,
        "summoned": summoned,
        "present": present,
        "ballots_issued": form.ballots_issued,
        "ballots_returned": form.ballots_returned,
        "ballots_valid": form.ballots_valid,
        "ballots_invalid": form.ballots_invalid,
        "counting_board": "\n".join(n for n in (normalize_text(b) for b in form.counting_board) if n),
    }
    changes = {k: (getattr(row, k, None), v) for k, v in values.items() if getattr(row, k, None) != v}
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at = now
    session.add(row)
    session.flush()
    before = [_candidate_text(c) for c in candidates_of(session, row.id)] if form.id else []
    for old in candidates_of(session, row.id):
        session.delete(old)
    session.flush()
    for position, c in enumerate(form.candidates):
        session.add(
            ElectionCandidate(
                election_id=row.id,
                position=position,
                full_name=normalize_text(c.full_name),
                member_id=c.member_id,
                nominated=c.nominated,
                withdrawn=c.withdrawn,
                votes=None if c.withdrawn else c.votes,
            )
        )
    session.flush()
    after = [_candidate_text(c) for c in candidates_of(session, row.id)]
    if before != after:
        changes["candidates"] = ("; ".join(before) or None, "; ".join(after))
    audit.record(
        session,
        at=now,
        actor=actor,
        action="update" if form.id else "create",
        entity="election",
        entity_id=row.id,
        changes=changes,
    )
    return row


def _candidate_text(c: ElectionCandidate) -> str:
    said = c.full_name
    if c.withdrawn:
        said += " (" + _("withdrawn") + ")"
    elif c.votes is not None:
        said += f": {c.votes}"
    return said


def parse_names(text: str) -> tuple[str, ...]:
    """Names typed one a line or separated by “;”."""
    return tuple(n for n in (normalize_text(p) for p in text.replace("\n", ";").split(";")) if n)


# --- the result ------------------------------------------------------------------------------------------------


def _later_rounds(session: Session, e: Election) -> list[Election]:
    rows = session.scalars(
        select(Election).where(
            Election.congress_id == e.congress_id, Election.purpose == e.purpose, Election.round > e.round
        )
    )
    return list(rows)


def failed_rounds(session: Session, e: Election) -> int:
    """How many votes for this purpose, up to this one, elected nobody (the secretary's “three failures”)."""
    rows = session.scalars(
        select(Election).where(
            Election.congress_id == e.congress_id, Election.purpose == e.purpose, Election.round <= e.round
        )
    )
    return sum(1 for r in rows if (t := _tally_of(session, r)) is not None and not t.elected and not t.tie)


def _tally_of(session: Session, e: Election) -> Tally | None:
    form = election_form(session, e.id)
    if not form.counted or election_problems(form, e.summoned, e.present):
        return None
    return tally(
        e.summoned, e.seats, form.ballots, ballot_votes(form), present=e.present, runoff=e.runoff, on=e.held_on
    )


def election_result(session: Session, election_id: int) -> ElectionResult:
    """The stored vote counted by the rules, with what it leads to."""
    e: Election = _get(session, Election, election_id)
    result = _tally_of(session, e)
    lines: list[str] = []
    state = NOT_COUNTED
    if result is None:
        lines.append(_("The votes are not entered yet."))
    else:
        state = COUNTED
        if result.elected:
            lines.append(_("Elected: {names}.").format(names=", ".join(result.elected)))
        if result.tie and result.runoff:
            state = CONGRESS_DECIDES
            lines.append(
                _("Still tied after the round among the tied ({names}): the congress decides.").format(
                    names=", ".join(result.tie)
                )
            )
        elif result.tie:
            later = [r for r in _later_rounds(session, e) if r.runoff]
            state = RUNOFF_SET if later else TIE_PENDING
            lines.append(
                _(
                    "Tied for the last {seats} seat(s): {names}; a new round among them, without the more-than-half "
                    "condition."
                ).format(seats=format_number(result.tie_seats), names=", ".join(result.tie))
            )
        if result.seats_unfilled:
            lines.append(_("Seats left unfilled: {count}.").format(count=format_number(result.seats_unfilled)))
        if not result.elected and not result.tie and e.purpose in ONE_PERSON:
            failures = failed_rounds(session, e)
            rules = rules_for(e.held_on)
            if superior_appoints(failures, rules):
                state = APPOINTS
                lines.append(
                    _(
                        "Nobody elected after {n} votes: the superior committee appoints the {what} ({regulation})."
                    ).format(n=failures, what=_(ROLES[e.purpose]).lower(), regulation=rules.regulation)
                )
            else:
                state = FAILED
                lines.append(
                    _("Nobody elected ({n} of {most} votes failed): the vote is held again as the next round.").format(
                        n=failures, most=rules.secretary_failures_before_appointment
                    )
                )
    member_ids = {c.full_name: c.member_id for c in candidates_of(session, e.id)}
    elected = result.elected if result else ()
    return ElectionResult(
        e.id,
        e.purpose,
        e.round,
        e.runoff,
        e.held_on,
        e.seats,
        result,
        state,
        tuple(lines),
        bool(elected) and not _to_apply(session, e, elected),
        tuple(line for line in lines if not (result and result.elected and line == lines[0])),
        {name: member_ids.get(name) for name in elected},
    )


# --- the next round --------------------------------------------------------------------------------------------


def set_up_runoff(session: Session, election_id: int, *, now: datetime, actor: str) -> Election:
    """The round among those tied for the last seats (no more-than-half condition): its seats are the tied seats,
    its candidates the tied ones."""
    e: Election = _get(session, Election, election_id)
    result = election_result(session, election_id)
    if result.result is None or result.state != TIE_PENDING:
        if result.state == RUNOFF_SET:
            raise ValidationError(_("The round among the tied is already set up."))
        raise ValidationError(_("This vote has no tie to vote again."))
    tied = set(result.result.tie)
    form = election_form(session, e.id)
    new = replace(
        form,
        id=None,
        round=max([e.round, *(r.round for r in _later_rounds(session, e))]) + 1,
        runoff=True,
        seats=result.result.tie_seats,
        summoned=e.summoned,
        present=e.present,
        ballots_issued=0,
        ballots_returned=0,
        ballots_valid=0,
        ballots_invalid=0,
        candidates=tuple(replace(c, votes=None) for c in form.on_ballot if normalize_text(c.full_name) in tied),
    )
    return save_election(session, new, now=now, actor=actor)


def next_round(session: Session, election_id: int, *, now: datetime, actor: str) -> Election:
    """A secretary (deputy) vote that elected nobody, voted again as the next round (the same candidates, no
    votes); refused after the third failure: the superior appoints."""
    e: Election = _get(session, Election, election_id)
    result = election_result(session, election_id)
    if result.state == APPOINTS:
        raise ValidationError(result.lines[-1])
    if result.state != FAILED:
        raise ValidationError(_("Only a vote for the secretary or deputy that elected nobody is voted again."))
    if _later_rounds(session, e):
        raise ValidationError(_("The next round is already set up."))
    form = election_form(session, e.id)
    new = replace(
        form,
        id=None,
        round=e.round + 1,
        summoned=e.summoned,
        present=e.present,
        ballots_issued=0,
        ballots_returned=0,
        ballots_valid=0,
        ballots_invalid=0,
        candidates=tuple(replace(c, votes=None) for c in form.candidates),
    )
    return save_election(session, new, now=now, actor=actor)


# --- applying the result ---------------------------------------------------------------------------------------


def _committee_row(session: Session, term_id: int, name: str, on: date) -> CommitteeMember | None:
    key = text_key(name)
    return next((m for m in committee_in_office(session, term_id, on) if text_key(m.full_name) == key), None)


def _to_apply(session: Session, e: Election, elected: tuple[str, ...]) -> list[str]:
    """The elected not yet written where the result goes."""
    term = term_of(session, e)
    if e.purpose == "committee":
        rows = session.scalars(select(CommitteeMember).where(CommitteeMember.term_id == term.id))
        have = {text_key(m.full_name) for m in rows}
        return [n for n in elected if text_key(n) not in have]
    if e.purpose in BY_COMMITTEE:
        return [
            n
            for n in elected
            if (row := _committee_row(session, term.id, n, e.held_on)) is None or row.role != e.purpose
        ]
    alternate = e.purpose == "alternates"
    rows = session.scalars(select(Delegate).where(Delegate.term_id == term.id, Delegate.alternate == alternate))
    have = {text_key(d.full_name) for d in rows}
    return [n for n in elected if text_key(n) not in have]


def apply_result(session: Session, election_id: int, *, now: datetime, actor: str) -> list[str]:
    """Writes the elected where the vote puts them (the committee, a role on it, the delegation); returns the
    names written. Applying again writes nothing again."""
    from khoidesktop.terms.records import CommitteeForm, committee_form, save_committee_member

    e: Election = _get(session, Election, election_id)
    result = election_result(session, election_id)
    if result.result is None:
        raise ValidationError(_("The votes are not entered yet: there is no result to record."))
    if result.state in (TIE_PENDING, CONGRESS_DECIDES):
        raise ValidationError(
            _("A tie is pending: set up the round among the tied first (or the congress decides).")
            if result.state == TIE_PENDING
            else _("The tie is for the congress to decide: add the one it chooses on the committee by hand.")
        )
    if not result.result.elected:
        raise ValidationError(_("Nobody is elected in this vote: there is nothing to record."))
    term = term_of(session, e)
    names = _to_apply(session, e, result.result.elected)
    if e.purpose in BY_COMMITTEE:
        missing = [n for n in names if _committee_row(session, term.id, n, e.held_on) is None]
        if missing:
            raise ValidationError(
                _("{names}: not on the committee on {date}. Record the committee's election first.").format(
                    names=", ".join(missing), date=e.held_on.strftime("%d/%m/%Y")
                )
            )
    for name in names:
        if e.purpose == "committee":
            start = max(e.held_on, term.starts_on)
            form = CommitteeForm(term.id, name, "member", start, "congress")
            save_committee_member(session, form, now=now, actor=actor)
        elif e.purpose in BY_COMMITTEE:
            row = _committee_row(session, term.id, name, e.held_on)
            assert row is not None
            save_committee_member(
                session, replace(committee_form(session, row.id), role=e.purpose), now=now, actor=actor
            )
        else:
            _add_delegate(session, e, term, name, result.member_ids.get(name), now=now, actor=actor)
    if names:
        audit.record(
            session,
            at=now,
            actor=actor,
            action="apply",
            entity="election",
            entity_id=e.id,
            changes={"applied": (None, "; ".join(names))},
        )
    return names


def _add_delegate(
    session: Session, e: Election, term: Term, name: str, member_id: int | None, *, now: datetime, actor: str
) -> None:
    from khoidesktop.terms.delegates import particulars_of

    member = session.get(Member, member_id) if member_id is not None else None
    values: dict[str, Any] = particulars_of(member) if member is not None else {"full_name": name}
    position = session.scalar(select(func.count()).select_from(Delegate).where(Delegate.term_id == term.id)) or 0
    row = Delegate(term_id=term.id, position=position, alternate=e.purpose == "alternates", election_id=e.id, **values)
    session.add(row)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        action="create",
        entity="delegate",
        entity_id=row.id,
        changes={k: (None, v) for k, v in values.items() if k != "member_id"} | {"alternate": (None, row.alternate)},
    )


def member_choices(session: Session, on: date) -> list[tuple[int, str]]:
    """The members a candidate can be picked from (a cell's list on the day; none above the cells): id, name."""
    from khoidesktop.members.structure import members_on

    return [(m.id, m.full_name) for m in members_on(session, on)]


def election_rows(session: Session, term_id: int) -> list[ElectionResult]:
    """The term's votes with their results, as the Nhiệm kỳ page lists them."""
    return [election_result(session, e.id) for e in elections(session, term_id)]
