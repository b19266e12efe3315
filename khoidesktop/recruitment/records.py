"""Recruitment files: the person, the steps with their dates and documents, the checks of HD 38 at the cell
vote, the transitions (ceremony → probationary member, official vote → official member), deadlines in
working days, and the figures against the targets."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.names import normalize_text
from khoidesktop.domain.recruitment import (
    CASE_CODES,
    RULES,
    STEP_CODES,
    STEP_LABELS,
    RecruitmentRules,
    age_ok,
    certificate_valid,
    introducer_ok,
    months_between,
    next_step,
    official_date,
    step_applies,
    votes_needed,
)
from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_date
from khoidesktop.members.history import add_event, withdraw_event_row
from khoidesktop.members.records import MemberData, add_member, history_of, withdraw_member
from khoidesktop.members.structure import iter_statuses_on, members_on
from khoidesktop.store import audit
from khoidesktop.store.models import Candidate, CandidateStep, Member, MemberEvent


@dataclass
class CandidateData:
    full_name: str
    birth_date: date | None = None
    gender: str | None = None
    ethnicity: str = ""
    religion: str = ""
    home_town: str = ""
    position: str = ""
    work_unit: str = ""
    professional_education: str | None = None
    political_theory: str | None = None
    certificate_on: date | None = None
    introducer1_id: int | None = None
    introducer1_since: date | None = None
    introducer2_id: int | None = None
    introducer2_since: date | None = None
    extended: bool = False
    notes: str = ""
    introduction_case: str = "members"  # domain.recruitment.INTRODUCTION_CASES
    decision_received_on: date | None = None  # None: the day of the decision


def save_candidate(
    session: Session, candidate_id: int | None, data: CandidateData, *, now: datetime, actor: str
) -> Candidate:
    values: dict[str, Any] = {
        f.name: (normalize_text(v) if isinstance(v := getattr(data, f.name), str) else v) for f in fields(data)
    }
    if not values["full_name"]:
        raise ValidationError(_("Please fill in the candidate's full name."))
    if values["introduction_case"] not in CASE_CODES:
        raise ValidationError(_("Unknown introduction case: {case}.").format(case=values["introduction_case"]))
    if RULES.case(values["introduction_case"]).member_introducers < 2:
        values["introducer2_id"] = values["introducer2_since"] = None  # the organisation is the other introducer
    for name in ("birth_date", "certificate_on", "introducer1_since", "introducer2_since", "decision_received_on"):
        if values[name] is not None and values[name] > now.date():
            raise ValidationError(_("A date in the file is in the future."))
    if values["introducer1_id"] and values["introducer1_id"] == values["introducer2_id"]:
        raise ValidationError(_("The two introducers must be two different members."))
    candidate = session.get(Candidate, candidate_id) if candidate_id else None
    if candidate_id and candidate is None:
        raise ValidationError(_("This recruitment file no longer exists."))
    decision = steps_of(session, candidate_id).get("decision") if candidate_id else None
    received = values["decision_received_on"]
    if received is not None and (decision is None or received < decision.on_date):
        raise ValidationError(
            _("The admission decision is received on or after its date: record the decision first.")
            if decision is None
            else _("The admission decision of {date} cannot be received before that day.").format(
                date=format_date(decision.on_date)
            )
        )
    candidate = candidate or Candidate(created_at=now)
    for name, value in values.items():
        setattr(candidate, name, value)
    candidate.updated_at = now
    session.add(candidate)
    session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        action="update" if candidate_id else "create",
        entity="candidate",
        entity_id=candidate.id,
    )
    return candidate


def steps_of(session: Session, candidate_id: int) -> dict[str, CandidateStep]:
    return {s.step: s for s in session.scalars(select(CandidateStep).where(CandidateStep.candidate_id == candidate_id))}


def all_steps(session: Session) -> dict[int, dict[str, CandidateStep]]:
    """steps_of for every file, in one query."""
    found: dict[int, dict[str, CandidateStep]] = {}
    for step in session.scalars(select(CandidateStep)):
        found.setdefault(step.candidate_id, {})[step.step] = step
    return found


def current_step(steps: dict[str, CandidateStep]) -> str | None:
    done = [code for code in STEP_CODES if code in steps]
    return done[-1] if done else None


def official_members_on(session: Session, on: date) -> int:
    """The base of the two-thirds vote: official members on the list that day, less those temporarily away,
    suspended or exempt (DOMAIN.md, the vote base; attendance of the vote is not recorded in the file)."""
    return sum(
        1
        for m, status in iter_statuses_on(session, on)
        if m.official_on is not None and m.official_on <= on and status not in ("temporary_out", "suspended", "exempt")
    )


def vote_problems(session: Session, candidate: Candidate, on: date) -> list[str]:
    """The checks of HD 38 on the day the cell votes on admission; who introduces follows the file's case
    (Điều lệ Đảng, Điều 4: RULES.introduction_cases)."""
    found = []
    in_cell = {m.id for m in members_on(session, on)}
    case = RULES.case(candidate.introduction_case)
    if candidate.birth_date is None or not age_ok(candidate.birth_date, on):
        found.append(_("On the vote day the candidate must be 18 to 60 years old (counted in months)."))
    if not certificate_valid(candidate.certificate_on, on):
        found.append(_("The awareness course certificate is missing or older than 60 months on the vote day."))
    introducers = (
        (candidate.introducer1_id, candidate.introducer1_since),
        (candidate.introducer2_id, candidate.introducer2_since),
    )
    for number, (member_id, since) in enumerate(introducers[: case.member_introducers], start=1):
        member = session.get(Member, member_id) if member_id else None
        if member is None or member.id not in in_cell or not introducer_ok(member.official_on, since, on):
            found.append(
                _(
                    "Introducer {n} must be an official member who has worked with the candidate for at least a year."
                ).format(n=number)
                if case.member_introducers > 1
                else _(
                    "The introducing Party member must be an official member of the cell who has worked with the "
                    "candidate for at least a year."
                )
            )
    if any(member_id for member_id, _since in introducers[case.member_introducers :]):
        found.append(
            _("In this case only one official member introduces the candidate, with {organisation}.").format(
                organisation=_(case.organisation) if case.organisation else ""
            )
        )
    if case.organisation and "organisation_resolution" not in steps_of(session, candidate.id):
        found.append(
            _("The resolution of {organisation} introducing the candidate must be recorded before the cell's.").format(
                organisation=_(case.organisation)
            )
        )
    official = official_members_on(session, on)
    if candidate.votes_for is None or candidate.votes_for < votes_needed(official):
        found.append(
            _(
                "At least two thirds of the {official} official members must agree ({needed} votes); {votes} agreed."
            ).format(official=official, needed=votes_needed(official), votes=candidate.votes_for or 0)
        )
    return found


def load_candidate(session: Session, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise ValidationError(_("This recruitment file no longer exists."))
    return candidate


MAX_VOTES = 100_000


def _set_votes(candidate: Candidate, votes: tuple[int, int, int]) -> dict[str, tuple[object, object]]:
    """The cell's vote (for, against, abstaining), checked; returns the changes for the audit log."""
    if len(votes) != 3 or any(not isinstance(v, int) or not 0 <= v <= MAX_VOTES for v in votes):
        raise ValidationError(_("Each vote count is a whole number from 0 to {most}.").format(most=MAX_VOTES))
    changes: dict[str, tuple[object, object]] = {}
    for name, value in zip(("votes_for", "votes_against", "votes_abstain"), votes, strict=True):
        if getattr(candidate, name) != value:
            changes[name] = (getattr(candidate, name), value)
            setattr(candidate, name, value)
    return changes


