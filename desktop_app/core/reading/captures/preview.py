"""Pictures of a web capture for the evidence viewer, numbered like its DocumentText pages.

Page 1 is the capture's own text as read (URL, capture time, title, then the page's lines), drawn
plainly: a capture is shown as what was read from it, never rendered as a web page (nothing runs).
Pages 2… are the pictures inside it that were OCR'd, so boxes located on them land where they belong.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

WIDTH = 1200
MAX_HEIGHT = 6000
FONT_PX = 18
LINE_PX = 26


def _font(bold: bool = False) -> Any:
    from PIL import ImageFont

    from desktop_app.core.resources import resource_path

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resource_path("fonts", name)), FONT_PX)


def text_page(cap: Any) -> Any:
    """Page 1: what was read from the capture, line by line."""
    from PIL import Image, ImageDraw

    rows: list[tuple[str, bool, tuple[int, int, int]]] = [
        (f"Captured URL: {cap.url or 'not recorded'}", True, (0, 60, 160)),
        (f"Captured at: {cap.captured_at or 'not recorded'}", True, (0, 110, 0)),
        (f"Title: {cap.title}", True, (0, 0, 0)),
        ("", False, (0, 0, 0)),
    ]
    for line in cap.lines:
        for part in textwrap.wrap(line.text, 100) or [""]:
            rows.append((part, False, (30, 30, 30)))
    height = min(MAX_HEIGHT, 40 + LINE_PX * len(rows))
    img = Image.new("RGB", (WIDTH, height), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    regular, bold = _font(), _font(True)
    y = 20
    for text, is_bold, colour in rows:
        if y + LINE_PX > height:
            break
        draw.text((24, y), text, fill=colour, font=bold if is_bold else regular)
        y += LINE_PX
    return img


def preview_page(path: str | Path, page: int = 1, media_type: str | None = None) -> tuple[Any, int]:
    """(PIL image of ``page``, number of pages). Raises CaptureError for a capture that cannot be read."""
    from desktop_app.core.reading.captures import decode_pictures, read_capture

    cap = read_capture(path, media_type)
    pictures = decode_pictures(cap.images)
    pages = 1 + len(pictures)
    page = min(max(page, 1), pages)
    if page == 1:
        return text_page(cap), pages
    return pictures[page - 2][1], pages
