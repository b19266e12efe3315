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
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoidesktop.domain.periods import Period
from khoidesktop.errors import UserError
from khoidesktop.exchange import summary
from khoidesktop.exchange.figures import Figures
from khoidesktop.i18n import _

if TYPE_CHECKING:  # the signing library loads when a bundle is signed or checked, not with the exchange page
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT_NAME = "khoi-desktop-bundle"
FORMAT_VERSION = summary.VERSION  # the bundle's version is that of the summary format it carries
SUFFIX = ".khoi"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
SENDER = {1: "cell"}  # the manifest's key naming who sent it, by format version (later versions: "unit")


def required_files(version: int) -> tuple[str, ...]:
    return tuple(f"data/{part}.json" for part in summary.PARTS[version])


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold; anything beyond is refused before it is unpacked."""

    # A 5,000-member cell sends about 2 MB of data and 1 MB of PDFs: these leave a hundredfold margin.
    bundle_bytes: int = 200 * 1024 * 1024
    unpacked_bytes: int = 200 * 1024 * 1024  # all files together, as unpacked (a zip bomb stops here)
    files: int = 100
    manifest_bytes: int = 1024 * 1024


LIMITS = Limits()
_SAFE_NAME = re.compile(r"(data/[a-z_]+\.json|reports/[a-z0-9_-]+\.pdf)")
_CELL_ID = re.compile(r"[0-9a-f]{32}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    NotImplementedError,
    ValueError,
    zlib.error,
    RuntimeError,
)  # RuntimeError: an entry marked as encrypted


class BundleRefused(UserError):
    """A bundle that cannot be used; the message says why in the user's words."""


def fingerprint(public_key: bytes) -> str:
    """What the two secretaries read to each other: 20 hex digits of the key's sha256, in groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:20].upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def write_bundle(out: Path, manifest: dict[str, Any], files: dict[str, bytes], key: Ed25519PrivateKey) -> Path:
    """Write the bundle at `out` (whole or not at all): `manifest` gets the file list and the public key."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from khoidesktop.reports.output import write_atomically

    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    manifest = {
        **manifest,
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "public_key": public.hex(),
        "files": [
            {"name": name, "size": len(content), "sha256": sha256(content)} for name, content in sorted(files.items())
        ],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, key.sign(manifest_bytes).hex())
        for name, content in sorted(files.items()):
            zf.writestr(name, content)

    def build(path: Path) -> None:
        Path(path).write_bytes(buffer.getvalue())

    write_atomically(out, build)
    return out


@dataclass(frozen=True)
class Bundle:
    """A bundle that passed every check: its manifest, files, data parts (parsed once) and the facts the
    import needs."""

    manifest: dict[str, Any]
    manifest_sha256: str
    files: dict[str, bytes]
    figures: Figures
    parts: dict[str, summary.Part] = field(default_factory=dict)

    @property
    def format_version(self) -> int:
        return int(self.manifest["format_version"])

    @property
    def sender(self) -> dict[str, Any]:
        found: dict[str, Any] = self.manifest[sender_key(self.format_version)]  # a dict: _well_formed checked it
        return found

    @property
    def uid(self) -> str:
        uid: str = self.sender["id"]  # a str: _well_formed checked it
        return uid

    @property
    def name(self) -> str:
        name: str = self.sender["name"]  # a str: _well_formed checked it
        return name

    @property
    def org_name(self) -> str:
        return str(self.sender.get("org") or "")

    @property
    def level(self) -> str | None:
        """The level of the tree the sender is (a kind's code); None in format 1, which only cells sent."""
        level = self.sender.get("level")
        return level if isinstance(level, str) else None

    @property
    def period(self) -> Period:
        return Period.parse(self.manifest["period"])

    @property
    def public_key(self) -> bytes:
        return bytes.fromhex(self.manifest["public_key"])

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.manifest["created_at"])

    @property
    def training(self) -> bool:
        return self.sender.get("training") is True

    def data(self, part: str) -> summary.Part:
        return self.parts[part]


def read_bundle(path: Path, limits: Limits = LIMITS) -> Bundle:
    """Open and check a bundle completely: zip, names, sizes, manifest, format version, checksums,
    signature, data. Raises BundleRefused with the reason."""
    try:
        if path.stat().st_size > limits.bundle_bytes:
            raise BundleRefused(_("The file is too large to be a bundle."))
        with zipfile.ZipFile(path) as zf:
            contents = _read_members(zf, limits)
    except _UNREADABLE:
        raise BundleRefused(
            _(
                "The file is not a bundle of Khối desktop, or it is damaged or incomplete "
                "(for example cut short while copying). Ask the cell to send it again."
            )
        ) from None
    except FileNotFoundError:
        raise BundleRefused(_("The file is no longer there.")) from None
    except IsADirectoryError:
        raise BundleRefused(_("This is a folder, not a bundle: choose the “.khoi” files inside it.")) from None
    except OSError:
        raise BundleRefused(
            _("The file cannot be read: check that it is not open in another program and that you may read it.")
        ) from None
    manifest_bytes = contents.pop(MANIFEST, None)
    signature = contents.pop(SIGNATURE, None)
    if manifest_bytes is None or signature is None:
        raise BundleRefused(_("The file has no manifest or signature: it is not a bundle of Khối desktop."))
    manifest = _manifest(manifest_bytes)
    _check_files(manifest, contents)
    _check_signature(manifest, manifest_bytes, signature)
    parts, figures = _data_parts(manifest, contents)
    return Bundle(manifest, sha256(manifest_bytes), contents, figures, parts)


