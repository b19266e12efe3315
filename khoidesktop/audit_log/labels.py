"""What the audit log's codes mean in words: the kinds of record (`entity`), the actions, each field's label (the
forms' own where they have one) and how a stored value reads (a code's label, a date as dd/mm/yyyy)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from khoidesktop.datafile.identity import FIELD_LABELS as IDENTITY_FIELDS
from khoidesktop.datafile.kinds import KINDS
from khoidesktop.domain.congress import ATTENDANCE_LABELS, DOCUMENT_KINDS
from khoidesktop.domain.events import DISCIPLINE_LEVELS, EVENT_KINDS
from khoidesktop.domain.meetings import KINDS as MEETING_KINDS
from khoidesktop.domain.members import EDUCATION, GENDERS, STATUSES, THEORY
from khoidesktop.domain.rating_rules import LEVELS
from khoidesktop.domain.recruitment import STEP_LABELS
from khoidesktop.domain.terms import CAME, COMPUTED, LEFT
from khoidesktop.domain.terms import ROLES as TERM_ROLES
from khoidesktop.domain.terms import UNITS as TARGET_UNITS
from khoidesktop.i18n import N_, _, format_date
from khoidesktop.members.records import FIELD_LABELS as MEMBER_FIELDS
from khoidesktop.terms.elections import PURPOSES

# Every `entity` the program records (audit.record / audit.withdraw_row): tests/audit_log fails on one left out.
ENTITY_LABELS = {
    "identity": N_("the names on documents"),
    "member": N_("Party member (audit log)"),
    "member_event": N_("member's event (audit log)"),
    "meeting": N_("meeting (audit log)"),
    "rating": N_("member's rating (audit log)"),
    "rating_year": N_("year's rating settings"),
    "candidate": N_("recruitment file (audit log)"),
    "unit": N_("unit (audit log)"),
    "unit_rating": N_("unit's rating (audit log)"),
    "unit_bundle": N_("unit's data bundle (audit log)"),
    "exchange_key": N_("bundle signing key (audit log)"),
    "meeting_attendance": N_("a meeting's attendance (audit log)"),
    "meeting_speaker": N_("a meeting's speaker (audit log)"),
    "thematic_topic": N_("thematic topic (audit log)"),
    "member_note": N_("member's note (audit log)"),
    "candidate_step": N_("recruitment file's step (audit log)"),
    "excellence_decision": N_("decision on an HTXSNV proposal (audit log)"),
    "term": N_("term (audit log)"),
    "committee_member": N_("committee member (audit log)"),
    "term_target": N_("term's target (audit log)"),
    "term_target_value": N_("a target's figure (audit log)"),
    "election": N_("election (audit log)"),
    "delegate": N_("delegate to the superior's congress (audit log)"),
    "congress": N_("the term's congress (audit log)"),
    "congress_summoned": N_("the congress's summoned list (audit log)"),
    "congress_document": N_("a congress document (audit log)"),
}

ACTION_LABELS = {  # {what}: the kind of record, from ENTITY_LABELS
    "create": N_("Add {what}"),
    "update": N_("Edit {what}"),
    "delete": N_("Delete {what}"),
    "withdraw": N_("Withdraw (entered in error) {what}"),
    "replace": N_("Replace {what}"),
    "apply": N_("Record the result of {what}"),
}
OTHER_ACTION = N_("Change {what}")

COMMON_FIELDS = {
    **MEMBER_FIELDS,
    **IDENTITY_FIELDS,
    "records_from": N_("Records kept from"),
    "kind": N_("Kind"),
    "on_date": N_("Date"),
    "level": N_("Rating level"),
    "year": N_("Year"),
    "document_number": N_("Document number"),
    "document": N_("Document number"),
    "note": N_("Note"),
    "name": N_("Name"),
    "unit": N_("Unit"),
    "period": N_("Period"),
    "created_at": N_("Made at"),
    "closed_on": N_("Dissolved on"),
    "merged_into": N_("Merged into"),
    "public_key": N_("Signing key"),
    "step": N_("Step"),
    "official_vote_failed": N_("Official vote failed on"),
    "votes_for": N_("Votes for"),
    "votes_against": N_("Votes against"),
    "votes_abstain": N_("Abstaining"),
}
CONGRESS_FIELDS = {
    "congress": {
        "held_on": N_("Congress held on"),
        "place": N_("Place"),
        "agenda": N_("Agenda"),
        "presidium": N_("Presidium"),
        "secretariat": N_("Secretariat"),
        "counting_board": N_("Counting board"),
    },
    "congress_summoned": {
        "attendance": N_("Attendance"),
        "reason": N_("Reason"),
        "added": N_("Added to the list"),
        "removed": N_("Taken off the list"),
    },
    "congress_document": {
        "title": N_("Title"),
        "dated": N_("Dated"),
        "file_name": N_("File name"),
        "size": N_("Size (bytes)"),
    },
    "term": {"congress_on": N_("Congress held on"), "starts_on": N_("Term from"), "ends_on": N_("Term to")},
    "committee_member": {
        "role": N_("Role"),
        "came": N_("How they came"),
        "from_date": N_("In office from"),
        "to_date": N_("In office to"),
        "left_how": N_("How they left"),
    },
    "term_target": {
        "indicator": N_("Indicator"),
        "target": N_("Aim"),
        "at_most": N_("At most"),
        "computed": N_("Counted by the program"),
        "position": N_("Order on the list"),
    },
    "election": {
        "purpose": N_("Vote for"),
        "round": N_("Round"),
        "runoff": N_("Round among the tied"),
        "held_on": N_("Voted on"),
        "seats": N_("Seats"),
        "summoned": N_("Summoned"),
        "present": N_("Present"),
        "ballots_issued": N_("Ballots issued"),
        "ballots_returned": N_("Ballots returned"),
        "ballots_valid": N_("Valid ballots"),
        "ballots_invalid": N_("Invalid ballots"),
        "counting_board": N_("Counting board"),
        "candidates": N_("Candidates and votes"),
    },
}
ENTITY_FIELDS = {  # a field whose label differs with the kind of record
    "identity": {"kind": N_("Mode")},
    "member_event": {"kind": N_("Event"), "level": N_("Discipline level")},
    "delegate": {
        "position": N_("Order on the list"),
        "alternate": N_("Alternate delegate"),
        "probationary": N_("Probationary member"),
        "term_id": N_("Term"),
        "election_id": N_("Chosen by the vote"),
    },
    **CONGRESS_FIELDS,
}
# Kept in an entry for the record's sake (which row it was), shown in the "record" column, not as a change.
# What a withdrawn row kept that is the program's, not the user's: ids, and the name split and keyed for sorting and
# search (computed from the full name, which is shown).
HIDDEN_FIELDS = frozenset(
    {
        "id",
        "member_id",
        "congress_id",
        "term_id",
        "updated_at",
        "family_name",
        "middle_name",
        "given_name",
        "sort_key",
        "search_key",
    }
)

_VALUES: dict[str, dict[str, str]] = {
    "status": STATUSES,
    "gender": GENDERS,
    "professional_education": EDUCATION,
    "political_theory": THEORY,
    "level": LEVELS,
    "step": STEP_LABELS,
}
_ENTITY_VALUES: dict[str, dict[str, dict[str, str]]] = {
    "member_event": {"kind": EVENT_KINDS, "level": DISCIPLINE_LEVELS},
    "meeting": {"kind": MEETING_KINDS},
    "identity": {"kind": {code: kind.title for code, kind in KINDS.items()}},
    "unit": {"kind": {code: kind.unit_label for code, kind in KINDS.items()}},
    "congress_summoned": {"attendance": ATTENDANCE_LABELS},
    "congress_document": {"kind": DOCUMENT_KINDS},
    "committee_member": {"role": TERM_ROLES, "came": CAME, "left_how": LEFT},
    "term_target": {"unit": TARGET_UNITS, "computed": {code: c.label for code, c in COMPUTED.items()}},
    "election": {"purpose": PURPOSES},
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
EMPTY = N_("(empty)")


def entity_label(entity: str) -> str:
    """The kind of record in words ("đảng viên"); an unknown one keeps its code."""
    return _(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def action_label(action: str, entity: str) -> str:
    """ "Sửa đảng viên", "Rút lại (nhập nhầm) sự kiện của đảng viên" …"""
    return _(ACTION_LABELS.get(action, OTHER_ACTION)).format(what=entity_label(entity))


def field_label(entity: str, field: str) -> str:
    label = ENTITY_FIELDS.get(entity, {}).get(field) or COMMON_FIELDS.get(field)
    return _(label) if label else field


def when_text(at: datetime) -> str:
    """05/12/2026 09:30"""
    return f"{format_date(at)} {at:%H:%M}"


def value_text(entity: str, field: str, value: Any) -> str:
    """A stored value as the user reads it: a code's label, a date dd/mm/yyyy, yes/no; "(trống)" for none."""
    if value is None or value == "":
        return _(EMPTY)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (date, datetime)):
        return when_text(value) if isinstance(value, datetime) else format_date(value)
    if isinstance(value, str):
        table = _ENTITY_VALUES.get(entity, {}).get(field) or _VALUES.get(field)
        if table is not None and value in table:
            return _(table[value])
        if _ISO_DATE.match(value):
            return format_date(date.fromisoformat(value))
        if _ISO_TIME.match(value):
            try:
                return when_text(datetime.fromisoformat(value))
            except ValueError:
                return value
    return str(value)
