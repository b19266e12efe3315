"""The program's own settings (not the cell's data): one declaration per setting, stored as JSON.

The cell's identity (names printed on documents) lives in the database, not here.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khoidesktop.i18n import N_

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    title: str  # msgid, shown translated


DECLARATIONS: tuple[Setting, ...] = (
    Setting("last_database", str, "", N_("Last opened data file")),
    Setting("backups_to_keep", int, 10, N_("Number of backups to keep")),
    Setting("member_columns", str, "", N_("Columns shown in the member list")),  # keys, comma-separated
    # ISO dates, comma-separated: the days off of before schema 12, read into each data file once (context.py)
    Setting("extra_days_off", str, "", N_("Local days off")),
    Setting("last_folder", str, "", N_("Folder where files were last saved")),
    Setting("second_backup_folder", str, "", N_("Second folder for backups (a USB stick)")),  # this computer's
    Setting("window_geometry", str, "", N_("Size and place of the window")),  # JSON: ui/window_geometry.py
    Setting("recent_files", str, "", N_("Data files opened recently")),  # paths, one a line, the latest first
)
RECENT_KEPT = 8  # data files listed under Tệp → Mở gần đây
_BY_KEY = {s.key: s for s in DECLARATIONS}


def second_backup_folder(settings: Settings) -> Path | None:
    """The folder every backup is also copied to, or None when none is set."""
    folder = settings.get("second_backup_folder")
    return Path(folder) if folder else None


def recent_files(settings: Settings) -> list[Path]:
    """The data files opened recently, the latest first (a file may have gone since: the caller checks)."""
    return [Path(line) for line in settings.get("recent_files").splitlines() if line.strip()]


def remember_recent(settings: Settings, path: Path) -> None:
    """`path` goes to the top of the recent files (once), the list kept to RECENT_KEPT."""
    kept = [path, *(p for p in recent_files(settings) if p != path)][:RECENT_KEPT]
    settings.set("recent_files", "\n".join(str(p) for p in kept))


def forget_recent(settings: Settings, path: Path) -> None:
    """`path` leaves the recent files (it was not found)."""
    settings.set("recent_files", "\n".join(str(p) for p in recent_files(settings) if p != path))


class Settings:
    """Typed access to the declared settings; unknown keys are refused, bad values fall back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable, defaults used: %s", exc)
            return
        if isinstance(raw, dict):
            for key, value in raw.items():
                setting = _BY_KEY.get(key)
                if setting is not None and isinstance(value, setting.type):
                    self._values[key] = value

    def get(self, key: str) -> Any:
        return self._values.get(key, _BY_KEY[key].default)

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        if not isinstance(value, setting.type):
            raise TypeError(f"{key} must be {setting.type.__name__}")
        self._values[key] = value
        self.save()

    def restore_defaults(self) -> None:
        self._values.clear()
        self.save()

    def save(self) -> None:
        """Write atomically: a crash mid-write leaves the old file, never half a file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)
