"""Nghị quyết đề nghị kết nạp đảng viên (form 6-KNĐ, HD 38-HD/BTCTW): the cell's resolution after its vote on a
recruitment file: the meeting, the person, the awareness course certificate, the two introducers, the vote of
the official members against the two-thirds rule, and the proposal to the grassroots committee."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.recruitment import STEP_FORMS, votes_needed
from khoidesktop.i18n import N_, _, format_date, format_number, format_percent
from khoidesktop.reports.frame import KIND_RESOLUTION, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.styles import styles

FORM = STEP_FORMS["cell_resolution"]  # 6-KNĐ
INTRODUCER_LINES = (N_("First introducer: comrade {name}"), N_("Second introducer: comrade {name}"))
# Điều lệ Đảng, Điều 4: where the Youth Union's or the trade union's grassroots committee introduces, by its resolution
ORGANISATION_LINES = (
    N_("Second introducer: {organisation}, by its resolution No. {number} of {date}"),
    N_("Second introducer: {organisation}, by its resolution of {date}"),
)


@dataclass(frozen=True)
class AdmissionResolution:
    """What the resolution prints, filled from the recruitment file (labels already translated)."""

    cell: str  # the issuing cell
    committee: str  # the grassroots committee the proposal goes to
    meeting_on: date  # the cell's vote (the step "cell_resolution")
    full_name: str
    birth_date: date | None = None
    home_town: str = ""
    position: str = ""
    work_unit: str = ""
    education: str = ""
    theory: str = ""
    certificate_on: date | None = None
    introducers: tuple[str, str] = ("", "")  # names; "" if not recorded
    official_members: int = 0
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0
    organisation: str = ""  # the introducing organisation's grassroots committee, where it is the second introducer
    organisation_resolution_on: date | None = None  # its resolution (the step "organisation_resolution")
    organisation_resolution_number: str = ""

    @property
    def voting(self) -> int:
        """Official members present who took part in the vote."""
        return self.votes_for + self.votes_against + self.votes_abstain

    @property
    def needed(self) -> int:
        return votes_needed(self.official_members)

    @property
    def passed(self) -> bool:
        return self.official_members > 0 and self.votes_for >= self.needed


def admission_resolution_spec(number: str | None = None) -> DocumentSpec:
    return DocumentSpec(
        KIND_RESOLUTION, _("proposing admission to the Party"), _("(Form {form})").format(form=FORM), number
    )


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def _labelled(label: str, value: str) -> Paragraph:
    """ "Họ và tên: …" with the label in bold; user text escaped."""
    return Paragraph(f"- <b>{escape(label)}:</b> {escape(value)}", styles().body)


def meeting_text(resolution: AdmissionResolution) -> str:
    return _("On {date}, {cell} met to consider the proposal to admit {name} to the Party.").format(
        date=format_date(resolution.meeting_on), cell=resolution.cell, name=resolution.full_name
    )


def attendance_text(resolution: AdmissionResolution) -> str:
    return _("Official members of the cell: {official}; present and taking part in the vote: {voting}.").format(
        official=format_number(resolution.official_members), voting=format_number(resolution.voting)
    )


def _or_none(value: str) -> str:
    return value if value else _("not recorded")


def particulars(resolution: AdmissionResolution) -> list[tuple[str, str]]:
    """(label, value) of the person's particulars, in the order of the form."""
    certificate = (
        _("issued on {date}").format(date=format_date(resolution.certificate_on)) if resolution.certificate_on else ""
    )
    return [
        (_("Full name"), resolution.full_name),
        (_("Date of birth"), format_date(resolution.birth_date) if resolution.birth_date else ""),
        (_("Home town"), resolution.home_town),
        (_("Position and work unit"), ", ".join(v for v in (resolution.position, resolution.work_unit) if v)),
        (_("Professional education"), resolution.education),
        (_("Political theory"), resolution.theory),
        (_("Certificate of the awareness course on the Party"), certificate),
    ]


def _person(resolution: AdmissionResolution) -> list[Flowable]:
    return [_labelled(label, _or_none(value)) for label, value in particulars(resolution)]


def introducer_lines(resolution: AdmissionResolution) -> list[str]:
    lines = [
        _(line).format(name=_or_none(name)) for line, name in zip(INTRODUCER_LINES, resolution.introducers, strict=True)
    ]
    if resolution.organisation:
        on = format_date(resolution.organisation_resolution_on) if resolution.organisation_resolution_on else ""
        number = resolution.organisation_resolution_number
        line = ORGANISATION_LINES[0] if number else ORGANISATION_LINES[1]
        lines[1] = _(line).format(organisation=resolution.organisation, number=number, date=_or_none(on))
    return lines


def _items(lines: Sequence[str]) -> list[Flowable]:
    last = len(lines) - 1
    return [_para(f"- {line.rstrip('.;')}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


def vote_text(resolution: AdmissionResolution) -> str:
    r = resolution
    return _(
        "Official members in favour of admitting {name} to the Party: {votes_for}, that is {share} of the "
        "{official} official members; against: {against} ({against_share}); abstaining: {abstain}."
    ).format(
        name=r.full_name,
        votes_for=format_number(r.votes_for),
        share=format_percent(r.votes_for, r.official_members),
        official=format_number(r.official_members),
        against=format_number(r.votes_against),
        against_share=format_percent(r.votes_against, r.official_members),
        abstain=format_number(r.votes_abstain),
    )


def rule_text(resolution: AdmissionResolution) -> str:
    verdict = _("the requirement is met") if resolution.passed else _("the requirement is not met")
    return _(
        "An admission needs at least two thirds of the cell's official members in favour, that is {needed} "
        "of {official}: {verdict}."
    ).format(
        needed=format_number(resolution.needed), official=format_number(resolution.official_members), verdict=verdict
    )


def conclusion_text(resolution: AdmissionResolution) -> str:
    if not resolution.passed:
        return _(
            "The vote does not reach two thirds of the official members: the cell does not propose the "
            "admission of {name}."
        ).format(name=resolution.full_name)
    return _("The cell proposes that {committee} consider admitting {name} to the Party.").format(
        committee=resolution.committee, name=resolution.full_name
    )


def _section(index: int, title: str, body: Sequence[Flowable]) -> list[Flowable]:
    return [KeepTogether([_para(f"{index}. {title}", "heading"), *body[:2]]), *body[2:]]


def admission_resolution_story(head: Letterhead, spec: DocumentSpec, resolution: AdmissionResolution) -> list[Flowable]:
    sections: list[tuple[str, Sequence[Flowable]]] = [
        (_("The person proposed for admission"), _person(resolution)),
        (_("The introducers"), _items(introducer_lines(resolution))),
        (_("The vote of the official members"), [_para(vote_text(resolution)), _para(rule_text(resolution))]),
    ]
    story: list[Flowable] = [*opening(head, spec), _para(f"{meeting_text(resolution)} {attendance_text(resolution)}")]
    for index, (title, body) in enumerate(sections, start=1):
        story += _section(index, title, body)
    story.append(_para(conclusion_text(resolution)))  # the proposal closes the vote, as on the form
    story.append(KeepTogether([story.pop(), signature_block(head)]))  # never signed on a page alone
    return story


def build_admission_resolution(
    target: Path, head: Letterhead, resolution: AdmissionResolution, *, number: str | None = None
) -> int:
    """Write the resolution at `target` (all or nothing); returns the page count."""
    spec = admission_resolution_spec(number)
    return write_pdf(target, head, spec, admission_resolution_story(head, spec, resolution))
