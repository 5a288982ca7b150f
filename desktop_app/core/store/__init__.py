"""The case store: one SQLite database (through sqlite-utils) and the evidence vault beside it.

``Store`` owns the connection, the migrations and ``transaction()``; each aggregate has its own
manager in its own module, reached as ``store.cases``, ``store.rights``, ``store.files``,
``store.audit``, ``store.checks``, ``store.exports``, ``store.cache``, ``store.revisions``,
``store.submissions``, ``store.confirmations`` and ``store.statements`` (Anki's Collection shape).

Schema versions live in ``PRAGMA user_version``; a database written by a newer version is refused
before anything touches it. WAL, foreign keys on, and every multi-row change in one transaction.
The audit log is append-only, enforced by triggers.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import itertools
import os
import socket
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop_app import __version__
from desktop_app.core.errors import StoreError
from desktop_app.core.model import Case, CaseStatus, CaseSummary, EvidenceFile, Right
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken
from desktop_app.core.store.audit import AuditLog
from desktop_app.core.store.cache import ReadingCache
from desktop_app.core.store.cases import Cases
from desktop_app.core.store.checks import CheckRuns
from desktop_app.core.store.confirmations import Confirmations
from desktop_app.core.store.exports import Exports
from desktop_app.core.store.files import Files
from desktop_app.core.store.revisions import Revisions
from desktop_app.core.store.rights import Rights
from desktop_app.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from desktop_app.core.store.statements import Statements
from desktop_app.core.store.submissions import CaseLockedError, Submissions
from desktop_app.core.vault import Vault

__all__ = [
    "DB_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "VAULT_NAME",
    "CaseLockedError",
    "Store",
    "open_store",
]

DB_NAME = "cases.db"
BUSY_TIMEOUT_S = 30  # how long a write waits for another process's transaction before giving up
VAULT_NAME = "vault"


def _actor() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no login name (containers, services)
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def _read_user_version(path: Path) -> int:
    """Read the schema version without writing anything (not even the WAL switch)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"{path} cannot be opened ({exc}); check that it is readable.") from None
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.OperationalError as exc:  # locked, unreadable: not a question of what the file is
        raise _operational(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not an Evidence Desk database ({exc})") from None
    finally:
        conn.close()


def _check_writable(data_dir: Path) -> None:
    """Refuse a data folder Evidence Desk cannot write to, in one sentence, before SQLite tries."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=data_dir, prefix=".write-test-"):
            pass
        db = data_dir / DB_NAME
        if db.exists() and not os.access(db, os.W_OK):
            raise PermissionError(errno.EACCES, "read-only", str(db))
    except OSError as exc:
        raise StoreError(
            f"{data_dir} is read-only or cannot be written ({exc.strerror or exc}): Evidence Desk keeps its "
            "cases there and must be able to write; fix its permissions or choose another folder with "
            "--data-dir."
        ) from None


def _operational(db_path: Path, exc: sqlite3.OperationalError, timeout: float = BUSY_TIMEOUT_S) -> StoreError:
    """One sentence for SQLite's operational failures a user can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{db_path} is in use by another Evidence Desk window or command (waited {timeout:g} s); "
            "let it finish or close it, then try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(
            f"{db_path} cannot be written ({exc}): fix the permissions of its folder or choose another "
            "folder with --data-dir."
        )
    if "disk" in text and "full" in text:
        return StoreError(f"{db_path}: the disk is full; free some space and try again. Nothing was saved.")
    return StoreError(f"{db_path}: the database cannot be used ({exc}).")


