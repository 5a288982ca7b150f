"""Helpers shared by the command modules: opening the store, resolving a CASE argument."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.core.messages import SOURCE_LANGUAGE, text_in
from desktop_app.core.paths import resolve_data_dir
from desktop_app.core.store import Store


def language(args: argparse.Namespace) -> str:
    """The language --lang (or the locale) chose for what a command prints: "en" or "zh_CN"."""
    return getattr(args, "lang", "en") or "en"


def open_store(args: argparse.Namespace) -> Store:
    return Store(resolve_data_dir(args.data_dir))


def resolve_case(store: Store, ref: str) -> int:
    """CASE is a case id, a case reference, or a case folder (imported first)."""
    path = Path(ref)
    if path.is_dir():
        from desktop_app.core.case_folder import import_case_folder

        return import_case_folder(store, path, warn=print_warning)
    return store.cases.resolve_id(ref)


def print_warning(message: str) -> None:
    """A warning on stderr, in the command's --lang when it is a catalogue message (messages.Said)."""
    print(f"evidence-desk: warning: {text_in(message, progress_language)}", file=sys.stderr)


progress_language = SOURCE_LANGUAGE  # the command's --lang (set once by main)


def stderr_progress(fraction: float, label: str) -> None:
    if sys.stderr.isatty():
        label = text_in(label, progress_language)
        print(f"\r{fraction * 100:5.1f}% {label[:60]:<60}", end="", file=sys.stderr, flush=True)
