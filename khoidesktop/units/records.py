"""A level's view of its units (any level above the cells): the units it expects, who sent what for a period, who
is late, the summed figures, and the level's own decisions on its units (their rating) and on the excellence cap."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from khoidesktop.datafile.identity import get_identity
from khoidesktop.datafile.kinds import KINDS, DataFileKind, kind_of, unit_kind_named
from khoidesktop.domain.names import normalize_text, text_key
from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import LEVEL_ORDER, excellent_allowed, rule_set_for
from khoidesktop.errors import ValidationError
from khoidesktop.exchange.bundle_format import fingerprint
from khoidesktop.exchange.figures import Figures, sum_units
from khoidesktop.exchange.summary import PARTS, Proposal, UnitEntry, read_proposals, read_unit
from khoidesktop.i18n import _
from khoidesktop.store import audit
from khoidesktop.store.models import Unit, UnitBundle, UnitBundleFile, UnitRating


def periods(session: Session) -> list[Period]:
    """Periods some unit sent, latest first."""
    found = {Period.parse(code) for code in session.scalars(select(UnitBundle.period).distinct())}
    return sorted(found, key=lambda p: p.sort_key, reverse=True)


def default_period(session: Session, today: date) -> Period:
    """The latest year that has ended and was sent (one unit sending a quarter, or the unfinished year, does
    not take the whole level's view away), else the latest year, else the latest quarter; last year when
    nothing has come yet."""
    found = periods(session)
    years = [p for p in found if p.quarter is None]
    ended = [p for p in years if p.end < today]
    return (ended or years or found or [Period(today.year - 1)])[0]


def own_kind(session: Session) -> DataFileKind:
    return kind_of(get_identity(session))


def unit_kind(unit: Unit) -> DataFileKind:
    return KINDS.get(unit.kind, KINDS["cell"])


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    bundle: UnitBundle | None  # for the period asked
    figures: Figures | None
    last_sent: datetime | None  # the unit's newest bundle, any period
    last_period: str | None
    expected: bool  # the unit is to send this period (not closed or merged before it began)
    late: bool  # expected, the period is over and nothing came for it (before its end, nothing is late)
    level: str | None  # the level's rating of the unit for the period's year (None: not rated)

    @property
    def name(self) -> str:
        return self.unit.name

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.unit.public_key) if self.unit.public_key else ""

    @property
    def self_level(self) -> str | None:
        """The unit's own rating of itself, as its bundle says (a cell's; a committee's is rated from above)."""
        return self.figures.cell_level if self.figures else None

    def as_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit.name,
            "organisation": self.unit.org_name,
            "kind": self.unit.kind,
            "expected": self.expected,
            "closed_on": self.unit.closed_on.isoformat() if self.unit.closed_on else None,
            "members": self.figures.members if self.figures else None,
            "last_bundle": self.last_sent.isoformat() if self.last_sent else None,
            "last_period": self.last_period,
            "period_received": self.bundle is not None,
            "late": self.late,
            "level": self.level,
            "self_level": self.self_level,
        }


def _parts(session: Session, bundles: list[UnitBundle]) -> dict[int, dict[str, dict[str, Any]]]:
    """bundle id → part ("figures", …: the file name "data/figures.json" without folder and suffix) → data."""
    names = {f"data/{part}.json" for b in bundles for part in PARTS[b.format_version]}
    found: dict[int, dict[str, dict[str, Any]]] = {}
    query = select(UnitBundleFile.bundle_id, UnitBundleFile.name, UnitBundleFile.content).where(
        UnitBundleFile.bundle_id.in_([b.id for b in bundles]), UnitBundleFile.name.in_(names)
    )
    for bundle_id, name, content in session.execute(query):
        found.setdefault(bundle_id, {})[name[5:-5]] = json.loads(content)
    return found


def expected_in(unit: Unit, period: Period) -> bool:
    return unit.closed_on is None or unit.closed_on >= period.start


PROPOSALS_FILE = "data/proposals.json"  # the named list of HTXSNV proposals a cell may send (exchange/summary.py)


