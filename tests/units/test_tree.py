"""The organisation tree (issue 16): real cell data files → two grassroots committees and a chi bộ cơ sở → a
superior committee → the province committee. Every count at every level is the sum over the cells at the leaves,
and each level takes the bundles of the level just below it only."""

from __future__ import annotations

from pathlib import Path

import pytest

from khoidesktop.datafile.create import create_data_file
from khoidesktop.datafile.kinds import KINDS
from khoidesktop.demo.bloc import import_generated
from khoidesktop.demo.tree import Builder, Shape, demo_identity
from khoidesktop.domain.periods import Period
from khoidesktop.exchange.bundle_format import read_bundle
from khoidesktop.exchange.figures import Figures, sum_units
from khoidesktop.exchange.summary import SENDERS_OWN
from khoidesktop.units.records import level_figures, unit_rows
from tests.conftest import FIXED_NOW

PERIOD = Period(FIXED_NOW.year - 1)
# one superior: a chi bộ cơ sở and two đảng bộ cơ sở of 3 and 2 cells
TREE = Shape(committees=(Shape(cells=1, committees=(Shape(3), Shape(2))),))


def summed(figures: Figures) -> dict[str, object]:
    return {k: v for k, v in figures.counts().items() if k not in SENDERS_OWN}


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tree")
    builder = Builder(folder, FIXED_NOW, training=True)
    [superior_bundle] = builder.bundles(KINDS["province"], TREE, "Đảng bộ tỉnh Quảng Ninh", PERIOD.year)
    province = create_data_file(folder / "tinh.sqlite", demo_identity("province"), actor="t", now=lambda: FIXED_NOW)
    assert [o.status for o in import_generated(province, [superior_bundle], now=FIXED_NOW, actor="t")] == ["imported"]
    yield folder, province, superior_bundle
    province.close()


def leaves(folder: Path) -> list[Figures]:
    return [read_bundle(p).figures for p in sorted(folder.glob("chi-bo-*.khoi"))]


def test_every_figure_at_every_level_is_the_sum_over_the_leaves(tree):
    folder, province, superior_bundle = tree
    cells = leaves(folder)
    assert len(cells) == 6 and all(c.cells == 1 and c.total > 0 for c in cells)
    leaf_sum = sum_units(cells)
    # each grassroots committee sent the sum of its own cells
    committees = sorted(folder.glob("grassroots-*.khoi"))
    assert [read_bundle(p).figures.cells for p in committees] == [3, 2]
    # the superior's bundle: the sum over the six cells, and its rows one level down
    superior = read_bundle(superior_bundle)
    assert superior.level == "superior" and summed(superior.figures) == summed(leaf_sum)
    rows = superior.data("units")["units"]
    assert sorted(r["kind"] for r in rows) == ["base_cell", "grassroots", "grassroots"]
    # the province: its totals are the leaves' sum, counted and recomputed there
    with province.session() as s:
        figures = level_figures(s, PERIOD, unit_rows(s, PERIOD, FIXED_NOW.date()))
    assert figures.units == 1 and figures.cells == 6
    assert summed(figures) == summed(leaf_sum)
    assert figures.total == sum(c.total for c in cells) and figures.rated == sum(c.rated for c in cells)
    assert dict(figures.levels) == dict(sum((c.levels for c in cells), start=figures.levels.__class__()))
    ratings = figures.ratings_json(PERIOD.year)
    assert ratings["levels"]["HTTNV"]["percent"] == round(100 * figures.levels["HTTNV"] / figures.rated, 2)
    # the superior rated none of its three TCCS yet; the province sees them as three not rated
    assert figures.unit_levels[1][None] == 3 and figures.unit_levels[2][None] == 1


def test_the_excellence_cap_is_decided_by_the_grassroots_committee_over_all_its_cells(tree):
    from khoidesktop.domain.rating_rules import excellent_allowed, rule_set_for

    folder, _province, _bundle = tree
    for path in sorted(folder.glob("grassroots-*.khoi")):
        sent = read_bundle(path).figures
        assert sent.excellent_allowed == excellent_allowed(rule_set_for(PERIOD.year), sent.levels, 20)


@pytest.mark.parametrize(
    ("receiver", "sender_glob"),
    [("province", "chi-bo-*.khoi"), ("superior", "chi-bo-002*.khoi"), ("grassroots", "superior-*.khoi")],
)
def test_a_bundle_of_the_wrong_level_is_refused_with_the_reason(tree, tmp_path, receiver, sender_glob):
    folder, _province, _bundle = tree
    store = create_data_file(tmp_path / "x.sqlite", demo_identity(receiver), actor="t", now=lambda: FIXED_NOW)
    try:
        sender = sorted(folder.glob(sender_glob))[0]
        [outcome] = import_generated(store, [sender], now=FIXED_NOW, actor="t")
        assert outcome.status == "refused" and "chỉ nhận gói của" in outcome.reason
        with store.session() as s:
            assert unit_rows(s, PERIOD, FIXED_NOW.date()) == []
    finally:
        store.close()


def test_a_first_format_bundle_of_todays_cells_still_imports_into_a_superior(tmp_path):
    fixture = Path(__file__).parents[1] / "fixtures" / "bundle_v1.khoi"
    store = create_data_file(tmp_path / "x.sqlite", demo_identity("superior"), actor="t", now=lambda: FIXED_NOW)
    try:
        assert [o.status for o in import_generated(store, [fixture], now=FIXED_NOW, actor="t")] == ["imported"]
        province = create_data_file(tmp_path / "p.sqlite", demo_identity("province"), actor="t", now=lambda: FIXED_NOW)
        try:
            [refused] = import_generated(province, [fixture], now=FIXED_NOW, actor="t")
            assert refused.status == "refused"
        finally:
            province.close()
    finally:
        store.close()
