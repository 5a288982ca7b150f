"""Pausing Python's cyclic garbage collector around allocation-heavy library work on a worker thread.

A full collection stops every thread of the process while it walks every tracked object. fpdf2 (its
fontTools font parsing and subsetting) and pyHanko build hundreds of thousands of short-lived objects
while the summary PDF is written and signed, which triggers full collections of 30-60 ms each: the
window's thread stands still for that long, in the middle of an export it is showing progress for.

    with collector_paused():
        pdf = render_summary(...)

Inside the block no automatic collection runs (objects are still freed by reference counting as
usual); the few thousand objects in reference cycles the block leaves behind are collected by the next
ordinary collection after it, which takes a few milliseconds. Re-entrant and thread-safe: the
collector is enabled again when the last block ends, and only if it was enabled when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_restore = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _restore
    with _lock:
        if _depth == 0:
            _restore = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _restore:
                gc.enable()
