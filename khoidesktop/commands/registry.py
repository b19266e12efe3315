"""The command table: each command module declares its commands (COMMANDS); the parser is built once from all of
them, and a run opens the data file once and hands it to the handler of the file's kind (datafile.kinds).

A command that two roles have (`stats ratings` of a cell and of a bloc) is declared by each module that has it;
the declarations are merged here into one sub-command (their arguments together, one handler per role).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoidesktop.commands.common import opened
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE, kind_of
from khoidesktop.errors import DatabaseError, ValidationError
from khoidesktop.i18n import N_, _
from khoidesktop.process import started
from khoidesktop.store.backup import refuse_output_onto_data_file

if TYPE_CHECKING:
    from khoidesktop.store.database import Store

ANY = "any"  # the handler's key for a command that works on any data file, or none (it opens what it needs)
Handler = Callable[..., int]  # (args, ctx) for ANY, else (args, ctx, store)

# Group → its help, the name of its sub-command in the parsed arguments, and that sub-command's metavar.
GROUPS: dict[str, tuple[str, str, str]] = {
    "members": (N_("import, export or list the members"), "action", N_("ACTION")),
    "ratings": (N_("the yearly rating of members"), "action", N_("ACTION")),
    "stats": (N_("figures for reports (JSON with --json)"), "topic", N_("TOPIC")),
    "report": (N_("make a PDF report"), "kind", N_("REPORT")),
    "units": (N_("the units of a level above the cells"), "action", N_("ACTION")),
    "election": (N_("elections: count the votes of a round"), "action", N_("ACTION")),
    "audit": (N_("the audit log: who changed what, when"), "action", N_("ACTION")),
    "term": (N_("the term: its dates, its committee and its targets"), "action", N_("ACTION")),
    "delegates": (N_("the delegates to the superior's congress and their structure"), "action", N_("ACTION")),
    "congress": (N_("the congress of a term: summoned, attendance, quorum, documents"), "action", N_("ACTION")),
}
# What a user is told when a command needs a file of another role.
REFUSALS: dict[str, str] = {
    CELL_ROLE: N_("This works on a cell's data file; this file belongs to a level above the cells."),
    UNITS_ROLE: N_(
        "This is a cell's data file; this works on the data file of a level above the cells (a grassroots, "
        "superior or province committee). Create one with “init --level …”, or switch the mode in the settings."
    ),
}


def _never(args: argparse.Namespace) -> bool:
    return False


@dataclass(frozen=True)
class Command:
    name: str  # "backup", or "<group> <sub-command>": "stats ratings"
    help: str  # msgid
    arguments: tuple[Callable[[argparse.ArgumentParser], Any], ...] = ()
    handlers: Mapping[str, Handler] = field(default_factory=dict)  # role → handler, or ANY → handler
    writes: Callable[[argparse.Namespace], bool] = _never  # takes the file's lock (and may upgrade it)
    refusal: str = ""  # msgid told on a file of another kind (default: REFUSALS of the role it needs)

    def merged(self, other: Command) -> Command:
        return Command(
            self.name,
            self.help,
            self.arguments + other.arguments,
            {**self.handlers, **other.handlers},
            self.writes if self.writes is not _never else other.writes,
            self.refusal or other.refusal,
        )


def merge(table: Iterable[Command]) -> dict[str, Command]:
    merged: dict[str, Command] = {}
    for command in table:
        merged[command.name] = merged[command.name].merged(command) if command.name in merged else command
    return merged


def add_commands(parser: argparse.ArgumentParser, commands: Mapping[str, Command]) -> None:
    """One sub-parser per command (and per group), in the order of the table."""
    subparsers = parser.add_subparsers(dest="command", title=_("commands"), metavar=_("COMMAND"))
    groups: dict[str, Any] = {}
    for name, command in commands.items():
        head, _space, tail = name.partition(" ")
        if tail:
            if head not in groups:
                text, dest, metavar = GROUPS[head]
                group = subparsers.add_parser(head, help=_(text))
                groups[head] = group.add_subparsers(dest=dest, required=True, metavar=_(metavar))
            sub = groups[head].add_parser(tail, help=_(command.help))
        else:
            sub = subparsers.add_parser(name, help=_(command.help))
        for add in command.arguments:
            add(sub)
        sub.set_defaults(command_name=name)


def run(command: Command, args: argparse.Namespace, ctx: AppContext) -> int:
    if ANY in command.handlers:
        started()
        return command.handlers[ANY](args, ctx)
    from khoidesktop.datafile.identity import get_identity

    with opened(args, ctx, lock=command.writes(args)) as store:
        for name, value in vars(args).items():  # no file a command names may be the data file or its backups
            for path in value if isinstance(value, list) else [value]:
                if isinstance(path, Path) and name != "db":
                    refuse_output_onto_data_file(path, store.path)
        with store.session() as session:
            kind = kind_of(get_identity(session))
        handler = command.handlers.get(kind.role)
        if handler is None or not kind.has_command(command.name):
            raise ValidationError(_(command.refusal or REFUSALS[next(iter(command.handlers))]))
        if command.writes(args):
            backup_before_writing(store, ctx)
        started()
        return handler(args, ctx, store)


def backup_before_writing(store: Store, ctx: AppContext) -> None:
    """Before a command writes (an import of members, ratings or bundles …): refuse a file that cannot be written,
    then make a backup (copied to the second folder too; a missing one is only a warning)."""
    import sys

    from khoidesktop.settings import second_backup_folder
    from khoidesktop.store.access import read_only_message
    from khoidesktop.store.backup import backup_everywhere

    if store.readonly:
        raise DatabaseError(read_only_message(store.path))
    made = backup_everywhere(
        store.path,
        ctx.now(),
        ctx.settings.get("backups_to_keep"),
        second_backup_folder(ctx.settings),
        store.passphrase,
    )
    if made.warning:
        print(made.warning, file=sys.stderr)
