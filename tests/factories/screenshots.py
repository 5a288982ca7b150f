"""Browser screenshots of marketplace listings (desktop and mobile) and genuine product photos.

A screenshot has what a real one has: tab strip, address bar with the URL, the marketplace header,
the product picture with the brand printed on the product, title, price, seller and an item id line.
Variants plant defects: no URL bar, no brand, an altered brand, a blur or a tiny scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, ImageDraw, ImageFilter

from tests.factories.layout import font_file, has_cjk, pil_font, runs, save_image

# marketplace -> header colour, logo, logo colour, id label (en, zh)
THEMES: dict[str, tuple[tuple[int, int, int], str, tuple[int, int, int], str]] = {
    "aliexpress": ((232, 56, 40), "AliExpress", (255, 255, 255), "Item ID"),
    "amazon": ((19, 25, 33), "amazon", (255, 255, 255), "ASIN"),
    "ebay": ((255, 255, 255), "ebay", (229, 50, 56), "eBay item number"),
    "taobao": ((255, 80, 0), "淘宝网 Taobao", (255, 255, 255), "商品编号"),
    "tmall": ((255, 0, 54), "天猫 TMALL", (255, 255, 255), "商品编号"),
    "1688": ((255, 102, 0), "1688", (255, 255, 255), "商品编号"),
    "alibaba": ((255, 106, 0), "Alibaba.com", (255, 255, 255), "Product ID"),
    "mercadolibre": ((255, 230, 0), "mercado libre", (45, 50, 119), "Publicación"),
    "shopee": ((238, 77, 45), "Shopee", (255, 255, 255), "Product ID"),
    "lazada": ((15, 20, 110), "Lazada", (255, 255, 255), "SKU"),
    "walmart": ((0, 113, 220), "Walmart", (255, 255, 255), "Walmart #"),
    "etsy": ((255, 255, 255), "Etsy", (241, 100, 30), "Listing ID"),
    "temu": ((251, 119, 1), "TEMU", (255, 255, 255), "Goods ID"),
}
_HOSTS = [
    ("aliexpress", "aliexpress"),
    ("amazon", "amazon"),
    ("ebay", "ebay"),
    ("taobao", "taobao"),
    ("tmall", "tmall"),
    ("1688", "1688.com"),
    ("alibaba", "alibaba.com"),
    ("mercadolibre", "mercadoli"),
    ("shopee", "shopee"),
    ("lazada", "lazada"),
    ("walmart", "walmart"),
    ("etsy", "etsy"),
    ("temu", "temu"),
]


@dataclass
class ScreenshotSpec:
    url: str = "https://www.aliexpress.com/item/1005006123456789.html"
    title: str = "KESTRELINE Men's Waterproof Hooded Jacket Windbreaker Outdoor Coat"
    price: str = "US $23.99"
    seller: str = "Fashion Outlet Store"
    product_text: str = "KESTRELINE"  # printed on the product; "" for no brand on the product
    shown_id: str = ""  # shown as an "Item ID"/"ASIN"/"商品编号" line when not empty
    marketplace: str = ""  # inferred from the URL when empty
    show_url: bool = True
    mobile: bool = False
    product: str = "jacket"  # jacket | box | shoe
    blur: float = 0.0
    scale: float = 1.0  # < 1 shrinks the final image (tiny, unreadable screenshots)
    page_title: str = ""  # tab title; the listing title when empty

    @property
    def market(self) -> str:
        if self.marketplace:
            return self.marketplace.lower().replace(" ", "").replace(".com", "") or "aliexpress"
        host = urlsplit(self.url).netloc.lower()
        for key, needle in _HOSTS:
            if needle in host:
                return key
        return "aliexpress"

    @property
    def chinese(self) -> bool:
        return has_cjk(self.title)


class _Canvas:
    """Draws mixed Latin/CJK text with the bundled fonts, scaled by ``k``."""

    def __init__(self, img: Image.Image, k: float) -> None:
        self.img, self.k, self.draw = img, k, ImageDraw.Draw(img)

    def px(self, v: float) -> int:
        return round(v * self.k)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        color: tuple[int, int, int] = (17, 17, 17),
        bold: bool = False,
    ) -> float:
        """Draw at top-left (x, y) in design units; returns the width drawn in design units."""
        cx = self.px(x)
        for run, cjk in runs(text):
            font = pil_font(str(font_file(cjk, bold)), self.px(size))
            self.draw.text((cx, self.px(y)), run, fill=color, font=font)
            cx += round(font.getlength(run))
        return (cx - self.px(x)) / self.k

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return (
            sum(pil_font(str(font_file(cjk, bold)), self.px(size)).getlength(run) for run, cjk in runs(text))
            / self.k
        )

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        tokens = re.findall(r"[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+", text)
        lines, cur = [], ""
        for tok in tokens:
            if cur.strip() and not tok.isspace() and self.width((cur + tok).rstrip(), size, bold) > width:
                lines.append(cur.strip())
                cur = tok
            else:
                cur += tok
        if cur.strip():
            lines.append(cur.strip())
        return lines

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: tuple[int, int, int] | None = None,
        outline: tuple[int, int, int] | None = None,
        radius: float = 0,
    ) -> None:
        box = [self.px(x0), self.px(y0), self.px(x1), self.px(y1)]
        self.draw.rounded_rectangle(
            box, radius=self.px(radius), fill=fill, outline=outline, width=max(1, self.px(1))
        )


def draw_product(c: _Canvas, x0: float, y0: float, w: float, h: float, text: str, product: str) -> None:
    """A product shape (jacket, box or shoe) with ``text`` printed on it like a logo."""
    c.rect(x0, y0, x0 + w, y0 + h, fill=(242, 242, 240))
    body = (38, 58, 84)
    cx, top = x0 + w / 2, y0 + h * 0.12
    if product == "box":
        c.draw.polygon(
            [
                (c.px(x0 + w * 0.18), c.px(y0 + h * 0.25)),
                (c.px(x0 + w * 0.82), c.px(y0 + h * 0.25)),
                (c.px(x0 + w * 0.82), c.px(y0 + h * 0.85)),
                (c.px(x0 + w * 0.18), c.px(y0 + h * 0.85)),
            ],
            fill=(196, 160, 112),
        )
        logo_y, logo_color = y0 + h * 0.45, (40, 30, 20)
    elif product == "shoe":
        c.draw.polygon(
            [
                (c.px(x0 + w * 0.12), c.px(y0 + h * 0.62)),
                (c.px(x0 + w * 0.45), c.px(y0 + h * 0.40)),
                (c.px(x0 + w * 0.60), c.px(y0 + h * 0.48)),
                (c.px(x0 + w * 0.90), c.px(y0 + h * 0.58)),
                (c.px(x0 + w * 0.90), c.px(y0 + h * 0.72)),
                (c.px(x0 + w * 0.12), c.px(y0 + h * 0.72)),
            ],
            fill=(235, 235, 235),
            outline=(60, 60, 60),
        )
        logo_y, logo_color = y0 + h * 0.56, (20, 20, 20)
    else:
        pts = [
            (cx - w * 0.16, top),
            (cx + w * 0.16, top),
            (cx + w * 0.40, top + h * 0.12),
            (cx + w * 0.44, top + h * 0.62),
            (cx + w * 0.32, top + h * 0.64),
            (cx + w * 0.30, top + h * 0.30),
            (cx + w * 0.28, top + h * 0.78),
            (cx - w * 0.28, top + h * 0.78),
            (cx - w * 0.30, top + h * 0.30),
            (cx - w * 0.32, top + h * 0.64),
            (cx - w * 0.44, top + h * 0.62),
            (cx - w * 0.40, top + h * 0.12),
        ]
        c.draw.polygon([(c.px(x), c.px(y)) for x, y in pts], fill=body)
        c.draw.line(
            [(c.px(cx), c.px(top + h * 0.06)), (c.px(cx), c.px(top + h * 0.78))],
            fill=(20, 30, 45),
            width=max(1, c.px(3)),
        )
        logo_y, logo_color = top + h * 0.16, (235, 235, 235)
    if text:
        limit = w * (0.46 if product == "jacket" else 0.56)
        size = min(h * 0.07, 44.0)
        while size > 6 and c.width(text, size, bold=True) > limit:
            size -= 1
        tw = c.width(text, size, bold=True)
        tx = x0 + (w - tw) / 2
        if product == "jacket":  # a printed chest band over the zip
            c.rect(tx - 8, logo_y - 6, tx + tw + 8, logo_y + size * 1.3, fill=body)
        c.text(tx, logo_y, text, size, logo_color, bold=True)


def _chrome(c: _Canvas, spec: ScreenshotSpec, width: float) -> float:
    c.rect(0, 0, width, 40, fill=(222, 225, 230))
    c.rect(12, 6, 300, 40, fill=(255, 255, 255), radius=8)
    title = spec.page_title or spec.title
    c.text(40, 14, title[:28] + ("…" if len(title) > 28 else ""), 13, (60, 64, 67))
    c.rect(0, 40, width, 86, fill=(255, 255, 255))
    for i, glyph in enumerate(("←", "→", "↻")):
        c.text(16 + i * 34, 52, glyph, 20, (95, 99, 104))
    if spec.show_url:
        c.rect(130, 47, width - 170, 79, fill=(241, 243, 244), radius=16)
        c.rect(152, 62, 164, 72, fill=(95, 99, 104), radius=1)  # the padlock
        c.draw.arc(
            [c.px(154), c.px(55), c.px(162), c.px(67)], 180, 360, fill=(95, 99, 104), width=max(1, c.px(2))
        )
        c.text(178, 54, spec.url, 17, (32, 33, 36))
    c.draw.line([(0, c.px(86)), (c.px(width), c.px(86))], fill=(218, 220, 224), width=1)
    return 86


def _header(c: _Canvas, spec: ScreenshotSpec, y: float, width: float, height: float = 64) -> float:
    bg, logo, logo_color, _ = THEMES[spec.market]
    c.rect(0, y, width, y + height, fill=bg)
    size = height * 0.46
    end = 24 + c.text(24, y + (height - size * 1.2) / 2, logo, size, logo_color, bold=True)
    if bg == (255, 255, 255):
        c.draw.line([(0, c.px(y + height)), (c.px(width), c.px(y + height))], fill=(229, 229, 229), width=1)
    box0 = max(end + 24, width * 0.2)
    c.rect(
        box0,
        y + height * 0.22,
        min(width - 24, box0 + 800),
        y + height * 0.78,
        fill=(255, 255, 255),
        outline=(200, 200, 200),
        radius=6,
    )
    c.text(
        box0 + 12,
        y + height * 0.5 - 8,
        "搜索商品" if spec.chinese else "Search products",
        14,
        (140, 140, 140),
    )
    return y + height


def _id_label(spec: ScreenshotSpec) -> str:
    label = THEMES[spec.market][3]
    return "商品编号" if spec.chinese and not has_cjk(label) else label


def _desktop(spec: ScreenshotSpec, width: int, height: int) -> Image.Image:
    k = width / 1440
    img = Image.new("RGB", (width, height), (255, 255, 255))
    c = _Canvas(img, k)
    W = 1440.0
    y = _chrome(c, spec, W)
    y = _header(c, spec, y, W)
    zh = spec.chinese
    crumbs = "首页 > 服装 > 外套" if zh else "Home > Clothing > Jackets & Coats"
    c.text(60, y + 16, crumbs, 13, (120, 120, 120))
    top = y + 50
    draw_product(c, 60, top, 560, 560, spec.product_text, spec.product)
    x = 680
    ty = top
    for line in c.wrap(spec.title, 26, 700, bold=True)[:3]:
        c.text(x, ty, line, 26, (17, 17, 17), bold=True)
        ty += 36
    ty += 8
    c.text(x, ty, "★★★★☆ 4.6  |  1,204 已售" if zh else "★★★★☆ 4.6  |  1,204 sold", 15, (110, 110, 110))
    ty += 40
    c.text(x, ty, spec.price, 34, (226, 27, 35), bold=True)
    ty += 64
    c.text(x, ty, ("店铺：" if zh else "Store: ") + spec.seller, 18, (34, 34, 34))
    ty += 34
    if spec.shown_id:
        c.text(
            x,
            ty,
            f"{_id_label(spec)}：{spec.shown_id}" if zh else f"{_id_label(spec)}: {spec.shown_id}",
            17,
            (34, 34, 34),
        )
        ty += 34
    c.text(x, ty, "颜色：深蓝  尺码：M L XL" if zh else "Color: Navy   Size: M  L  XL  XXL", 16, (60, 60, 60))
    ty += 50
    c.rect(x, ty, x + 220, ty + 52, fill=(255, 75, 0), radius=26)
    c.text(x + 60, ty + 14, "立即购买" if zh else "Buy now", 19, (255, 255, 255), bold=True)
    c.rect(x + 240, ty, x + 460, ty + 52, fill=(255, 200, 0), radius=26)
    c.text(x + 280, ty + 14, "加入购物车" if zh else "Add to cart", 19, (40, 40, 40), bold=True)
    ty += 80
    c.text(x, ty, "免运费 · 15天内送达" if zh else "Free shipping · Delivery in 15 days", 15, (90, 90, 90))
    return img


def _mobile(spec: ScreenshotSpec, width: int, height: int) -> Image.Image:
    k = width / 414
    img = Image.new("RGB", (width, height), (255, 255, 255))
    c = _Canvas(img, k)
    W = 414.0
    c.text(22, 10, "9:41", 14, (0, 0, 0), bold=True)
    c.text(340, 10, "5G ▮▮▮", 12, (0, 0, 0))
    y = 36.0
    if spec.show_url:
        c.rect(10, y, W - 10, y + 36, fill=(241, 243, 244), radius=18)
        host_path = re.sub(r"^https?://", "", spec.url)
        size = 13.0
        while c.width(host_path, size) > W - 60 and size > 8:
            size -= 0.5
        c.text(24, y + 10, host_path, size, (32, 33, 36))
        y += 44
    y = _header(c, spec, y, W, 48)
    draw_product(c, 0, y, W, W, spec.product_text, spec.product)
    y += W + 12
    c.text(14, y, spec.price, 26, (226, 27, 35), bold=True)
    y += 42
    for line in c.wrap(spec.title, 17, W - 28, bold=True)[:3]:
        c.text(14, y, line, 17, (17, 17, 17), bold=True)
        y += 25
    y += 10
    c.text(14, y, ("店铺：" if spec.chinese else "Store: ") + spec.seller, 14, (34, 34, 34))
    y += 26
    if spec.shown_id:
        c.text(14, y, f"{_id_label(spec)}: {spec.shown_id}", 13, (34, 34, 34))
    return img


def render_listing_screenshot(
    spec: ScreenshotSpec, *, width: int | None = None, height: int | None = None
) -> Image.Image:
    if spec.mobile:
        img = _mobile(spec, width or 828, height or 1792)
    else:
        img = _desktop(spec, width or 1440, height or 900)
    if spec.blur:
        img = img.filter(ImageFilter.GaussianBlur(spec.blur))
    if spec.scale != 1.0:
        img = img.resize(
            (max(1, round(img.width * spec.scale)), max(1, round(img.height * spec.scale))),
            Image.Resampling.LANCZOS,
        )
    return img


def make_listing_screenshot(
    spec: ScreenshotSpec,
    path: str | Path,
    *,
    width: int | None = None,
    height: int | None = None,
    fmt: str | None = None,
    quality: int = 85,
    exif_orientation: int | None = None,
) -> Path:
    """Write a screenshot; ``fmt`` (png/jpeg/webp) defaults to the path's extension."""
    path = Path(path)
    if fmt:
        path = path.with_suffix({"png": ".png", "jpeg": ".jpg", "jpg": ".jpg", "webp": ".webp"}[fmt.lower()])
    img = render_listing_screenshot(spec, width=width, height=height)
    save_image(img, path, quality=quality, exif_orientation=exif_orientation)
    return path


