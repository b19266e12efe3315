"""SQLAlchemy 2 typed models. The schema itself is made by the numbered scripts in db/migrations/;
tests/store/test_schema.py checks that these models and those scripts describe the same tables.

Enumerated values are stored as short English codes; their Vietnamese labels live in domain/.
Dates are `date` (ISO text in SQLite); card and ID numbers are text (leading zeros matter).
"""

# No `from __future__ import annotations` here: SQLAlchemy would evaluate each of the ~290 annotations from its
# text, ~10 ms of every start (they are types already: date | None is one since Python 3.10).

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# An id is never given twice (migration 0014): once a row is withdrawn, the audit log's entries about it still name
# it by its id, so a later row must not take that id.
NEVER_REUSED = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    type_annotation_map = {str: Text()}
    __table_args__: Any = NEVER_REUSED  # a class with constraints gives (constraint, …, NEVER_REUSED)


class Identity(Base):
    """The one row naming the cell and the bodies above it, as printed on documents."""

    __tablename__ = "identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(default="cell")  # a code of datafile.kinds.KINDS
    cell_name: Mapped[str]
    org_name: Mapped[str]  # grassroots Party organisation (TCCS)
    superior_name: Mapped[str]
    place_name: Mapped[str]  # place on the date line of documents
    secretary_name: Mapped[str] = mapped_column(default="")
    training: Mapped[bool] = mapped_column(default=False)
    records_from: Mapped[date | None]  # reminders start from this month (None: the month the file was made)
    days_off_adopted: Mapped[bool] = mapped_column(default=False)  # this computer's old days off were read in
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DayOff(Base):
    """A local day off besides the national holidays (a day the province gives): not a working day."""

    __tablename__ = "day_off"

    id: Mapped[int] = mapped_column(primary_key=True)
    on_date: Mapped[date] = mapped_column(unique=True)


class Member(Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str]
    family_name: Mapped[str] = mapped_column(default="")
    middle_name: Mapped[str] = mapped_column(default="")
    given_name: Mapped[str] = mapped_column(default="")
    sort_key: Mapped[str] = mapped_column(index=True)
    search_key: Mapped[str] = mapped_column(index=True)
    birth_date: Mapped[date | None]
    gender: Mapped[str | None]  # "male" | "female"
    ethnicity: Mapped[str] = mapped_column(default="")
    religion: Mapped[str] = mapped_column(default="")
    home_town: Mapped[str] = mapped_column(default="")
    residence: Mapped[str] = mapped_column(default="")
    position: Mapped[str] = mapped_column(default="")
    work_unit: Mapped[str] = mapped_column(default="")
    general_education: Mapped[str] = mapped_column(default="")  # "12/12"
    professional_education: Mapped[str | None]  # domain.members.EDUCATION codes
    political_theory: Mapped[str | None]  # domain.members.THEORY codes
    admitted_on: Mapped[date | None]  # date of the admission decision
    official_on: Mapped[date | None]
    card_number: Mapped[str | None] = mapped_column(unique=True)
    personal_id: Mapped[str | None]  # số định danh cá nhân, 12 digits
    phone: Mapped[str] = mapped_column(default="")
    status: Mapped[str] = mapped_column(default="official", index=True)  # domain.members.STATUSES
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class AuditEntry(Base):
    """Who changed what, when. `detail` is JSON text of the changed fields (old → new)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"), NEVER_REUSED)  # a record's entries

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str]
    action: Mapped[str]  # "create" | "update" | "delete" | "withdraw" (an entry made in error, its values kept)
    entity: Mapped[str]  # "identity" | "member" | ...
    entity_id: Mapped[int | None]
    detail: Mapped[str] = mapped_column(default="{}")


class MemberNote(Base):
    """Free notes attached to a member (kept when the member leaves: history is never erased)."""

    __tablename__ = "member_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    text: Mapped[str]


class MemberEvent(Base):
    """One step of a member's history (admission, transfer, discipline, badge …). Never deleted: a wrong
    entry is corrected, and the correction is in the audit log."""

    __tablename__ = "member_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(index=True)  # domain.events.EVENT_KINDS
    on_date: Mapped[date]
    document_number: Mapped[str] = mapped_column(default="")
    level: Mapped[str | None]  # discipline level (domain.events.DISCIPLINE_LEVELS)
    note: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime]


class ThematicTopic(Base):
    """A thematic topic registered in the year's plan for a quarter; a meeting holds it."""

    __tablename__ = "thematic_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    quarter: Mapped[int]
    title: Mapped[str]
    created_at: Mapped[datetime]


