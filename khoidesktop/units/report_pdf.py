"""The bloc's reports (bloc mode): the figures its units sent for a period, summed (units.records), in the
documents' frame: the member structure, the rating of the members, the admission of new members.

Each has the bloc's totals (the cell reports' own tables), one row per unit ("Chưa gửi" for a unit that sent
nothing for the period) and a line saying how many units sent their figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER, level_label
from khoidesktop.domain.recruitment import STEP_CODES
from khoidesktop.exchange.figures import Figures
from khoidesktop.i18n import N_, _, format_date, format_number, format_percent
from khoidesktop.members.structure_pdf import structure_sections
from khoidesktop.ratings.report_pdf import levels_table, lower_first
from khoidesktop.recruitment.report_pdf import steps_table
from khoidesktop.reports.frame import (
    KIND_REPORT,
    TEXT_WIDTH,
    DocumentSpec,
    Letterhead,
    opening,
    signature_block,
    write_pdf,
)
from khoidesktop.reports.paged_table import Column, TableLayout
from khoidesktop.reports.styles import styles

NOT_SENT = N_("Not sent")
NOTHING = "—"  # a figure the unit has not set (a target)
ROMAN = ("I", "II", "III", "IV", "V")
# Every per-unit table: number, unit, members (widths in mm), then its own columns; 165 mm in all.
NO_WIDTH, MEMBERS_WIDTH = 10, 14
UNITS_ROOM = 70 * mm  # a per-unit table starts on a new page unless its heading and a few rows fit
AFTER_TABLE = 6  # points between a table and the paragraph after it
# Per-unit structure: (title, width, the GROUP_LABELS keys counted together).
STRUCTURE_COLUMNS = (
    (N_("Female"), 15.5, ("women",)),
    (N_("Ethnic minority"), 15.5, ("ethnic_minority",)),
    (N_("Under 40"), 15.5, ("under_40",)),
    (N_("Over 60"), 15.5, ("over_60",)),
    (N_("Master or higher"), 15.5, ("doctorate", "masters")),
    (N_("Advanced or bachelor political theory"), 16, ("theory_advanced", "theory_bachelor")),
    (N_("Probationary"), 15.5, ("probationary",)),
)
LEVEL_WIDTHS = {"HTXSNV": 18, "HTTNV": 16, "HTNV": 15.5, "KHTNV": 16}
RATING_COLUMNS = (
    (N_("Rated"), 13),
    *((code, width) for code, width in LEVEL_WIDTHS.items()),
    (N_("Not rated"), 13),
    (N_("Rating of the unit"), 18),
)
RECRUITMENT_COLUMNS = (
    N_("Year's target"),
    N_("Admitted in the year"),
    N_("Share of the year's target"),
    N_("Term's target"),
    N_("Admitted in the term"),
    N_("Share of the term's target"),
    N_("Files in progress"),
)
RECRUITMENT_WIDTHS = (14, 15, 16, 14, 15, 16, 14)


@dataclass(frozen=True)
class UnitLine:
    name: str
    figures: Figures | None  # None: nothing sent for the period
    level: str | None = None  # this level's rating of the unit for the period's year (None: not rated)


@dataclass(frozen=True)
class BlocReport:
    """What a bloc report prints: the period, every unit (in Vietnamese order) and the sum."""

    period: Period
    units: tuple[UnitLine, ...]
    figures: Figures

    @property
    def missing(self) -> list[str]:
        return [unit.name for unit in self.units if unit.figures is None]


def para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(escape(text), getattr(styles(), style_name))


def heading(index: int, title: str) -> Paragraph:
    return para(f"{ROMAN[index]}. {title}", "heading")


def items(lines: Sequence[str]) -> list[Flowable]:
    last = len(lines) - 1
    return [para(f"- {line}{'.' if i == last else ';'}") for i, line in enumerate(lines)]


def sent_text(report: BlocReport) -> str:
    text = _("{sent} of the {units} units under the committee sent their figures for {period}.").format(
        sent=format_number(report.figures.units), units=format_number(len(report.units)), period=report.period.label()
    )
    if report.missing:
        text += " " + _("Not sent yet: {names}.").format(names=", ".join(report.missing))
    return text


def summed_subtitle(period: Period) -> str:
    return _("(Summed for the whole Party organisation, {period})").format(period=period.label())


def share_cell(count: int, whole: int) -> str:
    """The count and, under it, its share: "17" / "42,50%"."""
    return f"{format_number(count)}\n{format_percent(count, whole)}"


def sent(unit: UnitLine) -> Figures:
    """The figures of a unit that sent them (unit_table asks only those for their cells)."""
    assert unit.figures is not None
    return unit.figures


def unit_table(
    columns: Sequence[Column],
    report: BlocReport,
    cells: Callable[[UnitLine], list[str]],
    total: list[str],
    counted: str = N_("Members in all"),
) -> Table:
    """One row per unit: number, name, members, then `columns` (a unit that sent nothing: "Chưa gửi" across its
    figures); then the bloc's `total` (members and `columns`)."""
    name_width = TEXT_WIDTH - (NO_WIDTH + MEMBERS_WIDTH) * mm - sum(c.width for c in columns)
    layout = TableLayout.of(
        [
            Column(_("No."), NO_WIDTH * mm, "CENTRE"),
            Column(_("Unit"), name_width),
            Column(_(counted), MEMBERS_WIDTH * mm, "CENTRE"),
            *columns,
        ]
    )
    rows = [
        [str(n), unit.name, *(cells(unit) if unit.figures else [_(NOT_SENT)] + [""] * len(columns))]
        for n, unit in enumerate(report.units, start=1)
    ]
    not_sent = {i: 2 for i, unit in enumerate(report.units) if unit.figures is None}
    return layout.short_table([*rows, ["", _("Whole Party organisation"), *total]], total=True, merged=not_sent)


