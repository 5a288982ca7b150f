"""Outcome recording and the dashboard statistics, on a real store."""

from __future__ import annotations

import pytest

from desktop_app.core.model import Case, CaseStatus, Complainant, Listing
from desktop_app.core.outcomes import (
    GOOD_FAITH_THRESHOLD,
    OutcomeError,
    decline_reasons,
    overall_rates,
    record_decision,
    record_submission,
    success_rates,
)


def _case(store, marketplace: str = "taobao") -> int:
    case = Case(complainant=Complainant("Acme Ltd"), listings=[Listing("https://x/1", marketplace, "1")])
    return store.save_case(case)


def test_submission_then_decision_is_recorded(store) -> None:
    cid = _case(store)
    with pytest.raises(OutcomeError, match="submitted"):
        record_decision(store, cid, accepted=True)
    with pytest.raises(OutcomeError, match="complaint number"):
        record_submission(store, cid, "  ")
    record_submission(store, cid, " IPP-123 ", at="2026-01-05T10:00:00Z")
    case = store.get_case(cid)
    assert case.status == CaseStatus.SUBMITTED and case.outcome.complaint_number == "IPP-123"
    with pytest.raises(OutcomeError, match="reason"):
        record_decision(store, cid, accepted=False)
    record_decision(store, cid, accepted=False, reason="Insufficient evidence", at="2026-01-20T00:00:00Z")
    case = store.get_case(cid)
    assert case.status == CaseStatus.DECLINED and case.outcome.decline_reason == "Insufficient evidence"
    with pytest.raises(OutcomeError, match="already decided"):
        record_submission(store, cid, "IPP-124")
    assert [e["action"] for e in store.audit_entries(cid)].count("case.status") == 2


def test_success_rates_are_cumulative_per_marketplace(store) -> None:
    plan = [
        ("taobao", "2026-01-10", True),
        ("taobao", "2026-01-11", False),
        ("taobao", "2026-02-01", True),
        ("amazon", "2026-02-03", True),
    ]
    for mkt, day, ok in plan:
        cid = _case(store, mkt)
        record_submission(store, cid, "N1", at=f"{day}T00:00:00Z")
        record_decision(
            store, cid, accepted=ok, reason="" if ok else "Listing removed already", at=f"{day}T01:00:00Z"
        )
    record_submission(store, _case(store, "taobao"), "N2")  # submitted, undecided: not counted
    rows = store.outcomes()
    points = success_rates(rows)
    taobao = [p for p in points if p.marketplace == "taobao"]
    assert [(p.period, p.accepted, p.declined) for p in taobao] == [("2026-01", 1, 1), ("2026-02", 2, 1)]
    assert taobao[0].rate == 0.5 and taobao[0].below_threshold
    monthly = [p for p in success_rates(rows, cumulative=False) if p.marketplace == "taobao"]
    assert [(p.accepted, p.declined) for p in monthly] == [(1, 1), (1, 0)]
    overall = overall_rates(rows)
    assert overall["amazon"].rate == 1.0 and not overall["amazon"].below_threshold
    assert overall["taobao"].rate == pytest.approx(2 / 3)
    assert overall["taobao"].rate < GOOD_FAITH_THRESHOLD and overall["taobao"].below_threshold


def test_decline_reasons_ranked_case_insensitively() -> None:
    rows = [
        {"status": "declined", "decline_reason": r}
        for r in ["No proof of use", "no  proof of use", "Mark differs", "", "No proof of use"]
    ]
    rows.append({"status": "accepted", "decline_reason": "ignored"})
    assert decline_reasons(rows, top=2) == [("No proof of use", 3), ("(no reason given)", 1)]
