"""Recruitment (phát triển đảng viên; DOMAIN.md, Recruitment): the forms of HD 38-HD/BTCTW as data, the steps of a
file, who introduces the candidate (Điều lệ Đảng, Điều 4), the rules as data, and the checks on the candidate, the
introducers, the cell vote and the deadlines."""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from khoidesktop.domain.dates import add_years
from khoidesktop.i18n import N_


@dataclass(frozen=True)
class Form:
    """One form of the list of HD 38. `number` is None where no source confirmed the number HD 38 gives it: no
    number is shown or printed for it (DOMAIN.md: don't print a number you are not sure of)."""

    number: str | None
    title: str  # msgid
    issuer: str  # msgid: who draws it up


FORMS_REGULATION = "Hướng dẫn 38-HD/BTCTW ngày 29/9/2025 của Ban Tổ chức Trung ương"

# The forms of HD 38 that the steps of a file use, keyed by the step they document. Numbers confirmed for HD 38:
# 1- to 6-KNĐ by DOMAIN.md (the same numbers as in HD 12-HD/BTCTW of 2022 and HD 09-HD/BTCTW of 2017), 13-KNĐ by a
# page on the forms of HD 38. The grassroots committee's resolution, the admission decision, the self-report and the
# decision recognising an official member were 8-, 9-, 10- and 16-KNĐ (16A/16B) in the earlier guides; no source
# seen says HD 38 kept those numbers, so none is printed until one does.
FORMS: dict[str, Form] = {
    "application": Form("1-KNĐ", N_("Application to join the Party"), N_("the person joining the Party")),
    "biography": Form("2-KNĐ", N_("Biography of the person joining the Party"), N_("the person joining the Party")),
    "introduction": Form(
        "3-KNĐ", N_("Introduction of the person joining the Party"), N_("each official member who introduces")
    ),
    "organisation_resolution": Form(
        "4-KNĐ",
        N_("Resolution introducing a Youth Union or trade union member to the Party"),
        N_("the grassroots committee of the Youth Union or of the trade union"),
    ),
    "comments": Form(
        "5-KNĐ",
        N_("Summary of the comments of the mass organisations and of the place of residence"),
        N_("the cell committee"),
    ),
    "cell_resolution": Form("6-KNĐ", N_("Resolution proposing admission to the Party"), N_("the cell")),
    "committee_resolution": Form(
        None, N_("Resolution of the grassroots committee proposing admission"), N_("the grassroots Party committee")
    ),
    "decision": Form(None, N_("Decision admitting a Party member"), N_("the Party committee with the power to decide")),
    "self_report": Form(None, N_("Self-report of the probationary member"), N_("the probationary member")),
    "official_vote": Form("13-KNĐ", N_("Resolution proposing official membership"), N_("the cell")),
    "official": Form(
        None, N_("Decision recognising an official Party member"), N_("the Party committee with the power to decide")
    ),
}


@dataclass(frozen=True)
class IntroductionCase:
    """Who introduces the candidate: `member_introducers` official members and, where `organisation` is set, the
    grassroots committee of that organisation by its resolution."""

    code: str
    label: str  # msgid
    member_introducers: int
    organisation: str | None = None  # msgid: the organisation's grassroots committee


# Điều lệ Đảng, Điều 4 (khoản 1): the person joining is introduced by two official members; where there is a Youth
# Union, a person of youth-union age is introduced by the Đoàn's grassroots committee (by its resolution) and one
# official member; where there is a trade union, a union member by the union's grassroots committee and one
# official member. The introducing member is an official member who has worked with the person for at least a year.
INTRODUCTION_CASES: tuple[IntroductionCase, ...] = (
    IntroductionCase("members", N_("Two official members"), 2),
    IntroductionCase(
        "youth_union",
        N_("The Youth Union's grassroots committee and one official member"),
        1,
        N_("the Youth Union's grassroots committee"),
    ),
    IntroductionCase(
        "trade_union",
        N_("The trade union's grassroots committee and one official member"),
        1,
        N_("the trade union's grassroots committee"),
    ),
)
CASE_CODES = tuple(case.code for case in INTRODUCTION_CASES)
CASE_LABELS = {case.code: case.label for case in INTRODUCTION_CASES}
ORGANISATION_CASES = tuple(case.code for case in INTRODUCTION_CASES if case.organisation)