def unit_section(index: int, title: str, table: Table, *notes: str) -> list[Flowable]:
    """The per-unit table under its heading (never alone at the foot of a page), its notes before it."""
    return [CondPageBreak(UNITS_ROOM), heading(index, title), *(para(note) for note in notes), table]


def _figure_columns(titles: Sequence[str], widths: Sequence[float]) -> list[Column]:
    return [Column(_(title), width * mm, "CENTRE") for title, width in zip(titles, widths, strict=True)]


def closing_text(head: Letterhead, spec: DocumentSpec) -> str:
    """ "Trên đây là báo cáo … của Đảng ủy Khối …": the last paragraph, kept with the signature."""
    return _("The above is the {title} of the {issuer}.").format(title=lower_first(spec.title), issuer=head.issuer)


def build_document(target: Path, head: Letterhead, spec: DocumentSpec, story: list[Flowable]) -> int:
    ending = KeepTogether([para(closing_text(head, spec)), signature_block(head)])  # never signed on a page alone
    return write_pdf(target, head, spec, [*opening(head, spec), *story, Spacer(1, AFTER_TABLE), ending])


# --- Structure ----------------------------------------------------------------------------------------------


def structure_cells(counts: Mapping[str, int]) -> list[str]:
    """Members, then each key figure with its share of them (counts: GROUP_LABELS key → count, and "total")."""
    total = counts["total"]
    return [
        format_number(total),
        *(share_cell(sum(counts[key] for key in keys), total) for _t, _w, keys in STRUCTURE_COLUMNS),
    ]


def bloc_structure_story(report: BlocReport) -> list[Flowable]:
    structure = report.figures.structure_result()
    intro = _(
        "As of {date}, the units that sent their figures have {total} Party members in all; the shares "
        "below are percentages of this total."
    ).format(date=format_date(structure.on), total=format_number(structure.total))
    columns = _figure_columns([t for t, _w, _k in STRUCTURE_COLUMNS], [w for _t, w, _k in STRUCTURE_COLUMNS])
    by_unit = unit_table(
        columns, report, lambda u: structure_cells(sent(u).structure), structure_cells(report.figures.structure)
    )
    return [
        para(sent_text(report)),
        para(intro),
        heading(0, _("Structure of the whole Party organisation")),
        *structure_sections(structure),
        *unit_section(
            1,
            _("Structure by unit"),
            by_unit,
            _("Each figure of a unit is followed by its share of the unit's Party members."),
        ),
    ]


def build_bloc_structure(target: Path, head: Letterhead, report: BlocReport, *, number: str | None = None) -> int:
    """Báo cáo cơ cấu đảng viên toàn Đảng bộ at `target` (all or nothing); returns the page count."""
    on = report.figures.structure_result().on
    spec = DocumentSpec(
        KIND_REPORT,
        _("on the structure of Party members in the whole Party organisation"),
        _("(As of {date})").format(date=format_date(on)),
        number,
    )
    return build_document(target, head, spec, bloc_structure_story(report))


# --- Rating -------------------------------------------------------------------------------------------------


def rating_cells(levels: Mapping[str, int], rated: int, not_rated: int, unit_level: str) -> list[str]:
    return [
        format_number(rated),
        *(share_cell(levels[level], rated) for level in LEVEL_ORDER),
        format_number(not_rated),
        unit_level,
    ]


def _unit_rating_cells(unit: UnitLine) -> list[str]:
    """A unit's row: its members' ratings, and this level's rating of the unit (its own self-rating, as its
    bundle says, where this level has not rated it yet, marked "*")."""
    figures = sent(unit)
    own = f"{figures.cell_level}*" if figures.cell_level else NOTHING
    return [
        format_number(figures.members),
        *rating_cells(figures.levels, figures.rated, figures.not_rated, unit.level or own),
    ]


