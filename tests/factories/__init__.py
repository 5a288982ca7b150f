"""Generators of realistic evidence files (certificates, authorizations, screenshots, photos, bad PDFs).

Deterministic: the same arguments give the same pixels and text. Used by tests, benches, the demo
case and the evaluation set.
"""

from tests.factories.authorization import AuthorizationSpec, make_authorization_pdf
from tests.factories.certificates import (
    CertificateSpec,
    certificate_lines,
    make_certificate_image,
    make_certificate_pdf,
    render_certificate,
)
from tests.factories.pdfs import (
    make_blank_pdf,
    make_corrupt_pdf,
    make_encrypted_pdf,
    make_text_pdf,
    make_truncated_pdf,
)
from tests.factories.screenshots import (
    ScreenshotSpec,
    make_listing_screenshot,
    make_product_photo,
    render_listing_screenshot,
)

__all__ = [
    "AuthorizationSpec",
    "CertificateSpec",
    "ScreenshotSpec",
    "certificate_lines",
    "make_authorization_pdf",
    "make_blank_pdf",
    "make_certificate_image",
    "make_certificate_pdf",
    "make_corrupt_pdf",
    "make_encrypted_pdf",
    "make_listing_screenshot",
    "make_product_photo",
    "make_text_pdf",
    "make_truncated_pdf",
    "render_certificate",
    "render_listing_screenshot",
]
