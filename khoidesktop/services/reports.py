"""Report use cases: read what a document needs through the services, then write the PDF.

The CLI and the GUI call these; reportlab is imported only when a report is actually made."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from khoidesktop.domain.names import normalize_text
from khoidesktop.domain.rating_rules import RuleSet, rule_set_for
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.services.identity import get_identity
from khoidesktop.services.members import active_members
from khoidesktop.services.structure import structure_on
from khoidesktop.store.database import Store

if TYPE_CHECKING:
    from khoidesktop.reports.frame import Letterhead
    from khoidesktop.store.models import Identity

GRASSROOTS_PREFIX, COMMITTEE_PREFIX = "Đảng bộ ", "Đảng ủy "
BLOC_COMMITTEE_PREFIX = COMMITTEE_PREFIX + "Khối "
COMMITTEE_CODE, BLOC_COMMITTEE_CODE = "ĐU", "ĐUK"  # in the number line: Số 05-BC/ĐUK


def committee_of(organisation: str) -> str:
    """The executive committee that receives a document: "Đảng bộ Sở Tài chính" → "Đảng ủy Sở Tài chính"."""
    if organisation.startswith(GRASSROOTS_PREFIX):
        return COMMITTEE_PREFIX + organisation[len(GRASSROOTS_PREFIX):]
    return organisation


def letterhead(session: Session, today: date) -> Letterhead:
    """Who issues the cell's documents: the cell under its grassroots organisation (the body directly above
    it, HD 36-HD/VPTW), signed by the secretary, sent to the grassroots committee and kept by the cell."""
    from khoidesktop.reports.frame import Letterhead

    identity = get_identity(session)
    if identity is None:
        raise ValidationError(_("This data file has no cell yet."))
    if identity.kind == "bloc":
        return _bloc_letterhead(identity, today)
    above = identity.org_name
    if normalize_text(above).casefold() == normalize_text(identity.cell_name).casefold():
        above = identity.superior_name  # the cell is itself the grassroots organisation
    recipients = (_("{body} (to report)").format(body=committee_of(above)), _("Cell records"))
    return Letterhead(superior=above, issuer=identity.cell_name, place=identity.place_name, dated=today,
                      secretary=identity.secretary_name, recipients=recipients, training=identity.training)


def _bloc_letterhead(identity: Identity, today: date) -> Letterhead:
    """A bloc's documents: issued by the executive committee of its organisation ("Đảng ủy Khối …") under the
    superior committee, signed T/M ĐẢNG ỦY by the secretary, sent to the superior and kept by its office."""
    from khoidesktop.reports.frame import ON_BEHALF_COMMITTEE, Letterhead

    issuer = committee_of(identity.org_name)
    recipients = (_("{body} (to report)").format(body=committee_of(identity.superior_name)),
                  _("Committee office records"))
    return Letterhead(superior=identity.superior_name, issuer=issuer, place=identity.place_name, dated=today,
                      secretary=identity.secretary_name, recipients=recipients, training=identity.training,
                      on_behalf=ON_BEHALF_COMMITTEE, issuer_code=committee_code(issuer))


def committee_code(committee: str) -> str:
    """The issuer's code in a committee's number line: "Đảng ủy Khối …" → ĐUK, any other "Đảng ủy …" → ĐU."""
    return BLOC_COMMITTEE_CODE if committee.startswith(BLOC_COMMITTEE_PREFIX) else COMMITTEE_CODE


def roster_pdf(store: Store, out: Path, *, today: date, number: str | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Path:
    """Danh sách đảng viên at `out`, dated `today`. Raises ReportCancelled (and writes nothing) if
    `cancelled()` turns true; `progress(done, total)` follows the rows laid out."""
    from khoidesktop.reports.roster import RosterRow, build_roster

    with store.session() as session:
        head = letterhead(session, today)
        rows = [RosterRow.of(m) for m in active_members(session)]
    build_roster(out, head, rows, number=number, progress=progress, cancelled=cancelled)
    return out.expanduser().absolute()


def structure_pdf(store: Store, out: Path, *, on: date, today: date, number: str | None = None) -> Path:
    """Báo cáo cơ cấu đảng viên on the date `on`, dated `today`, at `out`."""
    from khoidesktop.reports.structure_report import build_structure

    with store.session() as session:
        head = letterhead(session, today)
        structure = structure_on(session, on)
    build_structure(out, head, structure, number=number)
    return out.expanduser().absolute()


def minutes_pdf(store: Store, out: Path, *, meeting_id: int, today: date, number: str | None = None) -> Path:
    """Biên bản sinh hoạt chi bộ of one meeting at `out`. The minutes are dated the day of the meeting (they
    are drawn up at it); `today` is the day they are printed."""
    from sqlalchemy import select

    from khoidesktop.reports.minutes import Absentee, Minutes, build_minutes
    from khoidesktop.services.meetings import check_vote, load_meeting
    from khoidesktop.store.models import Member, ThematicTopic

    with store.session() as session:
        data = load_meeting(session, meeting_id)
        head = letterhead(session, min(data.on_date, today))
        topic = session.get(ThematicTopic, data.thematic_topic_id) if data.thematic_topic_id else None
        roll = session.scalars(select(Member).where(Member.id.in_(data.attendance)).order_by(Member.sort_key))
        absentees = tuple(Absentee(m.full_name, presence, reason) for m in roll
                          for presence, reason in [data.attendance[m.id]] if presence != "present")
        minutes = Minutes(data, topic.title if topic is not None else data.topic, len(data.attendance),
                          absentees, check_vote(session, data))
    build_minutes(out, head, minutes, number=number)
    return out.expanduser().absolute()


def meetings_report_pdf(store: Store, out: Path, *, year: int, quarter: int | None, today: date,
                        number: str | None = None) -> Path:
    """Báo cáo tình hình sinh hoạt chi bộ for a year or one of its quarters, dated `today`, at `out`."""
    from collections import Counter
    from dataclasses import replace

    from sqlalchemy import select

    from khoidesktop.reports.meetings_report import MeetingsPeriod, Truant, build_meetings_report
    from khoidesktop.services.meeting_stats import meetings_of, year_summary
    from khoidesktop.services.meetings import topics_of
    from khoidesktop.store.models import MeetingAttendance

    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError(_("Choose the quarter."))
    with store.session() as session:
        head = letterhead(session, today)
        summary = year_summary(session, year, today)
        topics: dict[int, list[str]] = {}
        for topic in topics_of(session, year):
            topics.setdefault(topic.quarter, []).append(topic.title)
        if quarter:
            summary = replace(summary, rows=meetings_of(session, year, quarter))
            counts = Counter(session.scalars(select(MeetingAttendance.member_id).where(
                MeetingAttendance.meeting_id.in_([r.id for r in summary.rows]),
                MeetingAttendance.presence == "unexcused")))
            truants = sorted((Truant(a.member.full_name, counts[a.member.id], a.count) for a in summary.unexcused
                              if counts[a.member.id]), key=lambda t: -t.count)
        else:
            truants = [Truant(a.member.full_name, a.count, a.count) for a in summary.unexcused]
    period = MeetingsPeriod(summary, quarter, today, topics, tuple(truants))
    build_meetings_report(out, head, period, number=number)
    return out.expanduser().absolute()


def _rule_set(year: int) -> RuleSet:
    """The rule set that judged `year`; a year no regulation covers is the user's error."""
    try:
        return rule_set_for(year)
    except ValueError:
        raise ValidationError(_("No rating regulation covers the year {year}.").format(year=year)) from None


