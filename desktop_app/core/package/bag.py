"""A streaming BagIt (RFC 8493) writer that hashes each payload file while it goes into the ZIP.

Entries are written in sorted order, which is also the order the hashes become available in:
``bag-info.txt`` (needs only sizes, for Payload-Oxum), ``bagit.txt``, ``data/...``, then the
manifest, the tag manifest, and the detached signature over the tag manifest (outside the tag manifest).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.messages import said
from desktop_app.core.package.safe_zip import ZipWriter
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = TAGMANIFEST + ".p7s"


@dataclass
class PayloadItem:
    """One file under ``data/``: either bytes already in memory or a file streamed from disk."""

    path: str  # relative to data/, forward slashes
    size: int
    data: bytes | None = None
    source: Path | None = None
    compress: bool = False


@dataclass
class BagResult:
    manifest: bytes
    tagmanifest: bytes
    payload_sha256: dict[str, str] = field(default_factory=dict)  # "data/..." -> hex
    payload_bytes: int = 0


def encode_path(path: str) -> str:
    """RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _one_line(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def bag_info_text(fields: list[tuple[str, str]], payload_bytes: int, payload_count: int) -> bytes:
    lines = [f"{k}: {_one_line(v)}" for k, v in fields if _one_line(v)]
    lines.append(f"Payload-Oxum: {payload_bytes}.{payload_count}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def manifest_text(hashes: dict[str, str]) -> bytes:
    return "".join(f"{h}  {encode_path(p)}\n" for p, h in sorted(hashes.items())).encode("utf-8")


def write_bag(
    writer: ZipWriter,
    root: str,
    items: list[PayloadItem],
    info: list[tuple[str, str]],
    *,
    sign: Callable[[bytes], bytes],
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BagResult:
    """Write the whole bag under ``root/`` in one pass over the payload; ``sign`` gets the tag manifest."""
    items = sorted(items, key=lambda i: i.path)
    total = sum(i.size for i in items) or 1
    done = 0
    tag_hashes: dict[str, str] = {}

    def tag(name: str, data: bytes) -> None:
        writer.add_bytes(f"{root}/{name}", data, compress=True)
        tag_hashes[name] = hashlib.sha256(data).hexdigest()

    result = BagResult(b"", b"", payload_bytes=sum(i.size for i in items))
    tag("bag-info.txt", bag_info_text(info, result.payload_bytes, len(items)))
    tag("bagit.txt", BAGIT_TXT)
    for item in items:
        cancel.raise_if_cancelled()
        name = f"data/{item.path}"
        h = hashlib.sha256()
        if item.data is not None:
            h.update(item.data)
            writer.add_bytes(f"{root}/{name}", item.data, compress=item.compress)
        else:
            assert item.source is not None
            writer.add_file(f"{root}/{name}", item.source, item.size, on_chunk=h.update, cancel=cancel)
        result.payload_sha256[name] = h.hexdigest()
        done += item.size
        progress(done / total, said("progress.packaging_file", name=item.path))
    result.manifest = manifest_text(result.payload_sha256)
    tag(MANIFEST, result.manifest)
    result.tagmanifest = manifest_text(tag_hashes)
    writer.add_bytes(f"{root}/{TAGMANIFEST}", result.tagmanifest, compress=True)
    writer.add_bytes(f"{root}/{SIGNATURE}", sign(result.tagmanifest))
    return result


def parse_manifest(text: str) -> dict[str, str]:
    """``path -> hex`` from a manifest; raises ValueError on a malformed line."""
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, path = line.partition(" ")
        path = path.lstrip(" ")
        if not sep or len(digest) != 64 or not path:
            raise ValueError(f"line {n} is malformed")
        path = path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        if path in out:
            raise ValueError(f"line {n} lists '{path}' twice")
        out[path] = digest.lower()
    return out