@dataclass(frozen=True)
class Step:
    code: str  # kept in the data file: never renamed
    label: str  # msgid
    form: str | None = None  # key of FORMS; None: the step has no form of its own
    cases: tuple[str, ...] = CASE_CODES  # the introduction cases the step applies to
    # Added with the 2025 rules: a file whose cell had voted before is not asked for it (nothing went missing).
    added_2025: bool = False


# The steps in order (DOMAIN.md, Recruitment). A step that does not apply to a file's case is neither asked nor
# counted as missing.
STEPS: tuple[Step, ...] = (
    Step("source", N_("Source (sympathiser)")),
    Step("application", N_("Application to join the Party"), "application"),
    Step("biography", N_("Biography"), "biography"),
    Step("introduction", N_("Introduction by the first introducer"), "introduction", added_2025=True),
    Step(
        "introduction_2",
        N_("Introduction by the second introducer"),
        "introduction",
        cases=("members",),
        added_2025=True,
    ),
    Step(
        "organisation_resolution",
        N_("Resolution of the Youth Union or trade union introducing the candidate"),
        "organisation_resolution",
        cases=ORGANISATION_CASES,
        added_2025=True,
    ),
    Step("verification", N_("Verification of the biography")),
    Step("comments", N_("Comments of the mass organisation and the place of residence"), "comments"),
    Step("cell_resolution", N_("Cell resolution proposing admission"), "cell_resolution"),
    Step("committee_resolution", N_("Grassroots committee resolution"), "committee_resolution"),
    Step("decision", N_("Admission decision"), "decision"),
    Step("ceremony", N_("Admission ceremony")),
    Step("self_report", N_("Self-report after probation"), "self_report"),
    Step("official_vote", N_("Cell resolution on official membership"), "official_vote"),
    Step("official", N_("Decision recognising the official member"), "official"),
)
STEP_CODES = tuple(step.code for step in STEPS)
STEP_LABELS = {step.code: step.label for step in STEPS}
STEP_BY_CODE = {step.code: step for step in STEPS}


def step_form(code: str) -> Form | None:
    """The form a step is documented by, or None if it has none."""
    key = STEP_BY_CODE[code].form
    return FORMS[key] if key else None


def form_number(code: str) -> str:
    """The form number to show or print for a step: "" where it has no form or its number is not confirmed."""
    form = step_form(code)
    return (form.number or "") if form else ""


STEP_FORMS = {code: form_number(code) for code in STEP_CODES}


def step_applies(code: str, case: str) -> bool:
    return case in STEP_BY_CODE[code].cases


def next_step(recorded: Collection[str], case: str) -> str | None:
    """The step to record next: the first one in order that applies to the case and is not recorded. A step added
    with the 2025 rules is not asked once the cell has voted on admission (a file made before has nothing missing);
    before that vote it is asked, since the vote needs it. None once the file is complete."""
    voted = any(code in recorded for code in STEP_CODES[STEP_CODES.index("cell_resolution") :])
    for step in STEPS:
        if step.code in recorded or case not in step.cases or (step.added_2025 and voted):
            continue
        return step.code
    return None


@dataclass(frozen=True)
class RecruitmentRules:
    regulation: str
    min_age_months: int = 18 * 12
    max_age_months: int = 60 * 12
    certificate_valid_months: int = 60
    # Điều lệ Đảng, Điều 4: who introduces (INTRODUCTION_CASES); each introducing member has worked with the
    # candidate for at least this long.
    introduction_regulation: str = "Điều lệ Đảng, Điều 4"
    introduction_cases: tuple[IntroductionCase, ...] = INTRODUCTION_CASES
    introducer_together_months: int = 12
    decision_workdays: int = 60  # from the cell resolution …
    decision_extension_workdays: int = 30  # … plus this when extended
    ceremony_workdays: int = 30  # from the day the admission decision was received (by default its date)
    probation_months: int = 12  # from the ceremony
    official_vote_workdays: int = 30  # after the probation
    official_decision_workdays: int = 30  # the superior decides on official status, from the cell's proposal
    stale_months: int = 12  # a file left this long at one step

    def case(self, code: str) -> IntroductionCase:
        for case in self.introduction_cases:
            if case.code == code:
                return case
        raise KeyError(code)


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
