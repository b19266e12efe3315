"""The summary format (exchange/summary.py): explicit, versioned, and independent of the command line's --json."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from khoidesktop.datafile.create import create_data_file
from khoidesktop.domain.periods import Period
from khoidesktop.domain.recruitment import STEPS
from khoidesktop.domain.structure import GROUP_LABELS
from khoidesktop.exchange import summary
from khoidesktop.exchange.bundle_export import export_bundle
from khoidesktop.exchange.bundle_format import FORMAT_VERSION, read_bundle
from khoidesktop.units.records import level_figures, unit_rows
from tests.conftest import BLOC_IDENTITY, FIXED_NOW, import_all

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def training_bloc(tmp_path):
    opened = create_data_file(
        tmp_path / "khoi-tap-huan.sqlite", replace(BLOC_IDENTITY, training=True), actor="test", now=lambda: FIXED_NOW
    )
    yield opened
    opened.close()


def raw_parts(path: Path, version: int = 1) -> dict[str, dict]:
    with zipfile.ZipFile(path) as zf:
        return {part: json.loads(zf.read(f"data/{part}.json")) for part in summary.PARTS[version]}


@pytest.mark.parametrize("version", sorted(summary.READERS))
def test_a_bundle_of_every_format_version_still_imports(training_bloc, version):
    """tests/fixtures/bundle_v<n>.khoi were made by the program when the format was at version n: each imports,
    and the level's figures are those its reader finds in it."""
    path = FIXTURES / f"bundle_v{version}.khoi"
    assert read_bundle(path).format_version == version
    assert [o.status for o in import_all(training_bloc, [path])] == ["imported"]
    with training_bloc.session() as s:
        figures = level_figures(s, Period(2025), unit_rows(s, Period(2025), FIXED_NOW.date()))
    sent = summary.read_unit(raw_parts(path, version), Period(2025), version)
    assert figures.units == 1 and figures.cells == sent.cells == 1
    assert (figures.total, figures.rated, figures.meetings) == (sent.total, sent.rated, sent.meetings)
    assert figures.total > 0 and figures.rated > 0


def test_a_version_2_bundle_holds_counts_only_and_reads_back_as_sent():
    """Version 2 sends no name (Law 91/2025/QH15): its figures part reads back to the counts written."""
    path = FIXTURES / "bundle_v2.khoi"
    raw = raw_parts(path, 2)
    text = json.dumps(raw, ensure_ascii=False)
    assert "full_name" not in text and "birth_date" not in text and raw["units"] == {"expected": 0, "units": []}
    figures = summary.read_unit(raw, Period(2025), 2)
    assert summary.figures_part(figures) == raw["figures"]


def test_version_1_is_read_key_by_key(training_bloc):
    path = FIXTURES / "bundle_v1.khoi"
    assert [o.status for o in import_all(training_bloc, [path])] == ["imported"]
    raw = raw_parts(path)
    with training_bloc.session() as s:
        figures = level_figures(s, Period(2025), unit_rows(s, Period(2025), FIXED_NOW.date()))
    assert figures.units == 1
    assert figures.total == raw["structure"]["total"] == len(raw["members"]["members"]) > 0
    assert figures.rated == raw["ratings"]["rated"] == sum(figures.levels.values()) > 0
    assert dict(figures.levels) == {level: n["count"] for level, n in raw["ratings"]["levels"].items()}
    assert {k: figures.structure[k] for k in GROUP_LABELS} == {k: raw["structure"][k]["count"] for k in GROUP_LABELS}
    assert figures.meetings == raw["meetings"]["meetings"]  # the training cell meets from 2026 on
    assert {f"{m:02d}": n for m, n in figures.meetings_by_month.items()} == raw["meetings"]["meetings_by_month"]
    assert (figures.present, figures.expected) == tuple(raw["meetings"]["attendance"].values())
    assert figures.admitted == raw["recruitment"]["admitted_in_year"]
    # a step added with the 2025 rules (Step.added_2025) is absent from an older bundle: read as no file at it
    added = {s.code: 0 for s in STEPS if s.added_2025 and s.code not in raw["recruitment"]["files_by_step"]}
    assert dict(figures.files_by_step) == {**raw["recruitment"]["files_by_step"], **added}


