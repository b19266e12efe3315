"""Bad bundles are refused with the reason in Vietnamese, and the bloc's data file stays exactly as it was;
the good bundles of the same import still go in."""

from __future__ import annotations

import json
import zipfile

import pytest

from khoidesktop.exchange.bundle_format import LIMITS
from tests.conftest import import_all
from tests.exchange.helpers import cell_key, dump, pack, resign, unpack


def _not_a_zip(good, out):
    out.write_text("Biên bản họp chi bộ", encoding="utf-8")


def _truncated(good, out):
    out.write_bytes(good.read_bytes()[: good.stat().st_size * 2 // 3])


def _path_traversal(good, out):
    pack(out, {**unpack(good), "../../khoi.sqlite": b"x"})


def _absolute_path(good, out):
    pack(out, {**unpack(good), "/etc/cron.d/x": b"x"})


def _wrong_checksum(good, out):
    files = unpack(good)
    figures = json.loads(files["data/figures.json"])
    figures["structure"]["women"] += 1
    pack(out, {**files, "data/figures.json": json.dumps(figures).encode()})


def _changed_manifest(good, out):
    files = unpack(good)
    manifest = json.loads(files["manifest.json"])
    manifest["period"] = "2024"
    pack(out, {**files, "manifest.json": json.dumps(manifest).encode()})


def _newer_format(good, out):
    files = unpack(good)
    manifest = json.loads(files["manifest.json"])
    manifest["format_version"] = 99
    pack(out, resign(files, manifest, cell_key(good.with_name("don-vi-01.sqlite"))))


def _missing_file(good, out):
    files = unpack(good)
    del files["data/units.json"]
    pack(out, files)


def _incomplete_data(good, out):
    """Signed by the cell, checksums right, but a figure the bloc sums is missing."""
    files = unpack(good)
    figures = json.loads(files["data/figures.json"])
    del figures["ratings"]["levels"]
    files["data/figures.json"] = json.dumps(figures).encode()
    manifest = json.loads(files["manifest.json"])
    from khoidesktop.exchange.bundle_format import sha256

    for entry in manifest["files"]:
        entry["size"], entry["sha256"] = len(files[entry["name"]]), sha256(files[entry["name"]])
    pack(out, resign(files, manifest, cell_key(good.with_name("don-vi-01.sqlite"))))


def _zip_bomb(good, out):
    """A few hundred kilobytes that unpack to more than the limit."""
    pack(out, unpack(good))
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf,
        zf.open("reports/extra.pdf", "w", force_zip64=True) as stream,
    ):
        chunk = bytes(16 * 1024 * 1024)
        for _ in range(LIMITS.unpacked_bytes // len(chunk) + 1):
            stream.write(chunk)


def _forged(good, out, manifest_change=None, data_change=None):
    """A bundle the cell itself could have signed (the key is the cell's), with its contents changed."""
    files = unpack(good)
    manifest = json.loads(files["manifest.json"])
    if data_change:
        part, change = data_change
        data = json.loads(files[f"data/{part}.json"])
        change(data)
        files[f"data/{part}.json"] = json.dumps(data).encode()
    from khoidesktop.exchange.bundle_format import sha256

    for entry in manifest["files"]:
        entry["size"], entry["sha256"] = len(files[entry["name"]]), sha256(files[entry["name"]])
    if manifest_change:
        manifest_change(manifest)
    pack(out, resign(files, manifest, cell_key(good.with_name("don-vi-01.sqlite"))))


def _flipped_byte(good, out):
    """One byte changed inside a compressed entry (a bad copy): the zip's own checks catch it."""
    raw = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = next(i for i in zf.infolist() if i.filename == "data/figures.json")
    raw[info.header_offset + 30 + len(info.filename) + 5] ^= 0xFF
    out.write_bytes(bytes(raw))


def _encrypted_flag(good, out):
    raw = bytearray(good.read_bytes())
    entry = raw.index(b"PK\x01\x02" + bytes(raw[raw.index(b"PK\x01\x02") + 4 :][:4]))  # the first central record
    raw[entry + 8] |= 0x01  # "encrypted" in its flags
    out.write_bytes(bytes(raw))


def _set(key, value):
    def change(data):
        data[key] = value

    return change


def _deep_manifest(good, out):
    pack(out, {**unpack(good), "manifest.json": b"[" * 100_000 + b"]" * 100_000})


BAD = {
    "not_a_zip": (_not_a_zip, "không phải gói"),
    "flipped_byte": (_flipped_byte, "hỏng"),
    "encrypted": (_encrypted_flag, "hỏng"),
    "deep_json": (_deep_manifest, "Bản kê không phải"),
    "period_number": (lambda g, o: _forged(g, o, _set("period", 2025)), "sai dạng"),
    "file_name_number": (lambda g, o: _forged(g, o, lambda m: m["files"].append({"name": 1})), "sai dạng"),
    "timezone": (lambda g, o: _forged(g, o, _set("created_at", "2026-11-23T09:30:00+07:00")), "sai dạng"),
    "two_line_name": (lambda g, o: _forged(g, o, lambda m: m["unit"].update(name="Chi bộ\nSở Y tế")), "sai dạng"),
    "future": (lambda g, o: _forged(g, o, _set("created_at", "2027-01-01T08:00:00")), "tương lai"),
    "period_not_begun": (lambda g, o: _forged(g, o, _set("period", "2030")), "data/figures.json"),
    "huge_count": (
        lambda g, o: _forged(g, o, None, ("figures", lambda d: d["meetings"]["by_month"].update({"01": 10**13}))),
        "data/figures.json",
    ),
    "other_year": (
        lambda g, o: _forged(g, o, None, ("figures", lambda d: d["structure"].update(on="2024-12-31"))),
        "data/figures.json",
    ),
    "levels_not_rated": (
        lambda g, o: _forged(g, o, None, ("figures", lambda d: d["ratings"].update(rated=0))),
        "data/figures.json",
    ),
    "units_not_summing": (
        lambda g, o: _forged(
            g,
            o,
            None,
            (
                "units",
                lambda d: d.update(
                    expected=1, units=[{"id": None, "name": "X", "kind": "cell", "level": None, "figures": None}]
                ),
            ),
        ),
        "data/units.json",
    ),
    "truncated": (_truncated, "hỏng"),
    "path_traversal": (_path_traversal, "tên không được phép"),
    "absolute": (_absolute_path, "tên không được phép"),
    "checksum": (_wrong_checksum, "data/figures.json"),
    "signature": (_changed_manifest, "Chữ ký không khớp"),
    "newer_format": (_newer_format, "phiên bản Khối desktop mới hơn"),
    "missing": (_missing_file, "không khớp"),
    "incomplete": (_incomplete_data, "không đầy đủ"),
    "zip_bomb": (_zip_bomb, "quá lớn"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_bad_bundle_is_refused_and_changes_nothing(kind, bloc_store, generated_bundles, tmp_path):
    make, reason = BAD[kind]
    bad = tmp_path / f"{kind}.khoi"
    make(generated_bundles[0], bad)
    import_all(bloc_store, generated_bundles[2:])  # the bloc already holds something
    before = dump(bloc_store.path)
    [outcome] = import_all(bloc_store, [bad])
    assert outcome.status == "refused" and outcome.path == bad
    assert reason in outcome.reason
    assert dump(bloc_store.path) == before


def test_the_good_bundles_go_on_when_one_is_bad(bloc_store, generated_bundles, tmp_path):
    bad = tmp_path / "hong.khoi"
    _truncated(generated_bundles[0], bad)
    outcomes = import_all(bloc_store, [generated_bundles[1], bad, generated_bundles[2]])
    assert [o.status for o in outcomes] == ["imported", "refused", "imported"]
