"""Biên bản kiểm phiếu: the counting board's minutes of one round of an election (Quy chế bầu cử trong Đảng,
QĐ 190-QĐ/TW; HD 04-HD/TW): those summoned and present, the ballots, each candidate's votes and share of those
summoned, who is elected, a tie at the last seats and the seats unfilled. Signed by the board's members (left) and
its head on behalf of the board (right)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.elections import Tally
from khoidesktop.i18n import N_, _, format_number, format_percent
from khoidesktop.reports.frame import (
    KIND_MINUTES,
    LAYOUT_CELLS,
    TEXT_WIDTH,
    DocumentSpec,
    Letterhead,
    opening,
    write_pdf,
)
from khoidesktop.reports.paged_table import Column, PagedTable, TableLayout
from khoidesktop.reports.styles import styles
from khoidesktop.terms.tally import OUTCOMES, attendance_line, ballots_line, outcome_lines, rule_line

# Fixed formulas of the minutes, printed as they are.
ON_BEHALF_OF_BOARD = "T/M BAN KIỂM PHIẾU"
HEAD_OF_BOARD = "TRƯỞNG BAN"
BOARD_MEMBERS = "CÁC THÀNH VIÊN"
COLUMNS = (  # title (msgid), width in mm, alignment: 165 mm, the text's width
    (N_("No."), 12, "CENTRE"),
    (N_("Full name"), 63, "LEFT"),
    (N_("Votes"), 22, "RIGHT"),
    (N_("Share of those summoned"), 28, "RIGHT"),
    (N_("Result"), 40, "LEFT"),
)


@dataclass(frozen=True)
class VoteCount:
    """What the minutes print: the round counted, the election's name, and the counting board (its head first)."""

    result: Tally
    what: str = ""
    counting_board: tuple[str, ...] = ()


def vote_count_spec(count: VoteCount, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(KIND_MINUTES, _("of the vote count"), f"({count.what})" if count.what else "", number)


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def board_line(count: VoteCount) -> str:
    if not count.counting_board:
        return _("The counting board counted the ballots of the round.")
    head, *members = count.counting_board
    names = _("comrade {name} (head)").format(name=head)
    if members:
        names += ", " + ", ".join(_("comrade {name}").format(name=m) for m in members)
    return _("The counting board, made up of {names}, counted the ballots of the round.").format(names=names)


def results_table(result: Tally) -> PagedTable:
    """One row a candidate, laid out a page at a time (a congress may have hundreds)."""
    layout = TableLayout.of([Column(_(title), width * mm, align) for title, width, align in COLUMNS])
    rows = [
        (
            format_number(index),
            r.name,
            format_number(r.votes),
            format_percent(r.votes, result.summoned),
            _(OUTCOMES[r.outcome]),
        )
        for index, r in enumerate(result.results, start=1)
    ]
    wrapped = [layout.wrap_row(row) for row in rows]
    return PagedTable(layout, [cells for cells, _height in wrapped], [height for _cells, height in wrapped])


def reason_lines(result: Tally) -> list[str]:
    """Why each one not elected is not, and what a tie leads to."""
    found = [f"{r.name}: {r.reason}" for r in result.not_elected]
    tied = [r for r in result.results if r.name in result.tie]
    if tied:
        found.append(f"{', '.join(r.name for r in tied)}: {tied[0].reason}")
    return found


def conclusion_lines(result: Tally) -> list[str]:
    """How many are elected first (kept with the heading: a short line), then their names, however many."""
    found = outcome_lines(result)
    if result.elected:
        found.insert(1, _("Elected: {names}.").format(names=", ".join(result.elected)))
    return found


def _items(lines: Sequence[str]) -> list[Flowable]:
    last = len(lines) - 1
    return [_para(f"- {line.rstrip('.;')}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


def _section(index: int, title: str, body: Sequence[Flowable]) -> list[Flowable]:
    return [KeepTogether([_para(f"{index}. {title}", "heading"), body[0]]), *body[1:]]


def vote_count_story(head: Letterhead, spec: DocumentSpec, count: VoteCount) -> list[Flowable]:
    result = count.result
    sections: list[tuple[str, Sequence[Flowable]]] = [
        (_("Attendance and ballots"), _items([attendance_line(result), ballots_line(result)])),
        (
            _("Votes of each candidate"),
            [
                _para(rule_line(result)),
                Spacer(1, 4),
                results_table(result),
                Spacer(1, 4),
                *_items(reason_lines(result)),
            ],
        ),
        (_("Result"), _items(conclusion_lines(result))),
    ]
    story: list[Flowable] = [*opening(head, spec), _para(board_line(count))]
    for index, (title, body) in enumerate(sections, start=1):
        story += _section(index, title, body)
    story.append(_para(_("Counted under {regulation}.").format(regulation=result.regulation)))
    story.append(KeepTogether([story.pop(), signatures(count.counting_board)]))
    return story


def signatures(board: Sequence[str]) -> Flowable:
    """Left: the board's members, each with room to sign; right: T/M BAN KIỂM PHIẾU, TRƯỞNG BAN and the head."""
    s = styles()
    head, members = (board[0], board[1:]) if board else ("", ())
    left: list[Flowable] = [Paragraph(BOARD_MEMBERS, s.sign), Spacer(1, s.sign.leading)]
    for name in members or ("",):
        left += [Spacer(1, 18 * mm), _para(name, "sign")]
    right = [Paragraph(ON_BEHALF_OF_BOARD, s.sign), Paragraph(HEAD_OF_BOARD, s.sign), Spacer(1, 18 * mm)]
    right.append(_para(head, "sign"))
    table = Table([[left, right]], colWidths=[0.48 * TEXT_WIDTH, 0.52 * TEXT_WIDTH])
    table.setStyle([*LAYOUT_CELLS, ("TOPPADDING", (0, 0), (-1, -1), 14)])
    return table  # one row: never split across pages


def build_vote_count(target: Path, head: Letterhead, count: VoteCount, *, number: str | None = None) -> int:
    """Write the minutes at `target` (all or nothing); returns the page count."""
    spec = vote_count_spec(count, number)
    return write_pdf(target, head, spec, vote_count_story(head, spec, count))
