"""Ids printed beside their label, in the languages the marketplaces' pages use (the labels are data:
resources/marketplaces/_id_labels.json). The page text of a listing whose address bar is not shown names
the listing by its label: another id is listing.id_mismatch, the complained id is located."""

from __future__ import annotations

import pytest

from desktop_app.core.marketplaces import all_profiles, id_label_patterns
from tests.checks.builders import codes
from tests.checks.test_listing_identity import _built

# marketplace, complained URL, its id as printed, another listing's id as printed, label lines ({id})
CASES = [
    (
        "ebay",
        "https://www.ebay.de/itm/395512345678",
        "395512345678",
        "126677889900",
        [
            "eBay-Artikelnummer: {id}",
            "Artikelnummer: {id}",
            "eBay-Artikelnr.: {id}",
            "Numéro de l'objet eBay : {id}",
            "Numéro de l'objet : {id}",
            "N° de l'objet : {id}",
            "Número de artículo de eBay: {id}",
            "Número de artículo: {id}",
            "Numero oggetto eBay: {id}",
            "Numero oggetto: {id}",
            "eBay item number: {id}",
            "Itemnumber:{id}",
        ],
    ),
    (
        "amazon",
        "https://www.amazon.de/dp/B0C1234567",
        "B0C1234567",
        "B0D7654321",
        [
            "ASIN: {id}",
            "ASIN \u200f : \u200e {id}",
            "ASIN{id}",
        ],
    ),
    (
        "aliexpress",
        "https://www.aliexpress.com/item/1005006123456789.html",
        "1005006123456789",
        "1005001987654321",
        [
            "Item ID: {id}",
            "Artikel-ID: {id}",
            "ID de l'article : {id}",
            "ID del artículo: {id}",
            "ID articolo: {id}",
            "Código do produto: {id}",
            "商品ID：{id}",
        ],
    ),
    (
        "mercadolibre",
        "https://produto.mercadolivre.com.br/MLB-1234567890-x-_JM",
        "MLB1234567890",
        "MLB9876543210",
        [
            "Anúncio #{id}",
            "Código do anúncio: {id}",
            "Número do anúncio: {id}",
            "Publicación #{id}",
        ],
    ),
    (
        "walmart",
        "https://www.walmart.com/ip/x/123456789",
        "123456789",
        "987654321",
        [
            "Walmart # {id}",
            "Walmart Item # {id}",
        ],
    ),
    (
        "etsy",
        "https://www.etsy.com/listing/1234567890/x",
        "1234567890",
        "1987654321",
        [
            "Listing # {id}",
            "Numéro de l'annonce : {id}",
            "Número do anúncio: {id}",
            "Numero annuncio: {id}",
        ],
    ),
    (
        "shopee",
        "https://shopee.com.br/x-i.12345678.2345678901",
        "2345678901",
        "2999999999",
        [
            "Código do produto: {id}",
        ],
    ),
]
ONE = [(m, url, own, other, label) for m, url, own, other, labels in CASES for label in labels]


@pytest.mark.parametrize("marketplace, url, own, other, label", ONE)
def test_labelled_id_of_another_listing_is_a_mismatch(marketplace, url, own, other, label) -> None:
    line = label.format(id=other)
    report = _built(marketplace, url, ["", "", "", "", "", "", "KESTRELINE Jacket", line]).run()
    assert "listing.id_mismatch" in codes(report), (line, [x.message for x in report.findings])
    finding = next(x for x in report.findings if x.code == "listing.id_mismatch")
    assert finding.params["shown_id"] == other and "page text" in finding.message


@pytest.mark.parametrize("marketplace, url, own, other, label", ONE)
def test_labelled_complained_id_is_shown(marketplace, url, own, other, label) -> None:
    line = label.format(id=own)
    report = _built(marketplace, url, ["", "", "", "", "", "", "KESTRELINE Jacket", line]).run()
    assert not {"listing.id_mismatch", "listing.id_not_shown"} & set(codes(report)), (line, codes(report))


def test_a_label_without_an_id_of_the_marketplace_shape_reads_nothing() -> None:
    (pattern,) = id_label_patterns("ebay")
    assert not pattern.search("Deals: item #1 of 3") and not pattern.search("Artikelnummer: ABC-12")
    (amazon,) = id_label_patterns("amazon")
    assert not amazon.search("asin b0c1234567")  # Amazon prints ASIN in capitals


def test_every_marketplace_has_labels() -> None:
    for profile in all_profiles():
        assert id_label_patterns(profile.key), profile.key
