"""A web capture's section of summary.pdf: what it records and where the mark and the id were read.

Shown per capture: its URL and capture time with the header or comment that records each, its own
SHA-256 and format, a WACZ's own signature (present / valid / not, never required), the page's text
lines where the checks found the mark and the listing id with the found words highlighted (and the
part/record and element they sit in), the pictures inside the capture where a mark was read (outlined),
and the capturing tool's own screenshot when the capture carries one. The capture itself travels in
the package unchanged; this only re-reads it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from desktop_app.core.checks.findings import Located
from desktop_app.core.model import EvidenceFile

FORMATS = {"mhtml": "MHTML", "html": "HTML page", "warc": "WARC", "wacz": "WACZ"}
HIGHLIGHT = {"mark": (255, 214, 153), "listing_id": (179, 209, 255), "capture_time": (210, 235, 210)}
EXCERPT_CHARS = 220


def _excerpt(text: str, found: str) -> tuple[str, list[tuple[int, int]]]:
    """The line cut around the first occurrence of ``found``, and the spans of every occurrence."""
    low, needle = text.lower(), found.lower()
    at = low.find(needle) if needle else -1
    start = 0
    if len(text) > EXCERPT_CHARS:
        start = max(0, (at if at >= 0 else 0) - EXCERPT_CHARS // 3)
    cut = text[start : start + EXCERPT_CHARS]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + EXCERPT_CHARS < len(text) else ""
    spans = []
    if needle:
        i = cut.lower().find(needle)
        while i >= 0:
            spans.append((len(prefix) + i, len(prefix) + i + len(needle)))
            i = cut.lower().find(needle, i + len(needle))
    return prefix + cut + suffix, spans


def highlighted(
    pdf: Any, text: str, spans: list[tuple[int, int]], colour: tuple[int, int, int], size: float
) -> None:
    """Write ``text`` wrapped to the text width, the characters in ``spans`` on a coloured background."""
    line_h = size * 0.5
    right = pdf.w - pdf.r_margin
    marks = [False] * len(text)
    for a, b in spans:
        for k in range(max(0, a), min(len(text), b)):
            marks[k] = True
    # runs of (text, highlighted), then words, so wrapping happens between words
    pieces: list[tuple[str, bool]] = []
    for ch, hit in zip(text, marks, strict=True):
        if pieces and pieces[-1][1] == hit and not (ch == " " or pieces[-1][0].endswith(" ")):
            pieces[-1] = (pieces[-1][0] + ch, hit)
        else:
            pieces.append((ch, hit))
    pdf.set_x(pdf.l_margin + 4)
    for piece, hit in pieces:
        pdf.set_font("dejavu", "B" if hit else "", size)
        width = pdf.get_string_width(piece)
        if pdf.get_x() + width > right and piece.strip():
            pdf.ln(line_h)
            pdf.set_x(pdf.l_margin + 4)
            if piece.startswith(" "):
                piece = piece.lstrip()
                width = pdf.get_string_width(piece)
        if hit:
            pdf.set_fill_color(*colour)
        pdf.cell(width, line_h, piece, fill=hit)
    pdf.ln(line_h + 0.8)
    pdf.set_font("dejavu", "", size)


def _lines_by_locator(doc_lines: list[Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in doc_lines:
        out.setdefault(line.locator, []).append(line.text)
    return out


def render_capture(
    pdf: Any, f: EvidenceFile, path: Path, located: list[Located], *, previews: Any = None
) -> None:
    """The capture's section; ``located`` are the report's results in this file."""
    from desktop_app.core.reading import captures
    from desktop_app.core.reading.captures.model import CaptureError

    pdf.para(f.original_name, 9, True)
    try:
        cap = captures.read_capture(path, f.media_type)
    except (CaptureError, OSError) as exc:
        pdf.para(f"(this capture cannot be read again: {exc}; it is in the package unchanged)", 8.5)
        return
    pdf.field(
        "Format", f"{FORMATS.get(cap.format, cap.format)} web capture (read as saved: no script was run)"
    )
    pdf.field("Captured URL", f"{cap.url}  ({cap.url_source})" if cap.url else "not recorded in the capture")
    pdf.field(
        "Captured at",
        f"{cap.captured_at}  ({cap.captured_at_source})"
        if cap.captured_at
        else "not recorded (not established)",
    )
    pdf.field("Capture SHA-256", f.sha256)
    if cap.title:
        pdf.field("Page title", cap.title)
    if cap.format == "wacz":
        sig = cap.signature or {}
        status = {
            "valid": "present and valid",
            "invalid": "present but NOT valid",
            "absent": "none (not required)",
        }
        pdf.field(
            "WACZ signature",
            f"{status.get(sig.get('status', ''), sig.get('status', ''))}: {sig.get('detail', '')}",
        )
    if cap.images_not_inside:
        pdf.field(
            "Not in the capture", f"{cap.images_not_inside} picture(s) the page refers to (never fetched)"
        )

    text_hits = [loc for loc in located if not loc.evidence.box and loc.what in ("mark", "listing_id")]
    if text_hits:
        pdf.para("Where the checks found them in the page (highlighted):", 8.5, True)
        doc = captures.capture_document(cap, f.sha256, ocr_images=False)
        by_locator = _lines_by_locator(list(doc.lines()))
        shown: set[tuple[str, str]] = set()
        for loc in text_hits:
            key = (loc.evidence.locator, loc.evidence.text.lower())
            if key in shown:
                continue
            shown.add(key)
            candidates = by_locator.get(loc.evidence.locator, [])
            line = next((t for t in candidates if loc.evidence.text.lower() in t.lower()), loc.evidence.text)
            label = "mark" if loc.what == "mark" else "listing id"
            pdf.para(f"  {label} “{loc.value}” — {loc.evidence.locator}", 7.5, colour=(90, 90, 90))
            excerpt, spans = _excerpt(line, loc.evidence.text)
            highlighted(pdf, excerpt, spans, HIGHLIGHT.get(loc.what, (255, 240, 150)), 8.5)
        # the id is usually located in the captured URL; where the page itself prints it, show that too
        for loc in [x for x in text_hits if x.what == "listing_id"][:1]:
            printed = [
                ln
                for ln in doc.lines()
                if loc.value in ln.text and ln.locator != loc.evidence.locator and "://" not in ln.text
            ]
            for ln in printed[:2]:
                pdf.para(
                    f"  listing id “{loc.value}” also printed on the page — {ln.locator}",
                    7.5,
                    colour=(90, 90, 90),
                )
                excerpt, spans = _excerpt(ln.text, loc.value)
                highlighted(pdf, excerpt, spans, HIGHLIGHT["listing_id"], 8.5)

    picture_hits = [loc for loc in located if loc.evidence.box and (loc.evidence.page or 1) >= 2]
    if picture_hits:
        pictures = captures.decode_pictures(cap.images)
        for page in sorted({loc.evidence.page or 2 for loc in picture_hits}):
            index = page - 2
            if not 0 <= index < len(pictures):
                continue
            im, rgb = pictures[index]
            jpeg, w, h, scale = _jpeg(rgb)
            pdf.para(f"  picture {index + 1}: {im.locator}", 7.5, colour=(90, 90, 90))
            boxes = [
                (loc.what, tuple(v * scale for v in loc.evidence.box))  # type: ignore[union-attr]
                for loc in picture_hits
                if (loc.evidence.page or 2) == page
            ]
            pdf.image_with_boxes(jpeg, w, h, boxes, max_h=90.0)
    shot = cap.screenshot
    if shot is not None:
        try:
            from PIL import Image

            with Image.open(io.BytesIO(shot.data)) as pil:
                jpeg, w, h, _scale = _jpeg(pil)
        except Exception:  # noqa: BLE001 - a broken screenshot inside a capture is only not shown
            pdf.para("  (the capture's own screenshot cannot be shown)", 8)
        else:
            pdf.para(f"  The capturing tool's own screenshot ({shot.locator}):", 7.5, colour=(90, 90, 90))
            pdf.image_with_boxes(jpeg, w, h, [], max_h=150.0)


def _jpeg(img: Any, max_px: int = 1200) -> tuple[bytes, int, int, float]:
    from PIL import Image

    img = img.convert("RGB")
    scale = min(1.0, max_px / max(img.size))
    if scale < 1.0:
        img = img.resize(
            (max(1, round(img.width * scale)), max(1, round(img.height * scale))), Image.Resampling.LANCZOS
        )
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue(), img.width, img.height, scale
