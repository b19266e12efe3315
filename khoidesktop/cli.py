"""The command line: the same services as the window, and no Qt unless a command needs a window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from khoidesktop import __version__
from khoidesktop.commands import TABLE
from khoidesktop.commands.encryption import given_passphrase
from khoidesktop.commands.registry import add_commands, run
from khoidesktop.context import AppContext
from khoidesktop.errors import UserError, storage_failure
from khoidesktop.i18n import N_, _, ngettext

# argparse's own texts, so that usage lines and errors read in Vietnamese too (see _translate_argparse).
ARGPARSE_MSGIDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("expected at least one argument"),
)


def _translate_argparse() -> None:
    """argparse looks its texts up through the module-level names `_` and `ngettext`; point them at
    our catalogue (the argparse msgids are listed above, so they are extracted and translated)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    _translate_argparse()
    parser = argparse.ArgumentParser(
        prog="main.py", description=_("Khối desktop: the records of a Party cell. Without a command, opens the window.")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Khối desktop {__version__}",
        help=_("show the program's version and exit"),
    )
    parser.add_argument(
        "--db",
        metavar=_("FILE"),
        type=Path,
        help=_("the data file to use (default: the one in the user's data folder)"),
    )
    parser.add_argument("--demo", action="store_true", help=_("open the training data file (made on first use)"))
    parser.add_argument(
        "--passphrase-file",
        metavar=_("FILE"),
        type=Path,
        help=_(
            "a file holding the passphrase of an encrypted data file (or set the environment variable KHOI_PASSPHRASE)"
        ),
    )
    add_commands(parser, TABLE)
    return parser


def cmd_gui(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.app import run_gui

    return run_gui(ctx, args.db, demo=args.demo)


def main(argv: list[str], ctx: AppContext | None = None) -> int:
    args = build_parser().parse_args(argv)
    ctx = ctx or AppContext.create()
    try:
        ctx.passphrase = ctx.passphrase or given_passphrase(args.passphrase_file)
        command = TABLE.get(getattr(args, "command_name", ""))
        return run(command, args, ctx) if command is not None else cmd_gui(args, ctx)
    except UserError as exc:
        print(_("Error: {message}").format(message=exc.message), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a program that stopped reading (| head)
        return 0
    except Exception as exc:
        message = storage_failure(exc)
        if message is None:
            raise  # a bug, not the user's doing: the traceback is what a developer needs
        print(_("Error: {message}").format(message=message), file=sys.stderr)
        return 1
