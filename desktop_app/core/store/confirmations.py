"""Confirmations by hand of a right's fields against its certificate (``store.confirmations``).

Rows are append-only; the latest row of a right is its confirmation. Whether it still holds (same
certificate, same entered values) is decided in ``core.confirmation``, not here.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.confirmation import Confirmation
    from desktop_app.core.store import Store


class Confirmations:
    """``store.confirmations``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, c: Confirmation) -> int:
        """Write a confirmation and its audit entry in one transaction; returns its id."""
        store = self._store
        with store.transaction():
            cur = store.db.execute(
                "INSERT INTO right_confirmations (right_id, certificate_sha, fields, confirmed_values,"
                " confirmed_by, actor, confirmed_at, case_id) VALUES (?,?,?,?,?,?,?,?)",
                (
                    c.right_id,
                    c.certificate_sha256,
                    json.dumps(list(c.fields)),
                    json.dumps(c.values, sort_keys=True, ensure_ascii=False),
                    c.confirmed_by,
                    c.actor,
                    c.confirmed_at,
                    c.case_id,
                ),
            )
            row_id = int(cur.lastrowid)
            store.audit.record(
                "right.confirm",
                case_id=c.case_id,
                sha256=c.certificate_sha256,
                right_id=c.right_id,
                confirmation_id=row_id,
                fields=list(c.fields),
                values=c.values,
                confirmed_by=c.confirmed_by,
                confirmed_at=c.confirmed_at,
            )
        return row_id

    def latest(self, right_id: int) -> Confirmation | None:
        rows = list(
            self._store.db.query(
                "SELECT * FROM right_confirmations WHERE right_id = ? ORDER BY id DESC LIMIT 1", [right_id]
            )
        )
        return _from_row(rows[0]) if rows else None

    def history(self, right_id: int) -> list[Confirmation]:
        rows = self._store.db.query(
            "SELECT * FROM right_confirmations WHERE right_id = ? ORDER BY id", [right_id]
        )
        return [_from_row(r) for r in rows]


def _from_row(r: dict[str, Any]) -> Confirmation:
    from desktop_app.core.confirmation import Confirmation

    return Confirmation(
        right_id=r["right_id"],
        certificate_sha256=r["certificate_sha"],
        fields=tuple(json.loads(r["fields"])),
        values=json.loads(r["confirmed_values"]),
        confirmed_by=r["confirmed_by"],
        actor=r["actor"],
        confirmed_at=r["confirmed_at"],
        case_id=r["case_id"],
        id=r["id"],
    )
