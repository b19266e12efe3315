"""The delegates to the superior's congress (terms/delegates.py): the list entered by hand or from a member, edited,
ordered and removed (audited; bad input refused in Vietnamese with nothing written), the structure of the
delegation (domain/elections.delegation_structure: the congress reports' columns), and the whole delegation of a
level's congress summed from its units' bundles (DOMAIN.md seed 004: 250 delegates, women 66 = 26,40%, ethnic
minorities 4 = 1,60%, over 60: 3 = 1,20%, under 40: 47 = 18,80%, doctorate 17 = 6,80%)."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from khoidesktop.cli import main
from khoidesktop.datafile.create import create_data_file
from khoidesktop.datafile.identity import IdentityData
from khoidesktop.domain.periods import Period
from khoidesktop.errors import ValidationError
from khoidesktop.exchange.bundle_export import export_bundle
from khoidesktop.exchange.bundle_format import BundleRefused, read_bundle
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.store.models import AuditEntry, Delegate
from khoidesktop.terms.delegates import (
    DelegateForm,
    add_from_member,
    delegate_form,
    delegates,
    delegation,
    delegation_from_units,
    move_delegate,
    remove_delegate,
    save_delegate,
)
from khoidesktop.terms.delegation import share_text, structure_text
from khoidesktop.terms.documents import delegates_pdf
from khoidesktop.terms.records import TermForm, save_term, term_row
from tests.conftest import BLOC_IDENTITY, FIXED_NOW, import_all
from tests.exchange.helpers import cell_key, dump, pack, resign, unpack
from tests.terms.helpers import TERM, WHO

TODAY = FIXED_NOW.date()
PERIOD = Period(2025)
CONGRESS = date(2025, 9, 15)  # the grassroots congress the cells' delegates attend


def ensure_term(store) -> int:
    """The term 2025–2030 (congress 1/6/2025), with no committee."""
    from khoidesktop.terms.records import terms

    with store.session() as s, s.begin():
        found = terms(s)
        return found[0].id if found else save_term(s, TERM, **WHO).id


def _add(store, term_id: int, name: str, **particulars) -> int:
    with store.session() as s, s.begin():
        return save_delegate(s, DelegateForm(term_id, name, **particulars), **WHO).id


def _names(store, term_id: int) -> list[tuple[str, bool]]:
    with store.session() as s:
        return [(d.full_name, d.alternate) for d in delegates(s, term_id)]


def test_the_list_official_first_then_alternates_in_their_order_each_change_audited(store):
    term_id = ensure_term(store)
    first = _add(store, term_id, "  Nguyễn  Thị Lan ", gender="female", birth_date=date(1970, 2, 3))
    alternate = _add(store, term_id, "Phạm Minh", alternate=True)
    second = _add(store, term_id, "Lê Văn Hùng", gender="male", probationary=True)
    assert _names(store, term_id) == [("Nguyễn Thị Lan", False), ("Lê Văn Hùng", False), ("Phạm Minh", True)]
    with store.session() as s, s.begin():
        move_delegate(s, second, -1, **WHO)
    assert [n for n, _a in _names(store, term_id)][:2] == ["Lê Văn Hùng", "Nguyễn Thị Lan"]
    with store.session() as s, s.begin():  # an alternate made official goes last of the official delegates
        form = delegate_form(s, alternate)
        save_delegate(s, replace(form, alternate=False, ethnicity="Tày"), **WHO)
    assert _names(store, term_id)[-1] == ("Phạm Minh", False)
    with store.session() as s, s.begin():
        remove_delegate(s, first, **WHO)
    assert [n for n, _a in _names(store, term_id)] == ["Lê Văn Hùng", "Phạm Minh"]
    with store.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "delegate"))]
    assert actions.count("create") == 3 and "withdraw" in actions and actions.count("update") >= 2


@pytest.mark.parametrize(
    ("particulars", "says"),
    [
        ({"full_name": "  "}, "Hãy ghi họ và tên đại biểu"),
        ({"full_name": "A" * 101}, "tối đa 100 ký tự"),
        ({"gender": "other"}, "chọn giới tính"),
        ({"professional_education": "phd"}, "chọn trình độ chuyên môn"),
        ({"birth_date": date(2030, 1, 1)}, "Ngày sinh không hợp lý"),
        ({"ethnicity": "x" * 51}, "tối đa 50 ký tự"),
    ],
)
def test_bad_particulars_are_refused_in_vietnamese_and_nothing_is_written(store, particulars, says):
    term_id = ensure_term(store)
    before = dump(store.path)
    form = replace(DelegateForm(term_id, "Nguyễn Văn An"), **particulars)
    with pytest.raises(ValidationError, match=says), store.session() as s, s.begin():
        save_delegate(s, form, **WHO)
    assert dump(store.path) == before


def test_a_member_added_as_a_delegate_brings_the_particulars_of_their_record(store):
    term_id = ensure_term(store)
    with store.session() as s, s.begin():
        data = MemberData("Lê Thị Hà", birth_date=date(1995, 12, 31), gender="female", admitted_on=date(2026, 5, 19))
        member = add_member(s, replace(data, status="probationary", ethnicity="Mường"), **WHO)
        row = add_from_member(s, term_id, member.id, **WHO)
        assert (row.full_name, row.gender, row.ethnicity, row.probationary) == ("Lê Thị Hà", "female", "Mường", True)
        with pytest.raises(ValidationError, match="đã có trong danh sách đại biểu"):
            add_from_member(s, term_id, member.id, alternate=True, **WHO)


def test_qd190_structure_counts_the_official_delegates_on_the_congress_day(store):
    """The columns of the congress reports (seed 004); an age counts on the congress day, whole years."""
    term_id = ensure_term(store)
    _add(store, term_id, "Đúng 60", birth_date=date(1965, 6, 1))  # 60 on 1/6/2025: not over 60
    _add(store, term_id, "Tròn 61", birth_date=date(1964, 6, 1))  # 61: over 60
    _add(store, term_id, "Chưa 40", birth_date=date(1985, 6, 2), gender="female")  # 39 on the day: under 40
    _add(store, term_id, "Dự khuyết", alternate=True, gender="female", professional_education="doctor")
    with store.session() as s:
        made = delegation(s, term_row(s, term_id))
    groups = made.structure.groups
    assert made.on == date(2025, 6, 1) and made.structure.total == 3  # the alternate is not counted
    assert (groups["over_60"].count, groups["under_40"].count, groups["women"].count) == (1, 1, 1)
    assert groups["doctorate"].count == 0 and share_text(1, 3) == "33,33%"
    assert "Đảng viên nữ: 1 = 33,33%" in structure_text(made)


# --- 250 delegates from five cells, summed at their grassroots committee -----------------------------------------


def _seed_delegates() -> list[list[dict]]:
    """250 delegates with the structure of seed 004, spread over five cells of 50 (each group at random places)."""
    shuffled = [random.Random(seed).sample(range(250), 250) for seed in (1, 2, 3, 4)]
    women, ages, doctors, minorities = (set(p[:n]) for p, n in zip(shuffled, (66, 50, 17, 4), strict=True))
    over_60, under_40 = set(shuffled[1][:3]), set(shuffled[1][3:50])
    people = []
    for i in range(250):
        born = date(1960, 1, 1) if i in over_60 else date(1990, 1, 1) if i in under_40 else date(1980, 5, 5)
        people.append(
            {
                "full_name": f"Đại biểu Số {i + 1}",
                "gender": "female" if i in women else "male",
                "birth_date": born,
                "professional_education": "doctor" if i in doctors else "bachelor",
                "ethnicity": "Tày" if i in minorities else "Kinh",
            }
        )
    assert ages == over_60 | under_40
    return [people[k * 50 : (k + 1) * 50] for k in range(5)]


def _cell_bundle(folder: Path, k: int, people: list[dict], alternates: int = 2) -> Path:
    identity = IdentityData(f"Chi bộ số {k + 1}", BLOC_IDENTITY.org_name, BLOC_IDENTITY.superior_name, "Hạ Long", "X")
    cell = create_data_file(folder / f"chi-bo-{k}.sqlite", identity, actor="test", now=lambda: FIXED_NOW)
    try:
        with cell.session() as s, s.begin():
            term = save_term(s, TermForm("2025–2030", date(2025, 3, 1), date(2030, 2, 28), date(2025, 3, 1)), **WHO)
            for person in people:
                save_delegate(s, DelegateForm(term.id, **person), **WHO)
            for n in range(alternates):
                save_delegate(s, DelegateForm(term.id, f"Dự khuyết {k}-{n}", alternate=True, gender="female"), **WHO)
        out = folder / f"chi-bo-{k}.khoi"
        export_bundle(cell, out, PERIOD, today=TODAY, now=FIXED_NOW, actor="test", reports=False, named=("delegates",))
        return out
    finally:
        cell.close()


@pytest.fixture(scope="module")
def five_cells(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("delegates")
    return [_cell_bundle(folder, k, people) for k, people in enumerate(_seed_delegates())]


@pytest.fixture
def grassroots(bloc_store, five_cells):
    with bloc_store.session() as s, s.begin():
        save_term(s, TermForm("2025–2030", date(2025, 9, 1), date(2030, 8, 31), CONGRESS), **WHO)
    assert [o.status for o in import_all(bloc_store, five_cells)] == ["imported"] * 5
    return bloc_store


def test_seed_004_the_delegation_summed_from_five_cells_bundles(grassroots):
    with grassroots.session() as s:
        term = s.scalars(select(Delegate.term_id)).first()  # none here: the grassroots level's own list is empty
        assert term is None
        from khoidesktop.terms.records import terms

        made = delegation_from_units(s, terms(s)[0])
    groups = made.structure.groups
    assert made.on == CONGRESS and made.structure.total == 250 and len(made.alternates) == 10
    assert [(u.official, u.alternates) for u in made.units] == [(50, 2)] * 5
    assert {key: (share.count, share_text(share.count, 250)) for key, share in groups.items()} == {
        "women": (66, "26,40%"),
        "ethnic_minority": (4, "1,60%"),
        "over_60": (3, "1,20%"),
        "under_40": (47, "18,80%"),
        "doctorate": (17, "6,80%"),
        "religious": (0, "0,00%"),
        "probationary": (0, "0,00%"),
    }


def test_seed_004_through_the_command_line_and_the_pdf(grassroots, ctx, capsys, tmp_path):
    grassroots.close()
    assert main(["--db", str(grassroots.path), "delegates", "structure", "--from-units", "--json"], ctx) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["structure"]["women"] == {"count": 66, "percent": 26.4} and len(found["units"]) == 5
    assert main(["--db", str(grassroots.path), "delegates", "structure", "--from-units"], ctx) == 0
    text = capsys.readouterr().out
    assert "Đảng viên nữ: 66 = 26,40%" in text and "Tiến sĩ: 17 = 6,80%" in text
    out = tmp_path / "ds.pdf"
    code = main(["--db", str(grassroots.path), "report", "delegates", "--from-units", "--out", str(out)], ctx)
    assert code == 0
    pdf = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "DANH SÁCH" in pdf and "Đại hội Đảng bộ Sở Tài chính" in pdf
    assert "Đại biểu Số 250" in pdf and "Chi bộ số 5" in pdf and "Dưới 40 tuổi" in pdf
    for share in ("26,40%", "1,60%", "1,20%", "18,80%", "6,80%"):
        assert share in pdf
    assert len(PdfReader(out).pages) >= 5


def test_the_latest_period_holding_delegates_counts_one_list_per_unit(grassroots, five_cells, tmp_path):
    """A cell's later bundle with a changed list replaces its earlier list; a later one without a list keeps it."""
    import shutil

    from khoidesktop.store.database import open_store
    from khoidesktop.terms.records import terms

    shutil.copy(five_cells[0].with_suffix(".sqlite"), tmp_path / "c.sqlite")  # the same cell (its key), later on
    cell = open_store(tmp_path / "c.sqlite")
    try:
        with cell.session() as s:
            term_id = terms(s)[0].id
        _add(cell, term_id, "Người Mới", gender="female", birth_date=date(1995, 1, 1))
        later, quarter = tmp_path / "2026.khoi", tmp_path / "q.khoi"
        who = {"today": TODAY, "now": FIXED_NOW, "actor": "t", "reports": False}
        export_bundle(cell, later, Period(2026), named=("delegates",), **who)
        export_bundle(cell, quarter, Period(2026, 3), **who)
    finally:
        cell.close()
    assert [o.status for o in import_all(grassroots, [later, quarter])] == ["imported", "imported"]
    with grassroots.session() as s:
        made = delegation_from_units(s, terms(s)[0])
    assert made.structure.total == 251 and made.units[0].official == 51
    assert made.structure.groups["women"].count == 67 and made.structure.groups["under_40"].count == 48


