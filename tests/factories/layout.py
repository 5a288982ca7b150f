"""A tiny page-layout model shared by the text-PDF (fpdf2) and raster (Pillow) renderers.

Documents are described once as positioned elements in millimetres; the same description becomes a
PDF with a real text layer or a scanned-looking image, so a scan and its text version say the same.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from desktop_app.core.resources import cjk_font_path, resource_path

PT_MM = 25.4 / 72.0
A4 = (210.0, 297.0)
FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)  # deterministic PDF bytes


def is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def has_cjk(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


def runs(text: str) -> list[tuple[str, bool]]:
    """Split text into runs drawn with one font: CJK runs use the CJK font (it lacks Latin glyphs)."""
    out: list[tuple[str, bool]] = []
    for ch in text:
        cjk = is_cjk(ch) if ch != " " else (out[-1][1] if out else False)
        if out and out[-1][1] == cjk:
            out[-1] = (out[-1][0] + ch, cjk)
        else:
            out.append((ch, cjk))
    return out


def font_file(cjk: bool, bold: bool) -> Path:
    if cjk:
        return cjk_font_path()
    return resource_path("fonts", "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


@lru_cache(maxsize=64)
def pil_font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(1, px))


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    total = 0.0
    for run, cjk in runs(text):
        total += pil_font(str(font_file(cjk, bold)), 200).getlength(run)
    return total / 200.0 * size_pt * PT_MM


_CJK_CLASS = "\u2e80-\u9fff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(f"[{_CJK_CLASS}]|[^\\s{_CJK_CLASS}]+|\\s+")


def wrap(text: str, width_mm: float, size_pt: float, bold: bool = False) -> list[str]:
    """Greedy wrap measured with the real fonts: Latin words stay whole, CJK breaks between characters."""
    lines: list[str] = []
    cur = ""
    for tok in _TOKEN.findall(text):
        cand = cur + tok
        if cur.strip() and not tok.isspace() and text_width_mm(cand.rstrip(), size_pt, bold) > width_mm:
            lines.append(cur.strip())
            cur = tok
        else:
            cur = cand
    if cur.strip():
        lines.append(cur.strip())
    return lines


@dataclass
class Text:
    x: float  # mm; the left edge, centre or right edge depending on align
    y: float  # mm; the baseline
    text: str
    size: float = 11.0  # points
    bold: bool = False
    align: str = "L"  # L, C, R
    color: tuple[int, int, int] = (0, 0, 0)


@dataclass
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.3
    color: tuple[int, int, int] = (0, 0, 0)


@dataclass
class Ellipse:
    x: float
    y: float
    w: float
    h: float
    width: float = 0.8
    color: tuple[int, int, int] = (200, 30, 30)


@dataclass
class Page:
    size: tuple[float, float] = A4
    items: list[Text | Rule | Ellipse] = field(default_factory=list)
    cursor: float = 20.0  # running baseline for flowing text

    def text(self, x: float, y: float, text: str, size: float = 11.0, **kw: object) -> None:
        self.items.append(Text(x, y, text, size, **kw))  # type: ignore[arg-type]

    def flow(
        self,
        x: float,
        text: str,
        size: float = 11.0,
        *,
        width: float | None = None,
        gap: float = 1.5,
        bold: bool = False,
        align: str = "L",
        color: tuple[int, int, int] = (0, 0, 0),
    ) -> None:
        """Place wrapped text at the cursor and move the cursor down."""
        width = width if width is not None else self.size[0] - x - 20
        for line in wrap(text, width, size, bold) or [""]:
            self.cursor += size * PT_MM * 1.25
            self.items.append(Text(x, self.cursor, line, size, bold, align, color))
        self.cursor += gap

    def skip(self, mm: float) -> None:
        self.cursor += mm

    def rule(self, x0: float, x1: float, *, width: float = 0.3) -> None:
        self.cursor += 2
        self.items.append(Rule(x0, self.cursor, x1, self.cursor, width))
        self.cursor += 2


_GB2312_EXTRA = [(0x20, 0x7F), (0x3000, 0x3040), (0xFF00, 0xFFF0), (0x2E80, 0x2FFF)]


@lru_cache(maxsize=1)
def _common_cjk() -> frozenset[str]:
    """GB 2312 (the 6,763 common simplified characters), ASCII, CJK punctuation and full-width forms."""
    chars = {chr(c) for lo, hi in _GB2312_EXTRA for c in range(lo, hi)}
    for b1 in range(0xB0, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(bytes([b1, b2]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def pdf_cjk_font(used: set[str]) -> Path:
    """The CJK font to embed: a cached common-character subset when it covers ``used`` (fpdf2 parses
    it in ~0.1 s instead of ~1 s for the full 4 MB font), else the full font. Same glyphs either way."""
    full = cjk_font_path()
    if not used <= _common_cjk():
        return full
    stat = full.stat()
    cache = Path(tempfile.gettempdir()) / f"evidence-desk-cjk2-{stat.st_size}-{int(stat.st_mtime)}.ttf"
    if not cache.exists():
        from fontTools import subset
        from fontTools.ttLib import TTFont

        font = TTFont(str(full))
        cmap = font.getBestCmap()
        options = subset.Options()
        options.name_IDs = ["*"]
        options.layout_features = []
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(c) for c in _common_cjk() if ord(c) in cmap])
        subsetter.subset(font)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        font.save(str(tmp))
        os.replace(tmp, cache)  # concurrent test processes: last writer wins, same bytes
    return cache


def _x_for(item: Text) -> float:
    w = text_width_mm(item.text, item.size, item.bold)
    return {"L": item.x, "C": item.x - w / 2, "R": item.x - w}[item.align]


def render_pdf(
    pages: list[Page], path: str | Path, *, title: str = "", encrypt: tuple[str, str] | None = None
) -> None:
    """Write ``pages`` as a PDF with a real, extractable text layer (fonts embedded)."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=pages[0].size)
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("dejavu", "", str(resource_path("fonts", "DejaVuSans.ttf")))
    pdf.add_font("dejavu", "B", str(resource_path("fonts", "DejaVuSans-Bold.ttf")))
    texts = [it.text for page in pages for it in page.items if isinstance(it, Text)]
    used = {ch for text in texts for ch in text if is_cjk(ch)}
    if used:  # parsing a CJK font is slow: only when the document needs one
        pdf.add_font("cjk", "", str(pdf_cjk_font(used)))
    if title:
        pdf.set_title(title)
    if encrypt:
        pdf.set_encryption(owner_password=encrypt[0], user_password=encrypt[1])
    for page in pages:
        pdf.add_page(format=page.size)
        for item in page.items:
            if isinstance(item, Text):
                pdf.set_text_color(*item.color)
                x = _x_for(item)
                for run, cjk in runs(item.text):
                    pdf.set_font(
                        "cjk" if cjk else "dejavu", "" if cjk else ("B" if item.bold else ""), item.size
                    )
                    pdf.text(x, item.y, run)
                    x += text_width_mm(run, item.size, item.bold)
            elif isinstance(item, Rule):
                pdf.set_draw_color(*item.color)
                pdf.set_line_width(item.width)
                pdf.line(item.x0, item.y0, item.x1, item.y1)
            else:
                pdf.set_draw_color(*item.color)
                pdf.set_line_width(item.width)
                pdf.ellipse(item.x, item.y, item.w, item.h)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def render_image(page: Page, dpi: int = 150, *, paper: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """Rasterise one page at ``dpi`` with the same fonts and positions as the PDF."""
    k = dpi / 25.4
    img = Image.new("RGB", (round(page.size[0] * k), round(page.size[1] * k)), paper)
    draw = ImageDraw.Draw(img)
    for item in page.items:
        if isinstance(item, Text):
            x = _x_for(item)
            for run, cjk in runs(item.text):
                font = pil_font(str(font_file(cjk, item.bold)), round(item.size / 72.0 * dpi))
                draw.text((x * k, item.y * k), run, fill=item.color, font=font, anchor="ls")
                x += text_width_mm(run, item.size, item.bold)
        elif isinstance(item, Rule):
            draw.line(
                [(item.x0 * k, item.y0 * k), (item.x1 * k, item.y1 * k)],
                fill=item.color,
                width=max(1, round(item.width * k)),
            )
        else:
            draw.ellipse(
                [item.x * k, item.y * k, (item.x + item.w) * k, (item.y + item.h) * k],
                outline=item.color,
                width=max(1, round(item.width * k)),
            )
    return img


def degrade(
    img: Image.Image,
    *,
    rotate_deg: float = 0.0,
    blur: float = 0.0,
    noise: float = 6.0,
    seed: int = 0,
    background: tuple[int, int, int] = (250, 249, 246),
) -> Image.Image:
    """Make a clean render look scanned: a slight skew, blur, paper tone and sensor noise."""
    out = img
    if rotate_deg:
        out = out.rotate(rotate_deg, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=background)
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        import numpy as np

        rng = np.random.default_rng(seed)
        arr = np.asarray(out, dtype=np.int16)
        arr = (
            arr
            - (255 - np.array(background, dtype=np.int16))
            + rng.normal(0, noise, arr.shape).astype(np.int16)
        )
        out = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"), "RGB")
    return out


def image_pdf(
    images: list[Image.Image],
    path: str | Path,
    *,
    page_mm: tuple[float, float] = A4,
    quality: int = 80,
    stamp: str = "",
) -> None:
    """Wrap page images into a PDF with no text layer, as a scanner does. ``stamp`` adds one small
    line of real text at the top of each page, as e-filing systems and download portals do."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=page_mm)
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(FIXED_DATE)
    if stamp:
        pdf.add_font("dejavu", "", str(resource_path("fonts", "DejaVuSans.ttf")))
    for img in images:
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=quality)
        buf.seek(0)
        pdf.add_page()
        pdf.image(buf, x=0, y=0, w=page_mm[0], h=page_mm[1])
        if stamp:
            pdf.set_font("dejavu", "", 7)
            pdf.set_text_color(90, 90, 90)
            pdf.text(8, 6, stamp)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def save_image(
    img: Image.Image, path: str | Path, *, quality: int = 85, exif_orientation: int | None = None
) -> None:
    """Save by extension; with ``exif_orientation`` the pixels are stored turned and tagged to turn back."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    kwargs: dict[str, object] = {}
    if exif_orientation and exif_orientation != 1:
        undo = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
        img = img.transpose(undo[exif_orientation])
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        kwargs["exif"] = exif.tobytes()
    if suffix in (".jpg", ".jpeg"):
        img.convert("RGB").save(path, "JPEG", quality=quality, **kwargs)
    elif suffix == ".webp":
        img.convert("RGB").save(path, "WEBP", quality=quality, **kwargs)
    elif suffix in (".tif", ".tiff"):
        img.save(path, "TIFF", compression="tiff_deflate", **kwargs)
    elif suffix == ".bmp":
        img.convert("RGB").save(path, "BMP")
    else:
        img.save(path, "PNG", **kwargs)


def rng(seed: int | str) -> random.Random:
    return random.Random(str(seed))
