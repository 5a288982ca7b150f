"""Export through the real check engine (reading, OCR, facts cache) on factory-made documents."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("desktop_app.core.checks.engine")
pytest.importorskip("desktop_app.core.reading.service")

from desktop_app.core.model import Case, Complainant, Listing, Right  # noqa: E402
from desktop_app.core.package import signing  # noqa: E402
from desktop_app.core.package.export import export_case  # noqa: E402
from desktop_app.core.package.verify import verify_package  # noqa: E402
from tests.factories.certificates import CertificateSpec, make_certificate_pdf  # noqa: E402
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot, make_product_photo  # noqa: E402
from tests.package.builders import PASSPHRASE  # noqa: E402


@pytest.mark.ocr
def test_export_runs_the_real_checks_and_packs_their_results(store, tmp_path: Path) -> None:
    spec = CertificateSpec()
    cert = store.add_file(make_certificate_pdf(spec, tmp_path / "uspto-certificate.pdf"))
    shot_spec = ScreenshotSpec(shown_id="1005006123456789")
    shot = store.add_file(make_listing_screenshot(shot_spec, tmp_path / "aliexpress.png"))
    photo = store.add_file(make_product_photo(tmp_path / "genuine.jpg"))
    case = Case(
        complainant=Complainant(name=spec.owner, email="legal@kestreline.test", contact_name="Jo Doe"),
        title="Counterfeit jackets",
        filing_date=dt.date(2026, 11, 20),
        rights=[
            Right(
                office="USPTO",
                registration_number=spec.registration_number,
                mark=spec.mark,
                owner=spec.owner,
                classes=[25],
                certificate=cert,
            )
        ],
        listings=[
            Listing(
                url=shot_spec.url, marketplace="AliExpress", listing_id="1005006123456789", screenshots=[shot]
            )
        ],
        genuine_photos=[photo],
    )
    store.save_case(case)
    signing.create_identity(store.data_dir, "Jo Doe", spec.owner, PASSPHRASE)
    identity = signing.load_identity(store.data_dir, None, PASSPHRASE)

    result = export_case(store, case.id, tmp_path / "out.zip", identity, allow_blockers=True)

    recorded = store.last_check(case.id)["result"]
    with zipfile.ZipFile(result.path) as zf:
        doc = json.loads(zf.read(f"{case.reference}/data/complaint.json"))
    assert doc["checks"]["verdict"] == recorded["verdict"] == result.verdict
    assert doc["checks"]["findings"] == recorded["findings"]
    assert doc["blockers_overridden"] == (result.verdict == "not_ready")
    assert any(
        loc["what"] == "mark" and loc["evidence"]["sha256"] == shot.sha256 for loc in doc["checks"]["located"]
    )
    fields = doc["rights"][0]["certificate_fields"]
    assert isinstance(fields, dict) and "6123456" in json.dumps(fields).replace(",", "")
    assert verify_package(result.path).valid
    # ready: the infringement statement, written from established facts, is recorded in both documents
    if result.verdict == "ready":
        [filing] = doc["filing"]
        assert filing["form"] == "alibaba_ipp" and filing["listing_ids"] == ["1005006123456789"]
        assert f"registration No. {spec.registration_number}" in filing["statement"]["en"]
        assert "注册商标" in filing["statement"]["zh_CN"]
        with zipfile.ZipFile(result.path) as zf:
            pdf = tmp_path / "summary.pdf"
            pdf.write_bytes(zf.read(f"{case.reference}/data/summary.pdf"))
        import subprocess

        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Infringement statement" in text and "注册商标" in text
    else:
        assert doc["filing"] is None  # no statement from a case the checks did not pass


def test_a_case_that_is_not_ready_records_no_statement(store, tmp_path: Path) -> None:
    case = Case(
        complainant=Complainant(name="Kestreline Apparel Inc."),
        listings=[Listing(url="https://item.taobao.com/item.htm?id=681234567890")],
    )
    store.save_case(case)
    signing.create_identity(store.data_dir, "Jo Doe", "Kestreline Apparel Inc.", PASSPHRASE)
    identity = signing.load_identity(store.data_dir, None, PASSPHRASE)
    result = export_case(store, case.id, tmp_path / "out.zip", identity, allow_blockers=True)
    assert result.verdict == "not_ready"
    with zipfile.ZipFile(result.path) as zf:
        doc = json.loads(zf.read(f"{case.reference}/data/complaint.json"))
    assert doc["filing"] is None and doc["blockers_overridden"] is True
