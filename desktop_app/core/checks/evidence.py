"""evidence.*: files that cannot be read well enough to prove anything, and files attached twice."""

from __future__ import annotations

from collections import Counter

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref
from desktop_app.core.checks.findings import CheckReport, Finding, Severity
from desktop_app.core.model import EvidenceKind, Role
from desktop_app.core.reading.text import NO_TEXT, PASSWORD_PROTECTED, describe_not_read

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
        not_read = ff.doc.meta.get("not_read")  # also when the pages read showed nothing
        if not_read:
            report.findings.append(
                Finding(
                    "evidence.pages_not_read",
                    f"{ff.name}: {describe_not_read(not_read)} were not read ({not_read.get('why')}), so "
                    "nothing on them is established; attach the pages that matter as a separate, shorter "
                    "PDF.",
                    evidence=(file_ref(ff),),
                    params={"file": ff.name, "pages": not_read.get("pages"), "of": not_read.get("of")},
                )
            )
        kinds = set(ff.kinds)
        if EvidenceKind.CERTIFICATE in kinds:
            _certificate(facts, report, ff)
        elif kinds & {EvidenceKind.SCREENSHOT, EvidenceKind.AUTHORIZATION}:
            problem = _problem(ff)
            if not problem:
                continue
            if EvidenceKind.AUTHORIZATION in kinds:
                _letter(facts, report, ff, problem)
            else:
                # A screenshot's facts (the listing id, the mark) block on their own when it shows none.
                report.findings.append(
                    Finding(
                        "evidence.unreadable", f"Screenshot {ff.name} {problem}.", evidence=(file_ref(ff),)
                    )
                )


def _certificate(facts: CaseFacts, report: CheckReport, ff: FileFacts) -> None:
    """evidence.certificate_unreadable: a blocker while nothing on the certificate was checked.

    A poor reading (small, blurred, low confidence) that still read the entered number and mark is
    relied on (a warning): a misreading does not produce the entered values. Otherwise the facts the
    certificate should prove are not established until confirmed by hand against it.
    """
    from desktop_app.core.checks.established import RIGHT_FACTS, assess_rights

    problem = _problem(ff)
    nothing_read = problem is None and ff.certificate is not None and not _has_core_fields(ff.certificate)
    if nothing_read:
        problem = (
            "was read, but neither its registration number nor its mark could be found in it; "
            "attach a clearer copy of the certificate"
        )
    if not problem:
        return
    mine = [a for a in assess_rights(facts) if a.ff is ff]
    message = f"Certificate {ff.name} {problem}."
    if mine and not nothing_read and ff.doc.ok and all(a.read_core for a in mine):
        report.findings.append(
            Finding(
                "evidence.certificate_unreadable",
                message + " Its registration number and mark were still read and match the entered ones, so "
                "what was read from it is relied on; a clearer copy is better.",
                severity=Severity.WARNING,
                evidence=(file_ref(ff),),
            )
        )
        return
    facts.scratch.setdefault("unreadable_certificates", set()).add(ff.file.sha256)
    missing = [(a, name) for a in mine for name in a.missing(Severity.BLOCKER)]
    confirmed = [a.confirmation for a in mine if a.confirmation is not None and not a.confirmation.stale]
    if mine and not missing:
        by = "; ".join(dict.fromkeys(c.source for c in confirmed)) or "by hand"
        report.findings.append(
            Finding(
                "evidence.certificate_unreadable",
                message + f" The right's fields were {by} against it, so they are relied on as confirmed, "
                "not as read.",
                severity=Severity.INFO,
                evidence=(file_ref(ff),),
            )
        )
        return
    what = "; ".join(
        f"right {a.index + 1} ({a.right.mark or a.right.registration_number}): "
        + ", ".join(RIGHT_FACTS[n][0] for n in a.missing(Severity.BLOCKER))
        for a in mine
        if a.missing(Severity.BLOCKER)
    )
    wanted = {RIGHT_FACTS[n][1] for a in mine for n in a.missing()}
    fields = [f for f in ("number", "mark", "owner", "classes", "dates") if f in wanted]
    right_id = next((a.right.id for a, _n in missing if a.right.id is not None), None)
    report.findings.append(
        Finding(
            "evidence.certificate_unreadable",
            message
            + (f" Nothing on it was checked, so these are not established: {what}." if what else "")
            + " Look at the certificate and confirm the right's fields by hand (rights library: Confirm by "
            f"hand…, or 'evidence-desk right confirm CASE {right_id or 'RIGHT'} --fields "
            f"{','.join(fields)}{' --expires DATE' if 'dates' in fields else ''}'), or attach a legible "
            "copy.",
            evidence=(file_ref(ff),),
            field=f"rights[{mine[0].index}].certificate" if mine else "",
            params={"missing": [n for _a, n in missing]},
        )
    )


def _letter(facts: CaseFacts, report: CheckReport, ff: FileFacts, problem: str) -> None:
    """A letter of authorization that reads poorly: a blocker unless who grants it was still read and
    is the owner of the rights (the agent's authority rests on that alone)."""
    from desktop_app.core.checks.established import authorization_principal

    is_agents = (
        facts.case.complainant.role == Role.AGENT and facts.of(facts.case.complainant.authorization) is ff
    )
    principal, _pf, ok = authorization_principal(facts) if is_agents else ("", None, None)
    message = f"Letter of authorization {ff.name} {problem}."
    if not is_agents or (principal and ok):
        report.findings.append(Finding("evidence.unreadable", message, evidence=(file_ref(ff),)))
        return
    facts.scratch.setdefault("unreadable_letters", set()).add(ff.file.sha256)
    report.findings.append(
        Finding(
            "evidence.unreadable",
            message + " Who grants it could not be read, so the agent's authority is not established.",
            severity=Severity.BLOCKER,
            evidence=(file_ref(ff),),
            field="complainant.authorization",
        )
    )


def _has_core_fields(cert: object) -> bool:
    for name in ("registration_number", "mark"):
        f = getattr(cert, name, None)
        if f is not None and getattr(f, "value", None):
            return True
    return False
