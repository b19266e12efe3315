"""The term's targets summed up the tree (issue 17): a target a level above the cells computes (terms/progress.py)
comes from the sum of its units' yearly figures (units/records.level_figures), through real bundles. At a
grassroots committee, "≥ 95% of members HTTNV or above" from its cells' bundles is the share of the cells' counts
summed; at the superior, from the grassroots committee's bundle, the same again. Figures entered by hand stay the
level's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khoidesktop.datafile.create import create_data_file
from khoidesktop.datafile.identity import IdentityData
from khoidesktop.domain.periods import Period
from khoidesktop.exchange.bundle_export import export_bundle
from khoidesktop.i18n import percent
from khoidesktop.store.database import open_store
from khoidesktop.terms.progress import term_progress
from khoidesktop.terms.records import TargetForm, TermForm, save_target, save_term, set_value, terms
from tests.conftest import BLOC_IDENTITY, FIXED_NOW, import_all

TODAY = FIXED_NOW.date()
YEAR = FIXED_NOW.year - 1
TERM = TermForm("2025–2030", date(2025, 1, 1), date(2029, 12, 31), date(2025, 1, 10))
SUPERIOR = IdentityData("", "Đảng bộ các cơ quan Đảng tỉnh", "Tỉnh ủy Quảng Ninh", "Hạ Long", "X", kind="superior")
TARGETS = (
    ("Đảng viên hoàn thành tốt nhiệm vụ trở lên", 95, "percent", "members_good"),
    ("Đảng viên hoàn thành xuất sắc nhiệm vụ", 20, "percent", "members_excellent"),
    ("Kết nạp đảng viên mới", 500, "people", "admissions"),
    ("Sinh hoạt chuyên đề", 20, "meetings", "thematic_meetings"),
    ("Chi bộ đạt yêu cầu sinh hoạt", 90, "percent", None),
)


def _with_term(store) -> None:
    with store.session() as s, s.begin():
        term = save_term(s, TERM, now=FIXED_NOW, actor="t")
        for position, (name, target, unit, computed) in enumerate(TARGETS):
            save_target(
                s, TargetForm(term.id, name, target, unit, computed, position=position), now=FIXED_NOW, actor="t"
            )


def _year_figures(store) -> dict[str, tuple[float, int | None, int | None] | None]:
    """Each computed target's figure for the bundles' year: (value, count, base)."""
    with store.session() as s:
        progress = term_progress(s, terms(s)[0], TODAY)
    found = {}
    for target in progress.targets:
        figure = target.years[YEAR]
        found[target.computed or target.indicator] = (
            None if figure is None else (figure.value, figure.count, figure.base)
        )
    return found


def _cells(generated_bundles: list[Path]) -> list[dict]:
    """Each cell's own figures, computed in its data file with the same term and targets."""
    found = []
    for bundle in generated_bundles:
        db = bundle.parent / (bundle.name.rsplit("-", 1)[0] + ".sqlite")
        cell = open_store(db, lock=False)
        try:
            if not terms_of(cell):
                _with_term(cell)
            found.append(_year_figures(cell))
        finally:
            cell.close()
    return found


def terms_of(store) -> list:
    with store.session() as s:
        return terms(s)


def _summed(cells: list[dict]) -> dict[str, tuple[float, int, int | None]]:
    found = {}
    for key in ("members_good", "members_excellent"):
        count = sum(c[key][1] for c in cells)
        base = sum(c[key][2] for c in cells)
        found[key] = (percent(count, base), count, base)
    for key in ("admissions", "thematic_meetings"):
        total = sum(c[key][0] for c in cells)
        found[key] = (total, None, None)
    return found


@pytest.fixture(scope="module")
def tree(tmp_path_factory, generated_bundles):
    """The four generated cells' bundles of last year at a grassroots committee, whose bundle goes to a superior."""
    folder = tmp_path_factory.mktemp("targets")
    grassroots = create_data_file(folder / "du.sqlite", BLOC_IDENTITY, actor="t", now=lambda: FIXED_NOW)
    superior = create_data_file(folder / "cap-tren.sqlite", SUPERIOR, actor="t", now=lambda: FIXED_NOW)
    try:
        _with_term(grassroots)
        _with_term(superior)
        assert {o.status for o in import_all(grassroots, generated_bundles)} == {"imported"}
        sent = folder / "du.khoi"
        export_bundle(grassroots, sent, Period(YEAR), today=TODAY, now=FIXED_NOW, actor="t", reports=False)
        assert {o.status for o in import_all(superior, [sent])} == {"imported"}
        yield grassroots, superior
    finally:
        grassroots.close()
        superior.close()


def test_a_grassroots_committees_targets_are_the_sum_of_its_cells_figures(tree, generated_bundles):
    grassroots, _superior = tree
    cells = _cells(generated_bundles)
    summed = _summed(cells)
    level = _year_figures(grassroots)
    assert summed["members_good"][2] > 100  # the cells rated their members: a real base
    for key, expected in summed.items():
        assert level[key] is not None, key
        if expected[1] is None:
            assert level[key][0] == expected[0], key
        else:
            assert level[key] == expected, key


def test_a_superior_committees_targets_are_the_same_sum_one_level_up(tree, generated_bundles):
    grassroots, superior = tree
    assert _year_figures(superior) == {**_year_figures(grassroots)}


def test_a_figure_entered_by_hand_stays_the_levels_own(tree):
    grassroots, superior = tree
    with grassroots.session() as s, s.begin():
        term = terms(s)[0]
        from khoidesktop.terms.records import targets

        by_hand = next(t for t in targets(s, term.id) if t.computed is None)
        set_value(s, by_hand.id, YEAR, 92.5, now=FIXED_NOW, actor="t")
    assert _year_figures(grassroots)[by_hand.indicator] == (92.5, None, None)
    assert _year_figures(superior)[by_hand.indicator] is None
