"""Báo cáo kiểm điểm giữa nhiệm kỳ: the mid-term review of a congress resolution (DOMAIN.md, Terms, congresses and
elections): each target of the term with what was done so far, its share of the target and the gap ("305 người,
bằng 67,78% chỉ tiêu"), each year's figures, and the committee's changes during the term. Laid out from the plain
results of terms/progress.py (TermProgress), the same figures the Nhiệm kỳ page and `stats term` show."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.terms import CAME, LEFT, ROLES
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.reports.frame import KIND_REPORT, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.reports.styles import styles
from khoidesktop.terms.figures import CommitteeRow, TargetProgress, TermProgress
from khoidesktop.terms.text import amount, figure_text, gap_text, target_text

# (title, width in mm, alignment); the table is the text width (165 mm).
TARGET_COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Target"), 55, "LEFT"),
    (N_("Aim"), 22, "CENTRE"),
    (N_("Done so far"), 30, "CENTRE"),
    (N_("Of the target"), 22, "CENTRE"),
    (N_("Gap"), 26, "CENTRE"),
)
YEARS_WIDTH, YEAR_NAME_WIDTH = 110, 55  # mm: the yearly table's years share what the target's name leaves
Groups = list[list[Flowable]]


def midterm_spec(progress: TermProgress, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(
        KIND_REPORT,
        _("mid-term review of the congress resolution"),
        _("(Term {name}; figures as of {date})").format(name=progress.name, date=format_date(progress.on)),
        number,
    )


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def _items(lines: Sequence[str]) -> list[Flowable]:
    last = len(lines) - 1
    return [_para(f"- {line.rstrip('.;')}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


def share_text(target: TargetProgress) -> str:
    share = target.share()
    return format_number(share, 2) + "%" if share is not None else ""


def target_line(target: TargetProgress) -> str:
    """ "Kết nạp đảng viên mới: đạt 305 người, bằng 67,78% chỉ tiêu (450 người); còn thiếu 145 người"."""
    if target.so_far is None:
        return _("{indicator}: no figure yet (target {target})").format(
            indicator=target.indicator, target=target_text(target)
        )
    done = figure_text(target.so_far, target.unit)
    if target.share() is not None:
        line = _("{indicator}: {done} done, {share} of the target ({target})").format(
            indicator=target.indicator, done=done, share=share_text(target), target=amount(target.target, target.unit)
        )
    else:
        line = _("{indicator}: {done} against the target of {target}").format(
            indicator=target.indicator, done=done, target=target_text(target)
        )
    if target.met():
        return line + "; " + _("the target is met")
    return line + "; " + _("gap: {gap}").format(gap=gap_text(target))


def targets_table(progress: TermProgress) -> Flowable:
    layout = TableLayout.of([Column(_(title), width * mm, align) for title, width, align in TARGET_COLUMNS])
    rows = [
        [
            format_number(n),
            t.indicator,
            target_text(t),
            figure_text(t.so_far, t.unit),
            share_text(t),
            gap_text(t),
        ]
        for n, t in enumerate(progress.targets, start=1)
    ]
    return layout.short_table(rows)


def years_so_far(progress: TermProgress) -> list[int]:
    return [y for y in progress.years if y <= progress.on.year]


def years_table(progress: TermProgress) -> Flowable:
    years = years_so_far(progress)
    width = YEARS_WIDTH / max(len(years), 1)
    columns = [Column(_("Target"), YEAR_NAME_WIDTH * mm), *[Column(str(y), width * mm, "CENTRE") for y in years]]
    rows = [[t.indicator, *[figure_text(t.years[y], t.unit) for y in years]] for t in progress.targets]
    return TableLayout.of(columns).short_table(rows)


def committee_line(row: CommitteeRow) -> str:
    line = _("Comrade {name}, {role}: {came}, from {date}").format(
        name=row.full_name,
        role=_(ROLES[row.role]).lower(),
        came=_(CAME[row.came]).lower(),
        date=format_date(row.from_date),
    )
    if row.to_date is not None and row.left_how is not None:
        line += "; " + _("left office on {date} ({why})").format(
            date=format_date(row.to_date), why=_(LEFT[row.left_how]).lower()
        )
    return line


def _targets(progress: TermProgress) -> Groups:
    if not progress.targets:
        return [[_para(_("No target recorded for this term."))]]
    intro = _("The targets of the congress resolution and what was done from the start of the term to {date}:").format(
        date=format_date(progress.on)
    )
    lines = _items([target_line(t) for t in progress.targets])
    return [[_para(intro), targets_table(progress)], *[[line] for line in lines]]


def _years(progress: TermProgress) -> Groups:
    return [[_para(_("The figures of each year of the term so far:")), years_table(progress)]]


def _committee(progress: TermProgress) -> Groups:
    if not progress.committee:
        return [[_para(_("No committee member is recorded for this term."))]]
    lines = _items([committee_line(row) for row in progress.committee])
    return [[_para(_("The committee during the term:")), lines[0]], *[[line] for line in lines[1:]]]


def _section(index: int, title: str, body: Groups) -> Groups:
    """The heading goes with the first group: it never ends a page alone."""
    return [[_para(f"{index}. {title}", "heading"), *body[0]], *body[1:]]


def midterm_story(head: Letterhead, spec: DocumentSpec, progress: TermProgress) -> list[Flowable]:
    sections = [(_("Carrying out the term's targets"), _targets(progress))]
    if progress.targets:
        sections.append((_("Year by year"), _years(progress)))
    sections.append((_("The committee"), _committee(progress)))
    groups: Groups = [
        [
            _para(
                _("Term {name}: from {start} to {end}.").format(
                    name=progress.name, start=format_date(progress.starts_on), end=format_date(progress.ends_on)
                )
            )
        ]
    ]
    for index, (title, body) in enumerate(sections, start=1):
        groups += _section(index, title, body)
    groups[-1].append(signature_block(head))  # never signed on a page alone
    return [*opening(head, spec), *[KeepTogether(group) if len(group) > 1 else group[0] for group in groups]]


def build_midterm(target: Path, head: Letterhead, progress: TermProgress, *, number: str | None = None) -> int:
    """Write the review at `target` (all or nothing); returns the page count."""
    spec = midterm_spec(progress, number)
    return write_pdf(target, head, spec, midterm_story(head, spec, progress))
