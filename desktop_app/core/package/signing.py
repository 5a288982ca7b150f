"""Signing identities: a private key (encrypted PKCS#8, mode 0600) and its certificate chain.

Stored under ``<data_dir>/identities/<slug>/``: ``key.pem`` (never leaves this folder, never enters a
package), ``cert.pem`` (the signer), ``chain.pem`` (issuing CAs, possibly empty) and ``identity.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop_app.core.atomic import atomic_write_bytes, atomic_write_text
from desktop_app.core.errors import NotFoundError, UserError

IDENTITIES_DIR = "identities"
PASSPHRASE_ENV = "EVIDENCE_DESK_PASSPHRASE"
MIN_PASSPHRASE = 8
MAX_P12_ITERATIONS = 2_000_000  # common exports use 2,048-600,000; 2^31-1 would run for hours
MAX_P12_BYTES = 1024 * 1024  # a key and a chain of certificates: kilobytes
CERT_VALIDITY_DAYS = 3 * 365

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


class IdentityError(UserError):
    """An identity cannot be created, imported or used."""


class WrongPassphraseError(IdentityError):
    pass


class CertificateExpiredError(IdentityError):
    pass


class KeyMismatchError(IdentityError):
    pass


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 over the DER certificate, as upper-case hex pairs joined by colons (openssl style)."""
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def normalise_fingerprint(text: str) -> str:
    """Accept ``AB:CD..``, ``abcd..`` or ``sha256 Fingerprint=AB:..`` and return the canonical form."""
    hexdigits = re.sub(r"[^0-9a-fA-F]", "", text.split("=", 1)[-1])
    if len(hexdigits) != 64:
        raise IdentityError.keyed("identity.bad_fingerprint", text=text)
    return bytes.fromhex(hexdigits).hex(":").upper()


def subject_cn(cert: x509.Certificate) -> str:
    attrs = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(attrs[0].value) if attrs else cert.subject.rfc4514_string()


def subject_org(cert: x509.Certificate) -> str:
    attrs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(attrs[0].value) if attrs else ""


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug or "identity"


@dataclass(frozen=True)
class IdentityInfo:
    """What ``identity list`` shows; no secret material."""

    name: str
    directory: Path
    subject: str
    organisation: str
    fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime
    self_signed: bool

    @property
    def expired(self) -> bool:
        return self.not_after < dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class SigningIdentity:
    """A loaded identity: the decrypted key, its certificate and the chain up to (excluding) nothing."""

    name: str
    key: PrivateKey
    cert: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.cert)


def identities_root(data_dir: str | Path) -> Path:
    return Path(data_dir) / IDENTITIES_DIR


def _check_pair(key: PrivateKey, cert: x509.Certificate, source: str) -> None:
    pub = serialization.PublicFormat.SubjectPublicKeyInfo
    enc = serialization.Encoding.DER
    if key.public_key().public_bytes(enc, pub) != cert.public_key().public_bytes(enc, pub):
        raise KeyMismatchError.keyed("identity.key_mismatch", path=source)


def _check_validity(cert: x509.Certificate, source: str, at: dt.datetime | None = None) -> None:
    now = at or dt.datetime.now(dt.timezone.utc)
    if cert.not_valid_after_utc < now:
        raise CertificateExpiredError.keyed(
            "identity.cert_expired",
            path=source,
            subject=subject_cn(cert),
            date=f"{cert.not_valid_after_utc:%Y-%m-%d}",
        )
    if cert.not_valid_before_utc > now:
        raise CertificateExpiredError.keyed(
            "identity.cert_not_yet_valid",
            path=source,
            subject=subject_cn(cert),
            date=f"{cert.not_valid_before_utc:%Y-%m-%d}",
        )


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise IdentityError.keyed("identity.short_passphrase", count=MIN_PASSPHRASE)
    return passphrase.encode("utf-8")


