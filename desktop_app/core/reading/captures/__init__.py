"""Web captures as listing evidence: MHTML, SingleFile/saved HTML, WARC and WACZ, read exactly.

``read_capture(path)`` returns what the capture records (URL, capture time, title, the page's text
with its structure, pictures); ``capture_document`` turns it into the DocumentText every check reads:
page 1 is the page's own text (source "capture", exact, each line with a locator into the capture),
the following pages are the pictures inside the capture, OCR'd like screenshots, so a mark printed
only on the product is still found. Nothing in a capture is executed or fetched.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from desktop_app.core.messages import said
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.reading.captures.model import (
    MAX_CAPTURE_BYTES,
    MAX_HTML_BYTES,
    MAX_IMAGES,
    MIN_IMAGE_SIDE,
    Capture,
    CaptureError,
    CaptureImage,
)
from desktop_app.core.reading.text import OK, DocumentText, PageText, TextLine

# Bump when what read_capture/capture_document produce for the same bytes changes.
READER_VERSION = "1"

MHTML = "multipart/related"
HTML = "text/html"
WARC = "application/warc"
WACZ = "application/wacz"
MEDIA_TYPES = (MHTML, HTML, WARC, WACZ)
EXTENSIONS = {
    ".mhtml": MHTML,
    ".mht": MHTML,
    ".html": HTML,
    ".htm": HTML,
    ".warc": WARC,
    ".warc.gz": WARC,
    ".wacz": WACZ,
}
FORMAT_NAMES = {
    MHTML: "an MHTML page archive",
    HTML: "an HTML page",
    WARC: "a WARC web archive",
    WACZ: "a WACZ web archive",
}
CAPTURE_SOURCE = "capture"  # TextLine.source / PageText.source of a capture's own text

_MHTML_HEAD = re.compile(rb"(?im)^content-type:\s*multipart/related")
_HTML_HEAD = re.compile(
    rb"(?i)^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<meta[\s>])", re.S
)

__all__ = [
    "Capture",
    "CaptureError",
    "capture_document",
    "extension_of",
    "read_capture",
    "sniff_capture",
]


def extension_of(path: str | Path) -> str:
    """The capture extension of a name (".warc.gz" counts as one), or ""."""
    name = Path(path).name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    suffix = Path(name).suffix
    return suffix if suffix in EXTENSIONS else ""


def sniff_capture(head: bytes) -> str | None:
    """The capture media type the first bytes of a file announce, or None."""
    if head.startswith(b"WARC/"):
        return WARC
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return None
        return WARC if inner.startswith(b"WARC/") else None
    if head.startswith(b"PK\x03\x04"):
        return WACZ  # any ZIP: reading it decides whether it is one (datapackage.json, archive/)
    text = head.lstrip(b"\xef\xbb\xbf")
    if _MHTML_HEAD.search(text.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]):
        return MHTML
    if _HTML_HEAD.match(text):
        return HTML
    return None


def read_capture(path: str | Path, media_type: str | None = None) -> Capture:
    """Read a capture file. Raises CaptureError (one clause, without the file name) for a bad one."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_CAPTURE_BYTES:
        raise CaptureError(
            f"the capture is {size / 1024**3:.1f} GiB; more than 1 GiB is not a listing capture"
        )
    if media_type is None:
        with path.open("rb") as fh:
            media_type = sniff_capture(fh.read(4096))
    if media_type == WACZ:
        from desktop_app.core.reading.captures.wacz import read_wacz

        return read_wacz(path)
    if media_type == WARC:
        from desktop_app.core.reading.captures.warc import read_warcs

        # named "WARC", not by file name: reads are cached by content, whatever the file is called
        return read_warcs([("WARC", lambda: path.open("rb"))])
    if media_type == MHTML:
        from desktop_app.core.reading.captures.mhtml import read_mhtml

        return read_mhtml(path.read_bytes())
    if media_type == HTML:
        return _read_html(path, size)
    raise CaptureError("this is not a web capture Evidence Desk reads (MHTML, HTML, WARC or WACZ)")


