"""Cell → bundle → bloc: every figure equal, the same bundle twice changes nothing, a newer bundle
replaces the older, keys are used only once confirmed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pypdf import PdfReader

from khoidesktop.datafile.create import create_data_file
from khoidesktop.domain.periods import Period
from khoidesktop.errors import ValidationError
from khoidesktop.exchange.bundle_export import export_bundle
from khoidesktop.exchange.bundle_format import fingerprint, read_bundle
from khoidesktop.exchange.bundle_import import check_files, import_checked, keys_to_confirm
from khoidesktop.exchange.figures import sum_units
from khoidesktop.meetings.stats import year_summary
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.members.structure import structure_on
from khoidesktop.ratings.records import year_figures
from khoidesktop.recruitment.stats import recruitment_figures
from khoidesktop.store.models import UnitBundleFile
from khoidesktop.units.records import level_figures, unit_rows
from tests.conftest import BLOC_IDENTITY, FIXED_NOW, import_all
from tests.exchange.helpers import cell_key, dump, pack, resign, unpack

TODAY = FIXED_NOW.date()
PERIOD = Period(2025)


@pytest.fixture
def training_bloc(tmp_path):
    """A bloc for a training session: it takes the training cell's bundles."""
    opened = create_data_file(
        tmp_path / "khoi-tap-huan.sqlite", replace(BLOC_IDENTITY, training=True), actor="test", now=lambda: FIXED_NOW
    )
    yield opened
    opened.close()


@pytest.fixture
def demo_bundle(demo_store, tmp_path):
    return export_bundle(
        demo_store, tmp_path / "chi-bo-2025.khoi", PERIOD, today=TODAY, now=FIXED_NOW, actor="test"
    ).path


@pytest.mark.parametrize("year", [2025, 2026])  # the demo rates 2023–2025 and meets in 2026
def test_round_trip_gives_the_cells_own_figures(demo_store, training_bloc, tmp_path, year):
    period, on = Period(year), min(TODAY, Period(year).end)
    bundle = export_bundle(demo_store, tmp_path / "b.khoi", period, today=TODAY, now=FIXED_NOW, actor="t").path
    assert [o.status for o in import_all(training_bloc, [bundle])] == ["imported"]
    with demo_store.session() as s:
        cell = {
            "structure": structure_on(s, on).as_json(),
            "ratings": year_figures(s, year).as_json(),
            "meetings": year_summary(s, year, TODAY).as_json(),
            "recruitment": recruitment_figures(s, year, on),
        }
    with training_bloc.session() as s:
        rows = unit_rows(s, period, TODAY)
    bloc = sum_units([r.figures for r in rows if r.figures])
    assert bloc.units == 1 and bloc.total == cell["structure"]["total"] > 0
    assert bloc.structure_result().as_json() == cell["structure"]
    ratings = bloc.ratings_json(year)
    assert ratings["rated"] == cell["ratings"]["rated"]
    assert ratings["levels"] == cell["ratings"]["levels"]
    assert ratings["good_or_better"] == cell["ratings"]["good_or_better"]
    assert ratings["excellent_cap"]["allowed"] == cell["ratings"]["excellent_cap"]["allowed"]
    meetings = bloc.meetings_json(year)
    for key in ("meetings", "meetings_by_kind", "meetings_by_month", "average_attendance_percent", "attendance"):
        assert meetings[key] == cell["meetings"][key], key
    assert (ratings["rated"] if year == 2025 else meetings["meetings"]) > 0  # something real was compared
    assert {q: v["held"] for q, v in meetings["thematic_by_quarter"].items()} == {
        q: v["held"] for q, v in cell["meetings"]["thematic_by_quarter"].items()
    }
    recruitment = bloc.recruitment_json(year)
    for key in ("files_by_step", "files_open", "admitted_in_year", "members_at_end", "new_members_percent"):
        assert recruitment[key] == cell["recruitment"][key], key
    assert recruitment["progress_percent"] == cell["recruitment"]["progress_percent"]
    assert rows[0].figures.members == rows[0].bundle.member_count == bloc.total


