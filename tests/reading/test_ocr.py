"""OCR on realistic screenshots and scans. Each file is OCR'd once per module (the engine is slow)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import CancelToken
from desktop_app.core.reading import ocr
from desktop_app.core.reading.pdf_text import read_pdf
from desktop_app.core.reading.service import read_path
from desktop_app.core.reading.text import NO_TEXT, OK, DocumentText
from tests.factories import (
    CertificateSpec,
    ScreenshotSpec,
    make_certificate_pdf,
    make_listing_screenshot,
)

pytestmark = pytest.mark.ocr

STAMP = "Downloaded from TSDR on 2026-11-01 10:42 UTC"
ALI = ScreenshotSpec(shown_id="1005006123456789")
TAOBAO = ScreenshotSpec(
    url="https://item.taobao.com/item.htm?id=678901234567",
    title="KESTRELINE 男士防水连帽夹克 户外冲锋衣外套",
    price="¥ 168.00",
    seller="潮流服饰旗舰店",
    shown_id="678901234567",
)


def _compact(text: str) -> str:
    return "".join(text.split())


def _find(doc: DocumentText, needle: str):
    return [ln for ln in doc.lines() if _compact(needle) in _compact(ln.text)]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("ocr")
    return {
        "ali": make_listing_screenshot(ALI, d / "ali.png"),
        # stored turned a quarter and tagged with EXIF orientation 6, as phones do
        "taobao_exif": make_listing_screenshot(TAOBAO, d / "taobao.jpg", exif_orientation=6),
        # a scan with a download portal's one-line text stamp on top: the scan must still be OCR'd
        "scan": make_certificate_pdf(
            CertificateSpec(), d / "scan.pdf", scanned=True, rotate_deg=1.0, blur=0.5, stamp=STAMP
        ),
        "text": make_certificate_pdf(CertificateSpec(), d / "text.pdf"),
        "garbled": _without_unicode_maps(
            make_certificate_pdf(CertificateSpec(), d / "g.pdf"), d / "garbled.pdf"
        ),
    }


def _without_unicode_maps(source: Path, target: Path) -> Path:
    """The same PDF with its fonts' ToUnicode maps removed: the text layer decodes to control characters."""
    import pypdf
    from pypdf.generic import NameObject

    writer = pypdf.PdfWriter(clone_from=source)
    fonts = writer.pages[0]["/Resources"]["/Font"]
    for key in fonts:
        fonts[key].get_object().pop(NameObject("/ToUnicode"), None)
    writer.write(target)
    return target


@pytest.fixture(scope="module")
def read(files: dict[str, Path]) -> dict[str, DocumentText]:
    return {name: read_path(path) for name, path in files.items() if name != "text"}


