"""Helpers for the bundle tests: a dump of a data file to compare, and re-packing a bundle."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def dump(path: Path) -> list[str]:
    """Every row of every table (a change anywhere shows up)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return list(connection.iterdump())


def unpack(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def pack(out: Path, files: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    out.write_bytes(buffer.getvalue())
    return out


def resign(files: dict[str, bytes], manifest: dict, key: Ed25519PrivateKey) -> dict[str, bytes]:
    """The same files with `manifest` signed by `key` (a bundle its maker could have made)."""
    raw = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    return {**files, "manifest.json": raw, "manifest.sig": key.sign(raw).hex().encode()}


def cell_key(db: Path) -> Ed25519PrivateKey:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        (raw,) = connection.execute("SELECT private_key FROM exchange_key").fetchone()
    return Ed25519PrivateKey.from_private_bytes(raw)
