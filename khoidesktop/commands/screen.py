"""`screenshot --screen WxH --scale S`: the pages pictured on a simulated screen (the offscreen platform).

The screen is given as on the computer's display settings (1366x768, 125 % → `--scale 1.25`). What the window
gets is that screen less what Windows 11 keeps for itself: the taskbar and the window's own title bar and border.
Each picture is then at most the screen, in the screen's pixels.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from khoidesktop.i18n import _

RESERVED_DIP = 80  # Windows 11: the taskbar (48) and the title bar with the window's border (32), at 100 %
SIDES = (640, 7680)  # a screen's width or height, in pixels
SCALES = (1.0, 3.0)  # 100 % … 300 %


def screen_size(text: str) -> tuple[int, int]:
    """argparse type for WIDTHxHEIGHT in pixels, refused in Vietnamese otherwise."""
    parts = text.lower().split("x")
    try:
        width, height = (int(part) for part in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a screen size: give it as WIDTHxHEIGHT, e.g. 1366x768.").format(text=text)
        ) from None
    low, high = SIDES
    if not (low <= width <= high and low <= height <= high):
        raise argparse.ArgumentTypeError(
            _("{text}: each side of the screen must be from {low} to {high} pixels.").format(
                text=text, low=low, high=high
            )
        )
    return width, height


def scale_factor(text: str) -> float:
    """argparse type for the display scale as a factor (1.25 for 125 %)."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a scale: give it as a factor, e.g. 1.25 for 125 percent.").format(text=text)
        ) from None
    low, high = SCALES
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(
            _("{text}: the scale must be from {low} to {high}.").format(text=text, low=low, high=high)
        )
    return value


def screen_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--screen",
        type=screen_size,
        metavar="WxH",
        help=_("picture the window on a screen of this size in pixels, e.g. 1366x768"),
    )
    parser.add_argument(
        "--scale",
        type=scale_factor,
        default=1.0,
        metavar="S",
        help=_("with --screen: the display scale, e.g. 1.25 for 125 percent (default 1)"),
    )


def window_area(screen: tuple[int, int], scale: float) -> tuple[int, int]:
    """The pixels of the screen left to the window's inside (without the taskbar, the title bar, the border)."""
    width, height = screen
    return width, height - round(RESERVED_DIP * scale)


@contextmanager
def simulated_screen(screen: tuple[int, int] | None, scale: float) -> Iterator[None]:
    """Within it, a Qt application started in this process sees that screen at that scale."""
    if screen is None:
        yield
        return
    if "PySide6.QtGui" in sys.modules:
        raise RuntimeError("--screen must be set before Qt starts: run the screenshot command in its own process")
    width, height = window_area(screen, scale)
    saved = {key: os.environ.get(key) for key in ("QT_QPA_PLATFORM", "QT_SCALE_FACTOR")}
    with tempfile.TemporaryDirectory(prefix="khoi-screen-") as folder:
        config = Path(folder) / "screen.json"
        screens = [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}]
        config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
        try:
            yield
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
