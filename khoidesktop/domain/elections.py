"""Elections in the Party (DOMAIN.md, Terms, congresses and elections): the rules of the election regulation as
data (its number and the day it came into force), the quorum of a congress, the count of one round of votes (who
is elected, who is not and why, a tie at the last seats, seats left unfilled) and the structure of a delegation.

Pure: the numbers come in, plain dataclasses go out; bad numbers are listed by `tally_problems` (Vietnamese
messages), and `tally` refuses them with a ValueError carrying the first one."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from khoidesktop.domain.dates import whole_years_between
from khoidesktop.domain.structure import (
    AGE_BANDS,
    EDUCATION_KEYS,
    UNDER_40,
    Share,
    Structure,
    in_band,
    is_ethnic_minority,
    is_religious,
)
from khoidesktop.i18n import N_, _, format_number, percent

ELECTED, NOT_ELECTED, TIED = "elected", "not_elected", "tie"
# Why a candidate is not elected (msgids, translated where they are shown).
NOT_MORE_THAN_HALF = N_("not more than half of the {summoned} summoned ({votes} votes, {needed} needed)")
FEWER_THAN_ELECTED = N_("more than half, but fewer votes than those elected to the {seats} seats")
TIE_TO_VOTE_AGAIN = N_("tied for the last seats: a new round among the tied, without the more-than-half condition")
TIE_CONGRESS_DECIDES = N_("still tied after the round among the tied: the congress decides")


@dataclass(frozen=True)
class ElectionRules:
    """The figures of one election regulation, with its number, its guide and the day it came into force."""

    regulation: str
    guide: str
    in_force_from: date
    # "Đại hội (hội nghị) hợp lệ khi có ít nhất hai phần ba số đại biểu (đảng viên) được triệu tập tham dự":
    # present × denominator ≥ summoned × numerator.
    quorum: tuple[int, int] = (2, 3)
    # "Người trúng cử phải có số phiếu bầu đồng ý đạt quá một nửa so với tổng số đại biểu (đảng viên) được triệu
    # tập": votes × 2 > summoned (15 of 30 is not elected, 16 is).
    elected_share: tuple[int, int] = (1, 2)
    # QĐ 190, Art. 14: "số dư tối đa do đại hội (hội nghị) quyết định nhưng không quá 30% số lượng cần bầu".
    max_surplus_percent: int = 30
    # … and "phải nhiều hơn số lượng cần bầu": however few the seats, one candidate more is allowed.
    min_surplus: int = 1
    # A tie at the last seats: "bầu lại trong số những người có số phiếu ngang nhau, không cần quá một nửa";
    # still tied, the congress decides.
    runoff_needs_majority: bool = False
    # The committee's vote for the secretary failing this many times, the superior appoints one (DOMAIN.md).
    secretary_failures_before_appointment: int = 3


RULES: tuple[ElectionRules, ...] = (
    # Quy chế bầu cử trong Đảng, issued with Quyết định 190-QĐ/TW of 10/10/2024 (in force from its signing), guided
    # by Hướng dẫn 04-HD/TW of 31/12/2024. The earlier Quy chế (QĐ 244-QĐ/TW of 9/6/2014) is not held here: its
    # articles could not be read to confirm figures that differ (QĐ 190 is said to keep them "cơ bản").
    ElectionRules(
        "Quy chế bầu cử trong Đảng (Quyết định 190-QĐ/TW ngày 10/10/2024)",
        "Hướng dẫn 04-HD/TW ngày 31/12/2024",
        date(2024, 10, 10),
    ),
)


def rules_for(day: date) -> ElectionRules:
    """The rule set in force on the day of the election (before the first one held, the first one)."""
    in_force = [r for r in RULES if r.in_force_from <= day]
    return max(in_force, key=lambda r: r.in_force_from) if in_force else RULES[0]


# --- The quorum -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quorum:
    summoned: int
    present: int
    needed: int  # the fewest present for a valid congress

    @property
    def valid(self) -> bool:
        return self.present >= self.needed


def quorum(summoned: int, present: int, rules: ElectionRules = RULES[-1]) -> Quorum:
    """A congress (conference) is valid with at least two thirds of those summoned present: 20 of 30 is, 19 not."""
    numerator, denominator = rules.quorum
    return Quorum(summoned, present, math.ceil(summoned * numerator / denominator))


def votes_needed(summoned: int, rules: ElectionRules = RULES[-1]) -> int:
    """The fewest votes that are more than half of those summoned: 16 of 30, 16 of 31."""
    numerator, denominator = rules.elected_share
    return summoned * numerator // denominator + 1


def max_candidates(seats: int, rules: ElectionRules = RULES[-1]) -> int:
    """At most 30% more candidates than seats: 9 for 7 seats, 13 for 10. The same article wants more candidates
    than seats, so one more is always allowed (4 for 3 seats, where 30% is 0,9)."""
    return seats + max(rules.min_surplus, seats * rules.max_surplus_percent // 100)


def superior_appoints(failed_votes: int, rules: ElectionRules = RULES[-1]) -> bool:
    """The committee's vote for its secretary failed this many times: the superior appoints the secretary."""
    return failed_votes >= rules.secretary_failures_before_appointment


