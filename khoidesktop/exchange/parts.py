"""The named lists a bundle may hold besides its counts (issue 15, item 12: personal data only for a purpose the
level above needs), each chosen by the user and said in the words the export shows ("Gói này chứa: …").

Light: the window builds its choices from this module without loading the bundle writer."""

from __future__ import annotations

from collections.abc import Iterable

from khoidesktop.datafile.kinds import CELL_ROLE, UNITS_ROLE
from khoidesktop.i18n import N_, _

NAMED_PARTS = {CELL_ROLE: ("proposals", "delegates"), UNITS_ROLE: ("delegates",)}
PART_LABELS = {
    "proposals": N_("the members proposed as HTXSNV, by name and date of birth"),
    "delegates": N_("the delegates to the superior's congress, by name with their particulars"),
}


def contents_text(named: Iterable[str]) -> str:
    """What a bundle holding the counts and the lists `named` holds, in words."""
    return "; ".join([_("the figures (counts only, no names)"), *(_(PART_LABELS[name]) for name in named)])
