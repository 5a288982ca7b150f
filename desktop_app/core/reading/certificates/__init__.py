"""Trademark certificates: which office issued one and the facts printed on it.

``extract_certificate(doc)`` detects the office from the text (keywords folded for OCR errors) and
hands the lines to that office's reader. Every value comes with its provenance (page, box, the line
it was read from) so the GUI can show where it was read and the checks can cite it.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.reading.certificates import cnipa, euipo, ukipo, uspto, wipo
from desktop_app.core.reading.certificates.common import merge_row_fragments
from desktop_app.core.reading.certificates.fields import AuthorizationFields, CertificateFields, Field
from desktop_app.core.reading.matching import fold
from desktop_app.core.reading.text import DocumentText, TextLine

__all__ = [
    "AuthorizationFields",
    "CertificateFields",
    "Field",
    "detect_office",
    "extract_certificate",
    "READERS",
]

EXTRACTOR_VERSION = "6"  # bump when extraction changes: cached results are then re-extracted

READERS = {"USPTO": uspto, "EUIPO": euipo, "UKIPO": ukipo, "CNIPA": cnipa, "WIPO": wipo}
MIN_SCORE = 2.0


def _keyword_hits(text: str) -> dict[str, bool]:
    folded = fold(text)
    compact = "".join(text.split()).casefold()
    hits: dict[str, bool] = {}
    for reader in READERS.values():
        for keyword in reader.KEYWORDS:
            if keyword in hits:
                continue
            if keyword.startswith("("):  # INID codes: literal
                hits[keyword] = keyword in compact
            else:
                key = fold(keyword)
                hits[keyword] = bool(key) and key in folded
    return hits


def office_scores(text: str) -> dict[str, float]:
    hits = _keyword_hits(text)
    return {office: reader.detect(hits) for office, reader in READERS.items()}


def detect_office(doc: DocumentText | str) -> str | None:
    """The office that issued the certificate, or None when the text names none of the known ones."""
    text = doc if isinstance(doc, str) else doc.full_text
    scores = office_scores(text)
    office, score = max(scores.items(), key=lambda kv: kv[1])
    return office if score >= MIN_SCORE else None


def _sorted_lines(doc: DocumentText) -> list[TextLine]:
    return merge_row_fragments(doc.lines())


def extract_lines(lines: Sequence[TextLine], office: str | None = None) -> CertificateFields:
    """Read certificate fields from lines (``office`` forces a reader)."""
    lines = list(lines)
    if office is None:
        office = detect_office("\n".join(ln.text for ln in lines))
    if office is None or office not in READERS:
        out = CertificateFields(notes=["The issuing office could not be identified from the text."])
        return out
    out = READERS[office].extract(lines)
    out.recognised = out.registration_number is not None
    if out.registration_number is None:
        out.notes.append(f"No {office} registration number could be read.")
    return out


def extract_certificate(doc: DocumentText) -> CertificateFields:
    """The facts printed on a certificate; ``recognised`` is False when office or number cannot be read."""
    if not doc.ok:
        return CertificateFields(notes=[doc.message or "The document could not be read."])
    lines = _sorted_lines(doc)
    if not lines:
        return CertificateFields(notes=["No text could be read from the document."])
    return extract_lines(lines)
