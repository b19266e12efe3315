"""The data file itself: init, info, check, screenshot (COMMANDS); workdays, backup, restore (TOOLS)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from khoidesktop.commands.common import WORKDAYS_MAX, bounded, db_path, existing_db, iso_date, json_flag, opened
from khoidesktop.commands.registry import ANY, Command
from khoidesktop.commands.screen import screen_arguments
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import BASE_CELL, CELL, CELL_ROLE, GRASSROOTS, PROVINCE, SUPERIOR, UNITS_ROLE
from khoidesktop.datafile.kinds import KINDS as KINDS_BY_CODE
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.store.database import Store


LEVELS = {kind.code: kind for kind in (GRASSROOTS, SUPERIOR, PROVINCE)}


def _kind_asked(args: argparse.Namespace) -> str:
    """The kind of data file `init` makes: --level (--bloc is --level superior), else a cell (--grassroots: a chi
    bộ cơ sở)."""
    from khoidesktop.errors import ValidationError

    if args.bloc and args.level not in (None, SUPERIOR.code):
        raise ValidationError(_("--bloc is --level superior: give one of them."))
    level = SUPERIOR.code if args.bloc else args.level
    if level and args.grassroots:
        raise ValidationError(_("--grassroots is for a cell's data file (with --cell), not with --level."))
    return level or (BASE_CELL if args.grassroots else CELL).code


def _init_arguments(init: argparse.ArgumentParser) -> None:
    init.add_argument("--cell", default="", metavar=_("NAME"), help=_('cell name, e.g. "Chi bộ Văn phòng"'))
    init.add_argument("--org", default="", metavar=_("NAME"), help=_("grassroots Party organisation"))
    init.add_argument("--superior", default="", metavar=_("NAME"), help=_("superior Party committee"))
    init.add_argument("--place", default="", metavar=_("PLACE"), help=_('place name on documents, e.g. "Hạ Long"'))
    init.add_argument("--secretary", default="", metavar=_("NAME"), help=_("the secretary's full name"))
    init.add_argument(
        "--level",
        choices=LEVELS,
        help=_(
            "a level above the cells, which imports its units' bundles: grassroots (đảng ủy cơ sở), "
            "superior (cấp trên trực tiếp của cơ sở) or province (tỉnh ủy)"
        ),
    )
    init.add_argument("--bloc", action="store_true", help=_("the same as --level superior"))
    init.add_argument(
        "--grassroots",
        action="store_true",
        help=_("with --cell: the cell is itself the grassroots organisation (chi bộ cơ sở)"),
    )
    init.add_argument(
        "--demo", action="store_true", dest="init_demo", help=_("fill the file with training data instead")
    )
    init.add_argument(
        "--encrypt",
        action="store_true",
        help=_(
            "encrypt the file with a passphrase (from --passphrase-file or KHOI_PASSPHRASE, else typed twice); "
            "without it, nobody can read the file"
        ),
    )


def _folder(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar=_("FOLDER"), type=Path, required=True, help=_("folder for the PNG files"))


def _workdays_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=iso_date, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--days", type=bounded(0, WORKDAYS_MAX), required=True, metavar="N")
    parser.add_argument("--json", action="store_true", help=_("print only the date, as YYYY-MM-DD"))


def _backup_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar=_("FILE"))


def cmd_init(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.datafile.create import create_data_file, describe
    from khoidesktop.datafile.identity import IdentityData
    from khoidesktop.store.audit import current_actor

    kind = _kind_asked(args)
    identity = IdentityData(args.cell, args.org, args.superior, args.place, args.secretary, kind=kind)
    passphrase = None
    if args.encrypt:
        from khoidesktop.commands.encryption import new_passphrase

        if db_path(args, ctx).exists():  # said before the passphrase is asked for
            from khoidesktop.errors import ValidationError

            raise ValidationError(
                _("The file {path} already exists. Open it, or choose another name.").format(path=db_path(args, ctx))
            )
        passphrase = new_passphrase(ctx)
    if args.init_demo:
        from khoidesktop.demo.files import create_demo_file

        store = create_demo_file(
            db_path(args, ctx), actor=current_actor(), now=ctx.now, kind=kind, passphrase=passphrase
        )
    else:
        store = create_data_file(
            db_path(args, ctx), identity, actor=current_actor(), now=ctx.now, passphrase=passphrase
        )
    try:
        info = describe(store, ctx.today())
    finally:
        store.close()
    if info.units is not None:
        print(
            _("Created {path}: {bloc}, {units} units, {count} members (as the units sent).").format(
                path=info.path,
                bloc=info.identity.org_name if info.identity else "",
                units=info.units,
                count=info.member_count,
            )
        )
    else:
        print(
            _("Created {path}: {cell}, {count} members.").format(
                path=info.path, cell=info.identity.cell_name if info.identity else "", count=info.member_count
            )
        )
    return 0


def cmd_info(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.datafile.create import describe

    info = describe(store, ctx.today())
    if args.json:
        print(json.dumps(info.as_json(), ensure_ascii=False, indent=2))
        return 0
    ident = info.identity
    lines = [_("Data file: {path}").format(path=info.path), _("Schema version: {v}").format(v=info.schema_version)]
    if ident and info.units is not None:
        lines += [
            _("Level: {kind}").format(kind=_(KINDS_BY_CODE[ident.kind].title)),
            _("Party organisation: {name}").format(name=ident.org_name),
            _("Superior committee: {name}").format(name=ident.superior_name),
            _("Units: {n}").format(n=info.units),
        ]
    elif ident:
        lines += [
            _("Cell: {name}").format(name=ident.cell_name),
            _("Grassroots organisation: {name}").format(name=ident.org_name),
            _("Superior committee: {name}").format(name=ident.superior_name),
        ]
    lines.append(_("Members: {n}").format(n=info.member_count))
    if info.encrypted:
        lines.append(_("Encrypted: opens only with its passphrase"))
    if info.training:
        lines.append(_("TRAINING DATA"))
    print("\n".join(lines))
    return 0


def cmd_check(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.store.database import damaged_message, integrity_problems

    path = existing_db(args, ctx)
    problems = integrity_problems(path, ctx.passphrase)
    if problems:
        print(damaged_message(path, problems), file=sys.stderr)
        return 1
    print("OK")
    return 0


def cmd_screenshot(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.app import save_screenshots
    from khoidesktop.commands.screen import simulated_screen

    with simulated_screen(args.screen, args.scale):
        for path in save_screenshots(ctx, db_path(args, ctx), args.out):
            print(path)
    return 0


def cmd_workdays(args: argparse.Namespace, ctx: AppContext) -> int:
    """The national calendar, less the local days off of the data file named with --db (they are the file's)."""
    from khoidesktop.domain.workdays import WorkCalendar
    from khoidesktop.i18n import format_date

    calendar = WorkCalendar()
    if args.db is not None:
        from khoidesktop.datafile.days_off import work_calendar

        with opened(args, ctx) as store, store.session() as session:
            calendar = work_calendar(session)
    end = calendar.add_working_days(args.start, args.days)
    print(
        end.isoformat()
        if args.json
        else _("{days} working days after {start}: {end}").format(
            days=args.days, start=format_date(args.start), end=format_date(end)
        )
    )
    return 0


def cmd_backup(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.settings import second_backup_folder
    from khoidesktop.store.backup import backup_everywhere

    path = existing_db(args, ctx)
    keep, second = ctx.settings.get("backups_to_keep"), second_backup_folder(ctx.settings)
    made = backup_everywhere(path, ctx.now(), keep, second, ctx.passphrase)
    print(_("Saved {path}.").format(path=made.path))
    if made.warning:
        print(made.warning, file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.store.lock import InstanceLock
    from khoidesktop.store.restore import restore_backup

    path = existing_db(args, ctx)
    lock = InstanceLock(path)
    lock.acquire()  # nobody may have the file open while it is replaced
    try:
        safety = restore_backup(args.backup.absolute(), path, ctx.now(), ctx.passphrase)
    finally:
        lock.release()
    print(
        _("Restored from {backup}. The file as it was is kept as {safety}.").format(backup=args.backup, safety=safety)
    )
    return 0


COMMANDS = (
    Command(
        "init",
        N_("create a new data file (a cell's, or a level's above the cells)"),
        (_init_arguments,),
        {ANY: cmd_init},
    ),
    Command(
        "info",
        N_("show the cell, schema version and member count"),
        (json_flag,),
        {CELL_ROLE: cmd_info, UNITS_ROLE: cmd_info},
    ),
    Command("check", N_("check the data file for damage (prints OK when sound)"), (), {ANY: cmd_check}),
    Command(
        "screenshot",
        N_("save a picture of every page (offscreen)"),
        (_folder, screen_arguments),
        {ANY: cmd_screenshot},
    ),
)
TOOLS = (
    Command(
        "workdays",
        N_("the date N working days after a date (Vietnamese holidays)"),
        (_workdays_arguments,),
        {ANY: cmd_workdays},
    ),
    Command("backup", N_("make a dated copy of the data file in its backups folder"), (), {ANY: cmd_backup}),
    Command("restore", N_("put a backup back in place of the data file"), (_backup_file,), {ANY: cmd_restore}),
)
