"""The words of a term's figures, shared by `stats term`, the term page and the mid-term review: a figure in its
unit ("67,78%", "305 người") and the gap. Plain: the mid-term review lays them out too."""

from __future__ import annotations

from khoidesktop.domain.terms import UNITS
from khoidesktop.i18n import _, format_date, format_number
from khoidesktop.terms.figures import Figure, TargetProgress, TermProgress


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
