"""Evidence files: the ``files`` table beside the content-addressed vault."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import NotFoundError
from desktop_app.core.intake import inspect_file
from desktop_app.core.model import EvidenceFile, utc_now
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken

if TYPE_CHECKING:
    from desktop_app.core.store import Store


class Files:
    """``store.files``: import files into the vault, look them up, collect the unused ones."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add(
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
        store = self._store
        path = Path(path)
        sniffed = inspect_file(path)
        sha, new = store.vault.add(path, cancel)
        if new and added is not None:
            added.append(sha)
        name = original_name or path.name
        with store.transaction():
            row = self.row(sha)
            if row is None:
                now = utc_now()
                store.db.execute(
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
            store.audit.record(
                "file.import",
                sha256=sha,
                name=name,
                size=sniffed.size,
                media_type=sniffed.media_type,
                source=str(path),
            )
        return EvidenceFile(sha, name, row["size"], row["media_type"], row["imported_at"])

    def row(self, sha: str) -> dict[str, Any] | None:
        rows = list(self._store.db.query("SELECT * FROM files WHERE sha256 = ?", [sha]))
        return rows[0] if rows else None

    def get(self, sha: str, name: str | None = None) -> EvidenceFile:
        row = self.row(sha)
        if row is None:
            raise NotFoundError(f"no evidence file with SHA-256 {sha}")
        return EvidenceFile(
            sha, name or row["first_name"], row["size"], row["media_type"], row["imported_at"]
        )

    def path(self, f: EvidenceFile | str) -> Path:
        return self._store.vault.path_for(f if isinstance(f, str) else f.sha256)

    def referenced_hashes(self) -> set[str]:
        rows = self._store.db.query(
            "SELECT sha256 AS h FROM evidence UNION SELECT certificate_sha FROM rights "
            "UNION SELECT authorization_sha FROM complainants"
        )
        return {r["h"] for r in rows if r["h"]}

    def collect_garbage(self, candidates: set[str] | None = None) -> list[str]:
        """Remove vault files no case, right or complainant refers to; returns their hashes."""
        store = self._store
        used = self.referenced_hashes()
        pool = candidates if candidates is not None else set(store.vault.all_hashes())
        removed = sorted(h for h in pool if h not in used)
        if removed:
            with store.transaction():
                for h in removed:
                    store.db.execute("DELETE FROM reading_cache WHERE sha256 = ?", [h])
                    store.db.execute("DELETE FROM files WHERE sha256 = ?", [h])
            for h in removed:
                store.vault.remove(h)
        return removed
