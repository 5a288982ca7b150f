"""Build cases and their facts directly (no OCR): what the checks see, line by line.

A clean case is ready; each test plants one defect in it and looks for the one finding it causes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from desktop_app.core.checks.facts import CaseFacts, FileFacts
from desktop_app.core.model import Case, Complainant, EvidenceFile, EvidenceKind, Listing, Right, Role
from desktop_app.core.reading.certificates.fields import AuthorizationFields, CertificateFields, Field
from desktop_app.core.reading.text import DocumentText, PageText, TextLine

FILING = dt.date(2026, 3, 1)
URL = "https://www.aliexpress.com/item/1005006123456789.html"
LISTING_ID = "1005006123456789"


def evidence_file(name: str, media_type: str | None = None, content: str | None = None) -> EvidenceFile:
    sha = hashlib.sha256((content or name).encode()).hexdigest()
    media = media_type or ("application/pdf" if name.endswith(".pdf") else "image/png")
    return EvidenceFile(sha, name, 1000, media, "2026-01-01T00:00:00Z")


def doc(
    sha: str,
    texts: list[str | tuple[str, float]],
    *,
    width: float = 1440,
    height: float = 900,
    source: str = "ocr",
    status: str = "ok",
) -> DocumentText:
    lines = []
    for i, t in enumerate(texts):
        text, conf = (t, 0.97) if isinstance(t, str) else t
        lines.append(
            TextLine(
                text=text,
                page=1,
                box=(20.0, 30.0 * i + 10, 20.0 + 12 * len(text), 30.0 * i + 34),
                confidence=conf,
                source=source,
            )
        )
    return DocumentText(
        sha256=sha,
        status=status,
        pages=[PageText(1, width, height, lines, source)] if texts or status == "ok" else [],
    )


def f(value: Any, conf: float = 1.0, computed: bool = False, y: float = 100) -> Field:
    return Field(
        value=value,
        page=1,
        box=(50.0, y, 300.0, y + 14),
        source_text=str(value),
        confidence=conf,
        computed=computed,
    )


def cert(**over: Any) -> CertificateFields:
    values: dict[str, Any] = {
        "office": f("USPTO"),
        "registration_number": f("6123456"),
        "mark": f("KESTRELINE", y=140),
        "owner": f("Kestreline Apparel Inc.", y=180),
        "classes": f([25], y=220),
        "registration_date": f(dt.date(2021, 3, 14), y=260),
        "expiry_date": f(dt.date(2031, 3, 14), computed=True),
        "status": f("registered"),
        "recognised": True,
    }
    values.update(over)
    return CertificateFields(**values)


def auth(**over: Any) -> AuthorizationFields:
    values: dict[str, Any] = {
        "principal": f("Kestreline Apparel Inc."),
        "agent": f("Harrow & Pike LLP", y=140),
        "marks": f(["KESTRELINE"], y=180),
        "registration_numbers": f(["6123456"], y=200),
        "valid_until": f(dt.date(2027, 12, 31), y=240),
        "recognised": True,
    }
    values.update(over)
    return AuthorizationFields(**values)


SCREEN_LINES = [
    URL,
    "AliExpress",
    "KESTRELINE Men's Waterproof Hooded Jacket Windbreaker Outdoor Coat",
    "US $23.99",
    "Store: Fashion Outlet Store",
    f"Item ID: {LISTING_ID}",
]
CERT_LINES = [
    "United States Patent and Trademark Office",
    "Reg. No. 6,123,456",
    "KESTRELINE",
    "Kestreline Apparel Inc. (DELAWARE CORPORATION)",
    "CLASS 25: Jackets; coats",
]


class Built:
    """A case plus its facts; tests change either and run the checks."""

    def __init__(self) -> None:
        self.shot = evidence_file("listing.png")
        self.cert_file = evidence_file("certificate.pdf")
        self.case = Case(
            complainant=Complainant(name="Kestreline Apparel Inc.", role=Role.RIGHTS_HOLDER),
            title="test",
            filing_date=FILING,
            reference="ED-2026-00001",
            id=1,
            rights=[
                Right(
                    office="USPTO",
                    registration_number="6,123,456",
                    mark="KESTRELINE",
                    owner="Kestreline Apparel Inc.",
                    classes=[25],
                    certificate=self.cert_file,
                )
            ],
            listings=[
                Listing(
                    url=URL,
                    marketplace="aliexpress",
                    listing_id=LISTING_ID,
                    title="Men's Waterproof Hooded Jacket",
                    screenshots=[self.shot],
                )
            ],
        )
        self.facts = CaseFacts(case=self.case)
        self.set_doc(self.shot, SCREEN_LINES, EvidenceKind.SCREENSHOT)
        self.set_doc(self.cert_file, CERT_LINES, EvidenceKind.CERTIFICATE, source="text", certificate=cert())

    def set_doc(
        self,
        file: EvidenceFile,
        texts: list[Any],
        kind: EvidenceKind,
        *,
        certificate: Any = None,
        authorization: Any = None,
        **kw: Any,
    ) -> FileFacts:
        ff = FileFacts(
            file=file,
            kinds=[kind],
            doc=doc(file.sha256, texts, **kw),
            certificate=certificate,
            authorization=authorization,
        )
        self.facts.files[file.sha256] = ff
        return ff

    def screenshot(self, texts: list[Any], **kw: Any) -> FileFacts:
        return self.set_doc(self.shot, texts, EvidenceKind.SCREENSHOT, **kw)

    def certificate(self, **over: Any) -> None:
        self.facts.files[self.cert_file.sha256].certificate = cert(**over)

    def as_agent(self, authorization: AuthorizationFields | None = None, *, attach: bool = True) -> None:
        self.case.complainant.name = "Harrow & Pike LLP"
        self.case.complainant.role = Role.AGENT
        if attach:
            lf = evidence_file("authorization.pdf")
            self.case.complainant.authorization = lf
            self.set_doc(
                lf,
                ["Letter of Authorization", "Kestreline Apparel Inc.", "Harrow & Pike LLP"],
                EvidenceKind.AUTHORIZATION,
                source="text",
                authorization=authorization or auth(),
            )

    def run(self) -> Any:
        from desktop_app.core.checks.engine import run_checks

        report = run_checks(self.facts)
        for finding in report.findings:  # every finding's text comes from the catalogue, in Chinese too
            assert finding.message_key, finding.code
            assert not untranslated_words(finding), (finding.code, untranslated_words(finding))
        return report


def codes(report: Any) -> list[str]:
    return sorted(x.code for x in report.findings)


# Latin words a Chinese message may keep: formats, tools, protocols, the product's and offices' names.
KEPT_IN_LATIN = {"PDF", "OCR", "WARC", "WACZ", "SingleFile", "https", "http", "punycode", "ASCII", "WIPO"}
KEPT_IN_LATIN |= {"Evidence", "Desk", "USPTO", "EUIPO", "CNIPA", "UKIPO", "eBay", "Etsy", "Temu", "Lazada"}


def _values(value: Any) -> list[str]:
    """Every text a finding's params quote (ids, names, files, nested messages' params)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _values(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _values(v)]
    return [str(value)] if value not in (None, "") else []


def untranslated_words(finding: Any, language: str = "zh_CN") -> set[str]:
    """English words left in a finding's text in ``language`` once what it quotes is taken out."""
    import re

    from desktop_app.core.messages import finding_text

    text = finding_text(finding, language)
    for quoted in sorted(_values(finding.params), key=len, reverse=True):
        text = text.replace(quoted, " ")
    text = re.sub(r"'[^']*'|https?://\S*", " ", text)  # commands to type, addresses
    return set(re.findall(r"[A-Za-z]{3,}", text)) - KEPT_IN_LATIN


def check_case_folder(folder: Any, data_dir: Any) -> Any:
    """Import a case folder into a fresh store in ``data_dir`` and run the real checks on it."""
    from desktop_app.core.case_folder import import_case_folder
    from desktop_app.core.checks.engine import check_case
    from desktop_app.core.store import Store

    store = Store(data_dir)
    try:
        return check_case(store, import_case_folder(store, folder))
    finally:
        store.close()
