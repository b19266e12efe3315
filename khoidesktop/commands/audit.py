"""`audit list`: the audit log of any data file (who changed what, when, old → new), newest first, filtered."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from khoidesktop.commands.common import bounded, iso_date, json_flag, opened
from khoidesktop.commands.registry import ANY, Command
from khoidesktop.context import AppContext
from khoidesktop.i18n import N_, _

if TYPE_CHECKING:
    from khoidesktop.audit_log.records import AuditRow

DEFAULT_LIMIT = 50


def entity_arg(text: str) -> str:
    """argparse type for --entity: a kind of record of the log."""
    from khoidesktop.audit_log.labels import ENTITY_LABELS

    if text not in ENTITY_LABELS:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a kind of record of the log. The kinds are: {kinds}.").format(
                value=text, kinds=", ".join(ENTITY_LABELS)
            )
        )
    return text


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    from khoidesktop.domain.limits import AUDIT_PAGE_ROWS as MAX_PAGE  # not the log's module: no SQLAlchemy here

    parser.add_argument("--entity", type=entity_arg, help=_("only this kind of record (member, meeting, …)"))
    parser.add_argument("--from", dest="since", type=iso_date, metavar="YYYY-MM-DD", help=_("from this day (included)"))
    parser.add_argument("--to", dest="until", type=iso_date, metavar="YYYY-MM-DD", help=_("to this day (included)"))
    parser.add_argument("--search", default="", help=_("only entries holding these words (accents ignored)"))
    parser.add_argument(
        "--limit",
        type=bounded(1, MAX_PAGE),
        default=DEFAULT_LIMIT,
        help=_("show at most this many entries (default {n})").format(n=DEFAULT_LIMIT),
    )
    json_flag(parser)


def _as_json(row: AuditRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at.isoformat(timespec="seconds"),
        "who": row.who,
        "what": row.what,
        "record": row.record,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in row.changes],
    }


def _as_text(row: AuditRow) -> str:
    lines = [f"{row.when}  {row.who}  {row.what}: {row.record}".rstrip(": ")]
    lines += [f"    {c.field}: {c.old} → {c.new}" for c in row.changes]
    return "\n".join(lines)


def cmd_audit_list(args: argparse.Namespace, ctx: AppContext) -> int:
    from khoidesktop.audit_log.records import AuditFilter, AuditPage, audit_page

    wanted = AuditFilter(entity=args.entity, since=args.since, until=args.until, text=args.search)
    rows: list[AuditRow] = []
    with opened(args, ctx) as store, store.session() as session:
        page = AuditPage([], None)
        while True:  # a search goes on through the whole log, one part at a time, until enough are found
            page = audit_page(session, wanted, limit=args.limit - len(rows), after=page.next)
            rows += page.rows
            if page.next is None or len(rows) == args.limit:
                break
    if args.json:
        print(json.dumps({"entries": [_as_json(r) for r in rows], "more": page.next is not None}, ensure_ascii=False))
        return 0
    if not rows:
        print(_("No entry of the log matches."))
        return 0
    print("\n".join(_as_text(r) for r in rows))
    if page.next is not None:
        print(_("(More entries: give a larger --limit, or narrow the search.)"))
    return 0


COMMANDS = [
    Command(
        "audit list",
        N_("who changed what, when, old → new (the audit log), newest first"),
        (_list_arguments,),
        {ANY: cmd_audit_list},
    ),
]