def ratings_report_pdf(store: Store, out: Path, *, year: int, today: date, target_percent: float = 95.0,
                       number: str | None = None) -> Path:
    """Báo cáo kết quả đánh giá, xếp loại đảng viên of `year` under its rule set, dated `today`, at `out`;
    the share rated HTTNV or above is set against `target_percent`."""
    from khoidesktop.reports.ratings_report import RatingsReport, build_ratings_report
    from khoidesktop.services.ratings import rating_rows, year_figures, year_settings

    rules = _rule_set(year)
    if not 0 <= target_percent <= 100:
        raise ValidationError(_("The target is a share between 0 and 100%."))
    with store.session() as session:
        head = letterhead(session, today)
        report = RatingsReport(year_figures(session, year), year_settings(session, year).rating_date,
                               len(rating_rows(session, year)), rules.scored, rules.thresholds, target_percent)
    build_ratings_report(out, head, report, number=number)
    return out.expanduser().absolute()


def rating_list_pdf(store: Store, out: Path, *, year: int, today: date, number: str | None = None) -> Path:
    """Danh sách đề nghị xếp loại chất lượng đảng viên of `year`, dated `today`, at `out`: every member of the
    year's list, those not rated last with the reason."""
    from khoidesktop.domain.rating_rules import AUTOMATIC, EXCLUSIONS
    from khoidesktop.reports.rating_list import RatingList, RatingListRow, build_rating_list
    from khoidesktop.services.ratings import rating_rows

    rules = _rule_set(year)
    with store.session() as session:
        head = letterhead(session, today)
        rows = []
        for row in rating_rows(session, year):
            rating, member = row.rating, row.member
            notes = [_(AUTOMATIC[code]) for code in row.automatic] + ([rating.notes] if rating and rating.notes
                                                                       else [])
            rows.append(RatingListRow(
                member.full_name, member.birth_date, rating.self_level if rating else None,
                rating.score if rating else None, rating.level if rating else None, "; ".join(notes),
                _(EXCLUSIONS[row.exclusion]) if row.exclusion else None))
    build_rating_list(out, head, RatingList(year, rules.regulation, rules.scored, tuple(rows)), number=number)
    return out.expanduser().absolute()