def test_every_version_has_its_fixture_and_the_current_one_is_written():
    assert summary.VERSION == FORMAT_VERSION == max(summary.READERS)
    assert sorted(p.name for p in FIXTURES.glob("bundle_v*.khoi")) == [f"bundle_v{v}.khoi" for v in summary.READERS]


def test_the_format_does_not_follow_the_command_lines_json(demo_store, training_bloc, tmp_path, monkeypatch):
    """Renaming what `stats … --json` prints changes nothing in a bundle: the parts are spelled out in summary."""
    from khoidesktop.domain.structure import Share, Structure
    from khoidesktop.meetings.figures import YearSummary
    from khoidesktop.ratings.figures import YearFigures

    before = export_bundle(
        demo_store, tmp_path / "a.khoi", Period(2025), today=FIXED_NOW.date(), now=FIXED_NOW, actor="t"
    ).path
    for cls in (Share, Structure, YearSummary, YearFigures):
        monkeypatch.setattr(cls, "as_json", lambda self: {"renamed": True})
    after = export_bundle(
        demo_store, tmp_path / "b.khoi", Period(2025), today=FIXED_NOW.date(), now=FIXED_NOW, actor="t"
    ).path
    assert raw_parts(after, 2) == raw_parts(before, 2)
    assert [o.status for o in import_all(training_bloc, [after])] == ["imported"]


def test_a_renamed_recruitment_figure_stops_the_export_instead_of_changing_the_format(
    demo_store, tmp_path, monkeypatch
):
    """The recruitment part is copied key by key from the figures the cell's screens use: a key renamed there
    fails the export loudly (and writes nothing) rather than sending a bundle of another shape."""
    from khoidesktop.recruitment import stats

    real = stats.recruitment_figures

    def renamed(*args, **kwargs):
        figures = dict(real(*args, **kwargs))
        figures["late"] = figures.pop("overdue")
        figures["extra"] = 1
        return figures

    monkeypatch.setattr(stats, "recruitment_figures", renamed)
    with pytest.raises(KeyError):
        export_bundle(demo_store, tmp_path / "c.khoi", Period(2025), today=FIXED_NOW.date(), now=FIXED_NOW, actor="t")
    assert not (tmp_path / "c.khoi").exists()


def test_the_reader_names_the_part_that_is_wrong():
    parts = raw_parts(FIXTURES / "bundle_v1.khoi")
    assert summary.read_unit(parts, Period(2025), 1).members == parts["structure"]["total"]
    for part, broken in (
        ("ratings", {**parts["ratings"], "rated": -1}),
        ("meetings", {**parts["meetings"], "year": 2024}),
        ("structure", {**parts["structure"], "on": "2030-01-01"}),
        ("ratings", {**parts["ratings"], "rule_set": "QĐ " * 100_000}),  # shown in the report above: bounded
        ("ratings", {**parts["ratings"], "rule_set": ["QĐ 366"]}),
    ):
        with pytest.raises(summary.DataProblem) as found:
            summary.read_unit({**parts, part: broken}, Period(2025), 1)
        assert found.value.part == part


def test_the_level_above_recounts_the_cap_by_the_rule_as_written():
    """A version-1 bundle made before the cap's base was corrected says the cap allows HTTNV-and-above × 20%; the
    reader applies QĐ 366 itself (HTTNV × the cell's cap percent)."""
    parts = raw_parts(FIXTURES / "bundle_v1.khoi")
    ratings = parts["ratings"]
    httnv, cap = ratings["levels"]["HTTNV"]["count"], ratings["excellent_cap"]["cap_percent"]
    figures = summary.read_unit(parts, Period(2025), 1)
    assert figures.excellent_allowed == httnv * cap // 100
    assert ratings["excellent_cap"]["allowed"] == ratings["good_or_better"]["count"] * cap // 100  # as it was sent
