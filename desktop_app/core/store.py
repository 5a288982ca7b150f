"""The case store: one SQLite database (through sqlite-utils) and the evidence vault beside it.

Schema versions live in ``PRAGMA user_version``; a database written by a newer version is refused
before anything touches it. WAL, foreign keys on, and every multi-row change in one transaction.
The audit log is append-only, enforced by triggers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app import __version__
from desktop_app.core.errors import NotFoundError, StoreError
from desktop_app.core.intake import inspect_file
from desktop_app.core.model import (
    Case,
    CaseStatus,
    CaseSummary,
    Complainant,
    EvidenceFile,
    EvidenceKind,
    Listing,
    Outcome,
    Right,
    Role,
    utc_now,
)
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken
from desktop_app.core.vault import Vault

DB_NAME = "cases.db"
VAULT_NAME = "vault"


def _migration_1(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            first_name TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE complainants (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('rights_holder', 'agent')),
            email TEXT NOT NULL DEFAULT '',
            contact_name TEXT NOT NULL DEFAULT '',
            authorization_sha TEXT REFERENCES files(sha256),
            authorization_name TEXT
        );
        CREATE TABLE rights (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL DEFAULT 'trademark',
            office TEXT NOT NULL,
            registration_number TEXT NOT NULL,
            mark TEXT NOT NULL,
            owner TEXT NOT NULL,
            classes TEXT NOT NULL DEFAULT '[]',
            certificate_sha TEXT REFERENCES files(sha256),
            certificate_name TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            filing_date TEXT NOT NULL,
            complainant_id INTEGER NOT NULL REFERENCES complainants(id),
            status TEXT NOT NULL DEFAULT 'draft',
            complaint_number TEXT NOT NULL DEFAULT '',
            submitted_at TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL DEFAULT '',
            decline_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE case_rights (
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            right_id INTEGER NOT NULL REFERENCES rights(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (case_id, right_id)
        );
        CREATE TABLE listings (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            marketplace TEXT NOT NULL DEFAULT '',
            listing_id TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            seller TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            listing_row INTEGER REFERENCES listings(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES files(sha256),
            original_name TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE INDEX evidence_case ON evidence(case_id);
        CREATE INDEX listings_case ON listings(case_id);
        CREATE TABLE reading_cache (
            sha256 TEXT NOT NULL,
            reader TEXT NOT NULL,
            reader_version TEXT NOT NULL,
            result TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (sha256, reader, reader_version)
        );
        CREATE TABLE check_runs (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            ran_at TEXT NOT NULL,
            input_digest TEXT NOT NULL,
            verdict TEXT NOT NULL,
            blockers INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            result TEXT NOT NULL
        );
        CREATE INDEX check_runs_case ON check_runs(case_id);
        CREATE TABLE exports (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            exported_at TEXT NOT NULL,
            path TEXT NOT NULL,
            package_sha256 TEXT NOT NULL,
            signer_fingerprint TEXT NOT NULL DEFAULT '',
            allow_blockers INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            case_id INTEGER,
            sha256 TEXT,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
    )


# Each entry migrates from version i to i + 1. Append only; never edit a released migration.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_migration_1]
SCHEMA_VERSION = len(MIGRATIONS)


def _actor() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no login name (containers, services)
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def _read_user_version(path: Path) -> int:
    """Read the schema version without writing anything (not even the WAL switch)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not an Evidence Desk database ({exc})") from None
    finally:
        conn.close()


