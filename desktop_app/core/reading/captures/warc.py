"""WARC (``.warc``, ``.warc.gz``) read with ``warcio``; also the WARCs inside a WACZ.

The main page is the response record for the page a WACZ's ``pages.jsonl`` names, else the first
successful HTML response. Its ``WARC-Target-URI`` is the captured URL and its ``WARC-Date`` the capture
time. Pictures the page shows are taken from image responses of the same archive; a resource record
with an image under a ``urn:screenshot:`` address is the capturing tool's own screenshot.

Every record is read to its end: a record shorter than its declared ``Content-Length`` or failing its
digest makes the archive unreadable (refused), never silently half-read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from desktop_app.core.reading.captures.html_page import decode_html, parse_page
from desktop_app.core.reading.captures.model import (
    MAX_HTML_BYTES,
    MAX_IMAGE_BYTES,
    MAX_IMAGES,
    MAX_WARC_DECLARED_BYTES,
    MAX_WARC_RECORDS,
    Capture,
    CaptureError,
    CaptureImage,
    iso_utc,
    parse_iso,
)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCREENSHOT_PREFIXES = ("urn:screenshot:", "screenshot:", "urn:view:")
Opener = Callable[[], IO[bytes]]


@dataclass
class _Record:
    archive: str  # which WARC (a WACZ holds several)
    number: int  # 1-based position in that WARC
    record_id: str
    rec_type: str
    uri: str
    date: str
    status: str
    media_type: str
    charset: str


def _records(
    open_stream: Opener, archive: str, want: Callable[[_Record], bool]
) -> Iterator[tuple[_Record, bytes]]:
    """Every record as (header facts, payload if ``want`` says so, else b""), checked to be whole."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    declared = 0
    label = "the WARC" if archive == "WARC" else f"the WARC {archive}"
    with open_stream() as fh:
        try:
            iterator = ArchiveIterator(fh, check_digests="raise")
            for n, record in enumerate(iterator, 1):
                if n > MAX_WARC_RECORDS:
                    raise CaptureError(f"{label} has more than {MAX_WARC_RECORDS:,} records")
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                declared += length
                if declared > MAX_WARC_DECLARED_BYTES:
                    raise CaptureError(f"{label}'s records declare more than 4 GiB of content")
                http = record.http_headers
                content_type = (http.get_header("Content-Type") if http else None) or (
                    record.rec_headers.get_header("Content-Type") or ""
                )
                media_type = content_type.split(";", 1)[0].strip().lower()
                charset = ""
                for param in content_type.split(";")[1:]:
                    key, _, value = param.partition("=")
                    if key.strip().lower() == "charset":
                        charset = value.strip().strip("\"'")
                info = _Record(
                    archive,
                    n,
                    (record.rec_headers.get_header("WARC-Record-ID") or "").strip(),
                    record.rec_type or "",
                    (record.rec_headers.get_header("WARC-Target-URI") or "").strip(),
                    (record.rec_headers.get_header("WARC-Date") or "").strip(),
                    (http.get_statuscode() if http else "") or "",
                    media_type,
                    charset,
                )
                payload = b""
                if want(info):
                    limit = MAX_HTML_BYTES if media_type in _HTML_TYPES else MAX_IMAGE_BYTES
                    try:
                        payload = record.content_stream().read(limit + 1)
                    except (OSError, ValueError, EOFError) as exc:
                        raise CaptureError(
                            f"record {n} of {label} cannot be decoded ({type(exc).__name__})"
                        ) from None
                    if len(payload) > limit:
                        payload = b""
                raw = record.raw_stream
                while raw.read(1024 * 1024):
                    pass
                if getattr(raw, "limit", 0) > 0:
                    raise CaptureError(
                        f"record {n} of {label} is shorter than its declared length (truncated, or its "
                        "lengths are false)"
                    )
                yield info, payload
        except ArchiveLoadFailed as exc:
            raise CaptureError(f"{label} is not readable ({str(exc).strip()[:120]})") from None
        except (EOFError, OSError, ValueError) as exc:
            raise CaptureError(f"{label} is corrupt or truncated ({type(exc).__name__})") from None