def _tampered(bundle: Path, out: Path, change) -> Path:
    files = unpack(bundle)
    part = json.loads(files["data/delegates.json"])
    change(part)
    raw = json.dumps(part, ensure_ascii=False).encode()
    files["data/delegates.json"] = raw
    manifest = json.loads(files["manifest.json"])
    from khoidesktop.exchange.bundle_format import sha256

    for entry in manifest["files"]:
        if entry["name"] == "data/delegates.json":
            entry.update(size=len(raw), sha256=sha256(raw))
    db = bundle.with_suffix(".sqlite")
    return pack(out, resign(files, manifest, cell_key(db)))


def _set(row: int, key: str, value):
    def change(part):
        part["delegates"][row][key] = value

    return change


@pytest.mark.parametrize(
    "change",
    [
        _set(0, "gender", "nữ"),
        _set(1, "full_name", "A" * 101),
        _set(2, "full_name", "Tên\u0007lạ"),
        _set(3, "alternate", "có"),
        _set(4, "birth_date", "1850-01-01"),
        _set(5, "professional_education", "phd"),
        _set(6, "ethnicity", 7),
        lambda part: part.update(delegates="Nguyễn Văn A"),
        lambda part: part.update(delegates=[{}]),
    ],
)
def test_a_forged_list_of_delegates_is_refused_whole(five_cells, tmp_path, change):
    with pytest.raises(BundleRefused, match="data/delegates.json"):
        read_bundle(_tampered(five_cells[0], tmp_path / "x.khoi", change))
    assert read_bundle(five_cells[0]).data("delegates")["delegates"][0]["full_name"].startswith("Đại biểu Số")


