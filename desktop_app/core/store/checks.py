"""Check runs: each time the checks ran on a case, with the verdict and findings."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import CaseStatus, utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store


class CheckRuns:
    """``store.checks``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(
        self, case_id: int, input_digest: str, verdict: str, blockers: int, warnings: int, result: Any
    ) -> None:
        store = self._store
        with store.transaction():
            store.db.execute(
                "INSERT INTO check_runs (case_id, ran_at, input_digest, verdict, blockers, warnings, result)"
                " VALUES (?,?,?,?,?,?,?)",
                (case_id, utc_now(), input_digest, verdict, blockers, warnings, json.dumps(result)),
            )
            store.cases.advance_before_submission(
                case_id, CaseStatus.READY if verdict == "ready" else CaseStatus.NOT_READY
            )
            store.audit.record(
                "case.check", case_id=case_id, verdict=verdict, blockers=blockers, warnings=warnings
            )

    def last(self, case_id: int) -> dict[str, Any] | None:
        db = self._store.db
        row = db.execute(
            "SELECT * FROM check_runs WHERE case_id = ? ORDER BY id DESC LIMIT 1", [case_id]
        ).fetchone()
        if row is None:
            return None
        cols = [d[0] for d in db.execute("SELECT * FROM check_runs LIMIT 0").description]
        rec = dict(zip(cols, row, strict=True))
        rec["result"] = json.loads(rec["result"])
        return rec
