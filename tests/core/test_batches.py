"""Complaints filed in batches (one complaint number per batch, within the marketplace's listing limit) and
decided listing by listing; the dashboard counts listings where the marketplace decided that way."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.model import Case, CaseStatus, Complainant, Listing
from desktop_app.core.outcomes import (
    OutcomeError,
    decision_rows,
    record_listing_decisions,
    record_submission,
    reopen_case,
    success_rates,
)
from desktop_app.core.store import CaseLockedError, Store
from tests.core.test_cli import run

IDS = [str(6_000_000_000 + i) for i in range(301)]


def _case(store: Store) -> int:
    listings = [Listing(f"https://item.taobao.com/item.htm?id={i}") for i in IDS]
    return store.save_case(Case(complainant=Complainant("Kestreline Apparel Inc."), listings=listings))


def test_two_batches_filed_and_decided_listing_by_listing(store: Store) -> None:
    case_id = _case(store)
    record_submission(store, case_id, "IPP-1", marketplace="taobao", batch=1, at="2026-11-02T10:00:00Z")
    case = store.cases.get(case_id)
    assert case.status == CaseStatus.SUBMITTED
    with pytest.raises(CaseLockedError):
        store.cases.save(case)  # filed: read-only
    with pytest.raises(OutcomeError, match="batch 1 on taobao was already filed"):
        record_submission(store, case_id, "IPP-9", marketplace="taobao", batch=1)
    with pytest.raises(OutcomeError, match="no batch 3 on taobao .it has 2."):
        record_submission(store, case_id, "IPP-9", marketplace="taobao", batch=3)
    record_submission(store, case_id, "IPP-2", marketplace="taobao", batch=2, at="2026-11-02T11:00:00Z")
    filed = store.submissions.open_all(case_id)
    assert [(s["batch"], s["complaint_number"]) for s in filed] == [(1, "IPP-1"), (2, "IPP-2")]
    assert filed[0]["revision"] == filed[1]["revision"] is not None  # one frozen revision for both

    assert (
        json.loads(filed[0]["listing_ids"]) == IDS[:300] and json.loads(filed[1]["listing_ids"]) == IDS[300:]
    )

    with pytest.raises(OutcomeError, match=f"listing {IDS[0]} was not in complaint IPP-2"):
        record_listing_decisions(store, case_id, "IPP-2", {IDS[0]: (True, "")})
    with pytest.raises(OutcomeError, match="reason the marketplace gave for declining"):
        record_listing_decisions(store, case_id, "IPP-2", {IDS[300]: (False, " ")})
    record_listing_decisions(store, case_id, "IPP-2", {IDS[300]: (True, "")}, at="2026-11-20T09:00:00Z")
    with pytest.raises(OutcomeError, match="already decided"):
        record_listing_decisions(store, case_id, "IPP-2", {IDS[300]: (False, "changed our mind")})
    assert store.cases.get(case_id).status == CaseStatus.SUBMITTED  # batch 1 is not decided yet
    decisions = {i: (True, "") for i in IDS[:297]}
    decisions.update({i: (False, "Need a clearer photo") for i in IDS[297:300]})
    record_listing_decisions(store, case_id, "IPP-1", decisions, at="2026-12-01T09:00:00Z")
    case = store.cases.get(case_id)
    assert case.status == CaseStatus.DECLINED and "3 of 301 listings declined: Need a clearer photo" in (
        case.outcome.decline_reason
    )
    # the dashboard counts the 301 listings, not one case
    [point] = [p for p in success_rates(decision_rows(store)) if p.period == "2026-12"]
    assert (point.marketplace, point.accepted, point.declined) == ("taobao", 298, 3)
    # decisions are never changed, even with another SQL tool
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        store.db.execute("UPDATE listing_decisions SET decision = 'accepted'")
    actions = [e["action"] for e in store.audit.entries(case_id)]
    assert actions.count("case.submit") == 2 and actions.count("case.listing_decisions") == 2
    assert store.audit.verify().ok
    reopen_case(store, case_id, "the marketplace asked for the seller's name")
    assert store.submissions.open_all(case_id) == []  # every batch reopened with the case


def test_cli_submit_batches_and_decide_listings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data) as store:
        case_id = _case(store)
    ok = run(
        "submit", str(case_id), "--number", "IPP-1", "--marketplace", "taobao", "--batch", "1", data_dir=data
    )
    assert ok.returncode == 0 and "batch 1 (300 listings) filed with taobao as IPP-1" in ok.stdout, ok.stderr
    again = run(
        "submit", str(case_id), "--number", "IPP-3", "--marketplace", "taobao", "--batch", "1", data_dir=data
    )
    assert again.returncode == 2 and "already filed" in again.stderr and "Traceback" not in again.stderr
    ok = run(
        "submit", str(case_id), "--number", "IPP-2", "--marketplace", "taobao", "--batch", "2", data_dir=data
    )
    assert ok.returncode == 0, ok.stderr
    listing = ["--number", "IPP-2", "--listing", IDS[300]]
    dec = run("decide", str(case_id), "--declined", "--reason", "No proof", *listing, data_dir=data)
    assert dec.returncode == 0 and "1 listing(s) of complaint IPP-2 declined" in dec.stdout, dec.stderr
    bad = run("decide", str(case_id), "--accepted", "--listing", IDS[0], data_dir=data)
    assert bad.returncode == 2 and "--listing needs --number" in bad.stderr
