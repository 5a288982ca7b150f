"""The application log: one rotating file in the data directory, for the CLI and the window alike.

Errors a user can act on are shown as one sentence; anything unexpected is logged here with its
traceback and the user is pointed to this file, never shown the traceback itself.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from types import TracebackType

LOG_NAME = "evidence-desk.log"
_configured: Path | None = None
_lock = threading.Lock()


def log_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def configure_logging(data_dir: str | Path, level: int = logging.INFO) -> Path | None:
    """Send the ``desktop_app`` loggers (and Python warnings) to the log file; idempotent per process.

    Returns the log file, or None when it cannot be created (a read-only data directory must not stop
    the app: logging then stays off).
    """
    global _configured
    with _lock:
        path = log_path(data_dir)
        if _configured == path:
            return path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=2_000_000, backupCount=3, encoding="utf-8", delay=True
            )
        except OSError:
            return None
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
        )
        root = logging.getLogger("desktop_app")
        for old in [h for h in root.handlers if getattr(h, "_evidence_desk", False)]:
            root.removeHandler(old)
            old.close()
        handler._evidence_desk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(level)
        root.propagate = False  # nothing of ours reaches stderr through the root logger
        _route_third_party(handler)
        _configured = path
        return path


def _route_third_party(handler: logging.Handler | None) -> None:
    """Third-party loggers (pypdf, pyHanko, PIL, fontTools...) propagate to the root logger: give it
    our handler at WARNING (or a NullHandler), so that Python's last-resort handler never prints their
    records, tracebacks included, on stderr."""
    top = logging.getLogger()
    for old in [h for h in top.handlers if getattr(h, "_evidence_desk", False)]:
        top.removeHandler(old)
    if handler is None:
        handler = logging.NullHandler()
        handler._evidence_desk = True  # type: ignore[attr-defined]
    top.addHandler(handler)
    top.setLevel(logging.WARNING)
    logging.captureWarnings(True)  # warnings.warn from libraries: to the log too


def quiet_stderr() -> None:
    """Before (or without) a log file: third-party records go nowhere rather than to stderr."""
    with _lock:
        if not any(getattr(h, "_evidence_desk", False) for h in logging.getLogger().handlers):
            _route_third_party(None)


def configure_worker_logging(log_file: str | None) -> None:
    """In a reader worker process: warnings and errors go to the application's log file (appended,
    never rotated from here), nothing to stderr."""
    handler: logging.Handler | None = None
    if log_file:
        try:
            handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s [worker %(process)d] %(message)s")
            )
            handler._evidence_desk = True  # type: ignore[attr-defined]
        except OSError:
            handler = None
    _route_third_party(handler)
    ours = logging.getLogger("desktop_app")
    ours.propagate = True  # through the root handler above
    ours.setLevel(logging.INFO)


def current_log() -> Path | None:
    """The log file this process writes, once configured."""
    return _configured


def log_unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Log an unexpected exception with its traceback; returns one sentence for the user."""
    logging.getLogger("desktop_app").error("unexpected error", exc_info=(exc_type, exc, tb))
    where = f"; details are in {_configured}" if _configured else ""
    return f"an unexpected error occurred ({exc_type.__name__}: {exc}){where}"


def install_excepthook() -> None:
    """Uncaught exceptions (also in threads) go to the log, not to a traceback on the terminal."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        print(f"evidence-desk: {log_unexpected(exc_type, exc, tb)}", file=sys.stderr)

    sys.excepthook = hook
    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value, args.exc_traceback)  # type: ignore[arg-type]
