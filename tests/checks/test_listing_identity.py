"""Which listing a capture shows, read from every place it shows: the address bar, a printed page's
header and footer, pieces of an address, and ids beside their labels (in several languages).

Built facts pin the rules per marketplace; real files (a printed PDF's text layer, OCR of screenshots
drawn by the factories) show they hold on evidence as it is captured.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.checks.findings import Severity
from desktop_app.core.model import EvidenceKind
from desktop_app.core.reading.service import read_path
from tests.checks.builders import Built, codes, evidence_file

# (marketplace, complained url, the address bar of another listing of the same marketplace)
OTHER_LISTING = [
    (
        "taobao",
        "https://item.taobao.com/item.htm?id=612345678901",
        "item.taobao.com/item.htm?id=678912345678",
    ),
    (
        "tmall",
        "https://detail.tmall.com/item.htm?id=612345678901",
        "detail.tmall.com/item.htm?spm=a1&id=688812345671",
    ),
    ("1688", "https://detail.1688.com/offer/712345678901.html", "detail.1688.com/offer/719999345678.html"),
    (
        "alibaba",
        "https://www.alibaba.com/product-detail/Jacket_1600123456789.html",
        "https://www.alibaba.com/product-detail/Nordvik-Coat_1600987654321.html?spm=a2700",
    ),
    (
        "aliexpress",
        "https://www.aliexpress.com/item/1005006123456789.html",
        "aliexpress.com/item/1005009988776655.html",
    ),
    ("amazon", "https://www.amazon.com/dp/B0C1234567", "https://www.amazon.com/gp/product/B0D7654321/ref=x"),
    ("amazon", "https://www.amazon.de/dp/B0C1234567", "amazon.de/NORDVIK-Jacke/dp/B0D7654321?th=1"),
    (
        "ebay",
        "https://www.ebay.com/itm/395512345678",
        "https://www.ebay.co.uk/itm/NORDVIK-Jacket/126677889900",
    ),
    ("ebay", "https://www.ebay.de/itm/395512345678", "ebay.de/itm/126677889900?hash=item1d"),
    ("ebay", "https://www.ebay.com.au/itm/395512345678", "www.ebay.com.au/itm/126677889900"),
    (
        "shopee",
        "https://shopee.sg/Jacket-i.12345678.9876543210",
        "shopee.sg/Nordvik-Coat-i.12345678.1122334455",
    ),
    (
        "lazada",
        "https://www.lazada.sg/products/jacket-i123456789-s987654321.html",
        "lazada.sg/products/coat-i555666777-s1.html",
    ),
    (
        "mercadolibre",
        "https://articulo.mercadolibre.com.mx/MLM-1234567890-chamarra-_JM",
        "articulo.mercadolibre.com.mx/MLM-9876543210-chamarra-nordvik-_JM",
    ),
    ("walmart", "https://www.walmart.com/ip/Jacket/123456789", "walmart.com/ip/Nordvik-Coat/987654321"),
    ("etsy", "https://www.etsy.com/listing/1234567890/jacket", "etsy.com/listing/1987654321/nordvik-coat"),
    (
        "temu",
        "https://www.temu.com/jacket-g-601099512345678.html",
        "temu.com/nordvik-coat-g-601099598765432.html",
    ),
    (
        "temu",
        "https://www.temu.com/jacket-g-601099512345678.html",
        "temu.com/goods.html?goods_id=601099598765432",
    ),
]


def _built(marketplace: str, url: str, lines: list, *, name: str = "listing.png", **kw) -> Built:
    b = Built()
    li = b.case.listings[0]
    li.url, li.marketplace, li.listing_id = url, marketplace, ""
    if name != "listing.png":
        b.shot = evidence_file(name)
        li.screenshots[:] = [b.shot]
    b.screenshot(lines, **kw)
    return b


def _mismatch(report):
    return next(x for x in report.findings if x.code == "listing.id_mismatch")


@pytest.mark.parametrize("marketplace, url, bar", OTHER_LISTING)
def test_address_bar_of_another_listing_is_a_blocker_without_any_id_label(marketplace, url, bar) -> None:
    report = _built(marketplace, url, [bar, "KESTRELINE Men's Waterproof Jacket", "US $23.99"]).run()
    assert "listing.id_mismatch" in codes(report), [x.message for x in report.findings]
    finding = _mismatch(report)
    assert finding.severity == Severity.BLOCKER and "address bar" in finding.message
    assert finding.params["shown_id"] in bar  # quoted as read


@pytest.mark.parametrize("marketplace, url, bar", OTHER_LISTING)
def test_address_bar_of_another_listing_wins_over_the_complained_id_printed_on_the_page(
    marketplace, url, bar
) -> None:
    from desktop_app.core.reading.listing_urls import parse_listing_url

    expected = parse_listing_url(url).listing_id
    shown = expected.rsplit(".", 1)[-1]
    report = _built(marketplace, url, [bar, "KESTRELINE Jacket", "", "", "", "", f"Item ID: {shown}"]).run()
    assert "listing.id_mismatch" in codes(report), [x.message for x in report.findings]


@pytest.mark.parametrize("marketplace, url, bar", OTHER_LISTING)
def test_address_bar_of_the_complained_listing_is_shown(marketplace, url, bar) -> None:
    report = _built(marketplace, url, [url, "KESTRELINE Men's Waterproof Jacket"]).run()
    assert not [x for x in report.findings if x.code.startswith("listing.")], [
        x.message for x in report.findings
    ]


@pytest.mark.parametrize(
    "bar",
    [
        "item.taobao.com/item. htm?id= 6789 12345678",  # OCR spaces inside the address
        "htt ps://item.taobao.com/item.htm?id=678912345678&spm=2",  # a mangled scheme
        "htm?id=678912345678&spm=a1z10",  # only the end of the address is legible
        "item.htm?id=6789l2345678",  # l for 1 in an all-digit id
    ],
)
def test_ocr_damaged_address_of_another_taobao_listing(bar: str) -> None:
    url = "https://item.taobao.com/item.htm?id=612345678901"
    report = _built("taobao", url, [(bar, 0.93), "KESTRELINE 男士 防水 夹克"]).run()
    assert "listing.id_mismatch" in codes(report), [x.message for x in report.findings]


@pytest.mark.parametrize(
    "bar",
    [
        "item.taobao.com/item.htm?id=6l2345678901",  # l for 1: the complained listing
        "item.taobao.com/item.htm?id=612345678901",
        "htm?id=6123456789O1",  # O for 0
        "item.taobao.com/item.htm?id=61234567",  # cut short: not another listing
        "item.taobao.com/item.htm?id=612345678907",  # one digit off on a mediocre line: not believed
    ],
)
def test_misreadings_of_the_complained_taobao_address_are_not_a_mismatch(bar: str) -> None:
    url = "https://item.taobao.com/item.htm?id=612345678901"
    report = _built("taobao", url, [(bar, 0.9), "KESTRELINE 男士 防水 夹克"]).run()
    assert "listing.id_mismatch" not in codes(report), [x.message for x in report.findings]


@pytest.mark.parametrize(
    "marketplace, url, label",
    [
        ("ebay", "https://www.ebay.de/itm/395512345678", "eBay-Artikelnummer: 126677889900"),
        ("ebay", "https://www.ebay.fr/itm/395512345678", "Numéro de l'objet eBay : 126677889900"),
        ("ebay", "https://www.ebay.it/itm/395512345678", "Numero oggetto eBay: 126677889900"),
        ("ebay", "https://www.ebay.com/itm/395512345678", "Item number:126677889900"),
        (
            "mercadolibre",
            "https://articulo.mercadolibre.com.ar/MLA-1234567890-x-_JM",
            "Número de publicación: MLA-9876543210",
        ),
        (
            "mercadolibre",
            "https://produto.mercadolivre.com.br/MLB-1234567890-x-_JM",
            "Anúncio #MLB9876543210",
        ),
        ("taobao", "https://item.taobao.com/item.htm?id=612345678901", "商品ID：678912345678"),
        ("amazon", "https://www.amazon.com/dp/B0C1234567", "ASIN: B0D7654321"),
        ("etsy", "https://www.etsy.com/listing/1234567890/x", "Listing # 1987654321"),
    ],
)
def test_labelled_id_of_another_listing_in_the_page_text(marketplace, url, label) -> None:
    report = _built(marketplace, url, ["", "", "", "", "", "", "KESTRELINE Jacket", label]).run()
    finding = _mismatch(report)
    assert "page text" in finding.message and finding.params["shown_id"] in label


def test_mismatch_quotes_the_id_as_the_recogniser_read_it() -> None:
    bar = "https://www.amazon.com/dp/B0Y0Q2UCl0/ref=sr_1_1"
    report = _built(
        "amazon", "https://www.amazon.com/dp/B0X9Z8W7V6", [(bar, 0.98), "KESTRELINE Jacket"]
    ).run()
    finding = _mismatch(report)
    assert "B0Y0Q2UCl0" in finding.message and "B0Y0Q2UCL0" not in finding.message
    assert finding.evidence[0].text == "B0Y0Q2UCl0"
    assert finding.params["shown_where"] == "address bar"


# -- real files -----------------------------------------------------------------------------------------


def _read(path: Path, name: str, kind=EvidenceKind.SCREENSHOT):
    from desktop_app.core.checks.facts import FileFacts

    doc = read_path(path)
    f = evidence_file(name, "application/pdf" if name.endswith(".pdf") else "image/png", content=str(path))
    return FileFacts(file=f, kinds=[kind], doc=doc)


def _with_file(marketplace: str, url: str, ff) -> Built:
    b = Built()
    li = b.case.listings[0]
    li.url, li.marketplace, li.listing_id = url, marketplace, ""
    li.screenshots[:] = [ff.file]
    b.facts.files[ff.file.sha256] = ff
    return b


@pytest.mark.parametrize("header", [False, True])
def test_printed_page_whose_footer_names_another_ebay_listing(tmp_path: Path, header: bool) -> None:
    from tests.factories.printed_listing import PrintedListingSpec, make_printed_listing_pdf

    spec = PrintedListingSpec(footer_url="https://www.ebay.com/itm/126677889900", header_url=header, pages=2)
    ff = _read(make_printed_listing_pdf(spec, tmp_path / "print.pdf"), "print.pdf")
    report = _with_file("ebay", "https://www.ebay.com/itm/395512345678", ff).run()
    finding = _mismatch(report)
    assert ("print header" if header else "print footer") in finding.message
    assert "126677889900" in finding.message and finding.evidence[0].text == "126677889900"


def test_printed_page_of_the_complained_listing_is_shown(tmp_path: Path) -> None:
    from tests.factories.printed_listing import PrintedListingSpec, make_printed_listing_pdf

    spec = PrintedListingSpec(footer_url="https://www.ebay.com/itm/395512345678")
    ff = _read(make_printed_listing_pdf(spec, tmp_path / "print.pdf"), "print.pdf")
    report = _with_file("ebay", "https://www.ebay.com/itm/395512345678", ff).run()
    assert not [x for x in report.findings if x.code.startswith("listing.")]
    assert any(loc.what == "listing_id" and loc.evidence.file == "print.pdf" for loc in report.located)


@pytest.mark.ocr
def test_screenshot_whose_address_bar_shows_another_taobao_listing(tmp_path: Path) -> None:
    from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot

    spec = ScreenshotSpec(
        url="https://item.taobao.com/item.htm?id=678912345678&spm=a1z10",
        title="KESTRELINE 男士 防水 连帽 夹克",
        price="¥ 189.00",
        seller="时尚外套店",
    )
    ff = _read(make_listing_screenshot(spec, tmp_path / "listing.png"), "listing.png")
    report = _with_file("taobao", "https://item.taobao.com/item.htm?id=612345678901", ff).run()
    finding = _mismatch(report)
    assert finding.severity == Severity.BLOCKER
    assert "address bar" in finding.message and "678912345678" in finding.message


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "https://www.\u0430liexpress.com/item/1005006123456789.html",
        "https://example.com/shop/jacket",
    ],
)
def test_unsupported_url_is_a_blocker_whatever_id_is_typed(url: str) -> None:
    b = Built()
    b.case.listings[0].url = url  # marketplace and listing_id stay typed in: they vouch for nothing
    report = b.run()
    finding = next(x for x in report.findings if x.code == "listing.unsupported_url")
    assert finding.severity == Severity.BLOCKER and report.verdict == "not_ready"
    assert "\u0430" not in finding.message


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://www.\u0430liexpress.com/item/1005006123456789.html",
    ],
)
def test_case_folder_with_an_unsafe_listing_url_is_refused_naming_the_field(tmp_path: Path, url: str) -> None:
    import shutil

    from desktop_app.core.case_folder import read_case_folder
    from desktop_app.core.errors import UserError
    from desktop_app.core.resources import demo_case_dir

    folder = tmp_path / "case"
    shutil.copytree(demo_case_dir(), folder)
    toml = folder / "case.toml"
    text = toml.read_text(encoding="utf-8")
    import re

    text = re.sub(r'(?m)^url\s*=\s*".*"$', f"url = {url!r}".replace("'", '"'), text, count=1)
    toml.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as err:
        read_case_folder(folder)
    message = str(err.value)
    assert "listings[1].url" in message and "case.toml" in message and "\n" not in message
