"""What the member-structure report counts (DOMAIN.md, Member structure): groups as data."""
from __future__ import annotations

from dataclasses import dataclass

from khoidesktop.i18n import N_

MAJORITY_ETHNICITY = "Kinh"
NO_RELIGION = ("", "Không")


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
