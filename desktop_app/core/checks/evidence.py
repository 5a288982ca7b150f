"""evidence.*: files that cannot be read well enough to prove anything, and files attached twice."""

from __future__ import annotations

from collections import Counter

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref
from desktop_app.core.checks.findings import CheckReport, Finding
from desktop_app.core.model import EvidenceKind
from desktop_app.core.reading.text import NO_TEXT, PASSWORD_PROTECTED

# Below this a screenshot cannot show an address bar and a title legibly.
MIN_SIDE_PX = 240
MIN_PIXELS = 150_000
# Mean OCR confidence below which what was read is more guess than reading.
MIN_MEAN_CONFIDENCE = 0.62
# Sharp captures have edges above ~100 (see facts.measure_sharpness); a Gaussian blur of 2 px is ~40.
MIN_SHARPNESS = 40.0

_ROLE = {
    EvidenceKind.SCREENSHOT: "screenshot",
    EvidenceKind.CERTIFICATE: "certificate",
    EvidenceKind.AUTHORIZATION: "letter of authorization",
    EvidenceKind.GENUINE_PHOTO: "photo",
    EvidenceKind.OTHER: "file",
}


def _problem(ff: FileFacts) -> str | None:
    """Why this file's text cannot be relied on, or None when it reads well."""
    doc = ff.doc
    if doc.status == PASSWORD_PROTECTED:
        return "is password-protected, so nothing in it can be read; attach an unprotected copy"
    if doc.status == NO_TEXT:
        return "shows no legible text; attach a sharper or larger capture"
    if not doc.ok:
        return f"could not be read ({doc.message or doc.status}); attach it again or another copy"
    page = doc.pages[0] if doc.pages else None
    ocr = bool(page and page.source == "ocr")
    if ff.file.is_image and page is not None:
        w, h = page.width, page.height
        if min(w, h) < MIN_SIDE_PX or w * h < MIN_PIXELS:
            return (
                f"is only {int(w)} x {int(h)} pixels, too small to read reliably; attach a full-size "
                "screenshot"
            )
    if ff.sharpness is not None and ff.sharpness < MIN_SHARPNESS:
        return (
            "looks blurred (its sharpest edges are faint), so text on it may be misread or missed; attach "
            "a sharp capture"
        )
    lines = list(doc.lines())
    if not lines:
        return "shows no legible text; attach a sharper or larger capture"
    if ocr and doc.mean_confidence < MIN_MEAN_CONFIDENCE:
        return (
            f"reads poorly (mean OCR confidence {doc.mean_confidence:.0%}; it may be blurred or too "
            "compressed); attach a sharper capture"
        )
    return None


def run(facts: CaseFacts, report: CheckReport) -> None:
    case = facts.case
    counts = Counter(f.sha256 for _kind, f in case.evidence_files())
    for sha, n in counts.items():
        if n > 1:
            ff = facts.files.get(sha)
            names = sorted({f.original_name for _k, f in case.evidence_files() if f.sha256 == sha})
            roles = [_ROLE[k] for k, f in case.evidence_files() if f.sha256 == sha]
            shown = " and ".join(f"'{x}'" for x in names)
            report.findings.append(
                Finding(
                    "evidence.duplicate",
                    f"The same file is attached {n} times ({shown}, as {', '.join(roles)}); remove the "
                    "extra copy "
                    "or attach the capture you meant to.",
                    evidence=(file_ref(ff),) if ff else (),
                )
            )
    for ff in facts.files.values():
        if ff.hidden_characters:
            chars = ff.hidden_characters
            report.findings.append(
                Finding(
                    "evidence.hidden_characters",
                    f"The text read from {ff.name} contained "
                    f"{'a control character' if len(chars) == 1 else 'control characters'} "
                    f"({', '.join(chars[:5])}{', …' if len(chars) > 5 else ''}); "
                    f"{'it was' if len(chars) == 1 else 'they were'} removed before checking and from "
                    "everything written, so compare what is quoted with the file itself.",
                    evidence=(file_ref(ff),),
                    params={"file": ff.name, "characters": list(chars)},
                )
            )
        kinds = set(ff.kinds)
        if EvidenceKind.CERTIFICATE in kinds:
            problem = _problem(ff)
            if problem is None and ff.certificate is not None and not _has_core_fields(ff.certificate):
                problem = (
                    "was read, but neither its registration number nor its mark could be found in it; "
                    "attach a clearer copy of the certificate"
                )
            if problem:
                report.findings.append(
                    Finding(
                        "evidence.certificate_unreadable",
                        f"Certificate {ff.name} {problem}.",
                        evidence=(file_ref(ff),),
                    )
                )
        elif kinds & {EvidenceKind.SCREENSHOT, EvidenceKind.AUTHORIZATION}:
            problem = _problem(ff)
            if problem:
                role = "Letter of authorization" if EvidenceKind.AUTHORIZATION in kinds else "Screenshot"
                report.findings.append(
                    Finding("evidence.unreadable", f"{role} {ff.name} {problem}.", evidence=(file_ref(ff),))
                )


def _has_core_fields(cert: object) -> bool:
    for name in ("registration_number", "mark"):
        f = getattr(cert, name, None)
        if f is not None and getattr(f, "value", None):
            return True
    return False
