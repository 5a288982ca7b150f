"""WACZ (Webrecorder's zipped web archive): ``datapackage.json``, ``pages/pages.jsonl``, ``archive/*.warc*``.

The ZIP is checked with the package module's safe ZIP rules (no zip-slip, links, encryption or bombs)
and every member is read through a reader that stops at its declared size. The main page is
``mainPageUrl`` of datapackage.json, else the first page of pages.jsonl; the WARCs are read by
:mod:`warc`. ``datapackage.json``'s hashes are checked against the members, and a signature in
``datapackage-digest.json`` (the WACZ signing spec) is reported: present, valid or not, never required.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import IO, Any

from desktop_app.core.package.safe_zip import UnsafeArchiveError, check_members, open_zip
from desktop_app.core.reading.captures.model import Capture, CaptureError
from desktop_app.core.reading.captures.warc import read_warcs

MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_PAGES_LINES = 100_000


class _Bounded(io.RawIOBase):
    """A member's data, refusing to yield more than its declared size (a lying ZIP header)."""

    def __init__(self, raw: IO[bytes], size: int, name: str) -> None:
        self.raw, self.left, self.name = raw, size, name

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        want = len(b)
        try:
            data = self.raw.read(min(want, self.left + 1))
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise CaptureError(f"the WACZ member {self.name} is corrupt ({type(exc).__name__})") from None
        if len(data) > self.left:
            raise CaptureError(f"the WACZ member {self.name} is longer than its ZIP header declares")
        self.left -= len(data)
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


def _open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    return io.BufferedReader(_Bounded(zf.open(info), info.file_size, info.filename), 1024 * 1024)


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_JSON_BYTES:
        raise CaptureError(f"the WACZ member {info.filename} is too large ({info.file_size:,} bytes)")
    with _open_member(zf, info) as fh:
        return fh.read()


