"""Training data: the demo cell's ratings of the last three years (two under QĐ 124 without a score,
one under QĐ 366 with scores), within the cap on excellence."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime

from sqlalchemy.orm import Session

from khoidesktop.domain.rating_rules import excellent_allowed, rule_set_for
from khoidesktop.ratings.records import RatingInput, rating_rows, save_rating, save_year, year_settings

SCORES = {"HTXSNV": (90, 97), "HTTNV": (72, 89), "HTNV": (52, 68), "KHTNV": (30, 48)}
CELL_LEVELS = ("HTTNV", "HTXSNV", "HTTNV")


def _level(rng: random.Random) -> str:
    roll = rng.random()
    return "HTNV" if roll < 0.08 else "HTXSNV" if roll < 0.24 else "HTTNV"


def fill_demo_ratings(session: Session, *, now: datetime, actor: str, seed: int) -> None:
    rng = random.Random(seed + 366)
    for index, year in enumerate(range(now.year - 3, now.year)):
        rules, settings = rule_set_for(year), year_settings(session, year)
        save_year(
            session,
            year,
            rating_date=settings.rating_date,
            cap_percent=rules.cap_percent,
            cell_level=CELL_LEVELS[index],
            cell_notes="",
            now=now,
            actor=actor,
        )
        rows = [r for r in rating_rows(session, year) if not r.exclusion]
        levels = {r.member.id: _level(rng) for r in rows}
        excellent = [m for m, level in levels.items() if level == "HTXSNV"]
        while excellent and len(excellent) > excellent_allowed(rules, Counter(levels.values())):
            levels[excellent.pop()] = "HTTNV"  # keep within the cap (each one moved down widens its base)
        for row in rows:
            level = levels[row.member.id]
            score = round(rng.uniform(*SCORES[level]), 1) if rules.scored else None
            save_rating(
                session,
                year,
                row.member.id,
                RatingInput(
                    self_level=level,
                    self_score=score,
                    level=level,
                    score=score,
                    exceeding_percent=35 if level == "HTXSNV" else 10,
                    all_on_time=level in ("HTXSNV", "HTTNV"),
                    late_percent=0 if level != "HTNV" else 15,
                ),
                now=now,
                actor=actor,
            )
