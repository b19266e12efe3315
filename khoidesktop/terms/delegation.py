"""The plain results of a delegation (terms/delegates.py): its delegates with their particulars, official then
alternates, the structure of the delegation on the congress day and, summed from the units, each unit's count.
What the Nhiệm kỳ page, `delegates list --json` and the PDF (delegates_pdf.py) show. No database here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from khoidesktop.domain.elections import DELEGATION_GROUPS
from khoidesktop.domain.elections import Delegate as DelegateParticulars
from khoidesktop.domain.members import EDUCATION, GENDERS
from khoidesktop.domain.structure import GROUP_LABELS, Structure, is_religious
from khoidesktop.i18n import _, format_date, format_number, percent


@dataclass(frozen=True)
class DelegationLine:
    person: DelegateParticulars
    alternate: bool = False
    unit: str = ""  # the unit that sent it up (a delegation summed from the units)


@dataclass(frozen=True)
class UnitDelegates:
    name: str
    official: int
    alternates: int


@dataclass(frozen=True)
class Delegation:
    term: str
    on: date  # the congress day the structure is counted on
    lines: tuple[DelegationLine, ...]  # official delegates first, then the alternates
    structure: Structure  # of the official delegates
    units: tuple[UnitDelegates, ...] = ()  # summed from the units: each unit's count (else empty)

    @property
    def official(self) -> tuple[DelegationLine, ...]:
        return tuple(line for line in self.lines if not line.alternate)

    @property
    def alternates(self) -> tuple[DelegationLine, ...]:
        return tuple(line for line in self.lines if line.alternate)

    def as_json(self) -> dict[str, Any]:
        def person(line: DelegationLine) -> dict[str, Any]:
            p = line.person
            return {
                "full_name": p.full_name,
                "alternate": line.alternate,
                "gender": p.gender,
                "ethnicity": p.ethnicity,
                "birth_date": p.birth_date.isoformat() if p.birth_date else None,
                "professional_education": p.professional_education,
                "religion": p.religion,
                "probationary": not p.official,
                **({"unit": line.unit} if line.unit else {}),
            }

        found: dict[str, Any] = {
            "term": self.term,
            "official": len(self.official),
            "alternates": len(self.alternates),
            "delegates": [person(line) for line in self.lines],
            "structure": {
                "on": self.on.isoformat(),
                "total": self.structure.total,
                **{key: self.structure.groups[key].as_json() for key in DELEGATION_GROUPS},
            },
        }
        if self.units:
            found["units"] = [{"name": u.name, "official": u.official, "alternates": u.alternates} for u in self.units]
        return found


# --- in words: `delegates list`, the page and the PDF ---------------------------------------------------------------


def share_text(count: int, total: int) -> str:
    """ "26,40%" (two decimals, the Vietnamese comma)."""
    return format_number(percent(count, total), 2) + "%"


def structure_rows(structure: Structure) -> list[tuple[str, str, str]]:
    """(the group, how many, their share) for each column of the congress reports' table, in its order."""
    return [
        (
            _(GROUP_LABELS[key]),
            format_number(structure.groups[key].count),
            share_text(structure.groups[key].count, structure.total),
        )
        for key in DELEGATION_GROUPS
    ]


def particulars_text(line: DelegationLine) -> str:
    """ "nữ, sinh 12/03/1975, dân tộc Tày, tiến sĩ, đảng viên dự bị" (what is recorded, in words)."""
    p = line.person
    found = []
    if p.gender:
        found.append(_(GENDERS[p.gender]).lower())
    if p.birth_date:
        found.append(_("born {date}").format(date=format_date(p.birth_date)))
    if p.ethnicity:
        found.append(_("ethnicity {name}").format(name=p.ethnicity))
    if p.religion and is_religious(p.religion):
        found.append(_("religion {name}").format(name=p.religion))
    if p.professional_education:
        found.append(_(EDUCATION[p.professional_education]).lower())
    if not p.official:
        found.append(_("probationary member"))
    return ", ".join(found)


def delegation_text(delegation: Delegation) -> str:
    """`delegates list` and `delegates structure` without --json."""
    lines = [
        _("Delegates of the term {term}: {official} official, {alternates} alternates.").format(
            term=delegation.term, official=len(delegation.official), alternates=len(delegation.alternates)
        )
    ]
    for title, group in ((_("Official delegates"), delegation.official), (_("Alternates"), delegation.alternates)):
        if group:
            lines.append(title + ":")
            for n, line in enumerate(group, start=1):
                unit = f" ({line.unit})" if line.unit else ""
                details = particulars_text(line)
                lines.append(f"  {n}. {line.person.full_name}{unit}" + (f": {details}" if details else ""))
    return "\n".join([*lines, structure_text(delegation)])


def structure_text(delegation: Delegation) -> str:
    """ "Cơ cấu đoàn đại biểu (250 đại biểu chính thức, ngày …):" and a line per column: "Nữ: 66 = 26,40%"."""
    lines = [
        _("Structure of the delegation ({n} official delegates, on {date}):").format(
            n=format_number(delegation.structure.total), date=format_date(delegation.on)
        )
    ]
    lines += [f"  {label}: {count} = {share}" for label, count, share in structure_rows(delegation.structure)]
    if delegation.units:
        lines.append(_("By unit:"))
        lines += [
            "  "
            + _("{name}: {official} official, {alternates} alternates").format(
                name=u.name, official=u.official, alternates=u.alternates
            )
            for u in delegation.units
        ]
    return "\n".join(lines)
