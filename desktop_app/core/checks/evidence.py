"""evidence.*: files that cannot be read well enough to prove anything, and files attached twice."""

from __future__ import annotations

from collections import Counter
from typing import Any

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref
from desktop_app.core.checks.findings import CheckReport, Finding, Severity
from desktop_app.core.messages import msg, render
from desktop_app.core.model import EvidenceKind, Role
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


def _problem(ff: FileFacts) -> dict[str, Any] | None:
    """Why this file's text cannot be relied on (a catalogue message), or None when it reads well."""
    doc = ff.doc
    if doc.status == PASSWORD_PROTECTED:
        return msg("problem.password")
    if doc.status == NO_TEXT:
        return msg("problem.no_text")
    if not doc.ok:
        return msg("problem.not_read", detail=doc.message or doc.status)
    page = doc.pages[0] if doc.pages else None
    ocr = bool(page and page.source == "ocr")
    if ff.file.is_image and page is not None:
        w, h = page.width, page.height
        if min(w, h) < MIN_SIDE_PX or w * h < MIN_PIXELS:
            return msg("problem.too_small", width=int(w), height=int(h))
    if ff.sharpness is not None and ff.sharpness < MIN_SHARPNESS:
        return msg("problem.blurred")
    lines = list(doc.lines())
    if not lines:
        return msg("problem.no_text")
    if ocr and doc.mean_confidence < MIN_MEAN_CONFIDENCE:
        return msg("problem.poor_ocr", confidence=float(doc.mean_confidence))
    return None


