"""The rights library: registered marks, shared by cases."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop_app.core.clean_text import clean_right
from desktop_app.core.errors import NotFoundError
from desktop_app.core.model import Right, utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store


class Rights:
    """``store.rights``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, right: Right) -> int:
        with self._store.transaction():
            return self.save_in_transaction(right)

    def save_in_transaction(self, right: Right) -> int:
        clean_right(right)
        store = self._store
        now = utc_now()
        values = (
            right.type,
            right.office,
            right.registration_number,
            right.mark,
            right.owner,
            json.dumps(sorted(set(right.classes))),
            right.certificate.sha256 if right.certificate else None,
            right.certificate.original_name if right.certificate else None,
        )
        if right.id is None:
            cur = store.db.execute(
                "INSERT INTO rights (type, office, registration_number, mark, owner, classes,"
                " certificate_sha,"
                " certificate_name, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (*values, now, now),
            )
            right.id = int(cur.lastrowid)
            store.audit.record(
                "right.create",
                right_id=right.id,
                mark=right.mark,
                registration_number=right.registration_number,
            )
        else:
            store.db.execute(
                "UPDATE rights SET type=?, office=?, registration_number=?, mark=?, owner=?, classes=?,"
                " certificate_sha=?, certificate_name=?, updated_at=? WHERE id=?",
                (*values, now, right.id),
            )
            store.audit.record("right.update", right_id=right.id)
        return right.id

    def get(self, right_id: int) -> Right:
        rows = list(self._store.db.query("SELECT * FROM rights WHERE id = ?", [right_id]))
        if not rows:
            raise NotFoundError(f"no right with id {right_id}")
        return self.from_row(rows[0])

    def all(self) -> list[Right]:
        return [self.from_row(r) for r in self._store.db.query("SELECT * FROM rights ORDER BY mark, id")]

    def from_row(self, r: dict[str, Any]) -> Right:
        files = self._store.files
        cert = files.get(r["certificate_sha"], r["certificate_name"]) if r["certificate_sha"] else None
        return Right(
            office=r["office"],
            registration_number=r["registration_number"],
            mark=r["mark"],
            owner=r["owner"],
            classes=json.loads(r["classes"]),
            certificate=cert,
            type=r["type"],
            id=r["id"],
        )

    def find(self, office: str, registration_number: str) -> Right | None:
        rows = list(
            self._store.db.query(
                "SELECT * FROM rights WHERE office = ? AND registration_number = ?",
                [office, registration_number],
            )
        )
        return self.from_row(rows[0]) if rows else None