def test_a_level_above_sends_its_own_delegates_up_and_a_bundle_without_them_says_so(grassroots, tmp_path):
    out = tmp_path / "du.khoi"
    with pytest.raises(ValidationError, match="chưa có đại biểu nào"):
        export_bundle(
            grassroots, out, PERIOD, today=TODAY, now=FIXED_NOW, actor="t", reports=False, named=("delegates",)
        )
    assert not out.exists()
    with grassroots.session() as s:
        from khoidesktop.terms.records import terms

        term_id = terms(s)[0].id
    _add(grassroots, term_id, "Trần Văn Bình", gender="male", birth_date=date(1972, 1, 1))
    result = export_bundle(
        grassroots, out, PERIOD, today=TODAY, now=FIXED_NOW, actor="t", reports=False, named=("delegates",)
    )
    assert "đại biểu dự đại hội cấp trên" in result.contents()
    assert [d["full_name"] for d in read_bundle(out).data("delegates")["delegates"]] == ["Trần Văn Bình"]


def test_delegates_from_the_command_line(store, ctx, capsys, tmp_path):
    ensure_term(store)
    store.close()

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", str(store.path), *argv], ctx)
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _err = run("delegates", "add", "Nguyễn Thị Lan", "--gender", "female", "--born", "1960-01-02")
    assert code == 0 and "Đã thêm Nguyễn Thị Lan vào danh sách đại biểu" in out
    assert run("delegates", "add", "Phạm Minh", "--alternate", "--education", "doctor")[0] == 0
    code, _out, err = run("delegates", "add", "", "--gender", "female")
    assert code != 0 and "Hãy ghi họ và tên đại biểu" in err
    code, _out, err = run("delegates", "add", "Lê Văn A", "--term", "1990–1995")
    assert code != 0 and "1990–1995" in err
    code, _out, err = run("delegates", "add", "Lê Văn A", "--member", "5")
    assert code != 0 and "không, ghi cả hai" not in err and "Chỉ ghi họ tên hoặc --member" in err
    code, out, _err = run("delegates", "list", "--json")
    listed = json.loads(out)
    assert [d["full_name"] for d in listed["delegates"]] == ["Nguyễn Thị Lan", "Phạm Minh"]
    assert listed["structure"]["over_60"]["count"] == 1 and listed["official"] == 1
    assert run("delegates", "remove", str(listed["delegates"][1]["id"]))[0] == 0
    code, _out, err = run("delegates", "remove", "999")
    assert code != 0 and "không còn" in err
    code, out, _err = run("delegates", "list")
    assert "Đại biểu chính thức" in out and "Phạm Minh" not in out and "Trên 60 tuổi: 1 = 100,00%" in out
    out_pdf = tmp_path / "ds.pdf"
    assert run("report", "delegates", "--out", str(out_pdf))[0] == 0
    text = PdfReader(out_pdf).pages[0].extract_text()
    assert "đại biểu dự Đại hội Đảng bộ Sở Tài chính" in text and "Nguyễn Thị Lan" in text


def test_the_pdf_of_a_term_without_delegates_is_refused(store, tmp_path):
    ensure_term(store)
    with pytest.raises(ValidationError, match="chưa có đại biểu nào"):
        delegates_pdf(store, tmp_path / "x.pdf", today=TODAY)
    assert not (tmp_path / "x.pdf").exists()


def test_the_units_delegates_are_the_congress_summoned_list_above_the_cells(grassroots):
    """The grassroots congress summons the 250 official delegates its five cells sent (QĐ 190: the quorum is two
    thirds of those summoned), each once, a name two units sent told apart by its unit."""
    from khoidesktop.terms.congress import (
        CongressForm,
        congress_numbers,
        save_congress,
        summon_units_delegates,
        units_delegate_names,
    )
    from khoidesktop.terms.records import terms

    with grassroots.session() as s, s.begin():
        term = terms(s)[0]
        names = units_delegate_names(s, term.id)
        assert len(names) == 250 and len(set(names)) == 250
        save_congress(s, CongressForm(term.id, CONGRESS), now=FIXED_NOW, actor="test")
        assert summon_units_delegates(s, term.id, now=FIXED_NOW, actor="test") == 250
        assert congress_numbers(s, term.id) == (250, 250)
