"""Text with positions from PDFs: the text layer through pypdf, OCR for pages without a usable one.

Boxes are in PDF points with a top-left origin on the page as displayed (CropBox, /Rotate applied).
Scanned pages are OCR'd from their embedded full-page image when there is one (no resampling), or
from a pypdfium2 rendering otherwise. Bad files never raise: they come back with a status.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import threading
import time
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.errors import Cancelled
from desktop_app.core.messages import said
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, SubProgress, no_progress
from desktop_app.core.reading import ocr
from desktop_app.core.reading.text import (
    NO_TEXT,
    OK,
    PASSWORD_PROTECTED,
    UNREADABLE,
    DocumentText,
    PageText,
    TextLine,
    turn_box,
)

log = logging.getLogger(__name__)

MIN_GOOD_CHARS = 12  # fewer legible characters than this and the page is treated as a scan
MIN_GOOD_RATIO = 0.75  # share of legible characters below which a text layer is considered garbage
STAMP_CHARS = 160  # a text layer this small over a full-page scan is a stamp, not the document
FULL_PAGE = 0.85  # an image covering this share of the page is "the page"
RENDER_MAX_PX = 2000  # longest side of a rendered page (RapidOCR's own working limit)
RENDER_MAX_DPI = 300
# A scanned page costs a render and an OCR pass (seconds); a text page a content-stream parse. Past
# these, pages are not read and the document says which (meta "not_read"): never silently fine.
MAX_OCR_PAGES = 10
OCR_SECONDS = 45.0  # and no new page is OCR'd once a document's OCR has taken this long
MAX_PAGES = 300
_clock = time.monotonic
_PDFIUM_LOCK = threading.Lock()  # pdfium is not thread-safe


@dataclass
class _Chunk:
    """A run of text. ``along``/``across`` are its origin in its own writing direction (user space,
    ``across`` growing downwards), so lines group correctly on rotated pages and rotated text."""

    text: str
    along: float
    across: float
    direction: int  # writing direction in whole degrees
    size: float  # font size in points, as displayed
    width: float
    box: tuple[float, float, float, float]  # displayed page, top-left origin


@dataclass
class _PageScan:
    chunks: list[_Chunk] = field(default_factory=list)
    images: list[tuple[str, tuple[float, float, float, float], tuple[float, ...]]] = field(
        default_factory=list
    )


class _Geometry:
    """Maps PDF user space to the displayed page: CropBox origin, /Rotate, top-left origin."""

    def __init__(self, page: Any) -> None:
        box = page.cropbox
        self.x0, self.y0 = float(box.left), float(box.bottom)
        self.w, self.h = float(box.width), float(box.height)
        rotate = page.get("/Rotate", 0)
        try:
            self.rotate = int(rotate) % 360
        except (TypeError, ValueError):
            self.rotate = 0
        if self.rotate not in (0, 90, 180, 270):
            self.rotate = 0
        self.width, self.height = (self.h, self.w) if self.rotate in (90, 270) else (self.w, self.h)

    def map(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.x0, y - self.y0
        if self.rotate == 90:
            return y, x
        if self.rotate == 180:
            return self.w - x, y
        if self.rotate == 270:
            return self.h - y, self.w - x
        return x, self.h - y

    def bbox(self, points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
        mapped = [self.map(x, y) for x, y in points]
        xs, ys = [p[0] for p in mapped], [p[1] for p in mapped]
        return (max(0.0, min(xs)), max(0.0, min(ys)), min(self.width, max(xs)), min(self.height, max(ys)))


def _mult(m: list[float] | tuple[float, ...], n: list[float] | tuple[float, ...]) -> tuple[float, ...]:
    a, b, c, d, e, f = (float(v) for v in m)
    g, h, i, j, k, l_ = (float(v) for v in n)
    return (a * g + b * i, a * h + b * j, c * g + d * i, c * h + d * j, e * g + f * i + k, e * h + f * j + l_)


class _Widths:
    """Glyph advance widths (per 1000 em) by Unicode character, from the PDF font dictionary."""

    def __init__(self) -> None:
        self._cache: dict[int, dict[str, float]] = {}

    def width(self, font_dict: Any, text: str) -> float:
        table = self._table(font_dict) if font_dict is not None else {}
        default = table.get("default", 0.0)
        total = 0.0
        for ch in text:
            w = table.get(ch)
            if w is None or w <= 0:
                w = default or (1000.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 556.0)
            total += w
        return total / 1000.0

    def _table(self, font_dict: Any) -> dict[str, float]:
        key = id(font_dict)
        if key not in self._cache:
            self._cache[key] = _font_table(font_dict)
        return self._cache[key]


def _font_table(font_dict: Any) -> dict[str, float]:
    try:
        try:
            from pypdf.generic._font import Font  # pypdf >= 6
        except ImportError:
            from pypdf._font import Font  # type: ignore[no-redef]  # pypdf 5
        font = Font.from_font_resource(font_dict)
    except Exception:  # noqa: BLE001 - odd fonts: fall back to estimated widths
        return {}
    table: dict[str, float] = {}
    widths = font.character_widths
    for code, uni in (font.character_map or {}).items():
        if isinstance(uni, str) and len(uni) == 1 and isinstance(code, str) and code in widths:
            table.setdefault(uni, float(widths[code]))
    for code, w in widths.items():
        if code != "default":
            table.setdefault(code, float(w))
    table["default"] = float(widths.get("default", 0) or 0)
    return table


def _scan_page(page: Any, geo: _Geometry) -> _PageScan:
    """One pass over the content stream: text chunks with positions, and where images are painted."""
    scan = _PageScan()
    widths = _Widths()

    def on_text(text: str, cm: Any, tm: Any, font_dict: Any, font_size: float) -> None:
        if not text or not text.strip():
            return
        m = _mult(tm, cm)
        sx, sy = math.hypot(m[0], m[1]), math.hypot(m[2], m[3])
        size = float(font_size or 0) * (sy or 1.0)
        if size <= 0:
            size = 10.0
        dx, dy = (m[0] / sx, m[1] / sx) if sx else (1.0, 0.0)
        px, py = -dy, dx  # "up" in user space
        for n, part in enumerate(text.split("\n")):
            if not part.strip():
                continue
            ox, oy = m[4] - px * n * size * 1.2, m[5] - py * n * size * 1.2
            adv = widths.width(font_dict, part) * float(font_size or 0) * (sx or 1.0)
            corners = [
                (ox + px * size * -0.22, oy + py * size * -0.22),
                (ox + px * size * 0.92, oy + py * size * 0.92),
            ]
            corners += [(x + dx * adv, y + dy * adv) for x, y in corners]
            along, across = ox * dx + oy * dy, -(ox * px + oy * py)
            direction = round(math.degrees(math.atan2(dy, dx))) % 360
            scan.chunks.append(_Chunk(part, along, across, direction, size, adv, geo.bbox(corners)))

    def on_op(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op == b"Do" and args:
            corners = [_apply(cm, 0, 0), _apply(cm, 1, 0), _apply(cm, 0, 1), _apply(cm, 1, 1)]
            scan.images.append((str(args[0]), geo.bbox(corners), tuple(float(v) for v in cm)))

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_op)
    return scan


def _apply(cm: Any, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = (float(v) for v in cm)
    return a * x + c * y + e, b * x + d * y + f


_PAINTING = {
    b"Tj",
    b"TJ",
    b"'",
    b'"',
    b"S",
    b"s",
    b"f",
    b"F",
    b"f*",
    b"B",
    b"B*",
    b"b",
    b"b*",
    b"sh",
    b"Do",
    b"INLINE IMAGE",
    b"BI",
}


def _has_content(page: Any) -> bool:
    """False for a page whose content stream paints nothing: nothing to render, nothing to OCR."""
    try:
        contents = page.get_contents()
        if contents is None:
            return False
        return any(op in _PAINTING for _args, op in contents.operations)
    except Exception:  # noqa: BLE001 - unparsable content: let the renderer decide
        return True


def _legible(text: str) -> tuple[int, int]:
    """(legible, total) non-space characters: private-use, replacement and control chars are not legible."""
    good = total = 0
    for ch in text:
        if ch.isspace():
            continue
        total += 1
        cat = unicodedata.category(ch)
        if ch != "\ufffd" and cat not in ("Co", "Cc", "Cn", "Cs"):
            good += 1
    return good, total


def _group_lines(chunks: list[_Chunk], page_no: int) -> list[TextLine]:
    """Chunks on one baseline and close together form a line; a wide gap (columns) starts a new one.
    Lines come out in reading order: by row, then left to right, in the text's own direction."""
    lines: list[list[_Chunk]] = []
    for ch in sorted(chunks, key=lambda c: (c.direction, round(c.across, 1), c.along)):
        for line in reversed(lines[-6:]):
            last = line[-1]
            same_row = last.direction == ch.direction and abs(last.across - ch.across) < 0.35 * min(
                last.size, ch.size
            )
            gap = ch.along - (last.along + last.width)
            if same_row and -0.5 * ch.size < gap < 2.0 * max(last.size, ch.size):
                line.append(ch)
                break
        else:
            lines.append([ch])
    rows: list[list[list[_Chunk]]] = []
    for line in sorted(lines, key=lambda ln: (ln[0].direction, ln[0].across)):
        head = line[0]
        if (
            rows
            and rows[-1][0][0].direction == head.direction
            and abs(rows[-1][0][0].across - head.across) < 0.5 * head.size
        ):
            rows[-1].append(line)
        else:
            rows.append([line])
    out: list[TextLine] = []
    for row in rows:
        for line in sorted(row, key=lambda ln: min(c.along for c in ln)):
            out.append(_line(sorted(line, key=lambda c: c.along), page_no))
    return out


