"""Full-page scrolling screenshots (thousands of pixels tall): the address in the thin band on top and the
brand far down are both read, each with a box where the factory drew it."""

from __future__ import annotations

import pytest

from desktop_app.core.reading import ocr
from desktop_app.core.reading.listing_urls import read_listing_refs
from desktop_app.core.reading.matching import find_mark
from desktop_app.core.reading.service import read_path
from tests.factories.screenshots import ScreenshotSpec, make_tall_screenshot

pytestmark = pytest.mark.ocr

LISTING = "1005033630939847"


@pytest.fixture(scope="module")
def tall(tmp_path_factory: pytest.TempPathFactory):
    spec = ScreenshotSpec(
        url=f"https://www.aliexpress.com/item/{LISTING}.html?spm=a2g0o",
        title="Men's Waterproof Hooded Rain Jacket Lightweight Windbreaker",
        product_text="KESTRELINE",
    )
    path, placed = make_tall_screenshot(spec, tmp_path_factory.mktemp("tall") / "fullpage.png", height=4600)
    return read_path(path), placed


def _inside(box, target, slack: float) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(box, target, strict=True))


def test_the_address_band_on_top_is_read_with_its_box(tall) -> None:
    doc, placed = tall
    refs = [(ln, r) for ln in doc.lines() for r in read_listing_refs(ln.text, "aliexpress")]
    assert [r.ref.listing_id for _ln, r in refs] == [LISTING], [ln.text for ln in doc.lines()][:5]
    line, read = refs[0]
    assert line.box[3] <= 40, line.box  # in the band, not somewhere down the page
    assert _inside(line.box, placed.url_box, 12), (line.box, placed.url_box)
    x0, _y0, x1, _y1 = line.sub_box(*read.id_span) or line.box
    assert line.text[read.id_span[0] : read.id_span[1]] == LISTING
    # the id's own part of the line: within one character of where it was drawn (14 px font, ~8 px pitch)
    drawn_x0 = placed.url_box[0] + (placed.url_box[2] - placed.url_box[0]) * line.text.index(LISTING) / len(
        line.text
    )
    assert abs(x0 - drawn_x0) < 30 and x1 - x0 > 100, (x0, x1, drawn_x0)


def test_the_brand_far_down_is_found_where_it_was_drawn(tall) -> None:
    doc, placed = tall
    matches = find_mark("KESTRELINE", doc.lines())
    assert matches, [ln.text for ln in doc.lines()][-12:]
    x0, y0, x1, y1 = matches[0].box
    ix0, iy0, ix1, iy1 = placed.mark_box  # the letters' ink
    assert abs(x0 - ix0) <= 4 and abs(x1 - ix1) <= 4, (matches[0].box, placed.mark_box)
    assert y0 <= iy0 + 1 and y1 >= iy1 - 1 and y1 - y0 <= 2.5 * (iy1 - iy0), (matches[0].box, placed.mark_box)


def test_a_tall_page_is_read_in_pieces_at_its_own_resolution() -> None:
    scale, spans, vertical = ocr._plan(1280, 5600)
    assert scale == 1.0 and vertical and len(spans) >= 3
    assert all(b - a <= ocr.MAX_SIDE for a, b in spans)
    assert all(spans[i][1] - spans[i + 1][0] == ocr.TILE_OVERLAP for i in range(len(spans) - 1))


def test_text_touching_the_edge_is_read_with_a_margin() -> None:
    from PIL import Image

    img = Image.new("RGB", (100, 40), (245, 245, 245))
    framed = ocr.with_margin(img)
    assert framed.size == (100 + 2 * ocr.MARGIN, 40 + 2 * ocr.MARGIN)
    assert framed.getpixel((0, 0)) == (245, 245, 245)  # its own border colour, no new edge


def test_a_long_address_bar_is_read_whole_on_an_upright_page(tmp_path) -> None:
    """RapidOCR's per-line direction classifier turned a long thin address line over (read as nothing,
    dropped); pages are turned upright first, so lines are read as they lie."""
    from tests.factories.screenshots import make_listing_screenshot

    url = "https://www.lazada.com.my/products/fjellmark-men-s-waterproof-hooded-rain-jacket-li-i4021601803-s8207459852.html"
    spec = ScreenshotSpec(url=url, title="FJELLMARK Men's Waterproof Hooded Rain Jacket", product_text="")
    doc = read_path(make_listing_screenshot(spec, tmp_path / "lazada.png", width=1366, height=900))
    ids = [
        r.ref.listing_id for ln in doc.lines() if ln.box[3] < 90 for r in read_listing_refs(ln.text, "lazada")
    ]
    assert ids == ["4021601803"], [ln.text for ln in doc.lines()][:4]
