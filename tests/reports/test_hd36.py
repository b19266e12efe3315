"""Every document the program makes, for a cell and for a bloc (their training data files), read back from the PDF
against the sizes of HD 36-HD/VPTW's appendix (reports/styles.SIZES): the header, the type and summary, the body,
the tables, the signature (the name only), the underline and the short rule; no text or line outside the margins."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from khoidesktop.datafile.kinds import CELL_ROLE, KINDS, UNITS_ROLE
from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.demo.files import create_demo_file
from khoidesktop.domain.periods import Period
from khoidesktop.i18n import _, set_language
from khoidesktop.meetings.documents import meetings_report_pdf, minutes_pdf
from khoidesktop.members.documents import badges_pdf, roster_pdf, structure_pdf
from khoidesktop.ratings.documents import rating_list_pdf, ratings_report_pdf
from khoidesktop.recruitment.documents import admission_resolution_pdf, recruitment_report_pdf
from khoidesktop.reports.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from khoidesktop.reports.frame import (
    DOCUMENT_TYPES,
    LEFT,
    NATIONAL_LINE,
    PAGE_SIZE,
    RIGHT,
    SECRETARY,
    TEXT_WIDTH,
    Letterhead,
)
from khoidesktop.reports.styles import RULE_WIDTH, SIZES
from khoidesktop.store.database import Store
from khoidesktop.terms.documents import election_result_pdf, midterm_review_pdf, vote_count_pdf
from khoidesktop.terms.vote_count_pdf import BOARD_MEMBERS, HEAD_OF_BOARD
from khoidesktop.units.documents import (
    bloc_meetings_pdf,
    bloc_ratings_pdf,
    bloc_recruitment_pdf,
    bloc_structure_pdf,
    excellence_resolution_pdf,
)
from tests.conftest import FIXED_NOW
from tests.reports.pdf import Line, Run, drawn_lines, metadata, text_runs

TODAY = FIXED_NOW.date()
CHAIR = "CHỦ TRÌ"  # the minutes are signed by the chair (meetings/minutes_pdf.py)
SIGNERS = (SECRETARY, CHAIR, HEAD_OF_BOARD)  # the vote-count minutes are signed by the counting board's head
VOTES = {  # a round of an election, as the counting board enters it
    "ballots_issued": 28,
    "ballots_valid": 27,
    "what": "Bầu Ban Chấp hành nhiệm kỳ 2025 - 2030",
    "counting_board": ["Trần Thị Hoa", "Lê Văn Nam", "Phạm Quốc Việt"],
    "candidates": [
        {"name": "Nguyễn Văn An", "votes": 25},
        {"name": "Hoàng Thị Bích", "votes": 14},
        {"name": "Đỗ Minh Châu", "votes": 15},
    ],
}
Maker = Callable[[Store, Path], tuple[Path, str]]  # the PDF made, and the name that signs it


def _secretary(store: Store) -> str:
    with store.session() as session:
        return letterhead(session, TODAY).secretary


def _minutes(store: Store, out: Path) -> tuple[Path, str]:
    """The minutes of the demo meeting with the most content, signed by its chair."""
    from sqlalchemy import select

    from khoidesktop.store.models import Meeting

    with store.session() as session:
        meeting = max(session.scalars(select(Meeting)), key=lambda m: len(m.content or ""))
        meeting_id, chair = meeting.id, meeting.chair
    return minutes_pdf(store, out, meeting_id=meeting_id, today=TODAY), chair


def _resolution(store: Store, out: Path) -> tuple[Path, str]:
    from sqlalchemy import select

    from khoidesktop.store.models import CandidateStep

    with store.session() as session:
        step = session.scalars(select(CandidateStep).where(CandidateStep.step == "cell_resolution")).first()
        assert step is not None
        candidate_id = step.candidate_id
    return admission_resolution_pdf(store, out, candidate_id=candidate_id, today=TODAY), _secretary(store)


def _vote_count(store: Store, out: Path) -> tuple[Path, str]:
    import json

    votes = out.with_suffix(".json")
    votes.write_text(json.dumps(VOTES, ensure_ascii=False), encoding="utf-8")
    return vote_count_pdf(store, out, votes_file=votes, summoned=30, seats=2, today=TODAY), "Trần Thị Hoa"


def _midterm(store: Store, out: Path) -> tuple[Path, str]:
    """The mid-term review of a term set up as a congress would (its committee, its targets)."""
    from tests.terms.helpers import ensure_term

    ensure_term(store)
    return midterm_review_pdf(store, out, today=TODAY), _secretary(store)


def _delegates(store: Store, out: Path) -> tuple[Path, str]:
    """The list of delegates to the superior's congress and the delegation's structure (three added if none)."""
    from khoidesktop.terms.delegates import DelegateForm, delegates, save_delegate
    from khoidesktop.terms.documents import delegates_pdf
    from khoidesktop.terms.records import current_term
    from tests.terms.helpers import ensure_term

    ensure_term(store)
    with store.session() as session, session.begin():
        term = current_term(session, TODAY)
        assert term is not None
        if not delegates(session, term.id):
            for name, alternate in (("Nguyễn Văn An", False), ("Trần Thị Bình", False), ("Lê Văn Cường", True)):
                form = DelegateForm(term.id, name, alternate, "male", birth_date=date(1975, 3, 4))
                save_delegate(session, form, now=FIXED_NOW, actor="test")
    return delegates_pdf(store, out, today=TODAY), _secretary(store)


def _election_result(store: Store, out: Path) -> tuple[Path, str]:
    """Thông báo kết quả bầu cử of a stored election, signed as the level's documents are."""
    from tests.terms.helpers import ensure_election

    return election_result_pdf(store, out, election_id=ensure_election(store), today=TODAY), _secretary(store)