class _Glyphs:
    """Every character pdfium places on a text page, with its box on the displayed page, so that a text
    line knows where each of its characters stands (exact, kerning and spacing included) instead of an
    estimate from string length. The document is opened once, lazily, and closed by ``close``."""

    def __init__(self, path: Path, password: str | None) -> None:
        self.path, self.password = path, password
        self._pdf: Any = None
        self.failed = False

    def close(self) -> None:
        if self._pdf is not None:
            with _PDFIUM_LOCK:
                self._pdf.close()
            self._pdf = None

    def page(self, index: int, geo: _Geometry) -> list[tuple[str, float, float, float, float]]:
        """(char, x0, y0, x1, y1) of the page's characters in reading order, displayed-page points."""
        if self.failed:
            return []
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        out: list[tuple[str, float, float, float, float]] = []
        with _PDFIUM_LOCK:
            try:
                if self._pdf is None:
                    self._pdf = pdfium.PdfDocument(str(self.path), password=self.password)
                page = self._pdf[index]
                try:
                    text = page.get_textpage()
                    try:
                        for i in range(min(text.count_chars(), MAX_GLYPHS)):
                            code = raw.FPDFText_GetUnicode(text.raw, i)
                            if not code or code in (0xFFFE, 0xFFFF) or 0xD800 <= code < 0xE000:
                                continue
                            ch = chr(code)
                            if ch.isspace():
                                continue
                            left, bottom, right, top = text.get_charbox(i, loose=True)
                            if right <= left:
                                continue
                            x0, y0, x1, y1 = geo.bbox([(left, bottom), (right, top)])
                            out.append((ch, x0, y0, x1, y1))
                    finally:
                        text.close()
                finally:
                    page.close()
            except Exception:  # noqa: BLE001 - positions are a refinement: without them, estimates
                log.info("character boxes of %s unavailable", self.path, exc_info=True)
                self.failed = True
                return []
        return out


