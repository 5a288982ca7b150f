"""The visible text of a saved HTML page, block by block, with label -> value pairs and its pictures.

Parsed with the standard library's ``html.parser`` (maintained with CPython, no native code): the page
is never rendered or executed. Script, style, template and hidden elements contribute nothing; a
reader sees what a browser would show, not what a script might write. Each block of text carries an
XPath-like locator (``body/div[2]/h1[1]``) so a finding can say exactly where it was read.

Also reads what capture tools write into the HTML itself: SingleFile's "Page saved with SingleFile"
comment (url, saved date) and the browsers' ``<!-- saved from url=(0042)https://… -->`` mark.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote_to_bytes, urljoin

from desktop_app.core.reading.captures.model import (
    MAX_ELEMENTS,
    MAX_IMAGE_BYTES,
    MAX_LINE_CHARS,
    MAX_LINES,
    MAX_TEXT_CHARS,
    CaptureError,
    CaptureLine,
    CapturePair,
    iso_utc,
)

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen frame".split())
_SKIP = frozenset("script style noscript template head iframe object svg canvas math".split())
_BLOCK = frozenset(
    "address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody "
    "thead tfoot tr td th ul br title option legend label button".split()
)
_HIDDEN_STYLE = re.compile(r"(?i)(?:display\s*:\s*none|visibility\s*:\s*hidden)")
_SINGLEFILE = re.compile(r"(?is)Page saved with SingleFile.*?url:\s*(\S+).*?saved date:\s*([^\n\r]+)")
_SAVED_FROM = re.compile(r"(?i)saved from url=\(\d+\)\s*(\S+)")
_JS_DATE = re.compile(
    r"(?:\w{3}\s+)?(\w{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*(?:GMT|UTC)\s*([+-]\d{4})?"
)
_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_LABEL_MAX = 40
MAX_DEPTH = 256  # element nesting kept for locators; real pages stay below ~60
_LABELLED_TEXT = re.compile(r"^([^:：]{1,%d}?)\s*[:：]\s*(\S.*)$" % _LABEL_MAX)  # noqa: UP031
_HIDING_RULE = re.compile(r"\.([\w-]+)\s*\{[^}]*?(?:display\s*:\s*none|visibility\s*:\s*hidden)")


@dataclass
class PageImage:
    src: str  # as written in the page (resolved against the page's address when relative)
    locator: str
    data: bytes | None = None  # bytes of a data: URI (SingleFile); None when the page only names it
    media_type: str = ""


@dataclass
class ParsedPage:
    title: str = ""
    lines: list[CaptureLine] = field(default_factory=list)
    pairs: list[CapturePair] = field(default_factory=list)
    images: list[PageImage] = field(default_factory=list)
    scripts: int = 0
    canonical: str = ""
    saved_url: str = ""  # from a SingleFile or "saved from url" comment
    saved_url_source: str = ""
    saved_at: str = ""  # ISO UTC, from SingleFile's comment
    saved_at_source: str = ""


@dataclass
class _Frame:
    tag: str
    path: str
    hidden: bool
    counts: dict[str, int] = field(default_factory=dict)


def js_date(text: str) -> str:
    """SingleFile's saved date ("Tue Dec 01 2026 10:12:44 GMT+0100 (…)" or ISO) as ISO UTC, or ""."""
    text = text.strip()
    m = _JS_DATE.search(text)
    if m:
        month = _MONTHS.get(m.group(1).lower()[:3])
        if month:
            offset = m.group(7) or "+0000"
            sign = -1 if offset[0] == "-" else 1
            tz = dt.timezone(sign * dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))
            try:
                value = dt.datetime(
                    int(m.group(3)),
                    month,
                    int(m.group(2)),
                    int(m.group(4)),
                    int(m.group(5)),
                    int(m.group(6)),
                    tzinfo=tz,
                )
            except ValueError:
                return ""
            return iso_utc(value)
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return iso_utc(value)


def decode_data_uri(uri: str) -> tuple[str, bytes] | None:
    """(media type, bytes) of a ``data:`` URI, or None when it is not one or is malformed/too large."""
    if not uri[:5].lower() == "data:" or "," not in uri:
        return None
    head, payload = uri[5:].split(",", 1)
    params = head.split(";")
    media_type = (params[0] or "text/plain").strip().lower()
    if len(payload) > MAX_IMAGE_BYTES * 4 // 3 + 16:
        return None
    try:
        if any(p.strip().lower() == "base64" for p in params[1:]):
            data = base64.b64decode(re.sub(r"\s+", "", payload), validate=False)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
    return media_type, data