def _read_html(path: Path, size: int) -> Capture:
    from desktop_app.core.reading.captures.html_page import decode_html, parse_page

    if size > MAX_HTML_BYTES:
        raise CaptureError(
            f"the HTML page is {size / 1024**2:.0f} MB; more than {MAX_HTML_BYTES // 1024**2} MB "
            "is not a listing page"
        )
    page = parse_page(decode_html(path.read_bytes()), part="")
    cap = Capture("html", main="the HTML file")
    if page.saved_url:
        cap.url, cap.url_source = page.saved_url, page.saved_url_source
    elif page.canonical:
        cap.url = page.canonical
        cap.url_source = "the page's canonical link (what the page says it is, not where it was saved from)"
    cap.captured_at, cap.captured_at_source = page.saved_at, page.saved_at_source
    cap.title, cap.lines, cap.pairs, cap.scripts_ignored = page.title, page.lines, page.pairs, page.scripts
    for im in page.images:
        if im.data is not None:
            cap.images.append(CaptureImage(f"{im.locator} (data: URI)", im.media_type, im.data))
        else:
            cap.images_not_inside += 1
    return cap


def decode_pictures(images: list[CaptureImage]) -> list[tuple[CaptureImage, object]]:
    """The page's pictures worth reading (not icons), decoded safely, at most MAX_IMAGES of them."""
    import io
    import warnings

    from PIL import Image

    from desktop_app.core.reading import ocr

    out: list[tuple[CaptureImage, object]] = []
    for im in images:
        if im.role != "page" or len(out) >= MAX_IMAGES:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with Image.open(io.BytesIO(im.data)) as pil:
                    if pil.width * pil.height > ocr.MAX_PIXELS or min(pil.size) < MIN_IMAGE_SIDE:
                        continue
                    out.append((im, ocr.to_rgb(pil.copy())))
        except Exception:  # noqa: BLE001 - a broken picture inside a capture is skipped, not fatal
            continue
    return out


def capture_document(
    cap: Capture,
    sha256: str,
    *,
    ocr_images: bool = True,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> DocumentText:
    """The capture as DocumentText: page 1 its own text, then one page per picture read by OCR."""
    lines: list[TextLine] = []

    def add(text: str, locator: str) -> None:
        lines.append(
            TextLine(
                text=text,
                page=1,
                box=(0.0, 0.0, 0.0, 0.0),
                confidence=1.0,
                source=CAPTURE_SOURCE,
                locator=locator,
            )
        )

    if cap.url:
        add(cap.url, cap.url_source)
    if cap.title:
        add(cap.title, f"{cap.main} › title")
    for line in cap.lines:
        add(line.text, line.locator)
    doc = DocumentText(sha256, OK, "", [PageText(1, 0.0, 0.0, lines, CAPTURE_SOURCE)])
    doc.meta = {"capture": cap.meta()}
    if not ocr_images:
        return doc
    from desktop_app.core.reading import ocr

    pictures = decode_pictures(cap.images)
    for n, (im, rgb) in enumerate(pictures):
        cancel.raise_if_cancelled()
        progress(n / max(1, len(pictures)), said("progress.capture_picture", n=n + 1, count=len(pictures)))
        page_no = len(doc.pages) + 1
        found = ocr.ocr_image(rgb, page=page_no, cancel=cancel)  # type: ignore[arg-type]
        page_lines = [
            TextLine(ln.text, ln.page, ln.box, ln.confidence, "ocr", locator=f"picture {im.locator}")
            for ln in found
        ]
        doc.pages.append(PageText(page_no, float(rgb.width), float(rgb.height), page_lines, "ocr"))  # type: ignore[attr-defined]
        doc.meta["capture"].setdefault("pictures", []).append({"page": page_no, "locator": im.locator})
    progress(1.0, said("progress.capture_done"))
    return doc
