"""What is read from a web capture: the page's own URL, capture time, title, text with its structure,
and the images it carries. Plain data; the readers (mhtml, html_page, warc, wacz) fill it in.

Nothing in a capture is ever executed or fetched: the page text comes from parsing the saved HTML,
and an image counts only when its bytes are inside the capture.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import UserError

# Limits that keep a hostile capture from exhausting memory or time. Real captures stay far below them.
MAX_CAPTURE_BYTES = 1024 * 1024 * 1024  # 1 GiB: a WARC/WACZ of a whole crawl is not listing evidence
MAX_HTML_BYTES = 32 * 1024 * 1024  # the main page's HTML
MAX_IMAGE_BYTES = 24 * 1024 * 1024  # one image inside the capture
MAX_IMAGES = 8  # images OCR'd per capture (the page's first pictures, icons skipped)
MIN_IMAGE_SIDE = 120  # smaller pictures are icons, logos and spacers
MAX_LINES = 20_000
MAX_LINE_CHARS = 4_000
MAX_TEXT_CHARS = 2_000_000
MAX_ELEMENTS = 2_000_000  # start tags in the main page
MAX_MHTML_PARTS = 10_000  # a browser's single-file save of a heavy page has a few hundred
MAX_WARC_RECORDS = 200_000
MAX_WARC_DECLARED_BYTES = 4 * 1024 * 1024 * 1024  # sum of the records' declared lengths


class CaptureError(UserError):
    """A capture that cannot be read as listing evidence; ``reason`` is one clause without the file."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class CaptureLine:
    """One block of the page's visible text and where it sits (the part/record and the element path)."""

    text: str
    locator: str


@dataclass(frozen=True)
class CapturePair:
    """A label and its value as the page shows them ("Item ID" -> "1005006123456789")."""

    label: str
    value: str
    locator: str


@dataclass
class CaptureImage:
    locator: str  # "MHTML part 3 (https://…/photo.jpg)", "WARC record <urn:uuid:…> (https://…)"
    media_type: str
    data: bytes = field(repr=False)
    role: str = "page"  # "page": a picture the page shows; "screenshot": the capturing tool's own


@dataclass
class Capture:
    format: str  # "mhtml" | "html" | "warc" | "wacz"
    main: str = ""  # where the main page is: "MHTML root part (…)", "WARC record <…>"
    url: str = ""  # the address the page was captured from; "" when the capture does not say
    url_source: str = ""  # which header/comment says so
    captured_at: str = ""  # ISO 8601 UTC ("2026-11-18T09:30:00Z"); "" when the capture does not say
    captured_at_source: str = ""
    title: str = ""
    lines: list[CaptureLine] = field(default_factory=list)
    pairs: list[CapturePair] = field(default_factory=list)
    images: list[CaptureImage] = field(default_factory=list)
    images_not_inside: int = 0  # pictures the page refers to that the capture does not hold (never fetched)
    scripts_ignored: int = 0
    signature: dict[str, Any] = field(default_factory=dict)  # WACZ: {"status", "detail"}
    notes: list[str] = field(default_factory=list)

    @property
    def screenshot(self) -> CaptureImage | None:
        return next((im for im in self.images if im.role == "screenshot"), None)

    def captured_datetime(self) -> dt.datetime | None:
        return parse_iso(self.captured_at)

    def meta(self) -> dict[str, Any]:
        """Everything but the image bytes, as JSON (kept with the cached read)."""
        return {
            "format": self.format,
            "main": self.main,
            "url": self.url,
            "url_source": self.url_source,
            "captured_at": self.captured_at,
            "captured_at_source": self.captured_at_source,
            "title": self.title,
            "pairs": [[p.label, p.value, p.locator] for p in self.pairs],
            "images": [[im.locator, im.media_type, im.role] for im in self.images],
            "images_not_inside": self.images_not_inside,
            "scripts_ignored": self.scripts_ignored,
            "signature": dict(self.signature),
            "notes": list(self.notes),
        }


def iso_utc(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> dt.datetime | None:
    """An ISO 8601 timestamp (WARC-Date, pages.jsonl ts) as an aware UTC datetime, or None."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)
