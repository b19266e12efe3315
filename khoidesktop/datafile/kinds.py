"""The kinds of data file (DESIGN.md, Kinds of data file): each declares here, and nowhere else, its pages, its
commands, its documents and how it is named and issues documents. Nothing else in the program asks which kind a
file is: it asks the file's kind for what it has.

The kinds are the levels of the Party tree (DOMAIN.md, Organisation): a cell (under a đảng bộ cơ sở), a chi bộ cơ sở
(a cell that is itself the grassroots level), a grassroots committee, a superior committee, a province committee.
Each level above the cell imports the bundles of the level just below it (`takes_bundle_of`) and sends its own up.

A kind plays one of two roles: `cell` (keeps members, meetings, ratings, recruitment and sends its bundle up) or
`units` (a level above: imports its units' bundles and sums them). The code of each role is keyed by the role
(commands/, ui/pages/registry.py, datafile/letterhead.py …), so a new level is one more entry in KINDS.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from khoidesktop.i18n import N_

CELL_ROLE, UNITS_ROLE = "cell", "units"


class HasKind(Protocol):
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class DataFileKind:
    code: str  # Identity.kind, and the level named in the bundles it sends
    title: str  # msgid
    unit_label: str  # msgid: what a unit of this kind is called in a level's list of its units ("Chi bộ", …)
    role: str  # CELL_ROLE or UNITS_ROLE
    tier: int  # its height in the tree: 0 a cell under a đảng bộ cơ sở, 1 a TCCS, 2 a superior, 3 a province
    pages: tuple[str, ...]  # the sidebar, in order: keys of ui/pages/registry.py
    commands: frozenset[str]  # the commands that work on a data file of this kind ("stats ratings", …)
    documents: tuple[str, ...]  # the PDFs it makes, each also a command: `report <document>`
    identity_fields: tuple[str, ...]  # the names asked for, in order (datafile.identity.FIELD_LABELS)
    name_field: str  # the one shown as its name (window title, overview)
    org_label: str  # msgid: what its org_name field is called
    org_example: str  # a name shown as an example in that field
    issuer: str  # who signs its documents: "secretary" (the cell's, in person) or "committee" (T/M the committee)
    issuer_code: str = "CB"  # in a document's number line (HD 36): Số 05-BC/CB, …/ĐU, …/TU
    on_behalf: str = "T/M CHI BỘ"  # the signature's first line
    units_noun: str = ""  # msgid: what its units are called ("the cells", "the grassroots organisations", …)
    takes_first_format: bool = False  # it imports bundles of summary format 1, which did not name their level
    decides_excellence_cap: bool = False  # it decides the members' excellence cap across its cells (DOMAIN.md)
    office_records: str = N_("Committee office records")  # msgid: the last recipient, its own office's copy
    name_example: str = "Chi bộ Phòng Kế hoạch"  # a unit of this kind's name, shown as an example where one is typed
    superior_example: str = "Đảng ủy Ủy ban nhân dân tỉnh"  # the body above it, likewise
    # The roles on its committee (domain/terms.py ROLES): a cell has no standing committee.
    committee_roles: tuple[str, ...] = ("secretary", "deputy", "member")

    @property
    def aggregates(self) -> bool:
        return self.role == UNITS_ROLE

    def has_command(self, name: str) -> bool:
        return name in self.commands or name in {f"report {d}" for d in self.documents}

    def takes_bundle_of(self, level: str | None) -> bool:
        """Whether a bundle sent by a unit of `level` (None: a format-1 bundle, made by a cell) comes here: from
        the level just below only."""
        if level is None:
            return self.takes_first_format
        sender = KINDS.get(level)
        return sender is not None and self.aggregates and sender.tier == self.tier - 1


# Commands that work on any data file (or on none), and the figures every level gives (its own or its units').
COMMON_COMMANDS = frozenset({"info", "check", "backup", "restore", "screenshot", "workdays", "init"})
FIGURES = frozenset({"stats structure", "stats meetings", "stats ratings", "stats recruitment", "stats term"})
TERM_COMMANDS = frozenset({"term add", "term committee", "term target", "term value"})  # every level has its terms
DELEGATE_COMMANDS = frozenset({"delegates list", "delegates add", "delegates remove", "delegates structure"})
TERM_COMMANDS |= {f"election {c}" for c in ("list", "show", "add", "candidates", "votes", "runoff", "next-round")}
TERM_COMMANDS |= {"election apply"}
CONGRESS_COMMANDS = frozenset(
    f"congress {c}"
    for c in ("show", "set", "summon", "attend", "attach", "documents", "save-document", "remove-document")
)
CELL_COMMANDS = (
    COMMON_COMMANDS
    | FIGURES
    | TERM_COMMANDS
    | DELEGATE_COMMANDS
    | CONGRESS_COMMANDS
    | {"members import", "members export", "members list", "members badges", "ratings import", "export-bundle"}
)
CELL_DOCUMENTS = (
    "roster",
    "structure",
    "badges",
    "minutes",
    "meetings",
    "ratings",
    "rating-list",
    "recruitment",
    "admission-resolution",
    "vote-count",
    "election-result",
    "midterm-review",
    "delegates",
)
UNITS_COMMANDS = (
    COMMON_COMMANDS
    | FIGURES
    | TERM_COMMANDS
    | DELEGATE_COMMANDS
    | CONGRESS_COMMANDS
    | {"stats units", "import-bundle", "export-bundle", "units list", "units add", "units rate", "units rename"}
    | {"units close", "units merge"}
)
UNITS_PAGES = ("units-overview", "units-list", "term", "units-exchange", "units-reports", "settings")
UNITS_DOCUMENTS = (
    "bloc-structure",
    "bloc-ratings",
    "bloc-meetings",
    "bloc-recruitment",
    "vote-count",
    "election-result",
    "midterm-review",
    "delegates",
)
UNITS_FIELDS = ("org_name", "superior_name", "place_name", "secretary_name")

CELL = DataFileKind(
    code="cell",
    title=N_("A cell under a grassroots Party committee (chi bộ trực thuộc)"),
    unit_label=N_("Cell"),
    role=CELL_ROLE,
    tier=0,
    pages=("overview", "members", "meetings", "ratings", "recruitment", "term", "reports", "exchange", "settings"),
    commands=CELL_COMMANDS,
    documents=CELL_DOCUMENTS,
    identity_fields=("cell_name", "org_name", "superior_name", "place_name", "secretary_name"),
    name_field="cell_name",
    org_label=N_("Grassroots Party organisation"),
    org_example="Đảng bộ Sở Tài chính",
    issuer="secretary",
)

BASE_CELL = replace(
    CELL,
    code="base_cell",
    title=N_("A cell that is itself the grassroots organisation (chi bộ cơ sở)"),
    unit_label=N_("Grassroots cell"),
    name_example="Chi bộ Sở Tư pháp",
    tier=1,
    identity_fields=("cell_name", "superior_name", "place_name", "secretary_name"),
)

GRASSROOTS = DataFileKind(
    code="grassroots",
    title=N_("A grassroots Party committee gathering its cells' bundles (đảng ủy cơ sở)"),
    unit_label=N_("Grassroots Party committee"),
    name_example="Đảng bộ Sở Tài chính",
    superior_example="Đảng ủy các cơ quan Đảng tỉnh",
    role=UNITS_ROLE,
    tier=1,
    pages=UNITS_PAGES,
    commands=UNITS_COMMANDS,
    documents=UNITS_DOCUMENTS,
    identity_fields=UNITS_FIELDS,
    name_field="org_name",
    org_label=N_("The grassroots Party organisation"),
    org_example="Đảng bộ Sở Tài chính",
    issuer="committee",
    issuer_code="ĐU",
    on_behalf="T/M ĐẢNG ỦY",
    committee_roles=("secretary", "deputy", "standing", "member"),
    units_noun=N_("the cells under it"),
    takes_first_format=True,
    decides_excellence_cap=True,
)
# A grassroots committee also decides on the members its cells propose as HTXSNV (units/excellence.py).
GRASSROOTS = replace(
    GRASSROOTS,
    commands=UNITS_COMMANDS | {"units excellence", "units decide"},
    documents=(*UNITS_DOCUMENTS, "excellence-resolution"),
)

SUPERIOR = replace(
    GRASSROOTS,
    commands=UNITS_COMMANDS,
    documents=UNITS_DOCUMENTS,
    code="superior",
    title=N_("A superior committee gathering its grassroots organisations' bundles"),
    unit_label=N_("Superior Party committee"),
    name_example="Đảng bộ các cơ quan Đảng tỉnh",
    superior_example="Tỉnh ủy Quảng Ninh",
    tier=2,
    org_label=N_("The superior committee's Party organisation"),
    org_example="Đảng bộ các cơ quan Đảng tỉnh",
    units_noun=N_("the grassroots Party organisations under it"),
    decides_excellence_cap=False,
)

PROVINCE = replace(
    SUPERIOR,  # not the grassroots committee: a province does not decide the members' excellence cap
    code="province",
    title=N_("A province Party committee gathering its superior committees' bundles (tỉnh ủy)"),
    unit_label=N_("Province Party committee"),
    name_example="Đảng bộ tỉnh Quảng Ninh",
    tier=3,
    identity_fields=("org_name", "place_name", "secretary_name"),
    org_label=N_("The province's Party organisation"),
    org_example="Đảng bộ tỉnh Quảng Ninh",
    issuer_code="TU",
    on_behalf="T/M TỈNH ỦY",
    office_records=N_("Province committee office records"),
    units_noun=N_("the Party committees under it"),
    takes_first_format=False,
)

# What the Party organisations of a tier are called where a report counts them as rated by the level above them.
TIER_LABELS = {
    0: N_("The cells under the grassroots committees"),
    1: N_("The grassroots Party organisations"),
    2: N_("The superior Party committees"),
    3: N_("The province Party committees"),
}

KINDS: dict[str, DataFileKind] = {kind.code: kind for kind in (CELL, BASE_CELL, GRASSROOTS, SUPERIOR, PROVINCE)}
ALIASES = {"bloc": SUPERIOR.code}  # the name the superior's kind had before the tree (command line: --bloc)

# What a user is told who asks a file of one role for what only the other role does (the services and the
# command line say the same).
REPORTS_OF_UNITS = N_(
    "These reports sum up the figures the units sent: open the data file of the level above the cells to make them."
)


def kind_of(identity: HasKind | None) -> DataFileKind:
    """The kind of a data file from its identity (a file without one yet is a cell's, as created)."""
    if identity is None:
        return CELL
    return KINDS.get(ALIASES.get(identity.kind, identity.kind), CELL)


def kinds_below(kind: DataFileKind) -> list[DataFileKind]:
    """The kinds of unit a level has: those one tier below it (none below a cell)."""
    return [k for k in KINDS.values() if kind.aggregates and k.tier == kind.tier - 1]


def unit_kind_named(kind: DataFileKind, wanted: str | None) -> DataFileKind:
    """The kind of a unit a level adds by hand: a kind's code, "cell" for the cells one tier below it, or "grassroots"
    (default: the committees below, where there are; ValidationError naming the kinds that fit otherwise)."""
    from khoidesktop.errors import ValidationError
    from khoidesktop.i18n import _

    below = kinds_below(kind)
    if not below:
        raise ValidationError(_("A cell has no units."))
    if wanted is None:
        return next((k for k in below if k.aggregates), below[0])
    for found in below:
        if found.code == wanted or (wanted == CELL.code and not found.aggregates):
            return found
    raise ValidationError(
        _("This level's units are: {kinds}.").format(kinds=", ".join(f"{k.code} ({_(k.title)})" for k in below))
    )


def kinds_with(command: str) -> list[DataFileKind]:
    return [kind for kind in KINDS.values() if kind.has_command(command)]
