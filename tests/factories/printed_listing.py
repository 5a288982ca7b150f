"""A listing page printed with the browser's "Save as PDF": the page's text in a real text layer, and the
browser's own header (date and time, page title) and footer (the page's address, "1/2") in the margins.

``footer_url`` is the address the browser printed, which may name another listing than the page text
(or the page may print no id at all): exactly what the listing checks must read from the margins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.factories.layout import Page, render_pdf


@dataclass
class PrintedListingSpec:
    footer_url: str = "https://www.ebay.com/itm/395512345678"
    title: str = "KESTRELINE Men's Waterproof Hooded Jacket Windbreaker"
    marketplace_name: str = "eBay"
    price: str = "US $23.99"
    seller: str = "fashion-outlet-store (1204)"
    id_line: str = ""  # e.g. "eBay item number: 395512345678"; "" prints no id on the page
    printed_at: str = "2/20/26, 9:30 AM"  # as the browser prints it; "" prints no date
    pages: int = 1
    header_url: bool = False  # some browsers (and print settings) put the address in the header
    firefox: bool = False  # Firefox: title left and address right on top, page left and date right below


def make_printed_listing_pdf(spec: PrintedListingSpec, path: str | Path) -> Path:
    pages: list[Page] = []
    for n in range(1, spec.pages + 1):
        p = Page()
        if spec.firefox:
            p.text(8, 7, spec.title[:48], 8)
            p.text(202, 7, spec.footer_url, 8, align="R")
            p.text(8, 291, f"{n} of {spec.pages}", 8)
            p.text(202, 291, spec.printed_at, 8, align="R")
        else:
            p.text(8, 7, spec.printed_at, 8)
            p.text(105, 7, spec.title[:60], 8, align="C")
            if spec.header_url:
                p.text(202, 7, spec.footer_url, 8, align="R")
            else:
                p.text(8, 291, spec.footer_url, 8)
            p.text(202, 291, f"{n}/{spec.pages}", 8, align="R")
        if n == 1:
            p.cursor = 20
            p.flow(15, spec.marketplace_name, 20, bold=True)
            p.flow(15, "Home > Clothing > Jackets & Coats", 9, color=(90, 90, 90))
            p.flow(15, spec.title, 16, bold=True, width=180)
            p.flow(15, spec.price, 18, bold=True, color=(200, 30, 30))
            p.flow(15, f"Seller: {spec.seller}", 11)
            if spec.id_line:
                p.flow(15, spec.id_line, 10)
            p.flow(15, "Condition: New with tags   Colour: Navy   Size: M L XL XXL", 10)
            p.flow(15, "Free postage. Delivery in 15 days. 30 days returns.", 10)
        else:
            p.cursor = 20
            p.flow(15, "Item description from the seller", 14, bold=True)
            p.flow(15, "Waterproof hooded jacket, windbreaker, outdoor coat. " * 4, 10, width=180)
        pages.append(p)
    render_pdf(pages, path, title=spec.title)
    return Path(path)
