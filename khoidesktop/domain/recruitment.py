"""Recruitment (phát triển đảng viên; HD 38-HD/BTCTW of 2025, forms "x-KNĐ"): the steps of a file, the rules
as data, and the checks on the candidate, the introducers, the cell vote and the deadlines."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from khoidesktop.domain.dates import add_years
from khoidesktop.i18n import N_

# Steps in order: (code, label msgid, form)
STEPS: tuple[tuple[str, str, str], ...] = (
    ("source", N_("Source (sympathiser)"), ""),
    ("application", N_("Application to join the Party"), "1-KNĐ"),
    ("biography", N_("Biography"), "2-KNĐ"),
    ("verification", N_("Verification of the biography"), ""),
    ("comments", N_("Comments of the mass organisation and the place of residence"), "5-KNĐ"),
    ("cell_resolution", N_("Cell resolution proposing admission"), "6-KNĐ"),
    ("committee_resolution", N_("Grassroots committee resolution"), "8-KNĐ"),
    ("decision", N_("Admission decision"), "9-KNĐ"),
    ("ceremony", N_("Admission ceremony"), ""),
    ("self_report", N_("Self-report after probation"), "10-KNĐ"),
    ("official_vote", N_("Cell resolution on official membership"), "13-KNĐ"),
    ("official", N_("Recognised as official member"), "15-KNĐ"),
)
STEP_CODES = tuple(code for code, _label, _form in STEPS)
STEP_LABELS = {code: label for code, label, _form in STEPS}
STEP_FORMS = {code: form for code, _label, form in STEPS}


@dataclass(frozen=True)
class RecruitmentRules:
    regulation: str
    min_age_months: int = 18 * 12
    max_age_months: int = 60 * 12
    certificate_valid_months: int = 60
    introducer_together_months: int = 12
    decision_workdays: int = 60  # from the cell resolution …
    decision_extension_workdays: int = 30  # … plus this when extended
    ceremony_workdays: int = 30  # from the decision
    probation_months: int = 12  # from the ceremony
    official_vote_workdays: int = 30  # after the probation
    stale_months: int = 12  # a file left this long at one step


RULES = RecruitmentRules("Hướng dẫn 38-HD/BTCTW năm 2025")


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (age in months on the vote day)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def age_ok(born: date, vote_day: date, rules: RecruitmentRules = RULES) -> bool:
    return rules.min_age_months <= months_between(born, vote_day) <= rules.max_age_months


def certificate_valid(issued: date | None, on: date, rules: RecruitmentRules = RULES) -> bool:
    return issued is not None and issued <= on and months_between(issued, on) < rules.certificate_valid_months


def introducer_ok(
    official_on: date | None, together_since: date | None, on: date, rules: RecruitmentRules = RULES
) -> bool:
    """An introducer is an official member on that day who has worked with the candidate for a year or more."""
    return (
        official_on is not None
        and official_on <= on
        and together_since is not None
        and months_between(together_since, on) >= rules.introducer_together_months
    )


def votes_needed(official_members: int) -> int:
    """The cell resolution needs at least two thirds of the cell's official members."""
    return math.ceil(2 * official_members / 3)


def official_date(ceremony: date, rules: RecruitmentRules = RULES) -> date:
    """The official date is the ceremony date plus the probation (12 months)."""
    return add_years(ceremony, rules.probation_months // 12)
