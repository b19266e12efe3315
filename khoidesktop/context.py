"""AppContext: what every part of the program is given explicitly (no globals).

Holds the folders, settings, the clock, the open data store (once opened) and the prompts seam through
which services-level code asks the user something. No Qt here: the GUI installs its own prompts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from khoidesktop.paths import AppPaths
from khoidesktop.settings import Settings

if TYPE_CHECKING:  # importing the store pulls in SQLAlchemy (~160 ms): not before the window paints
    from khoidesktop.domain.workdays import KeptYears, WorkCalendar
    from khoidesktop.store.database import Store


class Prompts(Protocol):
    """The one seam for message boxes and file dialogs (Qt in the GUI, scripted in tests)."""

    def info(self, title: str, text: str) -> None: ...
    def warning(self, title: str, text: str) -> None: ...
    def error(self, title: str, text: str) -> None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def ask_unsaved(self, title: str, text: str) -> str: ...  # "save", "discard" or "cancel"
    def open_file(self, title: str, file_filter: str) -> Path | None: ...
    def open_files(self, title: str, file_filter: str) -> list[Path]: ...
    def save_file(self, title: str, suggested: str, file_filter: str) -> Path | None: ...
    def open_folder(self, title: str) -> Path | None: ...
    def ask_passphrase(self, title: str, text: str) -> str | None: ...  # None: the user declined


class HeadlessPrompts:
    """Used where no one can be asked (command line): informs on stderr, declines every question."""

    def info(self, title: str, text: str) -> None:
        import sys

        print(text, file=sys.stderr)

    warning = error = info

    def confirm(self, title: str, text: str) -> bool:
        return False

    def ask_unsaved(self, title: str, text: str) -> str:
        return "cancel"

    def open_file(self, title: str, file_filter: str) -> Path | None:
        return None

    def open_files(self, title: str, file_filter: str) -> list[Path]:
        return []

    def save_file(self, title: str, suggested: str, file_filter: str) -> Path | None:
        return None

    def open_folder(self, title: str) -> Path | None:
        return None

    def ask_passphrase(self, title: str, text: str) -> str | None:
        return None


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    prompts: Prompts = field(default_factory=HeadlessPrompts)
    now: Callable[[], datetime] = datetime.now
    store: Store | None = None
    passphrase: str | None = field(default=None, repr=False)  # for an encrypted data file (cli.py; asked in the GUI)
    _kept_years: KeptYears | None = field(default=None, repr=False)  # the national calendar's kept answers

    @classmethod
    def create(cls, paths: AppPaths | None = None) -> AppContext:
        paths = paths or AppPaths.default()
        return cls(paths=paths, settings=Settings(paths.settings_file))

    def today(self) -> date:
        return self.now().date()

    def extra_days_off(self) -> list[date]:
        """The local days off of the open data file (datafile/days_off.py); none when no file is open."""
        if self.store is None:
            return []
        from khoidesktop.datafile.days_off import days_off

        with self.store.session() as session:
            return days_off(session)

    def local_days_off(self) -> list[date]:
        """This computer's old setting of local days off (before they moved into the data file, schema 12): read
        into each data file once (datafile.days_off.adopt_local_days_off)."""
        found = []
        for text in self.settings.get("extra_days_off").split(","):
            try:
                found.append(date.fromisoformat(text.strip()))
            except ValueError:
                continue  # an empty or damaged entry of an old settings file: left out
        return found

    def work_calendar(self) -> WorkCalendar:
        """Working days: the national calendar less the local days off of the open data file."""
        from khoidesktop.domain.workdays import WorkCalendar
        from khoidesktop.national_days import kept_years

        if self._kept_years is None:
            self._kept_years = kept_years(self.paths.data_dir)
        return WorkCalendar(self.extra_days_off(), self._kept_years)

    def require_store(self) -> Store:
        if self.store is None:
            raise RuntimeError("no data file is open")
        return self.store
