"""Detached CMS (PKCS#7) signatures over the tag manifest: DER, SHA-256, signer chain included.

Signing goes through pyHanko's CMS builder rather than cryptography's PKCS#7 builder because the
latter stamps its own clock into signingTime: here the signing time is an input, shared with the
PAdES signature on summary.pdf, and EC signatures use RFC 6979 nonces, so a package is reproducible
byte for byte. ``openssl cms -verify`` reads the result. Checking uses pyHanko's CMS validator with
fetching disabled, so a recipient's trust decision stays offline.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from asn1crypto import cms as asn1_cms
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop_app.core.package.signing import SigningIdentity, fingerprint, subject_cn, subject_org

if TYPE_CHECKING:
    from desktop_app.core.package.trust import TrustAnchors

# The signer must be allowed to sign (digital signature or non-repudiation); no EKU requirement.
KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)
NO_KEY_USAGE_EXTENSION = KeyUsageConstraints(
    key_usage=set()
)  # RFC 5280: without the extension, no restriction


def key_usage_for(cert: x509.Certificate) -> KeyUsageConstraints:
    """The signer must be allowed to sign when its certificate restricts key usage at all."""
    try:
        cert.extensions.get_extension_for_class(x509.KeyUsage)
    except x509.ExtensionNotFound:
        return NO_KEY_USAGE_EXTENSION
    return KEY_USAGE


_HASHES = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class DeterministicSigner(signers.SimpleSigner):
    """SimpleSigner whose ECDSA signatures use deterministic nonces (RFC 6979)."""

    def __init__(self, identity: SigningIdentity) -> None:
        key_der = identity.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        super().__init__(
            signing_cert=_asn1_cert(identity.cert),
            signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
            cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in identity.chain]),
        )
        self._key = identity.key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            algo = ec.ECDSA(_HASHES[digest_algorithm.lower()], deterministic_signing=True)
            return self._key.sign(data, algo)
        return super().sign_raw(data, digest_algorithm)


def sign_detached(content: bytes, identity: SigningIdentity, signing_time: dt.datetime) -> bytes:
    """DER CMS SignedData over ``content`` (not embedded), with the signer certificate and its chain."""
    signer = DeterministicSigner(identity)
    info = asyncio.run(
        signer.async_sign_general_data(
            content,
            "sha256",
            detached=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=signing_time),
        )
    )
    return info.dump()


def validation_context(
    trust: list[x509.Certificate], extra: list[x509.Certificate] = ()
) -> ValidationContext:
    """Offline: no OCSP/CRL fetching, revocation checks soft (self-signed certificates have none)."""
    der = serialization.Encoding.DER
    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(c.public_bytes(der)) for c in trust],
        other_certs=[asn1_x509.Certificate.load(c.public_bytes(der)) for c in extra],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


@dataclass(frozen=True)
class CmsResult:
    intact: bool  # the signature matches the content and the embedded signer key
    trusted: bool | None  # the signer is tied to a trust anchor; None when no anchor was given
    signer: str  # common name
    organisation: str
    fingerprint: str
    signing_time: dt.datetime | None  # signer-asserted (signingTime attribute)
    problem: str = ""  # why the signature is not intact
    signer_cert: x509.Certificate | None = None
    certs: tuple[x509.Certificate, ...] = ()
    trust_basis: str = ""  # what made the signer trusted, e.g. "pinned fingerprint"
    trust_problem: str = ""  # why anchors were given but none fits


def embedded_certificates(signature_der: bytes) -> tuple[asn1_cms.SignedData, list[x509.Certificate]]:
    info = asn1_cms.ContentInfo.load(signature_der)
    if info["content_type"].native != "signed_data":
        raise ValueError("not a CMS SignedData structure")
    signed = info["content"]
    certs = [
        x509.load_der_x509_certificate(c.chosen.dump())
        for c in signed["certificates"]
        if c.name == "certificate"
    ]
    return signed, certs


def _chain_top(signer_cert: x509.Certificate, certs: list[x509.Certificate]) -> x509.Certificate:
    top = signer_cert
    for _ in range(len(certs)):
        parent = next((c for c in certs if c.subject == top.issuer and c != top), None)
        if parent is None:
            break
        top = parent
    return top


def _validate(content: bytes, signed: asn1_cms.SignedData, roots, others, signer_cert):  # noqa: ANN001, ANN202
    return asyncio.run(
        async_validate_detached_cms(
            content,
            signed,
            signer_validation_context=validation_context(roots, others),
            key_usage_settings=key_usage_for(signer_cert),
        )
    )


def signer_trust(
    signer_cert: x509.Certificate,
    certs: list[x509.Certificate],
    anchors: TrustAnchors | None,
    chains_to: Callable[[list[x509.Certificate]], bool],
) -> tuple[bool | None, str, str]:
    """(trusted, basis, problem): the signer is pinned, or chains to an anchor certificate (or to a
    certificate of its own chain whose fingerprint is pinned). ``chains_to(roots)`` validates."""
    if anchors is None or anchors.empty:
        return None, "", ""
    fp = fingerprint(signer_cert)
    pins = anchors.pinned()
    if fp in pins:
        return True, f"the signer's certificate fingerprint is pinned ({anchors.source})", ""
    pinned_cas = [c for c in certs if c != signer_cert and fingerprint(c) in pins]
    roots = [*anchors.certificates, *pinned_cas]
    if roots and chains_to(roots):
        exact = next((c for c in roots if c == signer_cert), None)
        if exact is not None:
            return True, f"the signer's certificate is the trusted one ({anchors.source})", ""
        issuer = next((c for c in roots if c.subject == signer_cert.issuer), None)
        via = f" '{subject_cn(issuer)}'" if issuer is not None else ""
        return True, f"issued by the trusted certificate{via} ({anchors.source})", ""
    return (
        False,
        "",
        f"the signer '{subject_cn(signer_cert)}' (certificate SHA-256 {fp}) is neither a trusted certificate "
        f"or fingerprint nor issued by one ({anchors.source})",
    )


def verify_detached(
    content: bytes,
    signature_der: bytes,
    *,
    anchors: TrustAnchors | None = None,
) -> CmsResult:
    """Check the signature (integrity, anchored on its own chain), then whether the signer is trusted."""
    try:
        signed, certs = embedded_certificates(signature_der)
        infos = signed["signer_infos"]
        if len(infos) != 1:
            raise ValueError(f"{len(infos)} signers instead of one")
        sid = infos[0]["sid"]
        if sid.name != "issuer_and_serial_number":
            raise ValueError("the signer is not identified by issuer and serial number")
        serial = sid.chosen["serial_number"].native
        signer_cert = next((c for c in certs if c.serial_number == serial), None)
        if signer_cert is None:
            raise ValueError("the signer certificate is not included")
    except (ValueError, TypeError, KeyError) as exc:
        return CmsResult(
            False, None, "", "", "", None, f"the signature file is not a usable CMS signature ({exc})"
        )
    fp = fingerprint(signer_cert)
    others = [c for c in certs if c != signer_cert]
    try:
        status = _validate(content, signed, [_chain_top(signer_cert, others)], others, signer_cert)
    except Exception as exc:  # pyHanko raises on signatures it cannot even evaluate
        return CmsResult(
            False,
            None,
            subject_cn(signer_cert),
            subject_org(signer_cert),
            fp,
            None,
            f"the signature cannot be validated ({exc})",
            signer_cert,
            tuple(certs),
        )
    intact = bool(status.intact and status.valid)
    problem = ""
    if status.intact and not status.valid:
        problem = "the signer's certificate does not allow signing (key usage) or uses a refused algorithm"
    elif not intact:
        problem = (
            "the signature does not match tagmanifest-sha256.txt (changed content or a swapped signature)"
        )
    trusted: bool | None = None
    basis = trust_problem = ""
    if intact:

        def chains_to(roots: list[x509.Certificate]) -> bool:
            try:
                return bool(_validate(content, signed, roots, others, signer_cert).trusted)
            except Exception:
                return False

        trusted, basis, trust_problem = signer_trust(signer_cert, certs, anchors, chains_to)
    return CmsResult(
        intact,
        trusted,
        subject_cn(signer_cert),
        subject_org(signer_cert),
        fp,
        status.signer_reported_dt,
        problem,
        signer_cert,
        tuple(certs),
        basis,
        trust_problem,
    )
