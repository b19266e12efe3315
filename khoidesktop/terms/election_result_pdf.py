"""Thông báo kết quả bầu cử: the announcement of one vote's result, in the HD 36 frame (type "Thông báo"). The
congress (or the committee's conference) announces the result; the superior committee then approves it (chuẩn y),
by its own decision, which the program does not issue (Quy chế bầu cử trong Đảng, QĐ 190-QĐ/TW; HD 04-HD/TW).
It says the vote, those summoned and present, the ballots, the rule, each one elected with their votes and share
of those summoned, a tie still to be voted and the seats unfilled; signed as the level's documents are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.elections import Tally
from khoidesktop.i18n import N_, _, format_date, format_number, format_percent
from khoidesktop.reports.frame import KIND_NOTICE, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, PagedTable, TableLayout
from khoidesktop.reports.styles import styles
from khoidesktop.terms.tally import attendance_line, ballots_line, rule_line

COLUMNS = (  # title (msgid), width in mm, alignment: 165 mm, the text's width
    (N_("No."), 12, "CENTRE"),
    (N_("Full name"), 93, "LEFT"),
    (N_("Votes"), 25, "RIGHT"),
    (N_("Share of those summoned"), 35, "RIGHT"),
)


@dataclass(frozen=True)
class ElectionNotice:
    """What the announcement prints (labels already translated)."""

    result: Tally
    what: str  # "Bầu Chi ủy Chi bộ … nhiệm kỳ 2025–2030"
    held_on: date
    notes: tuple[str, ...] = ()  # what the result leads to: a tie, seats unfilled, the superior appoints


def election_result_spec(notice: ElectionNotice, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(KIND_NOTICE, _("of the election result"), f"({notice.what})", number)


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def elected_table(result: Tally) -> PagedTable:
    layout = TableLayout.of([Column(_(title), width * mm, align) for title, width, align in COLUMNS])
    elected = [r for r in result.results if r.name in result.elected]
    rows = [
        (format_number(i), r.name, format_number(r.votes), format_percent(r.votes, result.summoned))
        for i, r in enumerate(elected, start=1)
    ]
    wrapped = [layout.wrap_row(row) for row in rows]
    return PagedTable(layout, [cells for cells, _height in wrapped], [height for _cells, height in wrapped])


def _items(lines: Sequence[str]) -> list[Flowable]:
    last = len(lines) - 1
    return [_para(f"- {line.rstrip('.;')}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


def election_result_story(head: Letterhead, spec: DocumentSpec, notice: ElectionNotice) -> list[Flowable]:
    result = notice.result
    story: list[Flowable] = [*opening(head, spec)]
    story.append(_para(_("Pursuant to {regulation};").format(regulation=result.regulation)))
    story.append(
        _para(_("Pursuant to the minutes of the vote count of {date},").format(date=format_date(notice.held_on)))
    )
    story.append(_para(_("{issuer} announces the result of the vote as follows:").format(issuer=head.issuer)))
    story += _items([attendance_line(result), ballots_line(result), rule_line(result)])
    count = len(result.elected)
    if count:
        story.append(
            KeepTogether(
                [
                    _para(
                        _("{count} comrade(s) are elected, of {seats} seat(s):").format(
                            count=format_number(count), seats=format_number(result.seats)
                        ),
                        "heading",
                    ),
                ]
            )
        )
        story += [Spacer(1, 4), elected_table(result), Spacer(1, 4)]
    else:
        story.append(_para(_("Nobody is elected in this vote."), "heading"))
    if notice.notes:
        story += _items(notice.notes)
    story.append(
        KeepTogether([_para(_("This announcement is made known to the Party members.")), signature_block(head)])
    )
    return story


def build_election_result(target: Path, head: Letterhead, notice: ElectionNotice, *, number: str | None = None) -> int:
    """Write the announcement at `target` (all or nothing); returns the page count."""
    spec = election_result_spec(notice, number)
    return write_pdf(target, head, spec, election_result_story(head, spec, notice))