def _json(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    try:
        return json.loads(_read_small(zf, info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CaptureError(
            f"the WACZ member {info.filename} is not valid JSON ({type(exc).__name__})"
        ) from None


def _sha256(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    digest = hashlib.sha256()
    with _open_member(zf, info) as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def read_wacz(path: str | Path) -> Capture:
    try:
        zf = open_zip(path)
    except UnsafeArchiveError:
        raise CaptureError("this is not a readable ZIP file, so not a WACZ") from None
    with zf:
        infos = zf.infolist()
        try:
            check_members(path, infos)
        except UnsafeArchiveError as exc:
            reason = str(exc).split(": ", 1)[-1].rstrip(".")
            raise CaptureError(f"the WACZ is unsafe to open: {reason}") from None
        members = {i.filename: i for i in infos if not i.is_dir()}
        if "datapackage.json" not in members:
            raise CaptureError("this ZIP has no datapackage.json, so it is not a WACZ")
        package = _json(zf, members["datapackage.json"])
        if not isinstance(package, dict):
            raise CaptureError("the WACZ's datapackage.json is not a JSON object")
        page_url, page_ts = "", ""
        if "pages/pages.jsonl" in members:
            page_url, page_ts = _first_page(_read_small(zf, members["pages/pages.jsonl"]))
        page_url = str(package.get("mainPageUrl") or "") or page_url
        page_ts = str(package.get("mainPageDate") or "") or page_ts
        warcs = sorted(n for n in members if n.startswith("archive/") and n.endswith((".warc", ".warc.gz")))
        if not warcs:
            raise CaptureError("the WACZ holds no WARC file under archive/")
        archives = [(n, (lambda info=members[n]: _open_member(zf, info))) for n in warcs]
        cap = read_warcs(archives, page_url=page_url, page_ts=page_ts, fmt="wacz")
        cap.main = f"WACZ {cap.main}"
        problems = _check_hashes(zf, members, package)
        cap.notes.extend(problems)
        cap.signature = _signature(zf, members, problems)
        return cap


def _first_page(data: bytes) -> tuple[str, str]:
    for n, raw in enumerate(data.splitlines()):
        if n > MAX_PAGES_LINES:
            break
        try:
            entry = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if isinstance(entry, dict) and entry.get("url"):
            return str(entry["url"]), str(entry.get("ts") or "")
    return "", ""


def _check_hashes(
    zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], package: dict[str, Any]
) -> list[str]:
    """Sentences for every resource of datapackage.json whose member is missing or differs."""
    out: list[str] = []
    resources = package.get("resources") or []
    if not isinstance(resources, list):
        return ["datapackage.json lists no resources"]
    for res in resources:
        if not isinstance(res, dict):
            continue
        name, want = str(res.get("path") or ""), str(res.get("hash") or "")
        if name not in members:
            out.append(f"datapackage.json lists {name}, which the WACZ does not hold")
            continue
        if want.startswith("sha256:") and _sha256(zf, members[name]) != want[7:].lower():
            out.append(f"{name} does not match its hash in datapackage.json (changed after packaging)")
    return out


def _signature(
    zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], problems: list[str]
) -> dict[str, Any]:
    """The WACZ's own signature (datapackage-digest.json), reported, not required."""
    if "datapackage-digest.json" not in members:
        return {"status": "absent", "detail": "the WACZ carries no signature (datapackage-digest.json)"}
    try:
        digest = _json(zf, members["datapackage-digest.json"])
    except CaptureError as exc:
        return {"status": "invalid", "detail": exc.reason}
    if not isinstance(digest, dict):
        return {"status": "invalid", "detail": "datapackage-digest.json is not a JSON object"}
    actual = "sha256:" + _sha256(zf, members["datapackage.json"])
    if str(digest.get("hash") or "").lower() != actual:
        return {
            "status": "invalid",
            "detail": "datapackage.json does not match the hash its signature covers",
        }
    if problems:
        return {
            "status": "invalid",
            "detail": "the signed datapackage.json no longer matches the WACZ's files",
        }
    signed = digest.get("signedData")
    if not isinstance(signed, dict) or not signed.get("signature"):
        return {
            "status": "unsigned_digest",
            "detail": "datapackage.json matches its digest, which is not signed",
        }
    if str(signed.get("hash") or "").lower() != actual:
        return {"status": "invalid", "detail": "the signature covers another hash than datapackage.json's"}
    return _verify_signed(signed, actual)


def _verify_signed(signed: dict[str, Any], hash_text: str) -> dict[str, Any]:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    created = str(signed.get("created") or "")
    software = str(signed.get("software") or "")
    try:
        signature = base64.b64decode(str(signed["signature"]))
        domain = str(signed.get("domain") or "")
        if signed.get("publicKey"):
            key = serialization.load_der_public_key(base64.b64decode(str(signed["publicKey"])))
            who = "an anonymous key (its owner is not established)"
        elif signed.get("domainCert"):
            cert = x509.load_pem_x509_certificates(str(signed["domainCert"]).encode())[0]
            key = cert.public_key()
            who = (
                f"a certificate for {domain or cert.subject.rfc4514_string()} "
                "(its chain and timestamp are not verified offline)"
            )
        else:
            return {"status": "invalid", "detail": "the signature names no public key or certificate"}
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        return {"status": "invalid", "detail": f"the signature cannot be decoded ({type(exc).__name__})"}
    if not isinstance(key, ec.EllipticCurvePublicKey):
        return {
            "status": "invalid",
            "detail": "the signing key is not an ECDSA key as the WACZ spec requires",
        }
    size = (key.curve.key_size + 7) // 8
    candidates = [signature]
    if len(signature) == 2 * size:  # WebCrypto writes r||s, not DER
        r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
        candidates.insert(0, encode_dss_signature(r, s))
    for sig in candidates:
        for algorithm in (hashes.SHA256(), hashes.SHA384()):
            try:
                key.verify(sig, hash_text.encode(), ec.ECDSA(algorithm))
            except (InvalidSignature, ValueError):
                continue
            detail = f"signed by {who}"
            if created:
                detail += f", created {created}"
            if software:
                detail += f" with {software}"
            return {"status": "valid", "detail": detail, "created": created}
    return {
        "status": "invalid",
        "detail": "the signature does not verify: the WACZ was changed after signing",
    }
