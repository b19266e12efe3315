"""What the member-structure report counts (DOMAIN.md, Member structure): groups as data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from khoidesktop.i18n import N_, percent

MAJORITY_ETHNICITY = "Kinh"
NO_RELIGION = ("", "Không")
# The members' codes of professional education and political theory → the groups they are counted in.
EDUCATION_KEYS = {
    "doctor": "doctorate",
    "master": "masters",
    "bachelor": "university",
    "college": "college",
    "intermediate": "intermediate_vocational",
    "elementary": "elementary_vocational",
    "none": "no_training",
}
THEORY_KEYS = {
    "advanced": "theory_advanced",
    "bachelor": "theory_bachelor",
    "intermediate": "theory_intermediate",
    "elementary": "theory_elementary",
    "none": "theory_none",
}


@dataclass(frozen=True)
class AgeBand:
    key: str
    label: str  # msgid
    low: int | None  # inclusive, whole years
    high: int | None  # inclusive


AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("under_30", N_("Under 30"), None, 29),
    AgeBand("age_30_40", N_("30 to 40"), 30, 40),
    AgeBand("age_41_50", N_("41 to 50"), 41, 50),
    AgeBand("age_51_60", N_("51 to 60"), 51, 60),
    AgeBand("over_60", N_("Over 60"), 61, None),
)
# Groups asked for on their own, beside the bands.
UNDER_40 = AgeBand("under_40", N_("Under 40"), None, 39)


def in_band(age: int, band: AgeBand) -> bool:
    return (band.low is None or age >= band.low) and (band.high is None or age <= band.high)


def is_ethnic_minority(ethnicity: str) -> bool:
    return bool(ethnicity) and ethnicity.strip().casefold() != MAJORITY_ETHNICITY.casefold()


def is_religious(religion: str) -> bool:
    return religion.strip().casefold() not in {r.casefold() for r in NO_RELIGION}


# Label of each group, in report order; sections group them on the report.
GROUP_LABELS: dict[str, str] = {
    "women": N_("Women"),
    "ethnic_minority": N_("Ethnic minorities"),
    "religious": N_("Religious believers"),
    "under_30": N_("Under 30"),
    "age_30_40": N_("30 to 40"),
    "age_41_50": N_("41 to 50"),
    "age_51_60": N_("51 to 60"),
    "over_60": N_("Over 60"),
    "under_40": N_("Under 40"),
    "age_unknown": N_("Date of birth not recorded"),
    "doctorate": N_("Doctorate"),
    "masters": N_("Master"),
    "university": N_("University"),
    "college": N_("College"),
    "intermediate_vocational": N_("Intermediate vocational"),
    "elementary_vocational": N_("Elementary vocational"),
    "no_training": N_("No professional training"),
    "education_unknown": N_("Education not recorded"),
    "theory_advanced": N_("Advanced political theory"),
    "theory_bachelor": N_("Bachelor of political theory"),
    "theory_intermediate": N_("Intermediate political theory"),
    "theory_elementary": N_("Elementary political theory"),
    "theory_none": N_("No political theory training"),
    "theory_unknown": N_("Political theory not recorded"),
    "official": N_("Official members"),
    "probationary": N_("Probationary members"),
}
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Gender, ethnicity, religion"), ("women", "ethnic_minority", "religious")),
    (N_("Age"), ("under_30", "age_30_40", "age_41_50", "age_51_60", "over_60", "under_40", "age_unknown")),
    (
        N_("Professional education"),
        (
            "doctorate",
            "masters",
            "university",
            "college",
            "intermediate_vocational",
            "elementary_vocational",
            "no_training",
            "education_unknown",
        ),
    ),
    (
        N_("Political theory"),
        (
            "theory_advanced",
            "theory_bachelor",
            "theory_intermediate",
            "theory_elementary",
            "theory_none",
            "theory_unknown",
        ),
    ),
    (N_("Membership"), ("official", "probationary")),
)


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def percent(self) -> float:
        return percent(self.count, self.total)

    def as_json(self) -> dict[str, Any]:
        return {"count": self.count, "percent": self.percent}


@dataclass(frozen=True)
class Structure:
    on: date
    total: int
    groups: dict[str, Share]  # key → share, in report order

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "total": self.total,
            **{key: share.as_json() for key, share in self.groups.items()},
        }