class Store:
    """Cases, rights, evidence and their history, in ``data_dir``."""

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = self.data_dir / DB_NAME
        if self.db_path.exists():
            found = _read_user_version(self.db_path)
            if found > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.db_path} was written by a newer version of Evidence Desk (schema {found}; "
                    f"this version {__version__} understands up to {SCHEMA_VERSION}). "
                    "Upgrade Evidence Desk to open it; the file was not changed."
                )
        conn = sqlite3.connect(str(self.db_path), check_same_thread=False, timeout=30)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()
        self.vault = Vault(self.data_dir / VAULT_NAME)
        self.actor = _actor()

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        while version < SCHEMA_VERSION:
            with self.db.atomic():
                MIGRATIONS[version](self.db)
                version += 1
                self.db.execute(f"PRAGMA user_version = {version}")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        with self.db.atomic() as db:
            yield db

    # -- audit -----------------------------------------------------------------------------------

    def audit(
        self, action: str, *, case_id: int | None = None, sha256: str | None = None, **detail: Any
    ) -> None:
        self.db.execute(
            "INSERT INTO audit_log (at, actor, action, case_id, sha256, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (utc_now(), self.actor, action, case_id, sha256, json.dumps(detail, sort_keys=True)),
        )

    def audit_entries(self, case_id: int | None = None) -> list[dict[str, Any]]:
        if case_id is None:
            rows = self.db.query("SELECT * FROM audit_log ORDER BY id")
        else:
            rows = self.db.query("SELECT * FROM audit_log WHERE case_id = ? ORDER BY id", [case_id])
        return [dict(r, detail=json.loads(r["detail"])) for r in rows]

    # -- evidence files --------------------------------------------------------------------------

    def add_file(
        self,
        path: str | Path,
        *,
        original_name: str | None = None,
        cancel: CancelToken = NEVER_CANCELLED,
        added: list[str] | None = None,
    ) -> EvidenceFile:
        """Check ``path``, copy it into the vault and record it. Raises EvidenceError for bad files.

        When ``added`` is given, the hash is appended to it if the bytes were new to the vault, so a
        caller that must undo a failed multi-file import knows which vault files to remove.
        """
        path = Path(path)
        sniffed = inspect_file(path)
        sha, new = self.vault.add(path, cancel)
        if new and added is not None:
            added.append(sha)
        name = original_name or path.name
        with self.transaction():
            row = self._file_row(sha)
            if row is None:
                now = utc_now()
                self.db.execute(
                    "INSERT INTO files (sha256, size, media_type, first_name, imported_at)"
                    " VALUES (?,?,?,?,?)",
                    (sha, sniffed.size, sniffed.media_type, name, now),
                )
                row = {
                    "sha256": sha,
                    "size": sniffed.size,
                    "media_type": sniffed.media_type,
                    "first_name": name,
                    "imported_at": now,
                }
            self.audit(
                "file.import",
                sha256=sha,
                name=name,
                size=sniffed.size,
                media_type=sniffed.media_type,
                source=str(path),
            )
        return EvidenceFile(sha, name, row["size"], row["media_type"], row["imported_at"])

    def _file_row(self, sha: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM files WHERE sha256 = ?", [sha]))
        return rows[0] if rows else None

    def evidence_file(self, sha: str, name: str | None = None) -> EvidenceFile:
        row = self._file_row(sha)
        if row is None:
            raise NotFoundError(f"no evidence file with SHA-256 {sha}")
        return EvidenceFile(
            sha, name or row["first_name"], row["size"], row["media_type"], row["imported_at"]
        )

    def file_path(self, f: EvidenceFile | str) -> Path:
        return self.vault.path_for(f if isinstance(f, str) else f.sha256)

    def referenced_hashes(self) -> set[str]:
        rows = self.db.query(
            "SELECT sha256 AS h FROM evidence UNION SELECT certificate_sha FROM rights "
            "UNION SELECT authorization_sha FROM complainants"
        )
        return {r["h"] for r in rows if r["h"]}

    def collect_garbage(self, candidates: set[str] | None = None) -> list[str]:
        """Remove vault files no case, right or complainant refers to; returns their hashes."""
        used = self.referenced_hashes()
        pool = candidates if candidates is not None else set(self.vault.all_hashes())
        removed = sorted(h for h in pool if h not in used)
        if removed:
            with self.transaction():
                for h in removed:
                    self.db.execute("DELETE FROM reading_cache WHERE sha256 = ?", [h])
                    self.db.execute("DELETE FROM files WHERE sha256 = ?", [h])
            for h in removed:
                self.vault.remove(h)
        return removed

    # -- rights library ----------------------------------------------------------------------------

    def save_right(self, right: Right) -> int:
        with self.transaction():
            return self._save_right(right)

    def _save_right(self, right: Right) -> int:
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
            cur = self.db.execute(
                "INSERT INTO rights (type, office, registration_number, mark, owner, classes,"
                " certificate_sha,"
                " certificate_name, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (*values, now, now),
            )
            right.id = int(cur.lastrowid)
            self.audit(
                "right.create",
                right_id=right.id,
                mark=right.mark,
                registration_number=right.registration_number,
            )
        else:
            self.db.execute(
                "UPDATE rights SET type=?, office=?, registration_number=?, mark=?, owner=?, classes=?,"
                " certificate_sha=?, certificate_name=?, updated_at=? WHERE id=?",
                (*values, now, right.id),
            )
            self.audit("right.update", right_id=right.id)
        return right.id

    def get_right(self, right_id: int) -> Right:
        rows = list(self.db.query("SELECT * FROM rights WHERE id = ?", [right_id]))
        if not rows:
            raise NotFoundError(f"no right with id {right_id}")
        return self._right_from_row(rows[0])

    def list_rights(self) -> list[Right]:
        return [self._right_from_row(r) for r in self.db.query("SELECT * FROM rights ORDER BY mark, id")]

    def _right_from_row(self, r: dict[str, Any]) -> Right:
        cert = (
            self.evidence_file(r["certificate_sha"], r["certificate_name"]) if r["certificate_sha"] else None
        )
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

    def find_right(self, office: str, registration_number: str) -> Right | None:
        rows = list(
            self.db.query(
                "SELECT * FROM rights WHERE office = ? AND registration_number = ?",
                [office, registration_number],
            )
        )
        return self._right_from_row(rows[0]) if rows else None

    # -- cases -----------------------------------------------------------------------------------

    def save_case(self, case: Case) -> int:
        """Insert or replace a whole case (complainant, rights links, listings, evidence) atomically."""
        with self.transaction():
            return self._save_case(case)

    def _save_case(self, case: Case) -> int:
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
            cur = self.db.execute(
                "INSERT INTO complainants (name, role, email, contact_name, authorization_sha,"
                " authorization_name) VALUES (?,?,?,?,?,?)",
                comp_values,
            )
            c.id = int(cur.lastrowid)
        else:
            self.db.execute(
                "UPDATE complainants SET name=?, role=?, email=?, contact_name=?,"
                " authorization_sha=?, authorization_name=? WHERE id=?",
                (*comp_values, c.id),
            )
        o = case.outcome
        if case.id is None:
            cur = self.db.execute(
                "INSERT INTO cases (reference, title, filing_date, complainant_id, status, complaint_number,"
                " submitted_at, decided_at, decline_reason, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    "pending-" + now + str(id(case)),
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
            case.id = int(cur.lastrowid)
            case.reference = case.reference or f"ED-{case.filing_date.year}-{case.id:05d}"
            case.created_at = now
            self.db.execute("UPDATE cases SET reference = ? WHERE id = ?", (case.reference, case.id))
            self.audit("case.create", case_id=case.id, reference=case.reference)
        else:
            self.db.execute(
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
            self.audit("case.update", case_id=case.id)
        case.updated_at = now
        self.db.execute("DELETE FROM case_rights WHERE case_id = ?", [case.id])
        for pos, right in enumerate(case.rights):
            self._save_right(right)
            self.db.execute(
                "INSERT INTO case_rights (case_id, right_id, position) VALUES (?,?,?)",
                (case.id, right.id, pos),
            )
        self.db.execute("DELETE FROM evidence WHERE case_id = ?", [case.id])
        self.db.execute("DELETE FROM listings WHERE case_id = ?", [case.id])
        for pos, listing in enumerate(case.listings):
            cur = self.db.execute(
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
        self.db.execute(
            "INSERT INTO evidence (case_id, listing_row, kind, sha256, original_name, position)"
            " VALUES (?,?,?,?,?,?)",
            (case_id, listing_row, str(kind), f.sha256, f.original_name, pos),
        )

    def resolve_case_id(self, ref: str | int) -> int:
        """Accept a numeric id or a reference such as ED-2026-00001."""
        text = str(ref).strip()
        rows = list(self.db.query("SELECT id FROM cases WHERE reference = ? COLLATE NOCASE", [text]))
        if rows:
            return int(rows[0]["id"])
        if text.isdigit():
            rows = list(self.db.query("SELECT id FROM cases WHERE id = ?", [int(text)]))
            if rows:
                return int(rows[0]["id"])
        raise NotFoundError(f"no case '{text}' in {self.db_path}")

    def get_case(self, case_id: int | str) -> Case:
        cid = self.resolve_case_id(case_id)
        row = next(self.db.query("SELECT * FROM cases WHERE id = ?", [cid]))
        comp = next(self.db.query("SELECT * FROM complainants WHERE id = ?", [row["complainant_id"]]))
        auth = (
            self.evidence_file(comp["authorization_sha"], comp["authorization_name"])
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
            self._right_from_row(r)
            for r in self.db.query(
                "SELECT rights.* FROM rights JOIN case_rights ON rights.id = case_rights.right_id"
                " WHERE case_rights.case_id = ? ORDER BY case_rights.position",
                [cid],
            )
        ]
        evidence = list(
            self.db.query("SELECT * FROM evidence WHERE case_id = ? ORDER BY kind, position", [cid])
        )
        listings = []
        for lr in self.db.query("SELECT * FROM listings WHERE case_id = ? ORDER BY position", [cid]):
            shots = [
                self.evidence_file(e["sha256"], e["original_name"])
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
                self.evidence_file(e["sha256"], e["original_name"])
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

    def list_cases(self, search: str = "") -> list[CaseSummary]:
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
        for r in self.db.query(sql):
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

    def delete_case(self, case_id: int | str) -> list[str]:
        """Delete a case; vault files no other case or right uses are removed. Returns removed hashes."""
        case = self.get_case(case_id)
        hashes = {f.sha256 for _kind, f in case.evidence_files()}
        with self.transaction():
            self.db.execute("DELETE FROM cases WHERE id = ?", [case.id])
            if case.complainant.id is not None:
                self.db.execute(
                    "DELETE FROM complainants WHERE id = ? AND id NOT IN (SELECT complainant_id FROM cases)",
                    [case.complainant.id],
                )
            self.audit("case.delete", case_id=case.id, reference=case.reference)
        return self.collect_garbage(hashes)

    def duplicate_case(self, case_id: int | str) -> int:
        case = self.get_case(case_id)
        case.id = None
        case.reference = ""
        case.complainant.id = None
        case.title = f"{case.title} (copy)" if case.title else "(copy)"
        case.status = CaseStatus.DRAFT
        case.outcome = Outcome()
        return self.save_case(case)

    def set_status(self, case_id: int, status: CaseStatus, **outcome: str) -> None:
        case = self.get_case(case_id)
        with self.transaction():
            sets = ["status = ?", "updated_at = ?"]
            values: list[Any] = [str(status), utc_now()]
            for key in ("complaint_number", "submitted_at", "decided_at", "decline_reason"):
                if key in outcome:
                    sets.append(f"{key} = ?")
                    values.append(outcome[key])
            self.db.execute(f"UPDATE cases SET {', '.join(sets)} WHERE id = ?", [*values, case.id])
            self.audit("case.status", case_id=case.id, status=str(status), **outcome)

    # -- reading cache ---------------------------------------------------------------------------

    def cache_get(self, sha256: str, reader: str, version: str) -> Any | None:
        row = self.db.execute(
            "SELECT result FROM reading_cache WHERE sha256 = ? AND reader = ? AND reader_version = ?",
            (sha256, reader, version),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def cache_put(self, sha256: str, reader: str, version: str, result: Any) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO reading_cache (sha256, reader, reader_version, result, created_at)"
            " VALUES (?,?,?,?,?)",
            (sha256, reader, version, json.dumps(result, ensure_ascii=False), utc_now()),
        )

    # -- checks and exports ------------------------------------------------------------------------

    def record_check(
        self, case_id: int, input_digest: str, verdict: str, blockers: int, warnings: int, result: Any
    ) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO check_runs (case_id, ran_at, input_digest, verdict, blockers, warnings, result)"
                " VALUES (?,?,?,?,?,?,?)",
                (case_id, utc_now(), input_digest, verdict, blockers, warnings, json.dumps(result)),
            )
            self._advance_before_submission(
                case_id, CaseStatus.READY if verdict == "ready" else CaseStatus.NOT_READY
            )
            self.audit("case.check", case_id=case_id, verdict=verdict, blockers=blockers, warnings=warnings)

    def _advance_before_submission(self, case_id: int, status: CaseStatus) -> None:
        """Checks and exports set the status only until the case is exported or submitted: an
        outcome recorded later (submitted, accepted, declined) is never overwritten by them."""
        self.db.execute(
            "UPDATE cases SET status = ? WHERE id = ? AND status IN (?, ?, ?)",
            (str(status), case_id, str(CaseStatus.DRAFT), str(CaseStatus.READY), str(CaseStatus.NOT_READY)),
        )

    def last_check(self, case_id: int) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT * FROM check_runs WHERE case_id = ? ORDER BY id DESC LIMIT 1", [case_id]
        ).fetchone()
        if row is None:
            return None
        cols = [d[0] for d in self.db.execute("SELECT * FROM check_runs LIMIT 0").description]
        rec = dict(zip(cols, row, strict=True))
        rec["result"] = json.loads(rec["result"])
        return rec

    def record_export(
        self,
        case_id: int,
        path: str | Path,
        package_sha256: str,
        signer_fingerprint: str,
        allow_blockers: bool,
    ) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO exports (case_id, exported_at, path, package_sha256, signer_fingerprint,"
                " allow_blockers) VALUES (?,?,?,?,?,?)",
                (case_id, utc_now(), str(path), package_sha256, signer_fingerprint, int(allow_blockers)),
            )
            self._advance_before_submission(case_id, CaseStatus.EXPORTED)
            self.audit(
                "case.export",
                case_id=case_id,
                sha256=package_sha256,
                path=str(path),
                signer_fingerprint=signer_fingerprint,
                allow_blockers=allow_blockers,
            )

    def exports(self, case_id: int) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM exports WHERE case_id = ? ORDER BY id", [case_id]))

    def outcomes(self) -> list[dict[str, Any]]:
        """Submitted/decided cases with their marketplaces, for the outcomes dashboard."""
        return list(
            self.db.query(
                "SELECT c.id, c.reference, c.status, c.submitted_at, c.decided_at, c.decline_reason,"
                " (SELECT group_concat(DISTINCT l.marketplace) FROM listings l WHERE l.case_id = c.id)"
                " AS marketplaces"
                " FROM cases c WHERE c.status IN ('submitted', 'accepted', 'declined') ORDER BY c.decided_at"
            )
        )


def open_store(data_dir: str | Path) -> Store:
    return Store(data_dir)
