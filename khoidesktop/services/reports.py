"""Report use cases: read what a document needs through the services, then write the PDF.

The CLI and the GUI call these; reportlab is imported only when a report is actually made."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from khoidesktop.domain.names import normalize_text
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.services.identity import get_identity
from khoidesktop.services.members import active_members
from khoidesktop.services.structure import structure_on
from khoidesktop.store.database import Store

if TYPE_CHECKING:
    from khoidesktop.reports.frame import Letterhead

GRASSROOTS_PREFIX, COMMITTEE_PREFIX = "Đảng bộ ", "Đảng ủy "


def committee_of(organisation: str) -> str:
    """The executive committee that receives a document: "Đảng bộ Sở Tài chính" → "Đảng ủy Sở Tài chính"."""
    if organisation.startswith(GRASSROOTS_PREFIX):
        return COMMITTEE_PREFIX + organisation[len(GRASSROOTS_PREFIX):]
    return organisation


def letterhead(session: Session, today: date) -> Letterhead:
    """Who issues the cell's documents: the cell under its grassroots organisation (the body directly above
    it, HD 36-HD/VPTW), signed by the secretary, sent to the grassroots committee and kept by the cell."""
    from khoidesktop.reports.frame import Letterhead

    identity = get_identity(session)
    if identity is None:
        raise ValidationError(_("This data file has no cell yet."))
    above = identity.org_name
    if normalize_text(above).casefold() == normalize_text(identity.cell_name).casefold():
        above = identity.superior_name  # the cell is itself the grassroots organisation
    recipients = (_("{body} (to report)").format(body=committee_of(above)), _("Cell records"))
    return Letterhead(superior=above, issuer=identity.cell_name, place=identity.place_name, dated=today,
                      secretary=identity.secretary_name, recipients=recipients, training=identity.training)


def roster_pdf(store: Store, out: Path, *, today: date, number: str | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Path:
    """Danh sách đảng viên at `out`, dated `today`. Raises ReportCancelled (and writes nothing) if
    `cancelled()` turns true; `progress(done, total)` follows the rows laid out."""
    from khoidesktop.reports.roster import RosterRow, build_roster

    with store.session() as session:
        head = letterhead(session, today)
        rows = [RosterRow.of(m) for m in active_members(session)]
    build_roster(out, head, rows, number=number, progress=progress, cancelled=cancelled)
    return out.expanduser().absolute()


def structure_pdf(store: Store, out: Path, *, on: date, today: date, number: str | None = None) -> Path:
    """Báo cáo cơ cấu đảng viên on the date `on`, dated `today`, at `out`."""
    from khoidesktop.reports.structure_report import build_structure

    with store.session() as session:
        head = letterhead(session, today)
        structure = structure_on(session, on)
    build_structure(out, head, structure, number=number)
    return out.expanduser().absolute()
