"""The delegates a term's congress sends to the superior's congress (DOMAIN.md, Terms, congresses and elections):
official and alternates, with what the delegation's structure counts (domain/elections.delegation_structure)."""

from __future__ import annotations

from typing import Any

from khoidesktop.domain.elections import Delegate as DelegateParticulars
from khoidesktop.store.models import Delegate, Member


def particulars_of(member: Member) -> dict[str, Any]:
    """A delegate row's particulars taken from the member's record (the structure counts these)."""
    return {
        "full_name": member.full_name,
        "member_id": member.id,
        "gender": member.gender or "",
        "ethnicity": member.ethnicity,
        "birth_date": member.birth_date,
        "professional_education": member.professional_education or "",
        "religion": member.religion,
        "probationary": member.status == "probationary",
    }


def as_particulars(row: Delegate) -> DelegateParticulars:
    """A stored delegate as the structure of a delegation counts it."""
    return DelegateParticulars(
        full_name=row.full_name,
        gender=row.gender,
        ethnicity=row.ethnicity,
        birth_date=row.birth_date,
        professional_education=row.professional_education,
        religion=row.religion,
        official=not row.probationary,
    )
