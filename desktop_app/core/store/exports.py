"""Exports: every signed package written for a case, each a numbered version that is never replaced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import CaseStatus, utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store


class Exports:
    """``store.exports``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def next_version(self, case_id: int) -> int:
        row = self._store.db.execute(
            "SELECT coalesce(max(version), 0) FROM exports WHERE case_id = ?", [case_id]
        ).fetchone()
        return int(row[0]) + 1

    def record(
        self,
        case_id: int,
        path: str | Path,
        package_sha256: str,
        signer_fingerprint: str,
        allow_blockers: bool,
        *,
        signer: str = "",
        revision: int | None = None,
        stamped_from: int | None = None,
        timestamp: dict[str, Any] | None = None,
    ) -> int:
        """Record a written package; returns its version number.

        A time-stamped copy of version N is a version of its own: ``stamped_from`` names N and
        ``timestamp`` what the token says (TSA, time); the audit log keeps both."""
        store = self._store
        with store.transaction():
            version = self.next_version(case_id)
            store.db.execute(
                "INSERT INTO exports (case_id, exported_at, path, package_sha256, signer_fingerprint,"
                " allow_blockers, version, signer, revision) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    case_id,
                    utc_now(),
                    str(path),
                    package_sha256,
                    signer_fingerprint,
                    int(allow_blockers),
                    version,
                    signer,
                    revision,
                ),
            )
            store.cases.advance_before_submission(case_id, CaseStatus.EXPORTED)
            extra: dict[str, Any] = {}
            if stamped_from is not None:
                extra = {"stamped_from": stamped_from, "timestamp": timestamp or {}}
            store.audit.record(
                "case.timestamp" if stamped_from is not None else "case.export",
                case_id=case_id,
                sha256=package_sha256,
                path=str(path),
                version=version,
                revision=revision,
                signer=signer,
                signer_fingerprint=signer_fingerprint,
                allow_blockers=allow_blockers,
                **extra,
            )
            return version

    def by_sha256(self, package_sha256: str) -> dict[str, Any] | None:
        """The export whose package has this SHA-256 (the first, if the same bytes were recorded twice)."""
        rows = list(
            self._store.db.query(
                "SELECT * FROM exports WHERE package_sha256 = ? ORDER BY id LIMIT 1", [package_sha256]
            )
        )
        return rows[0] if rows else None

    def for_case(self, case_id: int) -> list[dict[str, Any]]:
        return list(self._store.db.query("SELECT * FROM exports WHERE case_id = ? ORDER BY id", [case_id]))

    def stamps(self, case_id: int) -> dict[int, dict[str, Any]]:
        """Time-stamped versions of a case: version -> {stamped_from, timestamp: {tsa, time, serial}}."""
        out: dict[int, dict[str, Any]] = {}
        for row in self._store.db.query(
            "SELECT detail FROM audit_log WHERE case_id = ? AND action = 'case.timestamp' ORDER BY id",
            [case_id],
        ):
            d = json.loads(row["detail"])
            out[int(d["version"])] = {
                "stamped_from": d.get("stamped_from"),
                "timestamp": d.get("timestamp") or {},
            }
        return out

    def last(self, case_id: int) -> dict[str, Any] | None:
        rows = self.for_case(case_id)
        return rows[-1] if rows else None

    __call__ = for_case
