"""One real OCR run: a clean hard case (ASIN full of 0/O, the mark only on the product photo) is ready.

Kept to two images at module scope: OCR is the slow part of the suite.
"""

from __future__ import annotations

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.store import Store
from tests.factories.certificates import CertificateSpec, make_certificate_pdf
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot, make_product_photo

pytestmark = pytest.mark.ocr
ASIN = "B0O0DO7Q0O"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("ocr-case")
    files = root / "case" / "files"
    files.mkdir(parents=True)
    make_certificate_pdf(CertificateSpec(), files / "certificate.pdf")
    title = "Men's Waterproof Hooded Jacket Windbreaker Outdoor Coat"
    spec = ScreenshotSpec(
        url=f"https://www.amazon.com/dp/{ASIN}", title=title, product_text="", shown_id=ASIN
    )
    make_listing_screenshot(spec, files / "listing.png")
    make_product_photo(files / "product.jpg", text="KESTRELINE")
    (root / "case" / "case.toml").write_text(
        'filing_date = "2026-11-20"\n[complainant]\nname = "Kestreline Apparel Inc."\n'
        '[[rights]]\noffice = "USPTO"\nregistration_number = "6,123,456"\nmark = "KESTRELINE"\n'
        'owner = "Kestreline Apparel Inc."\nclasses = [25]\ncertificate = "files/certificate.pdf"\n'
        f'[[listings]]\nurl = "https://www.amazon.com/dp/{ASIN}"\ntitle = "{title}"\n'
        'screenshots = ["files/listing.png", "files/product.jpg"]\n',
        encoding="utf-8",
    )
    store = Store(root / "data")
    case_id = import_case_folder(store, root / "case")
    report = check_case(store, case_id)
    yield store, case_id, report
    store.close()


def test_hard_clean_case_is_ready(checked) -> None:
    _store, _case_id, report = checked
    assert report.verdict == "ready", [f.message for f in report.findings]
    assert not [f for f in report.findings if f.code.startswith(("listing.", "mark."))]


def test_mark_located_on_the_product_photo_and_id_on_the_screenshot(checked) -> None:
    _store, _case_id, report = checked
    marks = [loc for loc in report.located if loc.what == "mark"]
    ids = [loc for loc in report.located if loc.what == "listing_id"]
    assert any(loc.evidence.file == "product.jpg" and loc.evidence.box for loc in marks)
    assert ids and all(loc.evidence.file == "listing.png" for loc in ids)


def test_recheck_answers_from_the_record(checked) -> None:
    store, case_id, report = checked
    import time

    t0 = time.perf_counter()
    again = check_case(store, case_id)
    assert time.perf_counter() - t0 < 0.2
    assert again.to_json() == report.to_json()
