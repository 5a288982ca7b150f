"""Issue 10: a certificate scanned sideways is read upright, so a mistyped registration number is a
blocker (right.registration_number_mismatch) instead of evidence.certificate_unreadable, and the
finding outlines the number where it lies in the stored, sideways file.

The layout is one no office reader knows (German word labels in a two-column table): read as it lies,
sideways, its labels and values are not side by side and nothing on it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.checks.findings import Severity
from tests.checks.builders import check_case_folder
from tests.factories.certificates import CertificateSpec, make_certificate_image

pytestmark = pytest.mark.ocr

SPEC = CertificateSpec(
    office="OTHER",
    layout="table",
    lang="de",
    registration_number="30 2021 012 345",
    mark="NORDVIK",
    owner="Nordvik Outdoor GmbH",
    owner_address="Hauptstrasse 12, 10115 Berlin",
    owner_country="Deutschland",
    classes=[25],
    goods={25: "Bekleidung"},
)


def test_sideways_certificate_with_a_mistyped_number_is_a_blocker(tmp_path: Path) -> None:
    case = tmp_path / "case"
    (case / "files").mkdir(parents=True)
    make_certificate_image(SPEC, case / "files" / "certificate.png", turn=90, rotate_deg=0.6)
    (case / "case.toml").write_text(
        'filing_date = "2026-11-20"\n[complainant]\nname = "Nordvik Outdoor GmbH"\n'
        '[[rights]]\noffice = "DPMA"\nregistration_number = "302021012354"\nmark = "NORDVIK"\n'
        'owner = "Nordvik Outdoor GmbH"\nclasses = [25]\ncertificate = "files/certificate.png"\n'
        '[[listings]]\nurl = "https://www.amazon.de/dp/B0C1234567"\ntitle = "NORDVIK Regenjacke"\n',
        encoding="utf-8",
    )
    report = check_case_folder(case, tmp_path / "data")
    codes = {f.code for f in report.findings}
    assert "evidence.certificate_unreadable" not in codes
    assert "right.owner_mismatch" not in codes and "right.mark_mismatch" not in codes  # read, and right
    mismatch = next(f for f in report.findings if f.code == "right.registration_number_mismatch")
    assert mismatch.severity == Severity.BLOCKER and report.verdict != "ready"
    # outlined in the stored file, which is 1754 x 1240 (the A4 page at 150 dpi, lying on its side):
    # the number's line runs down the page
    box = next(ev.box for ev in mismatch.evidence if ev.box)
    assert box[2] <= 1754 and box[3] <= 1240
    assert box[3] - box[1] > box[2] - box[0]
