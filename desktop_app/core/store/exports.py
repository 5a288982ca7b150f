"""Exports: every signed package written for a case."""

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

    def record(
        self,
        case_id: int,
        path: str | Path,
        package_sha256: str,
        signer_fingerprint: str,
        allow_blockers: bool,
    ) -> None:
        store = self._store
        with store.transaction():
            store.db.execute(
                "INSERT INTO exports (case_id, exported_at, path, package_sha256, signer_fingerprint,"
                " allow_blockers) VALUES (?,?,?,?,?,?)",
                (case_id, utc_now(), str(path), package_sha256, signer_fingerprint, int(allow_blockers)),
            )
            store.cases.advance_before_submission(case_id, CaseStatus.EXPORTED)
            store.audit.record(
                "case.export",
                case_id=case_id,
                sha256=package_sha256,
                path=str(path),
                signer_fingerprint=signer_fingerprint,
                allow_blockers=allow_blockers,
            )

    def for_case(self, case_id: int) -> list[dict[str, Any]]:
        return list(self._store.db.query("SELECT * FROM exports WHERE case_id = ? ORDER BY id", [case_id]))

    __call__ = for_case