def proposals_by_unit(session: Session, year: int) -> dict[int, list[Proposal]]:
    """Unit id → the members its bundle of `year` proposes as HTXSNV (units that sent no named list are absent)."""
    period = Period(year)
    query = (
        select(UnitBundle.unit_id, UnitBundleFile.content)
        .join(UnitBundleFile, UnitBundleFile.bundle_id == UnitBundle.id)
        .where(UnitBundle.period == period.code, UnitBundleFile.name == PROPOSALS_FILE)
    )
    return {unit_id: read_proposals(json.loads(content), period) for unit_id, content in session.execute(query)}


def declined_by_unit(session: Session, year: int) -> Counter[int]:
    """Unit id → the members its cell proposes as HTXSNV for `year` whom this level declined (units/excellence.py):
    they count as HTTNV in the level's figures. A decision on a name the cell no longer proposes (a corrected
    bundle) counts for nothing."""
    from khoidesktop.store.models import ExcellenceDecision

    query = select(ExcellenceDecision.unit_id, ExcellenceDecision.full_name, ExcellenceDecision.birth_date).where(
        ExcellenceDecision.year == year, ExcellenceDecision.approved.is_(False)
    )
    decisions = session.execute(query).all()
    if not decisions:
        return Counter()
    proposed = {
        unit: {(p.full_name, p.birth_date) for p in found} for unit, found in proposals_by_unit(session, year).items()
    }
    return Counter(unit for unit, name, born in decisions if (name, born) in proposed.get(unit, set()))


def _with_decisions(figures: Figures, declined: int) -> Figures:
    """A cell's figures as the level decided them: the members it declined moved from HTXSNV to HTTNV."""
    moved = min(declined, figures.levels["HTXSNV"])
    figures.levels["HTXSNV"] -= moved
    figures.levels["HTTNV"] += moved
    return figures


def unit_rows(session: Session, period: Period, today: date, *, decided: bool = True) -> list[UnitRow]:
    """Every unit expected for the period, and any other that sent for it (a unit closed since), in order. Where
    this level decides the excellence cap, a cell's figures count the members it declined as HTTNV (`decided`;
    False: as the cell sent them)."""
    units = sorted(session.scalars(select(Unit)), key=lambda u: text_key(u.name))
    bundles = {b.unit_id: b for b in session.scalars(select(UnitBundle).where(UnitBundle.period == period.code))}
    newest = select(UnitBundle.unit_id, func.max(UnitBundle.created_at)).group_by(UnitBundle.unit_id)
    last_sent = dict(session.execute(newest).all())
    last_period = {
        b.unit_id: b.period for b in session.scalars(select(UnitBundle)) if b.created_at == last_sent.get(b.unit_id)
    }
    ratings = {r.unit_id: r.level for r in session.scalars(select(UnitRating).where(UnitRating.year == period.year))}
    parts = _parts(session, list(bundles.values()))
    declined = declined_by_unit(session, period.year) if decided and own_kind(session).decides_excellence_cap else {}
    rows = []
    for unit in units:
        bundle, expected = bundles.get(unit.id), expected_in(unit, period)
        if bundle is None and not expected:
            continue
        figures = read_unit(parts[bundle.id], period, bundle.format_version) if bundle else None
        if figures is not None and declined.get(unit.id):
            figures = _with_decisions(figures, declined[unit.id])
        late = expected and bundle is None and period.end < today
        rows.append(
            UnitRow(
                unit,
                bundle,
                figures,
                last_sent.get(unit.id),
                last_period.get(unit.id),
                expected,
                late,
                ratings.get(unit.id),
            )
        )
    return rows


def level_figures(session: Session, period: Period, rows: list[UnitRow]) -> Figures:
    """The level's totals: the sum of what its units sent for the period, with what the level decides itself —
    its ratings of its units (under their tier) and, where the level decides it, the excellence cap over all
    its cells (DOMAIN.md, Rating)."""
    from khoidesktop.ratings.records import year_settings

    figures = sum_units([row.figures for row in rows if row.figures is not None])
    for row in rows:
        if row.expected:
            figures.unit_levels.setdefault(unit_kind(row.unit).tier, Counter())[row.level] += 1
    if own_kind(session).decides_excellence_cap:
        cap = year_settings(session, period.year).cap_percent
        figures.excellent_allowed = excellent_allowed(rule_set_for(period.year), figures.levels, cap)
    return figures


