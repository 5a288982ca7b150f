"""Whom a verifier trusts: certificates and SHA-256 fingerprints, given on the spot or kept in settings.

A signature proves that the holder of a key signed; it says nothing about who that holder is unless
the key is tied to someone the reader already trusts. So "signer trusted" is answered *yes* only
against anchors: a certificate (the signer's own, or a CA that issued it), a pinned SHA-256
fingerprint (of the signer or of a CA in its chain), or the organisation's list kept in the data
directory (``trust.json``, edited in Settings). Without anchors the answer is "not established".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from desktop_app.core.atomic import atomic_write_text
from desktop_app.core.errors import UserError
from desktop_app.core.package.signing import fingerprint, normalise_fingerprint, subject_cn

TRUST_FILE = "trust.json"
FORMAT_VERSION = 1
MAX_TRUST_FILE = 16 * 1024 * 1024


class TrustStoreError(UserError):
    """The trust settings file cannot be read or a trust anchor is unusable."""


@dataclass(frozen=True)
class TrustedFingerprint:
    fingerprint: str  # canonical AB:CD:... form
    label: str = ""


@dataclass(frozen=True)
class TrustAnchors:
    """What a verification is allowed to call trusted; ``source`` says where it came from."""

    certificates: tuple[x509.Certificate, ...] = ()
    fingerprints: tuple[TrustedFingerprint, ...] = ()
    source: str = ""

    @property
    def empty(self) -> bool:
        return not self.certificates and not self.fingerprints

    def pinned(self) -> set[str]:
        return {f.fingerprint for f in self.fingerprints}


def load_certificate_bytes(data: bytes, source: str) -> list[x509.Certificate]:
    try:
        if b"-----BEGIN" in data:
            certs = x509.load_pem_x509_certificates(data)
        else:
            certs = [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise TrustStoreError(f"{source}: not an X.509 certificate (PEM or DER).") from None
    if not certs:
        raise TrustStoreError(f"{source}: holds no certificate.")
    return certs


def load_certificate_file(path: str | Path) -> list[x509.Certificate]:
    from desktop_app.core.user_files import read_user_bytes, sentence_error

    path = Path(path)
    data = read_user_bytes(path, max_bytes=MAX_TRUST_FILE, error=sentence_error(TrustStoreError))
    return load_certificate_bytes(data, str(path))


def anchors_from_arguments(
    trust_certs: list[str | Path | x509.Certificate] | None = None, fingerprints: list[str] | None = None
) -> TrustAnchors:
    """Anchors named on the command line (``--trust`` files, ``--fingerprint`` values)."""
    certs: list[x509.Certificate] = []
    names: list[str] = []
    for item in trust_certs or []:
        if isinstance(item, x509.Certificate):
            certs.append(item)
            names.append(subject_cn(item))
        else:
            certs.extend(load_certificate_file(item))
            names.append(str(item))
    pins = tuple(TrustedFingerprint(normalise_fingerprint(f)) for f in fingerprints or [])
    parts = []
    if names:
        parts.append("certificate " + ", ".join(names))
    if pins:
        parts.append("fingerprint " + ", ".join(p.fingerprint for p in pins))
    return TrustAnchors(tuple(certs), pins, " and ".join(parts))


@dataclass
class TrustStore:
    """The organisation's trust list kept in ``<data_dir>/trust.json`` (certificates as PEM)."""

    path: Path
    certificates: list[x509.Certificate] = field(default_factory=list)
    fingerprints: list[TrustedFingerprint] = field(default_factory=list)

    def anchors(self) -> TrustAnchors:
        return TrustAnchors(tuple(self.certificates), tuple(self.fingerprints), f"settings ({self.path})")

    def add_certificate(self, cert: x509.Certificate) -> bool:
        if any(fingerprint(c) == fingerprint(cert) for c in self.certificates):
            return False
        self.certificates.append(cert)
        return True

    def add_fingerprint(self, text: str, label: str = "") -> bool:
        fp = normalise_fingerprint(text)
        if any(f.fingerprint == fp for f in self.fingerprints):
            return False
        self.fingerprints.append(TrustedFingerprint(fp, label.strip()))
        return True

    def remove(self, fp: str) -> bool:
        fp = normalise_fingerprint(fp)
        before = len(self.certificates) + len(self.fingerprints)
        self.certificates = [c for c in self.certificates if fingerprint(c) != fp]
        self.fingerprints = [f for f in self.fingerprints if f.fingerprint != fp]
        return len(self.certificates) + len(self.fingerprints) != before

    def save(self) -> None:
        pem = serialization.Encoding.PEM
        doc = {
            "format_version": FORMAT_VERSION,
            "certificates": [
                {
                    "subject": subject_cn(c),
                    "fingerprint": fingerprint(c),
                    "pem": c.public_bytes(pem).decode("ascii"),
                }
                for c in self.certificates
            ],
            "fingerprints": [{"fingerprint": f.fingerprint, "label": f.label} for f in self.fingerprints],
        }
        atomic_write_text(self.path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def trust_store_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / TRUST_FILE


def load_trust_store(data_dir: str | Path) -> TrustStore:
    """The configured trust list; an absent file is an empty list, a damaged one is refused."""
    path = trust_store_path(data_dir)
    store = TrustStore(path)
    if not path.exists():
        return store
    try:
        if path.stat().st_size > MAX_TRUST_FILE:
            raise TrustStoreError(f"{path}: the trust settings file is too large.")
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TrustStoreError(f"{path}: the trust settings file cannot be read ({exc}).") from None
    version = doc.get("format_version") if isinstance(doc, dict) else "?"
    if version != FORMAT_VERSION:
        raise TrustStoreError(
            f"{path}: unknown trust settings format {version} (this version reads {FORMAT_VERSION})."
        )
    try:
        for item in doc.get("certificates", []):
            store.certificates.extend(load_certificate_bytes(item["pem"].encode("ascii"), str(path)))
        for item in doc.get("fingerprints", []):
            store.fingerprints.append(
                TrustedFingerprint(normalise_fingerprint(item["fingerprint"]), str(item.get("label", "")))
            )
    except (KeyError, TypeError, AttributeError, UnicodeEncodeError):
        raise TrustStoreError(f"{path}: the trust settings file is malformed.") from None
    except UserError as exc:
        raise TrustStoreError(f"{path}: the trust settings file is malformed ({exc}).") from None
    return store
