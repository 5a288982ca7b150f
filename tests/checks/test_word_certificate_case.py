"""Issue 10: a certificate of an office no reader knows, printed with word labels in a two-column table,
is read, so a mistyped registration number and classes the certificate does not cover are caught
(instead of evidence.certificate_unreadable and nothing checked)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.store import Store
from tests.factories.certificates import CertificateSpec, make_certificate_pdf


def test_word_label_certificate_catches_mistyped_number_and_unregistered_class(tmp_path: Path) -> None:
    case = tmp_path / "case"
    (case / "files").mkdir(parents=True)
    make_certificate_pdf(
        CertificateSpec(
            office="OTHER",
            layout="table",
            registration_number="1234567",
            mark="NORDVIK",
            owner="Nordvik Outdoor AS",
            owner_address="Storgata 12, 0155 Oslo",
            owner_country="Norway",
            classes=[9, 25],
            goods={9: "Computer software", 25: "Clothing; footwear; headgear"},
            registration_date=dt.date(2021, 3, 14),
            filing_date=dt.date(2020, 6, 1),
            expiry_date=dt.date(2031, 6, 1),
        ),
        case / "files" / "certificate.pdf",
    )
    (case / "case.toml").write_text(
        'filing_date = "2026-11-20"\n[complainant]\nname = "Nordvik Outdoor AS"\n'
        '[[rights]]\noffice = "IPOS"\nregistration_number = "1234576"\nmark = "NORDVIK"\n'
        'owner = "Nordvik Outdoor AS"\nclasses = [9, 25, 28]\ncertificate = "files/certificate.pdf"\n'
        '[[listings]]\nurl = "https://www.amazon.com/dp/B0C1234567"\ntitle = "NORDVIK ski goggles"\n',
        encoding="utf-8",
    )
    store = Store(tmp_path / "data")
    try:
        report = check_case(store, import_case_folder(store, case))
    finally:
        store.close()
    codes = {f.code for f in report.findings}
    assert "evidence.certificate_unreadable" not in codes
    assert "right.registration_number_mismatch" in codes
    assert "right.class_mismatch" in codes
    assert report.verdict != "ready"
    mismatch = next(f for f in report.findings if f.code == "right.registration_number_mismatch")
    assert "1234567" in mismatch.message