class _PageParser(HTMLParser):
    def __init__(self, part: str, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.part = part
        self.base_url = base_url
        self.page = ParsedPage()
        self.stack: list[_Frame] = [_Frame("#document", "", False)]
        self.buffer: list[str] = []
        self.buffer_path = ""
        self.skip_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.elements = 0
        self.chars = 0
        self.row: list[str] | None = None
        self.row_path = ""
        self.cell: list[str] | None = None
        self.pending_label: tuple[str, str] | None = None  # a short "Label:" block awaiting its value
        self.hidden_classes: set[str] = set()  # ".promo{display:none}" in the page's own <style>
        self.in_style = False
        self.deep = 0  # elements opened beyond MAX_DEPTH and not yet closed

    # -- structure ---------------------------------------------------------------------------------
    def _hidden(self, attrs: dict[str, str | None]) -> bool:
        if "hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style") or ""):
            return True
        return bool(self.hidden_classes.intersection((attrs.get("class") or "").split()))

    def _push(self, tag: str, attrs: dict[str, str | None]) -> _Frame:
        parent = self.stack[-1]
        n = parent.counts.get(tag, 0) + 1
        parent.counts[tag] = n
        path = f"{parent.path}/{tag}[{n}]" if parent.path else tag
        frame = _Frame(tag, path, parent.hidden or self._hidden(attrs))
        return frame

    def _display_path(self, path: str) -> str:
        # html/body[1]/... -> body/...: the first two steps say nothing
        return re.sub(r"^html/body\[1\]", "body", path)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise CaptureError(f"the page has more than {MAX_ELEMENTS:,} elements, too many to read safely")
        attrs = {k.lower(): v for k, v in attrs_list}
        if tag == "script":
            self.page.scripts += 1
        if self.skip_depth:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        self.in_style = tag == "style"
        if tag == "title" and not self.page.title and not self.in_title:
            self.in_title = True
            self.title_parts = []
        if tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            self.page.canonical = self._abs(attrs.get("href") or "")
        if tag == "base" and attrs.get("href"):
            self.base_url = self._abs(attrs["href"] or "")
        frame = self._push(tag, attrs)
        if tag == "img" and not frame.hidden:
            self._image(attrs, frame)
        if tag in _BLOCK or tag in ("tr", "td", "th"):
            self._flush()
        if tag == "tr":
            self.row, self.row_path = [], frame.path
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        if tag in _VOID:
            return
        if len(self.stack) > MAX_DEPTH:  # hostile nesting: deeper elements count as text of this one
            if tag in _SKIP and tag != "head":
                self.skip_depth = 1  # its end tag ends the skip; no frame
            else:
                self.deep += 1
            return
        self.stack.append(frame)
        if tag in _SKIP and tag != "head":
            self.skip_depth = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False
        if self.deep and not self.skip_depth and tag not in _VOID:
            self.deep -= 1
            return
        if self.skip_depth:
            if tag in _VOID:
                return
            self.skip_depth -= 1
            if self.skip_depth:
                return
            # leaving the skipped element itself
            if self.stack and self.stack[-1].tag == tag:
                self.stack.pop()
            return
        if tag == "title" and self.in_title:
            self.in_title = False
            self.page.title = _clean(" ".join(self.title_parts))[:MAX_LINE_CHARS]
        if tag in _VOID or not any(f.tag == tag for f in self.stack[1:]):
            return  # a stray end tag
        while self.stack and len(self.stack) > 1:
            frame = self.stack.pop()
            self._close(frame)
            if frame.tag == tag:
                break

    def _close(self, frame: _Frame) -> None:
        if frame.tag == "dt" and self.buffer:
            text = _clean("".join(self.buffer))
            self.buffer, self.buffer_path = [], ""
            if text and len(text) <= _LABEL_MAX + 1:
                self.pending_label = (text.rstrip(":：").strip(), self._loc(frame.path))
                return
            if text:
                self._block(text, self._loc(frame.path))
        if frame.tag in _BLOCK or frame.tag in ("td", "th", "tr"):
            self._flush()
        if frame.tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(_clean(" ".join(self.cell)))
            self.cell = None
        elif frame.tag == "tr" and self.row is not None:
            cells = [c for c in self.row if c]
            locator = self._loc(self.row_path)
            self.row = None
            if len(cells) == 2 and len(cells[0]) <= _LABEL_MAX:
                self._pair(cells[0], cells[1], locator)
            elif cells:
                self._line(" | ".join(cells), locator)

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.hidden_classes.update(_HIDING_RULE.findall(data))
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth or self.stack[-1].hidden or self.stack[-1].tag == "head":
            return
        if not data.strip():
            if self.buffer:
                self.buffer.append(" ")
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        if not self.buffer or not self.buffer_path:
            self.buffer_path = self._block_path()
        self.buffer.append(data)

    def handle_comment(self, data: str) -> None:
        m = _SINGLEFILE.search(data)
        if m and not self.page.saved_url:
            self.page.saved_url = m.group(1).strip()
            self.page.saved_url_source = "SingleFile's 'Page saved with SingleFile' comment (url)"
            self.page.saved_at = js_date(m.group(2))
            if self.page.saved_at:
                self.page.saved_at_source = "SingleFile's 'Page saved with SingleFile' comment (saved date)"
            return
        m = _SAVED_FROM.search(data)
        if m and not self.page.saved_url:
            self.page.saved_url = m.group(1).strip()
            self.page.saved_url_source = "the browser's 'saved from url' comment"

    # -- text --------------------------------------------------------------------------------------
    def _block_path(self) -> str:
        for frame in reversed(self.stack):
            if frame.tag in _BLOCK:
                return frame.path
        return self.stack[-1].path

    def _loc(self, path: str) -> str:
        return f"{self.part} › {self._display_path(path)}" if self.part else self._display_path(path)

    def _flush(self) -> None:
        if not self.buffer:
            return
        text = _clean("".join(self.buffer))
        path = self.buffer_path
        self.buffer, self.buffer_path = [], ""
        if text:
            self._block(text, self._loc(path))

    def _block(self, text: str, locator: str) -> None:
        if self.pending_label is not None:
            label, label_loc = self.pending_label
            self.pending_label = None
            if len(text) <= MAX_LINE_CHARS:
                self._pair(label, text, label_loc)
                return
            self._line(label + ":", label_loc)
        if len(text) <= _LABEL_MAX + 1 and text[-1] in ":：" and len(text) > 1:
            self.pending_label = (text[:-1].strip(), locator)  # "Item ID:" then "1005…" in the next block
            return
        self._line(text, locator)
        m = _LABELLED_TEXT.match(text)
        if m and not re.match(r"(?i)^https?$", m.group(1)):
            self.page.pairs.append(CapturePair(m.group(1).strip(), m.group(2).strip(), locator))

    def _pair(self, label: str, value: str, locator: str) -> None:
        label = label.strip().rstrip(":：").strip()
        self.page.pairs.append(CapturePair(label, value, locator))
        self._line(f"{label}: {value}", locator)

    def _line(self, text: str, locator: str) -> None:
        if len(self.page.lines) >= MAX_LINES or self.chars >= MAX_TEXT_CHARS:
            return
        text = text[:MAX_LINE_CHARS]
        self.chars += len(text)
        self.page.lines.append(CaptureLine(text, locator))

    def finish(self) -> ParsedPage:
        self._flush()
        if self.pending_label is not None:
            label, loc = self.pending_label
            self.pending_label = None
            self._line(label + ":", loc)
        return self.page

    # -- pictures ----------------------------------------------------------------------------------
    def _abs(self, href: str) -> str:
        href = href.strip()
        if not href or href.lower().startswith(("data:", "cid:")):
            return href
        try:
            return urljoin(self.base_url, href) if self.base_url else href
        except ValueError:
            return href

    def _image(self, attrs: dict[str, str | None], frame: _Frame) -> None:
        src = (attrs.get("src") or "").strip()
        if not src:
            return
        locator = self._loc(frame.path)
        decoded = decode_data_uri(src)
        if decoded is not None:
            media_type, data = decoded
            if media_type.startswith("image/"):
                self.page.images.append(PageImage("data: URI", locator, data, media_type))
            return
        self.page.images.append(PageImage(self._abs(src), locator))


def _clean(text: str) -> str:
    return " ".join(text.split())


def parse_page(html: str, *, part: str = "", base_url: str = "") -> ParsedPage:
    """Parse a page's HTML. ``part`` names where it came from (prefixed to every locator)."""
    parser = _PageParser(part, base_url)
    try:
        parser.feed(html)
        parser.close()
    except CaptureError:
        raise
    except (AssertionError, ValueError, RecursionError) as exc:  # html.parser on hostile input
        raise CaptureError(f"the page's HTML cannot be parsed ({type(exc).__name__})") from None
    return parser.finish()


_META_CHARSET = re.compile(rb"""(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)""")


def decode_html(data: bytes, charset: str = "") -> str:
    """HTML bytes as text: BOM, then the declared charset (transport, then <meta>), then UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    candidates = [charset] if charset else []
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for name in [*candidates, "utf-8"]:
        try:
            return data.decode(name.strip().strip("\"'") or "utf-8")
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")