def record_step(
    session: Session,
    candidate_id: int,
    step: str,
    on: date,
    *,
    now: datetime,
    actor: str,
    document_number: str = "",
    passed: bool = True,
    votes: tuple[int, int, int] | None = None,
) -> str:
    """Record a step; returns a message for the user. All checks before anything is written (the caller's
    transaction is rolled back on a refusal). `votes` (for, against, abstaining) go with the cell's resolution."""
    candidate = load_candidate(session, candidate_id)
    if step not in STEP_CODES:
        raise ValidationError(_("Unknown step: {step}.").format(step=step))
    if on > now.date():
        raise ValidationError(_("The date of the step is in the future."))
    steps = steps_of(session, candidate_id)
    if step in steps:
        raise ValidationError(_("This step is already recorded."))
    if not step_applies(step, candidate.introduction_case):
        raise ValidationError(_("This step does not apply to this file (see who introduces the candidate)."))
    expected = next_step(steps, candidate.introduction_case)
    if expected != step:
        if expected is None or STEP_CODES.index(expected) > STEP_CODES.index(step):
            raise ValidationError(_("The file is already past this step."))
        raise ValidationError(_("Record “{previous}” first.").format(previous=_(STEP_LABELS[expected])))
    index = STEP_CODES.index(step)
    before = [steps[code].on_date for code in STEP_CODES[:index] if code in steps]
    if before and on < max(before):
        raise ValidationError(_("This step cannot come before the previous one."))
    for code, number, member_id in (
        ("introduction", 1, candidate.introducer1_id),
        ("introduction_2", 2, candidate.introducer2_id),
    ):
        if step == code and not member_id:
            raise ValidationError(_("Choose introducer {n} on the first tab first.").format(n=number))
    vote_changes = {}
    if step == "cell_resolution":
        if votes is not None:
            vote_changes = _set_votes(candidate, votes)
        candidate.official_members = official_members_on(session, on)
        found = vote_problems(session, candidate, on)
        if found:
            raise ValidationError(" ".join(found))
    message = _("Recorded.")
    if step == "ceremony":
        message = _admit(session, candidate, steps["decision"], now=now, actor=actor)
    if step == "official_vote":
        if not passed:
            candidate.failed_official_votes += 1
            candidate.updated_at = now
            audit.record(
                session,
                at=now,
                actor=actor,
                action="update",
                entity="candidate",
                entity_id=candidate_id,
                changes={"official_vote_failed": (None, on), "document": (None, document_number)},
            )
            if candidate.failed_official_votes >= 3:
                return _("The official vote failed for the third time: the file goes to the superior committee.")
            return _("The official vote failed ({n} time(s)); recorded.").format(n=candidate.failed_official_votes)
        message = _make_official(session, candidate, steps["ceremony"].on_date, on, now=now, actor=actor)
    session.add(
        CandidateStep(candidate_id=candidate_id, step=step, on_date=on, document_number=normalize_text(document_number))
    )
    candidate.updated_at = now
    audit.record(
        session,
        at=now,
        actor=actor,
        action="update",
        entity="candidate",
        entity_id=candidate_id,
        changes={"step": (None, step), **vote_changes},
    )
    return message


