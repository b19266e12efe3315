"""The bloc's view of its units: who sent what for a period, who is late, and the summed figures."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.domain.names import text_key
from khoidesktop.domain.periods import Period
from khoidesktop.exchange.bundle_format import DATA_PARTS, fingerprint
from khoidesktop.exchange.summary import UnitFigures, read_unit
from khoidesktop.store.models import BlocBundle, BlocBundleFile, BlocUnit
from khoidesktop.units.figures import BlocFigures, sum_units


def periods(session: Session) -> list[Period]:
    """Periods some unit sent, latest first."""
    found = {Period.parse(code) for code in session.scalars(select(BlocBundle.period).distinct())}
    return sorted(found, key=lambda p: p.sort_key, reverse=True)


def default_period(session: Session, today: date) -> Period:
    """The latest year that has ended and was sent (one unit sending a quarter, or the unfinished year, does
    not take the whole bloc's view away), else the latest year, else the latest quarter; last year when
    nothing has come yet."""
    found = periods(session)
    years = [p for p in found if p.quarter is None]
    ended = [p for p in years if p.end < today]
    return (ended or years or found or [Period(today.year - 1)])[0]


@dataclass(frozen=True)
class UnitRow:
    unit: BlocUnit
    bundle: BlocBundle | None  # for the period asked
    figures: UnitFigures | None
    last_sent: datetime | None  # the unit's newest bundle, any period
    last_period: str | None
    late: bool  # the period is over and nothing came for it (before its end, a missing bundle is not late)

    @property
    def name(self) -> str:
        return self.unit.cell_name

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.unit.public_key)

    def as_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit.cell_name,
            "organisation": self.unit.org_name,
            "members": self.figures.members if self.figures else None,
            "last_bundle": self.last_sent.isoformat() if self.last_sent else None,
            "last_period": self.last_period,
            "period_received": self.bundle is not None,
            "late": self.late,
        }


def _parts(session: Session, bundle_ids: list[int]) -> dict[int, dict[str, dict[str, Any]]]:
    """bundle id → part ("members", …: the file name "data/members.json" without folder and suffix) → data."""
    names = [f"data/{part}.json" for part in DATA_PARTS]
    found: dict[int, dict[str, dict[str, Any]]] = {}
    query = select(BlocBundleFile.bundle_id, BlocBundleFile.name, BlocBundleFile.content).where(
        BlocBundleFile.bundle_id.in_(bundle_ids), BlocBundleFile.name.in_(names)
    )
    for bundle_id, name, content in session.execute(query):
        found.setdefault(bundle_id, {})[name[5:-5]] = json.loads(content)
    return found


def unit_rows(session: Session, period: Period, today: date) -> list[UnitRow]:
    units = sorted(session.scalars(select(BlocUnit)), key=lambda u: text_key(u.cell_name))
    bundles = {b.unit_id: b for b in session.scalars(select(BlocBundle).where(BlocBundle.period == period.code))}
    newest = select(BlocBundle.unit_id, func.max(BlocBundle.created_at)).group_by(BlocBundle.unit_id)
    last_sent = dict(session.execute(newest).all())
    last_period = {
        b.unit_id: b.period for b in session.scalars(select(BlocBundle)) if b.created_at == last_sent.get(b.unit_id)
    }
    parts = _parts(session, [b.id for b in bundles.values()])
    rows = []
    for unit in units:
        bundle = bundles.get(unit.id)
        figures = read_unit(parts[bundle.id], period, bundle.format_version) if bundle else None
        rows.append(
            UnitRow(
                unit,
                bundle,
                figures,
                last_sent.get(unit.id),
                last_period.get(unit.id),
                bundle is None and period.end < today,
            )
        )
    return rows


def bloc_figures(rows: list[UnitRow]) -> BlocFigures:
    return sum_units([row.figures for row in rows if row.figures is not None])


def bloc_members(session: Session, period: Period) -> list[tuple[str, dict[str, Any]]]:
    """(unit name, member row) for every member the units sent for the period: the bloc's member list."""
    query = (
        select(BlocUnit.cell_name, BlocBundleFile.content)
        .join(BlocBundle, BlocBundle.unit_id == BlocUnit.id)
        .join(BlocBundleFile, BlocBundleFile.bundle_id == BlocBundle.id)
        .where(BlocBundle.period == period.code, BlocBundleFile.name == "data/members.json")
    )
    return [(unit, member) for unit, content in session.execute(query) for member in json.loads(content)["members"]]
