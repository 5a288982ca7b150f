"""Progress reporting and cancellation for long operations.

Core functions take ``progress`` (a callable receiving a fraction and a short label) and ``cancel``
(a :class:`CancelToken`). The GUI adapts them to signals; the CLI and tests pass plain objects.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop_app.core.errors import Cancelled

ProgressFn = Callable[[float, str], None]


def no_progress(fraction: float, label: str) -> None:  # noqa: ARG001 - the default sink
    return None


class CancelToken:
    """A thread-safe flag that long operations poll between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()


class SubProgress:
    """Maps a sub-task's 0..1 progress into [start, end] of its parent's range."""

    def __init__(self, parent: ProgressFn, start: float, end: float) -> None:
        self._parent, self._start, self._end = parent, start, end

    def __call__(self, fraction: float, label: str) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        self._parent(self._start + (self._end - self._start) * fraction, label)