def test_importing_the_readers_does_not_load_the_engine() -> None:
    code = (
        "import sys, desktop_app.core.reading.ocr, desktop_app.core.reading.service; "
        "print(sorted(m for m in ('rapidocr_onnxruntime', 'onnxruntime', 'cv2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_english_screenshot_url_brand_and_item_id(read: dict[str, DocumentText]) -> None:
    doc = read["ali"]
    assert doc.status == OK and doc.pages[0].source == "ocr"
    assert (doc.pages[0].width, doc.pages[0].height) == (1440, 900)
    url = _find(doc, "aliexpress.com/item/1005006123456789")
    assert url and url[0].box[1] < 86  # in the browser's address bar, above the page
    brand = [ln for ln in doc.lines() if ln.text == "KESTRELINE"]
    assert brand, "the brand printed on the jacket"
    x0, y0, x1, y1 = brand[0].box
    assert 60 < x0 < x1 < 620 and 190 < y0 < y1 < 750  # inside the product picture
    assert _find(doc, "Item ID:1005006123456789") and _find(doc, "US $23.99")
    assert all(0 < ln.confidence <= 1 and ln.source == "ocr" for ln in doc.lines())


def test_chinese_screenshot_with_exif_orientation(
    read: dict[str, DocumentText], files: dict[str, Path]
) -> None:
    with Image.open(files["taobao_exif"]) as raw:
        assert raw.size == (900, 1440)  # the stored pixels are sideways
    doc = read["taobao_exif"]
    assert (doc.pages[0].width, doc.pages[0].height) == (1440, 900)  # read upright
    assert _find(doc, "店铺：潮流服饰旗舰店")
    assert _find(doc, "商品编号：678901234567")
    assert _find(doc, "男士防水连帽夹克")
    url = [ln for ln in doc.lines() if "item.htm?id=678901234567" in ln.text]
    assert url and url[0].box[1] < 86


def test_scanned_pdf_is_read_from_its_page_image_in_points(
    read: dict[str, DocumentText], files: dict[str, Path]
) -> None:
    doc = read["scan"]
    assert doc.status == OK and doc.pages[0].source == "ocr"
    assert (round(doc.pages[0].width, 2), round(doc.pages[0].height, 2)) == (595.28, 841.89)
    assert _find(doc, "Reg. No. 6,123,456") and _find(doc, "Registered Mar. 14, 2021")
    assert _find(doc, "SER. NO. 88-123,456, FILED 06-01-2020")
    assert [(ln.text, ln.source) for ln in doc.lines()][0] == (STAMP, "text")  # from the text layer
    assert sum(ln.source == "ocr" for ln in doc.lines()) > 10
    # the mark sits where the text version of the same certificate puts it (a 1 degree skew aside)
    text_doc = read_pdf(files["text"])
    want = next(ln for ln in text_doc.lines() if ln.text == "KESTRELINE").box
    got = next(ln for ln in doc.lines() if ln.text == "KESTRELINE").box
    assert all(abs(a - b) < 12 for a, b in zip(got, want, strict=True))


def test_garbage_text_layer_is_replaced_by_ocr_of_the_rendered_page(
    read: dict[str, DocumentText], files: dict[str, Path]
) -> None:
    doc = read["garbled"]
    assert doc.status == OK and doc.pages[0].source == "ocr"
    assert all(ln.source == "ocr" for ln in doc.lines())
    assert _find(doc, "Reg. No. 6,123,456")
    # rendered by pdfium, boxes mapped back to points: they match the text layer of the intact file
    want = next(ln for ln in read_pdf(files["text"]).lines() if ln.text == "Reg. No. 6,123,456").box
    got = _find(doc, "Reg. No. 6,123,456")[0].box
    assert all(abs(a - b) < 6 for a, b in zip(got, want, strict=True))


def test_tiny_blurred_screenshot_does_not_yield_the_listing_id(tmp_path: Path) -> None:
    spec = ScreenshotSpec(shown_id="1005006123456789", scale=0.18, blur=1.2)
    doc = read_path(make_listing_screenshot(spec, tmp_path / "tiny.png"))
    assert doc.status in (OK, NO_TEXT)
    assert "1005006123456789" not in _compact(doc.full_text)
    assert all(
        ln.box[2] <= 260 and ln.box[3] <= 162 for ln in doc.lines()
    )  # boxes in the tiny image's pixels


def test_long_image_is_tiled_and_boxes_map_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import ImageDraw

    from tests.factories.layout import font_file, pil_font

    monkeypatch.setattr(ocr, "MAX_SIDE", 600)  # tile a small image instead of a huge one: same code path
    strip = Image.new("RGB", (600, 2400), "white")
    draw = ImageDraw.Draw(strip)
    font = pil_font(str(font_file(False, False)), 22)
    for y in (40, 1190, 2330):  # the middle line sits in a tile overlap
        draw.text((20, y), "www.amazon.com/dp/B0C1234567", fill="black", font=font)
    engine = ocr.get_engine()
    before = engine.calls
    lines = ocr.ocr_image(strip)
    assert engine.calls - before == len(ocr._plan(*strip.size)[1]) > 2
    tops = [round(ln.box[1]) for ln in lines if "amazon.com/dp/b0c1234567" in ln.text.casefold()]
    assert len(tops) == 3  # each line once, though overlapping tiles both saw the middle one
    assert all(abs(top - (y + 5)) < 10 for top, y in zip(tops, (40, 1190, 2330), strict=True))


def test_cancel_stops_before_the_engine_runs(files: dict[str, Path]) -> None:
    token = CancelToken()
    token.cancel()
    before = ocr.get_engine().calls
    with pytest.raises(Cancelled):
        read_path(files["ali"], cancel=token)
    assert ocr.get_engine().calls == before


def test_blank_multi_frame_tiff_has_pages_but_no_text(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (400, 300), "white"), Image.new("RGB", (300, 400), (240, 240, 240))]
    frames[0].save(tmp_path / "blank.tif", save_all=True, append_images=frames[1:])
    doc = read_path(tmp_path / "blank.tif")
    assert doc.status == NO_TEXT and "no legible text" in doc.message
    assert [(p.width, p.height) for p in doc.pages] == [(400, 300), (300, 400)]


@pytest.mark.parametrize(
    "size", [(1440, 900), (828, 1792), (1440, 6000), (10000, 50), (300, 40000), (120, 80)]
)
def test_tiling_plan_covers_the_image_and_always_advances(size: tuple[int, int]) -> None:
    scale, spans, vertical = ocr._plan(*size)
    long_scaled = round(max(size) * scale)
    assert vertical == (size[1] >= size[0])
    assert spans[0][0] == 0 and spans[-1][1] == long_scaled
    assert all(b[0] > a[0] and b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))  # overlapping
    assert len(spans) <= ocr.MAX_TILES + 1
    assert max(size) >= ocr.UPSCALE_BELOW or scale > 1  # small images are enlarged
