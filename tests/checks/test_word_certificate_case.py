"""Issue 10: a certificate of an office no reader knows, printed with word labels in a two-column table,
is read, so a mistyped registration number and classes the certificate does not cover are caught
(instead of evidence.certificate_unreadable and nothing checked)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.checks.builders import check_case_folder
from tests.factories.certificates import CertificateSpec, make_certificate_pdf


def test_word_label_certificate_catches_mistyped_number_and_unregistered_class(tmp_path: Path) -> None:
    spec = _spec(goods={9: "Computer software", 25: "Clothing; footwear; headgear"})
    report = _check(tmp_path, spec, "1234576", classes=(9, 25, 28))
    codes = {f.code for f in report.findings}
    assert "evidence.certificate_unreadable" not in codes
    assert "right.registration_number_mismatch" in codes
    assert "right.class_mismatch" in codes
    assert report.verdict != "ready"
    mismatch = next(f for f in report.findings if f.code == "right.registration_number_mismatch")
    assert "1234567" in mismatch.message


def _check(
    tmp_path: Path, spec: CertificateSpec, entered: str, title: str = "NORDVIK ski goggles", classes=(9, 25)
):
    case = tmp_path / "case"
    (case / "files").mkdir(parents=True)
    make_certificate_pdf(spec, case / "files" / "certificate.pdf")
    (case / "case.toml").write_text(
        f'filing_date = "2026-11-20"\n[complainant]\nname = "{spec.owner}"\n'
        f'[[rights]]\noffice = "IPOS"\nregistration_number = "{entered}"\nmark = "{spec.mark}"\n'
        f'owner = "{spec.owner}"\nclasses = {list(classes)}\ncertificate = "files/certificate.pdf"\n'
        f'[[listings]]\nurl = "https://www.amazon.com/dp/B0C1234567"\ntitle = "{title}"\n',
        encoding="utf-8",
    )
    return check_case_folder(case, tmp_path / "data")


def _spec(**kw: object) -> CertificateSpec:
    base: dict[str, object] = dict(
        office="OTHER",
        layout="table",
        registration_number="1234567",
        mark="NORDVIK",
        owner="Nordvik Outdoor AS",
        owner_address="Storgata 12, 0155 Oslo",
        owner_country="Norway",
        classes=[9, 25],
        goods={9: "Computer software; ski goggles", 25: "Clothing; footwear; headgear"},
        registration_date=dt.date(2021, 3, 14),
        filing_date=dt.date(2020, 6, 1),
        expiry_date=dt.date(2031, 6, 1),
    )
    base.update(kw)
    return CertificateSpec(**base)  # type: ignore[arg-type]


def _blockers(report) -> set[str]:
    """Blockers about the right and its certificate (the listing has no screenshot here)."""
    return {
        f.code
        for f in report.findings
        if f.severity.value == "blocker" and f.code.startswith(("right.", "evidence.certificate"))
    }


def test_a_number_with_a_check_letter_is_read_whole(tmp_path: Path) -> None:
    """IPOS prints "40 2023 43949 Y": the letter is part of the number, so the entered number matches."""
    report = _check(tmp_path, _spec(registration_number="40 2023 43949 Y"), "40202343949Y")
    codes = {f.code for f in report.findings}
    assert "right.registration_number_mismatch" not in codes
    assert not _blockers(report), report.findings
    other = _check(tmp_path / "typo", _spec(registration_number="40 2023 43949 Y"), "40202343994Y")
    assert "right.registration_number_mismatch" in _blockers(other)


def test_an_unknown_office_with_its_own_number_label_shows_the_mistyped_number(tmp_path: Path) -> None:
    """MyIPO-like: "Mark No." / "No. Pendaftaran" are read, so a mistyped number is a mismatch (with what
    the certificate says), not just an unreadable certificate."""
    for i, label in enumerate(("Mark No.", "No. Pendaftaran")):
        spec = _spec(
            registration_number="TM2022092182", labels={"number": label}, office_name="Harta Intelek Office"
        )
        report = _check(tmp_path / str(i), spec, "TM2022091282")
        codes = {f.code for f in report.findings}
        assert "evidence.certificate_unreadable" not in codes
        assert "right.registration_number_mismatch" in _blockers(report)
        mismatch = next(f for f in report.findings if f.code == "right.registration_number_mismatch")
        assert "2022092182" in mismatch.message


def test_a_filing_date_label_does_not_make_the_right_pending(tmp_path: Path) -> None:
    spec = _spec(lang="pt", layout="running")
    report = _check(tmp_path, spec, "1234567")
    assert "right.pending" not in {f.code for f in report.findings}
    assert not _blockers(report), report.findings


def test_inid_goods_are_read_per_class_and_goods_outside_them_warn(tmp_path: Path) -> None:
    spec = _spec(layout="inid")
    report = _check(tmp_path, spec, "1234567", title="NORDVIK leather handbag for women")
    found = {f.code: f for f in report.findings}
    assert "right.goods_not_covered" in found
    assert found["right.goods_not_covered"].severity.value == "warning"  # a reviewer may still accept
    assert not _blockers(report), report.findings
    from desktop_app.core.reading.certificates import extract_certificate
    from desktop_app.core.reading.pdf_text import read_pdf

    cert = extract_certificate(read_pdf(tmp_path / "case" / "files" / "certificate.pdf"))
    assert cert.value("goods") == {9: "Computer software; ski goggles", 25: "Clothing; footwear; headgear"}
