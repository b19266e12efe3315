"""Báo cáo kết quả đánh giá, xếp loại đảng viên: a year's rating (DOMAIN.md, Rating) under the rule set that
judged it: who was rated and who not (with the reason), counts and shares per level, the share rated HTTNV
or above against the cell's target, the cap on excellence, and the cell's own level."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.flowables import KeepTogether

from khoidesktop.domain.rating_rules import CAP_RULE, LEVEL_ORDER, LEVELS, level_label, rule_set_for
from khoidesktop.i18n import N_, _, format_date, format_number, format_percent, percent
from khoidesktop.ratings.figures import YearFigures
from khoidesktop.reports.frame import KIND_REPORT, DocumentSpec, Letterhead, opening, signature_block, write_pdf
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.reports.styles import styles

# (title, width in mm, alignment); the table is the text width (165 mm).
LEVEL_COLUMNS = (
    (N_("No."), 12, "CENTRE"),
    (N_("Rating level"), 93, "LEFT"),
    (N_("Number"), 27, "CENTRE"),
    (N_("Share"), 33, "CENTRE"),
)


@dataclass(frozen=True)
class RatingsReport:
    """What the report prints: the year's figures and what they are measured against."""

    figures: YearFigures
    rating_date: date
    total: int  # members in the year's list on the rating date, rated or not
    scored: bool
    thresholds: tuple[tuple[str, float], ...] = ()
    target_percent: float = 95.0  # the cell's target: share rated HTTNV or above

    @property
    def year(self) -> int:
        return self.figures.year

    @property
    def pending(self) -> int:
        """In the list, not excluded, but without a level yet."""
        return self.total - self.figures.rated - len(self.figures.not_rated)

    @property
    def good_percent(self) -> float:
        return percent(self.figures.good_or_better, self.figures.rated)

    @property
    def target_met(self) -> bool:
        return self.figures.rated > 0 and self.good_percent >= self.target_percent

    @property
    def cap_exceeded(self) -> bool:
        return self.figures.levels["HTXSNV"] > self.figures.excellent_allowed


def ratings_report_spec(year: int, number: str | None = None) -> DocumentSpec:
    return DocumentSpec(KIND_REPORT, _("on the rating of Party members in {year}").format(year=year), number=number)


def lower_first(text: str) -> str:
    """ "Vào Đảng chưa đủ …" → "vào Đảng chưa đủ …" (after a colon); the rest keeps its capitals."""
    return text[:1].lower() + text[1:]


