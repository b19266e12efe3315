"""The training data names its bodies as they are named since the 2025 reorganisation of the provincial Party
committees: a department's grassroots organisation reports to "Đảng ủy các cơ quan Đảng tỉnh", no longer to the
dissolved "Đảng ủy Khối …" or "Đảng ủy Ủy ban nhân dân tỉnh" (issue 13, item 11)."""

from __future__ import annotations

from khoidesktop.demo.bloc import DEMO_BLOC, DEMO_UNITS, unit_identity
from khoidesktop.demo.cell import DEMO_IDENTITY

OUTDATED = ("Đảng ủy Khối", "Đảng bộ Khối", "Đảng ủy Ủy ban nhân dân", "Đảng bộ Ủy ban nhân dân")


def test_the_training_data_uses_the_current_kinds_of_name():
    identities = [DEMO_IDENTITY, DEMO_BLOC, *(unit_identity(n, training=True) for n in range(DEMO_UNITS))]
    names = [name for i in identities for name in (i.cell_name, i.org_name, i.superior_name)]
    assert [n for n in names if n.startswith(OUTDATED)] == []
    assert DEMO_IDENTITY.superior_name == "Đảng ủy các cơ quan Đảng tỉnh"
    assert {unit_identity(n, training=True).superior_name for n in range(DEMO_UNITS)} == {
        "Đảng ủy các cơ quan Đảng tỉnh"
    }
