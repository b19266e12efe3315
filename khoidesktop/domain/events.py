"""A member's history: kinds of events and the status they lead to (DOMAIN.md, Members)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from khoidesktop.i18n import N_

EVENT_KINDS = {
    "admitted": N_("Admitted (admission decision)"),
    "official": N_("Recognised as official member"),
    "transfer_in": N_("Transferred in"),
    "transfer_out": N_("Transferred out (official)"),
    "temporary_out": N_("Transferred out temporarily"),
    "temporary_back": N_("Back from a temporary transfer"),
    "exempt": N_("Exempted from work and activities"),
    "exempt_end": N_("Exemption ended"),
    "suspended": N_("Activities suspended"),
    "suspension_end": N_("Suspension ended"),
    "discipline": N_("Disciplined"),
    "removed": N_("Removed from the list"),
    "deceased": N_("Deceased"),
    "badge": N_("Party badge awarded"),
}

DISCIPLINE_LEVELS = {
    "reprimand": N_("Reprimand"),
    "warning": N_("Warning"),
    "dismissal": N_("Dismissal from posts"),
    "expulsion": N_("Expulsion"),
}

# The status an event puts the member in; None: back to the membership status (official or probationary);
# missing: the event does not change the status (a badge, a reprimand).
_STATUS_AFTER: dict[str, str | None] = {
    "admitted": "probationary",
    "official": "official",
    "transfer_in": None,
    "transfer_out": "transferred_out",
    "temporary_out": "temporary_out",
    "temporary_back": None,
    "exempt": "exempt",
    "exempt_end": None,
    "suspended": "suspended",
    "suspension_end": None,
    "removed": "removed",
    "deceased": "deceased",
}

# The kinds that may change a member's status (a discipline only at expulsion): recording or withdrawing one
# shows what changes and asks first.
STATUS_EVENT_KINDS = frozenset(_STATUS_AFTER) | {"discipline"}


@dataclass(frozen=True)
class EventFact:
    kind: str
    on_date: date
    level: str | None = None


def membership_status(official_on: date | None, on: date) -> str:
    return "official" if official_on is not None and official_on <= on else "probationary"


def status_on(
    events: Iterable[EventFact], official_on: date | None, on: date, without_history: str | None = None
) -> str:
    """The member's status on `on`, replaying the events up to that day in date order.

    With no event up to that day, `without_history` (the status typed or imported) is kept if given."""
    history = sorted(events, key=lambda e: e.on_date)
    if history and history[0].kind == "transfer_in" and on < history[0].on_date:
        return "not_yet_in_cell"  # came from another cell later: not on this cell's list yet
    status: str | None = None
    for event in (e for e in history if e.on_date <= on):
        if event.kind == "discipline":
            if event.level == "expulsion":
                status = "expelled"
            continue
        if event.kind not in _STATUS_AFTER:
            continue
        after = _STATUS_AFTER[event.kind]
        status = after if after is not None else membership_status(official_on, event.on_date)
        if event.kind == "official":
            status = "official"
    if status is None:
        return without_history or membership_status(official_on, on)
    if status == "probationary" and official_on is not None and official_on <= on:
        return "official"  # recognised as official without the event typed in
    return status