def _para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def _items(lines: Sequence[str]) -> list[Flowable]:
    """ "- a;", "- b." as body paragraphs."""
    last = len(lines) - 1
    return [_para(f"- {line.rstrip('.;')}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


def basis_text(report: RatingsReport) -> str:
    return _("The rating of the Party members for {year} follows {regulation}.").format(
        year=report.year, regulation=report.figures.rule_set
    )


def score_text(report: RatingsReport) -> str:
    lowest = dict(report.thresholds)
    return _(
        "Each member is scored out of 100 points: “{excellent}” from {e} points, “{good}” from {g} points, "
        "“{done}” from {d} points, “{not_done}” below {d} points."
    ).format(
        excellent=level_label("HTXSNV"),
        good=level_label("HTTNV"),
        done=level_label("HTNV"),
        not_done=level_label("KHTNV"),
        e=format_number(lowest["HTXSNV"]),
        g=format_number(lowest["HTTNV"]),
        d=format_number(lowest["HTNV"]),
    )


def _basis(report: RatingsReport) -> list[Flowable]:
    found: list[Flowable] = [_para(basis_text(report))]
    if report.scored and report.thresholds:
        found.append(_para(score_text(report)))
    return found


def counts_text(report: RatingsReport) -> str:
    return _(
        "On the rating date ({date}) the cell's list has {total} Party members; {rated} were rated, "
        "{not_rated} were not rated."
    ).format(
        date=format_date(report.rating_date),
        total=format_number(report.total),
        rated=format_number(report.figures.rated),
        not_rated=format_number(len(report.figures.not_rated)),
    )


def not_rated_line(name: str, reason: str) -> str:
    return _("Comrade {name}: {reason}").format(name=name, reason=lower_first(reason))


def _members(report: RatingsReport) -> list[Flowable]:
    found: list[Flowable] = [_para(counts_text(report))]
    if report.figures.not_rated:
        found.append(_para(_("Party members not rated, and why:")))
        found += _items([not_rated_line(name, reason) for name, reason in report.figures.not_rated])
    if report.pending > 0:
        found.append(
            _para(
                _("{count} Party members in the list have no level recorded yet.").format(
                    count=format_number(report.pending)
                )
            )
        )
    return found


class LevelCounts(Protocol):
    """A cell's (YearFigures) or a bloc's (BlocFigures) members per level."""

    @property
    def levels(self) -> Mapping[str, int]: ...

    @property
    def rated(self) -> int: ...


def level_rows(figures: LevelCounts) -> list[list[str]]:
    rows = [
        [
            str(n),
            _(LEVELS[level]),
            format_number(figures.levels[level]),
            format_percent(figures.levels[level], figures.rated),
        ]
        for n, level in enumerate(LEVEL_ORDER, start=1)
    ]
    rows.append(["", _("Total rated"), format_number(figures.rated), format_percent(figures.rated, figures.rated)])
    return rows


def levels_table(figures: LevelCounts) -> Table:
    """Count and share of those rated per level, and the total in bold."""
    layout = TableLayout.of([Column(_(title), width * mm, align) for title, width, align in LEVEL_COLUMNS])
    return layout.short_table(level_rows(figures), total=True)


def _levels(report: RatingsReport) -> list[Flowable]:
    intro = _("Results among the {rated} Party members rated:").format(rated=format_number(report.figures.rated))
    return [_para(intro), levels_table(report.figures)]


def target_text(report: RatingsReport) -> str:
    verdict = _("the target is met") if report.target_met else _("the target is not met")
    return _(
        "Party members rated “{good}” or above: {count}, that is {share} of those rated; against the "
        "cell's target of at least {target}%: {verdict}."
    ).format(
        good=level_label("HTTNV"),
        count=format_number(report.figures.good_or_better),
        share=format_number(report.good_percent, 2) + "%",
        target=format_number(report.target_percent),
        verdict=verdict,
    )


def cap_text(report: RatingsReport) -> str:
    """The cap at the cell: the rule as written, then the cell's own figures as a warning (the grassroots committee
    decides across its cells, DOMAIN.md Rating)."""
    figures = report.figures
    rules = rule_set_for(figures.year)
    verdict = _("the cap is exceeded") if report.cap_exceeded else _("the cap is not exceeded")
    return _(
        "Party members proposed as “{excellent}”: {actual}. The rule ({regulation}): {rule}, decided by the "
        "competent level. {cap}% of the cell's {base} members rated “{good}” is {allowed}: {verdict}; the "
        "grassroots committee decides across its cells."
    ).format(
        excellent=level_label("HTXSNV"),
        actual=format_number(figures.levels["HTXSNV"]),
        regulation=figures.rule_set,
        rule=_(CAP_RULE).format(cap=format_number(rules.cap_percent)),
        cap=format_number(figures.cap_percent),
        base=format_number(sum(figures.levels[level] for level in rules.cap_base)),
        good=level_label("HTTNV"),
        allowed=format_number(figures.excellent_allowed),
        verdict=verdict,
    )


def _against(report: RatingsReport) -> list[Flowable]:
    return [_para(target_text(report)), _para(cap_text(report))]


def cell_level_text(level: str) -> str:
    return _("The cell's own rating for the year: “{level}”.").format(level=_(LEVELS[level]))


def _section(index: int, title: str, body: list[Flowable]) -> list[Flowable]:
    return [KeepTogether([_para(f"{index}. {title}", "heading"), *body[:2]]), *body[2:]]


def ratings_report_story(head: Letterhead, spec: DocumentSpec, report: RatingsReport) -> list[Flowable]:
    sections = [
        (_("Basis of the rating"), _basis(report)),
        (_("Party members rated"), _members(report)),
        (_("Results by level"), _levels(report)),
        (_("Against the target and the cap"), _against(report)),
    ]
    if report.figures.cell_level in LEVELS:
        sections.append((_("The cell's own rating"), [_para(cell_level_text(report.figures.cell_level))]))
    story: list[Flowable] = [*opening(head, spec)]
    for index, (title, body) in enumerate(sections, start=1):
        story += _section(index, title, body)
    story.append(KeepTogether([story.pop(), signature_block(head)]))  # never signed on a page alone
    return story


def build_ratings_report(target: Path, head: Letterhead, report: RatingsReport, *, number: str | None = None) -> int:
    """Write the report at `target` (all or nothing); returns the page count."""
    spec = ratings_report_spec(report.year, number)
    return write_pdf(target, head, spec, ratings_report_story(head, spec, report))
