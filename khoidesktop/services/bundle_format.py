"""The export bundle on disk (DESIGN.md, Export bundle): writing one, and reading one back with every check
made before anything is trusted. No database here.

A bundle is a zip holding `manifest.json`, `manifest.sig` (the Ed25519 signature of manifest.json's bytes,
hex) and the files the manifest lists with their size and sha256: `data/*.json` and `reports/*.pdf`.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from khoidesktop.domain.periods import Period
from khoidesktop.errors import UserError
from khoidesktop.i18n import _

FORMAT_NAME = "khoi-desktop-bundle"
FORMAT_VERSION = 1
SUFFIX = ".khoi"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
DATA_PARTS = ("members", "structure", "meetings", "ratings", "recruitment")
REQUIRED_FILES = tuple(f"data/{part}.json" for part in DATA_PARTS)


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold; anything beyond is refused before it is unpacked."""

    bundle_bytes: int = 200 * 1024 * 1024
    unpacked_bytes: int = 200 * 1024 * 1024  # all files together, as unpacked
    files: int = 100
    manifest_bytes: int = 1024 * 1024


LIMITS = Limits()
_SAFE_NAME = re.compile(r"(data/[a-z_]+\.json|reports/[a-z0-9_-]+\.pdf)")


class BundleRefused(UserError):
    """A bundle that cannot be used; the message says why in the user's words."""


def fingerprint(public_key: bytes) -> str:
    """What the two secretaries read to each other: 20 hex digits of the key's sha256, in groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:20].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def write_bundle(out: Path, manifest: dict, files: dict[str, bytes], key: Ed25519PrivateKey) -> Path:
    """Write the bundle at `out` (whole or not at all): `manifest` gets the file list and the public key."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from khoidesktop.reports.output import write_atomically

    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    manifest = {**manifest, "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "public_key": public.hex(),
                "files": [{"name": name, "size": len(content), "sha256": sha256(content)}
                          for name, content in sorted(files.items())]}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, key.sign(manifest_bytes).hex())
        for name, content in sorted(files.items()):
            zf.writestr(name, content)
    write_atomically(out, lambda path: Path(path).write_bytes(buffer.getvalue()))
    return out


@dataclass(frozen=True)
class Bundle:
    """A bundle that passed every check: its manifest, files and the facts the import needs."""

    manifest: dict
    manifest_sha256: str
    files: dict[str, bytes]

    @property
    def cell_uid(self) -> str:
        return self.manifest["cell"]["id"]

    @property
    def cell_name(self) -> str:
        return self.manifest["cell"]["name"]

    @property
    def period(self) -> Period:
        return Period.parse(self.manifest["period"])

    @property
    def public_key(self) -> bytes:
        return bytes.fromhex(self.manifest["public_key"])

    def data(self, part: str) -> dict:
        return json.loads(self.files[f"data/{part}.json"])


def read_bundle(path: Path, limits: Limits = LIMITS) -> Bundle:
    """Open and check a bundle completely: zip, names, sizes, manifest, format version, checksums,
    signature, data. Raises BundleRefused with the reason."""
    try:
        if path.stat().st_size > limits.bundle_bytes:
            raise BundleRefused(_("The file is too large to be a bundle."))
        with zipfile.ZipFile(path) as zf:
            contents = _read_members(zf, limits)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError, ValueError):
        raise BundleRefused(_("The file is not a bundle of Khối desktop, or it is damaged or incomplete "
                              "(for example cut short while copying). Ask the cell to send it again.")) from None
    except OSError as exc:
        raise BundleRefused(_("The file cannot be read ({reason}).").format(reason=exc.strerror or exc)) from None
    manifest_bytes = contents.pop(MANIFEST, None)
    signature = contents.pop(SIGNATURE, None)
    if manifest_bytes is None or signature is None:
        raise BundleRefused(_("The file has no manifest or signature: it is not a bundle of Khối desktop."))
    manifest = _manifest(manifest_bytes)
    _check_files(manifest, contents)
    _check_signature(manifest, manifest_bytes, signature)
    bundle = Bundle(manifest, sha256(manifest_bytes), contents)
    _check_data(bundle)
    return bundle


