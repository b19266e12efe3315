"""A grassroots committee's decision on the members its cells propose as HTXSNV (DOMAIN.md, Rating: the number rated
HTXSNV "không vượt quá 20% tổng số … được xếp loại 'Hoàn thành tốt nhiệm vụ'", "do cấp có thẩm quyền xem xét, quyết
định", across its cells). The proposals are the named lists the cells sent in their bundles of the year
(`export-bundle --include proposals`); the committee approves or declines each, audited, and never approves more
than the cap over all its cells allows (the cap's share, the committee's own setting for the year, of the members
its cells rated HTTNV)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from khoidesktop.domain.periods import Period
from khoidesktop.domain.rating_rules import excellent_allowed, level_label, rule_set_for
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_number
from khoidesktop.store import audit
from khoidesktop.store.models import ExcellenceDecision
from khoidesktop.units.records import level_figures, own_kind, proposals_by_unit, unit_rows


@dataclass(frozen=True)
class Proposed:
    """A member a cell proposed as HTXSNV, and the committee's decision (None: not decided yet)."""

    unit_id: int
    unit: str  # the cell's name
    full_name: str
    birth_date: date | None
    approved: bool | None = None

    @property
    def key(self) -> tuple[int, str, date | None]:
        return self.unit_id, self.full_name, self.birth_date


@dataclass(frozen=True)
class ExcellenceList:
    """The year's proposals over all the cells, with what the cap allows."""

    year: int
    regulation: str  # the rule set's regulation, named in the resolution
    proposed: tuple[Proposed, ...]
    good: int  # members the cells rated HTTNV, as they sent them (those declined here are added to it)
    cap_percent: int
    rated_excellent: int  # members the cells rated HTXSNV (their counts)
    unlisted: tuple[str, ...]  # cells that rated some HTXSNV but sent no named list: ask them to send it

    @property
    def approved(self) -> int:
        return sum(p.approved is True for p in self.proposed)

    @property
    def undecided(self) -> int:
        return sum(p.approved is None for p in self.proposed)

    @property
    def declined(self) -> int:
        return sum(p.approved is False for p in self.proposed)

    def base(self, declined: int) -> int:
        """The members rated HTTNV once `declined` proposals are declined (they are rated HTTNV): the cap's base."""
        return self.good + declined

    def allowed_if(self, declined: int, share: int | None = None) -> int:
        """The cap over all the cells with `declined` proposals declined, at `share` % (default: the year's)."""
        return excellent_allowed(rule_set_for(self.year), {"HTTNV": self.base(declined)}, share or self.cap_percent)

    @property
    def allowed(self) -> int:
        return self.allowed_if(self.declined)


def _check_level(session: Session) -> None:
    if not own_kind(session).decides_excellence_cap:
        raise ValidationError(
            _(
                "Only a grassroots Party committee decides on the members its cells propose as “{excellent}”: "
                "open its data file."
            ).format(excellent=level_label("HTXSNV"))
        )


def excellence_list(session: Session, year: int, today: date) -> ExcellenceList:
    """The proposals in the cells' bundles of `year`, in the cells' order, with the decisions recorded so far."""
    from khoidesktop.ratings.records import year_settings

    _check_level(session)
    period = Period(year)
    rows = unit_rows(session, period, today, decided=False)  # the cells' own counts: the decisions come on top
    figures = level_figures(session, period, rows)
    lists = proposals_by_unit(session, year)
    decided = {
        (d.unit_id, d.full_name, d.birth_date): d.approved
        for d in session.scalars(select(ExcellenceDecision).where(ExcellenceDecision.year == year))
    }
    proposed: list[Proposed] = []
    unlisted = []
    for row in rows:
        if row.bundle is None:
            continue
        if row.unit.id not in lists:
            if row.figures is not None and row.figures.levels["HTXSNV"]:
                unlisted.append(row.name)
            continue
        for p in lists[row.unit.id]:
            key = (row.unit.id, p.full_name, p.birth_date)
            proposed.append(Proposed(row.unit.id, row.name, p.full_name, p.birth_date, decided.get(key)))
    return ExcellenceList(
        year,
        rule_set_for(year).regulation,
        tuple(proposed),
        figures.levels["HTTNV"],
        year_settings(session, year).cap_percent,
        figures.levels["HTXSNV"],
        tuple(unlisted),
    )


