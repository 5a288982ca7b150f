"""Display names in the interface language (the data and the lookup live in core.display_names)."""

from __future__ import annotations

from desktop_app.core.display_names import display_name


def current_language() -> str:
    from desktop_app.gui.i18n import active_language

    return active_language()


def marketplace_name(key: str) -> str:
    return display_name("marketplace", key, current_language()) if key else ""


def office_name(key: str) -> str:
    return display_name("office", key, current_language()) if key else ""