def _is_page(r: _Record) -> bool:
    return (
        r.rec_type in ("response", "resource")
        and r.media_type in _HTML_TYPES
        and (r.rec_type == "resource" or r.status.startswith("2"))
    )


def _is_image(r: _Record) -> bool:
    return r.rec_type in ("response", "resource") and r.media_type.startswith("image/")


def _is_screenshot(r: _Record) -> bool:
    return _is_image(r) and r.uri.lower().startswith(_SCREENSHOT_PREFIXES)


def _where(r: _Record) -> str:
    rid = f" {r.record_id}" if r.record_id else ""
    return f"{r.archive} record {r.number}{rid}"


def read_warcs(
    archives: list[tuple[str, Opener]], *, page_url: str = "", page_ts: str = "", fmt: str = "warc"
) -> Capture:
    """Read the main page (``page_url`` when given, e.g. from pages.jsonl) and its pictures."""
    main: tuple[_Record, bytes] | None = None
    first: tuple[_Record, bytes] | None = None

    def want_page(r: _Record) -> bool:
        return _is_page(r) and (main is None)

    # Pass 1: find the page (and check every record is whole).
    for name, opener in archives:
        for info, payload in _records(opener, name, want_page):
            if not _is_page(info) or not payload:
                continue
            if page_url and info.uri == page_url and main is None:
                main = (info, payload)
            elif first is None:
                first = (info, payload)
    chosen = main or first
    if chosen is None:
        raise CaptureError("the archive holds no HTML page (no successful HTML response record)")
    info, html_bytes = chosen
    cap = Capture(fmt, main=f"{_where(info)} ({info.rec_type} {info.uri})")
    if page_url and main is None:
        cap.notes.append(
            f"the page named in pages.jsonl ({page_url}) is not in the archive; the first page is read"
        )
    cap.url, cap.url_source = info.uri, f"WARC-Target-URI of {_where(info)}"
    when = parse_iso(info.date) or parse_iso(page_ts)
    if when is not None:
        cap.captured_at = iso_utc(when)
        cap.captured_at_source = (
            f"WARC-Date of {_where(info)}" if parse_iso(info.date) else "ts in pages.jsonl"
        )
    page = parse_page(decode_html(html_bytes, info.charset), part=_where(info), base_url=info.uri)
    cap.title, cap.lines, cap.pairs, cap.scripts_ignored = page.title, page.lines, page.pairs, page.scripts
    wanted = [im.src for im in page.images if im.data is None][: MAX_IMAGES * 4]
    inline = [im for im in page.images if im.data is not None]
    for im in inline:
        cap.images.append(CaptureImage(f"{im.locator} (data: URI)", im.media_type, im.data or b""))
    found: dict[str, CaptureImage] = {}
    screenshots: list[CaptureImage] = []

    def want_image(r: _Record) -> bool:
        return _is_image(r) and (
            (r.uri in wanted and r.uri not in found) or (_is_screenshot(r) and not screenshots)
        )

    # Pass 2: the pictures the page shows, and the tool's own screenshot.
    for name, opener in archives:
        for r, payload in _records(opener, name, want_image):
            if not payload:
                continue
            if _is_screenshot(r) and not screenshots:
                screenshots.append(
                    CaptureImage(f"{_where(r)} ({r.uri})", r.media_type, payload, "screenshot")
                )
            elif r.uri in wanted and r.uri not in found:
                found[r.uri] = CaptureImage(f"{_where(r)} ({r.uri})", r.media_type, payload)
    for src in dict.fromkeys(wanted):
        if src in found:
            cap.images.append(found[src])
        else:
            cap.images_not_inside += 1
    cap.images.extend(screenshots)
    return cap
