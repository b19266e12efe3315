"""The words of a term's figures, shared by `stats term`, the term page and the mid-term review: a figure in its
unit ("67,78%", "305 người"), the gap, and finding the term a user names."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from khoidesktop.domain.names import text_key
from khoidesktop.domain.terms import UNITS
from khoidesktop.errors import ValidationError
from khoidesktop.i18n import _, format_date, format_number
from khoidesktop.store.models import Term
from khoidesktop.terms.figures import Figure, TargetProgress, TermProgress


def term_named(session: Session, name: str | None, today: date) -> Term:
    """The term called `name`, or (None) the current one; a Vietnamese message when there is none."""
    from khoidesktop.terms.records import current_term, terms

    if name:
        found = next((t for t in terms(session) if text_key(t.name) == text_key(name)), None)
        if found is None:
            known = ", ".join(t.name for t in terms(session)) or _("none yet")
            raise ValidationError(_("There is no term named “{name}” (terms: {known}).").format(name=name, known=known))
        return found
    current = current_term(session, today)
    if current is None:
        raise ValidationError(_("No term is recorded yet: add one on the “Term” page."))
    return current


def amount(value: float | None, unit: str) -> str:
    """A figure in its unit: 95% → "95,00%", 450 people → "450 người"; "—" for none."""
    if value is None:
        return "—"
    if unit == "percent":
        return format_number(value, 2) + "%"
    whole = float(value).is_integer()
    return f"{format_number(value, 0 if whole else 2)} {_(UNITS[unit])}"


def figure_text(figure: Figure | None, unit: str) -> str:
    """ "95,00% (19/20)" for a counted share, "305 người" for a count, "—" for none."""
    if figure is None:
        return "—"
    text = amount(figure.value, unit)
    return f"{text} ({figure.count}/{figure.base})" if figure.base is not None else text


def target_text(target: TargetProgress) -> str:
    """ "≥ 95,00%", "≤ 2 người"."""
    return ("≤ " if target.at_most else "≥ ") + amount(target.target, target.unit)


def gap_text(target: TargetProgress, figure: Figure | None = None) -> str:
    gap = target.gap(figure)
    if gap is None:
        return "—"
    if gap == 0:
        return _("met")
    return amount(gap, target.unit) if target.unit != "percent" else format_number(gap, 2) + _(" points")


def progress_text(progress: TermProgress) -> str:
    lines = [
        _("Term {name}: {start} – {end}; figures as of {on}.").format(
            name=progress.name,
            start=format_date(progress.starts_on),
            end=format_date(progress.ends_on),
            on=format_date(progress.on),
        )
    ]
    if not progress.targets:
        lines.append(_("No target recorded for this term."))
    for target in progress.targets:
        lines.append(f"{target.indicator}: {target_text(target)}")
        for year, figure in target.years.items():
            lines.append(f"  {year}: {figure_text(figure, target.unit)}")
        share = target.share()
        done = figure_text(target.so_far, target.unit)
        if share is not None:
            done += " = " + _("{percent}% of the target").format(percent=format_number(share, 2))
        lines.append("  " + _("Term so far: {done}; gap: {gap}").format(done=done, gap=gap_text(target)))
    return "\n".join(lines)
