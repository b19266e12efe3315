import json
import re
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from khoidesktop.datafile.create import create_data_file, describe
from khoidesktop.datafile.identity import IdentityData, get_identity, update_identity
from khoidesktop.demo.cell import demo_people
from khoidesktop.domain.names import sort_key
from khoidesktop.errors import ValidationError
from khoidesktop.members.queries import badges_in
from khoidesktop.members.records import MemberData, active_members, add_member
from khoidesktop.members.structure import headline_counts
from khoidesktop.store.migrate import latest_version
from khoidesktop.store.models import AuditEntry, Candidate, Member, MemberNote
from tests.conftest import FIXED_NOW, IDENTITY


def test_missing_names_create_nothing(tmp_path):
    path = tmp_path / "x.sqlite"
    with pytest.raises(ValidationError) as info:
        create_data_file(path, IdentityData("Chi bộ A", "", " ", "Hạ Long"), actor="t")
    assert info.value.message == "Hãy điền: Tổ chức cơ sở đảng, Cấp ủy cấp trên."
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_overwritten(store):
    with pytest.raises(ValidationError, match="đã tồn tại"):
        create_data_file(store.path, IDENTITY, actor="t")


def test_describe_a_new_cell(store):
    info = describe(store).as_json()
    assert info["identity"]["cell_name"] == "Chi bộ Phòng Tổng hợp"
    assert info["member_count"] == 0 and info["training"] is False and info["schema_version"] == latest_version()


def test_identity_update_is_audited_and_normalised(store):
    with store.session() as s, s.begin():
        changes = update_identity(s, replace(IDENTITY, place_name="  Cẩm   Phả "), now=FIXED_NOW, actor="bt")
    assert changes == {"place_name": ("Hạ Long", "Cẩm Phả")}
    with store.session() as s:
        assert get_identity(s).place_name == "Cẩm Phả"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
        assert (entry.actor, entry.entity) == ("bt", "identity")
        assert json.loads(entry.detail) == {"place_name": ["Hạ Long", "Cẩm Phả"]}
    with store.session() as s, s.begin():
        assert update_identity(s, replace(IDENTITY, place_name="Cẩm Phả"), now=FIXED_NOW, actor="bt") == {}
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "update")) == 1


def test_a_duplicate_card_number_is_refused_and_nothing_is_written(store):
    with store.session() as s, s.begin():
        add_member(s, MemberData(full_name="Phạm Văn Một", card_number="01234567"), now=FIXED_NOW, actor="t")
    with pytest.raises(ValidationError, match="01234567 đã thuộc về"), store.session() as s, s.begin():
        add_member(s, MemberData(full_name="Phạm Văn Hai"), now=FIXED_NOW, actor="t")
        add_member(s, MemberData(full_name="Phạm Văn Ba", card_number="01234567"), now=FIXED_NOW, actor="t")
    with store.session() as s:
        assert [m.full_name for m in s.scalars(select(Member))] == ["Phạm Văn Một"]


def test_the_demo_is_deterministic_and_plausible(demo_store):
    assert demo_people(FIXED_NOW.date()) == demo_people(FIXED_NOW.date())
    people = demo_people(FIXED_NOW.date())
    assert 30 <= len(people) <= 40
    assert len({p.data.full_name for p in people}) >= len(people) - 3
    for p in people:
        assert re.fullmatch(r"\d{8}", p.data.card_number)
        assert re.fullmatch(r"\d{12}", p.data.personal_id)
        age = (p.data.admitted_on - p.data.birth_date).days / 365.25
        assert 18 <= age <= 60
        if p.data.official_on:
            assert (p.data.official_on - p.data.admitted_on).days in (365, 366)
    assert any(p.data.card_number.startswith("0") for p in people)
    with demo_store.session() as s:
        identity = get_identity(s)
        assert identity.training is True
        assert identity.secretary_name in {p.data.full_name for p in people}
        counts = headline_counts(s, FIXED_NOW.date())
        statuses = {m.status for m in s.scalars(select(Member))}
        assert {"official", "probationary", "exempt", "transferred_out"} <= statuses
        admitted = s.scalar(select(func.count()).select_from(Candidate).where(Candidate.member_id.is_not(None)))
        assert admitted >= 2 and counts.active == len(people) - 1 + admitted and counts.exempt == 1
        assert badges_in(s, FIXED_NOW.year), "the training data has a badge to show this year"
        assert counts.probationary >= 2 and counts.women > 0
        assert s.scalar(select(func.count()).select_from(MemberNote)) >= 2
        members = active_members(s)
        assert [m.sort_key for m in members] == [sort_key(m.full_name) for m in members]  # stored keys are current


def test_a_failure_while_creating_leaves_no_file(tmp_path, monkeypatch):
    from khoidesktop.datafile import create as datafile
    from khoidesktop.store.migrate import Migration, load_migrations

    steps = load_migrations()
    broken = [*steps, Migration(len(steps) + 1, "9999_broken", "INSERT INTO nowhere VALUES (1);")]
    real_open = datafile.open_store
    monkeypatch.setattr(datafile, "open_store", lambda *a, **k: real_open(*a, migrations=broken, **k))
    path = tmp_path / "moi.sqlite"
    with pytest.raises(Exception, match="nowhere"):
        create_data_file(path, IDENTITY, actor="t")
    assert not path.exists() and not (tmp_path / "moi.sqlite-wal").exists()
    monkeypatch.undo()
    create_data_file(path, IDENTITY, actor="t").close()  # the user can simply try again