def _read_members(zf: zipfile.ZipFile, limits: Limits) -> dict[str, bytes]:
    infos = zf.infolist()
    if len(infos) > limits.files:
        raise BundleRefused(_("The bundle holds too many files ({n}).").format(n=len(infos)))
    names = [info.filename for info in infos]
    for name in names:
        if name not in (MANIFEST, SIGNATURE) and not _SAFE_NAME.fullmatch(name):
            raise BundleRefused(
                _(
                    "The bundle holds a file with a name that is not allowed (“{name}”); "
                    "it may be an attempt to write outside its folder."
                ).format(name=name)
            )
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


def _json(raw: bytes) -> object:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _manifest(raw: bytes) -> dict[str, Any]:
    manifest = _json(raw)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BundleRefused(_("The manifest is not that of a Khối desktop bundle."))
    version = manifest.get("format_version")
    if not isinstance(version, int) or version not in summary.READERS:
        if isinstance(version, int) and version > FORMAT_VERSION:
            raise BundleRefused(
                _(
                    "The bundle was made by a newer version of Khối desktop (format {v}); "
                    "update the program, then import it again."
                ).format(v=version)
            )
        raise BundleRefused(_("The bundle's format version ({v}) is unknown.").format(v=version))
    if not _well_formed(manifest):
        raise BundleRefused(
            _(
                "The manifest is incomplete or malformed: the cell, the period, the date it was "
                "made, the key or the file list is missing or wrong."
            )
        )
    if len({f["name"] for f in manifest["files"]}) != len(manifest["files"]):
        raise BundleRefused(_("The manifest lists a file twice."))
    return manifest


def _plain_name(value: object) -> bool:
    """A name shown to the user: one line of printable text, as any cell's name is (the screens show it as
    plain text and the PDFs escape it, so "&" or "<" in it can never act as markup)."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= 500
        and value.strip() == value
        and all(ch.isprintable() for ch in value)
    )


def sender_key(version: int) -> str:
    return SENDER.get(version, "unit")


def _well_formed(manifest: dict[str, Any]) -> bool:
    cell, files = manifest.get(sender_key(manifest["format_version"])), manifest.get("files")
    created = manifest.get("created_at")
    try:
        Period.parse(manifest["period"] if isinstance(manifest.get("period"), str) else "")
        made = datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        return False
    return (
        made is not None
        and made.tzinfo is None  # the cell's local time, as the program writes it
        and isinstance(cell, dict)
        and isinstance(cell.get("id"), str)
        and bool(_CELL_ID.fullmatch(cell["id"]))
        and _plain_name(cell.get("name"))
        and (cell.get("org") in (None, "") or _plain_name(cell.get("org")))
        and isinstance(cell.get("training", False), bool)
        and (cell.get("level") is None or (isinstance(cell["level"], str) and len(cell["level"]) <= 20))
        and isinstance(manifest.get("public_key"), str)
        and bool(_SHA256.fullmatch(manifest["public_key"]))
        and isinstance(files, list)
        and all(
            isinstance(f, dict)
            and isinstance(f.get("name"), str)
            and isinstance(f.get("sha256"), str)
            and isinstance(f.get("size"), int)
            for f in files
        )
    )


def _check_files(manifest: dict[str, Any], contents: dict[str, bytes]) -> None:
    listed = {f["name"]: f for f in manifest["files"]}
    if set(listed) != set(contents):
        missing = sorted(set(listed) - set(contents)) or sorted(set(contents) - set(listed))
        raise BundleRefused(
            _("The bundle's files do not match its manifest ({names}).").format(names=", ".join(missing))
        )
    for name, entry in listed.items():
        if entry.get("size") != len(contents[name]) or entry.get("sha256") != sha256(contents[name]):
            raise BundleRefused(
                _(
                    "The file {name} in the bundle was changed or damaged (its checksum does "
                    "not match). Ask the cell to send the bundle again."
                ).format(name=name)
            )
    absent = [name for name in required_files(manifest["format_version"]) if name not in listed]
    if absent:
        raise BundleRefused(_("The bundle lacks {names}.").format(names=", ".join(absent)))


def _check_signature(manifest: dict[str, Any], manifest_bytes: bytes, signature: bytes) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(manifest["public_key"]))
        key.verify(bytes.fromhex(signature.decode("ascii")), manifest_bytes)
    except (InvalidSignature, ValueError, UnicodeDecodeError):
        raise BundleRefused(
            _(
                "The signature does not match: the bundle was changed after the cell made it. "
                "Ask the cell to send it again."
            )
        ) from None


def _data_parts(manifest: dict[str, Any], contents: dict[str, bytes]) -> tuple[dict[str, summary.Part], Figures]:
    """The data files, parsed, with the figures the level above sums all there and in range (exchange.summary)."""
    version = manifest["format_version"]
    names = (*summary.PARTS[version], *(p for p in summary.OPTIONAL_PARTS if f"data/{p}.json" in contents))
    parsed = {part: _json(contents[f"data/{part}.json"]) for part in names}
    broken = [part for part, value in parsed.items() if not isinstance(value, dict)]
    if broken:
        raise BundleRefused(
            _("The data in the bundle is incomplete (data/{part}.json cannot be read).").format(part=broken[0])
        )
    parts: dict[str, summary.Part] = {part: value for part, value in parsed.items() if isinstance(value, dict)}
    try:
        figures = summary.read_unit(parts, Period.parse(manifest["period"]), version)
    except summary.DataProblem as problem:
        raise BundleRefused(
            _(
                "The data in the bundle is incomplete or inconsistent (data/{part}.json). Ask the "
                "cell to make the bundle again with the program."
            ).format(part=problem.part)
        ) from None
    return parts, figures
