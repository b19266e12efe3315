"""congress show / set / summon / attend / attach / documents / save-document / remove-document: the congress of a
term from the command line, checked and audited like the congress dialog (terms/congress.py); refused in
Vietnamese with nothing written."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoidesktop.commands.common import id_arg, iso_date, json_flag
from khoidesktop.commands.registry import Command
from khoidesktop.context import AppContext
from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.domain.congress import ATTENDANCE_LABELS, DOCUMENT_KINDS
from khoidesktop.i18n import N_, _, format_date, format_number

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from khoidesktop.store.database import Store

BOTH = (CELL_ROLE, UNITS_ROLE)
TEXT_FILE_BYTES = 1024 * 1024  # an agenda or a list of names


def _which_term(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--term", metavar=_("NAME"), help=_("the term, by its name (default: the current one)"))


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    _which_term(parser)
    json_flag(parser)


def _set_arguments(parser: argparse.ArgumentParser) -> None:
    _which_term(parser)
    parser.add_argument("--held-on", type=iso_date, metavar=_("YYYY-MM-DD"), help=_("the day of the congress"))
    parser.add_argument("--place", metavar=_("TEXT"), help=_("where it is held"))
    parser.add_argument("--agenda-file", type=Path, metavar=_("FILE"), help=_("the agenda, a text file"))
    for option, what in (
        ("--presidium", N_("the presidium")),
        ("--secretariat", N_("the secretariat")),
        ("--counting-board", N_("the counting board")),
    ):
        parser.add_argument(option, metavar=_("NAMES"), help=_("{what}: names separated by “;”").format(what=_(what)))


def _summon_arguments(parser: argparse.ArgumentParser) -> None:
    _which_term(parser)
    parser.add_argument(
        "--names-file",
        type=Path,
        metavar=_("FILE"),
        help=_("those summoned, one name a line (above the cells: the delegates; a cell: instead of its members)"),
    )
    parser.add_argument(
        "--from-units", action="store_true", help=_("above the cells: the delegates the units sent with their bundles")
    )


def _attend_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar=_("NAME"), help=_("the full name of one summoned"))
    _which_term(parser)
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--present", action="store_true")
    how.add_argument("--absent", action="store_true", help=_("absent without a reason"))
    how.add_argument("--excused", metavar=_("REASON"), help=_("absent with a reason"))


def _attach_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar=_("FILE"))
    _which_term(parser)
    parser.add_argument("--kind", required=True, choices=tuple(DOCUMENT_KINDS))
    parser.add_argument("--title", required=True, metavar=_("TEXT"))
    parser.add_argument("--dated", type=iso_date, metavar=_("YYYY-MM-DD"), help=_("the document's date"))


def _document_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=id_arg, metavar="ID", help=_("the document's number (congress documents)"))


def _save_arguments(parser: argparse.ArgumentParser) -> None:
    _document_id(parser)
    parser.add_argument("--out", type=Path, required=True, metavar=_("FILE"))


def _text_file(path: Path) -> str:
    from khoidesktop.errors import ValidationError

    try:
        if path.stat().st_size > TEXT_FILE_BYTES:
            raise ValidationError(_("{path} is too large for a text: at most 1 MB.").format(path=path))
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("{path} is not a text file in UTF-8.").format(path=path)) from None
    except OSError:
        raise ValidationError(_("Cannot read the file {path}.").format(path=path)) from None


def _write(store: Store, ctx: AppContext, change: Callable[[Session, datetime, str], str]) -> int:
    from khoidesktop.store.audit import current_actor

    with store.session() as session, session.begin():
        said = change(session, ctx.now(), current_actor())
    print(said)
    return 0


def cmd_set(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.errors import ValidationError
    from khoidesktop.terms.congress import CongressForm, congress_form, save_congress
    from khoidesktop.terms.records import term_named

    agenda = _text_file(args.agenda_file) if args.agenda_file else None

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        old = congress_form(session, term.id)
        held_on = args.held_on or (old.held_on if old else term.congress_on)
        if held_on is None:
            raise ValidationError(_("Give the day of the congress (--held-on YYYY-MM-DD)."))
        given = {
            "place": args.place,
            "agenda": agenda,
            "presidium": args.presidium,
            "secretariat": args.secretariat,
            "counting_board": args.counting_board,
        }
        kept = {k: getattr(old, k) if old else "" for k in given}
        values = {k: v if v is not None else kept[k] for k, v in given.items()}
        save_congress(session, CongressForm(term.id, held_on, **values), now=now, actor=actor)
        return _("Saved the congress of the term {term}.").format(term=term.name)

    return _write(store, ctx, change)


def _summon(args: argparse.Namespace, ctx: AppContext, store: Store, *, cell: bool) -> int:
    from khoidesktop.errors import ValidationError
    from khoidesktop.terms.congress import quorum_of, quorum_text, summon_members, summon_names, summon_units_delegates
    from khoidesktop.terms.records import term_named

    names = _text_file(args.names_file) if args.names_file else None

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        if names is not None:
            count = summon_names(session, term.id, names, now=now, actor=actor)
        elif args.from_units and not cell:
            count = summon_units_delegates(session, term.id, now=now, actor=actor)
        elif cell and not args.from_units:
            count = summon_members(session, term.id, now=now, actor=actor)
        else:
            raise ValidationError(
                _("Above the cells, give the delegates summoned: --names-file FILE (one name a line) or --from-units.")
                if not cell
                else _("A cell summons its members: leave out --from-units.")
            )
        return (
            _("{n} summoned to the congress of the term {term}.").format(n=count, term=term.name)
            + "\n"
            + (quorum_text(quorum_of(session, term.id)))
        )

    return _write(store, ctx, change)


def cmd_summon_cell(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    return _summon(args, ctx, store, cell=True)


def cmd_summon_units(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    return _summon(args, ctx, store, cell=False)


def cmd_attend(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.congress import quorum_of, quorum_text, set_attendance, summoned_named
    from khoidesktop.terms.records import term_named

    attendance = "present" if args.present else "absent" if args.absent else "excused"

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        row = summoned_named(session, term.id, args.name)
        set_attendance(session, row.id, attendance, args.excused or "", now=now, actor=actor)
        return f"{row.full_name}: {_(ATTENDANCE_LABELS[attendance])}.\n" + quorum_text(quorum_of(session, term.id))

    return _write(store, ctx, change)


def cmd_attach(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.congress import attach_file
    from khoidesktop.terms.records import term_named

    def change(session: Session, now: datetime, actor: str) -> str:
        term = term_named(session, args.term, ctx.today())
        row = attach_file(session, term.id, args.file, args.kind, args.title, args.dated, now=now, actor=actor)
        return _("Kept “{title}” as document {id} of the congress.").format(title=row.title, id=row.id)

    return _write(store, ctx, change)


def cmd_remove_document(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.congress import remove_document

    def change(session: Session, now: datetime, actor: str) -> str:
        remove_document(session, args.id, now=now, actor=actor)
        return _("Removed document {id}; the audit log keeps what it was.").format(id=args.id)

    return _write(store, ctx, change)


def cmd_save_document(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.congress import save_document_out

    with store.session() as session:
        path = save_document_out(session, args.id, args.out, store.path)
    print(_("Saved {path}.").format(path=path))
    return 0


def _document_json(d: Any) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "title": d.title,
        "dated": d.dated.isoformat() if d.dated else None,
        "file_name": d.file_name,
        "bytes": d.size,
    }


def _document_line(d: Any) -> str:
    dated = f", {format_date(d.dated)}" if d.dated else ""
    return f"{d.id}. {_(DOCUMENT_KINDS[d.kind])}: {d.title}{dated} ({d.file_name}, {format_number(d.size)} byte)"


def cmd_documents(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.congress import documents
    from khoidesktop.terms.records import term_named

    with store.session() as session:
        term = term_named(session, args.term, ctx.today())
        found = documents(session, term.id)
    if args.json:
        print(json.dumps([_document_json(d) for d in found], ensure_ascii=False, indent=2))
    elif not found:
        print(_("The congress of the term {term} keeps no document.").format(term=term.name))
    else:
        for d in found:
            print(_document_line(d))
    return 0


def cmd_show(args: argparse.Namespace, ctx: AppContext, store: Store) -> int:
    from khoidesktop.terms.congress import PEOPLE, congress_form, documents, names_of, quorum_of, quorum_text, summoned
    from khoidesktop.terms.records import term_named

    with store.session() as session:
        term = term_named(session, args.term, ctx.today())
        form = congress_form(session, term.id)
        rows = summoned(session, term.id)
        q = quorum_of(session, term.id)
        docs = documents(session, term.id)
    if args.json:
        print(
            json.dumps(
                {
                    "term": term.name,
                    "congress": None
                    if form is None
                    else {
                        "held_on": form.held_on.isoformat(),
                        "place": form.place,
                        "agenda": form.agenda,
                        **{field: names_of(getattr(form, field)) for field in PEOPLE},
                    },
                    "summoned": [
                        {"name": r.full_name, "attendance": r.attendance, "reason": r.reason, "counted": r.counted}
                        for r in rows
                    ],
                    "quorum": None
                    if q is None
                    else {
                        "summoned": q.summoned,
                        "present": q.present,
                        "needed": q.needed,
                        "valid": q.valid,
                        "text": quorum_text(q),
                    },
                    "documents": [_document_json(d) for d in docs],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if form is None:
        print(
            _("The congress of the term {term} is not entered yet (congress set --held-on …).").format(term=term.name)
        )
        return 0
    print(
        _("Congress of the term {term}: {date}, {place}").format(
            term=term.name, date=format_date(form.held_on), place=form.place or "…"
        )
    )
    for label, field in (
        (N_("Presidium"), "presidium"),
        (N_("Secretariat"), "secretariat"),
        (N_("Counting board"), "counting_board"),
    ):
        print(f"{_(label)}: {'; '.join(names_of(getattr(form, field))) or '…'}")
    if form.agenda:
        print(_("Agenda") + ":\n" + form.agenda)
    print(_("Summoned:"))
    for position, r in enumerate(rows, 1):
        reason = f" ({r.reason})" if r.reason else ""
        print(f"{position:>4}. {r.full_name}: {_(ATTENDANCE_LABELS[r.attendance])}{reason}")
    print(quorum_text(q))
    for d in docs:
        print(_document_line(d))
    return 0


def _on_both(handler: Callable[[argparse.Namespace, AppContext, Store], int]) -> dict[str, Callable[..., int]]:
    return {role: handler for role in BOTH}


def _writes(args: argparse.Namespace) -> bool:
    return True


COMMANDS = (
    Command(
        "congress show",
        N_("the congress of a term: its details, the summoned with attendance, the quorum"),
        (_show_arguments,),
        _on_both(cmd_show),
    ),
    Command(
        "congress set",
        N_("enter the congress: its day, place, agenda, presidium, secretariat, counting board"),
        (_set_arguments,),
        _on_both(cmd_set),
        writes=_writes,
    ),
    Command(
        "congress summon",
        N_("make the summoned list: a cell's official members on the day, or the delegates above the cells"),
        (_summon_arguments,),
        {CELL_ROLE: cmd_summon_cell, UNITS_ROLE: cmd_summon_units},
        writes=_writes,
    ),
    Command(
        "congress attend",
        N_("one summoned: present, absent with a reason, or absent"),
        (_attend_arguments,),
        _on_both(cmd_attend),
        writes=_writes,
    ),
    Command(
        "congress attach",
        N_("keep a document of the congress in the data file (at most 20 MB)"),
        (_attach_arguments,),
        _on_both(cmd_attach),
        writes=_writes,
    ),
    Command("congress documents", N_("the congress's documents"), (_show_arguments,), _on_both(cmd_documents)),
    Command(
        "congress save-document",
        N_("save a congress document to a file"),
        (_save_arguments,),
        _on_both(cmd_save_document),
    ),
    Command(
        "congress remove-document",
        N_("take a document out of the data file (audited)"),
        (_document_id,),
        _on_both(cmd_remove_document),
        writes=_writes,
    ),
)
