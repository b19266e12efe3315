"""Báo cáo công tác phát triển đảng viên: a year's recruitment (DOMAIN.md, Recruitment): the files at each step
(forms "x-KNĐ" of HD 38-HD/BTCTW), those admitted in the year with their decisions, progress against the year's
and the term's targets, new members as a share of all members, and the files overdue or stale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.recruitment import STEP_FORMS, STEP_LABELS
from khoidesktop.i18n import N_, _, format_date, format_number, format_percent
from khoidesktop.reports.frame import KIND_REPORT, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.reports.styles import styles

# (title, width in mm, alignment); the table is the text width (165 mm).
STEP_COLUMNS = (
    (N_("No."), 12, "CENTRE"),
    (N_("Step of the file"), 101, "LEFT"),
    (N_("Form"), 25, "CENTRE"),
    (N_("Number of files"), 27, "CENTRE"),
)


@dataclass(frozen=True)
class Admitted:
    full_name: str
    decided_on: date  # the admission decision (9-KNĐ)
    document_number: str = ""


@dataclass(frozen=True)
class Overdue:
    full_name: str
    what: str  # translated: what is due
    due: date


@dataclass(frozen=True)
class Stale:
    full_name: str
    step: str  # step code where the file stopped
    since: date
    next_step: str | None  # the step code due next


@dataclass(frozen=True)
class Target:
    first_year: int
    last_year: int
    target: int
    admitted: int


@dataclass(frozen=True)
class RecruitmentReport:
    """What the report prints (from recruitment.stats)."""

    year: int
    as_of: date
    files_by_step: tuple[tuple[str, int], ...]  # (step code, number of files), in the order of the steps
    files_open: int
    admitted: tuple[Admitted, ...]  # decisions in the year
    year_target: Target | None
    term_target: Target | None
    new_members_percent: float
    overdue: tuple[Overdue, ...] = ()
    stale: tuple[Stale, ...] = ()


def recruitment_report_spec(year: int, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(
        KIND_REPORT, _("on the admission of new Party members"), _("Year {year}").format(year=year), number
    )


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def _items(lines: Sequence[str]) -> list[Flowable]:
    """ "- a;", "- b." as body paragraphs."""
    last = len(lines) - 1
    return [_para(f"- {line.rstrip('.;')}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


# A section's body is a list of groups: the flowables of a group stay on one page (flat groups, not nested
# KeepTogethers, which make reportlab leave a blank page when they move on).
Groups = list[list[Flowable]]


def _list(intro: str, lines: Sequence[str]) -> Groups:
    """The intro with the first item (never alone at the foot of a page), then one group per item."""
    items = _items(lines)
    return [[_para(intro), items[0]], *[[item] for item in items[1:]]]


def percent_text(value: float) -> str:
    """33.333 → "33,33%"."""
    return format_number(value, 2) + "%"


def step_rows(files_by_step: Sequence[tuple[str, int]]) -> list[list[str]]:
    rows = [
        [str(n), _(STEP_LABELS[code]), STEP_FORMS[code], format_number(count)]
        for n, (code, count) in enumerate(files_by_step, start=1)
    ]
    rows.append(["", _("Total"), "", format_number(sum(count for _code, count in files_by_step))])
    return rows


def steps_table(files_by_step: Sequence[tuple[str, int]]) -> Table:
    """The files at each step (step code, number of files), with the total in bold."""
    layout = TableLayout.of([Column(_(title), width * mm, align) for title, width, align in STEP_COLUMNS])
    return layout.short_table(step_rows(files_by_step), total=True)


def files_text(report: RecruitmentReport) -> str:
    return _(
        "As of {date}, the cell keeps {total} recruitment files, {open} of them still in progress "
        "(not yet recognised as official members):"
    ).format(
        date=format_date(report.as_of),
        total=format_number(sum(c for _s, c in report.files_by_step)),
        open=format_number(report.files_open),
    )


def _files(report: RecruitmentReport) -> Groups:
    return [[_para(files_text(report)), steps_table(report.files_by_step)]]


def admitted_line(admitted: Admitted) -> str:
    if admitted.document_number:
        return _("Comrade {name}: admission decision No. {number} of {date}").format(
            name=admitted.full_name, number=admitted.document_number, date=format_date(admitted.decided_on)
        )
    return _("Comrade {name}: admission decision of {date}").format(
        name=admitted.full_name, date=format_date(admitted.decided_on)
    )


def _admitted(report: RecruitmentReport) -> Groups:
    if not report.admitted:
        return [[_para(_("No one was admitted to the Party in {year}.").format(year=report.year))]]
    intro = _("In {year} the cell admitted {count} new Party members:").format(
        year=report.year, count=format_number(len(report.admitted))
    )
    return _list(intro, [admitted_line(a) for a in report.admitted])


def year_target_text(report: RecruitmentReport, target: Target) -> str:
    return _("Admitted in {year}: {admitted} against the year's target of {target}, that is {share}.").format(
        year=report.year,
        admitted=format_number(target.admitted),
        target=format_number(target.target),
        share=format_percent(target.admitted, target.target),
    )


def term_target_text(target: Target) -> str:
    return _(
        "Admitted in the term {first}–{last}: {admitted} against the term's target of {target}, that is {share}."
    ).format(
        first=target.first_year,
        last=target.last_year,
        admitted=format_number(target.admitted),
        target=format_number(target.target),
        share=format_percent(target.admitted, target.target),
    )


def new_members_text(report: RecruitmentReport) -> str:
    return _("The Party members admitted in {year} make up {share} of all the cell's Party members.").format(
        year=report.year, share=percent_text(report.new_members_percent)
    )


def _targets(report: RecruitmentReport) -> Groups:
    found = []
    if report.year_target is not None:
        found.append(_para(year_target_text(report, report.year_target)))
    if report.term_target is not None:
        found.append(_para(term_target_text(report.term_target)))
    if not found:
        found.append(_para(_("No admission target is set for {year}.").format(year=report.year)))
    found.append(_para(new_members_text(report)))
    return [[paragraph] for paragraph in found]


def overdue_line(item: Overdue) -> str:
    return _("{name}: “{what}” was due on {date} and is overdue").format(
        name=item.full_name, what=item.what, date=format_date(item.due)
    )


def stale_line(item: Stale) -> str:
    step = _(STEP_LABELS[item.step])
    if item.next_step is None:
        return _("{name}: at “{step}” since {date}").format(
            name=item.full_name, step=step, date=format_date(item.since)
        )
    return _("{name}: at “{step}” since {date}; next due: “{next}”").format(
        name=item.full_name, step=step, date=format_date(item.since), next=_(STEP_LABELS[item.next_step])
    )


def _late(report: RecruitmentReport) -> Groups:
    if not report.overdue and not report.stale:
        return [[_para(_("No file is overdue and none has been left at one step for 12 months."))]]
    found: Groups = []
    if report.overdue:
        found += _list(_("Files past their deadline:"), [overdue_line(item) for item in report.overdue])
    if report.stale:
        found += _list(_("Files left at one step for 12 months or more:"), [stale_line(item) for item in report.stale])
    return found


def _section(index: int, title: str, body: Groups) -> Groups:
    """The heading goes with the first group: it never ends a page alone."""
    return [[_para(f"{index}. {title}", "heading"), *body[0]], *body[1:]]


def recruitment_report_story(head: Letterhead, spec: DocumentSpec, report: RecruitmentReport) -> list[Flowable]:
    sections = [
        (_("Recruitment files by step"), _files(report)),
        (_("Admitted to the Party in {year}").format(year=report.year), _admitted(report)),
        (_("Against the targets"), _targets(report)),
        (_("Files overdue and files left standing"), _late(report)),
    ]
    groups: Groups = []
    for index, (title, body) in enumerate(sections, start=1):
        groups += _section(index, title, body)
    groups[-1].append(signature_block(head))  # never signed on a page alone
    return [*opening(head, spec), *[KeepTogether(group) if len(group) > 1 else group[0] for group in groups]]


def build_recruitment_report(
    target: Path, head: Letterhead, report: RecruitmentReport, *, number: str | None = None
) -> int:
    """Write the report at `target` (all or nothing); returns the page count."""
    spec = recruitment_report_spec(report.year, number)
    return write_pdf(target, head, spec, recruitment_report_story(head, spec, report))