def recruitment_report_pdf(store: Store, out: Path, *, year: int, today: date, number: str | None = None,
                           extra_days_off: tuple[date, ...] = ()) -> Path:
    """Báo cáo công tác phát triển đảng viên of `year`, dated `today`, at `out`: files by step, those admitted in
    the year, progress against the targets, new members' share, files overdue or stale."""
    from sqlalchemy import extract, select

    from khoidesktop.domain.recruitment import STEP_CODES
    from khoidesktop.domain.workdays import WorkCalendar
    from khoidesktop.reports.recruitment_report import (
        Admitted,
        Overdue,
        RecruitmentReport,
        Stale,
        Target,
        build_recruitment_report,
    )
    from khoidesktop.services.recruitment import steps_of
    from khoidesktop.services.recruitment_stats import file_rows, recruitment_figures
    from khoidesktop.store.models import Candidate, CandidateStep

    with store.session() as session:
        head = letterhead(session, today)
        calendar = WorkCalendar(extra_days_off)  # the same working days as the screen
        figures = recruitment_figures(session, year, today, calendar)
        decisions = session.execute(
            select(Candidate.full_name, CandidateStep.on_date, CandidateStep.document_number)
            .join(CandidateStep, CandidateStep.candidate_id == Candidate.id)
            .where(CandidateStep.step == "decision", extract("year", CandidateStep.on_date) == year)
            .order_by(CandidateStep.on_date, Candidate.full_name))
        admitted = tuple(Admitted(name, on, number_) for name, on, number_ in decisions)
        overdue, stale = [], []
        for row in file_rows(session, today, calendar):
            if row.overdue:
                overdue.append(Overdue(row.candidate.full_name, _(row.deadline.what), row.deadline.due))
            if row.stale:
                index = STEP_CODES.index(row.step)
                stale.append(Stale(row.candidate.full_name, row.step, steps_of(session, row.candidate.id)[row.step]
                                   .on_date, STEP_CODES[index + 1] if index + 1 < len(STEP_CODES) else None))
    term = figures["term"]
    report = RecruitmentReport(
        year, today, tuple(figures["files_by_step"].items()), figures["files_open"], admitted,
        Target(year, year, figures["year_target"], figures["admitted_in_year"])
        if figures["year_target"] is not None else None,
        Target(term["first_year"], term["last_year"], term["target"], term["admitted"]) if term else None,
        figures["new_members_percent"], tuple(overdue), tuple(stale))
    build_recruitment_report(out, head, report, number=number)
    return out.expanduser().absolute()


def admission_resolution_pdf(store: Store, out: Path, *, candidate_id: int, today: date,
                             number: str | None = None) -> Path:
    """Nghị quyết đề nghị kết nạp đảng viên (6-KNĐ) of one recruitment file at `out`, dated the day the cell voted
    (it is drawn up at that meeting; `today` is the day it is printed). The cell resolution must be recorded."""
    from khoidesktop.domain.members import EDUCATION, THEORY, label
    from khoidesktop.reports.admission_resolution import AdmissionResolution, build_admission_resolution
    from khoidesktop.services.recruitment import steps_of
    from khoidesktop.store.models import Candidate, Member

    with store.session() as session:
        candidate = session.get(Candidate, candidate_id)
        if candidate is None:
            raise ValidationError(_("This recruitment file no longer exists."))
        step = steps_of(session, candidate_id).get("cell_resolution")
        if step is None:
            raise ValidationError(_("The cell's vote on admitting {name} is not recorded yet: record the step "
                                    "“Cell resolution proposing admission” first.").format(name=candidate.full_name))
        head = letterhead(session, min(step.on_date, today))
        names = []
        for member_id in (candidate.introducer1_id, candidate.introducer2_id):
            member = session.get(Member, member_id) if member_id else None
            names.append(member.full_name if member is not None else "")
        resolution = AdmissionResolution(
            head.issuer, committee_of(head.superior), step.on_date, candidate.full_name, candidate.birth_date,
            candidate.home_town, candidate.position, candidate.work_unit,
            label(EDUCATION, candidate.professional_education), label(THEORY, candidate.political_theory),
            candidate.certificate_on, (names[0], names[1]), candidate.official_members or 0,
            candidate.votes_for or 0, candidate.votes_against or 0, candidate.votes_abstain or 0)
    build_admission_resolution(out, head, resolution, number=number)
    return out.expanduser().absolute()