# --- The count of one round ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ballots:
    issued: int
    returned: int
    valid: int
    invalid: int


@dataclass(frozen=True)
class Votes:
    name: str
    votes: int


@dataclass(frozen=True)
class CandidateResult:
    name: str
    votes: int
    percent: float  # of the number summoned, two decimals (as the vote-count minutes print it)
    outcome: str  # ELECTED, NOT_ELECTED or TIED
    reason: str = ""  # translated; why not elected, or what the tie leads to


@dataclass(frozen=True)
class Tally:
    summoned: int
    present: int
    seats: int
    ballots: Ballots
    results: tuple[CandidateResult, ...]  # by votes, most first (ties in the order given)
    seats_unfilled: int  # seats nobody fills in this round (a tie's seats are not counted here)
    tie_seats: int  # seats the tied candidates are voted again for
    runoff: bool  # the round among the tied (no more-than-half condition)
    regulation: str

    @property
    def elected(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.results if r.outcome == ELECTED)

    @property
    def not_elected(self) -> tuple[CandidateResult, ...]:
        return tuple(r for r in self.results if r.outcome == NOT_ELECTED)

    @property
    def tie(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.results if r.outcome == TIED)

    @property
    def needed(self) -> int:
        return votes_needed(self.summoned)


def _n(value: int) -> str:
    return format_number(value)


def ballot_problems(summoned: int, present: int, ballots: Ballots) -> list[str]:
    """What is wrong with the ballots against those summoned and present (translated)."""
    problems = []
    if not 0 <= ballots.issued <= present:
        problems.append(
            _("Ballots issued ({issued}) cannot exceed the delegates present ({present}).").format(
                issued=_n(ballots.issued), present=_n(present)
            )
        )
    if ballots.returned > ballots.issued:
        problems.append(
            _("Ballots returned ({returned}) cannot exceed the ballots issued ({issued}).").format(
                returned=_n(ballots.returned), issued=_n(ballots.issued)
            )
        )
    if ballots.valid + ballots.invalid != ballots.returned:
        problems.append(
            _(
                "Valid ({valid}) and invalid ({invalid}) ballots must add up to the ballots returned ({returned})."
            ).format(valid=_n(ballots.valid), invalid=_n(ballots.invalid), returned=_n(ballots.returned))
        )
    if present > summoned:
        problems.append(
            _("Delegates present ({present}) cannot exceed those summoned ({summoned}).").format(
                present=_n(present), summoned=_n(summoned)
            )
        )
    return problems


def candidate_problems(seats: int, ballots: Ballots, candidates: Sequence[Votes], runoff: bool) -> list[str]:
    """What is wrong with the candidates and their votes (translated)."""
    problems = []
    limit = max_candidates(seats)
    if not candidates:
        problems.append(_("There are no candidates."))
    elif len(candidates) > limit and not runoff:
        problems.append(
            _(
                "{count} candidates for {seats} seats: at most 30% more than the seats are allowed ({limit}). The "
                "congress removes names from the list before the vote."
            ).format(count=_n(len(candidates)), seats=_n(seats), limit=_n(limit))
        )
    names = Counter(" ".join(c.name.split()).casefold() for c in candidates)
    for name, count in names.items():
        if count > 1:
            problems.append(
                _("The name “{name}” is given {count} times: give each candidate once.").format(
                    name=next(c.name for c in candidates if " ".join(c.name.split()).casefold() == name), count=count
                )
            )
    for candidate in candidates:
        if candidate.votes < 0:
            problems.append(_("{name} has a negative number of votes.").format(name=candidate.name))
        if candidate.votes > ballots.valid:
            problems.append(
                _("{name} has {votes} votes, more than the {valid} valid ballots.").format(
                    name=candidate.name, votes=_n(candidate.votes), valid=_n(ballots.valid)
                )
            )
    total = sum(c.votes for c in candidates)
    if total > ballots.valid * seats:
        problems.append(
            _(
                "The votes add up to {total}, more than {valid} valid ballots × {seats} seats allow ({most}): a "
                "valid ballot keeps at most as many names as there are seats."
            ).format(total=_n(total), valid=_n(ballots.valid), seats=_n(seats), most=_n(ballots.valid * seats))
        )
    return problems


