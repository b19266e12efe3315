"""The rating's documents: Báo cáo kết quả đánh giá, xếp loại and Danh sách đề nghị xếp loại."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from khoidesktop.datafile.letterhead import letterhead
from khoidesktop.domain.rating_rules import RuleSet, rule_set_for
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _
from khoidesktop.store.database import Store


def _rule_set(year: int) -> RuleSet:
    """The rule set that judged `year`; a year no regulation covers is the user's error."""
    try:
        return rule_set_for(year)
    except ValueError:
        raise ValidationError(_("No rating regulation covers the year {year}.").format(year=year)) from None


def ratings_report_pdf(
    store: Store, out: Path, *, year: int, today: date, target_percent: float = 95.0, number: str | None = None
) -> Path:
    """Báo cáo kết quả đánh giá, xếp loại đảng viên of `year` under its rule set, dated `today`, at `out`;
    the share rated HTTNV or above is set against `target_percent`."""
    from khoidesktop.ratings.records import rating_rows, year_figures, year_settings
    from khoidesktop.ratings.report_pdf import RatingsReport, build_ratings_report

    rules = _rule_set(year)
    if not 0 <= target_percent <= 100:
        raise ValidationError(_("The target is a share between 0 and 100%."))
    with store.session() as session:
        head = letterhead(session, today)
        report = RatingsReport(
            year_figures(session, year),
            year_settings(session, year).rating_date,
            len(rating_rows(session, year)),
            rules.scored,
            rules.thresholds,
            target_percent,
        )
    build_ratings_report(out, head, report, number=number)
    return out.expanduser().absolute()


def rating_list_pdf(store: Store, out: Path, *, year: int, today: date, number: str | None = None) -> Path:
    """Danh sách đề nghị xếp loại chất lượng đảng viên of `year`, dated `today`, at `out`: every member of the
    year's list, those not rated last with the reason."""
    from khoidesktop.domain.rating_rules import AUTOMATIC, EXCLUSIONS
    from khoidesktop.ratings.list_pdf import RatingList, RatingListRow, build_rating_list
    from khoidesktop.ratings.records import rating_rows

    rules = _rule_set(year)
    with store.session() as session:
        head = letterhead(session, today)
        rows = []
        for row in rating_rows(session, year):
            rating, member = row.rating, row.member
            notes = [_(AUTOMATIC[code]) for code in row.automatic] + ([rating.notes] if rating and rating.notes else [])
            rows.append(
                RatingListRow(
                    member.full_name,
                    member.birth_date,
                    rating.self_level if rating else None,
                    rating.score if rating else None,
                    rating.level if rating else None,
                    "; ".join(notes),
                    _(EXCLUSIONS[row.exclusion]) if row.exclusion else None,
                )
            )
    build_rating_list(out, head, RatingList(year, rules.regulation, rules.scored, tuple(rows)), number=number)
    return out.expanduser().absolute()