def over_cap(report: BlocReport) -> list[str]:
    """Units with more members rated excellent than their cap allows."""
    return [u.name for u in report.units if u.figures and u.figures.levels["HTXSNV"] > u.figures.excellent_allowed]


def _rating_results(report: BlocReport) -> list[Flowable]:
    figures = report.figures
    found = [
        para(
            _("The rating of the Party members for {year} follows {regulation}.").format(
                year=report.period.year, regulation=", ".join(sorted(figures.rule_sets))
            )
        ),
        para(
            _("{rated} Party members were rated and {not_rated} were not rated.").format(
                rated=format_number(figures.rated), not_rated=format_number(figures.not_rated)
            )
        ),
        levels_table(figures),
        Spacer(1, AFTER_TABLE),
        para(
            _("Party members rated “{good}” or above: {count}, that is {share} of those rated.").format(
                good=level_label("HTTNV"),
                count=format_number(figures.good_or_better()),
                share=format_percent(figures.good_or_better(), figures.rated),
            )
        ),
        para(
            _("Party members rated “{excellent}”: {actual}; the units' caps allow at most {allowed}.").format(
                excellent=level_label("HTXSNV"),
                actual=format_number(figures.levels["HTXSNV"]),
                allowed=format_number(figures.excellent_allowed),
            )
        ),
    ]
    if over_cap(report):
        found.append(para(_("Units above their cap: {names}.").format(names=", ".join(over_cap(report)))))
    return found


def _level_lines(counts: Mapping[str | None, int]) -> list[str]:
    """Each level's count and share of all the units counted, the not rated too (as the Đơn vị page shows them)."""
    rated = sum(counts.values())
    lines = [
        _("{level}: {count} ({share})").format(
            level=level_label(level), count=format_number(counts[level]), share=format_percent(counts[level], rated)
        )
        for level in LEVEL_ORDER
    ]
    if counts[None]:
        lines.append(_("Not rated yet: {count}").format(count=format_number(counts[None])))
    return lines


def _unit_levels(report: BlocReport) -> list[Flowable]:
    """The Party organisations rated by the level above them, tier by tier (a grassroots committee's cells, a
    superior's TCCS …), each with the cap for collectives; then the cells' own ratings as their bundles say."""
    from khoidesktop.datafile.kinds import TIER_LABELS
    from khoidesktop.domain.rating_rules import excellent_allowed, rule_set_for

    found: list[Flowable] = []
    for tier, counts in sorted(report.figures.unit_levels.items()):
        allowed = excellent_allowed(rule_set_for(report.period.year), {k: v for k, v in counts.items() if k})
        found.append(para(_("{units}, rated by the committee they belong to:").format(units=_(TIER_LABELS[tier]))))
        cap = _("“{excellent}” allowed for collectives: at most {allowed}").format(
            excellent=level_label("HTXSNV"), allowed=format_number(allowed)
        )
        if counts["HTXSNV"] > allowed:
            cap += " " + _("(exceeded)")
        found += items([*_level_lines(counts), cap])
    own = report.figures.cell_levels
    if sum(own.values()):
        found.append(para(_("The cells' own ratings, as their bundles say:")))
        found += items(_level_lines(own))
    return found or [para(_("No Party organisation has been rated for {year} yet.").format(year=report.period.year))]


def legend_text() -> str:
    """What the level codes in the per-unit table stand for."""
    return _("Abbreviations: {list}.").format(list="; ".join(f"{code}: {level_label(code)}" for code in LEVEL_ORDER))


def bloc_ratings_story(report: BlocReport) -> list[Flowable]:
    figures = report.figures
    columns = [
        Column(_(title) if title not in LEVEL_WIDTHS else title, width * mm, "CENTRE")
        for title, width in RATING_COLUMNS
    ]
    total = [format_number(figures.total), *rating_cells(figures.levels, figures.rated, figures.not_rated, "")]
    return [
        para(sent_text(report)),
        heading(0, _("Rating of the Party members")),
        *_rating_results(report),
        heading(1, _("Rating of the units")),
        *_unit_levels(report),
        *unit_section(2, _("Rating by unit"), unit_table(columns, report, _unit_rating_cells, total)),
        para(legend_text() + " " + _("*: the unit's own rating, not yet rated by this level."), "plain"),
    ]


def build_bloc_ratings(target: Path, head: Letterhead, report: BlocReport, *, number: str | None = None) -> int:
    """Báo cáo kết quả đánh giá, xếp loại chất lượng đảng viên, summed (all or nothing); returns the page count."""
    spec = DocumentSpec(
        KIND_REPORT,
        _("on the quality rating of Party members in {year}").format(year=report.period.year),
        summed_subtitle(report.period),
        number,
    )
    return build_document(target, head, spec, bloc_ratings_story(report))