class Meeting(Base):
    """One meeting and its minutes (biên bản)."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]  # domain.meetings.KINDS
    on_date: Mapped[date] = mapped_column(index=True)
    start_time: Mapped[time | None]
    end_time: Mapped[time | None]
    place: Mapped[str] = mapped_column(default="")
    chair: Mapped[str] = mapped_column(default="")
    minute_taker: Mapped[str] = mapped_column(default="")
    guests: Mapped[str] = mapped_column(default="")
    topic: Mapped[str] = mapped_column(default="")
    thematic_topic_id: Mapped[int | None] = mapped_column(ForeignKey("thematic_topic.id"), index=True)
    materials_sent_on: Mapped[date | None]
    content: Mapped[str] = mapped_column(default="")
    conclusion: Mapped[str] = mapped_column(default="")
    resolution: Mapped[str] = mapped_column(default="")
    vote_rule: Mapped[str | None]  # domain.meetings.VOTE_RULES
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    votes_abstain: Mapped[int | None]
    minutes_done: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class MeetingAttendance(Base):
    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    presence: Mapped[str]  # domain.meetings.PRESENCE
    reason: Mapped[str] = mapped_column(default="")


class MeetingSpeaker(Base):
    __tablename__ = "meeting_speaker"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str]
    points: Mapped[str] = mapped_column(default="")


class RatingYear(Base):
    """A year's rating: the rating date, the cap allowed by the committee, and the cell's own level."""

    __tablename__ = "rating_year"
    __table_args__ = {"sqlite_autoincrement": False}  # its key is the year

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    rating_date: Mapped[date]
    cap_percent: Mapped[int] = mapped_column(default=20)
    cell_level: Mapped[str | None]
    cell_notes: Mapped[str] = mapped_column(default="")
    updated_at: Mapped[datetime]


class Rating(Base):
    """A member's rating in a year: self-assessment, the cell's level and score, and the facts the rules ask."""

    __tablename__ = "rating"
    __table_args__ = (UniqueConstraint("year", "member_id"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    self_level: Mapped[str | None]
    self_score: Mapped[float | None]
    level: Mapped[str | None]
    score: Mapped[float | None]
    all_on_time: Mapped[bool] = mapped_column(default=True)
    exceeding_percent: Mapped[float] = mapped_column(default=0)
    all_done: Mapped[bool] = mapped_column(default=True)
    late_percent: Mapped[float] = mapped_column(default=0)
    tasks_mostly_undone: Mapped[bool] = mapped_column(default=False)
    degradation: Mapped[bool] = mapped_column(default=False)
    shortcomings_remedied: Mapped[bool] = mapped_column(default=True)  # those found at the previous review
    violation: Mapped[bool] = mapped_column(default=False)  # of what members must not do / the duty to set an example
    fault_self_reported: Mapped[bool] = mapped_column(default=False)  # reported and remedied in time: an exception
    notes: Mapped[str] = mapped_column(default="")
    updated_at: Mapped[datetime]


class Candidate(Base):
    """A recruitment file: the person (becoming the member's profile on admission), the course
    certificate, the two introducers, the cell vote, and the member made at the ceremony."""

    __tablename__ = "candidate"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str]
    birth_date: Mapped[date | None]
    gender: Mapped[str | None]
    ethnicity: Mapped[str] = mapped_column(default="")
    religion: Mapped[str] = mapped_column(default="")
    home_town: Mapped[str] = mapped_column(default="")
    position: Mapped[str] = mapped_column(default="")
    work_unit: Mapped[str] = mapped_column(default="")
    professional_education: Mapped[str | None]
    political_theory: Mapped[str | None]
    certificate_on: Mapped[date | None]  # awareness course certificate (nhận thức về Đảng)
    introducer1_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    introducer1_since: Mapped[date | None]
    introducer2_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    introducer2_since: Mapped[date | None]
    introduction_case: Mapped[str] = mapped_column(default="members")  # domain.recruitment.INTRODUCTION_CASES
    decision_received_on: Mapped[date | None]  # the ceremony's deadline counts from it (None: the decision's date)
    votes_for: Mapped[int | None]
    votes_against: Mapped[int | None]
    votes_abstain: Mapped[int | None]
    official_members: Mapped[int | None]  # the cell's official members on the vote day
    extended: Mapped[bool] = mapped_column(default=False)
    failed_official_votes: Mapped[int] = mapped_column(default=0)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    notes: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CandidateStep(Base):
    __tablename__ = "candidate_step"
    __table_args__ = (UniqueConstraint("candidate_id", "step"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))
    step: Mapped[str]  # domain.recruitment.STEP_CODES
    on_date: Mapped[date]
    document_number: Mapped[str] = mapped_column(default="")


class RecruitmentTarget(Base):
    """Admissions asked by the superior for a year or a term (first_year..last_year)."""

    __tablename__ = "recruitment_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_year: Mapped[int]
    last_year: Mapped[int]
    target: Mapped[int]


class ExchangeKey(Base):
    """The cell's Ed25519 key for signing export bundles, made on the first export, and the cell's id in
    every bundle it sends."""

    __tablename__ = "exchange_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    cell_uid: Mapped[str]
    private_key: Mapped[bytes]
    public_key: Mapped[bytes]
    created_at: Mapped[datetime]


class Unit(Base):
    """A unit of a level above the cells: expected (added by hand, no id or key yet) or known by its bundles, with
    its names as last sent, its kind (the level it is), the key the user confirmed, and whether it was closed or
    merged into another."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str | None] = mapped_column(unique=True)
    name: Mapped[str]
    org_name: Mapped[str] = mapped_column(default="")
    kind: Mapped[str] = mapped_column(default="cell")  # a code of datafile.kinds.KINDS
    public_key: Mapped[bytes | None]
    trusted_at: Mapped[datetime | None]
    added_at: Mapped[datetime]
    closed_on: Mapped[date | None]
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))


