"""Who issues a data file's documents (the letterhead of HD 36-HD/VPTW): the cell under its grassroots
organisation, or a committee under its superior."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import kind_of
from khoidesktop.domain.names import normalize_text
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _

if TYPE_CHECKING:
    from khoidesktop.reports.frame import Letterhead
    from khoidesktop.store.models import Identity


GRASSROOTS_PREFIX, COMMITTEE_PREFIX = "Đảng bộ ", "Đảng ủy "
BLOC_COMMITTEE_PREFIX = COMMITTEE_PREFIX + "Khối "
BLOC_COMMITTEE_CODE = "ĐUK"  # in the number line of a "Đảng ủy Khối …": Số 05-BC/ĐUK
# An organisation's name → its executive committee's, the longest prefix first: a province's and a city's
# committee is "Tỉnh ủy" / "Thành ủy" (Điều lệ Đảng, Art. 18), any other "Đảng ủy".
COMMITTEE_NAMES = (
    ("Đảng bộ tỉnh ", "Tỉnh ủy "),
    ("Đảng bộ thành phố ", "Thành ủy "),
    (GRASSROOTS_PREFIX, COMMITTEE_PREFIX),
)


def committee_of(organisation: str) -> str:
    """The executive committee that receives a document: "Đảng bộ Sở Tài chính" → "Đảng ủy Sở Tài chính",
    "Đảng bộ tỉnh Quảng Ninh" → "Tỉnh ủy Quảng Ninh"."""
    for prefix, committee in COMMITTEE_NAMES:
        if organisation.startswith(prefix):
            return committee + organisation[len(prefix) :]
    return organisation


def organisation_of(committee: str) -> str:
    """The organisation whose congress a committee calls: "Đảng ủy Sở Tài chính" → "Đảng bộ Sở Tài chính",
    "Tỉnh ủy Quảng Ninh" → "Đảng bộ tỉnh Quảng Ninh" (an organisation's own name is kept)."""
    for organisation, prefix in COMMITTEE_NAMES:
        if committee.startswith(prefix):
            return organisation + committee[len(prefix) :]
    return committee


def letterhead(session: Session, today: date) -> Letterhead:
    """Who issues the data file's documents, as its kind declares (DataFileKind.issuer)."""
    identity = get_identity(session)
    if identity is None:
        raise ValidationError(_("This data file has no cell yet."))
    return ISSUERS[kind_of(identity).issuer](identity, today)


def _cell_letterhead(identity: Identity, today: date) -> Letterhead:
    """A cell's documents: issued by the cell under its grassroots organisation (the body directly above it,
    HD 36-HD/VPTW), signed by the secretary, sent to the grassroots committee and kept by the cell."""
    from khoidesktop.reports.frame import Letterhead

    above = identity.org_name
    if normalize_text(above).casefold() == normalize_text(identity.cell_name).casefold():
        above = identity.superior_name  # the cell is itself the grassroots organisation
    recipients = (_("{body} (to report)").format(body=committee_of(above)), _("Cell records"))
    return Letterhead(
        superior=above,
        issuer=identity.cell_name,
        place=identity.place_name,
        dated=today,
        secretary=identity.secretary_name,
        recipients=recipients,
        training=identity.training,
    )


def _committee_letterhead(identity: Identity, today: date) -> Letterhead:
    """A committee's documents (a bloc's): issued by the executive committee of its organisation ("Đảng ủy
    Khối …") under the superior committee, signed T/M ĐẢNG ỦY by the secretary, sent to the superior and kept
    by its office."""
    from khoidesktop.reports.frame import Letterhead

    kind = kind_of(identity)
    issuer = committee_of(identity.org_name)
    above = normalize_text(identity.superior_name)
    # a province has no body above it on this program's tree: only its own office keeps the document
    reporting = (_("{body} (to report)").format(body=committee_of(above)),) if above else ()
    recipients = (*reporting, _(kind.office_records))
    return Letterhead(
        superior=identity.superior_name,
        issuer=issuer,
        place=identity.place_name,
        dated=today,
        secretary=identity.secretary_name,
        recipients=recipients,
        training=identity.training,
        on_behalf=kind.on_behalf,
        issuer_code=committee_code(issuer, kind.issuer_code),
    )


def committee_code(committee: str, level_code: str = "ĐU") -> str:
    """The issuer's code in a committee's number line: "Đảng ủy Khối …" → ĐUK, else its level's (ĐU, TU)."""
    return BLOC_COMMITTEE_CODE if committee.startswith(BLOC_COMMITTEE_PREFIX) else level_code


ISSUERS: dict[str, Callable[[Identity, date], Letterhead]] = {
    "secretary": _cell_letterhead,
    "committee": _committee_letterhead,
}