def test_the_bundle_holds_the_data_the_reports_and_a_valid_signature(demo_store, demo_bundle):
    bundle = read_bundle(demo_bundle)
    assert bundle.manifest["format"] == "khoi-desktop-bundle" and bundle.manifest["period"] == "2025"
    assert bundle.manifest["unit"]["name"] == "Chi bộ Văn phòng Sở" and bundle.level == "cell"
    assert {f["name"] for f in bundle.manifest["files"]} == {
        "data/figures.json",
        "data/units.json",
        "reports/structure.pdf",
        "reports/meetings.pdf",
        "reports/ratings.pdf",
        "reports/recruitment.pdf",
    }
    # counts only (Law 91/2025/QH15): not one member's name leaves the cell by default
    from khoidesktop.members.records import active_members

    with demo_store.session() as s:
        names = [m.full_name for m in active_members(s)]
    data = "".join(bundle.files[f].decode() for f in bundle.files if f.startswith("data/"))
    assert names and not any(name in data for name in names)
    import io

    text = PdfReader(io.BytesIO(bundle.files["reports/structure.pdf"])).pages[0].extract_text()
    assert "CƠ CẤU" in text.upper()


def test_the_key_is_made_once_and_its_fingerprint_stays(demo_store, tmp_path):
    first = export_bundle(demo_store, tmp_path / "a.khoi", PERIOD, today=TODAY, now=FIXED_NOW, actor="t", reports=False)
    second = export_bundle(
        demo_store, tmp_path / "b.khoi", Period(2026, 3), today=TODAY, now=FIXED_NOW, actor="t", reports=False
    )
    assert first.new_key and not second.new_key
    assert first.fingerprint == second.fingerprint == fingerprint(read_bundle(second.path).public_key)
    assert read_bundle(first.path).uid == read_bundle(second.path).uid


def test_a_future_period_cannot_be_exported_and_a_level_above_exports_its_own(demo_store, filled_bloc, tmp_path):
    with pytest.raises(ValidationError, match="chưa bắt đầu"):
        export_bundle(demo_store, tmp_path / "x.khoi", Period(2027), today=TODAY, now=FIXED_NOW, actor="t")
    assert not (tmp_path / "x.khoi").exists()
    made = export_bundle(filled_bloc, tmp_path / "y.khoi", PERIOD, today=TODAY, now=FIXED_NOW, actor="t")
    bundle = read_bundle(made.path)
    assert bundle.level == "grassroots" and bundle.figures.cells == len(bundle.data("units")["units"]) > 0


def test_importing_the_same_bundle_twice_changes_nothing(filled_bloc, generated_bundles):
    before = dump(filled_bloc.path)
    outcomes = import_all(filled_bloc, generated_bundles)
    assert {o.status for o in outcomes} == {"unchanged"}
    assert dump(filled_bloc.path) == before


def _later_bundle(cell_db, out, *, minutes: int, extra_member: bool):
    from khoidesktop.store.database import open_store

    now = FIXED_NOW + timedelta(minutes=minutes)
    store = open_store(cell_db, lock=False, now=lambda: now)
    try:
        if extra_member:
            with store.session() as s, s.begin():
                add_member(
                    s,
                    MemberData(
                        "Trần Thị Bổ Sung",
                        date(1990, 5, 5),
                        gender="female",
                        admitted_on=date(2015, 1, 1),
                        official_on=date(2016, 1, 1),
                    ),
                    now=now,
                    actor="t",
                )
        return export_bundle(store, out, PERIOD, today=TODAY, now=now, actor="t", reports=False).path
    finally:
        store.close()


