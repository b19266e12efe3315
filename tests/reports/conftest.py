"""Data for the report tests: members added through the services, in one transaction."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from khoidesktop.services.members import MemberData, add_member
from khoidesktop.store.database import Store
from tests.conftest import FIXED_NOW

TODAY = date(2026, 11, 22)  # the date printed on the documents


def add_members(store: Store, members: Iterable[MemberData]) -> None:
    with store.session() as session, session.begin():
        for data in members:
            add_member(session, data, now=FIXED_NOW, actor="test")


THREE = (
    MemberData("Nguyễn Văn Định", birth_date=date(1980, 3, 5), gender="male", admitted_on=date(2005, 6, 1),
               official_on=date(2006, 6, 1), card_number="01234567", position="Trưởng phòng"),
    MemberData("Lê Thị Hà", birth_date=date(1995, 12, 31), gender="female", admitted_on=date(2026, 5, 19),
               status="probationary", position="Chuyên viên"),
    MemberData("Phạm Đình Thắng", birth_date=date(1970, 1, 9), gender="male", admitted_on=date(1999, 2, 3),
               official_on=date(2000, 2, 3), card_number="000123456789", position="Chuyên viên chính"),
)


@pytest.fixture
def three_store(store: Store) -> Store:
    """The test cell (not training data) with three members."""
    add_members(store, THREE)
    return store