def _read_members(zf: zipfile.ZipFile, limits: Limits) -> dict[str, bytes]:
    infos = zf.infolist()
    if len(infos) > limits.files:
        raise BundleRefused(_("The bundle holds too many files ({n}).").format(n=len(infos)))
    names = [info.filename for info in infos]
    for name in names:
        if name not in (MANIFEST, SIGNATURE) and not _SAFE_NAME.fullmatch(name):
            raise BundleRefused(_("The bundle holds a file with a name that is not allowed (“{name}”); "
                                  "it may be an attempt to write outside its folder.").format(name=name))
    if len(set(names)) != len(names):
        raise BundleRefused(_("The bundle holds the same file twice."))
    if sum(info.file_size for info in infos) > limits.unpacked_bytes:
        raise BundleRefused(_("Unpacked, the bundle would be far too large; it was refused for safety."))
    contents, budget = {}, limits.unpacked_bytes
    for info in infos:
        if info.filename == MANIFEST and info.file_size > limits.manifest_bytes:
            raise BundleRefused(_("The manifest is too large."))
        with zf.open(info) as stream:  # the declared size may lie: count what really comes out
            content = stream.read(min(budget, info.file_size) + 1)
        if len(content) > info.file_size or len(content) > budget:
            raise BundleRefused(_("Unpacked, the bundle would be far too large; it was refused for safety."))
        budget -= len(content)
        contents[info.filename] = content
    return contents


def _manifest(raw: bytes) -> dict:
    try:
        manifest = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BundleRefused(_("The manifest is not that of a Khối desktop bundle."))
    version = manifest.get("format_version")
    if not isinstance(version, int) or version != FORMAT_VERSION:
        if isinstance(version, int) and version > FORMAT_VERSION:
            raise BundleRefused(_("The bundle was made by a newer version of Khối desktop (format {v}); "
                                  "update the program, then import it again.").format(v=version))
        raise BundleRefused(_("The bundle's format version ({v}) is unknown.").format(v=version))
    try:
        Period.parse(str(manifest["period"]))
        cell = manifest["cell"]
        if not (isinstance(cell["id"], str) and cell["id"] and isinstance(cell["name"], str) and cell["name"]):
            raise ValueError
        bytes.fromhex(manifest["public_key"])
        _created_at(manifest)
        listed = {f["name"]: f for f in manifest["files"]}
    except (KeyError, TypeError, ValueError):
        raise BundleRefused(_("The manifest is incomplete: the cell, the period, the key or the file list "
                              "is missing.")) from None
    if len(listed) != len(manifest["files"]):
        raise BundleRefused(_("The manifest lists a file twice."))
    return manifest


def _created_at(manifest: dict):
    from datetime import datetime

    return datetime.fromisoformat(manifest["created_at"])


def _check_files(manifest: dict, contents: dict[str, bytes]) -> None:
    listed = {f["name"]: f for f in manifest["files"]}
    if set(listed) != set(contents):
        missing = sorted(set(listed) - set(contents)) or sorted(set(contents) - set(listed))
        raise BundleRefused(_("The bundle's files do not match its manifest ({names}).").format(
            names=", ".join(missing)))
    for name, entry in listed.items():
        if entry.get("size") != len(contents[name]) or entry.get("sha256") != sha256(contents[name]):
            raise BundleRefused(_("The file {name} in the bundle was changed or damaged (its checksum does "
                                  "not match). Ask the cell to send the bundle again.").format(name=name))
    absent = [name for name in REQUIRED_FILES if name not in listed]
    if absent:
        raise BundleRefused(_("The bundle lacks {names}.").format(names=", ".join(absent)))


def _check_signature(manifest: dict, manifest_bytes: bytes, signature: bytes) -> None:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(manifest["public_key"]))
        key.verify(bytes.fromhex(signature.decode("ascii")), manifest_bytes)
    except (InvalidSignature, ValueError, UnicodeDecodeError):
        raise BundleRefused(_("The signature does not match: the bundle was changed after the cell made it. "
                              "Ask the cell to send it again.")) from None


def _check_data(bundle: Bundle) -> None:
    """The parts the bloc sums must be there with the figures it reads (see services.bloc)."""
    from khoidesktop.services.bloc_figures import data_problem

    try:
        parts = {part: bundle.data(part) for part in DATA_PARTS}
    except (ValueError, UnicodeDecodeError):
        parts = None
    problem = _("a data file is not valid JSON") if parts is None else data_problem(parts)
    if problem:
        raise BundleRefused(_("The data in the bundle is incomplete ({problem}).").format(problem=problem))