def test_a_newer_bundle_replaces_the_older_and_an_older_one_is_refused(filled_bloc, generated_bundles, tmp_path):
    import shutil

    cell_db = tmp_path / "cell.sqlite"
    shutil.copy(generated_bundles[0].with_name("don-vi-01.sqlite"), cell_db)
    with filled_bloc.session() as s:
        before = level_figures(s, PERIOD, unit_rows(s, PERIOD, TODAY))
    newer = _later_bundle(cell_db, tmp_path / "moi.khoi", minutes=60, extra_member=True)
    [outcome] = import_all(filled_bloc, [newer])
    assert outcome.status == "replaced"
    with filled_bloc.session() as s:
        after = level_figures(s, PERIOD, unit_rows(s, PERIOD, TODAY))
        files = s.query(UnitBundleFile).count()
    assert (after.units, after.total, after.structure["women"]) == (
        before.units,
        before.total + 1,
        before.structure["women"] + 1,
    )
    assert files == 4 * 2  # the old bundle's files went with it (two data parts each, no reports)
    unchanged = dump(filled_bloc.path)
    [again] = import_all(filled_bloc, [generated_bundles[0]])  # the first, older bundle
    assert again.status == "refused" and "mới hơn" in again.reason
    assert dump(filled_bloc.path) == unchanged


def test_an_unconfirmed_key_is_not_used(bloc_store, generated_bundles):
    before = dump(bloc_store.path)
    checked = check_files(generated_bundles[:2])
    with bloc_store.session() as s:
        questions = keys_to_confirm(s, checked, FIXED_NOW)
    assert [q.fingerprint for q in questions] == [fingerprint(c.bundle.public_key) for c in checked]
    assert not any(q.changed for q in questions)
    outcomes = import_checked(bloc_store, checked, trusted={questions[1].trust}, now=FIXED_NOW, actor="t")
    assert [o.status for o in outcomes] == ["refused", "imported"]
    assert questions[0].fingerprint in outcomes[0].reason
    assert dump(bloc_store.path) != before


def test_a_known_cell_with_another_key_asks_again(filled_bloc, generated_bundles, tmp_path):
    files = unpack(generated_bundles[0])
    manifest = json.loads(files["manifest.json"])
    stranger = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    manifest["public_key"] = stranger.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    manifest["created_at"] = (FIXED_NOW + timedelta(hours=1)).isoformat()
    forged = pack(tmp_path / "la.khoi", resign(files, manifest, stranger))
    checked = check_files([forged])
    with filled_bloc.session() as s:
        [question] = keys_to_confirm(s, checked, FIXED_NOW)
    assert question.changed
    before = dump(filled_bloc.path)
    [outcome] = import_checked(filled_bloc, checked, trusted=set(), now=FIXED_NOW, actor="t")
    assert outcome.status == "refused" and dump(filled_bloc.path) == before


def test_a_training_bundle_stays_out_of_real_data(bloc_store, demo_bundle):
    before = dump(bloc_store.path)
    [outcome] = import_all(bloc_store, [demo_bundle])
    assert outcome.status == "refused" and "tập huấn" in outcome.reason
    assert dump(bloc_store.path) == before


def test_a_cell_data_file_takes_no_bundles(demo_store, demo_bundle):
    with pytest.raises(ValidationError, match="init --level"):
        import_checked(demo_store, check_files([demo_bundle]), trusted=set(), now=FIXED_NOW, actor="t")


def test_resigned_by_the_cell_itself_is_still_its_bundle(filled_bloc, generated_bundles, tmp_path):
    """The check is on the key, not on how the zip was packed."""
    files = unpack(generated_bundles[1])
    manifest = json.loads(files["manifest.json"])
    manifest["created_at"] = (FIXED_NOW + timedelta(hours=1)).isoformat()
    key = cell_key(generated_bundles[1].with_name("don-vi-02.sqlite"))
    again = pack(tmp_path / "lai.khoi", resign(files, manifest, key))
    [outcome] = import_all(filled_bloc, [again])
    assert outcome.status == "replaced"


