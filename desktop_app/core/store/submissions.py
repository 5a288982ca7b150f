"""Submission records: where and when a case was filed, under which complaint number, with which
package version and revision; the marketplace's decision; and any reopening, with its reason.

While a case has an open submission (not reopened) it is read-only: the store refuses edits and
deletion (``CaseLockedError``) until the user reopens it with a reason, which the audit log keeps.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop_app.core.clean_text import clean_free_text, require_identifier
from desktop_app.core.errors import UserError
from desktop_app.core.model import CaseStatus, utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store

LOCKED_STATUSES = (CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.DECLINED)


class CaseLockedError(UserError):
    """An edit or deletion of a case that was submitted and not reopened."""


class Submissions:
    """``store.submissions``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def for_case(self, case_id: int) -> list[dict[str, Any]]:
        return list(
            self._store.db.query("SELECT * FROM submissions WHERE case_id = ? ORDER BY id", [case_id])
        )

    def open(self, case_id: int) -> dict[str, Any] | None:
        """The submission that holds the case read-only, if any."""
        rows = list(
            self._store.db.query(
                "SELECT * FROM submissions WHERE case_id = ? AND reopened_at = '' ORDER BY id DESC LIMIT 1",
                [case_id],
            )
        )
        return rows[0] if rows else None

    def ensure_editable(self, case_id: int) -> None:
        """Raise CaseLockedError when the case is submitted and not reopened."""
        row = self._store.db.execute("SELECT reference, status FROM cases WHERE id = ?", [case_id]).fetchone()
        if row is None or CaseStatus(row[1]) not in LOCKED_STATUSES:
            return
        sub = self.open(case_id)
        from desktop_app.core.messages import msg

        where = (
            msg(
                "case.submitted_to",
                market=msg("fmt.marketplace", marketplace=sub["marketplace"])
                if sub["marketplace"]
                else msg("label.the_marketplace"),
                number=sub["complaint_number"],
            )
            if sub
            else ""
        )
        raise CaseLockedError.keyed("case.locked", case=row[0], where=where)

    def record(
        self,
        case_id: int,
        complaint_number: str,
        submitted_at: str,
        *,
        marketplace: str,
        export_version: int | None,
        revision: int | None,
        batch: int | None = None,
        listing_ids: list[str] | tuple[str, ...] = (),
    ) -> int:
        store = self._store
        require_identifier(complaint_number, "complaint_number", "complaint number")
        require_identifier(marketplace, "marketplace", "marketplace")
        with store.transaction():
            cur = store.db.execute(
                "INSERT INTO submissions (case_id, marketplace, complaint_number, submitted_at,"
                " export_version, revision, batch, listing_ids) VALUES (?,?,?,?,?,?,?,?)",
                (
                    case_id,
                    marketplace,
                    complaint_number,
                    submitted_at,
                    export_version,
                    revision,
                    batch,
                    json.dumps(list(listing_ids)),
                ),
            )
            extra = {"batch": batch, "listings": len(listing_ids)} if batch is not None else {}
            store.audit.record(
                "case.submit",
                case_id=case_id,
                marketplace=marketplace,
                complaint_number=complaint_number,
                submitted_at=submitted_at,
                export_version=export_version,
                revision=revision,
                **extra,
            )
            return int(cur.lastrowid)

    def open_all(self, case_id: int) -> list[dict[str, Any]]:
        """Every submission of the case not reopened (one per batch filed), oldest first."""
        return list(
            self._store.db.query(
                "SELECT * FROM submissions WHERE case_id = ? AND reopened_at = '' ORDER BY id", [case_id]
            )
        )

    def open_batches(self) -> list[dict[str, Any]]:
        """Every open submission, of any case, that carried a batch of listings."""
        return list(
            self._store.db.query(
                "SELECT * FROM submissions WHERE reopened_at = '' AND batch IS NOT NULL ORDER BY id"
            )
        )

    def record_listing_decisions(
        self, submission: dict[str, Any], decisions: dict[str, tuple[str, str]], decided_at: str
    ) -> None:
        """The marketplace's decision on listings of one complaint: {listing id: (decision, reason)}."""
        store = self._store
        with store.transaction():
            for listing_id, (decision, reason) in decisions.items():
                store.db.execute(
                    "INSERT INTO listing_decisions (submission_id, listing_id, decision, reason, decided_at)"
                    " VALUES (?,?,?,?,?)",
                    (submission["id"], listing_id, decision, clean_free_text(reason), decided_at),
                )
            store.audit.record(
                "case.listing_decisions",
                case_id=submission["case_id"],
                complaint_number=submission["complaint_number"],
                decided_at=decided_at,
                decisions={k: {"decision": d, "reason": r} for k, (d, r) in sorted(decisions.items())},
            )

    def listing_decisions(self, case_id: int | None = None) -> list[dict[str, Any]]:
        """Listing decisions with their complaint (number, marketplace, batch), oldest first."""
        where, args = ("WHERE s.case_id = ?", [case_id]) if case_id is not None else ("", [])
        return list(
            self._store.db.query(
                "SELECT d.*, s.case_id, s.complaint_number, s.marketplace, s.batch"
                f" FROM listing_decisions d JOIN submissions s ON s.id = d.submission_id {where}"
                " ORDER BY d.decided_at, d.id",
                args,
            )
        )

    def decide(self, case_id: int, decision: str, decided_at: str, reasons: str) -> None:
        store = self._store
        reasons = clean_free_text(reasons)
        with store.transaction():
            sub = self.open(case_id)
            if sub is not None:
                store.db.execute(
                    "UPDATE submissions SET decision = ?, decided_at = ?, decision_reasons = ? WHERE id = ?",
                    (decision, decided_at, reasons, sub["id"]),
                )
            store.audit.record(
                "case.decision",
                case_id=case_id,
                decision=decision,
                decided_at=decided_at,
                reasons=reasons,
                complaint_number=sub["complaint_number"] if sub else "",
            )

    def reopen(self, case_id: int, reason: str) -> None:
        """Make a submitted case editable again; the reason is kept with the submission and in the log."""
        store = self._store
        reason = clean_free_text(reason.strip())
        case = store.cases.get(case_id)
        if case.status not in LOCKED_STATUSES:
            raise UserError.keyed("case.not_submitted", case=case.reference, status=str(case.status))
        if not reason:
            raise UserError.keyed("case.reopen_needs_reason", case=case.reference)
        now = utc_now()
        with store.transaction():
            sub = self.open(case.id)  # type: ignore[arg-type]
            if sub is not None:  # every batch filed is reopened with the case
                store.db.execute(
                    "UPDATE submissions SET reopened_at = ?, reopen_reason = ? WHERE case_id = ?"
                    " AND reopened_at = ''",
                    (now, reason, case.id),
                )
            status = CaseStatus.EXPORTED if store.exports.for_case(case.id) else CaseStatus.DRAFT  # type: ignore[arg-type]
            store.db.execute(
                "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?", (str(status), now, case.id)
            )
            store.audit.record(
                "case.reopen",
                case_id=case.id,
                reason=reason,
                complaint_number=sub["complaint_number"] if sub else "",
                previous_status=str(case.status),
            )
