"""Fixtures: each test gets its own data folder and data file; Qt runs offscreen; prompts are scripted."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from khoidesktop.context import AppContext
from khoidesktop.datafile.create import create_data_file
from khoidesktop.datafile.identity import IdentityData
from khoidesktop.demo.files import create_demo_file
from khoidesktop.i18n import set_language
from khoidesktop.members.records import MemberData, add_member
from khoidesktop.paths import AppPaths
from khoidesktop.settings import Settings
from khoidesktop.store.database import Store

FIXED_NOW = datetime(2026, 11, 23, 9, 30)
IDENTITY = IdentityData(
    cell_name="Chi bộ Phòng Tổng hợp",
    org_name="Đảng bộ Sở Tài chính",
    superior_name="Đảng ủy Ủy ban nhân dân tỉnh",
    place_name="Hạ Long",
    secretary_name="Trần Thị Hạnh",
)


class ScriptedPrompts:
    """Answers questions from scripted queues and records every message shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.confirmations: deque[bool] = deque()
        self.files: deque[Path | None] = deque()
        self.suggested: list[str] = []  # what each save dialog proposed
        self.unsaved: deque[str] = deque()  # answers to "save the changes?": save, discard, cancel
        self.passphrases: deque[str | None] = deque()  # what is typed when an encrypted file asks (None: cancel)

    def _show(self, kind: str, title: str, text: str) -> None:
        self.shown.append((kind, title, text))

    def info(self, title: str, text: str) -> None:
        self._show("info", title, text)

    def warning(self, title: str, text: str) -> None:
        self._show("warning", title, text)

    def error(self, title: str, text: str) -> None:
        self._show("error", title, text)

    def confirm(self, title: str, text: str) -> bool:
        self._show("confirm", title, text)
        return self.confirmations.popleft()

    def ask_unsaved(self, title: str, text: str) -> str:
        self._show("unsaved", title, text)
        return self.unsaved.popleft()

    def open_file(self, title: str, file_filter: str) -> Path | None:
        return self.files.popleft()

    def open_files(self, title: str, file_filter: str) -> list[Path]:
        return self.files.popleft()

    def save_file(self, title: str, suggested: str, file_filter: str) -> Path | None:
        self.suggested.append(suggested)
        return self.files.popleft()

    def open_folder(self, title: str) -> Path | None:
        return self.files.popleft()

    def ask_passphrase(self, title: str, text: str) -> str | None:
        self._show("passphrase", title, text)
        return self.passphrases.popleft()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real per-user data folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("KHOI_DATA_DIR", str(data))
    set_language("vi")
    return data


@pytest.fixture
def ctx(isolated_data_dir: Path):
    paths = AppPaths(isolated_data_dir)
    context = AppContext(
        paths=paths, settings=Settings(paths.settings_file), prompts=ScriptedPrompts(), now=lambda: FIXED_NOW
    )
    yield context
    if context.store is not None:
        context.store.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "chi-bo.sqlite"


@pytest.fixture
def store(db_path: Path):
    opened = create_data_file(db_path, IDENTITY, actor="test", now=lambda: FIXED_NOW)
    yield opened
    opened.close()


@pytest.fixture
def demo_store(tmp_path: Path):
    opened = create_demo_file(tmp_path / "tap-huan.sqlite", actor="test", now=lambda: FIXED_NOW)
    yield opened
    opened.close()


@pytest.fixture
def khoi_app(qapp):
    """The QApplication set up as the program sets it up (look, fonts, Qt's strings in Vietnamese)."""
    from khoidesktop.ui import theme
    from khoidesktop.ui.qt_translations import install_qt_translator

    if not qapp.property("khoi_ready"):
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        install_qt_translator(qapp)
        theme.apply(qapp)
        qapp.setProperty("khoi_ready", True)
    return qapp


BLOC_IDENTITY = IdentityData(  # the level the training cell (a chi bộ trực thuộc) reports to
    "", "Đảng bộ Sở Tài chính", "Đảng ủy các cơ quan Đảng tỉnh", "Hạ Long", "Phạm Văn Khối", kind="grassroots"
)


def import_all(store, paths: list[Path]) -> list:
    """Import bundles into a bloc, confirming every new key (as the user would after checking them)."""
    from khoidesktop.demo.bloc import import_generated

    return import_generated(store, paths, now=FIXED_NOW, actor="test")


@pytest.fixture(scope="session")
def generated_bundles(tmp_path_factory) -> list[Path]:
    """Bundles for 2025 of four generated cells with 150 members in all (shared: read-only)."""
    from khoidesktop.demo.bloc import make_bundles

    return make_bundles(tmp_path_factory.mktemp("cells"), 4, 150, now=FIXED_NOW)


@pytest.fixture
def bloc_store(tmp_path: Path):
    """An empty bloc data file."""
    opened = create_data_file(tmp_path / "khoi.sqlite", BLOC_IDENTITY, actor="test", now=lambda: FIXED_NOW)
    yield opened
    opened.close()


@pytest.fixture
def grassroots_demo(tmp_path: Path):
    """The training grassroots committee: four made-up cells' bundles of last year, with the names they propose as
    HTXSNV, one cell late."""
    opened = create_demo_file(tmp_path / "dang-uy.sqlite", actor="test", kind="grassroots", now=lambda: FIXED_NOW)
    yield opened
    opened.close()


@pytest.fixture
def filled_bloc(bloc_store, generated_bundles):
    """A bloc holding the generated cells' bundles for 2025."""
    import_all(bloc_store, generated_bundles)
    return bloc_store


# Data for the document tests: members added through the services, in one transaction.
TODAY = date(2026, 11, 22)  # the date printed on the documents


def add_members(store: Store, members: Iterable[MemberData]) -> None:
    with store.session() as session, session.begin():
        for data in members:
            add_member(session, data, now=FIXED_NOW, actor="test")


THREE = (
    MemberData(
        "Nguyễn Văn Định",
        birth_date=date(1980, 3, 5),
        gender="male",
        admitted_on=date(2005, 6, 1),
        official_on=date(2006, 6, 1),
        card_number="01234567",
        position="Trưởng phòng",
    ),
    MemberData(
        "Lê Thị Hà",
        birth_date=date(1995, 12, 31),
        gender="female",
        admitted_on=date(2026, 5, 19),
        status="probationary",
        position="Chuyên viên",
    ),
    MemberData(
        "Phạm Đình Thắng",
        birth_date=date(1970, 1, 9),
        gender="male",
        admitted_on=date(1999, 2, 3),
        official_on=date(2000, 2, 3),
        card_number="000123456789",
        position="Chuyên viên chính",
    ),
)


@pytest.fixture
def three_store(store: Store) -> Store:
    """The test cell (not training data) with three members."""
    add_members(store, THREE)
    return store
