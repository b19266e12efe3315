"""One definition for each headline figure (issue 13, item 12): the overview's cards, the structure report and the
summary bundle count the same members the same way — official by the official date, admissions by the admission
decision, whether the member was entered by hand or made by a recruitment file."""

from __future__ import annotations

from datetime import date

import pytest

from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.members.structure import admitted_between, headline_counts, structure_on
from khoidesktop.store.models import Candidate, CandidateStep
from tests.conftest import FIXED_NOW

TODAY = FIXED_NOW.date()


@pytest.fixture
def cell(store):
    """Two official members, one entered by hand as admitted this year, one saved as official with no official date,
    one who came by transfer (admitted elsewhere this year), and a recruitment file whose decision is recorded."""
    with store.session() as s, s.begin():
        for name in ("Nguyễn Văn An", "Trần Thị Bình"):
            data = MemberData(name, gender="female", admitted_on=date(2000, 1, 1), official_on=date(2001, 1, 1))
            add_member(s, data, now=FIXED_NOW, actor="t")
        add_member(
            s, MemberData("Lê Văn Mới", admitted_on=date(2026, 3, 2), status="probationary"), now=FIXED_NOW, actor="t"
        )
        add_member(s, MemberData("Phạm Không Ngày", admitted_on=date(1999, 5, 5)), now=FIXED_NOW, actor="t")
        came = add_member(
            s,
            MemberData("Hoàng Chuyển Đến", admitted_on=date(2026, 1, 5), status="probationary"),
            now=FIXED_NOW,
            actor="t",
        )
        add_event(s, came.id, "transfer_in", date(2026, 6, 1), now=FIXED_NOW, actor="t")
        candidate = Candidate(full_name="Đỗ Sắp Vào", created_at=FIXED_NOW, updated_at=FIXED_NOW)
        s.add(candidate)
        s.flush()
        s.add(CandidateStep(candidate_id=candidate.id, step="decision", on_date=date(2026, 10, 1)))
    return store


def test_the_headline_counts_and_the_structure_agree(cell):
    with cell.session() as s:
        counts, structure = headline_counts(s, TODAY), structure_on(s, TODAY)
    assert counts.active == structure.total == 5
    assert counts.official == structure.groups["official"].count == 3  # An, Bình, Phạm (official without a date)
    assert counts.probationary == structure.groups["probationary"].count == 2
    assert counts.women == structure.groups["women"].count == 2


def test_admissions_count_the_hand_entered_member_and_the_pending_file_not_the_transfer(cell):
    with cell.session() as s:
        assert admitted_between(s, 2026, 2026) == 2  # Lê Văn Mới (by hand) and Đỗ Sắp Vào (decision recorded)
        assert admitted_between(s, 1999, 2000) == 3
        assert admitted_between(s, 2025, 2025) == 0


def test_the_overview_shows_the_same_figures(window, cell):
    window.set_store(cell)
    overview = window.page("tong-quan")
    cards = {key: card.value.text() for key, card in overview.cards.items()}
    with cell.session() as s:
        counts = headline_counts(s, TODAY)
        admitted = admitted_between(s, TODAY.year, TODAY.year)
    assert cards["active"] == str(counts.active) and cards["official"] == str(counts.official)
    assert cards["probationary"] == str(counts.probationary) and cards["admitted"] == str(admitted) == "2"


def test_the_recruitment_figures_the_report_and_the_bundle_count_the_same_admissions(cell, tmp_path):
    from khoidesktop.domain.periods import Period
    from khoidesktop.domain.workdays import WorkCalendar
    from khoidesktop.exchange.summary import cell_figures, figures_part, read_unit
    from khoidesktop.recruitment.documents import recruitment_report_pdf
    from khoidesktop.recruitment.stats import recruitment_figures
    from tests.reports.pdf import all_text

    with cell.session() as s:
        figures = recruitment_figures(s, 2026, TODAY)
        sent = figures_part(cell_figures(s, Period(2026), TODAY, WorkCalendar()))
    assert figures["admitted_in_year"] == 2
    assert sent["recruitment"]["admitted"] == 2
    parts = {"figures": sent, "units": {"expected": 0, "units": []}}
    assert read_unit(parts, Period(2026)).admitted == 2  # what the level above reads
    text = all_text(recruitment_report_pdf(cell, tmp_path / "bc.pdf", year=2026, today=TODAY))
    assert "Trong năm 2026, chi bộ đã kết nạp 2 đảng viên mới:" in text
    assert "Đồng chí Lê Văn Mới" in text and "Đồng chí Đỗ Sắp Vào" in text and "Hoàng Chuyển Đến" not in text
