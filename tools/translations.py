"""Build the translation files.

    python tools/translations.py update    extract msgids from khoidesktop/ into the Vietnamese .po
    python tools/translations.py compile   .po → .mo (gettext) and qtbase_vi.ts → .qm (Qt's own strings)
    python tools/translations.py translate F.json   update, set the Vietnamese of each msgid in F.json
                                           ({"English msgid": "Tiếng Việt", …}), then compile

The .po and .ts files are the sources; the compiled .mo and .qm are committed so the program runs
without a build step. tests/test_translations.py fails when they drift apart or a msgid lacks Vietnamese.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "khoidesktop"
PO = ROOT / "resources" / "locale" / "vi" / "LC_MESSAGES" / "khoidesktop.po"
MO = PO.with_suffix(".mo")
QT_TS = ROOT / "resources" / "translations" / "qtbase_vi.ts"
QT_QM = QT_TS.with_suffix(".qm")


def extract() -> Catalog:
    template = Catalog(project="Khối desktop", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(PACKAGE, method_map=[("**.py", "python")]):
        template.add(message, None, [(f"khoidesktop/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def read_catalog(path: Path = PO) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale="vi")


def compiled_mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update(strings: dict[str, str] | None = None) -> None:
    catalog = read_catalog() if PO.exists() else Catalog(locale="vi", project="Khối desktop")
    catalog.update(extract(), no_fuzzy_matching=True)
    for msgid, msgstr in (strings or {}).items():
        if msgid not in catalog:
            raise SystemExit(f"not a msgid of the program: {msgid!r}")
        catalog[msgid].string = msgstr
        catalog[msgid].flags.discard("fuzzy")
    catalog.obsolete.clear()
    catalog.fuzzy = False  # the header is ours, not a template's
    catalog.project, catalog.version = "Khối desktop", ""
    catalog.language_team = catalog.last_translator = "Khối desktop <vi>"
    catalog.msgid_bugs_address = ""
    catalog.header_comment = (
        "# Vietnamese catalogue of Khối desktop. The msgids are English; every one needs its\n"
        "# Vietnamese here (tests/test_translations.py checks). Edit, then run\n"
        "# python tools/translations.py compile."
    )
    catalog.revision_date = catalog.creation_date
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    print(f"{len(catalog)} messages, {len(missing)} without Vietnamese")


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return found


def compile_all() -> None:
    MO.write_bytes(compiled_mo(read_catalog()))
    subprocess.run([lrelease(), "-silent", str(QT_TS), "-qm", str(QT_QM)], check=True)
    print(f"wrote {MO.relative_to(ROOT)} and {QT_QM.relative_to(ROOT)}")


def translate(path: str) -> None:
    update(json.loads(Path(path).read_text(encoding="utf-8")))
    compile_all()


if __name__ == "__main__":
    if sys.argv[1] == "translate":
        translate(sys.argv[2])
    else:
        {"update": update, "compile": compile_all}[sys.argv[1]]()
