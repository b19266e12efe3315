"""The checks every reader of the summary format makes on what a bundle holds: whole numbers in range, short
printable text, bounded lists. No database here."""

from __future__ import annotations

from typing import Any

from khoidesktop.domain.recruitment import STEP_BY_CODE, STEP_CODES

MAX_COUNT = 10_000_000  # far above any level (a province has some hundred thousand members); more is forged
Part = dict[str, Any]


class DataProblem(Exception):
    """A part of a bundle lacks a figure, or holds one out of range or not of its period."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def number(value: object, most: int = MAX_COUNT) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise ValueError(value)
    return value


def optional_number(value: object) -> int | None:
    return None if value is None else number(value)


def short_text(value: object, most: int) -> str:
    """A short line of text the level above shows (in its report too): printable, at most `most` characters."""
    if not isinstance(value, str) or len(value) > most or not value.isprintable():
        raise ValueError(value)
    return value


def items(value: object, most: int = MAX_COUNT) -> list[Any]:
    if not isinstance(value, list) or len(value) > most:
        raise ValueError(value)
    return value


def mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(value)
    return value


def files_by_step(counts: Part) -> dict[str, int]:
    """A step added with the 2025 rules is absent from a bundle made before: no file was at it."""
    return {
        code: number(counts[code]) if code in counts or not STEP_BY_CODE[code].added_2025 else 0 for code in STEP_CODES
    }
