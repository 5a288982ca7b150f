"""Display names of marketplaces, offices, statuses and severities in each interface language.

The names are data (``resources/i18n/display_names.json``); ids stay the stored and printed form, the
display name is only what a person reads. Qt-free: the CLI and the window both use it.
"""

from __future__ import annotations

from desktop_app.core.resources import load_json

LANGUAGES = ("en", "zh_CN")


def display_name(kind: str, key: str, language: str = "en") -> str:
    """The name of ``key`` (e.g. marketplace "aliexpress") in ``language``; the key itself if unknown."""
    names = load_json("i18n", "display_names.json").get(kind, {}).get(str(key))
    if not names:
        return str(key)
    return names.get(language) or names.get("en") or str(key)


def known_keys(kind: str) -> list[str]:
    return list(load_json("i18n", "display_names.json").get(kind, {}))
