"""The recruitment pipeline: each file's step and next deadline (overdue, stale), the targets, and the
year's figures (`stats recruitment`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.recruitment import STEP_CODES
from khoidesktop.domain.workdays import WorkCalendar
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_date, percent
from khoidesktop.members.structure import admitted_between, iter_statuses_on
from khoidesktop.recruitment.records import Deadline, all_steps, current_step, is_stale, next_deadline
from khoidesktop.store.models import Candidate, CandidateStep, RecruitmentTarget

REMIND_WORKING_DAYS = 10  # two weeks ahead


@dataclass(frozen=True)
class FileRow:
    candidate: Candidate
    step: str | None
    deadline: Deadline | None
    stale: bool

    @property
    def overdue(self) -> bool:
        return self.deadline is not None and self.deadline.working_days_left < 0


def file_rows(session: Session, today: date, calendar: WorkCalendar | None = None) -> list[FileRow]:
    calendar = calendar or WorkCalendar()
    rows = []
    steps_by_file = all_steps(session)
    for candidate in session.scalars(select(Candidate).order_by(Candidate.full_name)):
        steps = steps_by_file.get(candidate.id, {})
        rows.append(
            FileRow(
                candidate,
                current_step(steps),
                next_deadline(
                    steps, candidate.extended, today, calendar, decision_received_on=candidate.decision_received_on
                ),
                is_stale(steps, today),
            )
        )
    return rows


def reminders(rows: list[FileRow]) -> list[str]:
    """For the overview: overdue files, deadlines within two weeks, stale files."""
    found = []
    for row in rows:
        name, deadline = row.candidate.full_name, row.deadline
        if row.overdue and deadline is not None:
            found.append(
                _("{name}: “{what}” was due on {date} (overdue).").format(
                    name=name, what=_(deadline.what), date=format_date(deadline.due)
                )
            )
        elif deadline and deadline.working_days_left <= REMIND_WORKING_DAYS:
            found.append(
                _("{name}: “{what}” is due on {date} ({days} working days left).").format(
                    name=name, what=_(deadline.what), date=format_date(deadline.due), days=deadline.working_days_left
                )
            )
        if row.stale:
            found.append(_("{name}: the file has not moved for 12 months.").format(name=name))
    return found


def set_target(session: Session, first_year: int, last_year: int, target: int) -> RecruitmentTarget:
    if target < 0 or last_year < first_year:
        raise ValidationError(_("A target is a number of admissions over a year or a term."))
    found = session.scalar(
        select(RecruitmentTarget).where(
            RecruitmentTarget.first_year == first_year, RecruitmentTarget.last_year == last_year
        )
    )
    found = found or RecruitmentTarget(first_year=first_year, last_year=last_year, target=target)
    found.target = target
    session.add(found)
    return found


def recruitment_figures(
    session: Session, year: int, today: date, calendar: WorkCalendar | None = None
) -> dict[str, Any]:
    rows = file_rows(session, today, calendar)
    targets = list(session.scalars(select(RecruitmentTarget)))
    year_target = next((t for t in targets if t.first_year == t.last_year == year), None)
    term = next((t for t in targets if t.first_year <= year <= t.last_year and t.last_year > t.first_year), None)
    admitted_year = admitted_between(session, year, year)
    admitted_term = admitted_between(session, term.first_year, term.last_year) if term else None
    members_end = sum(1 for _m in iter_statuses_on(session, min(today, date(year, 12, 31))))
    by_step = Counter(r.step for r in rows)
    return {
        "year": year,
        "files_by_step": {code: by_step[code] for code in STEP_CODES},
        "files_open": sum(1 for r in rows if r.step not in ("official", None)),
        "admitted_in_year": admitted_year,
        "year_target": year_target.target if year_target else None,
        "term": {
            "first_year": term.first_year,
            "last_year": term.last_year,
            "target": term.target,
            "admitted": admitted_term,
        }
        if term
        else None,
        "progress_percent": percent(admitted_term, term.target)
        if term and admitted_term is not None
        else (percent(admitted_year, year_target.target) if year_target else None),
        "members_at_end": members_end,
        "new_members_percent": percent(admitted_year, members_end),
        "overdue": [
            {"full_name": r.candidate.full_name, "due": r.deadline.due.isoformat(), "what": _(r.deadline.what)}
            for r in rows
            if r.overdue and r.deadline is not None
        ],
        "stale": [r.candidate.full_name for r in rows if r.stale],
    }


def voted_files(session: Session) -> list[tuple[int, str, date]]:
    """The recruitment files whose cell resolution proposing admission is recorded (those that have a 6-KNĐ
    resolution to print): id, name, day of the vote; the latest vote first."""
    query = (
        select(Candidate.id, Candidate.full_name, CandidateStep.on_date)
        .join(CandidateStep, CandidateStep.candidate_id == Candidate.id)
        .where(CandidateStep.step == "cell_resolution")
        .order_by(CandidateStep.on_date.desc(), Candidate.full_name)
    )
    return [(id_, name, on) for id_, name, on in session.execute(query)]