def _impostor(good: Path, out: Path, created: datetime) -> tuple[Path, bytes]:
    """The cell's bundle re-signed by a stranger's key, claiming the cell's id."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    files = unpack(good)
    manifest = json.loads(files["manifest.json"])
    stranger = Ed25519PrivateKey.generate()
    public = stranger.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    manifest["public_key"], manifest["created_at"] = public.hex(), created.isoformat()
    return pack(out, resign(files, manifest, stranger)), public


def test_a_refused_bundle_leaves_the_cells_key_alone(filled_bloc, generated_bundles, tmp_path):
    forged, public = _impostor(generated_bundles[0], tmp_path / "cu.khoi", FIXED_NOW - timedelta(days=30))
    before = dump(filled_bloc.path)
    [outcome] = import_checked(
        filled_bloc, check_files([forged]), trusted={(read_bundle(forged).uid, public)}, now=FIXED_NOW, actor="t"
    )
    assert outcome.status == "refused" and "mới hơn" in outcome.reason  # older than the real one
    assert dump(filled_bloc.path) == before  # the real cell's key is still the one confirmed


def test_a_confirmed_new_key_is_recorded_in_the_audit_log(filled_bloc, generated_bundles, tmp_path):
    from sqlalchemy import select

    from khoidesktop.store.models import AuditEntry

    forged, public = _impostor(generated_bundles[0], tmp_path / "moi.khoi", FIXED_NOW + timedelta(hours=1))
    with filled_bloc.session() as s:
        [question] = keys_to_confirm(s, check_files([forged]), FIXED_NOW)
    assert question.changed and question.cell_name == read_bundle(generated_bundles[0]).name
    [outcome] = import_checked(filled_bloc, check_files([forged]), trusted={question.trust}, now=FIXED_NOW, actor="t")
    assert outcome.status == "replaced"
    with filled_bloc.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "unit")).one()
    assert fingerprint(public) in entry.detail


def test_cancelling_the_check_imports_nothing_and_the_import_says_what_it_left(bloc_store, generated_bundles):
    from khoidesktop.errors import Cancelled

    with pytest.raises(Cancelled):
        check_files(generated_bundles, cancelled=lambda: True)
    checked = check_files(generated_bundles)
    with bloc_store.session() as s:
        trusted = {q.trust for q in keys_to_confirm(s, checked, FIXED_NOW)}
    calls = iter([False, True, True, True])
    outcomes = import_checked(
        bloc_store, checked, trusted=trusted, now=FIXED_NOW, actor="t", cancelled=lambda: next(calls)
    )
    assert [o.status for o in outcomes] == ["imported", "stopped", "stopped", "stopped"]
    assert all("dừng" in o.reason for o in outcomes[1:])


def test_a_real_bundle_stays_out_of_a_training_bloc(training_bloc, generated_bundles):
    before = dump(training_bloc.path)
    [outcome] = import_all(training_bloc, generated_bundles[:1])
    assert outcome.status == "refused" and "tập huấn" in outcome.reason
    assert dump(training_bloc.path) == before


def test_the_bloc_shows_the_latest_year_not_one_units_quarter(filled_bloc, tmp_path):
    from khoidesktop.demo.bloc import make_cell
    from khoidesktop.store.database import open_store
    from khoidesktop.units.records import default_period, periods

    make_cell(tmp_path / "q.sqlite", 9, 3, seed=1, now=FIXED_NOW)
    cell = open_store(tmp_path / "q.sqlite", lock=False, now=lambda: FIXED_NOW)
    try:
        early = [
            export_bundle(
                cell, tmp_path / f"{p.code}.khoi", p, today=TODAY, now=FIXED_NOW, actor="t", reports=False
            ).path
            for p in (Period(2026, 3), Period(2026))
        ]
    finally:
        cell.close()
    assert [o.status for o in import_all(filled_bloc, early)] == ["imported", "imported"]
    with filled_bloc.session() as s:  # one unit sending the unfinished year does not move the bloc's view
        assert periods(s)[:2] == [Period(2026), Period(2026, 3)] and default_period(s, TODAY) == Period(2025)


def test_a_year_before_the_rating_rules_cannot_be_exported(demo_store, tmp_path):
    with pytest.raises(ValidationError, match="2018"):
        export_bundle(demo_store, tmp_path / "x.khoi", Period(2017), today=TODAY, now=FIXED_NOW, actor="t")


def test_confirming_a_new_cells_key_does_not_let_it_sign_for_another_cell(filled_bloc, generated_bundles, tmp_path):
    """One stranger's key used for a new cell and, in the same import, for a known cell's id."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    stranger = Ed25519PrivateKey.generate()
    public = stranger.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def forge(good: Path, out: Path, cell: dict) -> Path:
        files = unpack(good)
        manifest = json.loads(files["manifest.json"])
        manifest["unit"] |= cell
        manifest["public_key"], manifest["created_at"] = public.hex(), (FIXED_NOW + timedelta(hours=1)).isoformat()
        return pack(out, resign(files, manifest, stranger))

    new_cell = forge(generated_bundles[1], tmp_path / "moi.khoi", {"id": "ab" * 16, "name": "Chi bộ Mới"})
    takeover = forge(generated_bundles[0], tmp_path / "chiem.khoi", {})
    checked = check_files([new_cell, takeover])
    with filled_bloc.session() as s:
        questions = keys_to_confirm(s, checked, FIXED_NOW)
    assert [(q.cell_name, q.changed) for q in questions] == [
        ("Chi bộ Mới", False),
        (read_bundle(generated_bundles[0]).name, True),
    ]
    before_key = dump(filled_bloc.path)
    outcomes = import_checked(filled_bloc, checked, trusted={questions[0].trust}, now=FIXED_NOW, actor="t")
    assert [o.status for o in outcomes] == ["imported", "refused"]
    with filled_bloc.session() as s:
        from khoidesktop.store.models import Unit

        keys = {u.uid: u.public_key for u in s.query(Unit)}
    assert keys[read_bundle(generated_bundles[0]).uid] == read_bundle(generated_bundles[0]).public_key
    assert before_key != dump(filled_bloc.path)  # the new cell did go in