def unit_entries(rows: list[UnitRow]) -> list[UnitEntry]:
    return [UnitEntry(r.unit.uid, r.name, r.unit.kind, r.level, r.figures) for r in rows]


@dataclass(frozen=True)
class UnitLevels:
    """The level's ratings of its units for a year: counts per level, and the collective cap (the same rule as
    the members': HTXSNV at most the rule set's share of those rated HTTNV)."""

    year: int
    units: int
    levels: dict[str | None, int]
    allowed: int

    def as_json(self) -> dict[str, Any]:
        from khoidesktop.i18n import percent

        return {
            "year": self.year,
            "units": self.units,
            "levels": {
                lv or "not_rated": {"count": n, "percent": percent(n, self.units)} for lv, n in self.levels.items()
            },
            "excellent_cap": {
                "allowed": self.allowed,
                "actual": self.levels["HTXSNV"],
                "exceeded": self.levels["HTXSNV"] > self.allowed,
            },
        }


def units_by_level(rows: list[UnitRow], year: int) -> UnitLevels:
    counts = Counter(row.level for row in rows if row.expected)
    levels = {level: counts[level] for level in (*LEVEL_ORDER, None)}
    rated = {level: n for level, n in levels.items() if level}
    return UnitLevels(year, sum(levels.values()), levels, excellent_allowed(rule_set_for(year), rated))


# --- the level's own changes to its units (each audited) -------------------------------------------------------


def resolve_unit_kind(session: Session, wanted: str | None) -> DataFileKind:
    """The kind of a unit added by hand (datafile.kinds.unit_kind_named)."""
    return unit_kind_named(own_kind(session), wanted)


def find_unit(session: Session, name: str) -> Unit:
    wanted = text_key(name)
    found = [u for u in session.scalars(select(Unit)) if text_key(u.name) == wanted]
    if not found:
        raise ValidationError(_("There is no unit named “{name}”: see “units list”.").format(name=name))
    return found[0]


def _clean_name(name: str) -> str:
    from khoidesktop.domain.limits import TEXT_LIMITS

    cleaned = normalize_text(name)
    if not cleaned:
        raise ValidationError(_("Give the unit's name."))
    if len(cleaned) > TEXT_LIMITS["unit_name"]:
        raise ValidationError(_("The unit's name is too long."))
    return cleaned


def _audited(
    session: Session, unit: Unit, changes: dict[str, Any], now: datetime, actor: str, action: str = "update"
) -> None:
    audit.record(session, at=now, actor=actor, action=action, entity="unit", entity_id=unit.id, changes=changes)


def add_unit(session: Session, name: str, kind: str | None, *, now: datetime, actor: str) -> Unit:
    """A unit expected from now on, before its first bundle (which it then claims by its name)."""
    name = _clean_name(name)
    if any(text_key(u.name) == text_key(name) and u.closed_on is None for u in session.scalars(select(Unit))):
        raise ValidationError(_("There is already a unit named “{name}”.").format(name=name))
    unit = Unit(name=name, kind=resolve_unit_kind(session, kind).code, added_at=now)
    session.add(unit)
    session.flush()
    _audited(session, unit, {"name": (None, name), "kind": (None, unit.kind)}, now, actor, action="create")
    return unit


def rename_unit(session: Session, unit: Unit, name: str, *, now: datetime, actor: str) -> None:
    name = _clean_name(name)
    _audited(session, unit, {"name": (unit.name, name)}, now, actor)
    unit.name = name


