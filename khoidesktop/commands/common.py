"""Helpers shared by the commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.context import AppContext
from khoidesktop.domain.dates import FIRST_YEAR, LAST_YEAR
from khoidesktop.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.domain.periods import Period
    from khoidesktop.members.sheet_import import ImportPlan
    from khoidesktop.store.database import Store


def db_path(args: argparse.Namespace, ctx: AppContext) -> Path:
    if args.db is not None:
        chosen: Path = args.db  # argparse type=Path
        return chosen
    return ctx.paths.demo_db if args.demo else ctx.paths.default_db


def existing_db(args: argparse.Namespace, ctx: AppContext) -> Path:
    """The data file a command works on; a Vietnamese error (exit 1) when it is not there."""
    from khoidesktop.errors import DatabaseError

    path = db_path(args, ctx).absolute()
    if not path.is_file():
        raise DatabaseError(_("The data file {path} does not exist.").format(path=path))
    return path


@contextmanager
def opened(args: argparse.Namespace, ctx: AppContext, *, lock: bool = False) -> Iterator[Store]:
    """The data file, open for one command. Writers take the lock (one program per file) and may upgrade
    the file; readers open it read-only and change nothing."""
    from khoidesktop.store.database import open_store

    store = open_store(db_path(args, ctx), lock=lock, readonly=not lock, now=ctx.now, passphrase=ctx.passphrase)
    try:
        yield store
    finally:
        store.close()


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON for other programs"))


def bounded(low: int, high: int) -> Callable[[str], int]:
    """argparse type for a whole number from `low` to `high`, refused in Vietnamese otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(_("“{text}” is not a whole number.").format(text=text)) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("{value} is out of range: give a number from {low} to {high}.").format(
                    value=value, low=low, high=high
                )
            )
        return value

    return parse


year_arg = bounded(FIRST_YEAR, LAST_YEAR)  # --year
id_arg = bounded(1, 2**62)  # --meeting, --candidate: a record's number
WORKDAYS_MAX = 3650  # working days in one step: ten years and more


def period_arg(text: str) -> Period:
    """argparse type for a period: a year (2025) or a quarter (2025-Q3)."""
    from khoidesktop.domain.periods import Period

    try:
        return Period.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a period: write a year (2025) or a quarter (2025-Q3).").format(text=text)
        ) from None


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD (the machine-readable form used on the command line)."""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a date in the form YYYY-MM-DD.").format(text=text)
        ) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            _("{text}: the date must fall between {first} and {last}.").format(
                text=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return value


def run_import(
    args: argparse.Namespace,
    ctx: AppContext,
    store: Store,
    plan: Callable[[Session], ImportPlan],
    apply: Callable[[Session, ImportPlan, datetime, str], object],
) -> int:
    """The import commands' flow: plan (preview), list the rejected rows, and write all rows or none.

    `plan(session)` returns an ImportPlan; `apply(session, plan, now, actor)` writes it."""
    import sys

    from khoidesktop.store.audit import current_actor

    with store.session() as session, session.begin():
        result = plan(session)
        print(result.summary())
        if not result.clean:
            for row in result.rejected:
                for message in row.messages:
                    print(message, file=sys.stderr)
            print(_("Nothing was imported. Correct these rows in the file and import it again."), file=sys.stderr)
            return 1
        if args.dry_run:
            print(_("Dry run: nothing was written."))
            return 0
        apply(session, result, ctx.now(), current_actor())
    print(_("Imported."))
    return 0