MAX_GLYPHS = 60_000  # characters measured per page (a dense page has a few thousand)


def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def with_char_positions(
    lines: list[TextLine], glyphs: list[tuple[str, float, float, float, float]]
) -> list[TextLine]:
    """Lines whose characters were all found among ``glyphs`` (in order, inside the line's box, left to
    right) get their exact character boundaries; the others are returned unchanged."""
    import bisect
    import dataclasses

    if not glyphs:
        return lines
    by_y = sorted(glyphs, key=lambda g: (g[2] + g[4]) / 2)
    centres = [(g[2] + g[4]) / 2 for g in by_y]
    out: list[TextLine] = []
    for line in lines:
        x0, y0, x1, y1 = line.box
        solid = [i for i, ch in enumerate(line.text) if not ch.isspace()]
        if line.char_pos or not solid or x1 - x0 <= y1 - y0 or line.source != "text":
            out.append(line)  # vertical or rotated text, OCR lines: not measured here
            continue
        lo, hi = bisect.bisect_left(centres, y0), bisect.bisect_right(centres, y1)
        slack = 0.5 * (y1 - y0)
        inside = sorted(
            (g for g in by_y[lo:hi] if x0 - slack <= (g[1] + g[3]) / 2 <= x1 + slack), key=lambda g: g[1]
        )
        boxes: dict[int, tuple[float, float]] = {}
        k = 0
        for i in solid:
            want = _fold(line.text[i])
            while k < len(inside) and _fold(inside[k][0]) != want and k - len(boxes) < 3:
                k += 1
            if k >= len(inside) or _fold(inside[k][0]) != want:
                break
            boxes[i] = (inside[k][1], inside[k][3])
            k += 1
        if len(boxes) != len(solid):
            out.append(line)
            continue
        out.append(dataclasses.replace(line, char_pos=_boundaries(line.text, boxes, x0, x1)))
    return out


