"""The recruitment documents: Báo cáo công tác phát triển đảng viên and Nghị quyết đề nghị kết nạp (6-KNĐ)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from khoidesktop.datafile.letterhead import committee_of, letterhead
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store.database import Store


def recruitment_report_pdf(
    store: Store, out: Path, *, year: int, today: date, number: str | None = None, extra_days_off: tuple[date, ...] = ()
) -> Path:
    """Báo cáo công tác phát triển đảng viên of `year`, dated `today`, at `out`: files by step, those admitted in
    the year, progress against the targets, new members' share, files overdue or stale."""

    from khoidesktop.datafile.days_off import days_off
    from khoidesktop.domain.recruitment import STEP_CODES
    from khoidesktop.domain.workdays import WorkCalendar
    from khoidesktop.members.structure import admissions_between
    from khoidesktop.recruitment.records import steps_of
    from khoidesktop.recruitment.report_pdf import (
        Admitted,
        Overdue,
        RecruitmentReport,
        Stale,
        Target,
        build_recruitment_report,
    )
    from khoidesktop.recruitment.stats import file_rows, recruitment_figures

    with store.session() as session:
        head = letterhead(session, today)
        calendar = WorkCalendar((*days_off(session), *extra_days_off))  # the file's working days, as on the screen
        figures = recruitment_figures(session, year, today, calendar)
        admitted = tuple(Admitted(name, on, number_) for name, on, number_ in admissions_between(session, year, year))
        overdue, stale = [], []
        for row in file_rows(session, today, calendar):
            if row.overdue and row.deadline is not None:
                overdue.append(Overdue(row.candidate.full_name, _(row.deadline.what), row.deadline.due))
            if row.stale and row.step is not None:  # a stale file has a step
                index = STEP_CODES.index(row.step)
                stale.append(
                    Stale(
                        row.candidate.full_name,
                        row.step,
                        steps_of(session, row.candidate.id)[row.step].on_date,
                        STEP_CODES[index + 1] if index + 1 < len(STEP_CODES) else None,
                    )
                )
    term = figures["term"]
    report = RecruitmentReport(
        year,
        today,
        tuple(figures["files_by_step"].items()),
        figures["files_open"],
        admitted,
        Target(year, year, figures["year_target"], figures["admitted_in_year"])
        if figures["year_target"] is not None
        else None,
        Target(term["first_year"], term["last_year"], term["target"], term["admitted"]) if term else None,
        figures["new_members_percent"],
        tuple(overdue),
        tuple(stale),
    )
    build_recruitment_report(out, head, report, number=number)
    return out.expanduser().absolute()


def admission_resolution_pdf(
    store: Store, out: Path, *, candidate_id: int, today: date, number: str | None = None
) -> Path:
    """Nghị quyết đề nghị kết nạp đảng viên (6-KNĐ) of one recruitment file at `out`, dated the day the cell voted
    (it is drawn up at that meeting; `today` is the day it is printed). The cell resolution must be recorded."""
    from khoidesktop.domain.members import EDUCATION, THEORY, label
    from khoidesktop.domain.recruitment import RULES
    from khoidesktop.recruitment.records import steps_of
    from khoidesktop.recruitment.resolution_pdf import AdmissionResolution, build_admission_resolution
    from khoidesktop.store.models import Candidate, Member

    with store.session() as session:
        candidate = session.get(Candidate, candidate_id)
        if candidate is None:
            raise ValidationError(_("This recruitment file no longer exists."))
        steps = steps_of(session, candidate_id)
        step = steps.get("cell_resolution")
        if step is None:
            raise ValidationError(
                _(
                    "The cell's vote on admitting {name} is not recorded yet: record the step "
                    "“Cell resolution proposing admission” first."
                ).format(name=candidate.full_name)
            )
        head = letterhead(session, min(step.on_date, today))
        case = RULES.case(candidate.introduction_case)
        by_organisation = steps.get("organisation_resolution") if case.organisation else None
        names = []
        for member_id in (candidate.introducer1_id, candidate.introducer2_id):
            member = session.get(Member, member_id) if member_id else None
            names.append(member.full_name if member is not None else "")
        resolution = AdmissionResolution(
            head.issuer,
            committee_of(head.superior),
            step.on_date,
            candidate.full_name,
            candidate.birth_date,
            candidate.home_town,
            candidate.position,
            candidate.work_unit,
            label(EDUCATION, candidate.professional_education),
            label(THEORY, candidate.political_theory),
            candidate.certificate_on,
            (names[0], names[1]),
            candidate.official_members or 0,
            candidate.votes_for or 0,
            candidate.votes_against or 0,
            candidate.votes_abstain or 0,
            organisation=_(case.organisation) if case.organisation else "",
            organisation_resolution_on=by_organisation.on_date if by_organisation else None,
            organisation_resolution_number=by_organisation.document_number if by_organisation else "",
        )
    build_admission_resolution(out, head, resolution, number=number)
    return out.expanduser().absolute()
