"""Fixtures for driving the real widgets: a main window on a real store, with its own settings file."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def prefs(tmp_path: Path):
    from desktop_app.gui.settings import Preferences, open_settings

    p = Preferences(open_settings(str(tmp_path / "settings.ini")))
    p.first_launch_done = True
    return p


@pytest.fixture
def window(qtbot, store, prefs):
    from desktop_app.gui.i18n import LanguageSwitcher
    from desktop_app.gui.main_window import MainWindow

    languages = LanguageSwitcher()
    win = MainWindow(store, prefs, languages)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()  # saves pending edits, cancels background work and waits for it to stop
    win.runner.shutdown()
    languages.apply("en")


def wait_task(qtbot, task, timeout: int = 60000) -> None:
    """Wait until a background task has ended and all its signals reached the GUI thread."""
    assert task is not None
    qtbot.waitUntil(lambda: task.reaped, timeout=timeout)
