"""Exports: every signed package written for a case, each a numbered version that is never replaced."""

from __future__ import annotations

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
    ) -> int:
        """Record a written package; returns its version number."""
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
            store.audit.record(
                "case.export",
                case_id=case_id,
                sha256=package_sha256,
                path=str(path),
                version=version,
                revision=revision,
                signer=signer,
                signer_fingerprint=signer_fingerprint,
                allow_blockers=allow_blockers,
            )
            return version

    def for_case(self, case_id: int) -> list[dict[str, Any]]:
        return list(self._store.db.query("SELECT * FROM exports WHERE case_id = ? ORDER BY id", [case_id]))

    def last(self, case_id: int) -> dict[str, Any] | None:
        rows = self.for_case(case_id)
        return rows[-1] if rows else None

    __call__ = for_case