@dataclass(frozen=True)
class Decision:
    """The committee's decision on one proposal (None: taken back, not decided)."""

    unit_id: int
    full_name: str
    birth_date: date | None
    approved: bool | None


def over_cap_message(approved: int, declined: int, listing: ExcellenceList, share: int | None = None) -> str:
    """Why `approved` is too many, with `declined` proposals declined at `share` % (default: the year's)."""
    return _(
        "{approved} members approved as “{excellent}”, more than the {allowed} allowed: {percent}% of the "
        "{good} members the cells rated “{good_level}”. Decline some, or raise the share if the committee allows "
        "more (at most {high}%)."
    ).format(
        high=rule_set_for(listing.year).cap_percent_max,
        approved=format_number(approved),
        excellent=level_label("HTXSNV"),
        allowed=format_number(listing.allowed_if(declined, share)),
        percent=share or listing.cap_percent,
        good=format_number(listing.base(declined)),
        good_level=level_label("HTTNV"),
    )


def set_share(session: Session, year: int, percent: int, *, now: datetime, actor: str) -> None:
    """The committee's cap share for the year (the rule set's share, up to its bound), kept with the year's rating
    settings of this data file (audited there)."""
    from khoidesktop.ratings.records import save_year, year_settings

    settings = year_settings(session, year)
    if percent != settings.cap_percent:
        save_year(
            session,
            year,
            rating_date=settings.rating_date,
            cap_percent=percent,
            cell_level=settings.cell_level,
            cell_notes=settings.cell_notes or "",
            now=now,
            actor=actor,
        )


def decide(
    session: Session,
    year: int,
    decisions: list[Decision],
    *,
    today: date,
    now: datetime,
    actor: str,
    share: int | None = None,
) -> ExcellenceList:
    """Record the decisions (each change audited) and the cap's share when given, all or none: refused when one is
    not a proposal of the year or when more would be approved than the cap allows. Returns the list as it now
    stands."""
    _check_level(session)
    if share is not None:
        set_share(session, year, share, now=now, actor=actor)
    listing = excellence_list(session, year, today)
    current = {p.key: p for p in listing.proposed}
    wanted = {p.key: p.approved for p in listing.proposed}
    for decision in decisions:
        key = (decision.unit_id, decision.full_name, decision.birth_date)
        if key not in current:
            raise ValidationError(
                _("{name} is not among the members the cells proposed for {year}.").format(
                    name=decision.full_name, year=year
                )
            )
        wanted[key] = decision.approved
    approved = sum(value is True for value in wanted.values())
    declined = sum(value is False for value in wanted.values())
    if approved > listing.allowed_if(declined):  # whatever changed (a share lowered, a decline taken back)
        raise ValidationError(over_cap_message(approved, declined, listing))
    stored = {
        (d.unit_id, d.full_name, d.birth_date): d
        for d in session.scalars(select(ExcellenceDecision).where(ExcellenceDecision.year == year))
    }
    for key, value in wanted.items():
        if value == current[key].approved:
            continue
        row = stored.get(key)
        if row is None:
            row = ExcellenceDecision(unit_id=key[0], year=year, full_name=key[1], birth_date=key[2])
            session.add(row)
        row.approved, row.decided_at = value, now
        session.flush()
        audit.record(
            session,
            at=now,
            actor=actor,
            action="update",
            entity="excellence_decision",
            entity_id=row.id,
            changes={"full_name": (None, key[1]), "approved": (current[key].approved, value)},
        )
    return excellence_list(session, year, today)
