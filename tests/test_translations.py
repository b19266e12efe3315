"""Every user-visible string has Vietnamese, and the compiled catalogues match their sources."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402

MARKERS = {"_", "N_", "ngettext"}


def msgids_in_source() -> set[str]:
    """Every literal passed to _(), N_() or ngettext(), found by Python's own parser (which, unlike a
    tokenizer-based extractor, also sees calls inside f-strings)."""
    found = set()
    for path in (ROOT / "khoidesktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
                for arg in node.args[: 2 if node.func.id == "ngettext" else 1]:
                    if isinstance(arg, ast.Constant):  # _(spec.title) translates an N_() msgid
                        found.add(arg.value)
    return found


@pytest.fixture(scope="module")
def catalog():
    return translations.read_catalog()


def test_every_msgid_has_a_vietnamese_translation(catalog):
    source = msgids_in_source()
    assert len(source) > 100
    missing = sorted(m for m in source if m not in catalog or not catalog[m].string or catalog[m].fuzzy)
    assert missing == [], "run tools/translations.py update, then translate: " + repr(missing)


def test_babel_extraction_finds_nothing_outside_the_catalogue(catalog):
    extracted = {m.id for m in translations.extract() if m.id}
    assert extracted <= {m.id for m in catalog if m.id}


def test_placeholders_are_kept_in_translations(catalog):
    for message in catalog:
        if not message.id:
            continue
        for pattern in (r"\{[a-z_]+(?::[^}]*)?\}", r"%\([a-z_]+\)[sdr]|%[sdr]"):
            assert sorted(re.findall(pattern, message.id)) == sorted(re.findall(pattern, message.string)), message.id


def messages_of(catalog) -> dict:
    """What a catalogue translates, id → string: the header (which names the tool's version) left out."""
    return {message.id: message.string for message in catalog if message.id and message.string and not message.fuzzy}


def test_compiled_catalogue_is_up_to_date(catalog):
    with translations.MO.open("rb") as handle:
        compiled = read_mo(handle)
    assert messages_of(compiled) == messages_of(catalog), "run tools/translations.py compile"


def test_qt_catalogue_is_up_to_date(tmp_path):
    fresh = tmp_path / "qtbase_vi.qm"
    subprocess.run([translations.lrelease(), "-silent", str(translations.QT_TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == translations.QT_QM.read_bytes(), "run tools/translations.py compile"
