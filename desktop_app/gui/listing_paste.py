"""Turns pasted text into preview rows through the core URL parser (the GUI holds no URL rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.errors import UserError
from desktop_app.gui.messages import error_text, listing_url_text

Row = tuple[str, str, str, bool, str]  # url, marketplace, listing id, ok, message


class TooManyUrls(UserError):
    """More addresses were pasted than one complaint can carry."""


def parse_pasted(text: str) -> list[Row]:
    """One row per pasted address, parsed into marketplace and id; raises TooManyUrls over the limit."""
    if not text.strip():
        return []
    from desktop_app.core.reading.listing_urls import parse_listing_url, split_pasted_urls

    try:
        urls = split_pasted_urls(text)
    except UserError as exc:
        raise TooManyUrls(error_text(exc)) from None
    rows: list[Row] = []
    for url in urls:
        ref = parse_listing_url(url)
        message = listing_url_text(ref) if not ref.ok else QCoreApplication.translate("ListingPaste", "OK")
        # an invalid address is kept exactly as typed, so the user can find and fix it
        rows.append((ref.url if ref.ok else url, ref.marketplace, ref.listing_id, ref.ok, message))
    return rows


def url_count_note(total: int, valid: int) -> str:
    text = QCoreApplication.translate(
        "ListingPaste", "%1 of %2 addresses recognised; invalid ones are marked in red."
    )
    return text.replace("%1", str(valid)).replace("%2", str(total))
