"""Outcomes of submitted complaints: recording them, and the statistics the dashboard shows.

Alibaba IPP expects a complainant's complaints to succeed at least 90% of the time ("good faith");
below that, it may restrict the account. The dashboard therefore shows the success rate per
marketplace over time against that threshold, and the commonest reasons for declines.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.core.errors import UserError
from desktop_app.core.model import CaseStatus, utc_now

GOOD_FAITH_THRESHOLD = 0.90  # Alibaba IPP's good-faith success rate
_DECIDED = (str(CaseStatus.ACCEPTED), str(CaseStatus.DECLINED))
_SUBMITTABLE = (
    CaseStatus.DRAFT,
    CaseStatus.READY,
    CaseStatus.NOT_READY,
    CaseStatus.EXPORTED,
    CaseStatus.SUBMITTED,
)


class OutcomeError(UserError):
    """An outcome that cannot be recorded in the case's current state."""


def record_submission(
    store: Any,
    case_id: int,
    complaint_number: str,
    *,
    at: str = "",
    marketplace: str = "",
    export_version: int | None = None,
    batch: int | None = None,
) -> None:
    """Mark a case submitted to its marketplace under ``complaint_number``.

    The submission record names the marketplace (default: the case's), the package version sent
    (default: the latest export) and the revision it holds; the case's content is frozen as that
    revision and the case is read-only until it is reopened with a reason.

    With ``batch`` (1-based, as the filing sheets number them) the complaint carried only that batch of
    the marketplace's listings: each batch is filed, under its own complaint number, once."""
    number = complaint_number.strip()
    case = store.cases.get(case_id)
    if not number:
        raise OutcomeError(f"{case.reference}: enter the complaint number the marketplace gave you")
    listing_ids: list[str] = []
    if batch is not None:
        listing_ids = _batch_listing_ids(store, case, marketplace, batch)
        filed = store.submissions.open_all(case.id)
        if any(s["batch"] == batch and s["marketplace"] == marketplace for s in filed):
            raise OutcomeError(f"{case.reference}: batch {batch} on {marketplace} was already filed")
        if filed and any(s["batch"] is None for s in filed):
            raise OutcomeError(f"{case.reference}: the case was filed as one complaint; reopen it first")
        if filed:  # a further batch of a case already filed: same package, same frozen revision
            first = filed[0]
            with store.transaction():
                store.submissions.record(
                    case.id,
                    number,
                    at or utc_now(),
                    marketplace=marketplace,
                    export_version=first["export_version"],
                    revision=first["revision"],
                    batch=batch,
                    listing_ids=listing_ids,
                )
            return
    if case.status not in _SUBMITTABLE or store.submissions.open(case.id) is not None:
        raise OutcomeError(
            f"{case.reference}: the case is already {case.status}; reopen it (with a reason) before "
            "submitting it again"
            if case.status == CaseStatus.SUBMITTED
            else f"{case.reference}: the case was already decided ({case.status}); it cannot be submitted "
            "again"
        )
    exports = store.exports.for_case(case.id)
    if export_version is not None and not any(e["version"] == export_version for e in exports):
        raise OutcomeError(f"{case.reference}: there is no package version {export_version}")
    chosen = export_version if export_version is not None else (exports[-1]["version"] if exports else None)
    package = next((e for e in exports if e["version"] == chosen), None)
    when = at or utc_now()
    with store.transaction():
        revision = store.revisions.freeze(case, "submission")
        if package is not None and package["revision"] not in (None, revision):
            # the case was edited after that package: the record says which revision was actually sent
            revision = package["revision"]
        store.submissions.record(
            case.id,
            number,
            when,
            marketplace=marketplace.strip() or ", ".join(case.marketplaces),
            export_version=chosen,
            revision=revision,
            batch=batch,
            listing_ids=listing_ids,
        )
        store.cases.set_status(
            case.id,
            CaseStatus.SUBMITTED,
            complaint_number=number,
            submitted_at=when,
            decided_at="",
            decline_reason="",
        )


def record_decision(store: Any, case_id: int, accepted: bool, reason: str = "", *, at: str = "") -> None:
    """Record the marketplace's decision on a submitted case; a decline needs its reason."""
    case = store.cases.get(case_id)
    if case.status not in (CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.DECLINED):
        raise OutcomeError(
            f"{case.reference}: mark the case submitted (with its complaint number) "
            "before recording the decision"
        )
    reason = reason.strip()
    if not accepted and not reason:
        raise OutcomeError(f"{case.reference}: enter the reason the marketplace gave for declining")
    status = CaseStatus.ACCEPTED if accepted else CaseStatus.DECLINED
    when = at or utc_now()
    with store.transaction():
        store.submissions.decide(case.id, str(status), when, reason)
        store.cases.set_status(case.id, status, decided_at=when, decline_reason="" if accepted else reason)


def _batch_listing_ids(store: Any, case: Any, marketplace: str, batch: int) -> list[str]:
    from desktop_app.core.filing import batches

    if not marketplace:
        raise OutcomeError(f"{case.reference}: name the marketplace the batch was filed with")
    chunks = batches(case, marketplace)[marketplace]
    if not 1 <= batch <= len(chunks):
        raise OutcomeError(
            f"{case.reference}: there is no batch {batch} on {marketplace} (it has {len(chunks)})"
        )
    return [lid for _i, lid in chunks[batch - 1]]


