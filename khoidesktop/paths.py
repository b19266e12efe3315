"""Where the program keeps its files: the per-user data folder and the bundled resources."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "KhoiDesktop"
DATA_DIR_ENV = "KHOI_DATA_DIR"
DEFAULT_DB_NAME = "chi-bo.sqlite"
DEMO_DB_NAME = "tap-huan.sqlite"


def resources_dir() -> Path:
    """The read-only resources shipped with the program (fonts, icons, translations)."""
    bundled = getattr(sys, "_MEIPASS", None)  # a PyInstaller build unpacks them here
    base = Path(bundled) if bundled else Path(__file__).resolve().parent.parent
    return base / "resources"


def migrations_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    base = Path(bundled) if bundled else Path(__file__).resolve().parent.parent
    return base / "db" / "migrations"


def default_data_dir() -> Path:
    """`KHOI_DATA_DIR` if set, else the per-user, per-machine application data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_DIR_NAME, appauthor=False, roaming=False)


def documents_dir() -> Path:
    """Where a save dialog opens the first time: the user's documents folder (Tài liệu / Documents), or the home
    folder when there is none — never the program's own folder."""
    from platformdirs import user_documents_path

    found = user_documents_path()
    return found if found.is_dir() else Path.home()


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        return cls(default_data_dir())

    @property
    def default_db(self) -> Path:
        return self.data_dir / DEFAULT_DB_NAME

    @property
    def demo_db(self) -> Path:
        return self.data_dir / DEMO_DB_NAME

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def ensure(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)


def display_path(path: Path) -> str:
    """A path as shown to the user: under the home folder, written from "~" (not on Windows, where
    users know the full form)."""
    if os.name != "nt":
        try:
            return "~/" + str(path.relative_to(Path.home()))
        except ValueError:
            pass
    return str(path)


def backups_dir_for(db_path: Path) -> Path:
    """Backups of a database live beside it, in `backups/`."""
    return db_path.parent / "backups"