def _admit(session: Session, candidate: Candidate, decision: CandidateStep, *, now: datetime, actor: str) -> str:
    if candidate.member_id is not None:
        raise ValidationError(_("This person is already a member."))
    data = MemberData(
        candidate.full_name,
        candidate.birth_date,
        candidate.gender,
        candidate.ethnicity,
        candidate.religion,
        candidate.home_town,
        "",
        candidate.position,
        candidate.work_unit,
        "",
        candidate.professional_education,
        candidate.political_theory,
        admitted_on=decision.on_date,
        status="probationary",
    )
    member = add_member(session, data, now=now, actor=actor)
    add_event(
        session, member.id, "admitted", decision.on_date, now=now, actor=actor, document_number=decision.document_number
    )
    candidate.member_id = member.id
    return _("{name} is now a probationary member (Party age counted from {date}).").format(
        name=candidate.full_name, date=format_date(decision.on_date)
    )


def _make_official(
    session: Session, candidate: Candidate, ceremony: date, vote_day: date, *, now: datetime, actor: str
) -> str:
    member = session.get(Member, candidate.member_id) if candidate.member_id else None
    if member is None:
        raise ValidationError(_("Record the admission ceremony first."))
    official_on = official_date(ceremony)
    if official_on > vote_day:
        raise ValidationError(
            _("The probation ends on {date}: the official vote comes after it.").format(date=format_date(official_on))
        )
    member.official_on = official_on
    add_event(session, member.id, "official", official_on, now=now, actor=actor)
    return _("{name} is an official member from {date}.").format(name=member.full_name, date=format_date(official_on))


