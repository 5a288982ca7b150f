"""PAdES signatures on summary.pdf (pyHanko), deterministic for a given signing time; checked offline.

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

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import DocumentMetadata
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel

from desktop_app.core.collector import collector_paused
from desktop_app.core.package.cms import DeterministicSigner, key_usage_for, validation_context
from desktop_app.core.package.signing import SigningIdentity, fingerprint, subject_cn

FIELD_NAME = "EvidenceDeskSignature"


class _PdfSigner(signers.PdfSigner):
    """A PdfSigner whose signing session uses the given time rather than the clock."""

    def __init__(
        self, meta: signers.PdfSignatureMetadata, signer: DeterministicSigner, at: dt.datetime
    ) -> None:
        super().__init__(meta, signer=signer)
        self._at = at

    def init_signing_session(self, pdf_out, existing_fields_only=False):  # type: ignore[no-untyped-def]
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._at
        return session


class _FixedClockMetadata(DocumentMetadata):
    """Document metadata whose "modified now" means the signing time."""

    fixed: dt.datetime | None = None

    def __setattr__(self, name: str, value: object) -> None:
        if name == "last_modified" and value == "now" and self.fixed is not None:
            value = self.fixed
        super().__setattr__(name, value)


class _Writer(IncrementalPdfFileWriter):
    """Incremental writer with a derived document ID and the signing time as modification date."""

    def __init__(self, stream: io.BytesIO, at: dt.datetime) -> None:
        super().__init__(stream)
        meta = _FixedClockMetadata()
        meta.fixed = at
        self._meta = meta

    @classmethod
    def _handle_id(cls, prev: PdfFileReader) -> generic.ArrayObject:
        ids = super()._handle_id(prev)
        id2 = hashlib.sha256(b"evidence-desk signed " + bytes(ids[0])).digest()[:16]
        return generic.ArrayObject([ids[0], generic.ByteStringObject(id2)])


@collector_paused()  # its allocations would stall the window's thread (see core.collector)
def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    signing_time: dt.datetime,
    *,
    reason: str = "Complaint summary signed by the complainant",
) -> bytes:
    """A PAdES B-B signature (invisible) over the whole PDF, by ``identity``, at ``signing_time``."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason,
        name=subject_cn(identity.cert),
    )
    reserve = 4096 + 2 * sum(
        len(c.public_bytes(serialization.Encoding.DER)) for c in (identity.cert, *identity.chain)
    )
    writer = _Writer(io.BytesIO(pdf), signing_time)
    out = io.BytesIO()
    pdf_signer = _PdfSigner(meta, DeterministicSigner(identity), signing_time)
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


def verify_pdf(
    data: bytes, *, trust: x509.Certificate | None = None, expected_signer: x509.Certificate | None = None
) -> PdfSignatureResult:
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
        status = asyncio.run(
            async_validate_pdf_signature(
                sig,
                signer_validation_context=validation_context(roots, others),
                key_usage_settings=key_usage_for(signer_cert),
            )
        )
    except Exception as exc:
        return PdfSignatureResult(
            False,
            None,
            subject_cn(signer_cert),
            fingerprint(signer_cert),
            None,
            f"the PDF signature cannot be validated ({exc})",
        )
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
    return PdfSignatureResult(
        valid, trusted, subject_cn(signer_cert), fingerprint(signer_cert), status.signer_reported_dt, problem
    )