def record_listing_decisions(
    store: Any,
    case_id: int,
    complaint_number: str,
    decisions: dict[str, tuple[bool, str]],
    *,
    at: str = "",
) -> None:
    """Record the marketplace's decision on listings of one complaint: {listing id: (accepted, reason)}.

    Every listing must belong to that complaint and be decided once; a decline needs its reason. When
    every listing of every complaint filed for the case is decided, the case is decided: accepted when
    none was declined, else declined (the reasons given are kept)."""
    case = store.cases.get(case_id)
    filed = store.submissions.open_all(case.id)
    sub = next((s for s in filed if s["complaint_number"] == complaint_number.strip()), None)
    if sub is None:
        raise OutcomeError(f"{case.reference}: no open complaint {complaint_number} was filed for this case")
    carried = set(json.loads(sub["listing_ids"] or "[]"))
    done = {
        d["listing_id"]
        for d in store.submissions.listing_decisions(case.id)
        if d["submission_id"] == sub["id"]
    }
    for listing_id, (accepted, reason) in decisions.items():
        if listing_id not in carried:
            raise OutcomeError(
                f"{case.reference}: listing {listing_id} was not in complaint {complaint_number}"
            )
        if listing_id in done:
            raise OutcomeError(f"{case.reference}: listing {listing_id} was already decided")
        if not accepted and not reason.strip():
            raise OutcomeError(
                f"{case.reference}: enter the reason the marketplace gave for declining {listing_id}"
            )
    when = at or utc_now()
    with store.transaction():
        store.submissions.record_listing_decisions(
            sub,
            {
                k: (str(CaseStatus.ACCEPTED if a else CaseStatus.DECLINED), r.strip())
                for k, (a, r) in decisions.items()
            },
            when,
        )
        decided = store.submissions.listing_decisions(case.id)
        wanted = sum(len(json.loads(s["listing_ids"] or "[]")) for s in filed)
        if len({(d["submission_id"], d["listing_id"]) for d in decided}) < wanted:
            return
        declined = [d for d in decided if d["decision"] == str(CaseStatus.DECLINED)]
        reasons = "; ".join(dict.fromkeys(d["reason"] for d in declined))
        status = CaseStatus.DECLINED if declined else CaseStatus.ACCEPTED
        summary = f"{len(declined)} of {len(decided)} listings declined: {reasons}" if declined else ""
        store.submissions.decide(case.id, str(status), when, summary)
        store.cases.set_status(case.id, status, decided_at=when, decline_reason=summary)


def decision_rows(store: Any) -> list[dict[str, Any]]:
    """What the dashboard counts: a case decided listing by listing counts once per listing, any other
    decided case once (rows shaped like ``store.cases.outcomes()``)."""
    by_listing: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for d in store.submissions.listing_decisions():
        by_listing[d["case_id"]].append(
            {
                "id": d["case_id"],
                "status": d["decision"],
                "decided_at": d["decided_at"],
                "decline_reason": d["reason"],
                "marketplaces": d["marketplace"],
            }
        )
    rows: list[dict[str, Any]] = []
    for row in store.cases.outcomes():
        rows.extend(by_listing.get(row["id"]) or [row])
    return rows


def reopen_case(store: Any, case_id: int, reason: str) -> None:
    """Make a submitted case editable again; the reason is kept with its submission record and logged."""
    store.submissions.reopen(store.cases.resolve_id(case_id), reason)


@dataclass(frozen=True)
class RatePoint:
    """Decided complaints of one marketplace in one period, and the share accepted."""

    marketplace: str
    period: str  # "YYYY-MM"
    accepted: int
    declined: int

    @property
    def decided(self) -> int:
        return self.accepted + self.declined

    @property
    def rate(self) -> float:
        return self.accepted / self.decided if self.decided else 0.0

    @property
    def below_threshold(self) -> bool:
        return self.decided > 0 and self.rate < GOOD_FAITH_THRESHOLD


def _marketplaces(row: dict[str, Any]) -> list[str]:
    names = [m for m in (row.get("marketplaces") or "").split(",") if m]
    return names or ["unknown"]


def success_rates(rows: Iterable[dict[str, Any]], *, cumulative: bool = True) -> list[RatePoint]:
    """Success rate per marketplace per month of decision, from ``store.cases.outcomes()`` rows.

    Only decided cases count. With ``cumulative`` each point covers everything decided up to the end of
    its month, which is how a good-faith rate is judged; otherwise each month stands alone.
    A case listing several marketplaces counts once for each.
    """
    monthly: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in rows:
        if row.get("status") not in _DECIDED or not row.get("decided_at"):
            continue
        period = str(row["decided_at"])[:7]
        for mkt in _marketplaces(row):
            monthly[mkt][period][0 if row["status"] == str(CaseStatus.ACCEPTED) else 1] += 1
    points: list[RatePoint] = []
    for mkt in sorted(monthly):
        acc = dec = 0
        for period in sorted(monthly[mkt]):
            a, d = monthly[mkt][period]
            acc, dec = (acc + a, dec + d) if cumulative else (a, d)
            points.append(RatePoint(mkt, period, acc, dec))
    return points


def overall_rates(rows: Iterable[dict[str, Any]]) -> dict[str, RatePoint]:
    """The all-time success rate of each marketplace (the last cumulative point)."""
    out: dict[str, RatePoint] = {}
    for point in success_rates(rows, cumulative=True):
        out[point.marketplace] = point
    return out


def decline_reasons(rows: Iterable[dict[str, Any]], top: int = 5) -> list[tuple[str, int]]:
    """The commonest decline reasons, most frequent first; reasons are compared ignoring case/spaces."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for row in rows:
        if row.get("status") != str(CaseStatus.DECLINED):
            continue
        reason = " ".join(str(row.get("decline_reason") or "").split()) or "(no reason given)"
        key = reason.casefold()
        spelling.setdefault(key, reason)
        counts[key] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return [(spelling[key], n) for key, n in ranked]
