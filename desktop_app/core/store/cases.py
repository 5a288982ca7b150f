"""Cases: the complainant, the rights relied on, the listings and their evidence, the status."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from desktop_app.core.clean_text import clean_case, clean_free_text, require_identifier
from desktop_app.core.errors import NotFoundError
from desktop_app.core.model import (
    Case,
    CaseStatus,
    CaseSummary,
    Complainant,
    EvidenceFile,
    EvidenceKind,
    Listing,
    Outcome,
    Role,
    utc_now,
)

if TYPE_CHECKING:
    from desktop_app.core.store import Store


class Cases:
    """``store.cases``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, case: Case) -> int:
        """Insert or replace a whole case (complainant, rights links, listings, evidence) atomically."""
        with self._store.transaction():
            if case.id is not None:
                self._store.submissions.ensure_editable(case.id)
            return self._save(case)

    def _save(self, case: Case) -> int:
        # Nothing with a control character or a bidirectional override reaches the database: identifiers
        # are refused (one sentence naming the field), free text is marked where one was (clean_text).
        clean_case(case)
        now = utc_now()
        c = case.complainant
        auth = c.authorization
        comp_values = (
            c.name,
            str(c.role),
            c.email,
            c.contact_name,
            auth.sha256 if auth else None,
            auth.original_name if auth else None,
        )
        if c.id is None:
            cur = self._store.db.execute(
                "INSERT INTO complainants (name, role, email, contact_name, authorization_sha,"
                " authorization_name) VALUES (?,?,?,?,?,?)",
                comp_values,
            )
            c.id = int(cur.lastrowid)
        else:
            self._store.db.execute(
                "UPDATE complainants SET name=?, role=?, email=?, contact_name=?,"
                " authorization_sha=?, authorization_name=? WHERE id=?",
                (*comp_values, c.id),
            )
        o = case.outcome
        if case.id is None:
            # Ids and reference numbers come from a counter, never max(id) + 1: a deleted case's
            # number (and its slice of the audit log) is never given to another case.
            number = self._store.next_number("case")
            case.reference = case.reference or f"ED-{case.filing_date.year}-{number:05d}"
            self._store.db.execute(
                "INSERT INTO cases (id, reference, title, filing_date, complainant_id, status,"
                " complaint_number, submitted_at, decided_at, decline_reason, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    number,
                    case.reference,
                    case.title,
                    case.filing_date.isoformat(),
                    c.id,
                    str(case.status),
                    o.complaint_number,
                    o.submitted_at,
                    o.decided_at,
                    o.decline_reason,
                    now,
                    now,
                ),
            )
            case.id = number
            case.created_at = now
            self._store.audit.record("case.create", case_id=case.id, reference=case.reference)
        else:
            self._store.db.execute(
                "UPDATE cases SET title=?, filing_date=?, complainant_id=?, status=?, complaint_number=?,"
                " submitted_at=?, decided_at=?, decline_reason=?, updated_at=? WHERE id=?",
                (
                    case.title,
                    case.filing_date.isoformat(),
                    c.id,
                    str(case.status),
                    o.complaint_number,
                    o.submitted_at,
                    o.decided_at,
                    o.decline_reason,
                    now,
                    case.id,
                ),
            )
            self._store.audit.record("case.update", case_id=case.id)
        case.updated_at = now
        self._store.db.execute("DELETE FROM case_rights WHERE case_id = ?", [case.id])
        for pos, right in enumerate(case.rights):
            self._store.rights.save_in_transaction(right)
            self._store.db.execute(
                "INSERT INTO case_rights (case_id, right_id, position) VALUES (?,?,?)",
                (case.id, right.id, pos),
            )
        self._store.db.execute("DELETE FROM evidence WHERE case_id = ?", [case.id])
        self._store.db.execute("DELETE FROM listings WHERE case_id = ?", [case.id])
        for pos, listing in enumerate(case.listings):
            cur = self._store.db.execute(
                "INSERT INTO listings (case_id, position, url, marketplace, listing_id, title, seller)"
                " VALUES (?,?,?,?,?,?,?)",
                (
                    case.id,
                    pos,
                    listing.url,
                    listing.marketplace,
                    listing.listing_id,
                    listing.title,
                    listing.seller,
                ),
            )
            listing.id = int(cur.lastrowid)
            for spos, f in enumerate(listing.screenshots):
                self._insert_evidence(case.id, listing.id, EvidenceKind.SCREENSHOT, f, spos)
        for spos, f in enumerate(case.genuine_photos):
            self._insert_evidence(case.id, None, EvidenceKind.GENUINE_PHOTO, f, spos)
        for spos, f in enumerate(case.other_files):
            self._insert_evidence(case.id, None, EvidenceKind.OTHER, f, spos)
        return case.id

    def _insert_evidence(
        self, case_id: int, listing_row: int | None, kind: EvidenceKind, f: EvidenceFile, pos: int
    ) -> None:
        self._store.db.execute(
            "INSERT INTO evidence (case_id, listing_row, kind, sha256, original_name, position)"
            " VALUES (?,?,?,?,?,?)",
            (case_id, listing_row, str(kind), f.sha256, f.original_name, pos),
        )

    def resolve_id(self, ref: str | int) -> int:
        """Accept a numeric id or a reference such as ED-2026-00001."""
        text = str(ref).strip()
        rows = list(self._store.db.query("SELECT id FROM cases WHERE reference = ? COLLATE NOCASE", [text]))
        if rows:
            return int(rows[0]["id"])
        if text.isdigit():
            rows = list(self._store.db.query("SELECT id FROM cases WHERE id = ?", [int(text)]))
            if rows:
                return int(rows[0]["id"])
        raise NotFoundError.keyed("store.no_case", case=text, db=str(self._store.db_path))

    def get(self, case_id: int | str) -> Case:
        cid = self.resolve_id(case_id)
        row = next(self._store.db.query("SELECT * FROM cases WHERE id = ?", [cid]))
        comp = next(self._store.db.query("SELECT * FROM complainants WHERE id = ?", [row["complainant_id"]]))
        auth = (
            self._store.files.get(comp["authorization_sha"], comp["authorization_name"])
            if comp["authorization_sha"]
            else None
        )
        complainant = Complainant(
            name=comp["name"],
            role=Role(comp["role"]),
            email=comp["email"],
            contact_name=comp["contact_name"],
            authorization=auth,
            id=comp["id"],
        )
        rights = [
            self._store.rights.from_row(r)
            for r in self._store.db.query(
                "SELECT rights.* FROM rights JOIN case_rights ON rights.id = case_rights.right_id"
                " WHERE case_rights.case_id = ? ORDER BY case_rights.position",
                [cid],
            )
        ]
        evidence = list(
            self._store.db.query("SELECT * FROM evidence WHERE case_id = ? ORDER BY kind, position", [cid])
        )
        listings = []
        for lr in self._store.db.query("SELECT * FROM listings WHERE case_id = ? ORDER BY position", [cid]):
            shots = [
                self._store.files.get(e["sha256"], e["original_name"])
                for e in evidence
                if e["listing_row"] == lr["id"]
            ]
            listings.append(
                Listing(
                    url=lr["url"],
                    marketplace=lr["marketplace"],
                    listing_id=lr["listing_id"],
                    title=lr["title"],
                    seller=lr["seller"],
                    screenshots=shots,
                    id=lr["id"],
                )
            )

        def files_of(kind: EvidenceKind) -> list[EvidenceFile]:
            return [
                self._store.files.get(e["sha256"], e["original_name"])
                for e in evidence
                if e["kind"] == str(kind)
            ]

        return Case(
            complainant=complainant,
            title=row["title"],
            filing_date=dt.date.fromisoformat(row["filing_date"]),
            rights=rights,
            listings=listings,
            genuine_photos=files_of(EvidenceKind.GENUINE_PHOTO),
            other_files=files_of(EvidenceKind.OTHER),
            status=CaseStatus(row["status"]),
            outcome=Outcome(
                row["complaint_number"], row["submitted_at"], row["decided_at"], row["decline_reason"]
            ),
            id=cid,
            reference=row["reference"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )

    def summaries(self, search: str = "") -> list[CaseSummary]:
        sql = """
            SELECT c.id, c.reference, c.title, c.status, c.filing_date, c.updated_at,
                   (SELECT group_concat(DISTINCT l.marketplace) FROM listings l
                     WHERE l.case_id = c.id) AS mkts,
                   (SELECT group_concat(r.mark, char(31)) FROM rights r
                     JOIN case_rights cr ON cr.right_id = r.id
                     WHERE cr.case_id = c.id) AS marks,
                   (SELECT blockers FROM check_runs k WHERE k.case_id = c.id
                     ORDER BY k.id DESC LIMIT 1) AS blockers,
                   (SELECT warnings FROM check_runs k WHERE k.case_id = c.id
                     ORDER BY k.id DESC LIMIT 1) AS warnings,
                   p.name AS complainant
            FROM cases c JOIN complainants p ON p.id = c.complainant_id ORDER BY c.id
        """
        out = []
        needle = search.casefold().strip()
        for r in self._store.db.query(sql):
            marks = tuple((r["marks"] or "").split("\x1f")) if r["marks"] else ()
            mkts = tuple(sorted(filter(None, (r["mkts"] or "").split(","))))
            hay = " ".join(
                [r["reference"], r["title"], r["complainant"], *marks, *mkts, r["status"]]
            ).casefold()
            if needle and needle not in hay:
                continue
            out.append(
                CaseSummary(
                    id=r["id"],
                    reference=r["reference"],
                    title=r["title"],
                    status=CaseStatus(r["status"]),
                    marketplaces=mkts,
                    marks=marks,
                    blockers=r["blockers"],
                    warnings=r["warnings"],
                    filing_date=r["filing_date"],
                    updated_at=r["updated_at"],
                )
            )
        return out

    def delete(self, case_id: int | str) -> list[str]:
        """Delete a case; vault files no other case or right uses are removed. Returns removed hashes."""
        case = self.get(case_id)
        hashes = {f.sha256 for _kind, f in case.evidence_files()}
        with self._store.transaction():
            self._store.submissions.ensure_editable(case.id)  # type: ignore[arg-type]
            self._store.db.execute("DELETE FROM cases WHERE id = ?", [case.id])
            if case.complainant.id is not None:
                self._store.db.execute(
                    "DELETE FROM complainants WHERE id = ? AND id NOT IN (SELECT complainant_id FROM cases)",
                    [case.complainant.id],
                )
            self._store.audit.record("case.delete", case_id=case.id, reference=case.reference)
        return self._store.files.collect_garbage(hashes)

    def duplicate(self, case_id: int | str) -> int:
        case = self.get(case_id)
        case.id = None
        case.reference = ""
        case.complainant.id = None
        case.title = f"{case.title} (copy)" if case.title else "(copy)"
        case.status = CaseStatus.DRAFT
        case.outcome = Outcome()
        return self.save(case)

    def set_status(self, case_id: int, status: CaseStatus, **outcome: str) -> None:
        case = self.get(case_id)
        if "complaint_number" in outcome:
            require_identifier(outcome["complaint_number"], "complaint_number", "complaint number")
        outcome = {k: clean_free_text(v) if isinstance(v, str) else v for k, v in outcome.items()}
        with self._store.transaction():
            sets = ["status = ?", "updated_at = ?"]
            values: list[Any] = [str(status), utc_now()]
            for key in ("complaint_number", "submitted_at", "decided_at", "decline_reason"):
                if key in outcome:
                    sets.append(f"{key} = ?")
                    values.append(outcome[key])
            self._store.db.execute(f"UPDATE cases SET {', '.join(sets)} WHERE id = ?", [*values, case.id])
            self._store.audit.record("case.status", case_id=case.id, status=str(status), **outcome)

    def outcomes(self) -> list[dict[str, Any]]:
        """Submitted/decided cases with their marketplaces, for the outcomes dashboard."""
        return list(
            self._store.db.query(
                "SELECT c.id, c.reference, c.status, c.submitted_at, c.decided_at, c.decline_reason,"
                " (SELECT group_concat(DISTINCT l.marketplace) FROM listings l WHERE l.case_id = c.id)"
                " AS marketplaces"
                " FROM cases c WHERE c.status IN ('submitted', 'accepted', 'declined') ORDER BY c.decided_at"
            )
        )

    def advance_before_submission(self, case_id: int, status: CaseStatus) -> None:
        """Checks and exports set the status only until the case is exported or submitted: an
        outcome recorded later (submitted, accepted, declined) is never overwritten by them."""
        self._store.db.execute(
            "UPDATE cases SET status = ? WHERE id = ? AND status IN (?, ?, ?)",
            (str(status), case_id, str(CaseStatus.DRAFT), str(CaseStatus.READY), str(CaseStatus.NOT_READY)),
        )
