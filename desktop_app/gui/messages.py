"""Findings and other core messages rendered in the interface language.

Core findings carry a catalogue key and ``params``; their text in any language comes from the one
catalogue in core (core/messages.py, resources/i18n/messages.*.json). Here it is rendered in the
language the window shows; a finding with no key (an old report) keeps the English message core wrote.
"""

from __future__ import annotations

from typing import Any

from desktop_app.core import messages
from desktop_app.gui.i18n import active_language


def finding_text(finding: Any) -> str:
    """The message of a Finding in the interface language."""
    return messages.finding_text(finding, active_language())


def error_text(exc: BaseException) -> str:
    """A core UserError's sentence in the interface language."""
    return messages.error_text(exc, active_language())


def listing_url_text(ref: Any) -> str:
    """Why a listing address was refused (core.reading.listing_urls.ListingRef) in the interface language."""
    return ref.text(active_language()) if hasattr(ref, "text") else str(getattr(ref, "message", ""))


def progress_text(label: str) -> str:
    """A progress label from core (a ``messages.Said``, or plain text) in the interface language."""
    return messages.text_in(label, active_language())
