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
        raise OutcomeError.keyed("outcome.no_number", case=case.reference)
    listing_ids: list[str] = []
    if batch is not None:
        listing_ids = _batch_listing_ids(store, case, marketplace, batch)
        filed = store.submissions.open_all(case.id)
        if any(s["batch"] == batch and s["marketplace"] == marketplace for s in filed):
            raise OutcomeError.keyed(
                "outcome.batch_filed", case=case.reference, batch=batch, marketplace=marketplace
            )
        if filed and any(s["batch"] is None for s in filed):
            raise OutcomeError.keyed("outcome.filed_whole", case=case.reference)
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
        raise (
            OutcomeError.keyed("outcome.already_submitted", case=case.reference)
            if case.status == CaseStatus.SUBMITTED
            else OutcomeError.keyed("outcome.already_decided", case=case.reference, status=str(case.status))
        )
    exports = store.exports.for_case(case.id)
    if export_version is not None and not any(e["version"] == export_version for e in exports):
        raise OutcomeError.keyed("outcome.no_package_version", case=case.reference, version=export_version)
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
        raise OutcomeError.keyed("outcome.not_submitted", case=case.reference)
    reason = reason.strip()
    if not accepted and not reason:
        raise OutcomeError.keyed("outcome.no_reason", case=case.reference)
    status = CaseStatus.ACCEPTED if accepted else CaseStatus.DECLINED
    when = at or utc_now()
    with store.transaction():
        store.submissions.decide(case.id, str(status), when, reason)
        store.cases.set_status(case.id, status, decided_at=when, decline_reason="" if accepted else reason)


def _batch_listing_ids(store: Any, case: Any, marketplace: str, batch: int) -> list[str]:
    from desktop_app.core.filing import batches

    if not marketplace:
        raise OutcomeError.keyed("outcome.batch_needs_marketplace", case=case.reference)
    chunks = batches(case, marketplace)[marketplace]
    if not 1 <= batch <= len(chunks):
        raise OutcomeError.keyed(
            "outcome.no_batch", case=case.reference, batch=batch, marketplace=marketplace, count=len(chunks)
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
        raise OutcomeError.keyed("outcome.no_complaint", case=case.reference, number=complaint_number)
    carried = set(json.loads(sub["listing_ids"] or "[]"))
    done = {
        d["listing_id"]
        for d in store.submissions.listing_decisions(case.id)
        if d["submission_id"] == sub["id"]
    }
    for listing_id, (accepted, reason) in decisions.items():
        if listing_id not in carried:
            raise OutcomeError.keyed(
                "outcome.listing_not_filed", case=case.reference, listing=listing_id, number=complaint_number
            )
        if listing_id in done:
            raise OutcomeError.keyed("outcome.listing_decided", case=case.reference, listing=listing_id)
        if not accepted and not reason.strip():
            raise OutcomeError.keyed("outcome.listing_no_reason", case=case.reference, listing=listing_id)
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


@dataclass(frozen=True)
class ListingOutcome:
    """One listing a complaint carried, and the marketplace's decision on it ("" while undecided)."""

    listing_id: str
    url: str
    decision: str = ""  # "accepted", "declined" or ""
    reason: str = ""  # a decline reason's code (or free text recorded before the fixed lists)
    decided_at: str = ""


@dataclass(frozen=True)
class FiledComplaint:
    """An open complaint of a case that carried a batch of listings (``submit --batch``)."""

    submission_id: int
    complaint_number: str
    marketplace: str
    batch: int
    batches: int  # how many batches the marketplace's listings of the case make
    submitted_at: str
    listings: tuple[ListingOutcome, ...]

    def count(self, decision: str) -> int:
        return sum(1 for x in self.listings if x.decision == decision)

    @property
    def undecided(self) -> int:
        return self.count("")


def filed_complaints(store: Any, case_id: int) -> list[FiledComplaint]:
    """The case's open complaints that carried listings, oldest first, each listing with its decision.

    Empty when the case was filed as one complaint (decided as a whole with ``record_decision``)."""
    from desktop_app.core.filing import batches, effective_listing

    case = store.cases.get(case_id)
    filed = [s for s in store.submissions.open_all(case.id) if s["batch"] is not None]
    if not filed:
        return []
    decided: dict[tuple[int, str], dict[str, Any]] = {
        (d["submission_id"], d["listing_id"]): d for d in store.submissions.listing_decisions(case.id)
    }
    urls: dict[tuple[str, str], str] = {}
    for listing in case.listings:
        urls.setdefault(effective_listing(listing), listing.url)
    out = []
    for s in filed:
        try:
            count = len(batches(case, s["marketplace"])[s["marketplace"]])
        except UserError:  # no listing of the case on that marketplace any more
            count = s["batch"]
        rows = []
        for lid in json.loads(s["listing_ids"] or "[]"):
            d = decided.get((s["id"], lid))
            rows.append(
                ListingOutcome(
                    lid,
                    urls.get((s["marketplace"], lid), ""),
                    d["decision"] if d else "",
                    d["reason"] if d else "",
                    d["decided_at"] if d else "",
                )
            )
        out.append(
            FiledComplaint(
                s["id"],
                s["complaint_number"],
                s["marketplace"],
                s["batch"],
                count,
                s["submitted_at"],
                tuple(rows),
            )
        )
    return out


@dataclass(frozen=True)
class ListingTally:
    """Listings decided one by one (every case), and those of open complaints still undecided."""

    accepted: int
    declined: int
    undecided: int

    @property
    def decided(self) -> int:
        return self.accepted + self.declined


def listing_tally(store: Any) -> ListingTally:
    """What the marketplaces decided listing by listing, over every case (the dashboard's counts)."""
    decisions = store.submissions.listing_decisions()
    accepted = sum(1 for d in decisions if d["decision"] == str(CaseStatus.ACCEPTED))
    declined = sum(1 for d in decisions if d["decision"] == str(CaseStatus.DECLINED))
    done = {(d["submission_id"], d["listing_id"]) for d in decisions}
    waiting = 0
    for row in store.submissions.open_batches():
        waiting += sum(1 for lid in json.loads(row["listing_ids"] or "[]") if (row["id"], lid) not in done)
    return ListingTally(accepted, declined, waiting)


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
