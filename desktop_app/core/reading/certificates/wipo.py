"""WIPO (Madrid System) international registration certificates and extracts from the register.

INID-coded: "(111) 1612345", "(151) 14.03.2021", "(180) 14.03.2031", "(732) holder", "(540) mark",
"(511) NCL(11-2021) 25 Clothing", "(832) CN, EM, GB" designations. The term runs 10 years from the
international registration date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    computed_expiry,
    field_from,
    find_label,
    nfkc,
    office_field,
    printed_status,
    status_field,
)
from desktop_app.core.reading.certificates.fields import CertificateFields
from desktop_app.core.reading.certificates.inid import extract_inid
from desktop_app.core.reading.certificates.labels import fill_all
from desktop_app.core.reading.text import TextLine

OFFICE = "WIPO"
KEYWORDS = {
    "world intellectual property organization": 4,
    "wipo": 3,
    "ompi": 3,
    "madrid": 2,
    "international registration": 2,
    "international register": 2,
    "enregistrement international": 3,
    "registro internacional": 3,
    "(822)": 2,
    "(832)": 2,
    "(831)": 2,
    "basic registration": 2,
    "madrid monitor": 3,
    "romarin": 3,
}
_OFFICE_LINE = re.compile(r"(?i)world\s*intellectual\s*property\s*organi[sz]ation|\bWIPO\b|\bOMPI\b|madrid")


_DESIGNATIONS_LABEL = re.compile(
    r"(?i)^\s*(?:designated\s*(?:contracting\s*part(?:y|ies)|countries|territories)|designations?)\s*[:：]?"
)


def _labelled_designations(out: CertificateFields, lines: Sequence[TextLine]) -> None:
    """ "Designated contracting parties: CN, EM, US" printed in words rather than under (832)."""
    if out.designations is not None:
        return
    found = find_label(lines, _DESIGNATIONS_LABEL)
    if found is None:
        return
    codes = list(dict.fromkeys(re.findall(r"\b([A-Z]{2})\b", nfkc(found.text))))
    if codes:
        out.designations = field_from(found.line, codes, confidence=0.9)


def detect(folded_keywords: dict[str, bool]) -> float:
    return sum(w for k, w in KEYWORDS.items() if folded_keywords.get(k))


def extract(lines: Sequence[TextLine]) -> CertificateFields:
    out = CertificateFields(office=office_field(OFFICE, lines, _OFFICE_LINE))
    extract_inid(lines, out, OFFICE)
    fill_all(out, lines, OFFICE)
    _labelled_designations(out, lines)
    if out.expiry_date is None:
        out.expiry_date = computed_expiry(out.registration_date, 10)
    if out.status is None and out.registration_number:
        out.status = status_field(out.registration_number, "registered")
    printed = printed_status(lines)
    if printed is not None:
        out.status = printed
    return out
