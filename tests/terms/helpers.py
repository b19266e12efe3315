"""A term as a training cell's congress would set it up: its committee and the targets of its resolution."""

from __future__ import annotations

from datetime import date

from khoidesktop.terms.records import CommitteeForm, TargetForm, TermForm, save_committee_member, save_target, save_term
from tests.conftest import FIXED_NOW

WHO = {"now": FIXED_NOW, "actor": "test"}
TERM = TermForm("2025–2030", date(2025, 6, 1), date(2030, 5, 31), date(2025, 6, 1))
TARGETS = (
    ("Đảng viên hoàn thành tốt nhiệm vụ trở lên", 95, "percent", "members_good"),
    ("Đảng viên hoàn thành xuất sắc nhiệm vụ", 20, "percent", "members_excellent"),
    ("Kết nạp đảng viên mới", 4, "people", "admissions"),
    ("Sinh hoạt chuyên đề", 20, "meetings", "thematic_meetings"),
    ("Chi bộ đạt yêu cầu sinh hoạt", 90, "percent", None),
)
COMMITTEE = (
    ("Nguyễn Văn An", "secretary", date(2025, 6, 1), None, None, "congress"),
    ("Trần Thị Bình", "deputy", date(2025, 6, 1), None, None, "congress"),
    ("Lê Văn Cường", "member", date(2025, 6, 1), date(2026, 3, 1), "moved", "congress"),
    ("Phạm Thị Dung", "member", date(2026, 4, 1), None, None, "added"),
)


def clear_terms(session) -> None:
    """The training data's own term taken away (with all that hangs on it): the tests set up theirs."""
    from sqlalchemy import delete

    from khoidesktop.store import models as m

    for model in (
        m.Delegate,
        m.ElectionCandidate,
        m.Election,
        m.CongressDocument,
        m.CongressSummoned,
        m.Congress,
        m.TermTargetValue,
        m.TermTarget,
        m.CommitteeMember,
        m.Term,
    ):
        session.execute(delete(model))


def add_term(store, targets=TARGETS, committee=COMMITTEE) -> int:
    """The term of this module, in place of any the data file had (the training data's)."""
    with store.session() as session, session.begin():
        clear_terms(session)
        term = save_term(session, TERM, **WHO)
        for position, (name, target, unit, computed) in enumerate(targets):
            save_target(session, TargetForm(term.id, name, target, unit, computed, position=position), **WHO)
        for name, role, start, end, left, came in committee:
            save_committee_member(session, CommitteeForm(term.id, name, role, start, came, end, left), **WHO)
        return term.id


def row_of(store, model, term_id: int, number: int) -> int:
    """The id of the term's `number`-th committee row or target (1: the first made), whatever ids the file gave."""
    from sqlalchemy import select

    with store.session() as session:
        return session.scalars(select(model.id).where(model.term_id == term_id).order_by(model.id)).all()[number - 1]


def ensure_term(store) -> int:
    """The term of `add_term`, added the first time (its committee's third row left office, its fifth target is
    entered by hand: `row_of`)."""
    from khoidesktop.terms.records import terms

    with store.session() as session:
        found = terms(session)
    ours = [t for t in found if (t.name, t.starts_on) == (TERM.name, TERM.starts_on)]
    return ours[0].id if ours else add_term(store)


def ensure_election(store) -> int:
    """The committee's election of the term of `add_term`, counted: two elected of three seats, one not."""
    from khoidesktop.terms.elections import CandidateForm, ElectionForm, elections, save_election

    term_id = ensure_term(store)
    with store.session() as session, session.begin():
        found = elections(session, term_id)
        if found:
            return found[0].id
        candidates = tuple(
            CandidateForm(name, votes=votes)
            for name, votes in (
                ("Nguyễn Văn An", 27),
                ("Trần Thị Bình", 20),
                ("Hoàng Thị Bích", 16),
                ("Đỗ Minh Châu", 15),
            )
        )
        form = ElectionForm(
            term_id, "committee", TERM.starts_on, 3, 30, 29, 29, 29, 28, 1, ("Trần Thị Hoa", "Lê Văn Nam"), candidates
        )
        return save_election(session, form, **WHO).id
