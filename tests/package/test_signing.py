"""Signing identities: creation, PKCS#12 import, and each way a key can be unusable."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop_app.core.errors import NotFoundError
from desktop_app.core.package import signing

PASS = "a long passphrase"


def _cert(
    subject: str,
    key,
    issuer_key,
    issuer: x509.Name | None = None,
    *,
    ca: bool = False,
    days: int = 365,
    start: dt.datetime | None = None,
) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, subject),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Acme Brand Ltd."),
        ]
    )
    start = start or dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer or name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )


def make_p12(
    path: Path, *, expired: bool = False, passphrase: str = PASS
) -> tuple[x509.Certificate, x509.Certificate]:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _cert("Acme Root CA", ca_key, ca_key, ca=True, days=3650)
    key = ec.generate_private_key(ec.SECP256R1())
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=400) if expired else None
    leaf = _cert("Zhang San", key, ca_key, ca.subject, start=start)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"zhang", key, leaf, [ca], serialization.BestAvailableEncryption(passphrase.encode())
        )
    )
    return leaf, ca


def test_create_stores_an_encrypted_key_readable_only_by_the_owner(tmp_path: Path) -> None:
    info = signing.create_identity(tmp_path, "Li Wei", "Acme Brand Ltd.", PASS, email="li@acme.test")
    key_file = info.directory / "key.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    cert = x509.load_pem_x509_certificate((info.directory / "cert.pem").read_bytes())
    assert signing.subject_cn(cert) == "Li Wei" and signing.subject_org(cert) == "Acme Brand Ltd."
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
    loaded = signing.load_identity(tmp_path, "li wei", PASS)
    assert loaded.fingerprint == info.fingerprint == signing.list_identities(tmp_path)[0].fingerprint


def test_exported_certificate_fingerprint_matches_openssl(tmp_path: Path) -> None:
    info = signing.create_identity(tmp_path, "Li Wei", "Acme", PASS)
    pem = tmp_path / "c.pem"
    pem.write_bytes(signing.certificate_pem(tmp_path, "Li Wei"))
    assert b"PRIVATE" not in pem.read_bytes()
    out = subprocess.run(
        ["openssl", "x509", "-in", str(pem), "-noout", "-fingerprint", "-sha256"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert signing.normalise_fingerprint(out) == info.fingerprint


def test_rsa_identity(tmp_path: Path) -> None:
    signing.create_identity(tmp_path, "Li Wei", "Acme", PASS, key_type="rsa")
    ident = signing.load_identity(tmp_path, None, PASS)
    assert ident.key.key_size == 3072


def test_wrong_passphrase_is_a_clear_error(tmp_path: Path) -> None:
    signing.create_identity(tmp_path, "Li Wei", "Acme", PASS)
    with pytest.raises(signing.WrongPassphraseError, match="wrong passphrase for identity 'Li Wei'"):
        signing.load_identity(tmp_path, "Li Wei", "not the passphrase")


def test_short_passphrase_and_duplicate_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(signing.IdentityError, match="at least"):
        signing.create_identity(tmp_path, "Li Wei", "Acme", "short")
    signing.create_identity(tmp_path, "Li Wei", "Acme", PASS)
    with pytest.raises(signing.IdentityError, match="already exists"):
        signing.create_identity(tmp_path, "LI WEI", "Acme", PASS)
    with pytest.raises(NotFoundError):
        signing.load_identity(tmp_path, "Nobody", PASS)


def test_expired_certificate_is_refused_when_signing(tmp_path: Path) -> None:
    signing.create_identity(tmp_path, "Li Wei", "Acme", PASS)
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=4 * 365)
    with pytest.raises(signing.CertificateExpiredError, match="expired on"):
        signing.load_identity(tmp_path, None, PASS, at=later)


def test_key_not_matching_its_certificate_is_refused(tmp_path: Path) -> None:
    a = signing.create_identity(tmp_path, "Li Wei", "Acme", PASS)
    b = signing.create_identity(tmp_path, "Zhang San", "Acme", PASS)
    (a.directory / "cert.pem").write_bytes((b.directory / "cert.pem").read_bytes())
    with pytest.raises(signing.KeyMismatchError, match="does not match"):
        signing.load_identity(tmp_path, "Li Wei", PASS)


def test_import_pkcs12_keeps_the_chain(tmp_path: Path) -> None:
    leaf, ca = make_p12(tmp_path / "zhang.p12")
    info = signing.import_identity(tmp_path / "data", tmp_path / "zhang.p12", PASS)
    assert info.name == "Zhang San" and not info.self_signed
    ident = signing.load_identity(tmp_path / "data", "Zhang San", PASS)
    assert ident.cert == leaf and ident.chain == (ca,)
    assert stat.S_IMODE((info.directory / "key.pem").stat().st_mode) == 0o600


def test_import_errors(tmp_path: Path) -> None:
    make_p12(tmp_path / "a.p12")
    with pytest.raises(signing.WrongPassphraseError, match="a.p12: wrong passphrase"):
        signing.import_identity(tmp_path / "data", tmp_path / "a.p12", "wrong passphrase!")
    make_p12(tmp_path / "old.p12", expired=True)
    with pytest.raises(signing.CertificateExpiredError, match="old.p12"):
        signing.import_identity(tmp_path / "data", tmp_path / "old.p12", PASS)
    (tmp_path / "junk.p12").write_bytes(b"not a p12 file at all")
    with pytest.raises(signing.IdentityError, match="junk.p12"):
        signing.import_identity(tmp_path / "data", tmp_path / "junk.p12", PASS)
    assert signing.list_identities(tmp_path / "data") == []


def test_cli_identity_import_and_errors(tmp_path: Path, monkeypatch, capsys) -> None:
    from desktop_app.cli import main

    make_p12(tmp_path / "zhang.p12")
    monkeypatch.setenv("EVIDENCE_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "wrong passphrase!")
    assert main(["identity", "import", str(tmp_path / "zhang.p12")]) == 2
    assert "zhang.p12: wrong passphrase" in capsys.readouterr().err
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", PASS)
    assert main(["identity", "import", str(tmp_path / "zhang.p12")]) == 0
    assert "Imported identity 'Zhang San'" in capsys.readouterr().out
    assert main(["identity", "export-cert", "Zhang San"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("BEGIN CERTIFICATE") == 2  # the signer and its CA
    assert "SHA-256 fingerprint:" in captured.err
    assert main(["identity", "export-cert", "Nobody"]) == 2
