"""The database schema: an append-only list of migrations; the version lives in PRAGMA user_version."""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlite_utils

from desktop_app.core.model import utc_now


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


def _migration_2(db: sqlite_utils.Database) -> None:
    """Numbers that are never handed out twice, deletion included (not max(id) + 1).

    The case counter starts past every case id and reference number this database has ever
    shown, deleted ones included: the audit log remembers the cases that are gone.
    """
    db.executescript("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);")
    seen = [0]
    seen += [r[0] or 0 for r in db.execute("SELECT max(id) FROM cases").fetchall()]
    seen += [r[0] or 0 for r in db.execute("SELECT max(case_id) FROM audit_log").fetchall()]
    refs = [r[0] for r in db.execute("SELECT reference FROM cases").fetchall()]
    refs += [
        r[0]
        for r in db.execute(
            "SELECT json_extract(detail, '$.reference') FROM audit_log WHERE action = 'case.create'"
        ).fetchall()
    ]
    for ref in refs:
        tail = str(ref or "").rsplit("-", 1)[-1]
        if tail.isdigit():
            seen.append(int(tail))
    db.execute("INSERT INTO counters (name, value) VALUES ('case', ?)", [max(seen)])


def _migration_3(db: sqlite_utils.Database) -> None:
    """The audit log becomes a hash chain; the entries already written are chained now, and an entry
    says so (they were not tamper-evident before this point)."""
    from desktop_app.core.store.audit import GENESIS, entry_hash

    db.executescript(
        """
        ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE audit_log ADD COLUMN entry_hash TEXT NOT NULL DEFAULT '';
        DROP TRIGGER audit_log_no_update;
        """
    )
    prev, last_id, n = GENESIS, 0, 0
    for row in list(db.query("SELECT * FROM audit_log ORDER BY id")):
        e = dict(row, prev=prev)
        h = entry_hash(e)
        db.execute("UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE id = ?", (prev, h, row["id"]))
        prev, last_id, n = h, row["id"], n + 1
    if n:
        e = {
            "id": last_id + 1,
            "at": utc_now(),
            "actor": "evidence-desk",
            "action": "audit.chain",
            "case_id": None,
            "sha256": None,
            "detail": {"chained_entries": n, "note": "entries before this one were chained at upgrade"},
            "prev": prev,
        }
        db.execute(
            "INSERT INTO audit_log (id, at, actor, action, case_id, sha256, detail, prev_hash, entry_hash)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                e["id"],
                e["at"],
                e["actor"],
                e["action"],
                None,
                None,
                json.dumps(e["detail"], sort_keys=True),
                prev,
                entry_hash(e),
            ),
        )
        last_id += 1
    db.executescript(
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
    )
    db.execute("INSERT INTO counters (name, value) VALUES ('audit', ?)", [last_id])


def _migration_4(db: sqlite_utils.Database) -> None:
    """Records that hold up: numbered package versions, frozen revisions, submission records."""
    db.executescript(
        """
        ALTER TABLE exports ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE exports ADD COLUMN signer TEXT NOT NULL DEFAULT '';
        ALTER TABLE exports ADD COLUMN revision INTEGER;
        UPDATE exports SET version = (
            SELECT count(*) FROM exports e2 WHERE e2.case_id = exports.case_id AND e2.id <= exports.id);
        CREATE UNIQUE INDEX exports_case_version ON exports(case_id, version);
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            content TEXT NOT NULL,
            UNIQUE (case_id, number)
        );
        CREATE TRIGGER revisions_frozen BEFORE UPDATE ON revisions
            BEGIN SELECT RAISE(ABORT, 'a revision is frozen'); END;
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            marketplace TEXT NOT NULL DEFAULT '',
            complaint_number TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            export_version INTEGER,
            revision INTEGER,
            decision TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL DEFAULT '',
            decision_reasons TEXT NOT NULL DEFAULT '',
            reopened_at TEXT NOT NULL DEFAULT '',
            reopen_reason TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX submissions_case ON submissions(case_id);
        INSERT INTO submissions (case_id, marketplace, complaint_number, submitted_at, decision, decided_at,
                                 decision_reasons, export_version)
            SELECT c.id,
                   coalesce((SELECT group_concat(DISTINCT l.marketplace) FROM listings l
                             WHERE l.case_id = c.id), ''),
                   c.complaint_number, c.submitted_at,
                   CASE WHEN c.status IN ('accepted', 'declined') THEN c.status ELSE '' END,
                   c.decided_at, c.decline_reason,
                   (SELECT max(version) FROM exports e WHERE e.case_id = c.id)
            FROM cases c WHERE c.status IN ('submitted', 'accepted', 'declined');
        """
    )


