"""The member structure on a date (DOMAIN.md, Member structure): counts and percentages."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.dates import whole_years_between
from khoidesktop.domain.events import EventFact
from khoidesktop.domain.members import ACTIVE_STATUSES
from khoidesktop.domain.structure import AGE_BANDS, UNDER_40, in_band, is_ethnic_minority, is_religious
from khoidesktop.i18n import N_, percent
from khoidesktop.members.history import status_on_date
from khoidesktop.store.models import Member, MemberEvent

EDUCATION_KEYS = {"doctor": "doctorate", "master": "masters", "bachelor": "university", "college": "college",
                  "intermediate": "intermediate_vocational", "elementary": "elementary_vocational",
                  "none": "no_training"}
THEORY_KEYS = {"advanced": "theory_advanced", "bachelor": "theory_bachelor",
               "intermediate": "theory_intermediate", "elementary": "theory_elementary",
               "none": "theory_none"}


# Label of each group, in report order; sections group them on the report.
GROUP_LABELS: dict[str, str] = {
    "women": N_("Women"), "ethnic_minority": N_("Ethnic minorities"), "religious": N_("Religious believers"),
    "under_30": N_("Under 30"), "age_30_40": N_("30 to 40"), "age_41_50": N_("41 to 50"),
    "age_51_60": N_("51 to 60"), "over_60": N_("Over 60"), "under_40": N_("Under 40"),
    "age_unknown": N_("Date of birth not recorded"),
    "doctorate": N_("Doctorate"), "masters": N_("Master"), "university": N_("University"), "college": N_("College"),
    "intermediate_vocational": N_("Intermediate vocational"), "elementary_vocational": N_("Elementary vocational"),
    "no_training": N_("No professional training"), "education_unknown": N_("Education not recorded"),
    "theory_advanced": N_("Advanced political theory"), "theory_bachelor": N_("Bachelor of political theory"),
    "theory_intermediate": N_("Intermediate political theory"),
    "theory_elementary": N_("Elementary political theory"),
    "theory_none": N_("No political theory training"), "theory_unknown": N_("Political theory not recorded"),
    "official": N_("Official members"), "probationary": N_("Probationary members"),
}
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Gender, ethnicity, religion"), ("women", "ethnic_minority", "religious")),
    (N_("Age"), ("under_30", "age_30_40", "age_41_50", "age_51_60", "over_60", "under_40", "age_unknown")),
    (N_("Professional education"), ("doctorate", "masters", "university", "college", "intermediate_vocational",
                                    "elementary_vocational", "no_training", "education_unknown")),
    (N_("Political theory"), ("theory_advanced", "theory_bachelor", "theory_intermediate", "theory_elementary",
                              "theory_none", "theory_unknown")),
    (N_("Membership"), ("official", "probationary")),
)


@dataclass(frozen=True)
class Share:
    count: int
    total: int

    @property
    def percent(self) -> float:
        return percent(self.count, self.total)

    def as_json(self) -> dict:
        return {"count": self.count, "percent": self.percent}


@dataclass(frozen=True)
class Structure:
    on: date
    total: int
    groups: dict[str, Share]  # key → share, in report order

    def as_json(self) -> dict:
        return {"on": self.on.isoformat(), "total": self.total,
                **{key: share.as_json() for key, share in self.groups.items()}}


def members_on(session: Session, on: date) -> list[Member]:
    """Members who belonged to the cell's list on that day (by their history)."""
    events: dict[int, list[EventFact]] = defaultdict(list)
    for e in session.scalars(select(MemberEvent)):  # status_on replays only those up to `on`
        events[e.member_id].append(EventFact(e.kind, e.on_date, e.level))
    found = []
    for m in session.scalars(select(Member).order_by(Member.sort_key, Member.id)):
        if m.admitted_on is not None and m.admitted_on > on:
            continue
        if status_on_date(events[m.id], m, on) in ACTIVE_STATUSES:
            found.append(m)
    return found


def structure_on(session: Session, on: date) -> Structure:
    members = members_on(session, on)
    counts: Counter[str] = Counter()
    for m in members:
        counts["women"] += m.gender == "female"
        counts["ethnic_minority"] += is_ethnic_minority(m.ethnicity)
        counts["religious"] += is_religious(m.religion)
        official = m.official_on is not None and m.official_on <= on
        counts["official" if official else "probationary"] += 1
        if m.birth_date is None:
            counts["age_unknown"] += 1
        else:
            age = whole_years_between(m.birth_date, on)
            for band in (*AGE_BANDS, UNDER_40):
                counts[band.key] += in_band(age, band)
        counts[EDUCATION_KEYS.get(m.professional_education or "", "education_unknown")] += 1
        counts[THEORY_KEYS.get(m.political_theory or "", "theory_unknown")] += 1
    total = len(members)
    return Structure(on, total, {key: Share(counts[key], total) for key in GROUP_LABELS})
