"""UKIPO certificates of registration ("Trade Mark Number UK00003123456").

Label-based ("Filing date", "Date of entry in register", "Owner", "Classes", "Class 25: ..."), sometimes
with INID codes. Comparable marks created from EUTMs after Brexit are numbered UK009 + the EUTM number.
The term runs 10 years from the filing date (s.42 Trade Marks Act 1994), which is also the legal date
of registration.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    computed_expiry,
    nfkc,
    number_field,
    office_field,
    printed_status,
    status_field,
)
from desktop_app.core.reading.certificates.fields import CertificateFields
from desktop_app.core.reading.certificates.inid import extract_inid
from desktop_app.core.reading.certificates.labels import fill_all
from desktop_app.core.reading.text import TextLine

OFFICE = "UKIPO"
KEYWORDS = {
    "intellectual property office": 2,
    "trade marks act 1994": 4,
    "uk0000": 4,
    "uk009": 3,
    "united kingdom": 2,
    "ipo.gov.uk": 3,
    "gov.uk": 1,
    "newport": 2,
    "concept house": 3,
    "comptroller-general": 2,
    "registrar of trade marks": 2,
    "ukipo": 4,
}
_OFFICE_LINE = re.compile(r"(?i)intellectual\s*property\s*office|\bUKIPO\b|united\s+kingdom")
_UK_NUMBER = re.compile(r"(?i)\bU\s?K\s?([0O]{2,4}[0-9OlI|]{7,9})\b")


def detect(folded_keywords: dict[str, bool]) -> float:
    return sum(w for k, w in KEYWORDS.items() if folded_keywords.get(k))


def extract(lines: Sequence[TextLine]) -> CertificateFields:
    out = CertificateFields(office=office_field(OFFICE, lines, _OFFICE_LINE))
    for line in lines:
        m = _UK_NUMBER.search(nfkc(line.text))
        if m:
            out.registration_number = number_field(line, m.group(0), m.start(), OFFICE)
            if out.registration_number:
                break
    extract_inid(lines, out, OFFICE)
    fill_all(out, lines, OFFICE)
    if out.expiry_date is None:
        out.expiry_date = computed_expiry(out.filing_date or out.registration_date, 10)
    if out.status is None and out.registration_number:
        application = (
            any(
                re.search(r"(?i)\bapplication\s+(?:number|received|filed)|filing\s+receipt", ln.text)
                for ln in lines
            )
            and out.registration_date is None
        )
        out.status = status_field(out.registration_number, "application" if application else "registered")
    printed = printed_status(lines)
    if printed is not None:
        out.status = printed
    return out
