"""Importing a rating sheet (.xlsx: Họ và tên | Ngày sinh | Điểm | Xếp loại | Ghi chú), matched to the
members by name and date of birth; a preview first, then all rows or none (like the member import)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from khoidesktop.domain.member_sheet import RATING_HEADER_INDEX
from khoidesktop.domain.names import fold, lowercase_first
from khoidesktop.domain.rating_rules import EXCLUSIONS, level_for_score, rule_set_for
from khoidesktop.errors import Cancelled, ValidationError
from khoidesktop.i18n import _
from khoidesktop.members.sheet_import import ImportPlan, RowPlan, read_sheet, row_values, unreadable
from khoidesktop.ratings.records import RatingInput, problems, rating_rows, save_rating


@dataclass
class RatingRowPlan(RowPlan):
    values: RatingInput | None = None


def plan_rating_import(session: Session, path: Path, year: int) -> ImportPlan:
    """What importing the sheet would do, row by row. Reads only."""
    sheet, columns, rows = read_sheet(path, RATING_HEADER_INDEX)
    by_person = {(fold(r.member.full_name), r.member.birth_date): r for r in rating_rows(session, year)}
    rules = rule_set_for(year)
    seen: dict[int, int] = {}  # member id → the row that rates them
    plans: list[RowPlan] = []
    for number, cells in rows:
        if not any(c.value not in (None, "") for c in cells):
            continue
        values, errors = row_values(number, cells, columns)
        name, born = values.get("full_name", ""), values.get("birth_date")
        row = by_person.get((fold(name), born))
        if not name:
            if not unreadable(number, "Họ và tên", errors):
                errors.append(_("Row {row}, column “Họ và tên”: the name is empty.").format(row=number))
        elif unreadable(number, "Ngày sinh", errors):
            pass  # no member can be matched on a date of birth that could not be read: its message says why
        elif row is None:
            errors.append(
                _("Row {row}: no member named {name} born on {born} is in the list on the rating date.").format(
                    row=number, name=name, born=born.strftime("%d/%m/%Y") if born else "?"
                )
            )
        elif row.exclusion:
            errors.append(
                _("Row {row}: {name} is not rated this year ({reason}).").format(
                    row=number, name=name, reason=lowercase_first(_(EXCLUSIONS[row.exclusion]))
                )
            )
        elif row.member.id in seen:
            errors.append(
                _("Row {row}: {name} is already on row {other}.").format(
                    row=number, name=name, other=seen[row.member.id]
                )
            )
        score, level = values.get("score"), values.get("level")
        if level is None and score is not None and rules.scored:
            level = level_for_score(rules, score)
        rating = RatingInput(level=level, score=score, notes=values.get("notes", "") or "")
        if row is not None and row.rating is not None:  # an update keeps what the sheet does not carry
            old = row.rating
            rating = replace(RatingInput.of(old), level=level, score=score, notes=values.get("notes") or old.notes)
        errors += [_("Row {row}: ").format(row=number) + p for p in problems(year, rating)]
        if errors or row is None:  # no error means a member was found
            plans.append(RatingRowPlan(number, "reject", messages=errors, name=name))
            continue
        seen[row.member.id] = number
        action = "update" if row.rating is not None else "add"
        plans.append(RatingRowPlan(number, action, member_id=row.member.id, name=name, values=rating))
    if not plans:
        raise ValidationError(_("The sheet “{sheet}” has a header row but no member under it.").format(sheet=sheet))
    return ImportPlan(path, sheet, plans)


def apply_rating_import(
    session: Session,
    plan: ImportPlan,
    year: int,
    *,
    now: datetime,
    actor: str,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    if not plan.clean:
        raise ValidationError(_("The file has rejected rows; nothing was imported. Correct them and try again."))
    rows = {r.member.id: r for r in rating_rows(session, year)}  # once: saving rows does not change who is rated
    for row in plan.rows:
        if cancelled is not None and cancelled():
            raise Cancelled
        if not isinstance(row, RatingRowPlan) or row.member_id is None or row.values is None:
            raise ValueError(f"row {row.row}: not a member's rating planned by plan_rating_import")
        save_rating(session, year, row.member_id, row.values, now=now, actor=actor, row=rows[row.member_id])
