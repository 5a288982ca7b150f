"""Readers that misbehave on purpose, run in the isolated workers in place of the real one (the worker
imports this module by name, so these must stay module-level functions)."""

from __future__ import annotations

import os
import time
from typing import Any


def hang(path: str, sha256: str, *, progress: Any = None) -> dict:
    """A reader stuck for ever, as pypdf on a cyclic structure or a decoder in a loop."""
    if progress:
        progress(0.2, "pretending to read")
    while True:
        time.sleep(0.05)


def allocate(path: str, sha256: str, *, progress: Any = None) -> dict:
    """A reader that allocates without limit, as an image decoder on a bomb."""
    hoard = []
    while True:
        hoard.append(bytearray(64 * 1024 * 1024))


def crash(path: str, sha256: str, *, progress: Any = None) -> dict:
    """A reader whose native code dies (a segfault in a decoder)."""
    os._exit(139)


def echo(value: Any, *, progress: Any = None) -> Any:
    if progress:
        progress(0.5, "half")
    return value


def pid() -> int:
    return os.getpid()


def user_error() -> None:
    from desktop_app.core.errors import UserError

    raise UserError("the OCR engine cannot be loaded")
