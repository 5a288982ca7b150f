"""Turns pasted text into preview rows through the core URL parser (the GUI holds no URL rules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.gui.context import has_feature

Row = tuple[str, str, str, bool, str]  # url, marketplace, listing id, ok, message


def parse_pasted(text: str) -> list[Row]:
    if not text.strip():
        return []
    if not has_feature("listing_urls"):
        note = QCoreApplication.translate("ListingPaste", "URL parser not installed in this build")
        return [(line.strip(), "", "", False, note) for line in text.splitlines() if line.strip()]
    from desktop_app.core.reading.listing_urls import parse_listing_url, split_pasted_urls

    rows: list[Row] = []
    for url in split_pasted_urls(text):
        ref = parse_listing_url(url)
        ok = bool(ref.marketplace and ref.listing_id) and ref.status in ("ok", "valid", "")
        rows.append((ref.url or url, ref.marketplace or "", ref.listing_id or "", ok,
                     ref.message or (QCoreApplication.translate("ListingPaste", "OK") if ok else "")))
    return rows


def url_count_note(total: int, valid: int) -> str:
    t = QCoreApplication.translate
    note = t("ListingPaste", "%1 of %2 URLs recognised.").replace("%1", str(valid)).replace("%2", str(total))
    limit = _complaint_limit()
    if limit and valid > limit:
        note += " " + t("ListingPaste", "Alibaba IPP accepts up to %1 listings per complaint; split the case.") \
            .replace("%1", str(limit))
    return note


def _complaint_limit() -> int:
    """The per-complaint URL limit from the marketplace rules in core, if present."""
    try:
        from desktop_app.core import marketplaces
    except ImportError:
        return 300
    return int(getattr(marketplaces, "MAX_URLS_PER_COMPLAINT", 300))
