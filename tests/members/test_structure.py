"""Structure figures on a hand-checked set of members."""

from datetime import date

from khoidesktop.members.history import add_event
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.members.structure import structure_on
from tests.conftest import FIXED_NOW

ON = date(2026, 11, 23)
PEOPLE = [  # name, born, gender, ethnicity, religion, education, theory, admitted, official
    ("Nguyễn Thị An", date(1999, 1, 1), "female", "Kinh", "Không", "bachelor", "elementary", date(2024, 5, 1), None),
    (
        "Trần Văn Bình",
        date(1986, 11, 23),
        "male",
        "Tày",
        "",
        "master",
        "intermediate",
        date(2010, 1, 1),
        date(2011, 1, 1),
    ),
    (
        "Lê Thị Cúc",
        date(1986, 11, 24),
        "female",
        "Kinh",
        "Phật giáo",
        "doctor",
        "advanced",
        date(2010, 1, 1),
        date(2011, 1, 1),
    ),
    (
        "Phạm Văn Dũng",
        date(1965, 11, 23),
        "male",
        "Dao",
        "Không",
        "college",
        "bachelor",
        date(1990, 1, 1),
        date(1991, 1, 1),
    ),
    ("Hoàng Văn Em", date(1966, 1, 1), "male", "Kinh", "Công giáo", None, None, date(1995, 1, 1), date(1996, 1, 1)),
    # left before the date: not counted
    (
        "Đỗ Văn Giang",
        date(1970, 1, 1),
        "male",
        "Kinh",
        "",
        "bachelor",
        "intermediate",
        date(2000, 1, 1),
        date(2001, 1, 1),
    ),
    # admitted two days before the date: not counted on 20/11
    ("Vũ Thị Hoa", date(1995, 1, 1), "female", "Kinh", "", "bachelor", "intermediate", date(2026, 11, 21), None),
]


def test_structure_on_a_date(store):
    with store.session() as s, s.begin():
        ids = {}
        for name, born, gender, eth, rel, edu, theory, admitted, official in PEOPLE:
            ids[name] = add_member(
                s,
                MemberData(
                    name,
                    born,
                    gender,
                    eth,
                    rel,
                    professional_education=edu,
                    political_theory=theory,
                    admitted_on=admitted,
                    official_on=official,
                    status="official" if official else "probationary",
                ),
                now=FIXED_NOW,
                actor="t",
            ).id
        add_event(s, ids["Đỗ Văn Giang"], "transfer_out", date(2025, 3, 1), now=FIXED_NOW, actor="t")
    with store.session() as s:
        result = structure_on(s, ON).as_json()
        earlier = structure_on(s, date(2025, 1, 1)).as_json()
        later = structure_on(s, date(2026, 11, 20)).as_json()
    assert result["total"] == 6
    assert result["women"] == {"count": 3, "percent": 50.0}
    assert result["ethnic_minority"] == {"count": 2, "percent": 33.33}
    assert result["religious"] == {"count": 2, "percent": 33.33}
    # ages on 23/11/2026: An 27, Bình 40 (birthday today), Cúc 39 (tomorrow), Dũng 61, Em 60, Hoa 31
    assert result["under_30"]["count"] == 1
    assert result["age_30_40"]["count"] == 3
    assert result["under_40"] == {"count": 3, "percent": 50.0}
    assert result["age_41_50"]["count"] == 0
    assert result["age_51_60"]["count"] == 1
    assert result["over_60"] == {"count": 1, "percent": 16.67}
    assert (result["doctorate"]["count"], result["masters"]["count"], result["university"]["count"]) == (1, 1, 2)
    assert result["education_unknown"]["count"] == 1 and result["theory_unknown"]["count"] == 1
    assert result["probationary"] == {"count": 2, "percent": 33.33}
    assert result["official"] == {"count": 4, "percent": 66.67}
    assert earlier["total"] == 6  # Giang was still in the cell, Hoa not yet
    assert later["total"] == 5
