"""Errors a user can act on. Anything else is a bug: logged with its traceback, never shown raw."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """An error caused by input the user can fix; ``str()`` is one clear sentence."""


class UserFileError(UserError):
    """A file the user named cannot be used: names the file and the problem in one sentence."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class EvidenceError(UserFileError):
    """A file cannot be used as evidence: names the file and the problem."""


class CaseFolderError(UserFileError):
    """A case folder or its case.toml is invalid."""


class StoreError(UserError):
    """The case database cannot be used (e.g. written by a newer version)."""


class NotFoundError(UserError):
    """A case, right, identity or other named thing does not exist."""


class Cancelled(Exception):
    """Raised inside long operations when their cancel token is set."""
