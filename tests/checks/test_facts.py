"""Facts: image sharpness measured on real rendered captures, extractor results round-trip the cache."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.checks.facts import from_jsonable, measure_sharpness, to_jsonable
from desktop_app.core.reading.certificates.fields import CertificateFields
from tests.checks.builders import auth, cert
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot, make_product_photo


def test_sharpness_separates_blurred_captures(tmp_path: Path) -> None:
    sharp = measure_sharpness(make_listing_screenshot(ScreenshotSpec(), tmp_path / "sharp.png"))
    mobile = measure_sharpness(make_listing_screenshot(ScreenshotSpec(mobile=True), tmp_path / "m.png"))
    photo = measure_sharpness(make_product_photo(tmp_path / "photo.jpg"))
    blurred = measure_sharpness(make_listing_screenshot(ScreenshotSpec(blur=4.0), tmp_path / "blur.png"))
    assert sharp is not None and mobile is not None and photo is not None and blurred is not None
    assert min(sharp, mobile, photo) > 100 > 40 > blurred


def test_not_an_image_has_no_sharpness(tmp_path: Path) -> None:
    bad = tmp_path / "x.png"
    bad.write_bytes(b"not an image")
    assert measure_sharpness(bad) is None


def test_extracted_fields_round_trip_through_json() -> None:
    c = cert()
    again = from_jsonable(CertificateFields, to_jsonable(c))
    assert again == c
    a = auth()
    assert from_jsonable(type(a), to_jsonable(a)) == a
