"""Báo cáo tình hình sinh hoạt chi bộ: the meetings of a year or a quarter (Chỉ thị 50-CT/TW): how many by
kind, the list with attendance, the thematic topics held against the plan, unexcused absences and what the
cell has to remedy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.meetings import KINDS
from khoidesktop.i18n import N_, _, format_date, format_number, format_percent
from khoidesktop.meetings.figures import YearSummary
from khoidesktop.reports.frame import KIND_REPORT, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, PagedTable, TableLayout
from khoidesktop.reports.styles import styles

# (title, width in mm, alignment); each table is the text width (165 mm).
MEETING_COLUMNS = (
    (N_("No."), 10, "CENTRE"),
    (N_("Date"), 20, "CENTRE"),
    (N_("Kind"), 36, "LEFT"),
    (N_("Content / topic"), 59, "LEFT"),
    (N_("Present / called"), 20, "CENTRE"),
    (N_("Share"), 20, "CENTRE"),
)
THEMATIC_COLUMNS = (
    (N_("Quarter"), 15, "CENTRE"),
    (N_("Topics registered"), 100, "LEFT"),
    (N_("Planned"), 25, "CENTRE"),
    (N_("Held"), 25, "CENTRE"),
)


@dataclass(frozen=True)
class Truant:
    """A member absent without a reason: in the period, and in the whole year."""

    full_name: str
    count: int
    year_count: int


@dataclass(frozen=True)
class MeetingsPeriod:
    """What the report prints. `summary.rows` are the period's meetings (a quarter's only, for a quarter);
    its warnings are the year's so far."""

    summary: YearSummary
    quarter: int | None
    today: date
    topics: dict[int, list[str]] = field(default_factory=dict)  # quarter → titles registered
    truants: tuple[Truant, ...] = ()

    @property
    def year(self) -> int:
        return self.summary.year

    @property
    def quarters(self) -> range:
        return range(self.quarter, self.quarter + 1) if self.quarter else range(1, 5)

    @property
    def last_day(self) -> date:
        if self.quarter:
            return date(self.year, 3 * self.quarter, 31 if self.quarter in (1, 4) else 30)
        return date(self.year, 12, 31)


def period_name(year: int, quarter: int | None) -> str:
    """ "Năm 2026", "Quý 3 năm 2026"."""
    if quarter:
        return _("Quarter {quarter} of {year}").format(quarter=quarter, year=year)
    return _("Year {year}").format(year=year)


def meetings_report_spec(year: int, quarter: int | None, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(KIND_REPORT, _("on the cell's meetings"), period_name(year, quarter), number)


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def _items(lines: Sequence[str]) -> list[Flowable]:
    """ "- a;", "- b." as body paragraphs."""
    last = len(lines) - 1
    return [_para(f"- {line.rstrip('.;')}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


def _layout(columns: tuple[tuple[str, float, str], ...]) -> TableLayout:
    return TableLayout.of([Column(_(title), width * mm, align) for title, width, align in columns])


def _table(layout: TableLayout, rows: Sequence[Sequence[str]]) -> PagedTable:
    cells, heights = [], []
    for row in rows:
        wrapped, height = layout.wrap_row(row)
        cells.append(wrapped)
        heights.append(height)
    return PagedTable(layout, cells, heights)


def held_text(period: MeetingsPeriod) -> str:
    count = len(period.summary.rows)
    name = period_name(period.year, period.quarter)
    if period.today <= period.last_day:
        name = _("{period} (as of {date})").format(period=name, date=format_date(period.today))
    if not count:
        return _("{period}, the cell held no meeting.").format(period=name)
    return _("{period}, the cell held {count} meetings, namely:").format(period=name, count=format_number(count))


def _held(period: MeetingsPeriod) -> list[Flowable]:
    found: list[Flowable] = [_para(held_text(period))]
    if period.summary.rows:
        found += _items(
            [
                _("{kind}: {count} meetings").format(kind=_(KINDS[kind]), count=format_number(count))
                for kind, count in period.summary.by_kind().items()
            ]
        )
    return found


def average_text(summary: YearSummary) -> str:
    return _("Average attendance of the Party members: {percent}.").format(
        percent=format_number(summary.average_attendance(), 2) + "%"
    )


def _meetings(period: MeetingsPeriod) -> list[Flowable]:
    rows = period.summary.rows
    if not rows:
        return [_para(_("No meeting has been recorded in this period."))]
    cells = [
        [
            str(n),
            format_date(r.on_date),
            _(KINDS.get(r.kind, r.kind)),
            r.topic,
            f"{format_number(r.present)}/{format_number(r.expected)}",
            format_percent(r.present, r.expected),
        ]
        for n, r in enumerate(rows, start=1)
    ]
    return [_table(_layout(MEETING_COLUMNS), cells), _para(average_text(period.summary), "plain")]


def _thematic(period: MeetingsPeriod) -> list[Flowable]:
    held = period.summary.thematic_held()
    cells = []
    for q in period.quarters:
        titles = period.topics.get(q, [])
        listed = "\n".join(f"- {t}" for t in titles) if len(titles) > 1 else "".join(titles)
        cells.append([str(q), listed, format_number(period.summary.planned.get(q, 0)), format_number(held[q])])
    return [_table(_layout(THEMATIC_COLUMNS), cells)]


def truant_text(truant: Truant, year: int, quarter: int | None) -> str:
    name = _("Comrade {name}").format(name=truant.full_name)
    if quarter and truant.year_count != truant.count:
        return _("{name}: {count} times ({year_count} times in {year})").format(
            name=name, count=format_number(truant.count), year_count=format_number(truant.year_count), year=year
        )
    return _("{name}: {count} times").format(name=name, count=format_number(truant.count))


def _truants(period: MeetingsPeriod) -> list[Flowable]:
    if not period.truants:
        return [_para(_("No Party member was absent without a reason."))]
    return _items([truant_text(t, period.year, period.quarter) for t in period.truants])


def _shortcomings(period: MeetingsPeriod) -> list[Flowable]:
    if not period.summary.warnings:
        return [_para(_("No shortcoming has been found."))]
    return _items(period.summary.warnings)


def _section(index: int, title: str, body: list[Flowable]) -> list[Flowable]:
    return [KeepTogether([_para(f"{index}. {title}", "heading"), body[0]]), *body[1:]]


def meetings_report_story(head: Letterhead, spec: DocumentSpec, period: MeetingsPeriod) -> list[Flowable]:
    shortcomings = (
        _("Shortcomings to remedy since the start of {year}").format(year=period.year)
        if period.quarter
        else _("Shortcomings to remedy")
    )
    sections = (
        (_("Number of meetings"), _held(period)),
        (_("The meetings and attendance"), _meetings(period)),
        (_("Thematic meetings"), _thematic(period)),
        (_("Party members absent without a reason"), _truants(period)),
        (shortcomings, _shortcomings(period)),
    )
    story: list[Flowable] = [*opening(head, spec)]
    for index, (title, body) in enumerate(sections, start=1):
        story += _section(index, title, body)
    story.append(KeepTogether([story.pop(), signature_block(head)]))  # never signed on a page alone
    return story


def build_meetings_report(target: Path, head: Letterhead, period: MeetingsPeriod, *, number: str | None = None) -> int:
    """Write the report at `target` (all or nothing); returns the page count."""
    spec = meetings_report_spec(period.year, period.quarter, number)
    return write_pdf(target, head, spec, meetings_report_story(head, spec, period))
