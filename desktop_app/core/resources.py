"""The one accessor for data shipped in ``resources/``; works from source and in the frozen build."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller unpack/bundle directory
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing application resource: {path}")
    return path


@lru_cache(maxsize=64)
def load_json(*parts: str) -> Any:
    with resource_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def demo_case_dir() -> Path:
    return resource_path("demo_case")


def cjk_font_path() -> Path:
    """A TrueType font covering Latin and CJK, used for rendered PDFs and generated images."""
    return resource_path("fonts", "DroidSansFallbackFull.ttf")
