"""The kinds of data file (DESIGN.md, Kinds of data file): each declares here, and nowhere else, its pages, its
commands, its documents and how it is named and issues documents. Nothing else in the program asks which kind a
file is: it asks the file's kind for what it has.

A kind plays one of two roles: `cell` (keeps members, meetings, ratings, recruitment and sends its bundle up) or
`units` (a level above: imports its units' bundles and sums them). The code of each role is keyed by the role
(commands/, ui/pages/registry.py, datafile/letterhead.py …), so a new level is one more entry in KINDS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from khoidesktop.i18n import N_

CELL_ROLE, UNITS_ROLE = "cell", "units"


class HasKind(Protocol):
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class DataFileKind:
    code: str  # Identity.kind
    title: str  # msgid
    role: str  # CELL_ROLE or UNITS_ROLE
    pages: tuple[str, ...]  # the sidebar, in order: keys of ui/pages/registry.py
    commands: frozenset[str]  # the commands that work on a data file of this kind ("stats ratings", …)
    documents: tuple[str, ...]  # the PDFs it makes, each also a command: `report <document>`
    identity_fields: tuple[str, ...]  # the names asked for, in order (datafile.identity.FIELD_LABELS)
    name_field: str  # the one shown as its name (window title, overview)
    org_label: str  # msgid: what its org_name field is called
    org_example: str  # a name shown as an example in that field
    issuer: str  # who signs its documents: "secretary" (the cell's, in person) or "committee" (T/M the committee)

    @property
    def aggregates(self) -> bool:
        return self.role == UNITS_ROLE

    def has_command(self, name: str) -> bool:
        return name in self.commands or name in {f"report {d}" for d in self.documents}


# Commands that work on any data file (or on none), and the figures every level gives (its own or its units').
COMMON_COMMANDS = frozenset({"info", "check", "backup", "restore", "screenshot", "workdays", "init"})
FIGURES = frozenset({"stats structure", "stats meetings", "stats ratings", "stats recruitment"})

CELL = DataFileKind(
    code="cell",
    title=N_("A cell"),
    role=CELL_ROLE,
    pages=("overview", "members", "meetings", "ratings", "recruitment", "reports", "exchange", "settings"),
    commands=COMMON_COMMANDS
    | FIGURES
    | {"members import", "members export", "members list", "members badges", "ratings import", "export-bundle"},
    documents=(
        "roster",
        "structure",
        "minutes",
        "meetings",
        "ratings",
        "rating-list",
        "recruitment",
        "admission-resolution",
    ),
    identity_fields=("cell_name", "org_name", "superior_name", "place_name", "secretary_name"),
    name_field="cell_name",
    org_label=N_("Grassroots Party organisation"),
    org_example="Đảng bộ Sở Tài chính",
    issuer="secretary",
)

BLOC = DataFileKind(
    code="bloc",
    title=N_("A bloc (superior committee gathering its cells' bundles)"),
    role=UNITS_ROLE,
    pages=("units-overview", "units-exchange", "settings"),
    commands=COMMON_COMMANDS | FIGURES | {"stats units", "import-bundle"},
    documents=("bloc-structure", "bloc-ratings", "bloc-recruitment"),
    identity_fields=("org_name", "superior_name", "place_name", "secretary_name"),
    name_field="org_name",
    org_label=N_("The bloc's Party organisation"),
    org_example="Đảng bộ các cơ quan Đảng tỉnh",
    issuer="committee",
)

KINDS: dict[str, DataFileKind] = {kind.code: kind for kind in (CELL, BLOC)}

# What a user is told who asks a file of one role for what only the other role does (the services and the
# command line say the same).
BUNDLES_FROM_A_CELL = N_("Bundles are made from a cell's data file; this file belongs to a bloc.")
REPORTS_OF_UNITS = N_(
    "The bloc reports sum up the figures the units sent: open the bloc's data file (bloc mode) to make them."
)


def kind_of(identity: HasKind | None) -> DataFileKind:
    """The kind of a data file from its identity (a file without one yet is a cell's, as created)."""
    return KINDS.get(identity.kind, CELL) if identity is not None else CELL


def kinds_with(command: str) -> list[DataFileKind]:
    return [kind for kind in KINDS.values() if kind.has_command(command)]
