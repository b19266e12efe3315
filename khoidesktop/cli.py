"""The command line: the same services as the window, and no Qt unless a command needs a window."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from khoidesktop import __version__
from khoidesktop.context import AppContext
from khoidesktop.errors import UserError, storage_failure
from khoidesktop.i18n import N_, _, ngettext

# argparse's own texts, so that usage lines and errors read in Vietnamese too (see _translate_argparse).
ARGPARSE_MSGIDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"), N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"), N_("expected at least one argument"),
)


def _translate_argparse() -> None:
    """argparse looks its texts up through the module-level names `_` and `ngettext`; point them at
    our catalogue (the argparse msgids are listed above, so they are extracted and translated)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    _translate_argparse()
    parser = argparse.ArgumentParser(
        prog="main.py", description=_("Khối desktop: the records of a Party cell. Without a command, "
                                      "opens the window."))
    parser.add_argument("--version", action="version", version=f"Khối desktop {__version__}")
    parser.add_argument("--db", metavar=_("FILE"), type=Path,
                        help=_("the data file to use (default: the one in the user's data folder)"))
    parser.add_argument("--demo", action="store_true",
                        help=_("open the training data file (made on first use)"))
    commands = parser.add_subparsers(dest="command", title=_("commands"), metavar=_("COMMAND"))

    init = commands.add_parser("init", help=_("create a new data file for a cell"))
    init.add_argument("--cell", default="", help=_("cell name, e.g. \"Chi bộ Văn phòng\""))
    init.add_argument("--org", default="", help=_("grassroots Party organisation"))
    init.add_argument("--superior", default="", help=_("superior Party committee"))
    init.add_argument("--place", default="", help=_("place name on documents, e.g. \"Hạ Long\""))
    init.add_argument("--secretary", default="", help=_("the secretary's full name"))
    init.add_argument("--demo", action="store_true", dest="init_demo",
                      help=_("fill the file with training data instead"))

    info = commands.add_parser("info", help=_("show the cell, schema version and member count"))
    info.add_argument("--json", action="store_true", help=_("print JSON for other programs"))
    commands.add_parser("check", help=_("check the data file for damage (prints OK when sound)"))
    shot = commands.add_parser("screenshot", help=_("save a picture of every page (offscreen)"))
    shot.add_argument("--out", metavar=_("FOLDER"), type=Path, required=True,
                      help=_("folder for the PNG files"))
    return parser


def _db_path(args: argparse.Namespace, ctx: AppContext) -> Path:
    if args.db is not None:
        return args.db
    return ctx.paths.demo_db if args.demo else ctx.paths.default_db


def cmd_init(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.services.audit import current_actor
    from khoidesktop.services.datafile import create_data_file, describe
    from khoidesktop.services.identity import IdentityData

    identity = IdentityData(args.cell, args.org, args.superior, args.place, args.secretary)
    store = create_data_file(_db_path(args, ctx), None if args.init_demo else identity,
                             demo_data=args.init_demo, actor=current_actor(), now=ctx.now)
    try:
        info = describe(store)
    finally:
        store.close()
    print(_("Created {path}: {cell}, {count} members.").format(
        path=info.path, cell=info.identity.cell_name if info.identity else "", count=info.member_count))
    return 0


def cmd_info(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.services.datafile import describe
    from khoidesktop.store.database import open_store

    store = open_store(_db_path(args, ctx), lock=False, now=ctx.now)
    try:
        info = describe(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(info.as_json(), ensure_ascii=False, indent=2))
        return 0
    ident = info.identity
    lines = [_("Data file: {path}").format(path=info.path),
             _("Schema version: {v}").format(v=info.schema_version)]
    if ident:
        lines += [_("Cell: {name}").format(name=ident.cell_name),
                  _("Grassroots organisation: {name}").format(name=ident.org_name),
                  _("Superior committee: {name}").format(name=ident.superior_name)]
    lines.append(_("Members: {n}").format(n=info.member_count))
    if info.training:
        lines.append(_("TRAINING DATA"))
    print("\n".join(lines))
    return 0


def cmd_check(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.store.database import damaged_message, integrity_problems

    path = _db_path(args, ctx).absolute()
    if not path.is_file():
        print(_("The data file {path} does not exist.").format(path=path), file=sys.stderr)
        return 1
    problems = integrity_problems(path)
    if problems:
        print(damaged_message(path, problems), file=sys.stderr)
        return 1
    print("OK")
    return 0


def cmd_screenshot(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.app import save_screenshots

    for path in save_screenshots(ctx, _db_path(args, ctx), args.out):
        print(path)
    return 0


def cmd_gui(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.app import run_gui

    return run_gui(ctx, args.db, demo=args.demo)


COMMANDS = {"init": cmd_init, "info": cmd_info, "check": cmd_check, "screenshot": cmd_screenshot,
            None: cmd_gui}


def main(argv: list[str], ctx: AppContext | None = None) -> int:
    args = build_parser().parse_args(argv)
    ctx = ctx or AppContext.create()
    try:
        return COMMANDS[args.command](args, ctx)
    except UserError as exc:
        print(_("Error: {message}").format(message=exc.message), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        message = storage_failure(exc)
        if message is None:
            raise  # a bug, not the user's doing: the traceback is what a developer needs
        print(_("Error: {message}").format(message=message), file=sys.stderr)
        return 1