class Store:
    """Cases, rights, evidence and their history, in ``data_dir``."""

    def __init__(self, data_dir: str | Path, *, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.data_dir = Path(data_dir)
        _check_writable(self.data_dir)
        self.db_path = self.data_dir / DB_NAME
        self.busy_timeout = busy_timeout
        if self.db_path.exists():
            found = _read_user_version(self.db_path)
            if found > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.db_path} was written by a newer version of Evidence Desk (schema {found}; "
                    f"this version {__version__} understands up to {SCHEMA_VERSION}). "
                    "Upgrade Evidence Desk to open it; the file was not changed."
                )
        conn = sqlite3.connect(str(self.db_path), check_same_thread=False, timeout=busy_timeout)
        conn.isolation_level = None  # no implicit transactions: transaction() says where each begins
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()  # one transaction at a time on this connection, across threads
        self._savepoints = itertools.count()
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.OperationalError as exc:
            conn.close()
            raise _operational(self.db_path, exc, busy_timeout) from None
        self.actor = _actor()
        self.audit = AuditLog(self)
        self.files = Files(self)
        self.rights = Rights(self)
        self.cases = Cases(self)
        self.checks = CheckRuns(self)
        self.exports = Exports(self)
        self.cache = ReadingCache(self)
        self.revisions = Revisions(self)
        self.submissions = Submissions(self)
        self.confirmations = Confirmations(self)
        self.statements = Statements(self)
        try:
            self._migrate()
        except BaseException:
            conn.close()
            raise
        self.vault = Vault(self.data_dir / VAULT_NAME)

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
            with self.transaction():
                MIGRATIONS[version](self.db)
                version += 1
                self.db.execute(f"PRAGMA user_version = {version}")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction; nested calls are savepoints inside it.

        ``BEGIN IMMEDIATE`` takes the write lock at the start, so a second process waits for it (up to
        ``BUSY_TIMEOUT_S``) instead of failing at once with "database is locked" when a deferred
        transaction tries to upgrade to a write in WAL mode."""
        conn = self.db.conn
        with self._lock:
            if conn.in_transaction:
                name = f"ed_{next(self._savepoints)}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self.db
                except BaseException:
                    if conn.in_transaction:  # a RAISE(ROLLBACK) may already have ended it
                        conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                conn.execute(f"RELEASE SAVEPOINT {name}")
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:  # still locked after the busy timeout
                raise _operational(self.db_path, exc, self.busy_timeout) from None
            try:
                yield self.db
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def next_number(self, counter: str) -> int:
        """The next value of a named counter; never returns a value twice, whatever was deleted.
        Call inside a transaction, so the number is spent only if the row using it is written."""
        cur = self.db.execute(
            "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value", [counter]
        )
        row = cur.fetchone()
        if row is None:
            self.db.execute("INSERT INTO counters (name, value) VALUES (?, 1)", [counter])
            return 1
        return int(row[0])

    # -- compatibility: the names callers used before the managers existed -------------------------
    # Kept while parallel branches land; new code calls the managers (store.cases.get, ...).
    # ``store.audit(...)`` and ``store.exports(case_id)`` still work: those managers are callable.

    def audit_entries(self, case_id: int | None = None) -> list[dict[str, Any]]:
        return self.audit.entries(case_id)

    def add_file(
        self,
        path: str | Path,
        *,
        original_name: str | None = None,
        cancel: CancelToken = NEVER_CANCELLED,
        added: list[str] | None = None,
    ) -> EvidenceFile:
        return self.files.add(path, original_name=original_name, cancel=cancel, added=added)

    def evidence_file(self, sha: str, name: str | None = None) -> EvidenceFile:
        return self.files.get(sha, name)

    def file_path(self, f: EvidenceFile | str) -> Path:
        return self.files.path(f)

    def referenced_hashes(self) -> set[str]:
        return self.files.referenced_hashes()

    def collect_garbage(self, candidates: set[str] | None = None) -> list[str]:
        return self.files.collect_garbage(candidates)

    def save_right(self, right: Right) -> int:
        return self.rights.save(right)

    def get_right(self, right_id: int) -> Right:
        return self.rights.get(right_id)

    def list_rights(self) -> list[Right]:
        return self.rights.all()

    def find_right(self, office: str, registration_number: str) -> Right | None:
        return self.rights.find(office, registration_number)

    def save_case(self, case: Case) -> int:
        return self.cases.save(case)

    def resolve_case_id(self, ref: str | int) -> int:
        return self.cases.resolve_id(ref)

    def get_case(self, case_id: int | str) -> Case:
        return self.cases.get(case_id)

    def list_cases(self, search: str = "") -> list[CaseSummary]:
        return self.cases.summaries(search)

    def delete_case(self, case_id: int | str) -> list[str]:
        return self.cases.delete(case_id)

    def duplicate_case(self, case_id: int | str) -> int:
        return self.cases.duplicate(case_id)

    def set_status(self, case_id: int, status: CaseStatus, **outcome: str) -> None:
        self.cases.set_status(case_id, status, **outcome)

    def outcomes(self) -> list[dict[str, Any]]:
        return self.cases.outcomes()

    def cache_get(self, sha256: str, reader: str, version: str) -> Any | None:
        return self.cache.get(sha256, reader, version)

    def cache_put(self, sha256: str, reader: str, version: str, result: Any) -> None:
        self.cache.put(sha256, reader, version, result)

    def record_check(
        self, case_id: int, input_digest: str, verdict: str, blockers: int, warnings: int, result: Any
    ) -> None:
        self.checks.record(case_id, input_digest, verdict, blockers, warnings, result)

    def last_check(self, case_id: int) -> dict[str, Any] | None:
        return self.checks.last(case_id)

    def record_export(
        self,
        case_id: int,
        path: str | Path,
        package_sha256: str,
        signer_fingerprint: str,
        allow_blockers: bool,
    ) -> None:
        self.exports.record(case_id, path, package_sha256, signer_fingerprint, allow_blockers)


def open_store(data_dir: str | Path) -> Store:
    return Store(data_dir)