def test_bundles_that_will_be_refused_ask_no_question(bloc_store, demo_bundle):
    with bloc_store.session() as s:
        assert keys_to_confirm(s, check_files([demo_bundle]), FIXED_NOW) == []  # training into a real bloc


def test_removing_a_units_last_bundle_removes_the_unit(filled_bloc):
    from khoidesktop.exchange.bundle_import import remove_bundle

    with filled_bloc.session() as s:
        rows = unit_rows(s, PERIOD, TODAY)
    with filled_bloc.session() as s, s.begin():
        remove_bundle(s, rows[0].bundle.id, now=FIXED_NOW, actor="t")
    with filled_bloc.session() as s:
        after = unit_rows(s, PERIOD, TODAY)
    assert [r.name for r in after] == [r.name for r in rows[1:]]


def test_bundles_are_checked_and_imported_one_at_a_time(bloc_store, generated_bundles, monkeypatch):
    """Issue 15 item 6: memory is bounded by the largest bundle, not by their number. When a bundle is read, no
    earlier one's contents may still be held: not by the checks (they keep the facts, not the files), not by an
    import done before it."""
    import gc
    import weakref

    from khoidesktop.exchange import bundle_import

    read, held_at_each_read = bundle_import.read_bundle, []
    alive: list[weakref.ref] = []

    def reading(path):
        gc.collect()
        held_at_each_read.append(sum(ref() is not None for ref in alive))
        bundle = read(path)
        alive.append(weakref.ref(bundle))
        return bundle

    monkeypatch.setattr(bundle_import, "read_bundle", reading)
    checked = check_files(generated_bundles)
    assert all(c.bundle is not None and not c.bundle.files and not c.bundle.parts for c in checked)
    with bloc_store.session() as s:
        trusted = {q.trust for q in keys_to_confirm(s, checked, FIXED_NOW)}
    outcomes = import_checked(bloc_store, checked, trusted=trusted, now=FIXED_NOW, actor="t")
    assert [o.status for o in outcomes] == ["imported"] * len(generated_bundles)
    assert held_at_each_read == [0] * (2 * len(generated_bundles))  # read twice each: checked, then imported
