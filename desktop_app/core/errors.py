"""Errors a user can act on. Anything else is a bug: logged with its traceback, never shown raw."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class UserError(Exception):
    """An error caused by input the user can fix; ``str()`` is one clear sentence (English).

    ``key`` and ``params`` name the sentence in the message catalogue (core/messages.py) when it has
    one, so the window and the CLI can say it in the user's language (``messages.error_text``).
    """

    key: str = ""
    params: dict[str, Any] = {}  # noqa: RUF012 - replaced per instance

    @classmethod
    def keyed(cls, key: str, **params: Any) -> UserError:
        """The error whose sentence is catalogue message ``key`` with ``params``."""
        from desktop_app.core.messages import render

        exc = cls(render(key, params))
        exc.key, exc.params = key, params
        return exc


class UserFileError(UserError):
    """A file the user named cannot be used: names the file and the problem in one sentence.

    ``reason`` is English text, or a catalogue message (``messages.msg``) to be said in any language.
    """

    def __init__(self, path: str | Path, reason: str | dict[str, Any]) -> None:
        self.path = str(path)
        if isinstance(reason, dict):
            from desktop_app.core.messages import render

            self.key, self.params = "error.file", {"path": self.path, "reason": reason}
            reason = render(reason["key"], reason.get("params") or {})
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


def no_room_sentence(exc: BaseException) -> str | None:
    """One sentence for a write that failed for lack of room (OSError ENOSPC/EFBIG/EDQUOT, or SQLite's
    'database or disk is full'), else None. Writers leave nothing half-written (temporary files and
    transactions are dropped), which the sentence says."""
    import errno
    import os
    import sqlite3

    kinds = {errno.ENOSPC: "full", errno.EFBIG: "too_large"}
    if hasattr(errno, "EDQUOT"):
        kinds[errno.EDQUOT] = "quota"
    kind = None
    where = ""
    if isinstance(exc, OSError):
        kind = kinds.get(exc.errno or 0)
        if exc.filename:
            where = os.path.dirname(os.path.abspath(os.fsdecode(exc.filename)))
    elif isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        kind = "full"
        where = "the data folder"
    if kind is None:
        return None
    place = (
        f"the disk holding {where}"
        if where and where != "the data folder"
        else "the disk holding the data folder"
    )
    if kind == "too_large":
        return (
            f"A file could not be written in {where or 'the data folder'}: it is larger than the disk or the "
            "system allows; nothing was written or kept. Free some space or choose another folder."
        )
    if kind == "quota":
        return (
            f"Your disk quota on {place[9:]} is used up; nothing was written or kept. "
            "Free some space and try again."
        )
    return (
        f"{place[0].upper()}{place[1:]} is full; nothing was written or kept. Free some space and try again."
    )