def make_product_photo(
    path: str | Path,
    text: str = "KESTRELINE",
    *,
    size: tuple[int, int] = (1200, 900),
    product: str = "jacket",
    exif_orientation: int | None = None,
    quality: int = 85,
) -> Path:
    """A genuine product photo: the product on a soft background with the brand on it."""
    path = Path(path)
    w, h = size
    img = Image.new("RGB", size, (236, 233, 228))
    c = _Canvas(img, min(w, h) / 900)
    draw_product(c, (w / c.k - 860) / 2, 20, 860, 860, text, product)
    img = img.filter(ImageFilter.GaussianBlur(0.4))
    save_image(img, path, quality=quality, exif_orientation=exif_orientation)
    return path


_TALL_FILLER = (
    "Product description",
    "Waterproof shell with taped seams and an adjustable hood.",
    "Two zipped hand pockets and one inner pocket for a phone.",
    "Machine washable at 30 degrees, do not tumble dry.",
    "Customer reviews",
    "Great fit and keeps the rain out, recommended.",
    "Arrived quickly, looks as pictured.",
    "Sizing runs a little small, order one size up.",
)


@dataclass
class TallPlacement:
    """Where a full-page screenshot's factory drew what the tests look for (pixels, top-left origin)."""

    url_box: tuple[float, float, float, float]  # the address in the band on top
    mark_box: tuple[float, float, float, float]  # the brand in the specifications, far down