def _boundaries(text: str, boxes: dict[int, tuple[float, float]], x0: float, x1: float) -> tuple[float, ...]:
    """Where each character starts, as fractions of [x0, x1]: a word's first letter starts at its own
    left edge, its last ends at its own right edge; inside a word, midway between neighbours."""
    n = len(text)
    width = x1 - x0
    bounds = [x0] * (n + 1)
    for j in range(n + 1):
        before, here = boxes.get(j - 1), boxes.get(j)
        if here is not None:
            bounds[j] = (before[1] + here[0]) / 2 if before is not None else here[0]
        elif before is not None:  # a space (or the end) right after a letter: the letter's own right edge
            bounds[j] = before[1]
        elif j > 0:
            bounds[j] = bounds[j - 1]
    fractions = [min(1.0, max(0.0, (b - x0) / width)) for b in bounds]
    for j in range(1, n + 1):
        fractions[j] = max(fractions[j], fractions[j - 1])
    return tuple(fractions)


def _line(chunks: list[_Chunk], page_no: int) -> TextLine:
    text = chunks[0].text
    for prev, cur in zip(chunks, chunks[1:], strict=False):
        gap = cur.along - (prev.along + prev.width)
        spaced = prev.text.endswith(" ") or cur.text.startswith(" ")
        text += (" " if gap > 0.15 * cur.size and not spaced else "") + cur.text
    text = " ".join(text.split()) if not any("\u3000" <= c <= "\u9fff" for c in text) else text.strip()
    box = (
        min(c.box[0] for c in chunks),
        min(c.box[1] for c in chunks),
        max(c.box[2] for c in chunks),
        max(c.box[3] for c in chunks),
    )
    return TextLine(text=text, page=page_no, box=box, confidence=1.0, source="text")


def _page_image(scan: _PageScan, geo: _Geometry) -> tuple[str, tuple[float, ...], tuple[float, ...]] | None:
    """The largest painted image if it covers (nearly) the whole page: then the page is a scan."""
    area = geo.width * geo.height
    if not scan.images or area <= 0:
        return None
    name, box, cm = max(scan.images, key=lambda im: (im[1][2] - im[1][0]) * (im[1][3] - im[1][1]))
    return (name, box, cm) if (box[2] - box[0]) * (box[3] - box[1]) / area >= FULL_PAGE else None


