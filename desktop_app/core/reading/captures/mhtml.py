"""MHTML (``.mhtml``/``.mht``, Chrome and Edge's "Save page as… Webpage, single file"), read with the
standard library's ``email`` package.

The root part is the HTML part at ``Snapshot-Content-Location`` (Chrome writes it), else the first HTML
part. The capture time is the top-level ``Date`` header; the URL is ``Snapshot-Content-Location`` or
the root part's ``Content-Location``. Images the page shows are taken from the parts, matched by
``Content-Location`` or ``Content-ID``; nothing is fetched.
"""

from __future__ import annotations

import email.utils
from email import errors, policy
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser

from desktop_app.core.reading.captures.html_page import decode_html, parse_page
from desktop_app.core.reading.captures.model import (
    MAX_HTML_BYTES,
    MAX_IMAGE_BYTES,
    MAX_MHTML_PARTS,
    Capture,
    CaptureError,
    CaptureImage,
    iso_utc,
)


def _header_block(data: bytes) -> bytes:
    for sep in (b"\r\n\r\n", b"\n\n"):
        end = data.find(sep, 0, 65536)
        if end >= 0:
            return data[: end + len(sep)]
    return data[:65536]


def count_parts(data: bytes) -> int:
    """How many parts the top-level multipart says it has (its boundary lines), before parsing it."""
    head = BytesHeaderParser(policy=policy.compat32).parsebytes(_header_block(data))
    boundary = head.get_boundary()
    if not boundary:
        raise CaptureError("this is not an MHTML page archive (it has no multipart boundary)")
    return data.count(b"\n--" + boundary.encode("latin-1", "replace"))


def _payload(part: Message, limit: int) -> bytes:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return b""
    return data if len(data) <= limit else b""


def read_mhtml(data: bytes) -> Capture:
    parts_declared = count_parts(data)
    if parts_declared > MAX_MHTML_PARTS:
        raise CaptureError(
            f"the MHTML archive has {parts_declared:,} parts; more than {MAX_MHTML_PARTS:,} is not "
            "a saved web page (possibly hostile)"
        )
    msg = BytesParser(policy=policy.compat32).parsebytes(data)
    if not msg.is_multipart():
        raise CaptureError("this is not an MHTML page archive (it is not a multipart message)")
    if any(isinstance(d, errors.CloseBoundaryNotFoundDefect) for d in msg.defects):
        raise CaptureError("the MHTML archive is truncated (it ends before its closing boundary)")
    parts = [p for p in msg.walk() if not p.is_multipart()]
    if len(parts) > MAX_MHTML_PARTS:
        raise CaptureError(f"the MHTML archive has more than {MAX_MHTML_PARTS:,} parts")
    snapshot = (msg.get("Snapshot-Content-Location") or "").strip()
    htmls = [
        (i, p)
        for i, p in enumerate(parts, 1)
        if p.get_content_type() in ("text/html", "application/xhtml+xml")
    ]
    root = next(
        ((i, p) for i, p in htmls if snapshot and (p.get("Content-Location") or "").strip() == snapshot), None
    )
    root = root or (htmls[0] if htmls else None)
    if root is None:
        raise CaptureError("the MHTML archive holds no HTML page")
    index, part = root
    location = (part.get("Content-Location") or "").strip()
    html_bytes = _payload(part, MAX_HTML_BYTES)
    if not html_bytes:
        raise CaptureError("the MHTML archive's page is empty or too large to read")
    main = f"MHTML part {index} (root page{', ' + location if location else ''})"
    cap = Capture("mhtml", main=main)
    if snapshot:
        cap.url, cap.url_source = snapshot, "MHTML header Snapshot-Content-Location"
    elif location:
        cap.url, cap.url_source = location, f"Content-Location of MHTML part {index}"
    date = msg.get("Date")
    if date:
        try:
            cap.captured_at = iso_utc(email.utils.parsedate_to_datetime(str(date)))
            cap.captured_at_source = "MHTML header Date"
        except (TypeError, ValueError, IndexError, OverflowError):
            cap.notes.append(f"the MHTML Date header ({str(date)[:60]}) is not a date")
    page = parse_page(
        decode_html(html_bytes, part.get_content_charset() or ""),
        part=f"MHTML part {index}",
        base_url=cap.url,
    )
    cap.title = page.title or str(msg.get("Subject") or "").strip()
    cap.lines, cap.pairs, cap.scripts_ignored = page.lines, page.pairs, page.scripts
    by_location: dict[str, tuple[int, Message]] = {}
    for i, p in enumerate(parts, 1):
        if not p.get_content_type().startswith("image/"):
            continue
        loc = (p.get("Content-Location") or "").strip()
        if loc:
            by_location.setdefault(loc, (i, p))
        cid = (p.get("Content-ID") or "").strip().strip("<>")
        if cid:
            by_location.setdefault(f"cid:{cid}", (i, p))
    for im in page.images:
        if im.data is not None:
            cap.images.append(CaptureImage(f"{im.locator} (data: URI)", im.media_type, im.data))
            continue
        hit = by_location.get(im.src)
        if hit is None:
            cap.images_not_inside += 1
            continue
        i, p = hit
        data_bytes = _payload(p, MAX_IMAGE_BYTES)
        if data_bytes:
            cap.images.append(CaptureImage(f"MHTML part {i} ({im.src})", p.get_content_type(), data_bytes))
    return cap
