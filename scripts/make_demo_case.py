"""Regenerate resources/demo_case: a small, clean ("ready") case for the fictional brand KESTRELINE.

    python scripts/make_demo_case.py [OUT]      (default: resources/demo_case)

The files come from tests/factories, so the demo looks like the evidence the tests use: a USPTO
registration certificate (text PDF) and an AliExpress listing screenshot showing the URL and the
brand on the product. Output is deterministic; commit the generated files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.factories import (  # noqa: E402
    CertificateSpec,
    ScreenshotSpec,
    make_certificate_pdf,
    make_listing_screenshot,
)

URL = "https://www.aliexpress.com/item/1005006123456789.html"
TITLE = "KESTRELINE Men's Waterproof Hooded Jacket Windbreaker Outdoor Coat"
SELLER = "Fashion Outlet Store"

CASE_TOML = f'''# Demo case: counterfeit KESTRELINE jackets on AliExpress (fictional brand, generated files).
title = "Counterfeit KESTRELINE jackets on AliExpress"
filing_date = "2026-11-20"

[complainant]
name = "Kestreline Apparel Inc."
role = "rights_holder"
email = "legal@kestreline.example"

[[rights]]
type = "trademark"
office = "USPTO"
registration_number = "6123456"
mark = "KESTRELINE"
owner = "Kestreline Apparel Inc."
classes = [25]
certificate = "files/certificate.pdf"

[[listings]]
url = "{URL}"
title = "{TITLE}"
seller = "{SELLER}"
screenshots = ["files/listing.png"]
'''

CERTIFICATE = CertificateSpec(
    office="USPTO",
    registration_number="6,123,456",
    mark="KESTRELINE",
    owner="Kestreline Apparel Inc.",
    owner_address="100 Main Street, Portland, OREGON 97201",
    classes=[25],
    goods={25: "Jackets; coats; hooded jackets; windbreakers; rain jackets"},
    registration_date=dt.date(2022, 5, 10),  # ten-year term: in force on the 2026-11-20 filing date
    filing_date=dt.date(2021, 6, 1),
    first_use=dt.date(2019, 3, 1),
)

LISTING = ScreenshotSpec(
    url=URL,
    title=TITLE,
    price="US $23.99",
    seller=SELLER,
    product_text="KESTRELINE",
    shown_id="1005006123456789",
)


def make_demo_case(out: Path) -> list[Path]:
    files = out / "files"
    files.mkdir(parents=True, exist_ok=True)
    written = [
        make_certificate_pdf(CERTIFICATE, files / "certificate.pdf"),
        make_listing_screenshot(LISTING, files / "listing.png"),
    ]
    toml = out / "case.toml"
    toml.write_text(CASE_TOML, encoding="utf-8")
    return [toml, *written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "resources" / "demo_case")
    args = parser.parse_args(argv)
    for path in make_demo_case(args.out):
        print(f"{path.stat().st_size:>8}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
