"""Background work: core functions run on an app-owned QThreadPool and report back through signals.

A task wraps ``fn(progress, cancel) -> result``. The GUI thread never waits on it: progress, the result,
a one-sentence error or the cancellation arrive as queued signals. Progress is throttled so a chatty
core function cannot flood the event loop.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal

from desktop_app.core.app_log import current_log
from desktop_app.core.errors import Cancelled, UserError, no_room_sentence
from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.gui.messages import error_text, progress_text

log = logging.getLogger(__name__)

TaskFn = Callable[[ProgressFn, CancelToken], Any]
_PROGRESS_INTERVAL_S = 0.05


class TaskSignals(QObject):
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str)  # one sentence for the user
    cancelled = Signal()
    finished = Signal()  # always, after exactly one of the three above
    closed = Signal()  # internal: after ``finished``, so its receivers have run when the runner reaps


class Task(QRunnable):
    """One unit of background work with its own cancel token."""

    def __init__(self, fn: TaskFn, name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the pool's Python side keeps it until ``finished``
        self.fn = fn
        self.name = name or getattr(fn, "__name__", "task")
        self.signals = TaskSignals()
        self.cancel_token = CancelToken()
        self.done = False  # set on the worker thread when run() ends
        self.reaped = False  # set on the GUI thread once every signal of this task was delivered
        self._last_emit = 0.0

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.cancel_token.cancelled

    def _progress(self, fraction: float, label: str) -> None:
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last_emit >= _PROGRESS_INTERVAL_S:
            self._last_emit = now
            self.signals.progress.emit(float(min(max(fraction, 0.0), 1.0)), progress_text(label))

    def run(self) -> None:
        try:
            result = self.fn(self._progress, self.cancel_token)
        except Cancelled:
            self.signals.cancelled.emit()
        except UserError as exc:
            self.signals.failed.emit(error_text(exc))
        except Exception as exc:  # a full disk is one sentence; anything else is a bug: logged, one sentence
            room = no_room_sentence(exc)
            if room is not None:
                log.warning("background task %s: %s (%s)", self.name, room, exc)
                self.signals.failed.emit(room)
            else:
                log.exception("background task %s failed", self.name)
                self.signals.failed.emit(
                    f"{self.name} failed unexpectedly ({type(exc).__name__}: {exc}); details are in "
                    f"{current_log() or 'the log'}"
                )
        else:
            if self.cancel_token.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        finally:
            self.done = True
            self.signals.finished.emit()
            self.signals.closed.emit()


class _Relay(QObject):
    """A receiver owned by a widget: when the widget goes, the connection goes with it."""

    def __init__(self, owner: QObject, fn: Callable[..., Any]) -> None:
        super().__init__(owner)
        self.fn: Callable[..., Any] | None = fn
        self.spent = False

    def call(self, *args: Any) -> None:
        if self.fn is not None:
            self.fn(*args)

    def finish(self) -> None:
        self.fn, self.spent = None, True  # the task delivered its last signal


def bind(task: Task, signal: str, owner: QObject, fn: Callable[..., Any]) -> None:
    """Connect ``task.signals.<signal>`` to a plain callable on behalf of ``owner``.

    A lambda has no QObject to die with, so a late result could reach a deleted widget; the relay,
    a child of ``owner``, is disconnected automatically when ``owner`` is destroyed. Relays of
    finished tasks are swept here, from ordinary GUI code, never from inside a task's own signal.
    """
    for old in owner.findChildren(_Relay, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if old.spent:
            old.setParent(None)
            old.deleteLater()
    relay = _Relay(owner, fn)
    getattr(task.signals, signal).connect(relay.call)
    task.signals.closed.connect(relay.finish)


class TaskRunner(QObject):
    """Owns the thread pool and the tasks in flight; the window cancels them all when it closes."""

    active_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        # Long checks must not hold up short work (rendering a page, adding a file): a few more threads
        # than cores; the CPU-heavy OCR is mostly native code running outside the GIL.
        self.pool.setMaxThreadCount(max_threads or max(4, QThreadPool.globalInstance().maxThreadCount()))
        self._tasks: list[Task] = []
        self._pending: list[Task] = []
        self._reaped: list[Task] = []
        self.closed = False

    def start(self, fn: TaskFn, name: str = "") -> Task:
        """Queue ``fn``; it starts on the next turn of the event loop, so the caller can connect first."""
        task = Task(fn, name)
        if self.closed:  # the window is closing: the task only reports that it was cancelled
            task.cancel()
        self._tasks.append(task)
        self._pending.append(task)
        key = id(task)  # no strong reference in the relay: the runner alone decides when a task goes
        bind(task, "closed", self, lambda: self._reap(key))
        QTimer.singleShot(0, self, self._launch)
        self.active_changed.emit(len(self._tasks))
        return task

    def _launch(self) -> None:
        pending, self._pending = self._pending, []
        for task in pending:
            self.pool.start(task)

    def _reap(self, key: int) -> None:
        for task in self._tasks:
            if id(task) == key:
                task.reaped = True
                self._reaped.append(task)  # dropped on a later turn, never inside its own signal
        self._tasks = [t for t in self._tasks if not t.reaped]
        QTimer.singleShot(0, self, self._reaped.clear)
        self.active_changed.emit(len(self._tasks))

    @property
    def active(self) -> list[Task]:
        return [t for t in self._tasks if not t.done]

    @property
    def idle(self) -> bool:
        """No task running or with signals still on their way to the GUI thread."""
        return not self._tasks

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel everything and wait for the workers to stop; True when all stopped in time."""
        self.closed = True
        self.cancel_all()
        self._launch()  # queued tasks run at once, see their cancel token and end
        return self.pool.waitForDone(timeout_ms)