def _full_page_image(page: Any, scan: _PageScan, geo: _Geometry) -> Any | None:
    """The embedded image that is the page (a scan), upright and decodable, else None."""
    found = _page_image(scan, geo)
    if found is None or geo.rotate:
        return None
    name, box, cm = found
    if not (cm[0] > 0 and cm[3] > 0 and abs(cm[1]) < 1e-6 and abs(cm[2]) < 1e-6):
        return None  # rotated or mirrored placement: let pdfium render it the right way round
    try:
        image = page.images[name].image
        image.load()
    except Exception:  # noqa: BLE001 - unsupported filters (JBIG2, CCITT...): render instead
        return None
    return image, box


def _render(path: Path, index: int, password: str | None) -> tuple[Any, float]:
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path), password=password)
        try:
            page = pdf[index]
            w, h = page.get_size()
            scale = min(RENDER_MAX_DPI / 72.0, RENDER_MAX_PX / max(w, h, 1.0))
            image = page.render(scale=scale).to_pil()
            page.close()
        finally:
            pdf.close()
    return image, scale


def _ocr_page(
    path: Path,
    index: int,
    page: Any,
    scan: _PageScan,
    geo: _Geometry,
    password: str | None,
    cancel: CancelToken,
) -> tuple[list[TextLine], int]:
    """The page's lines read by OCR, and how many degrees clockwise the page is turned (0 upright).

    A turned scan is read upright: its lines are in points of the page turned back (``turn_box``),
    the frame PageText.rotation describes."""
    found = _full_page_image(page, scan, geo)
    if found is not None:
        image, image_box = found
    else:
        image, scale = _render(path, index, password)
        image_box = (0.0, 0.0, image.width / scale, image.height / scale)
    read = ocr.ocr_page(image, page=index + 1, cancel=cancel)
    # where the image sits on the page turned upright, and its upright pixels' size in points there
    bx0, by0, bx1, by1 = turn_box(image_box, (geo.width, geo.height), -read.rotation % 360)
    kx, ky = (bx1 - bx0) / read.width, (by1 - by0) / read.height
    lines = [
        TextLine(
            text=ln.text,
            page=ln.page,
            confidence=ln.confidence,
            source="ocr",
            char_pos=ln.char_pos,  # fractions of the box: unchanged by scaling and moving it
            box=(bx0 + ln.box[0] * kx, by0 + ln.box[1] * ky, bx0 + ln.box[2] * kx, by0 + ln.box[3] * ky),
        )
        for ln in read.lines
    ]
    return lines, read.rotation


def _read_page(
    path: Path,
    index: int,
    page: Any,
    geo: _Geometry,
    scan: _PageScan,
    lines: list[TextLine],
    password: str | None,
    use_ocr: bool | None,
    cancel: CancelToken,
    progress: ProgressFn,
    ocr_spent: list[int] | None = None,
) -> PageText | None:
    """Decide whether the text layer is usable; OCR the page when it is not, or when it is only a
    stamp over a scan (e-filing headers). OCR and text-layer lines are merged, text layer first.
    ``use_ocr`` None: OCR is allowed but its budget is spent, so a page that needs it is not read (None)."""
    good, total = _legible("".join(c.text for c in scan.chunks))
    clean = total > 0 and good >= MIN_GOOD_RATIO * total
    usable = clean and (good >= MIN_GOOD_CHARS or not scan.images)
    stamp_on_scan = usable and good < STAMP_CHARS and _page_image(scan, geo) is not None
    has_content = bool(scan.images) or _has_content(page)
    if use_ocr is None and has_content and not (usable and not stamp_on_scan):
        return None  # it needs OCR and the document's OCR budget is spent
    if not use_ocr or not has_content or (usable and not stamp_on_scan):
        return PageText(index + 1, geo.width, geo.height, lines if usable else [], "text")
    progress(0.1, said("progress.ocr_pdf_page", page=index + 1))
    if ocr_spent is not None:
        ocr_spent[0] += 1
    kept = lines if usable else []
    try:
        ocr_lines, turned = _ocr_page(path, index, page, scan, geo, password, cancel)
    except (Cancelled, ocr.OcrUnavailable):
        raise
    except Exception:  # noqa: BLE001 - one damaged page image must not sink the other pages
        log.info("OCR of page %d of %s failed", index + 1, path, exc_info=True)
        return PageText(index + 1, geo.width, geo.height, kept, "text")
    upright = _turned_back(kept, (geo.width, geo.height), turned)
    extra = [ln for ln in ocr_lines if not any(_overlap(ln.box, t.box) > 0.5 for t in upright)]
    if not extra:
        return PageText(index + 1, geo.width, geo.height, kept, "text")
    width, height = (geo.height, geo.width) if turned in (90, 270) else (geo.width, geo.height)
    return PageText(index + 1, width, height, ocr.reading_order(upright + extra), "ocr", turned)