class UnitBundle(Base):
    """The bundle a unit sent for a period (the newest one; an older one is replaced)."""

    __tablename__ = "unit_bundle"
    __table_args__ = (UniqueConstraint("unit_id", "period"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    period: Mapped[str]  # "2025" or "2025-Q3"
    created_at: Mapped[datetime]  # when the unit made it
    imported_at: Mapped[datetime]
    manifest_sha256: Mapped[str]
    app_version: Mapped[str] = mapped_column(default="")
    file_name: Mapped[str] = mapped_column(default="")
    member_count: Mapped[int] = mapped_column(default=0)
    format_version: Mapped[int] = mapped_column(default=1)  # of the summary format (exchange/summary.py)


class UnitBundleFile(Base):
    """One file of a bundle (data/*.json, reports/*.pdf) exactly as received."""

    __tablename__ = "unit_bundle_file"
    __table_args__ = (UniqueConstraint("bundle_id", "name"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_id: Mapped[int] = mapped_column(ForeignKey("unit_bundle.id", ondelete="CASCADE"))
    name: Mapped[str]
    sha256: Mapped[str]
    content: Mapped[bytes]


class UnitRating(Base):
    """The level's rating of one of its units for a year."""

    __tablename__ = "unit_rating"
    __table_args__ = (UniqueConstraint("unit_id", "year"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    year: Mapped[int]
    level: Mapped[str]
    decided_at: Mapped[datetime]


class ExcellenceDecision(Base):
    """A grassroots committee's decision on a member one of its cells proposed as HTXSNV (None: not decided)."""

    __tablename__ = "excellence_decision"
    __table_args__ = (UniqueConstraint("unit_id", "year", "full_name", "birth_date"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    year: Mapped[int]
    full_name: Mapped[str]
    birth_date: Mapped[date | None]
    approved: Mapped[bool | None]
    decided_at: Mapped[datetime | None]


class Term(Base):
    """A term (nhiệm kỳ) of the level the data file is: its dates, its congress and its name ("2025–2030")."""

    __tablename__ = "term"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    congress_on: Mapped[date | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CommitteeMember(Base):
    """One stay in office on a term's committee: role, dates, how they came and how they left (None: in office)."""

    __tablename__ = "committee_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"))
    full_name: Mapped[str]
    role: Mapped[str]  # domain.terms.ROLES
    from_date: Mapped[date]
    to_date: Mapped[date | None]
    came: Mapped[str]  # domain.terms.CAME
    left_how: Mapped[str | None]  # domain.terms.LEFT
    note: Mapped[str] = mapped_column(default="")


class TermTarget(Base):
    """A target of the term's congress resolution; `computed` names the figure the program counts for it."""

    __tablename__ = "term_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"))
    position: Mapped[int] = mapped_column(default=0)
    indicator: Mapped[str]
    target: Mapped[float]
    unit: Mapped[str]  # domain.terms.UNITS
    at_most: Mapped[bool] = mapped_column(default=False)
    computed: Mapped[str | None]


class TermTargetValue(Base):
    """A figure entered by hand for a target: for a year, or (year None) for the term so far."""

    __tablename__ = "term_target_value"
    __table_args__ = (UniqueConstraint("target_id", "year"), NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("term_target.id", ondelete="CASCADE"))
    year: Mapped[int | None]
    value: Mapped[float]


class Congress(Base):
    """The congress (đại hội) that opens a term: date, place, agenda and the people who run it (one name a line)."""

    __tablename__ = "congress"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"), unique=True)
    held_on: Mapped[date]
    place: Mapped[str] = mapped_column(default="")
    agenda: Mapped[str] = mapped_column(default="")
    presidium: Mapped[str] = mapped_column(default="")
    secretariat: Mapped[str] = mapped_column(default="")
    counting_board: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CongressSummoned(Base):
    """One person summoned to the congress: present, excused (with the reason) or absent."""

    __tablename__ = "congress_summoned"

    id: Mapped[int] = mapped_column(primary_key=True)
    congress_id: Mapped[int] = mapped_column(ForeignKey("congress.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    full_name: Mapped[str]
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    attendance: Mapped[str] = mapped_column(default="present")  # present | excused | absent
    reason: Mapped[str] = mapped_column(default="")


class CongressDocument(Base):
    """A document of the congress kept in the data file (a backup carries it): its kind, title, date and bytes."""

    __tablename__ = "congress_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    congress_id: Mapped[int] = mapped_column(ForeignKey("congress.id", ondelete="CASCADE"))
    kind: Mapped[str]  # political_report | committee_review | other
    title: Mapped[str]
    dated: Mapped[date | None]
    file_name: Mapped[str]
    content: Mapped[bytes]
    added_at: Mapped[datetime]


class Election(Base):
    """One vote of the congress (or of the new committee): what for, the round, the seats, the ballots."""

    __tablename__ = "election"

    id: Mapped[int] = mapped_column(primary_key=True)
    congress_id: Mapped[int] = mapped_column(ForeignKey("congress.id", ondelete="CASCADE"))
    purpose: Mapped[str]  # committee | secretary | deputy | standing | delegates | alternates
    round: Mapped[int] = mapped_column(default=1)
    runoff: Mapped[bool] = mapped_column(default=False)
    held_on: Mapped[date]
    seats: Mapped[int]
    summoned: Mapped[int]
    present: Mapped[int]
    ballots_issued: Mapped[int] = mapped_column(default=0)
    ballots_returned: Mapped[int] = mapped_column(default=0)
    ballots_valid: Mapped[int] = mapped_column(default=0)
    ballots_invalid: Mapped[int] = mapped_column(default=0)
    counting_board: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ElectionCandidate(Base):
    """A candidate of a vote: how nominated, withdrawn or not, and the votes counted (None: not counted yet)."""

    __tablename__ = "election_candidate"

    id: Mapped[int] = mapped_column(primary_key=True)
    election_id: Mapped[int] = mapped_column(ForeignKey("election.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    full_name: Mapped[str]
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    nominated: Mapped[str] = mapped_column(default="nominated")  # nominated | self_nominated
    withdrawn: Mapped[bool] = mapped_column(default=False)
    votes: Mapped[int | None]


class Delegate(Base):
    """A delegate to the superior's congress chosen at this term's congress, official or alternate, with what the
    delegation's structure counts."""

    __tablename__ = "delegate"

    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"))
    position: Mapped[int] = mapped_column(default=0)
    full_name: Mapped[str]
    alternate: Mapped[bool] = mapped_column(default=False)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    election_id: Mapped[int | None] = mapped_column(ForeignKey("election.id", ondelete="SET NULL"))
    gender: Mapped[str] = mapped_column(default="")  # "" | female | male
    ethnicity: Mapped[str] = mapped_column(default="")
    birth_date: Mapped[date | None]
    professional_education: Mapped[str] = mapped_column(default="")
    religion: Mapped[str] = mapped_column(default="")
    probationary: Mapped[bool] = mapped_column(default=False)
