"""Trademark certificates: which office issued one and the facts printed on it.

``extract_certificate(doc)`` detects the office from the text (keywords folded for OCR errors) and
hands the lines to that office's reader. Every value comes with its provenance (page, box, the line
it was read from) so the GUI can show where it was read and the checks can cite it.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.reading.certificates import cnipa, euipo, generic, ukipo, uspto, wipo
from desktop_app.core.reading.certificates.common import merge_row_fragments, plausible_owner
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

EXTRACTOR_VERSION = "9"  # bump when extraction changes: cached results are then re-extracted

READERS = {"USPTO": uspto, "EUIPO": euipo, "UKIPO": ukipo, "CNIPA": cnipa, "WIPO": wipo}
MIN_SCORE = 2.0
STRONG_SCORE = 4.0  # an office named outright ("Trade Marks Act 1994", "商标注册证"): its reader leads


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
    """Read certificate fields from lines (``office`` forces a reader).

    The office's own reader leads when the text names the office outright; the label reader (words in
    any of the languages offices print, INID codes, prose) fills what it left, and leads when no office
    or only a weak hint of one is found, so a layout no reader knows still yields its labelled fields.
    """
    lines = list(lines)
    score = STRONG_SCORE
    if office is None:
        scores = office_scores("\n".join(ln.text for ln in lines))
        office, score = max(scores.items(), key=lambda kv: kv[1])
        if score < MIN_SCORE:
            office = None
    labelled = generic.extract(lines)
    if office is None or office not in READERS:
        out = labelled
        out.notes.append("No office reader matched; the fields were read by their printed labels.")
    else:
        out = READERS[office].extract(lines)
        if score >= STRONG_SCORE:
            # not the USPTO's mark: its left column prints the type ("Trademark") beside the owner, and
            # no mark there is a design mark, not a missed label
            names = [n for n in generic.VALUE_FIELDS if n != "mark" or office != "USPTO"]
            generic.fill_missing(out, labelled, names)
            if out.status is None and labelled.status is not None:  # the number came from the labels
                out.status = labelled.status
        else:  # a weak hint ("Intellectual Property Office"): what the labels say comes first
            mine = out
            out = labelled
            out.office = mine.office
            generic.fill_missing(out, mine, [*generic.VALUE_FIELDS, "status", "designations"])
            if out.status is None and mine.status is not None:
                out.status = mine.status
    if out.owner is not None and not plausible_owner(out.owner.value):
        # an office reader's template can take a neighbour for the owner; what the labels say then counts
        out.owner = (
            labelled.owner if labelled.owner is not None and plausible_owner(labelled.owner.value) else None
        )
    generic.classes_with_goods(out)
    out.recognised = out.registration_number is not None
    if out.registration_number is None:
        out.notes.append(f"No {office or 'registration'} number could be read.")
    return out


def extract_certificate(doc: DocumentText) -> CertificateFields:
    """The facts printed on a certificate; ``recognised`` is False when office or number cannot be read."""
    if not doc.ok:
        return CertificateFields(notes=[doc.message or "The document could not be read."])
    lines = _sorted_lines(doc)
    if not lines:
        return CertificateFields(notes=["No text could be read from the document."])
    return extract_lines(lines)