def _write_identity(
    data_dir: str | Path,
    name: str,
    key: PrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    passphrase: str,
    source: str,
) -> IdentityInfo:
    directory = identities_root(data_dir) / _slug(name)
    if directory.exists():
        raise IdentityError.keyed("identity.exists", name=name, directory=str(directory))
    secret = _check_passphrase(passphrase)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(secret),
    )
    pem = serialization.Encoding.PEM
    directory.mkdir(parents=True, mode=0o700)
    try:
        atomic_write_bytes(directory / "key.pem", key_pem, mode=0o600)
        atomic_write_bytes(directory / "cert.pem", cert.public_bytes(pem))
        atomic_write_bytes(directory / "chain.pem", b"".join(c.public_bytes(pem) for c in chain))
        atomic_write_text(
            directory / "identity.json",
            json.dumps(
                {"name": name, "fingerprint": fingerprint(cert), "source": source},
                indent=2,
                ensure_ascii=False,
            ),
        )
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return _info(directory)


def create_identity(
    data_dir: str | Path,
    name: str,
    organisation: str,
    passphrase: str,
    *,
    email: str = "",
    key_type: str = "ec",
) -> IdentityInfo:
    """A new EC P-256 (or RSA 3072) key with a self-signed certificate naming person and organisation."""
    if not name.strip() or not organisation.strip():
        raise IdentityError.keyed("identity.needs_names")
    key: PrivateKey
    if key_type == "ec":
        key = ec.generate_private_key(ec.SECP256R1())
    elif key_type == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    else:
        raise IdentityError.keyed("identity.bad_key_type", key_type=key_type)
    attrs = [
        x509.NameAttribute(NameOID.COMMON_NAME, name.strip()),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation.strip()),
    ]
    if email:
        attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email.strip()))
    subject = x509.Name(attrs)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=CERT_VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email.strip())]), critical=False
        )
    cert = builder.sign(key, hashes.SHA256())
    return _write_identity(data_dir, name.strip(), key, cert, [], passphrase, "created")


def pkcs12_iterations(data: bytes) -> list[int]:
    """Every key-derivation iteration count a PKCS#12 reader would run: the MAC's, the encrypted
    certificate bag's and each shrouded key's (read with asn1crypto, nothing decrypted).

    Raises ValueError when the structure cannot be read that far.
    """
    pfx = asn1_pkcs12.Pfx.load(data)
    counts: list[int] = []
    mac = pfx["mac_data"]
    if mac.native is not None:
        counts.append(int(mac["iterations"].native))
    for info in pfx.authenticated_safe:
        kind = info["content_type"].native
        if kind == "encrypted_data":
            algo = info["content"]["encrypted_content_info"]["content_encryption_algorithm"]
            counts.append(int(algo.kdf_iterations))
        elif kind == "data":
            for bag in asn1_pkcs12.SafeContents.load(info["content"].native):
                if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                    counts.append(int(bag["bag_value"]["encryption_algorithm"].kdf_iterations))
    return counts


def check_pkcs12_work(data: bytes, path: str | Path) -> None:
    """Refuse a PKCS#12 whose key derivation would run for minutes (e.g. 2^31-1 MAC iterations) before
    cryptography parses it: the iteration counts are read first and capped."""
    try:
        counts = pkcs12_iterations(data)
    except Exception:  # noqa: BLE001 - asn1crypto raises assorted errors on malformed DER
        raise IdentityError.keyed("identity.p12_unreadable", path=str(path)) from None
    worst = max(counts, default=0)
    if worst > MAX_P12_ITERATIONS:
        raise IdentityError.keyed(
            "identity.p12_iterations", path=str(path), count=f"{worst:,}", limit=f"{MAX_P12_ITERATIONS:,}"
        )


