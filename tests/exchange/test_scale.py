"""A bloc of 60 units and 5,000 members, from generated cells: the bloc's figures are exactly the sum of
what the cells sent."""

from __future__ import annotations

from collections import Counter

from khoidesktop.demo.bloc import make_bundles
from khoidesktop.domain.periods import Period
from khoidesktop.domain.structure import GROUP_LABELS
from khoidesktop.exchange.bundle_format import read_bundle
from khoidesktop.units.records import level_figures, unit_rows
from tests.conftest import FIXED_NOW, import_all
from tests.exchange.helpers import dump


def test_sixty_units_five_thousand_members(bloc_store, tmp_path):
    bundles = make_bundles(tmp_path / "cells", 60, 5000, now=FIXED_NOW)
    outcomes = import_all(bloc_store, bundles)
    assert Counter(o.status for o in outcomes) == {"imported": 60}
    sent = [read_bundle(path) for path in bundles]
    expected_structure, expected_levels = Counter(), Counter()
    for bundle in sent:
        structure = bundle.data("figures")["structure"]
        expected_structure.update({"total": structure["total"]} | {k: structure[k] for k in GROUP_LABELS})
        expected_levels.update(bundle.data("figures")["ratings"]["levels"])
    with bloc_store.session() as s:
        rows = unit_rows(s, Period(2025), FIXED_NOW.date())
        figures = level_figures(s, Period(2025), rows)
    assert figures.units == len(rows) == 60 and not any(r.late for r in rows)
    assert figures.total == expected_structure["total"] == 5000
    assert dict(figures.structure) == dict(expected_structure)
    assert dict(figures.levels) == dict(expected_levels) and figures.rated == sum(expected_levels.values()) > 0
    shares = figures.structure_result().groups
    assert shares["women"].percent == round(100 * expected_structure["women"] / 5000, 2)
    before = dump(bloc_store.path)
    assert Counter(o.status for o in import_all(bloc_store, bundles)) == {"unchanged": 60}
    assert dump(bloc_store.path) == before