def _excellence(store: Store, out: Path) -> tuple[Path, str]:
    """The grassroots committee's resolution, once it has decided on every proposal (the cap's number approved)."""
    from khoidesktop.units.excellence import Decision, decide, excellence_list

    year = TODAY.year - 1
    with store.session() as session, session.begin():
        listing = excellence_list(session, year, TODAY)
        decisions = [
            Decision(p.unit_id, p.full_name, p.birth_date, i < listing.allowed) for i, p in enumerate(listing.proposed)
        ]
        decide(session, year, decisions, today=TODAY, now=FIXED_NOW, actor="test")
    return excellence_resolution_pdf(store, out, year=year, today=TODAY), _secretary(store)


def _signed(make: Callable[[Store, Path], Path]) -> Maker:
    return lambda store, out: (make(store, out), _secretary(store))


YEAR, LAST_YEAR = TODAY.year, Period(TODAY.year - 1)
DECIDES_CAP = "decides the cap"  # a group of MAKERS beside the roles
MAKERS: dict[str, dict[str, Maker]] = {
    CELL_ROLE: {
        "roster": _signed(lambda s, out: roster_pdf(s, out, today=TODAY)),
        "structure": _signed(lambda s, out: structure_pdf(s, out, on=TODAY, today=TODAY)),
        "badges": _signed(lambda s, out: badges_pdf(s, out, year=YEAR, today=TODAY)),
        "minutes": _minutes,
        "meetings": _signed(lambda s, out: meetings_report_pdf(s, out, year=YEAR, quarter=None, today=TODAY)),
        "ratings": _signed(lambda s, out: ratings_report_pdf(s, out, year=YEAR - 1, today=TODAY)),
        "rating-list": _signed(lambda s, out: rating_list_pdf(s, out, year=YEAR - 1, today=TODAY)),
        "recruitment": _signed(lambda s, out: recruitment_report_pdf(s, out, year=YEAR, today=TODAY)),
        "admission-resolution": _resolution,
        "vote-count": _vote_count,
        "election-result": _election_result,
        "midterm-review": _midterm,
        "delegates": _delegates,
    },
    UNITS_ROLE: {
        "bloc-structure": _signed(lambda s, out: bloc_structure_pdf(s, out, period=LAST_YEAR, today=TODAY)),
        "bloc-ratings": _signed(lambda s, out: bloc_ratings_pdf(s, out, period=LAST_YEAR, today=TODAY)),
        "bloc-meetings": _signed(lambda s, out: bloc_meetings_pdf(s, out, period=LAST_YEAR, today=TODAY)),
        "bloc-recruitment": _signed(lambda s, out: bloc_recruitment_pdf(s, out, period=LAST_YEAR, today=TODAY)),
        "vote-count": _vote_count,
        "election-result": _election_result,
        "midterm-review": _midterm,
        "delegates": _delegates,
    },
    # what only the level that decides the members' excellence cap makes (a grassroots committee)
    DECIDES_CAP: {"excellence-resolution": _excellence},
}
NAMES = [f"{role} {name}" for role, makers in MAKERS.items() for name in makers]  # both roles make vote-count
FACES = {"LiberationSerif": REGULAR, "LiberationSerif-Bold": BOLD}
FACES |= {"LiberationSerif-Italic": ITALIC, "LiberationSerif-BoldItalic": BOLD_ITALIC}


