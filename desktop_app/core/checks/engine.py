"""Running the checks on a case: gather facts (cached), run every check family, record the run.

The run is keyed by an input digest (the case as entered, the files' hashes and the versions of the
readers and checks). When the digest equals the last run's, the recorded report is the answer: an
unchanged case is re-checked without reading or extracting anything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from desktop_app.core.checks import captures as capture_checks
from desktop_app.core.checks import (
    complainant,
    completeness,
    established,
    evidence,
    goods,
    listing,
    mark,
    rights,
)
from desktop_app.core.checks.facts import CaseFacts, case_confirmations, gather_facts, reader_versions
from desktop_app.core.checks.findings import CheckReport
from desktop_app.core.messages import said
from desktop_app.core.model import Case
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, SubProgress, no_progress

CHECKS_VERSION = "13"  # 13: facts carry their value (term end, classes) as data

CheckFn = Callable[[CaseFacts, CheckReport], None]
# The check families, in the order they run. Each appends findings (and located results) to the report.
FAMILIES: tuple[tuple[str, CheckFn], ...] = (
    ("completeness", completeness.run),
    ("evidence", evidence.run),
    ("listing", listing.run),
    ("captures", capture_checks.run),  # after listing: a capture of another listing is reported once
    ("mark", mark.run),
    ("rights", rights.run),
    ("complainant", complainant.run),
    ("goods", goods.run),
    ("established", established.run),  # last: what is neither read nor contradicted is not established
)


def _case_inputs(case: Case) -> dict[str, Any]:
    """Everything the checks look at in the case itself (not status, outcome or timestamps)."""
    c = case.complainant
    return {
        "reference": case.reference,
        "filing_date": case.filing_date.isoformat(),
        "complainant": {
            "name": c.name,
            "role": str(c.role),
            "authorization": c.authorization.sha256 if c.authorization else None,
        },
        "rights": [
            {
                "office": r.office,
                "number": r.registration_number,
                "mark": r.mark,
                "owner": r.owner,
                "classes": sorted(r.classes),
                "type": r.type,
                "certificate": [r.certificate.sha256, r.certificate.original_name] if r.certificate else None,
            }
            for r in case.rights
        ],
        "listings": [
            {
                "url": li.url,
                "marketplace": li.marketplace,
                "listing_id": li.listing_id,
                "title": li.title,
                "seller": li.seller,
                "screenshots": [[f.sha256, f.original_name] for f in li.screenshots],
            }
            for li in case.listings
        ],
        "genuine_photos": [[f.sha256, f.original_name] for f in case.genuine_photos],
        "other_files": [[f.sha256, f.original_name] for f in case.other_files],
    }


def input_digest(case: Case, confirmations: dict[int, Any] | None = None) -> str:
    """A digest of what a check's result depends on; equal digests give equal reports."""
    payload: dict[str, Any] = {
        "checks": CHECKS_VERSION,
        "readers": reader_versions(),
        "case": _case_inputs(case),
    }
    if confirmations:  # absent when there are none, so digests of cases without any are unchanged
        payload["confirmations"] = {str(k): c.to_json() for k, c in sorted(confirmations.items())}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def run_checks(
    facts: CaseFacts, *, progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED
) -> CheckReport:
    """Run every check family on gathered facts. Pure: reads no file, writes nothing."""
    report = CheckReport(case=facts.case.reference or str(facts.case.id or ""))
    facts.scratch.clear()
    for i, (name, fn) in enumerate(FAMILIES):
        cancel.raise_if_cancelled()
        progress(i / len(FAMILIES), said("progress.checking", family=name))
        fn(facts, report)
    report.findings = _dedupe(report.findings)
    progress(1.0, said("progress.checks_done"))
    return report


def _dedupe(findings: list[Any]) -> list[Any]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        key = (f.code, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def check_case(
    store: Any,
    case: Case | int | str,
    *,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> CheckReport:
    """Check a case (a Case or its id/reference) and record the run. Raises Cancelled when cancelled."""
    if not isinstance(case, Case):
        case = store.cases.get(case)
    if case.id is None:
        raise ValueError("check_case needs a stored case (save it first; the run is recorded against it)")
    digest = input_digest(case, case_confirmations(store, case))
    last = store.checks.last(case.id)
    if last is not None and last["input_digest"] == digest:
        try:
            report = CheckReport.from_json(last["result"])
        except (KeyError, TypeError, ValueError):
            report = None
        if report is not None:
            progress(1.0, said("progress.unchanged"))
            _record(store, case, digest, report)
            return report
    facts = gather_facts(store, case, progress=SubProgress(progress, 0.0, 0.95), cancel=cancel)
    cancel.raise_if_cancelled()
    report = run_checks(facts, progress=SubProgress(progress, 0.95, 1.0), cancel=cancel)
    _record(store, case, digest, report)
    return report


def _record(store: Any, case: Case, digest: str, report: CheckReport) -> None:
    assert case.id is not None  # checked by check_case
    store.checks.record(
        case.id, digest, report.verdict, len(report.blockers), len(report.warnings), report.to_json()
    )