@dataclass(frozen=True)
class Deadline:
    what: str  # msgid of what is due
    due: date
    working_days_left: int


def next_deadline(
    steps: dict[str, CandidateStep],
    extended: bool,
    today: date,
    calendar: WorkCalendar,
    *,
    decision_received_on: date | None = None,
    rules: RecruitmentRules = RULES,
) -> Deadline | None:
    """What is due next and by when, in working days (DOMAIN.md, Recruitment): the admission decision within
    `decision_workdays` of the cell's resolution (`decision_extension_workdays` more if extended); the ceremony
    within `ceremony_workdays` of the day the decision was received (`decision_received_on`, by default the
    decision's date); the official vote within `official_vote_workdays` after the probation; the superior's decision
    on official status within `official_decision_workdays` of the cell's proposal."""
    step = current_step(steps)
    if step in ("cell_resolution", "committee_resolution"):
        days = rules.decision_workdays + (rules.decision_extension_workdays if extended else 0)
        what, due = STEP_LABELS["decision"], calendar.add_working_days(steps["cell_resolution"].on_date, days)
    elif step == "decision":
        received = decision_received_on or steps[step].on_date
        what, due = STEP_LABELS["ceremony"], calendar.add_working_days(received, rules.ceremony_workdays)
    elif step in ("ceremony", "self_report"):
        end = official_date(steps["ceremony"].on_date, rules)
        what, due = STEP_LABELS["official_vote"], calendar.add_working_days(end, rules.official_vote_workdays)
    elif step == "official_vote":
        start = steps[step].on_date
        what, due = STEP_LABELS["official"], calendar.add_working_days(start, rules.official_decision_workdays)
    else:
        return None
    left = calendar.working_days_between(today, due) if due >= today else -calendar.working_days_between(due, today)
    return Deadline(what, due, left)


def is_stale(steps: dict[str, CandidateStep], today: date) -> bool:
    step = current_step(steps)
    if step is None or step in ("ceremony", "self_report", "official_vote", "official"):
        return False  # after the ceremony the file waits for the probation by design
    last_move = max(s.on_date for s in steps.values())  # a step caught up later (added in 2025) is a move too
    return months_between(last_move, today) >= RULES.stale_months


# --- the last step entered in error ("nhập nhầm") ----------------------------------------------------------


def _last_step(session: Session, candidate: Candidate) -> CandidateStep:
    steps = steps_of(session, candidate.id)
    if not steps:
        raise ValidationError(_("No step of this file is recorded yet."))
    return steps[max(steps, key=STEP_CODES.index)]


def _last_is_a_failed_vote(session: Session, candidate: Candidate) -> bool:
    """A failed official vote is recorded after the self-report and before any passed vote: while no passed vote
    is recorded, the last one failed is the file's last entry."""
    return candidate.failed_official_votes > 0 and "official_vote" not in steps_of(session, candidate.id)


def _made_member(session: Session, candidate: Candidate) -> Member:
    member = session.get(Member, candidate.member_id) if candidate.member_id else None
    if member is None:
        raise ValidationError(_("The member this file made is no longer in the data file."))
    return member