class Made:
    """A document made from a training data file: its file, its letterhead, who signs, what was read back."""

    def __init__(self, path: Path, head: Letterhead, signer: str) -> None:
        self.path, self.head, self.signer = path, head, signer
        self.runs = text_runs(path)
        self.lines = drawn_lines(path)
        self.subject = metadata(path)["/Subject"]  # the title: type and summary


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Made]:
    """Every document of the training cell and the training bloc, made once."""
    set_language("vi")
    folder = tmp_path_factory.mktemp("hd36")
    found: dict[str, Made] = {}
    for role, makers in MAKERS.items():
        kind = {UNITS_ROLE: "superior", DECIDES_CAP: "grassroots"}.get(role, "cell")
        store = create_demo_file(folder / f"{role}.sqlite", actor="test", kind=kind, now=lambda: FIXED_NOW)
        try:
            with store.session() as session:
                head = letterhead(session, TODAY)
            for name, make in makers.items():
                path, signer = make(store, folder / f"{role}-{name}.pdf")
                found[f"{role} {name}"] = Made(path, head, signer)
        finally:
            store.close()
    return found


def test_every_document_the_program_offers_is_checked():
    """A new document (in a kind's `documents`) fails here until it is added to MAKERS."""
    assert {kind.role for kind in KINDS.values()} | {DECIDES_CAP} == set(MAKERS)
    for kind in KINDS.values():
        offered = set(MAKERS[kind.role]) | (set(MAKERS[DECIDES_CAP]) if kind.decides_excellence_cap else set())
        assert set(kind.documents) == offered, kind.code


def _take(runs: list[Run], text: str) -> list[Run]:
    """The first runs, taken off `runs`, that spell `text` (its lines joined by spaces)."""
    want, got = " ".join(text.split()), []
    while " ".join(r.text for r in got) != want:
        assert runs and len(" ".join(r.text for r in got)) < len(want), (want, [r.text for r in got])
        got.append(runs.pop(0))
    return got


def _all(runs: list[Run], size: float, *, bold: bool, italic: bool = False) -> None:
    for run in runs:
        assert (run.size, run.bold, run.italic) == (size, bold, italic), run


def _title_runs(made: Made) -> tuple[list[Run], list[Run]]:
    """The runs of the header and the title block, checked part by part; then the rest of the document."""
    runs = list(made.runs)
    _all(_take(runs, made.head.superior.upper()), SIZES.superior, bold=False)
    _all(_take(runs, made.head.issuer.upper()), SIZES.issuer, bold=True)
    _all(_take(runs, "*"), SIZES.number, bold=False)
    _all(_take(runs, NATIONAL_LINE), SIZES.national, bold=True)
    number = runs.pop(0)
    found = re.fullmatch(r"Số (\d+ ?)?-([A-Z]+)/\S+", number.text)
    assert found, number
    _all([number], SIZES.number, bold=False)
    place_date = runs.pop(0)
    assert place_date.text.startswith(f"{made.head.place}, ngày "), place_date
    _all([place_date], SIZES.place_date, bold=False, italic=True)
    doc_type = _(DOCUMENT_TYPES[found.group(2)])
    _all(_take(runs, doc_type.upper()), SIZES.doc_type, bold=True)
    assert made.subject.startswith(f"{doc_type} ")
    summary = _take(runs, made.subject[len(doc_type) + 1 :])
    rule = _short_rule(made)
    summary += [run for run in runs if run.page == 0 and run.y > rule.y0]  # the subtitle, above the rule
    runs = [run for run in runs if run not in summary]
    _all(summary, SIZES.summary, bold=True)
    return summary, runs


def _short_rule(made: Made) -> Line:
    rules = [
        line
        for line in made.lines
        if line.page == 0 and line.horizontal and abs(abs(line.x1 - line.x0) - RULE_WIDTH) < 0.5
    ]
    assert len(rules) == 1, rules
    return rules[0]


@pytest.mark.parametrize("name", NAMES)
def test_the_header_and_the_title_have_the_sizes_of_hd36(documents: dict[str, Made], name: str):
    _title_runs(documents[name])


@pytest.mark.parametrize("name", NAMES)
def test_the_national_line_is_underlined_and_a_short_rule_ends_the_title(documents: dict[str, Made], name: str):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    made = documents[name]
    national = next(run for run in made.runs if run.text == NATIONAL_LINE)
    width = stringWidth(NATIONAL_LINE, BOLD, SIZES.national)
    under = [
        line
        for line in made.lines
        if line.page == 0
        and line.horizontal
        and national.y - 5 < line.y0 < national.y
        and abs(min(line.x0, line.x1) - national.x) < 1
        and abs(abs(line.x1 - line.x0) - width) < 1
    ]
    assert under, "no line under the national line"
    summary, rest = _title_runs(made)
    rule = _short_rule(made)
    assert (min(rule.x0, rule.x1) + max(rule.x0, rule.x1)) / 2 == pytest.approx(LEFT + TEXT_WIDTH / 2, abs=1)
    assert min(run.y for run in summary) > rule.y0 > max(run.y for run in rest if run.page == 0)


