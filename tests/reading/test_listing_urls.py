"""Listing addresses: marketplace, store country and listing id; short links; URLs in OCR text; profiles."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import NotFoundError, UserError
from desktop_app.core.marketplaces import (
    ANY,
    all_profiles,
    get_profile,
    offices_for_country,
    profile_for_host,
)
from desktop_app.core.reading.listing_urls import find_urls, parse_listing_url, split_pasted_urls

OK_CASES = [
    # Taobao / Tmall / 1688 / Alibaba.com / AliExpress
    ("https://item.taobao.com/item.htm?id=678901234567&spm=a1z10.1-c.w4004", "taobao", "678901234567", "CN"),
    ("item.taobao.com/item.htm?spm=x&id=678901234567", "taobao", "678901234567", "CN"),
    ("https://m.intl.taobao.com/detail/detail.html?id=678901234567", "taobao", "678901234567", "CN"),
    ("https://h5.m.taobao.com/awp/core/detail.htm?id=678901234567", "taobao", "678901234567", "CN"),
    ("https://world.taobao.com/item/678901234567.htm", "taobao", "678901234567", "CN"),
    ("https://detail.tmall.com/item.htm?spm=a220m&id=612345678901&skuId=4", "tmall", "612345678901", "CN"),
    ("https://detail.m.tmall.com/item.htm?id=612345678901", "tmall", "612345678901", "CN"),
    ("https://detail.1688.com/offer/712345678901.html?spm=a261y", "1688", "712345678901", "CN"),
    ("https://m.1688.com/offer/712345678901.html", "1688", "712345678901", "CN"),
    (
        "https://www.alibaba.com/product-detail/Kestreline-Men-Jacket_1600123456789.html?spm=a2700",
        "alibaba",
        "1600123456789",
        "",
    ),
    ("https://m.alibaba.com/product/1600123456789/Kestreline-Jacket.html", "alibaba", "1600123456789", ""),
    (  # the language sites (spanish., french., ...) use /p-detail/
        "https://spanish.alibaba.com/p-detail/Chaqueta-impermeable-1600123456789.html?spm=a2700",
        "alibaba",
        "1600123456789",
        "",
    ),
    (
        "https://www.aliexpress.com/item/1005001234567890.html?spm=a2g0o.productlist",
        "aliexpress",
        "1005001234567890",
        "",
    ),
    ("https://fr.aliexpress.com/item/1005001234567890.html", "aliexpress", "1005001234567890", ""),
    ("https://m.aliexpress.com/item/1005001234567890.html", "aliexpress", "1005001234567890", ""),
    ("https://www.aliexpress.us/item/3256801234567890.html", "aliexpress", "3256801234567890", "US"),
    ("https://aliexpress.ru/item/1005001234567890.html", "aliexpress", "1005001234567890", "RU"),
    # Amazon: every path form, country stores from the host
    ("https://www.amazon.com/dp/B0C1234567", "amazon", "B0C1234567", "US"),
    (
        "https://www.amazon.co.uk/Kestreline-Jacket/dp/B0C1234567/ref=sr_1_1?keywords=x",
        "amazon",
        "B0C1234567",
        "GB",
    ),
    ("amazon.de/gp/product/B0C1234567", "amazon", "B0C1234567", "DE"),
    ("https://www.amazon.co.jp/gp/aw/d/B0C1234567", "amazon", "B0C1234567", "JP"),
    ("https://www.amazon.com.mx/s?k=x&asin=B0C1234567", "amazon", "B0C1234567", "MX"),
    ("https://www.amazon.in/dp/b0c1234567", "amazon", "B0C1234567", "IN"),
    ("https://www.amazon.com.br/dp/B0C1234567", "amazon", "B0C1234567", "BR"),
    ("https://www.amazon.com.be/dp/B0C1234567", "amazon", "B0C1234567", "BE"),
    ("https://www.amazon.ae/dp/B0C1234567", "amazon", "B0C1234567", "AE"),
    # eBay
    ("https://www.ebay.com/itm/123456789012", "ebay", "123456789012", "US"),
    ("https://www.ebay.co.uk/itm/Kestreline-Jacket/123456789012?hash=item1c", "ebay", "123456789012", "GB"),
    ("https://www.ebay.de/itm/123456789012", "ebay", "123456789012", "DE"),
    ("https://www.ebay.com/p/1234567?iid=123456789012", "ebay", "123456789012", "US"),  # a catalog page
    ("https://www.ebay.com/sch/i.html?item=123456789012", "ebay", "123456789012", "US"),
    ("https://www.ebay.com.au/itm/123456789012", "ebay", "123456789012", "AU"),
    # Mercado Libre
    (
        "https://articulo.mercadolibre.com.mx/MLM-1234567890-chamarra-kestreline-_JM",
        "mercadolibre",
        "MLM1234567890",
        "MX",
    ),
    (
        "https://produto.mercadolivre.com.br/MLB-1234567890-jaqueta-_JM#position=1",
        "mercadolibre",
        "MLB1234567890",
        "BR",
    ),
    ("https://www.mercadolibre.com.ar/chamarra/p/MLA12345678", "mercadolibre", "MLA12345678", "AR"),
    # Shopee / Lazada
    ("https://shopee.sg/Kestreline-Jacket-i.123456.7890123456", "shopee", "123456.7890123456", "SG"),
    ("https://shopee.co.id/product/123456/7890123456", "shopee", "123456.7890123456", "ID"),
    (
        "https://www.lazada.sg/products/kestreline-jacket-i123456789-s987654321.html",
        "lazada",
        "123456789",
        "SG",
    ),
    ("https://www.lazada.com.my/products/kestreline-i123456789.html", "lazada", "123456789", "MY"),
    # Walmart / Etsy / Temu
    ("https://www.walmart.com/ip/Kestreline-Jacket/123456789", "walmart", "123456789", "US"),
    ("https://www.etsy.com/listing/1234567890/kestreline-jacket", "etsy", "1234567890", ""),
    ("https://www.temu.com/kestreline-jacket-g-601099512345678.html", "temu", "601099512345678", ""),
    ("https://www.temu.com/goods.html?goods_id=601099512345678", "temu", "601099512345678", ""),
    # pasted or OCR'd: whitespace, no scheme, wrapped in brackets, full width
    ("  https://item.taobao.com/item.htm? id=6789 01234567 ", "taobao", "678901234567", "CN"),
    ("<https://www.ebay.com/itm/123456789012>", "ebay", "123456789012", "US"),
    ("htps:// www.amazon.de/dp/B0C1234567", "amazon", "B0C1234567", "DE"),
    (
        "ｈｔｔｐｓ：／／ｗｗｗ．ａｍａｚｏｎ．ｃｏｍ／ｄｐ／Ｂ０Ｃ１２３４５６７",
        "amazon",
        "B0C1234567",
        "US",
    ),
]


@pytest.mark.parametrize(("url", "marketplace", "listing_id", "country"), OK_CASES)
def test_parse_listing_url_ok(url: str, marketplace: str, listing_id: str, country: str) -> None:
    ref = parse_listing_url(url)
    assert (ref.status, ref.marketplace, ref.listing_id, ref.country, ref.message) == (
        "ok",
        marketplace,
        listing_id,
        country,
        "",
    )
    assert ref.ok and ref.url.startswith("https://") and " " not in ref.url


@pytest.mark.parametrize(
    ("url", "marketplace"),
    [
        ("https://a.aliexpress.com/_mKabc12", "aliexpress"),
        ("https://s.click.aliexpress.com/e/_DlXyz", "aliexpress"),
        ("https://www.aliexpress.com/e/_DlXyz", "aliexpress"),
        ("https://amzn.to/3xYz", "amazon"),
        ("amzn.eu/d/xyz", "amazon"),
        ("https://a.co/d/abc", "amazon"),
        ("https://ebay.us/abc", "ebay"),
        ("https://m.tb.cn/h.Uabc", "taobao"),
        ("https://e.tb.cn/h.abc", "taobao"),
        ("https://qr.1688.com/s/abc", "1688"),
        ("https://s.lazada.sg/s.abc", "lazada"),
        ("https://s.lazada.co.th/s.abc", "lazada"),
        ("https://shope.ee/abc", "shopee"),
        ("https://etsy.me/abc", "etsy"),
    ],
)
def test_short_links_must_be_resolved_in_a_browser(url: str, marketplace: str) -> None:
    ref = parse_listing_url(url)
    assert (ref.status, ref.marketplace, ref.listing_id) == ("short_link", marketplace, "")
    assert "browser" in ref.message and "paste the full" in ref.message


@pytest.mark.parametrize(
    ("url", "status", "marketplace", "in_message"),
    [
        ("https://www.amazon.com/s?k=kestreline", "no_id", "amazon", "ASIN"),
        ("https://www.taobao.com/", "no_id", "taobao", "Item ID"),
        ("https://www.ebay.com/sch/i.html?_nkw=kestreline", "no_id", "ebay", "Item number"),
        ("https://www.google.com/search?q=kestreline", "unrecognised", "", "www.google.com"),
        ("hello", "invalid", "", "not a web address"),
        ("", "invalid", "", "empty"),
        ("   ", "invalid", "", "empty"),
        ("https://", "invalid", "", "not a web address"),
        ("12.50", "invalid", "", "not a web address"),
    ],
)
def test_problem_urls(url: str, status: str, marketplace: str, in_message: str) -> None:
    ref = parse_listing_url(url)
    assert (ref.status, ref.marketplace, ref.listing_id) == (status, marketplace, "")
    assert in_message in ref.message and ref.message.endswith(".")


def test_find_urls_in_ocr_text() -> None:
    text = (
        "Address: https:// item.taobao.com / item.htm?id=678901234567 price 12.50\n"
        "www.amazon.de/dp/B0C1234567 e.g. something\n"
        "detail.1688.com/offer/712345678901.html\n"
        "htps:// amzn.to/3xYz\n"
        "mail me at someone@example.com; version 1.2.3"
    )
    assert find_urls(text) == [
        "https://item.taobao.com/item.htm?id=678901234567",
        "https://www.amazon.de/dp/B0C1234567",
        "https://detail.1688.com/offer/712345678901.html",
        "https://amzn.to/3xYz",
    ]
    assert find_urls("") == []
    # an address bar cut short is not the listing's address
    assert find_urls("item.taobao.com/item.htm?id=67890…") == []
    assert find_urls("https://www.amazon.com/dp/B0C12...") == []
    assert find_urls("www.amazon.com...") == ["https://www.amazon.com"]


def test_split_pasted_urls() -> None:
    text = (
        "https://a.example/1\n\n  https://a.example/2 https://a.example/3\n"
        "https://a.example/1\nhttps://a.example/4, https://a.example/5\n"
    )
    assert split_pasted_urls(text) == [f"https://a.example/{i}" for i in range(1, 6)]
    rows = "https://a.example/1\tfake jacket\t$23\nitem.taobao.com/item.htm?id=678901234567\tnote\n"
    assert split_pasted_urls(rows) == ["https://a.example/1", "item.taobao.com/item.htm?id=678901234567"]
    with pytest.raises(UserError, match="at most 3"):
        split_pasted_urls("\n".join(f"https://a.example/{i}" for i in range(4)), limit=3)
    assert len(split_pasted_urls("\n".join(f"https://a.example/{i}" for i in range(300)))) == 300
    with pytest.raises(UserError, match="301 listing addresses"):
        split_pasted_urls("\n".join(f"https://a.example/{i}" for i in range(301)))


# --- marketplace profiles ---------------------------------------------------------------------------------


def test_every_marketplace_has_a_profile() -> None:
    keys = {p.key for p in all_profiles()}
    assert keys == {
        "aliexpress",
        "taobao",
        "tmall",
        "1688",
        "alibaba",
        "amazon",
        "ebay",
        "mercadolibre",
        "shopee",
        "lazada",
        "walmart",
        "etsy",
        "temu",
    }
    for p in all_profiles():
        assert p.name and p.hosts and p.id_patterns and p.ip_platform and p.max_urls_per_complaint > 0
        assert isinstance(p.requirements.get("certificate"), bool)
    assert get_profile("TAOBAO").key == "taobao"
    with pytest.raises(NotFoundError, match="Unknown marketplace 'nope'"):
        get_profile("nope")


def test_alibaba_group_shares_ipp_and_its_limit() -> None:
    for key in ("taobao", "tmall", "1688", "alibaba", "aliexpress"):
        p = get_profile(key)
        assert (p.ip_platform, p.max_urls_per_complaint) == ("Alibaba IPP", 300)
        assert p.requirements["authorization_when_agent"] is True


@pytest.mark.parametrize(
    "host",
    [
        "amazon.com",
        "amazon.co.uk",
        "amazon.de",
        "amazon.fr",
        "amazon.it",
        "amazon.es",
        "amazon.co.jp",
        "amazon.ca",
        "amazon.com.mx",
        "amazon.com.br",
        "amazon.in",
        "amazon.com.au",
        "amazon.nl",
        "amazon.se",
        "amazon.pl",
        "amazon.sg",
        "amazon.ae",
        "amazon.sa",
        "amazon.com.tr",
        "amazon.eg",
        "amazon.com.be",
        "ebay.com",
        "ebay.co.uk",
        "ebay.de",
        "ebay.fr",
        "ebay.it",
        "ebay.es",
        "ebay.com.au",
        "ebay.ca",
        "ebay.at",
        "ebay.ch",
        "ebay.ie",
        "ebay.nl",
        "ebay.pl",
        "ebay.be",
        "ebay.com.hk",
        "ebay.com.sg",
        "ebay.com.my",
        "ebay.ph",
        "mercadolibre.com.ar",
        "mercadolivre.com.br",
        "articulo.mercadolibre.com.mx",
        "mercadolibre.cl",
        "shopee.sg",
        "shopee.com.my",
        "shopee.co.id",
        "shopee.ph",
        "shopee.co.th",
        "shopee.vn",
        "shopee.tw",
        "lazada.sg",
        "lazada.com.my",
        "lazada.co.id",
        "lazada.com.ph",
        "lazada.co.th",
        "lazada.vn",
    ],
)
def test_every_country_store_has_a_country(host: str) -> None:
    profile = profile_for_host("www." + host)
    assert profile is not None
    assert len(profile.country_for_host("www." + host)) == 2


@pytest.mark.parametrize(
    ("key", "country", "office", "designations", "accepted"),
    [
        ("taobao", "CN", "CNIPA", (), True),
        ("taobao", "CN", "USPTO", (), False),
        ("tmall", "", "CNIPA", (), True),
        ("1688", "", "EUIPO", (), False),
        ("taobao", "", "WIPO", ("CN", "EM"), True),
        ("taobao", "", "WIPO", ("US",), False),
        ("amazon", "US", "USPTO", (), True),
        ("amazon", "US", "EUIPO", (), False),
        ("amazon", "DE", "EUIPO", (), True),
        ("amazon", "DE", "DPMA", (), True),
        ("amazon", "DE", "WIPO", ("EM",), True),
        ("amazon", "DE", "WIPO", ("DE",), True),
        ("amazon", "DE", "UKIPO", (), False),
        ("amazon", "GB", "UKIPO", (), True),
        ("amazon", "GB", "EUIPO", (), False),  # an EU trade mark does not cover the UK
        ("amazon", "JP", "JPO", (), True),
        ("ebay", "AU", "IP Australia", (), True),
        ("mercadolibre", "BR", "INPI-BR", (), True),
        ("aliexpress", "", "USPTO", (), True),  # any office
        ("alibaba", "", "UKIPO", (), True),
    ],
)
def test_jurisdiction_rules(
    key: str, country: str, office: str, designations: tuple[str, ...], accepted: bool
) -> None:
    assert get_profile(key).accepts_office(office, country, designations) is accepted


def test_expected_offices() -> None:
    assert get_profile("amazon").expected_offices("DE") == ("DPMA", "EUIPO", "WIPO:DE", "WIPO:EM")
    assert get_profile("amazon").expected_offices("US") == ("USPTO", "WIPO:US")
    assert get_profile("taobao").expected_offices() == ("CNIPA", "WIPO:CN")
    assert get_profile("aliexpress").expected_offices() == (ANY,)
    assert offices_for_country("fr") == ("INPI", "EUIPO", "WIPO:FR", "WIPO:EM")


# --- recorded OCR output of generated listing screenshots ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "url", "listing_id"),
    [
        ("screenshot_taobao", "https://item.taobao.com/item.htm?id=678901234567&spm=a1z10", "678901234567"),
        ("screenshot_amazon_de", "https://www.amazon.de/dp/B0C1234567/ref=sr_1_1", "B0C1234567"),
        (
            "screenshot_aliexpress",
            "https://www.aliexpress.com/item/1005001234567890.html",
            "1005001234567890",
        ),
    ],
)
def test_address_bar_of_an_ocrd_screenshot(name: str, url: str, listing_id: str) -> None:
    import json
    from pathlib import Path

    from desktop_app.core.reading.matching import find_listing_id, find_mark
    from desktop_app.core.reading.text import DocumentText

    raw = (Path(__file__).parent / "data" / f"ocr_{name}.json").read_text(encoding="utf-8")
    doc = DocumentText.from_json(json.loads(raw))
    assert find_urls(doc.full_text) == [url]
    ref = parse_listing_url(find_urls(doc.full_text)[0])
    assert (ref.status, ref.listing_id) == ("ok", listing_id)
    found = find_listing_id(listing_id, doc.lines(), marketplace=ref.marketplace)
    assert [m.kind for m in found] == ["exact"] and url.startswith(found[0].line.text[:20])
    marks = find_mark("Kestreline", doc.lines())
    # the tab title, the listing title (OCR: "KESTRELiNEMen'sWaterproof...") and the product print
    assert [m.kind for m in marks] == ["exact", "exact", "exact"]


# -- addresses read from evidence lines ---------------------------------------------------------------

READ_CASES = [
    # (line as read, case marketplace, marketplace, id, quote as read)
    (
        "https://item.taobao.com/item.htm?id=678912345678&spm=a1z10",
        "",
        "taobao",
        "678912345678",
        "678912345678",
    ),
    ("item.taobao.com/item. htm?id=6789 12345678", "", "taobao", "678912345678", "6789 12345678"),
    ("htm?id=6789l2345678", "taobao", "taobao", "678912345678", "6789l2345678"),
    ("https://www.amazon.com/dp/B0Y0Q2UCl0/ref=sr_1_1", "", "amazon", "B0Y0Q2UCL0", "B0Y0Q2UCl0"),
    ("ebay.de/itm/39551234567O?hash=1", "", "ebay", "395512345670", "39551234567O"),
    ("/itm/395512345670", "ebay", "ebay", "395512345670", "395512345670"),
    (
        "produto.mercadolivre.com.br/MLB-1234567890-jaqueta-_JM",
        "",
        "mercadolibre",
        "MLB1234567890",
        "MLB-1234567890",
    ),
    ("shopee.sg/Jacket-i.12345678.9876543210", "", "shopee", "12345678.9876543210", "9876543210"),
    ("www.temu.com/nordvik-g-601099512345678.html", "", "temu", "601099512345678", "601099512345678"),
    ("https://www.etsy.com/listing/1987654321/coat", "", "etsy", "1987654321", "1987654321"),
    ("walmart.com/ip/Nordvik-Coat/987654321", "", "walmart", "987654321", "987654321"),
    ("lazada.sg/products/coat-i555666777-s1.html", "", "lazada", "555666777", "555666777"),
    ("detail.1688.com/offer/719999345678.html", "", "1688", "719999345678", "719999345678"),
]


@pytest.mark.parametrize("line, hint, market, listing_id, quote", READ_CASES)
def test_listing_refs_read_from_a_line_quote_the_id_as_read(line, hint, market, listing_id, quote) -> None:
    from desktop_app.core.reading.listing_urls import read_listing_refs

    refs = read_listing_refs(line, hint)
    assert [(r.ref.marketplace, r.ref.listing_id) for r in refs] == [(market, listing_id)]
    s, e = refs[0].id_span
    assert line[s:e] == quote


@pytest.mark.parametrize(
    "line, hint",
    [
        ("Olympic item 12 of 34", "taobao"),
        ("Colour: Navy  Size: M L XL", "ebay"),
        ("https://www.аliexpress.com/item/1005006123456789.html", ""),  # a Cyrillic а in the host
        ("see example.com/item/1005006123456789.html", "aliexpress"),
        ("Amazon's Choice for B0C1234567", "amazon"),  # an ASIN without an address is not a piece of one
    ],
)
def test_lines_that_name_no_listing(line: str, hint: str) -> None:
    from desktop_app.core.reading.listing_urls import read_listing_refs

    assert read_listing_refs(line, hint) == []


# -- entered addresses that can never be a listing's ---------------------------------------------------

UNSAFE = [
    ("javascript:alert(document.cookie)", "javascript:"),
    ("JavaScript:void(0)//www.aliexpress.com/item/1005006123456789.html", "javascript:"),
    ("data:text/html;base64,PHNjcmlwdD4=", "data:"),
    ("file:///etc/passwd", "file:"),
    ("ftp://www.aliexpress.com/item/1005006123456789.html", "ftp:"),
    ("https://www.\u0430liexpress.com/item/1005006123456789.html", "non-ASCII"),  # Cyrillic а
    ("www.amaz\u043en.com/dp/B0C1234567", "non-ASCII"),  # Cyrillic о, no scheme
    ("https://www.ebay.com\u200b/itm/123456789012", "non-ASCII"),  # zero-width space in the host
]


@pytest.mark.parametrize("url, says", UNSAFE)
def test_unsafe_addresses_are_refused_in_one_sentence(url: str, says: str) -> None:
    ref = parse_listing_url(url)
    assert ref.status == "invalid" and not ref.marketplace and not ref.listing_id
    assert says in ref.message and ref.message.count(". ") == 0 and ref.message.endswith(".")
    assert "\u0430" not in ref.message and "\u200b" not in ref.message  # shown escaped, never raw


def test_punycode_host_is_shown_and_not_taken_for_the_marketplace() -> None:
    ref = parse_listing_url("https://www.\u0430liexpress.com/item/1005006123456789.html")
    assert "xn--" in ref.message
    ascii_ref = parse_listing_url("https://www.xn--liexpress-6nh.com/item/1005006123456789.html")
    assert ascii_ref.status == "unrecognised"


@pytest.mark.parametrize(
    "url",
    [
        "amazon.com:443/dp/B0C1234567",
        "HTTPS://WWW.AMAZON.COM/dp/B0C1234567",
        "hxxps://www.amazon.com/dp/B0C1234567",
    ],
)
def test_ordinary_addresses_still_parse(url: str) -> None:
    assert parse_listing_url(url).ok


def test_an_address_bar_whose_host_ocr_misread_still_names_the_listing() -> None:
    from desktop_app.core.reading.listing_urls import parse_listing_url, read_listing_refs

    line = "https://item.taoba0.com/item.htm?spm=a21n57.1.0.0&id=736563889071&ns=1"  # "taoba0": o read as 0
    (read,) = read_listing_refs(line, "taobao")
    assert (read.ref.marketplace, read.ref.listing_id) == ("taobao", "736563889071")
    assert line[read.id_span[0] : read.id_span[1]] == "736563889071"
    (read,) = read_listing_refs("https://www.a1iexpress.com/item/1005006123456789.html", "aliexpress")
    assert read.ref.listing_id == "1005006123456789"
    assert read_listing_refs("https://www.example0.com/item/1005006123456789.html", "aliexpress") == []
    # an address the user types is never taken for a marketplace it only resembles
    assert parse_listing_url("https://item.taoba0.com/item.htm?id=736563889071").status == "unrecognised"
