"""What every panel shares: the GUI thread's store, the task runner, the preferences, optional features."""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.store import Store
from desktop_app.gui.settings import Preferences
from desktop_app.gui.workers import TaskRunner

# Core features other parts of the project provide; a panel whose feature is missing says so.
FEATURES = {
    "checks": "desktop_app.core.checks.engine",
    "reading": "desktop_app.core.reading.service",
    "certificates": "desktop_app.core.reading.certificates",
    "listing_urls": "desktop_app.core.reading.listing_urls",
    "export": "desktop_app.core.package.export",
    "verify": "desktop_app.core.package.verify",
    "signing": "desktop_app.core.package.signing",
    "case_folder": "desktop_app.core.case_folder",
}


def has_feature(name: str) -> bool:
    """True when the core module behind ``name`` is installed (found without importing it)."""
    try:
        return importlib.util.find_spec(FEATURES[name]) is not None
    except ModuleNotFoundError:
        return False


@dataclass
class AppContext:
    store: Store
    runner: TaskRunner
    prefs: Preferences

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    @contextlib.contextmanager
    def worker_store(self) -> Iterator[Store]:
        """A store connection of the worker thread's own (SQLite connections stay on one thread)."""
        store = Store(self.store.data_dir)
        try:
            yield store
        finally:
            store.close()
