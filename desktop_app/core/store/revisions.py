"""Frozen revisions: what a case held when it was exported or submitted, kept as it was.

A revision is the case's content (everything ``Case.to_json`` gives except its id, status, outcome and
timestamps: those are about the case's life, not its content) with every file by SHA-256, stored as
canonical JSON with its own SHA-256. Exporting or submitting freezes the current content as a revision
unless it equals the latest one; an edit afterwards makes the next export a new revision, and the
earlier ones stay viewable. Revisions are never updated (a trigger refuses it).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import NotFoundError
from desktop_app.core.model import Case, utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store

_NOT_CONTENT = ("id", "status", "outcome", "created_at", "updated_at")


def snapshot(case: Case) -> dict[str, Any]:
    """The case's content as a revision holds it."""
    d = case.to_json()
    for key in _NOT_CONTENT:
        d.pop(key, None)
    return d


def content_bytes(content: dict[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(content_bytes(content)).hexdigest()


class Revisions:
    """``store.revisions``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def latest(self, case_id: int) -> dict[str, Any] | None:
        rows = list(
            self._store.db.query(
                "SELECT number, created_at, reason, content_sha256 FROM revisions WHERE case_id = ?"
                " ORDER BY number DESC LIMIT 1",
                [case_id],
            )
        )
        return rows[0] if rows else None

    def planned(self, case: Case) -> tuple[int, bool]:
        """The revision number ``case``'s current content has or would get, and whether it is new."""
        last = self.latest(case.id)  # type: ignore[arg-type]
        if last is not None and last["content_sha256"] == content_hash(snapshot(case)):
            return int(last["number"]), False
        return (int(last["number"]) + 1 if last else 1), True

    def freeze(self, case: Case, reason: str, content: dict[str, Any] | None = None) -> int:
        """Keep ``content`` (default: the case's current content) as a revision; returns its number.
        The same content as the latest revision is not stored twice."""
        store = self._store
        content = content if content is not None else snapshot(case)
        digest = content_hash(content)
        with store.transaction():
            last = self.latest(case.id)  # type: ignore[arg-type]
            if last is not None and last["content_sha256"] == digest:
                return int(last["number"])
            number = int(last["number"]) + 1 if last else 1
            store.db.execute(
                "INSERT INTO revisions (case_id, number, created_at, reason, content_sha256, content)"
                " VALUES (?,?,?,?,?,?)",
                (case.id, number, utc_now(), reason, digest, content_bytes(content).decode("utf-8")),
            )
            store.audit.record(
                "case.revision", case_id=case.id, revision=number, reason=reason, content_sha256=digest
            )
            return number

    def for_case(self, case_id: int) -> list[dict[str, Any]]:
        return list(
            self._store.db.query(
                "SELECT number, created_at, reason, content_sha256 FROM revisions WHERE case_id = ?"
                " ORDER BY number",
                [case_id],
            )
        )

    def get(self, case_id: int, number: int) -> dict[str, Any]:
        """The frozen content of revision ``number``; its hash is checked as it is read."""
        rows = list(
            self._store.db.query(
                "SELECT * FROM revisions WHERE case_id = ? AND number = ?", [case_id, number]
            )
        )
        if not rows:
            raise NotFoundError(f"case {case_id} has no revision {number}")
        content = json.loads(rows[0]["content"])
        if content_hash(content) != rows[0]["content_sha256"]:
            raise NotFoundError(f"revision {number} of case {case_id} no longer matches its SHA-256")
        return content

    def edited_since(self, case: Case) -> bool | None:
        """Whether the case's content differs from its latest revision (None: never frozen)."""
        last = self.latest(case.id)  # type: ignore[arg-type]
        if last is None:
            return None
        return last["content_sha256"] != content_hash(snapshot(case))
