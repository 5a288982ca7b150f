"""Where per-user data lives: the platform's standard location unless overridden."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop_app import APP_ID

DATA_DIR_ENV = "EVIDENCE_DESK_DATA_DIR"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``$EVIDENCE_DESK_DATA_DIR``, then the platform default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()