def _turned_back(lines: list[TextLine], size: tuple[float, float], turned: int) -> list[TextLine]:
    """Text-layer lines of a page turned ``turned`` degrees, in the frame of the page read upright (a
    stamp printed across a sideways scan: its character positions no longer run along x, so are dropped)."""
    if not turned:
        return lines
    back = -turned % 360
    return [dataclasses.replace(ln, box=turn_box(ln.box, size, back), char_pos=()) for ln in lines]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Intersection area over the smaller box's area."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / smaller if smaller > 0 else 0.0


def read_pdf(
    path: str | Path,
    *,
    sha256: str = "",
    use_ocr: bool = True,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> DocumentText:
    """Read every page of a PDF. Never raises for a bad file (only Cancelled and OcrUnavailable propagate)."""
    path = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _read_pdf(path, sha256, use_ocr, progress, cancel)
    except (Cancelled, ocr.OcrUnavailable):
        raise
    except RecursionError:
        return DocumentText(
            sha256, UNREADABLE, f"{path.name}: the PDF is corrupt (its structure is circular)"
        )
    except Exception as exc:  # noqa: BLE001 - pypdf/pdfium raise many types on hostile input
        log.info("PDF read failed for %s", path, exc_info=True)
        return DocumentText(
            sha256,
            UNREADABLE,
            f"{path.name}: the PDF is corrupt or damaged and cannot be read ({type(exc).__name__})",
        )


_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
MAX_TREE_DEPTH = 64


def walk_pages(reader: Any, limit: int) -> tuple[list[Any], int]:
    """The first ``limit`` pages of the page tree, and how many pages the document has.

    pypdf parses every page object to count them (seconds for 20,000 pages); this walks the tree only
    as far as needed, inheriting what pages inherit, refusing cycles and absurd depth. Past the limit
    the count is the tree's own /Count (it can only make the "of N" in a message wrong).
    """
    import pypdf
    from pypdf.errors import PdfReadError

    root = reader.trailer["/Root"].get_object()["/Pages"]
    found: list[Any] = []
    seen: set[int] = set()
    stack: list[tuple[Any, dict[str, Any], int]] = [(root, {}, 0)]
    while stack and len(found) <= limit:
        ref, inherit, depth = stack.pop()
        if depth > MAX_TREE_DEPTH:
            raise PdfReadError("the page tree is nested too deeply")
        is_ref = isinstance(ref, pypdf.generic.IndirectObject)
        if is_ref:
            if ref.idnum in seen:
                raise PdfReadError("the page tree is circular")
            seen.add(ref.idnum)
        node = ref.get_object()
        if not isinstance(node, dict):
            continue
        kids = node.get("/Kids")
        if node.get("/Type") == "/Pages" or (kids is not None and node.get("/Type") != "/Page"):
            kids = kids.get_object() if kids is not None else []
            inner = dict(inherit)
            inner.update({k: node[k] for k in _INHERITED if k in node})
            stack.extend((kid, inner, depth + 1) for kid in reversed(list(kids)))
            continue
        page = pypdf.PageObject(reader, ref if is_ref else None)
        if not is_ref or not len(page):
            page.update(node)
        for key, value in inherit.items():
            if key not in page:
                page[pypdf.generic.NameObject(key)] = value
        found.append(page)
    if len(found) <= limit and not stack:
        return found, len(found)
    try:
        declared = int(root.get_object().get("/Count", 0))
    except (TypeError, ValueError):
        declared = 0
    return found[:limit], max(declared, limit + 1)


def _read_pdf(
    path: Path, sha256: str, use_ocr: bool, progress: ProgressFn, cancel: CancelToken
) -> DocumentText:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not path.is_file():
        return DocumentText(sha256, UNREADABLE, f"{path.name}: the file does not exist")
    size = path.stat().st_size
    if size == 0:
        return DocumentText(sha256, UNREADABLE, f"{path.name}: the file is empty")
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%PDF-" not in head:
        return DocumentText(sha256, UNREADABLE, f"{path.name}: this is not a PDF file")
    if b"%%EOF" not in tail:
        return DocumentText(
            sha256, UNREADABLE, f"{path.name}: the PDF is truncated (it has no end-of-file marker)"
        )
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
    except PdfReadError as exc:
        return DocumentText(
            sha256, UNREADABLE, f"{path.name}: the PDF is corrupt and cannot be opened ({exc})"
        )
    password: str | None = None
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001 - unsupported or broken encryption
            opened = 0
        if not opened:
            return DocumentText(
                sha256,
                PASSWORD_PROTECTED,
                f"{path.name}: the PDF is password-protected; save an unprotected copy and "
                "attach that instead",
            )
        password = ""
    try:
        pages, count = walk_pages(reader, MAX_PAGES)
    except FileNotDecryptedError:
        return DocumentText(sha256, PASSWORD_PROTECTED, f"{path.name}: the PDF is password-protected")
    if count == 0:
        return DocumentText(sha256, UNREADABLE, f"{path.name}: the PDF has no pages")
    doc = DocumentText(sha256)
    glyphs = _Glyphs(path, password)
    try:
        _read_pages(path, doc, pages, count, password, use_ocr, progress, cancel, glyphs)
    finally:
        glyphs.close()
    return doc


def _read_pages(
    path: Path,
    doc: DocumentText,
    pages: list[Any],
    count: int,
    password: str | None,
    use_ocr: bool,
    progress: ProgressFn,
    cancel: CancelToken,
    glyphs: _Glyphs,
) -> None:
    ocr_spent = [0]
    started = _clock()
    not_read: list[int] = []
    for index in range(count):
        cancel.raise_if_cancelled()
        if index >= MAX_PAGES:
            not_read.extend(range(index + 1, count + 1))
            break
        progress(index / count, said("progress.read_page", page=index + 1, pages=count))
        page = pages[index]
        geo = _Geometry(page)
        scan = _scan_page(page, geo)
        lines = _group_lines(scan.chunks, index + 1)
        read = _read_page(
            path,
            index,
            page,
            geo,
            scan,
            lines,
            password,
            (None if ocr_spent[0] >= MAX_OCR_PAGES or _clock() - started > OCR_SECONDS else True)
            if use_ocr
            else False,
            cancel,
            SubProgress(progress, index / count, (index + 1) / count),
            ocr_spent,
        )
        if read is None:
            not_read.append(index + 1)
            read = PageText(index + 1, geo.width, geo.height, [], "text")
        if any(ln.source == "text" for ln in read.lines):
            read.lines = with_char_positions(read.lines, glyphs.page(index, geo))
        doc.pages.append(read)
    if not_read:
        doc.meta["not_read"] = {
            "pages": _ranges(not_read),
            "count": len(not_read),
            "of": count,
            "why": (
                f"scanned pages are read for at most {MAX_OCR_PAGES} pages or {OCR_SECONDS:.0f} seconds, "
                f"and at most {MAX_PAGES} pages of a PDF"
            ),
        }
    progress(1.0, said("progress.read_done"))
    if not any(p.lines for p in doc.pages):
        doc.status = NO_TEXT
        doc.message = f"{path.name}: no legible text was found in this PDF"
    else:
        doc.status = OK


def _ranges(pages: list[int]) -> list[list[int]]:
    """[3, 4, 5, 9] -> [[3, 5], [9, 9]]: pages not read, compactly (a 20,000-page PDF stays small)."""
    out: list[list[int]] = []
    for p in pages:
        if out and out[-1][1] == p - 1:
            out[-1][1] = p
        else:
            out.append([p, p])
    return out
