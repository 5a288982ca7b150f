"""Isolated workers: run a function on a hostile file in another process, with a wall-clock limit and
an address-space limit, so that a reader that hangs or allocates without end costs one file, never the
application.

    pool = default_pool()
    outcome = pool.run(read_task, path, progress=..., cancel=...)        # one file
    outcomes = pool.map(read_task, [(p,) for p in paths], progress=..., cancel=...)  # many, in parallel

Each worker is a long-lived ``spawn``-ed process (safe next to Qt's threads, and what the frozen build
supports; entry points call ``multiprocessing.freeze_support()``) that keeps its imports and its OCR
model between tasks. The process running a task that passes its time limit is killed and replaced; one
that runs out of memory ends its task with MemoryError (``RLIMIT_AS`` is set in the child) or dies,
and either way the task comes back as a failed :class:`Outcome` with one sentence saying why.

Thread-safe: calls from several threads share the workers (each call checks idle workers out, drives
them from its own thread and hands them back). Functions must be importable module-level callables
(they are pickled by name); they receive ``progress`` as a keyword argument when ``with_progress``.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from desktop_app.core.errors import Cancelled, UserError
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress

log = logging.getLogger(__name__)

DEFAULT_SECONDS = 240.0  # one file; pages and frames are capped, so a legitimate file fits easily
DEFAULT_MEMORY = 3 * 1024**3  # address space of one worker (the OCR model alone maps ~1.5 GB)
MAX_WORKERS = 4  # each worker holds an OCR model (~400 MB resident)
STARTUP_SECONDS = 120.0  # a new worker imports Python and our modules before its first task
_POLL = 0.1  # seconds between cancel checks while waiting

TIMEOUT, MEMORY, CRASHED, ERROR = "timeout", "memory", "crashed", "error"


@dataclass(frozen=True)
class Limits:
    seconds: float = DEFAULT_SECONDS
    memory_bytes: int | None = DEFAULT_MEMORY


@dataclass
class Outcome:
    """What one task came to: ``value`` when ``ok``, else ``failure`` (timeout, memory, crashed, error)
    and ``message``, a sentence fragment saying why (e.g. 'reading it took longer than 240 seconds')."""

    ok: bool
    value: Any = None
    failure: str = ""
    message: str = ""


# ---------------------------------------------------------------------------------------------- child


def _set_memory_limit(memory_bytes: int | None) -> None:
    if not memory_bytes:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # Windows has no RLIMIT_AS; the time limit still holds
        log.info("address-space limit not available on this platform")


def _worker_main(conn: Connection, memory_bytes: int | None, threads: int, log_file: str | None) -> None:
    """The worker process: run tasks until the pipe closes."""
    os.environ["OMP_NUM_THREADS"] = str(threads)
    os.environ["EVIDENCE_DESK_OCR_THREADS"] = str(threads)
    _set_memory_limit(memory_bytes)
    from desktop_app.core.app_log import configure_worker_logging

    configure_worker_logging(log_file)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args, with_progress = message
        conn.send(("started",))  # the time limit runs from here, not from the process's start-up

        def progress(fraction: float, label: str) -> None:
            conn.send(("progress", float(fraction), label))  # a messages.Said keeps its key

        try:
            value = fn(*args, progress=progress) if with_progress else fn(*args)
            reply: tuple[Any, ...] = ("done", value)
        except MemoryError:
            reply = ("failed", MEMORY, "")
        except UserError as exc:  # meant for the user: re-raised as is in the caller
            reply = ("raise", exc)
        except BaseException as exc:  # noqa: BLE001 - any failure of the reader is the file's
            reply = ("failed", ERROR, f"{type(exc).__name__}: {exc}"[:300], traceback.format_exc()[-4000:])
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("failed", MEMORY, ""))
        except Exception as exc:  # noqa: BLE001 - an unpicklable result or exception
            conn.send(("failed", ERROR, f"the result could not be returned ({type(exc).__name__})"))


# --------------------------------------------------------------------------------------------- parent


class _Worker:
    def __init__(self, ctx: Any, limits: Limits, threads: int) -> None:
        from desktop_app.core.app_log import current_log

        log_file = str(current_log()) if current_log() else None
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(
            target=_worker_main,
            args=(child, limits.memory_bytes, threads, log_file),
            daemon=True,
            name="reader",
        )
        self.process.start()
        child.close()

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.process.join(2)
        except OSError:
            pass
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


@dataclass
class _Running:
    index: int
    worker: _Worker
    deadline: float


def default_workers() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


class IsolatedPool:
    """A pool of limited worker processes; see the module docstring."""

    def __init__(self, workers: int | None = None, limits: Limits = Limits()) -> None:
        self.size = workers or default_workers()
        self.limits = limits
        self.threads = max(1, (os.cpu_count() or 1) // self.size)  # OCR threads per worker: no fighting
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._count = 0  # workers alive (idle or checked out)
        self._cond = threading.Condition()
        self._closed = False

    # -- checking workers out and in
    def _checkout(self, want: int, cancel: CancelToken, *, block: bool = True) -> list[_Worker]:
        """Up to ``want`` workers: idle ones first, then new ones while under ``size``. Blocks until at
        least one is free unless ``block`` is False (then it may return none)."""
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the worker pool is closed")
                got = [self._idle.pop() for _ in range(min(want, len(self._idle)))]
                spawn = max(0, min(want - len(got), self.size - self._count))
                self._count += spawn
                if got or spawn or not block:
                    break
                cancel.raise_if_cancelled()
                self._cond.wait(_POLL)
        spawned = 0
        try:
            for _ in range(spawn):
                got.append(_Worker(self._ctx, self.limits, self.threads))
                spawned += 1
        except BaseException:
            with self._cond:
                self._count -= spawn - spawned
            for worker in got:
                self._checkin(worker)
            raise
        return got

    def _checkin(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed or not worker.process.is_alive():
                self._count -= 1
                dead = True
            else:
                self._idle.append(worker)
                dead = False
            self._cond.notify()
        if dead:
            worker.kill()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._cond:
            self._count -= 1
            self._cond.notify()

    # -- running
    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        with_progress: bool = False,
        progress: ProgressFn = no_progress,
        cancel: CancelToken = NEVER_CANCELLED,
        limits: Limits | None = None,
    ) -> Outcome:
        """Run ``fn(*args)`` in a worker; Cancelled and UserError raised by ``fn`` propagate."""
        return self.map(
            fn, [args], with_progress=with_progress, progress=progress, cancel=cancel, limits=limits
        )[0]

    def map(
        self,
        fn: Callable[..., Any],
        items: Sequence[tuple[Any, ...]],
        *,
        with_progress: bool = False,
        progress: ProgressFn = no_progress,
        cancel: CancelToken = NEVER_CANCELLED,
        limits: Limits | None = None,
        on_result: Callable[[int, Outcome], None] | None = None,
    ) -> list[Outcome]:
        """Run ``fn(*item)`` for every item on up to ``size`` workers; outcomes in the items' order.

        ``progress`` receives the overall fraction (finished tasks plus the running ones' own progress);
        ``on_result(index, outcome)`` is called (in this thread) as each task finishes. When ``cancel``
        is set, running tasks are killed and Cancelled is raised.
        """
        limits = limits or self.limits
        outcomes: list[Outcome | None] = [None] * len(items)
        if not items:
            return []
        pending = list(range(len(items)))
        pending.reverse()
        running: dict[Connection, _Running] = {}
        fractions: dict[int, float] = {}
        done = 0
        workers: list[_Worker] = []
        label = ""

        def report() -> None:
            share = (done + sum(fractions.values())) / len(items)
            progress(min(1.0, share), label)

        def finish(index: int, outcome: Outcome) -> None:
            nonlocal done
            outcomes[index] = outcome
            fractions.pop(index, None)
            done += 1
            if on_result is not None:
                on_result(index, outcome)
            report()

        try:
            while pending or running:
                if pending and not workers:  # take workers other callers have handed back meanwhile
                    workers = self._checkout(min(len(pending), self.size), cancel, block=not running)
                while pending and workers:
                    worker = workers.pop()
                    index = pending.pop()
                    try:
                        worker.conn.send((fn, items[index], with_progress))
                    except (OSError, ValueError):  # a worker that died while idle
                        self._discard(worker)
                        pending.append(index)
                        continue
                    deadline = time.monotonic() + STARTUP_SECONDS + limits.seconds
                    running[worker.conn] = _Running(index, worker, deadline)
                if cancel.cancelled:
                    raise Cancelled()
                now = time.monotonic()
                timeout = min([_POLL] + [max(0.0, r.deadline - now) for r in running.values()])
                sentinels = {r.worker.process.sentinel: conn for conn, r in running.items()}
                ready = wait(list(running) + list(sentinels), timeout)
                for obj in ready:
                    conn = sentinels.get(obj, obj)  # type: ignore[call-overload]
                    state = running.get(conn)
                    if state is None:
                        continue
                    message = None
                    try:
                        if conn.poll():
                            message = conn.recv()
                    except (EOFError, OSError):
                        message = None
                    if message is None:
                        if state.worker.process.is_alive() and obj is conn:
                            continue
                        del running[conn]
                        code = state.worker.process.exitcode
                        self._discard(state.worker)
                        finish(state.index, _crashed(code, limits))
                        continue
                    kind = message[0]
                    if kind == "started":
                        state.deadline = time.monotonic() + limits.seconds
                        continue
                    if kind == "progress":
                        fractions[state.index] = max(0.0, min(1.0, message[1]))
                        label = message[2]
                        report()
                        continue
                    del running[conn]
                    workers.append(state.worker)
                    if kind == "done":
                        finish(state.index, Outcome(True, message[1]))
                    elif kind == "raise":
                        raise message[1]
                    else:
                        if len(message) > 3:
                            log.info("isolated task failed: %s\n%s", message[2], message[3])
                        finish(state.index, _failed(message[1], message[2], limits))
                now = time.monotonic()
                for conn, state in list(running.items()):
                    if now >= state.deadline:
                        del running[conn]
                        self._discard(state.worker)
                        finish(
                            state.index,
                            Outcome(
                                False,
                                failure=TIMEOUT,
                                message=f"reading it took longer than {limits.seconds:g} seconds",
                            ),
                        )
        except BaseException:
            for state in running.values():  # interrupted mid-task: those workers are in an unknown state
                self._discard(state.worker)
            running.clear()
            raise
        finally:
            for state in running.values():
                self._discard(state.worker)
            for worker in workers:
                self._checkin(worker)
        return [o if o is not None else Outcome(False, failure=ERROR, message="not run") for o in outcomes]

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            self._cond.notify_all()
        for worker in idle:
            worker.stop()


def _crashed(exitcode: int | None, limits: Limits) -> Outcome:
    if exitcode is not None and exitcode < 0 and -exitcode == 9:
        # SIGKILL from outside: most often the system's out-of-memory killer
        return Outcome(
            False, failure=MEMORY, message="reading it needed more memory than the system could give"
        )
    return Outcome(
        False, failure=CRASHED, message=f"the reader stopped unexpectedly (exit status {exitcode})"
    )


def _failed(failure: str, detail: str, limits: Limits) -> Outcome:
    if failure == MEMORY:
        limit = f" ({limits.memory_bytes / 1024**3:g} GB)" if limits.memory_bytes else ""
        return Outcome(False, failure=MEMORY, message=f"reading it needed more memory than allowed{limit}")
    return Outcome(False, failure=failure, message=f"the reader failed ({detail})")


_DEFAULT: IsolatedPool | None = None
_DEFAULT_LOCK = threading.Lock()


def default_pool() -> IsolatedPool:
    """The application's pool, created on first use and closed at exit."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = IsolatedPool()
            atexit.register(_DEFAULT.close)
        return _DEFAULT


def set_default_pool(pool: IsolatedPool | None) -> IsolatedPool | None:
    """Swap the application's pool (tests, or a GUI setting); returns the previous one."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        previous, _DEFAULT = _DEFAULT, pool
        return previous
