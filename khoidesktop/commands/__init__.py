"""The command line's commands (argparse), one module per feature, gathered in one table (TABLE); no Qt here.

Each module declares COMMANDS (commands/registry.Command); cli.py builds the parser once from TABLE."""

from __future__ import annotations

from khoidesktop.commands import (
    audit,
    congress,
    datafile,
    delegates,
    elections,
    encryption,
    exchange,
    meetings,
    members,
    ratings,
    recruitment,
    term_records,
    terms,
    units,
)
from khoidesktop.commands.registry import Command, merge

TABLE: dict[str, Command] = merge(
    (
        *datafile.COMMANDS,
        *members.COMMANDS,
        *meetings.COMMANDS,
        *ratings.COMMANDS,
        *recruitment.COMMANDS,
        *datafile.TOOLS,
        *encryption.TOOLS,
        *exchange.COMMANDS,
        *units.COMMANDS,
        *terms.COMMANDS,
        *audit.COMMANDS,
        *term_records.COMMANDS,
        *delegates.COMMANDS,
        *elections.COMMANDS,
        *congress.COMMANDS,
    )
)
