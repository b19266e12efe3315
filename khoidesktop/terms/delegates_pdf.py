"""Danh sách đại biểu dự Đại hội … và cơ cấu đoàn đại biểu (DOMAIN.md, Terms, congresses and elections): the official
delegates, then the alternates, each with the particulars the structure counts, then the structure of the
delegation in the congress reports' columns (women, ethnic minorities, over 60, under 40, doctorate, religious,
probationary: count and share) and, for a delegation summed from the units, each unit's count. Laid out from the
plain results of terms/delegation.py, the same the Nhiệm kỳ page and `delegates list` show."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from khoidesktop.domain.members import EDUCATION, GENDERS
from khoidesktop.i18n import N_, _, format_date, format_number
from khoidesktop.reports.frame import KIND_LIST, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, PagedTable, TableLayout
from khoidesktop.reports.styles import styles
from khoidesktop.terms.delegation import Delegation, DelegationLine, structure_rows

# (title, width in mm, alignment); the table is the text width (165 mm). UNIT: only when summed from the units.
PEOPLE_COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Full name"), 45, "LEFT"),
    (N_("Gender"), 14, "CENTRE"),
    (N_("Date of birth"), 21, "CENTRE"),
    (N_("Ethnicity"), 18, "CENTRE"),
    (N_("Religion"), 18, "CENTRE"),
    (N_("Professional education"), 24, "CENTRE"),
    (N_("Probationary"), 15, "CENTRE"),
)
UNIT_COLUMN = (N_("Unit"), 33, "LEFT")
NARROWER_NAME = 33  # mm: the name's column beside the unit's
NARROWER = {N_("Ethnicity"): 15, N_("Religion"): 15, N_("Professional education"): 20, N_("Probationary"): 14}
STRUCTURE_COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Group"), 95, "LEFT"),
    (N_("Number"), 30, "CENTRE"),
    (N_("Share"), 30, "CENTRE"),
)
UNITS_COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Unit"), 95, "LEFT"),
    (N_("Official"), 30, "CENTRE"),
    (N_("Alternates"), 30, "CENTRE"),
)
MARK = "x"


def delegates_spec(delegation: Delegation, congress: str, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(
        KIND_LIST,
        _("of the delegates to the {congress} and the structure of the delegation").format(congress=congress),
        _("(Term {term}; structure as of {date})").format(term=delegation.term, date=format_date(delegation.on)),
        number,
    )


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def _columns(with_unit: bool) -> list[Column]:
    found = []
    for title, width, align in PEOPLE_COLUMNS:
        if with_unit and title == N_("Full name"):
            found += [Column(_(title), NARROWER_NAME * mm, align), Column(_(UNIT_COLUMN[0]), UNIT_COLUMN[1] * mm)]
        else:
            found.append(Column(_(title), NARROWER.get(title, width) * mm if with_unit else width * mm, align))
    return found


def person_row(n: int, line: DelegationLine, with_unit: bool) -> list[str]:
    p = line.person
    row = [
        format_number(n),
        p.full_name,
        _(GENDERS[p.gender]) if p.gender else "",
        format_date(p.birth_date) if p.birth_date else "",
        p.ethnicity,
        p.religion,
        _(EDUCATION[p.professional_education]) if p.professional_education else "",
        "" if p.official else MARK,
    ]
    if with_unit:
        row.insert(2, line.unit)
    return row


def people_table(lines: tuple[DelegationLine, ...], with_unit: bool) -> Flowable:
    """One row a delegate, laid out a page at a time (a province's congress has hundreds)."""
    layout = TableLayout.of(_columns(with_unit))
    wrapped = [layout.wrap_row(person_row(n, line, with_unit)) for n, line in enumerate(lines, start=1)]
    return PagedTable(layout, [cells for cells, _h in wrapped], [h for _c, h in wrapped])


def _short(columns: tuple[tuple[str, int, str], ...], rows: list[list[str]]) -> Flowable:
    return TableLayout.of([Column(_(t), w * mm, a) for t, w, a in columns]).short_table(rows)


def structure_table(delegation: Delegation) -> Flowable:
    rows = [[format_number(n), *row] for n, row in enumerate(structure_rows(delegation.structure), start=1)]
    return _short(STRUCTURE_COLUMNS, rows)


def units_table(delegation: Delegation) -> Flowable:
    rows = [
        [format_number(n), u.name, format_number(u.official), format_number(u.alternates)]
        for n, u in enumerate(delegation.units, start=1)
    ]
    return _short(UNITS_COLUMNS, rows)


def delegates_story(head: Letterhead, spec: DocumentSpec, delegation: Delegation) -> list[Flowable]:
    with_unit = bool(delegation.units)
    story: list[Flowable] = [*opening(head, spec)]
    story.append(
        _para(
            _("{official} official delegates and {alternates} alternates.").format(
                official=format_number(len(delegation.official)), alternates=format_number(len(delegation.alternates))
            )
        )
    )
    index = 0
    for title, group in ((_("Official delegates"), delegation.official), (_("Alternates"), delegation.alternates)):
        if group:
            index += 1
            story += [_para(f"{index}. {title}", "heading"), people_table(group, with_unit)]
    index += 1
    heading = _para(
        f"{index}. "
        + _("Structure of the delegation ({n} official delegates, on {date})").format(
            n=format_number(delegation.structure.total), date=format_date(delegation.on)
        ),
        "heading",
    )
    story.append(KeepTogether([heading, structure_table(delegation)]))
    if with_unit:
        index += 1
        story.append(KeepTogether([_para(f"{index}. " + _("Delegates by unit"), "heading"), units_table(delegation)]))
    story += [Spacer(1, 4), signature_block(head)]
    return story


def build_delegates(
    target: Path, head: Letterhead, delegation: Delegation, congress: str, *, number: str | None = None
) -> int:
    """Write the list at `target` (all or nothing); returns the page count."""
    spec = delegates_spec(delegation, congress, number)
    return write_pdf(target, head, spec, delegates_story(head, spec, delegation))
