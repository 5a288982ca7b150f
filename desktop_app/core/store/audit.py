"""The audit log: an append-only record of what happened to cases, rights and files."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store


class AuditLog:
    """``store.audit``: append entries (inside the caller's transaction) and read them back."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(
        self, action: str, *, case_id: int | None = None, sha256: str | None = None, **detail: Any
    ) -> None:
        self._store.db.execute(
            "INSERT INTO audit_log (at, actor, action, case_id, sha256, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (utc_now(), self._store.actor, action, case_id, sha256, json.dumps(detail, sort_keys=True)),
        )

    __call__ = record

    def entries(self, case_id: int | None = None) -> list[dict[str, Any]]:
        db = self._store.db
        if case_id is None:
            rows = db.query("SELECT * FROM audit_log ORDER BY id")
        else:
            rows = db.query("SELECT * FROM audit_log WHERE case_id = ? ORDER BY id", [case_id])
        return [dict(r, detail=json.loads(r["detail"])) for r in rows]