def close_unit(
    session: Session, unit: Unit, on: date | None, *, now: datetime, actor: str, into: Unit | None = None
) -> None:
    """A unit dissolved on `on` (or merged into `into`): not expected for any period that begins after it; its
    bundles and ratings stay. `on` None: closed in error, expected again."""
    if into is not None and into.id == unit.id:
        raise ValidationError(_("A unit cannot be merged into itself."))
    changes = {"closed_on": (unit.closed_on, on), "merged_into": (unit.merged_into, into and into.id)}
    _audited(session, unit, changes, now, actor)
    unit.closed_on, unit.merged_into = on, into.id if into else None


def rate_unit(session: Session, unit: Unit, year: int, level: str | None, *, now: datetime, actor: str) -> None:
    """The level's rating of `unit` for `year` (None takes it back); a year not begun yet is refused."""
    if year > now.year:
        raise ValidationError(
            _("{year} has not begun yet: a unit is rated for a year begun or past.").format(year=year)
        )
    if level is not None and level not in LEVEL_ORDER:
        raise ValidationError(_("The level must be one of {levels}.").format(levels=", ".join(LEVEL_ORDER)))
    row = session.scalar(select(UnitRating).where(UnitRating.unit_id == unit.id, UnitRating.year == year))
    audit.record(
        session,
        at=now,
        actor=actor,
        action="update",
        entity="unit_rating",
        entity_id=unit.id,
        changes={"year": (None, year), "level": (row.level if row else None, level)},
    )
    if level is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(UnitRating(unit_id=unit.id, year=year, level=level, decided_at=now))
    else:
        row.level, row.decided_at = level, now


# --- what the window shows and saves (plain data: the window never holds a model) -----------------------------


@dataclass(frozen=True)
class UnitForm:
    """A unit as its dialog edits it: a new unit has no id, and is expected (not closed, not merged)."""

    id: int | None
    name: str
    kind: str  # datafile.kinds code
    closed_on: date | None = None
    merged_into: int | None = None


def unit_form(session: Session, unit_id: int) -> UnitForm:
    unit = _unit(session, unit_id)
    return UnitForm(unit.id, unit.name, unit.kind, unit.closed_on, unit.merged_into)


def merge_choices(session: Session, unit_id: int | None) -> list[tuple[int, str]]:
    """The units another can merge into: those still expected, other than itself, in Vietnamese order."""
    units = sorted(session.scalars(select(Unit).where(Unit.closed_on.is_(None))), key=lambda u: text_key(u.name))
    return [(u.id, u.name) for u in units if u.id != unit_id]


def _unit(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise ValidationError(_("This unit is no longer in the data file."))
    return unit


def save_unit(session: Session, form: UnitForm, *, now: datetime, actor: str) -> None:
    """A new unit added, or a unit renamed, closed, merged or expected again: each change audited."""
    if form.id is None:
        add_unit(session, form.name, form.kind, now=now, actor=actor)
        return
    unit = _unit(session, form.id)
    into = _unit(session, form.merged_into) if form.merged_into is not None else None
    if into is not None and form.closed_on is None:
        raise ValidationError(_("Give the date from which the unit merged into {unit}.").format(unit=into.name))
    if normalize_text(form.name) != unit.name:
        rename_unit(session, unit, form.name, now=now, actor=actor)
    if (form.closed_on, form.merged_into) != (unit.closed_on, unit.merged_into):
        close_unit(session, unit, form.closed_on, now=now, actor=actor, into=into)


def rate_unit_id(session: Session, unit_id: int, year: int, level: str | None, *, now: datetime, actor: str) -> None:
    rate_unit(session, _unit(session, unit_id), year, level, now=now, actor=actor)


def excellent_allowed_by_unit(session: Session, period: Period, rows: list[UnitRow]) -> dict[int, int]:
    """Unit id → the members it may rate HTXSNV, where this level decides the cap across its cells (cell by cell:
    the level's cap share of those its cell rated HTTNV); empty where the level does not decide it."""
    if not own_kind(session).decides_excellence_cap:
        return {}
    from khoidesktop.ratings.records import year_settings

    rules, cap = rule_set_for(period.year), year_settings(session, period.year).cap_percent
    return {r.unit.id: excellent_allowed(rules, r.figures.levels, cap) for r in rows if r.figures is not None}
