"""The votes of one round read from a JSON file (the counting board's figures) and counted by the election rules
(domain/elections.py). Everything is checked before anything is counted: a file too large or not JSON, a key
missing, a number negative or too large, a name empty, too long, repeated or holding control characters are each
refused with a Vietnamese message (ValidationError).

The file: {"ballots_issued": 30, "ballots_valid": 29, "candidates": [{"name": "…", "votes": 27}, …]}, and
optionally "ballots_returned" (default: the ballots issued), "ballots_invalid" (default: returned − valid),
"present" (default: the ballots issued), "what" (the election: "Bầu Ban Chấp hành …") and "counting_board" (its
members' names, the head first)."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from khoidesktop.domain.elections import (
    ELECTED,
    NOT_ELECTED,
    TIED,
    Ballots,
    Tally,
    Votes,
    quorum,
    tally,
    tally_problems,
)
from khoidesktop.domain.limits import TEXT_LIMITS
from khoidesktop.domain.names import normalize_text
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import N_, _, format_number, format_percent

MAX_FILE_BYTES = 1024 * 1024  # a vote file of the largest congress is a few kB
MAX_CANDIDATES = 1000  # read at most this many (the 30% rule refuses far fewer)
MAX_COUNT = 1_000_000  # any number of ballots, votes or people
MAX_BOARD = 50
WHAT_CHARS = 300


@dataclass(frozen=True)
class VoteFile:
    ballots: Ballots
    candidates: tuple[Votes, ...]
    present: int | None = None
    what: str = ""
    counting_board: tuple[str, ...] = ()


def read_vote_file(path: Path) -> VoteFile:
    """The vote file at `path`, checked; a ValidationError in Vietnamese otherwise."""
    data = _load(path)
    if not isinstance(data, dict):
        raise ValidationError(_("The vote file must hold one JSON object ({...}) with the ballots and the candidates."))
    issued = _count(data, "ballots_issued")
    valid = _count(data, "ballots_valid")
    returned = _count(data, "ballots_returned", default=issued)
    invalid = _count(data, "ballots_invalid", default=max(returned - valid, 0))
    present = _count(data, "present", default=None) if "present" in data else None
    return VoteFile(
        Ballots(issued, returned, valid, invalid),
        _candidates(data.get("candidates")),
        present,
        _text(data.get("what", ""), _("The election (“what”)"), WHAT_CHARS),
        _board(data.get("counting_board", [])),
    )


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError(
            _("The vote file {path} does not exist: check its name and folder.").format(path=path)
        ) from None
    except OSError as exc:
        raise ValidationError(
            _("The vote file {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ValidationError(
            _("The vote file {path} is larger than 1 MB: it is not a vote file. Choose the right file.").format(
                path=path
            )
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValidationError(
            _(
                "The vote file {path} is not JSON (UTF-8). Write it as in the example of “election tally --help”."
            ).format(path=path)
        ) from None


_MISSING = object()


def _count(data: dict[str, Any], key: str, *, default: object = _MISSING) -> Any:
    value = data.get(key, default)
    if value is _MISSING:
        raise ValidationError(_("The vote file lacks “{key}”: add it (a whole number).").format(key=key))
    if value is None and default is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise ValidationError(
            _("“{key}” in the vote file must be a whole number from 0 to {most}, not {value}.").format(
                key=key, most=format_number(MAX_COUNT), value=json.dumps(value, ensure_ascii=False)[:40]
            )
        )
    return value


def _text(value: object, what: str, most: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(_("{what} in the vote file must be a text.").format(what=what))
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value):
        raise ValidationError(
            _("{what} in the vote file holds control or invisible characters: type it again.").format(what=what)
        )
    text = normalize_text(value)
    if len(text) > most:
        raise ValidationError(
            _("{what} in the vote file is longer than {most} characters.").format(what=what, most=most)
        )
    return text


def _name(value: object, index: int) -> str:
    what = _("The name of candidate {n}").format(n=index)
    name = _text(value, what, TEXT_LIMITS["full_name"])
    if not name:
        raise ValidationError(_("{what} is empty.").format(what=what))
    return name


def _candidates(value: object) -> tuple[Votes, ...]:
    if not isinstance(value, list):
        raise ValidationError(
            _('The vote file lacks “candidates”: a list of {"name": …, "votes": …}, one for each candidate.')
        )
    if len(value) > MAX_CANDIDATES:
        raise ValidationError(
            _("The vote file lists {count} candidates; at most {most} are read.").format(
                count=format_number(len(value)), most=format_number(MAX_CANDIDATES)
            )
        )
    found = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict) or "name" not in item or "votes" not in item:
            raise ValidationError(_("Candidate {n} in the vote file needs a “name” and its “votes”.").format(n=index))
        found.append(Votes(_name(item["name"], index), _count(item, "votes")))
    return tuple(found)


def _board(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > MAX_BOARD:
        raise ValidationError(
            _("“counting_board” in the vote file must be a list of at most {most} names.").format(most=MAX_BOARD)
        )
    what = _("A name of the counting board")
    return tuple(name for name in (_text(v, what, TEXT_LIMITS["full_name"]) for v in value) if name)


def election_title(given: str, from_file: str) -> str:
    """The election's name on the minutes: the one given on the command line, else the file's."""
    return _text(given, _("The election (--what)"), WHAT_CHARS) or from_file


def count_votes(votes: VoteFile, *, summoned: int, seats: int, runoff: bool = False, on: date | None = None) -> Tally:
    """The round counted; every problem of its figures refused together, in Vietnamese."""
    present = votes.ballots.issued if votes.present is None else votes.present
    problems = tally_problems(summoned, present, seats, votes.ballots, votes.candidates, runoff)
    if problems:
        raise ValidationError("\n".join(problems))
    return tally(summoned, seats, votes.ballots, votes.candidates, present=present, runoff=runoff, on=on)


def tally_json(result: Tally) -> dict[str, Any]:
    """What `election tally --json` prints: names elected, not elected with the reason, tied, seats unfilled."""
    return {
        "summoned": result.summoned,
        "present": result.present,
        "seats": result.seats,
        "votes_needed": 0 if result.runoff else result.needed,
        "ballots": {
            "issued": result.ballots.issued,
            "returned": result.ballots.returned,
            "valid": result.ballots.valid,
            "invalid": result.ballots.invalid,
        },
        "candidates": [
            {"name": r.name, "votes": r.votes, "percent": r.percent, "outcome": r.outcome} for r in result.results
        ],
        "elected": list(result.elected),
        "not_elected": [{"name": r.name, "reason": r.reason} for r in result.not_elected],
        "tie": list(result.tie),
        "tie_seats": result.tie_seats,
        "seats_unfilled": result.seats_unfilled,
        "runoff": result.runoff,
        "regulation": result.regulation,
    }


OUTCOMES = {
    ELECTED: N_("elected"),
    NOT_ELECTED: N_("not elected"),
    TIED: N_("tied: to be voted again"),
}


def ballots_line(result: Tally) -> str:
    b = result.ballots
    return _("Ballots issued: {issued}; returned: {returned}; valid: {valid}; invalid: {invalid}.").format(
        issued=format_number(b.issued),
        returned=format_number(b.returned),
        valid=format_number(b.valid),
        invalid=format_number(b.invalid),
    )


def attendance_line(result: Tally) -> str:
    check = quorum(result.summoned, result.present)
    return _("Summoned: {summoned}; present: {present}, at least two thirds ({needed}): the congress is valid.").format(
        summoned=format_number(result.summoned), present=format_number(result.present), needed=check.needed
    )


def rule_line(result: Tally) -> str:
    if result.runoff:
        return _("Round among the tied: the most votes win, without the more-than-half condition.")
    return _("Elected with more than half of the {summoned} summoned: at least {needed} votes.").format(
        summoned=format_number(result.summoned), needed=format_number(result.needed)
    )


def outcome_lines(result: Tally) -> list[str]:
    """Elected x of y seats; the tie and its seats; the seats unfilled."""
    lines = [
        _("Elected: {count} of {seats} seats.").format(
            count=format_number(len(result.elected)), seats=format_number(result.seats)
        )
    ]
    if result.tie:
        lines.append(
            _("Tied for the last {seats} seat(s), to be voted again among them: {names}.").format(
                seats=format_number(result.tie_seats), names=", ".join(result.tie)
            )
        )
    if result.seats_unfilled:
        lines.append(_("Seats left unfilled: {count}.").format(count=format_number(result.seats_unfilled)))
    return lines


def tally_text(result: Tally, what: str = "") -> str:
    """The count as the command line prints it, in Vietnamese."""
    lines = [what] if what else []
    lines += [attendance_line(result), ballots_line(result), rule_line(result)]
    for index, r in enumerate(result.results, start=1):
        line = _("{n}. {name}: {votes} votes ({percent} of those summoned): {outcome}").format(
            n=index,
            name=r.name,
            votes=format_number(r.votes),
            percent=format_percent(r.votes, result.summoned),
            outcome=_(OUTCOMES[r.outcome]),
        )
        lines.append(f"{line} ({r.reason})." if r.reason else f"{line}.")
    return "\n".join(lines + outcome_lines(result))
