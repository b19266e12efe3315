"""Nghị quyết công nhận đảng viên hoàn thành xuất sắc nhiệm vụ: the grassroots committee's resolution on the members
its cells proposed as HTXSNV for a year (units/excellence.py), in the documents' frame: the grounds (the rating
regulation, the cells' proposals), the cap over all its cells, the members approved (a table: name, year of birth,
cell), those not approved, and the signature T/M ĐẢNG ỦY."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from khoidesktop.domain.rating_rules import level_label
from khoidesktop.i18n import _, format_number
from khoidesktop.reports.frame import (
    KIND_RESOLUTION,
    TEXT_WIDTH,
    DocumentSpec,
    Letterhead,
    opening,
    signature_block,
    write_pdf,
)
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.reports.styles import styles

NO_WIDTH, BORN_WIDTH, CELL_WIDTH = 12, 22, 62  # mm; the name takes the rest


@dataclass(frozen=True)
class NamedMember:
    full_name: str
    birth_year: int | None
    cell: str


@dataclass(frozen=True)
class ExcellenceResolution:
    """What the resolution prints (plain data, from units.excellence.ExcellenceList)."""

    year: int
    regulation: str
    committee: str  # the issuing grassroots committee ("Đảng ủy …")
    approved: tuple[NamedMember, ...]
    declined: tuple[NamedMember, ...]
    good: int  # members the cells rated HTTNV
    cap_percent: int
    allowed: int


def excellence_spec(year: int, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(
        KIND_RESOLUTION,
        _("recognising the Party members who completed their tasks excellently in {year}").format(year=year),
        number=number,
    )


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def grounds(resolution: ExcellenceResolution) -> list[str]:
    return [
        _("Pursuant to {regulation} on the review, assessment and rating of Party organisations and members;").format(
            regulation=resolution.regulation
        ),
        _("Considering the proposals of the cells under it and the rating results of {year},").format(
            year=resolution.year
        ),
    ]


def cap_text(resolution: ExcellenceResolution) -> str:
    return _(
        "The cells rated {good} Party members “{good_level}”; the members recognised as “{excellent}” may not "
        "exceed {percent}% of them, that is {allowed}."
    ).format(
        good=format_number(resolution.good),
        good_level=level_label("HTTNV"),
        excellent=level_label("HTXSNV"),
        percent=resolution.cap_percent,
        allowed=format_number(resolution.allowed),
    )


def approved_text(resolution: ExcellenceResolution) -> str:
    return _("1. To recognise {count} Party members as having completed their tasks excellently in {year}:").format(
        count=format_number(len(resolution.approved)), year=resolution.year
    )


def declined_text(resolution: ExcellenceResolution) -> str:
    names = ", ".join(f"{m.full_name} ({m.cell})" for m in resolution.declined)
    return _("2. Not to recognise, within the cap: {names}; they are rated “{good_level}”.").format(
        names=names, good_level=level_label("HTTNV")
    )


def members_table(members: Sequence[NamedMember]) -> Flowable:
    name_width = TEXT_WIDTH - (NO_WIDTH + BORN_WIDTH + CELL_WIDTH) * mm
    layout = TableLayout.of(
        [
            Column(_("No."), NO_WIDTH * mm, "CENTRE"),
            Column(_("Full name"), name_width),
            Column(_("Year of birth"), BORN_WIDTH * mm, "CENTRE"),
            Column(_("Cell"), CELL_WIDTH * mm),
        ]
    )
    rows = [
        [str(n), m.full_name, str(m.birth_year) if m.birth_year else "", m.cell] for n, m in enumerate(members, start=1)
    ]
    return layout.short_table(rows)


def excellence_story(head: Letterhead, spec: DocumentSpec, resolution: ExcellenceResolution) -> list[Flowable]:
    story: list[Flowable] = [*opening(head, spec)]
    story += [_para(line) for line in grounds(resolution)]
    story.append(_para(_("THE {committee} RESOLVES:").format(committee=head.issuer.upper()), "heading"))
    story.append(_para(cap_text(resolution)))
    story.append(_para(approved_text(resolution)))
    if resolution.approved:
        story += [members_table(resolution.approved), Spacer(1, 6)]
    if resolution.declined:
        story.append(_para(declined_text(resolution)))
    last = _("{n}. The cells under it and the members named above carry out this resolution.").format(
        n=3 if resolution.declined else 2
    )
    story.append(KeepTogether([_para(last), signature_block(head)]))  # never signed on a page alone
    return story


def build_excellence_resolution(
    target: Path, head: Letterhead, resolution: ExcellenceResolution, *, number: str | None = None
) -> int:
    """Write the resolution at `target` (all or nothing); returns the page count."""
    spec = excellence_spec(resolution.year, number)
    return write_pdf(target, head, spec, excellence_story(head, spec, resolution))
