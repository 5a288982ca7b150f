"""Content-addressed evidence store: each file kept once, named by its SHA-256.

Importing copies the file in (temp name, fsync, rename); the user's original is only ever read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop_app.core.progress import NEVER_CANCELLED, CancelToken
from desktop_app.core.user_files import open_user_file

CHUNK = 1024 * 1024
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def sha256_file(path: str | Path, cancel: CancelToken = NEVER_CANCELLED) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            cancel.raise_if_cancelled()
            h.update(chunk)
    return h.hexdigest()


class Vault:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "tmp").mkdir(exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        if not _SHA_RE.match(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def contains(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def add(self, source: str | Path, cancel: CancelToken = NEVER_CANCELLED) -> tuple[str, bool]:
        """Copy ``source`` in; returns (sha256, whether the bytes were new to the vault)."""
        h = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(prefix="import-", suffix=".part", dir=self.root / "tmp")
        tmp_path = Path(tmp)
        try:
            with os.fdopen(fd, "wb") as out, open_user_file(source) as src:
                while chunk := src.read(CHUNK):
                    cancel.raise_if_cancelled()
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            final = self.path_for(sha)
            if final.is_file():
                tmp_path.unlink()
                return sha, False
            final.parent.mkdir(exist_ok=True)
            os.chmod(tmp_path, 0o444)
            os.replace(tmp_path, final)
            return sha, True
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp_path.unlink()
            raise

    def remove(self, sha256: str) -> None:
        path = self.path_for(sha256)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, 0o644)
            path.unlink()

    def all_hashes(self) -> Iterator[str]:
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                for f in sub.iterdir():
                    if _SHA_RE.match(f.name):
                        yield f.name

    def verify(self, sha256: str) -> bool:
        return sha256_file(self.path_for(sha256)) == sha256
