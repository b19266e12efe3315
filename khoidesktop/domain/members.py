"""Pick lists for the member profile: codes stored in the database, Vietnamese labels shown."""

from __future__ import annotations

from khoidesktop.i18n import N_, _

GENDERS = {"male": N_("Male"), "female": N_("Female")}

STATUSES = {
    "probationary": N_("Probationary"),
    "official": N_("Official"),
    "exempt": N_("Exempt from activities"),
    "suspended": N_("Suspended"),
    "temporary_out": N_("Temporarily transferred out"),
    "transferred_out": N_("Transferred out"),
    "removed": N_("Removed from the list"),
    "expelled": N_("Expelled"),
    "deceased": N_("Deceased"),
}
# Members who still belong to the cell's list (the others stay in history only).
ACTIVE_STATUSES = ("probationary", "official", "exempt", "suspended", "temporary_out")

EDUCATION = {
    "none": N_("No professional training"),
    "elementary": N_("Elementary vocational"),
    "intermediate": N_("Intermediate vocational"),
    "college": N_("College"),
    "bachelor": N_("University"),
    "master": N_("Master"),
    "doctor": N_("Doctorate"),
}

THEORY = {
    "none": N_("No political theory training"),
    "elementary": N_("Elementary political theory"),
    "intermediate": N_("Intermediate political theory"),
    "advanced": N_("Advanced political theory"),
    "bachelor": N_("Bachelor of political theory"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label of a code; empty for no value, the code itself if unknown."""
    if not code:
        return ""
    return _(table[code]) if code in table else code