# --- Recruitment --------------------------------------------------------------------------------------------


def target_cells(target: int | None, admitted: int) -> list[str]:
    """Target, admitted, share of the target ("—" where no target is set)."""
    if not target:
        return [NOTHING if target is None else "0", format_number(admitted), NOTHING]
    return [format_number(target), format_number(admitted), format_percent(admitted, target)]


def _unit_recruitment_cells(f: Figures) -> list[str]:
    term = target_cells(f.term_target, f.term_admitted) if f.term_target is not None else [NOTHING] * 3
    return [
        format_number(f.members_at_end),
        *target_cells(f.year_target, f.admitted),
        *term,
        format_number(f.files_open),
    ]


@dataclass(frozen=True)
class Targets:
    """How many of the units that sent their figures were given a target for the year, for the term."""

    year: int
    term: int

    @classmethod
    def of(cls, report: BlocReport) -> Targets:
        units = [u.figures for u in report.units if u.figures]
        return cls(sum(u.year_target is not None for u in units), sum(u.term_target is not None for u in units))


def _bloc_recruitment_cells(f: Figures, targets: Targets) -> list[str]:
    year = target_cells(f.year_target, f.admitted) if targets.year else [NOTHING, format_number(f.admitted), NOTHING]
    term = target_cells(f.term_target, f.term_admitted) if targets.term else [NOTHING] * 3
    return [format_number(f.members_at_end), *year, *term, format_number(f.files_open)]


def admitted_text(report: BlocReport) -> str:
    f, year = report.figures, report.period.year
    if not f.admitted:
        return _("In {year} the units admitted no new Party members.").format(year=year)
    return _(
        "In {year} the units admitted {count} new Party members, that is {share} of their {members} Party members."
    ).format(
        year=year,
        count=format_number(f.admitted),
        members=format_number(f.members_at_end),
        share=format_percent(f.admitted, f.members_at_end),
    )


def targets_text(report: BlocReport, targets: Targets) -> list[str]:
    f = report.figures
    if not targets.year and not targets.term:
        return [_("No unit has an admission target for {year}.").format(year=report.period.year)]
    found = []
    if targets.year:
        found.append(
            _(
                "The year's admission target, summed over the {units} units given one: {target}; "
                "admitted: {admitted}, that is {share}."
            ).format(
                units=format_number(targets.year),
                target=format_number(f.year_target or 0),
                admitted=format_number(f.admitted),
                share=format_percent(f.admitted, f.year_target or 0),
            )
        )
    if targets.term:
        found.append(
            _(
                "The term's admission target, summed over the {units} units given one: {target}; "
                "admitted in the term: {admitted}, that is {share}."
            ).format(
                units=format_number(targets.term),
                target=format_number(f.term_target or 0),
                admitted=format_number(f.term_admitted),
                share=format_percent(f.term_admitted, f.term_target or 0),
            )
        )
    return found


def _files(report: BlocReport) -> list[Flowable]:
    f = report.figures
    found = [
        para(
            _("The units keep {total} recruitment files, {open} of them still in progress:").format(
                total=format_number(sum(f.files_by_step.values())), open=format_number(f.files_open)
            )
        ),
        steps_table([(code, f.files_by_step[code]) for code in STEP_CODES]),
        Spacer(1, AFTER_TABLE),
        para(
            _("Files past their deadline: {overdue}; files left at one step for 12 months or more: {stale}.").format(
                overdue=format_number(f.overdue), stale=format_number(f.stale)
            )
        ),
    ]
    late = [f"{u.name} ({format_number(u.figures.overdue)})" for u in report.units if u.figures and u.figures.overdue]
    if late:
        found.append(para(_("Units with files past their deadline: {units}.").format(units=", ".join(late))))
    return found


def bloc_recruitment_story(report: BlocReport) -> list[Flowable]:
    targets = Targets.of(report)
    by_unit = unit_table(
        _figure_columns(RECRUITMENT_COLUMNS, RECRUITMENT_WIDTHS),
        report,
        lambda u: _unit_recruitment_cells(sent(u)),
        _bloc_recruitment_cells(report.figures, targets),
    )
    return [
        para(sent_text(report)),
        heading(0, _("Admission of new Party members")),
        para(admitted_text(report)),
        *(para(text) for text in targets_text(report, targets)),
        heading(1, _("Recruitment files")),
        *_files(report),
        *unit_section(2, _("Recruitment by unit"), by_unit),
    ]


def build_bloc_recruitment(target: Path, head: Letterhead, report: BlocReport, *, number: str | None = None) -> int:
    """Báo cáo công tác phát triển đảng viên, summed (all or nothing); returns the page count."""
    spec = DocumentSpec(KIND_REPORT, _("on the admission of new Party members"), summed_subtitle(report.period), number)
    return build_document(target, head, spec, bloc_recruitment_story(report))
