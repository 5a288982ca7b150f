"""PAdES signatures on summary.pdf (pyHanko), made deterministic for a given signing time, and checked offline.

Determinism: the signing time is an input, EC signatures use RFC 6979 deterministic nonces (RSA
PKCS#1 v1.5 is deterministic already), the space reserved for the signature is computed from the
certificates, and the updated document ID derives from the original one. Same PDF, same identity,
same time: the same signed bytes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop_app.core.package.cms import KEY_USAGE, validation_context
from desktop_app.core.package.signing import SigningIdentity, fingerprint, subject_cn

FIELD_NAME = "EvidenceDeskSignature"
_HASHES = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class _Signer(signers.SimpleSigner):
    """SimpleSigner whose ECDSA signatures use deterministic nonces (RFC 6979)."""

    def __init__(self, identity: SigningIdentity) -> None:
        key_der = identity.key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption())
        super().__init__(signing_cert=_asn1_cert(identity.cert),
                         signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
                         cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in identity.chain]))
        self._key = identity.key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            algo = ec.ECDSA(_HASHES[digest_algorithm.lower()], deterministic_signing=True)
            return self._key.sign(data, algo)
        return super().sign_raw(data, digest_algorithm)


class _PdfSigner(signers.PdfSigner):
    """A PdfSigner whose signing session uses the given time rather than the clock."""

    def __init__(self, meta: signers.PdfSignatureMetadata, signer: _Signer, at: dt.datetime) -> None:
        super().__init__(meta, signer=signer)
        self._at = at

    def init_signing_session(self, pdf_out, existing_fields_only=False):  # type: ignore[no-untyped-def]
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._at
        return session


class _Writer(IncrementalPdfFileWriter):
    @classmethod
    def _handle_id(cls, prev: PdfFileReader) -> generic.ArrayObject:
        ids = super()._handle_id(prev)
        id2 = hashlib.sha256(b"evidence-desk signed " + bytes(ids[0])).digest()[:16]
        return generic.ArrayObject([ids[0], generic.ByteStringObject(id2)])


def sign_pdf(pdf: bytes, identity: SigningIdentity, signing_time: dt.datetime, *,
             reason: str = "Complaint summary signed by the complainant") -> bytes:
    """A PAdES B-B signature (invisible) over the whole PDF, by ``identity``, at ``signing_time``."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", subfilter=SigSeedSubFilter.PADES,
        reason=reason, name=subject_cn(identity.cert))
    reserve = 4096 + 2 * sum(len(c.public_bytes(serialization.Encoding.DER)) for c in (identity.cert, *identity.chain))
    writer = _Writer(io.BytesIO(pdf))
    out = io.BytesIO()
    pdf_signer = _PdfSigner(meta, _Signer(identity), signing_time)
    asyncio.run(pdf_signer.async_sign_pdf(writer, output=out, bytes_reserved=reserve))
    return out.getvalue()


@dataclass(frozen=True)
class PdfSignatureResult:
    valid: bool  # intact, the whole file covered, nothing added after the signature
    trusted: bool | None
    signer: str
    fingerprint: str
    signing_time: dt.datetime | None
    problem: str = ""


def verify_pdf(data: bytes, *, trust: x509.Certificate | None = None,
               expected_signer: x509.Certificate | None = None) -> PdfSignatureResult:
    """Check the one PAdES signature; without ``trust`` it is anchored on its own certificates."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = reader.embedded_signatures
    except Exception as exc:  # pyHanko raises assorted errors on broken PDFs
        return PdfSignatureResult(False, None, "", "", None, f"the PDF cannot be read ({exc})")
    if len(sigs) != 1:
        return PdfSignatureResult(False, None, "", "", None, f"expected one signature, found {len(sigs)}")
    sig = sigs[0]
    try:
        certs = [x509.load_der_x509_certificate(c.chosen.dump()) for c in sig.signed_data["certificates"]]
        signer_cert = x509.load_der_x509_certificate(sig.signer_cert.dump())
    except Exception as exc:
        return PdfSignatureResult(False, None, "", "", None, f"the PDF signature is malformed ({exc})")
    others = [c for c in certs if c != signer_cert]
    roots = [trust] if trust is not None else [others[-1] if others else signer_cert]
    try:
        status = asyncio.run(async_validate_pdf_signature(
            sig, signer_validation_context=validation_context(roots, others), key_usage_settings=KEY_USAGE))
    except Exception as exc:
        return PdfSignatureResult(False, None, subject_cn(signer_cert), fingerprint(signer_cert), None,
                                  f"the PDF signature cannot be validated ({exc})")
    problem = ""
    valid = bool(status.intact and status.valid)
    if not valid:
        problem = "the PDF signature does not match the document"
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        valid, problem = False, "the PDF was changed after it was signed"
    elif expected_signer is not None and signer_cert != expected_signer:
        valid, problem = False, "the PDF is signed by someone other than the package signer"
    trusted = bool(status.trusted) if trust is not None else None
    if valid and trusted is False:
        problem = "the PDF signer is not the trusted certificate or issued by it"
    return PdfSignatureResult(valid, trusted, subject_cn(signer_cert), fingerprint(signer_cert),
                              status.signer_reported_dt, problem)