def run(facts: CaseFacts, report: CheckReport) -> None:
    case = facts.case
    counts = Counter(f.sha256 for _kind, f in case.evidence_files())
    for sha, n in counts.items():
        if n > 1:
            ff = facts.files.get(sha)
            names = sorted({f.original_name for _k, f in case.evidence_files() if f.sha256 == sha})
            roles = [_ROLE[k] for k, f in case.evidence_files() if f.sha256 == sha]
            report.findings.append(
                Finding.keyed(
                    "evidence.duplicate",
                    {"count": n, "names": [f"'{x}'" for x in names], "roles": roles},
                    evidence=(file_ref(ff),) if ff else (),
                )
            )
    for ff in facts.files.values():
        if ff.hidden_characters:
            chars = ff.hidden_characters
            report.findings.append(
                Finding.keyed(
                    "evidence.hidden_characters",
                    {
                        "file": ff.name,
                        "characters": list(chars),
                        "shown": f"{', '.join(chars[:5])}{', …' if len(chars) > 5 else ''}",
                    },
                    key="evidence.hidden_characters." + ("one" if len(chars) == 1 else "many"),
                    evidence=(file_ref(ff),),
                )
            )
        not_read = ff.doc.meta.get("not_read")  # also when the pages read showed nothing
        if not_read:
            report.findings.append(
                Finding.keyed(
                    "evidence.pages_not_read",
                    {
                        "file": ff.name,
                        "pages": not_read.get("pages"),
                        "of": not_read.get("of"),
                        "which": _which_pages(not_read),
                        "why": _why_not_read(str(not_read.get("why") or "")),
                    },
                    evidence=(file_ref(ff),),
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
                    Finding.keyed(
                        "evidence.unreadable",
                        {"file": ff.name, "problem": problem},
                        key="evidence.unreadable.screenshot",
                        evidence=(file_ref(ff),),
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
        problem = msg("problem.nothing_found")
    if not problem:
        return
    mine = [a for a in assess_rights(facts) if a.ff is ff]
    if mine and not nothing_read and ff.doc.ok and all(a.read_core for a in mine):
        report.findings.append(
            Finding.keyed(
                "evidence.certificate_unreadable",
                {"file": ff.name, "problem": problem},
                key="evidence.certificate_unreadable.relied",
                severity=Severity.WARNING,
                evidence=(file_ref(ff),),
            )
        )
        return
    facts.scratch.setdefault("unreadable_certificates", set()).add(ff.file.sha256)
    missing = [(a, name) for a in mine for name in a.missing(Severity.BLOCKER)]
    confirmed = [a.confirmation for a in mine if a.confirmation is not None and not a.confirmation.stale]
    if mine and not missing:
        sources = list(dict.fromkeys((c.confirmed_by, c.date) for c in confirmed))
        by = [msg("source.confirmed", who=who, date=date) for who, date in sources] or [msg("source.by_hand")]
        report.findings.append(
            Finding.keyed(
                "evidence.certificate_unreadable",
                {"file": ff.name, "problem": problem, "by": by},
                key="evidence.certificate_unreadable.confirmed",
                severity=Severity.INFO,
                evidence=(file_ref(ff),),
            )
        )
        return
    what = [
        msg(
            "cert.missing_right",
            n=a.index + 1,
            name=a.right.mark or a.right.registration_number,
            facts=[msg(f"fact.{n}") for n in a.missing(Severity.BLOCKER)],
        )
        for a in mine
        if a.missing(Severity.BLOCKER)
    ]
    wanted = {RIGHT_FACTS[n][1] for a in mine for n in a.missing()}
    fields = [f for f in ("number", "mark", "owner", "classes", "dates") if f in wanted]
    right_id = next((a.right.id for a, _n in missing if a.right.id is not None), None)
    command = (
        f"evidence-desk right confirm CASE {right_id or 'RIGHT'} --fields "
        f"{','.join(fields)}{' --expires DATE' if 'dates' in fields else ''}"
    )
    report.findings.append(
        Finding.keyed(
            "evidence.certificate_unreadable",
            {
                "missing": [n for _a, n in missing],
                "file": ff.name,
                "problem": problem,
                "not_checked": msg("cert.not_checked", missing=what) if what else "",
                "command": command,
            },
            evidence=(file_ref(ff),),
            field=f"rights[{mine[0].index}].certificate" if mine else "",
        )
    )


def _letter(facts: CaseFacts, report: CheckReport, ff: FileFacts, problem: dict[str, Any]) -> None:
    """A letter of authorization that reads poorly: a blocker unless who grants it was still read and
    is the owner of the rights (the agent's authority rests on that alone)."""
    from desktop_app.core.checks.established import authorization_principal

    is_agents = (
        facts.case.complainant.role == Role.AGENT and facts.of(facts.case.complainant.authorization) is ff
    )
    principal, _pf, ok = authorization_principal(facts) if is_agents else ("", None, None)
    params = {"file": ff.name, "problem": problem}
    if not is_agents or (principal and ok):
        report.findings.append(
            Finding.keyed(
                "evidence.unreadable", params, key="evidence.unreadable.letter", evidence=(file_ref(ff),)
            )
        )
        return
    facts.scratch.setdefault("unreadable_letters", set()).add(ff.file.sha256)
    report.findings.append(
        Finding.keyed(
            "evidence.unreadable",
            params,
            key="evidence.unreadable.letter_blocks",
            severity=Severity.BLOCKER,
            evidence=(file_ref(ff),),
            field="complainant.authorization",
        )
    )


def _which_pages(not_read: dict[str, Any]) -> dict[str, Any]:
    """'pages 21–500 of 500' (text.describe_not_read) as a catalogue message."""
    spans = not_read.get("pages") or []
    shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans[:4]) + (
        ", …" if len(spans) > 4 else ""
    )
    key = "pages.one" if not_read.get("count") == 1 else "pages.many"
    return msg(key, spans=shown, of=not_read.get("of"))


def _why_not_read(why: str) -> dict[str, Any] | str:
    """The reader's reason as a catalogue message when it is the page-limit one (else as written)."""
    from desktop_app.core.reading import pdf_text

    params = {
        "ocr_pages": pdf_text.MAX_OCR_PAGES,
        "ocr_seconds": f"{pdf_text.OCR_SECONDS:.0f}",
        "max_pages": pdf_text.MAX_PAGES,
    }
    return msg("why.page_limits", **params) if why == render("why.page_limits", params) else why


def _has_core_fields(cert: object) -> bool:
    for name in ("registration_number", "mark"):
        f = getattr(cert, name, None)
        if f is not None and getattr(f, "value", None):
            return True
    return False