def _migration_5(db: sqlite_utils.Database) -> None:
    """Confirmations by hand: a person looked at a right's certificate and confirmed entered fields.

    Each row is one confirmation of some fields of one right against one certificate (by SHA-256),
    with the values entered at the time, so a later change of the certificate or of those values
    makes it stale. Rows are never changed: a new confirmation supersedes the previous one.
    """
    db.executescript(
        """
        CREATE TABLE right_confirmations (
            id INTEGER PRIMARY KEY,
            right_id INTEGER NOT NULL REFERENCES rights(id),
            certificate_sha TEXT NOT NULL,
            fields TEXT NOT NULL,
            confirmed_values TEXT NOT NULL,
            confirmed_by TEXT NOT NULL,
            actor TEXT NOT NULL,
            confirmed_at TEXT NOT NULL,
            case_id INTEGER
        );
        CREATE INDEX right_confirmations_right ON right_confirmations(right_id);
        CREATE TRIGGER right_confirmations_frozen BEFORE UPDATE ON right_confirmations
            BEGIN SELECT RAISE(ABORT, 'a confirmation is never changed; record a new one'); END;
        """
    )


def _migration_6(db: sqlite_utils.Database) -> None:
    """Complaints filed in batches and decided listing by listing.

    A case's listings may be filed as several complaints (a marketplace takes so many per complaint):
    each submission names its batch and the listing ids it carried. Marketplaces decide listing by
    listing; each decision is a row of its own, never changed.
    """
    db.executescript(
        """
        ALTER TABLE submissions ADD COLUMN batch INTEGER;
        ALTER TABLE submissions ADD COLUMN listing_ids TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE listing_decisions (
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
            listing_id TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'declined')),
            reason TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL,
            UNIQUE (submission_id, listing_id)
        );
        CREATE INDEX listing_decisions_submission ON listing_decisions(submission_id);
        CREATE TRIGGER listing_decisions_frozen BEFORE UPDATE ON listing_decisions
            BEGIN SELECT RAISE(ABORT, 'a decision is never changed'); END;
        """
    )


def _migration_7(db: sqlite_utils.Database) -> None:
    """The infringement statement as the user edited it, per sheet (marketplace, batch) and language.

    Each save is a row of its own, never changed: the latest row of a statement wins, and a row with
    ``text`` NULL returns it to the generated statement. ``generated_sha256`` is the SHA-256 of the
    generated statement the user edited from (and ``listing_ids`` the batch it covered), so a later
    change of the evidence shows the edit is stale.
    """
    db.executescript(
        """
        CREATE TABLE statement_edits (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            marketplace TEXT NOT NULL,
            form TEXT NOT NULL,
            batch INTEGER NOT NULL,
            lang TEXT NOT NULL,
            text TEXT,
            generated_sha256 TEXT NOT NULL,
            listing_ids TEXT NOT NULL DEFAULT '[]',
            edited_at TEXT NOT NULL,
            edited_by TEXT NOT NULL,
            actor TEXT NOT NULL
        );
        CREATE INDEX statement_edits_case ON statement_edits(case_id);
        CREATE TRIGGER statement_edits_frozen BEFORE UPDATE ON statement_edits
            BEGIN SELECT RAISE(ABORT, 'a statement edit is never changed; save a new one'); END;
        """
    )


# Each entry migrates from version i to i + 1. Append only; never edit a released migration.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
]
SCHEMA_VERSION = len(MIGRATIONS)