def _signature(made: Made, rest: list[Run]) -> tuple[list[Run], list[Run]]:
    """The body and the signature block (from "Nơi nhận:", the minute-taker's or the counting board members' title
    on the last page)."""
    start = max(i for i, run in enumerate(rest) if run.text in ("Nơi nhận:", "THƯ KÝ", BOARD_MEMBERS))
    return rest[:start], rest[start:]


def _in_table(run: Run, lines: list[Line]) -> bool:
    """Between two ruled vertical lines at its height: a table's cell."""
    verticals = [
        line
        for line in lines
        if line.page == run.page and line.vertical and min(line.y0, line.y1) <= run.y <= max(line.y0, line.y1)
    ]
    return any(v.x0 < run.x for v in verticals) and any(v.x0 > run.x for v in verticals)


@pytest.mark.parametrize("name", NAMES)
def test_the_body_is_14_pt_and_the_tables_11_pt(documents: dict[str, Made], name: str):
    made = documents[name]
    _summary, rest = _title_runs(made)
    footers = [run for run in rest if run.text.startswith("Trang ")]
    _all(footers, SIZES.footer, bold=False)
    body, _signature_runs = _signature(made, [run for run in rest if run not in footers])
    tables = [run for run in body if _in_table(run, made.lines)]
    paragraphs = [run for run in body if run not in tables]
    assert paragraphs
    for run in paragraphs:
        assert run.size == SIZES.body, run
    for run in tables:
        assert run.size == SIZES.table and not run.italic, run


@pytest.mark.parametrize("name", NAMES)
def test_the_signature_prints_the_name_only(documents: dict[str, Made], name: str):
    made = documents[name]
    _summary, rest = _title_runs(made)
    _body, block = _signature(made, [run for run in rest if not run.text.startswith("Trang ")])
    split = LEFT + 0.48 * TEXT_WIDTH  # the recipients' column
    recipients = [run for run in block if run.x < split and (run.text == "Nơi nhận:" or run.text.startswith("- "))]
    _all(recipients[:1], SIZES.recipients_title, bold=True, italic=True)
    _all(recipients[1:], SIZES.recipients, bold=False)
    signing = [run for run in block if run not in recipients]
    _all(signing, SIZES.sign, bold=True)
    title = max(i for i, run in enumerate(signing) if run.text in SIGNERS)
    assert [run.text for run in signing[title + 1 :]] == [made.signer]  # the name under the title, nothing else
    assert made.signer == made.signer.strip() and "," not in made.signer and "Bí thư" not in made.signer


@pytest.mark.parametrize("name", NAMES)
def test_no_text_or_line_leaves_the_page_s_text_area(documents: dict[str, Made], name: str):
    """Nothing clipped: every piece of text and every table line lies between the 30 mm and 15 mm margins."""
    from reportlab import rl_config
    from reportlab.pdfbase.pdfmetrics import stringWidth

    made = documents[name]
    right = PAGE_SIZE[0] - RIGHT
    for run in made.runs:
        face = FACES[run.font]
        shrunk = run.text.count(" ") * stringWidth(" ", face, run.size) * rl_config.spaceShrinkage  # reportlab's
        width = stringWidth(run.text, face, run.size) - shrunk  # allowance: word spaces up to 5% narrower
        assert run.x >= LEFT - 0.5 and run.x + width <= right + 0.5, (run, width)
    for line in made.lines:
        assert min(line.x0, line.x1) >= LEFT - 0.5 and max(line.x0, line.x1) <= right + 0.5, line


def test_a_table_cell_longer_than_a_page_is_cut_not_a_layout_error(tmp_path: Path):
    from khoidesktop.members.roster_pdf import RosterRow, build_roster

    head = Letterhead("Đảng bộ Sở Tài chính", "Chi bộ Văn phòng Sở", "Hạ Long", date(2026, 11, 22), "Vũ Minh Nhung")
    position = " ".join(["Phó Trưởng phòng Kế hoạch - Tài chính"] * 300)
    rows = [RosterRow("Nguyễn Văn An"), RosterRow("Trần Văn Bình", position=position), RosterRow("Lê Văn Cường")]
    pages = build_roster(tmp_path / "ds.pdf", head, rows)
    texts = [run.text for run in text_runs(tmp_path / "ds.pdf")]
    assert pages == 3 and "Lê Văn Cường" in texts
    assert any(text.endswith("…") for text in texts)  # the long cell ends cut, on its own page