def _file_event(session: Session, member: Member, kind: str) -> MemberEvent | None:
    return session.scalars(
        select(MemberEvent).where(MemberEvent.member_id == member.id, MemberEvent.kind == kind).order_by(MemberEvent.id)
    ).first()


def last_step_withdrawal(session: Session, candidate_id: int) -> str:
    """What withdrawing the file's last step does, as sentences for the user (nothing is written). The ceremony
    made a probationary member: it is withdrawn with that member, refused once anything else was recorded about
    them (withdraw that first)."""
    candidate = load_candidate(session, candidate_id)
    if _last_is_a_failed_vote(session, candidate):
        return _("The failed official vote (time {n}) is withdrawn from {name}'s file.").format(
            n=candidate.failed_official_votes, name=candidate.full_name
        )
    step = _last_step(session, candidate)
    said = _("The step “{step}” of {date} is withdrawn from {name}'s file.").format(
        step=_(STEP_LABELS[step.step]), date=format_date(step.on_date), name=candidate.full_name
    )
    if step.step == "cell_resolution" and candidate.votes_for is not None:
        said += " " + _("The cell's vote recorded with it goes too.")
    if step.step == "ceremony":
        member = _made_member(session, candidate)
        history = history_of(session, member.id, made_by_file=True)
        if history:
            raise ValidationError(
                _(
                    "{name}, admitted at this ceremony, already has {history}: withdraw those first (they may have "
                    "been entered in error too), then the ceremony."
                ).format(name=member.full_name, history=", ".join(history))
            )
        said += " " + _("{name} made a probationary member by it leaves the member list.").format(name=member.full_name)
    if step.step == "official_vote":
        member = _made_member(session, candidate)
        said += " " + _("{name} is probationary again; the date became official is cleared.").format(
            name=member.full_name
        )
    return said


def withdraw_last_step(session: Session, candidate_id: int, *, now: datetime, actor: str) -> str:
    """Withdraw the file's last step entered in error with what it did; the audit log keeps every row's values."""
    said = last_step_withdrawal(session, candidate_id)
    candidate = load_candidate(session, candidate_id)
    if _last_is_a_failed_vote(session, candidate):
        failed = candidate.failed_official_votes
        candidate.failed_official_votes = failed - 1
        candidate.updated_at = now
        audit.record(
            session,
            at=now,
            actor=actor,
            action=audit.WITHDRAW,
            entity="candidate",
            entity_id=candidate.id,
            changes={"failed_official_votes": (failed, failed - 1)},
        )
        return said
    step = _last_step(session, candidate)
    changes: dict[str, tuple[object, object]] = {"step": (step.step, None)}
    if step.step == "cell_resolution":
        for name in ("votes_for", "votes_against", "votes_abstain", "official_members"):
            if getattr(candidate, name) is not None:
                changes[name] = (getattr(candidate, name), None)
                setattr(candidate, name, None)
    if step.step == "official_vote":
        official = _file_event(session, _made_member(session, candidate), "official")
        if official is not None:
            withdraw_event_row(session, official, now=now, actor=actor, with_date=True)
    if step.step == "ceremony":
        member = _made_member(session, candidate)
        changes["member_id"] = (member.id, None)
        candidate.member_id = None
        session.flush()
        for event in session.scalars(select(MemberEvent).where(MemberEvent.member_id == member.id)):
            audit.withdraw_row(session, event, at=now, actor=actor, entity="member_event")
        session.flush()
        withdraw_member(session, member.id, now=now, actor=actor)
    audit.withdraw_row(session, step, at=now, actor=actor, entity="candidate_step")
    candidate.updated_at = now
    audit.record(
        session, at=now, actor=actor, action="update", entity="candidate", entity_id=candidate.id, changes=changes
    )
    session.flush()
    return said