def tally_problems(
    summoned: int, present: int, seats: int, ballots: Ballots, candidates: Sequence[Votes], runoff: bool = False
) -> list[str]:
    """Everything wrong with a round's figures, each in Vietnamese; empty when it can be counted."""
    if summoned < 1 or seats < 1:
        return [_("The number summoned and the number of seats must be at least 1.")]
    problems = ballot_problems(summoned, present, ballots)
    check = quorum(summoned, present)
    if not check.valid:
        problems.append(
            _(
                "Only {present} of the {summoned} summoned are present; at least two thirds ({needed}) are needed: "
                "the congress is not valid and cannot hold the vote."
            ).format(present=_n(present), summoned=_n(summoned), needed=_n(check.needed))
        )
    return problems + candidate_problems(seats, ballots, candidates, runoff)


def tally(
    summoned: int,
    seats: int,
    ballots: Ballots,
    candidates: Sequence[Votes],
    *,
    present: int | None = None,
    runoff: bool = False,
    on: date | None = None,
) -> Tally:
    """Count one round. Elected: more than half of those summoned (no such condition in the round among the tied),
    the most votes first up to the seats; a tie at the last seats is voted again among the tied. `present`
    defaults to the ballots issued."""
    present = ballots.issued if present is None else present
    problems = tally_problems(summoned, present, seats, ballots, candidates, runoff)
    if problems:
        raise ValueError(problems[0])
    rules = rules_for(on) if on is not None else RULES[-1]
    needed = 0 if runoff and not rules.runoff_needs_majority else votes_needed(summoned, rules)
    ranked = sorted(candidates, key=lambda c: -c.votes)
    passing = [c for c in ranked if c.votes >= needed]
    elected, tied = _winners(passing, seats)
    results = tuple(_result(c, summoned, needed, seats, elected, tied, runoff) for c in ranked)
    tie_seats = seats - len(elected) if tied else 0
    return Tally(
        summoned,
        present,
        seats,
        ballots,
        results,
        seats - len(elected) - tie_seats,
        tie_seats,
        runoff,
        rules.regulation,
    )


def _winners(passing: Sequence[Votes], seats: int) -> tuple[set[str], set[str]]:
    """Of those passing (most votes first): the names elected, and those tied for the last seats."""
    if len(passing) <= seats:
        return {c.name for c in passing}, set()
    last = passing[seats - 1].votes
    above = {c.name for c in passing if c.votes > last}
    at_last = {c.name for c in passing if c.votes == last}
    if len(above) + len(at_last) > seats:
        return above, at_last
    return above | at_last, set()


def _result(
    candidate: Votes, summoned: int, needed: int, seats: int, elected: set[str], tied: set[str], runoff: bool
) -> CandidateResult:
    share = percent(candidate.votes, summoned)
    if candidate.name in elected:
        return CandidateResult(candidate.name, candidate.votes, share, ELECTED)
    if candidate.name in tied:
        return CandidateResult(
            candidate.name, candidate.votes, share, TIED, _(TIE_CONGRESS_DECIDES if runoff else TIE_TO_VOTE_AGAIN)
        )
    if candidate.votes < needed:
        reason = _(NOT_MORE_THAN_HALF).format(summoned=_n(summoned), votes=_n(candidate.votes), needed=_n(needed))
    else:
        reason = _(FEWER_THAN_ELECTED).format(seats=_n(seats))
    return CandidateResult(candidate.name, candidate.votes, share, NOT_ELECTED, reason)


# --- The structure of a delegation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Delegate:
    """A delegate's particulars the congress reports count (codes as in the members' records)."""

    full_name: str
    gender: str = ""  # "female" | "male"
    ethnicity: str = ""
    birth_date: date | None = None
    professional_education: str = ""  # "doctor", "master", … (domain/structure.EDUCATION_KEYS)
    religion: str = ""
    official: bool = True  # official member (not probationary)


# The columns of the congress reports' table, in their order (labels: domain/structure.GROUP_LABELS).
DELEGATION_GROUPS = ("women", "ethnic_minority", "over_60", "under_40", "doctorate", "religious", "probationary")
AGE_GROUPS = tuple(band for band in (*AGE_BANDS, UNDER_40) if band.key in DELEGATION_GROUPS)


def delegation_structure(delegates: Iterable[Delegate], on: date) -> Structure:
    """Counts and shares of the delegation on the congress's day, by the same groups as the member structure."""
    counts: Counter[str] = Counter()
    total = 0
    for d in delegates:
        total += 1
        counts["women"] += d.gender == "female"
        counts["ethnic_minority"] += is_ethnic_minority(d.ethnicity)
        counts["religious"] += is_religious(d.religion)
        counts["probationary"] += not d.official
        counts[EDUCATION_KEYS.get(d.professional_education, "")] += 1
        if d.birth_date is not None:
            age = whole_years_between(d.birth_date, on)
            for band in AGE_GROUPS:
                counts[band.key] += in_band(age, band)
    return Structure(on, total, {key: Share(counts[key], total) for key in DELEGATION_GROUPS})
