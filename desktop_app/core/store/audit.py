"""The audit log: an append-only record of what happened to cases, rights and files, as a hash chain.

Each entry carries ``prev`` (the hash of the entry before it; the first links to ``GENESIS``) and
``hash``, the SHA-256 of the entry's canonical JSON (``canonical_entry``): its id, time, actor, action,
case, file hash, detail and ``prev``. Changing, removing, inserting or reordering an entry breaks the
chain at that entry; the ``audit`` counter (counters table) catches entries removed from the end.
Triggers refuse UPDATE and DELETE through SQL; the chain is for edits made with other tools.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store

GENESIS = "0" * 64
CHAIN_FORMAT = 1  # what canonical_entry covers; a new format gets a new number, old entries keep theirs
HASHED_FIELDS = ("id", "at", "actor", "action", "case_id", "sha256", "detail", "prev")


def canonical_entry(entry: dict[str, Any]) -> bytes:
    """The bytes an entry's hash covers: its ``HASHED_FIELDS`` as compact, key-sorted UTF-8 JSON.
    ``detail`` is the parsed object, not its stored text."""
    detail = entry["detail"]
    if isinstance(detail, str):
        detail = json.loads(detail)
    body = {k: entry[k] for k in HASHED_FIELDS if k != "detail"} | {"detail": detail}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_entry(entry)).hexdigest()


def _public(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row as an entry: ``prev``/``hash`` named as in custody.jsonl, detail parsed."""
    return {
        "id": row["id"],
        "at": row["at"],
        "actor": row["actor"],
        "action": row["action"],
        "case_id": row["case_id"],
        "sha256": row["sha256"],
        "detail": json.loads(row["detail"]),
        "prev": row["prev_hash"],
        "hash": row["entry_hash"],
    }


@dataclass(frozen=True)
class ChainReport:
    """What walking the chain found: ``ok``, how many entries, the head, and the first break."""

    entries: int
    head_id: int | None
    head_hash: str
    problem: str = ""
    entry_id: int | None = None  # the first entry that does not fit

    @property
    def ok(self) -> bool:
        return not self.problem


def walk_chain(entries: Iterable[dict[str, Any]], counted: int | None = None) -> ChainReport:
    """Check that ``entries`` (in id order, as ``_public`` gives them) form one unbroken chain.

    ``counted`` is how many entries the store says it wrote (the ``audit`` counter), so removing
    entries from the end is caught too."""
    prev_hash, prev_id, n = GENESIS, None, 0
    for e in entries:
        n += 1
        where = f"audit entry {e['id']} ({e['action']}, {e['at']})"
        if e["prev"] != prev_hash:
            before = "the start of the log" if prev_id is None else f"entry {prev_id}"
            return ChainReport(
                n - 1,
                prev_id,
                prev_hash,
                f"{where} does not follow {before}: an entry was removed, inserted or reordered there.",
                e["id"],
            )
        if entry_hash(e) != e["hash"]:
            return ChainReport(
                n - 1,
                prev_id,
                prev_hash,
                f"{where} was changed after it was written: its content no longer matches its hash.",
                e["id"],
            )
        prev_hash, prev_id = e["hash"], e["id"]
    if counted is not None and prev_id != (counted or None):
        if prev_id is None or counted > prev_id:
            return ChainReport(
                n,
                prev_id,
                prev_hash,
                f"the audit log ends at entry {prev_id or 0} but {counted} entries were written: "
                "entries were removed from its end.",
                (prev_id or 0) + 1,
            )
        return ChainReport(
            n,
            prev_id,
            prev_hash,
            f"audit entry {prev_id} was not written by Evidence Desk: the log counted {counted} entries.",
            prev_id,
        )
    return ChainReport(n, prev_id, prev_hash)


class AuditLog:
    """``store.audit``: append entries (inside the caller's transaction) and read them back."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(
        self, action: str, *, case_id: int | None = None, sha256: str | None = None, **detail: Any
    ) -> None:
        store = self._store
        with store.transaction():  # the head read and the append are one write, never interleaved
            row = store.db.execute("SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            entry = {
                "id": store.next_number("audit"),
                "at": utc_now(),
                "actor": store.actor,
                "action": action,
                "case_id": case_id,
                "sha256": sha256,
                "detail": json.loads(json.dumps(detail, sort_keys=True)),
                "prev": row[0] if row else GENESIS,
            }
            store.db.execute(
                "INSERT INTO audit_log (id, at, actor, action, case_id, sha256, detail, prev_hash,"
                " entry_hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry["id"],
                    entry["at"],
                    entry["actor"],
                    action,
                    case_id,
                    sha256,
                    json.dumps(detail, sort_keys=True),
                    entry["prev"],
                    entry_hash(entry),
                ),
            )

    __call__ = record

    def entries(self, case_id: int | None = None) -> list[dict[str, Any]]:
        db = self._store.db
        if case_id is None:
            rows = db.query("SELECT * FROM audit_log ORDER BY id")
        else:
            rows = db.query("SELECT * FROM audit_log WHERE case_id = ? ORDER BY id", [case_id])
        return [dict(r, detail=json.loads(r["detail"])) for r in rows]

    def chain(self) -> Iterable[dict[str, Any]]:
        """Every entry in id order, as the chain sees it (streamed: the log can be long)."""
        for row in self._store.db.query("SELECT * FROM audit_log ORDER BY id"):
            yield _public(row)

    def verify(self) -> ChainReport:
        """Walk the whole chain; the report names the first entry that does not fit."""
        row = self._store.db.execute("SELECT value FROM counters WHERE name = 'audit'").fetchone()
        return walk_chain(self.chain(), int(row[0]) if row else 0)

    def head(self) -> tuple[int | None, str]:
        row = self._store.db.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return (int(row[0]), row[1]) if row else (None, GENESIS)

    def custody(self, case_id: int) -> list[dict[str, Any]]:
        """The case's slice of the chain: its own entries, the imports of its files and the history of
        the rights it relies on, each entry with ``prev`` and ``hash`` exactly as in the store."""
        store = self._store
        case = store.cases.get(case_id)
        hashes = sorted({f.sha256 for _kind, f in case.evidence_files()})
        rights = sorted({r.id for r in case.rights if r.id is not None})
        marks_h = ",".join("?" * len(hashes)) or "NULL"
        marks_r = ",".join("?" * len(rights)) or "NULL"
        rows = store.db.query(
            "SELECT * FROM audit_log WHERE case_id = ?"
            f" OR (case_id IS NULL AND sha256 IN ({marks_h}))"
            f" OR (action LIKE 'right.%' AND json_extract(detail, '$.right_id') IN ({marks_r}))"
            " ORDER BY id",
            [case_id, *hashes, *rights],
        )
        return [_public(r) for r in rows]