def render_tall_screenshot(
    spec: ScreenshotSpec, *, width: int = 1280, height: int = 4600, mark_at: float = 0.82
) -> tuple[Image.Image, TallPlacement]:
    """A full-page scrolling screenshot as capture extensions stitch it: no browser frame, the address in
    a thin band on top (14 px, 7 px from the edge), the product without a brand, and the brand only far
    down at ``mark_at`` of the height, in the specifications (``spec.product_text``)."""
    img = Image.new("RGB", (width, height), (255, 255, 255))
    c = _Canvas(img, 1.0)
    c.rect(0, 0, width, 30, fill=(245, 245, 245))
    url_w = c.text(12, 7, spec.url, 14, (60, 60, 60))
    url_box = (12.0, 7.0, 12.0 + url_w, 7.0 + 14 * 1.2)
    y = _header(c, spec, 30, float(width))
    draw_product(c, 40, y + 24, 520, 520, "", spec.product)
    ty = y + 28
    for line in c.wrap(spec.title, 28, width - 660, bold=True)[:3]:
        c.text(600, ty, line, 28, (17, 17, 17), bold=True)
        ty += 40
    c.text(600, ty + 10, spec.price, 34, (226, 27, 35), bold=True)
    c.text(600, ty + 74, "Store: " + spec.seller, 19, (40, 40, 40))
    y += 600
    target = int(height * mark_at)
    i = 0
    while y < target - 60:
        line = _TALL_FILLER[i % len(_TALL_FILLER)]
        head = line in ("Product description", "Customer reviews")
        c.text(40, y, line, 22 if head else 19, (30, 30, 30), bold=head)
        y += 48 if head else 34
        i += 1
    c.text(40, y, "Specifications", 24, (20, 20, 20), bold=True)
    y += 44
    c.rect(40, y - 4, 360, y + 30, fill=(246, 246, 246))
    c.text(52, y, "Brand Name", 19, (90, 90, 90))
    font = pil_font(str(font_file(False, False)), 19)
    left, top, right, bottom = font.getbbox(spec.product_text)
    c.text(380, y, spec.product_text, 19, (20, 20, 20))
    mark_box = (380.0 + left, y + top, 380.0 + right, y + bottom)
    y += 40
    c.rect(40, y - 4, 360, y + 30, fill=(246, 246, 246))
    c.text(52, y, "Material", 19, (90, 90, 90))
    c.text(380, y, "Polyester", 19, (20, 20, 20))
    y += 60
    j = 0
    while y < height - 60:
        c.text(40, y, _TALL_FILLER[(j + 5) % len(_TALL_FILLER)], 19, (30, 30, 30))
        y += 36
        j += 1
    return img, TallPlacement(url_box, mark_box)


def make_tall_screenshot(
    spec: ScreenshotSpec, path: str | Path, *, width: int = 1280, height: int = 4600, mark_at: float = 0.82
) -> tuple[Path, TallPlacement]:
    img, placed = render_tall_screenshot(spec, width=width, height=height, mark_at=mark_at)
    path = Path(path)
    save_image(img, path)
    return path, placed
