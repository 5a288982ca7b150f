"""The factories produce what they claim: real text layers, image-only scans, deterministic bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from tests.factories import (
    AuthorizationSpec,
    CertificateSpec,
    ScreenshotSpec,
    make_authorization_pdf,
    make_certificate_pdf,
    make_listing_screenshot,
)

SPECS = {
    "USPTO": (
        CertificateSpec(),
        [
            "United States Patent and Trademark Office",
            "Reg. No. 6,123,456",
            "Registered Mar. 14, 2021",
            "Int. Cl.: 25",
            "CLASS 25: Jackets; coats",
        ],
    ),
    "EUIPO": (
        CertificateSpec(office="EUIPO", registration_number="018123456", expiry_date=dt.date(2030, 6, 1)),
        [
            "European Union Trade Mark",
            "(111) 018123456",
            "(151) 14/03/2021",
            "(180) 01/06/2030",
            "(511) NCL 25: Jackets; coats",
        ],
    ),
    "UKIPO": (
        CertificateSpec(office="UKIPO", registration_number="UK00003123456", expiry_date=dt.date(2030, 6, 1)),
        [
            "Trade Marks Act 1994",
            "Trade Mark Number: UK00003123456",
            "Date of entry in register: 14 March 2021",
            "Renewal date: 01 June 2030",
        ],
    ),
    "CNIPA": (
        CertificateSpec(
            office="CNIPA",
            registration_number="12345678",
            owner="凯斯特琳服饰有限公司",
            owner_address="上海市浦东新区世纪大道100号",
            goods={25: "夹克；大衣"},
        ),
        [
            "商标注册证",
            "第 12345678 号",
            "核定使用商品（第25类）",
            "注册人 凯斯特琳服饰有限公司",
            "注册有效期限 自2021年03月14日至2031年03月13日",
        ],
    ),
    "WIPO": (
        CertificateSpec(office="WIPO", registration_number="1612345", expiry_date=dt.date(2031, 3, 14)),
        [
            "WORLD INTELLECTUAL PROPERTY ORGANIZATION",
            "(111) 1612345",
            "(151) 14.03.2021",
            "(180) 14.03.2031",
            "(832) CN - EM - GB - JP",
        ],
    ),
}


@pytest.mark.parametrize("office", sorted(SPECS))
def test_certificate_text_layer_says_what_the_office_prints(office: str, tmp_path: Path) -> None:
    spec, expected = SPECS[office]
    path = make_certificate_pdf(spec, tmp_path / "cert.pdf")
    lines = pypdf.PdfReader(path).pages[0].extract_text().splitlines()
    for line in expected:
        assert line in lines
    assert any(line.split()[-1] == spec.mark for line in lines if line.strip())


def test_scanned_certificate_has_no_text_layer_and_one_full_page_image(tmp_path: Path) -> None:
    path = make_certificate_pdf(
        CertificateSpec(), tmp_path / "scan.pdf", scanned=True, rotate_deg=1.0, blur=0.5
    )
    page = pypdf.PdfReader(path).pages[0]
    assert page.extract_text().strip() == ""
    assert len(page.images) == 1
    assert page.images[0].image.size == (1240, 1754)


def test_outputs_are_deterministic(tmp_path: Path) -> None:
    spec = ScreenshotSpec(shown_id="1005006123456789")
    a = make_listing_screenshot(spec, tmp_path / "a.png")
    b = make_listing_screenshot(spec, tmp_path / "b.png")
    assert a.read_bytes() == b.read_bytes()
    c = make_certificate_pdf(CertificateSpec(), tmp_path / "c.pdf", scanned=True)
    d = make_certificate_pdf(CertificateSpec(), tmp_path / "d.pdf", scanned=True)
    assert c.read_bytes() == d.read_bytes()


def test_screenshot_variants(tmp_path: Path) -> None:
    tiny = make_listing_screenshot(ScreenshotSpec(scale=0.2), tmp_path / "tiny.webp")
    with Image.open(tiny) as im:
        assert (im.format, im.size) == ("WEBP", (288, 180))
    mobile = make_listing_screenshot(ScreenshotSpec(mobile=True), tmp_path / "m", fmt="jpeg")
    with Image.open(mobile) as im:
        assert (im.format, im.size) == ("JPEG", (828, 1792))


def test_chinese_authorization_letter(tmp_path: Path) -> None:
    path = make_authorization_pdf(AuthorizationSpec(), tmp_path / "poa.pdf", lang="zh")
    text = pypdf.PdfReader(path).pages[0].extract_text()
    assert "授权委托书" in text and "本授权有效期至2027年12月31日。" in text
    assert "被授权人（受托人）：Harrow & Pike LLP" in text
