"""EUIPO certificates of registration of a European Union trade mark (and EUTM application records).

INID-coded ("(111) 018123456", "(151) 14/07/2021", "(180) 19/03/2031", "(540) KESTRELINE", "(732) ...",
"(511) 25 Clothing"). Numbers are printed with leading zeros. The term runs 10 years from the filing
date (Art. 52 EUTMR); the certificate usually prints it under (180).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    computed_expiry,
    office_field,
    printed_status,
    status_field,
)
from desktop_app.core.reading.certificates.fields import CertificateFields
from desktop_app.core.reading.certificates.inid import extract_inid
from desktop_app.core.reading.certificates.labels import fill_all
from desktop_app.core.reading.text import TextLine

OFFICE = "EUIPO"
KEYWORDS = {
    "european union intellectual property office": 4,
    "euipo": 3,
    "european union trade mark": 3,
    "office for harmonization in the internal market": 4,
    "ohim": 2,
    "eutm": 2,
    "alicante": 2,
    "unión europea": 2,
    "union européenne": 2,
    "europäischen union": 2,
    "certificate of registration": 1,
}
_OFFICE_LINE = re.compile(
    r"(?i)european\s*union\s*intellectual\s*property\s*office|\bEUIPO\b|"
    r"office\s+for\s+harmoni[sz]ation|\bOHIM\b"
)


def detect(folded_keywords: dict[str, bool]) -> float:
    return sum(w for k, w in KEYWORDS.items() if folded_keywords.get(k))


def extract(lines: Sequence[TextLine]) -> CertificateFields:
    out = CertificateFields(office=office_field(OFFICE, lines, _OFFICE_LINE))
    extract_inid(lines, out, OFFICE)
    fill_all(out, lines, OFFICE)
    if out.expiry_date is None:
        out.expiry_date = computed_expiry(out.filing_date, 10)
    if out.status is None and out.registration_number:
        registered = out.registration_date is not None or any(
            re.search(r"(?i)certificate\s+of\s+registration|registered", ln.text) for ln in lines
        )
        out.status = status_field(
            out.registration_number, "registered" if registered else "application", 1.0 if registered else 0.7
        )
    printed = printed_status(lines)
    if printed is not None:
        out.status = printed
    return out