def import_identity(
    data_dir: str | Path, p12_path: str | Path, passphrase: str, *, name: str | None = None
) -> IdentityInfo:
    """Import a PKCS#12 issued by the organisation's CA; the stored key keeps the same passphrase."""
    from desktop_app.core.user_files import read_user_bytes, sentence_error

    path = Path(p12_path)
    data = read_user_bytes(path, max_bytes=MAX_P12_BYTES, error=sentence_error(IdentityError))
    check_pkcs12_work(data, path)
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError as exc:
        if "password" in str(exc).lower() or "mac" in str(exc).lower():
            raise WrongPassphraseError.keyed("identity.p12_wrong_passphrase", path=str(path)) from None
        raise IdentityError.keyed("identity.p12_unreadable", path=str(path)) from None
    if key is None or cert is None:
        raise IdentityError.keyed("identity.p12_incomplete", path=str(path))
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise IdentityError.keyed("identity.key_kind", path=str(path))
    _check_pair(key, cert, str(path))
    _check_validity(cert, str(path))
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        if not (usage.digital_signature or usage.content_commitment):
            raise IdentityError.keyed("identity.no_sign_usage", path=str(path))
    except x509.ExtensionNotFound:
        pass
    chain = [c for c in extra if c != cert]
    return _write_identity(
        data_dir, name or subject_cn(cert), key, cert, chain, passphrase, f"imported:{path.name}"
    )


def _load_pem_certs(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes() if path.exists() else b""
    return x509.load_pem_x509_certificates(data) if data.strip() else []


def _info(directory: Path) -> IdentityInfo:
    meta = json.loads((directory / "identity.json").read_text(encoding="utf-8"))
    cert = x509.load_pem_x509_certificate((directory / "cert.pem").read_bytes())
    return IdentityInfo(
        name=meta["name"],
        directory=directory,
        subject=subject_cn(cert),
        organisation=subject_org(cert),
        fingerprint=fingerprint(cert),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        self_signed=cert.issuer == cert.subject,
    )


def list_identities(data_dir: str | Path) -> list[IdentityInfo]:
    root = identities_root(data_dir)
    if not root.is_dir():
        return []
    return [_info(d) for d in sorted(root.iterdir()) if (d / "identity.json").is_file()]


def find_identity(data_dir: str | Path, name: str | None = None) -> IdentityInfo:
    """By name (case-insensitive) or folder slug; without a name, the only identity there is."""
    found = list_identities(data_dir)
    if name is None:
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFoundError.keyed("identity.none_yet")
        raise IdentityError.keyed("identity.several", names=[i.name for i in found])
    for info in found:
        if info.name.casefold() == name.casefold() or info.directory.name == _slug(name):
            return info
    raise NotFoundError.keyed("identity.not_found", name=name, directory=str(identities_root(data_dir)))


def certificate_pem(data_dir: str | Path, name: str | None = None) -> bytes:
    """The signer certificate (and chain) in PEM, to give recipients for pinning."""
    info = find_identity(data_dir, name)
    return (info.directory / "cert.pem").read_bytes() + (info.directory / "chain.pem").read_bytes()


def load_identity(
    data_dir: str | Path, name: str | None, passphrase: str, *, at: dt.datetime | None = None
) -> SigningIdentity:
    """Decrypt the key; refuse a wrong passphrase, an expired certificate or a mismatched key."""
    info = find_identity(data_dir, name)
    key_path = info.directory / "key.pem"
    try:
        key = serialization.load_pem_private_key(key_path.read_bytes(), passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise WrongPassphraseError.keyed(
            "identity.wrong_passphrase", path=str(key_path), name=info.name
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise IdentityError.keyed("identity.key_kind", path=str(key_path))
    cert = x509.load_pem_x509_certificate((info.directory / "cert.pem").read_bytes())
    _check_pair(key, cert, str(info.directory))
    _check_validity(cert, str(info.directory / "cert.pem"), at)
    return SigningIdentity(info.name, key, cert, tuple(_load_pem_certs(info.directory / "chain.pem")))
