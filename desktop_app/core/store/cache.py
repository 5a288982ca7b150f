"""The reading cache: what a reader found in a file, keyed by (file hash, reader, reader version)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from desktop_app.core.model import utc_now

if TYPE_CHECKING:
    from desktop_app.core.store import Store


class ReadingCache:
    """``store.cache``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, sha256: str, reader: str, version: str) -> Any | None:
        row = self._store.db.execute(
            "SELECT result FROM reading_cache WHERE sha256 = ? AND reader = ? AND reader_version = ?",
            (sha256, reader, version),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, sha256: str, reader: str, version: str, result: Any) -> None:
        self._store.db.execute(
            "INSERT OR REPLACE INTO reading_cache (sha256, reader, reader_version, result, created_at)"
            " VALUES (?,?,?,?,?)",
            (sha256, reader, version, json.dumps(result, ensure_ascii=False), utc_now()),
        )
