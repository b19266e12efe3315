"""The national calendar's kept answers (domain/workdays.KeptYears) in a file beside the settings,
ngay-nghi-le.json: the years asked so far, with the version of `holidays` that answered. Another version, a damaged
file or a folder that cannot be written only means asking `holidays` again."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from khoidesktop.domain.workdays import KeptYears

FILE_NAME = "ngay-nghi-le.json"


def kept_years(folder: Path) -> KeptYears:
    path, version = folder / FILE_NAME, _holidays_version()
    return KeptYears(_read(path, version), lambda years: _write(path, version, years) if version else None)


def _holidays_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:  # a frozen installation without its metadata: nothing is kept
        return ""


def _read(path: Path, version: str) -> dict[int, frozenset[date]]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if not version or kept.get("holidays") != version:
            return {}
        return {int(y): frozenset(date.fromisoformat(d) for d in days) for y, days in kept["years"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):  # none yet, or damaged
        return {}


def _write(path: Path, version: str, years: dict[int, frozenset[date]]) -> None:
    text = json.dumps({"holidays": version, "years": {str(y): sorted(d.isoformat() for d in years[y]) for y in years}})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return
