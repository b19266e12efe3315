"""The member list's documents: Danh sách đảng viên, Báo cáo cơ cấu đảng viên and the list of members reaching a
Party badge (read, then write the PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.members.records import active_members
from khoidesktop.members.structure import structure_on
from khoidesktop.store.database import Store
from khoidesktop.tasks import IsCancelled, Progress


def roster_pdf(
    store: Store,
    out: Path,
    *,
    today: date,
    number: str | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> Path:
    """Danh sách đảng viên at `out`, dated `today`. Raises Cancelled (and writes nothing) if
    `cancelled()` turns true; `progress(done, total)` follows the rows laid out."""
    from khoidesktop.members.roster_pdf import RosterRow, build_roster

    with store.session() as session:
        head = letterhead(session, today)
        rows = [RosterRow.of(m) for m in active_members(session)]
    build_roster(out, head, rows, number=number, progress=progress, cancelled=cancelled)
    return out.expanduser().absolute()


def structure_pdf(store: Store, out: Path, *, on: date, today: date, number: str | None = None) -> Path:
    """Báo cáo cơ cấu đảng viên on the date `on`, dated `today`, at `out`."""
    from khoidesktop.members.structure_pdf import build_structure

    with store.session() as session:
        head = letterhead(session, today)
        structure = structure_on(session, on)
    build_structure(out, head, structure, number=number)
    return out.expanduser().absolute()


def badges_pdf(store: Store, out: Path, *, year: int, today: date, number: str | None = None) -> Path:
    """Danh sách đảng viên được xét tặng Huy hiệu Đảng of `year`, dated `today`, at `out`."""
    from khoidesktop.members.badges_pdf import BadgeRow, build_badges
    from khoidesktop.members.queries import badges_in

    with store.session() as session:
        head = letterhead(session, today)
        rows = [
            BadgeRow(m.full_name, m.birth_date, m.admitted_on, years)
            for m, years in badges_in(session, year)
            if m.admitted_on is not None  # badges_in selects only members with an admission date
        ]
    build_badges(out, head, year, rows, number=number)
    return out.expanduser().absolute()
