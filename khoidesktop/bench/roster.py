"""The long roster (DESIGN.md: 5,000 rows in seconds): our build against the floor of simply drawing
the same rows' text with reportlab's canvas (no table, no wrapping), both in this run."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from khoidesktop.bench.data import BENCH_NOW, bench_store


def bench_roster(rows: int, out: Path | None = None) -> tuple[float, int]:
    """Seconds to read `rows` members and write their roster PDF, and its page count."""
    from khoidesktop.datafile.letterhead import letterhead
    from khoidesktop.members.records import active_members
    from khoidesktop.members.roster_pdf import RosterRow, build_roster

    with bench_store(rows) as store, tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with store.session() as session:
            head = letterhead(session, BENCH_NOW.date())
            members = [RosterRow.of(m) for m in active_members(session)]
        pages = build_roster(out or Path(folder) / "roster.pdf", head, members)
        return time.perf_counter() - started, pages


def bench_plain_text(rows: int) -> float:
    """The floor: the same rows' texts drawn line by line on A4 pages with the same embedded font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from khoidesktop.members.records import active_members
    from khoidesktop.members.roster_pdf import RosterRow
    from khoidesktop.reports.fonts import REGULAR, register_fonts

    with bench_store(rows) as store, tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with store.session() as session:
            members = [RosterRow.of(m) for m in active_members(session)]
        register_fonts()
        canvas = Canvas(str(Path(folder) / "plain.pdf"), pagesize=A4)
        y = 800
        for number, row in enumerate(members, start=1):
            canvas.setFont(REGULAR, 11)
            canvas.drawString(60, y, f"{number} {' '.join(str(v) for v in vars(row).values())}")
            y -= 16
            if y < 60:
                canvas.showPage()
                y = 800
        canvas.save()
        return time.perf_counter() - started
