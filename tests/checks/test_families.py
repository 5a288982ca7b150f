"""Each check family on built facts: a clean case is ready; each planted defect gives its code."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.checks.findings import Severity
from desktop_app.core.model import EvidenceKind, Role
from tests.checks.builders import LISTING_ID, SCREEN_LINES, URL, Built, auth, cert, codes, evidence_file, f


def test_clean_case_is_ready_and_located() -> None:
    report = Built().run()
    assert report.verdict == "ready", [x.message for x in report.findings]
    assert codes(report) == []
    whats = {(loc.what, loc.evidence.file) for loc in report.located}
    assert whats == {("mark", "listing.png"), ("listing_id", "listing.png")}
    mark = next(loc for loc in report.located if loc.what == "mark")
    assert mark.evidence.text == "KESTRELINE" and mark.evidence.box is not None


# -- listing ------------------------------------------------------------------------------------------


def test_screenshot_of_another_listing_is_a_blocker_naming_both_ids() -> None:
    b = Built()
    other = "https://www.aliexpress.com/item/1005009988776655.html"
    b.screenshot([other, "KESTRELINE Men's Jacket", "Item ID: 1005009988776655"])
    report = b.run()
    assert "listing.id_mismatch" in codes(report)
    finding = next(x for x in report.findings if x.code == "listing.id_mismatch")
    assert finding.severity == Severity.BLOCKER
    assert "1005009988776655" in finding.message and LISTING_ID in finding.message
    assert finding.evidence[0].file == "listing.png" and finding.evidence[0].page == 1


def test_ocr_confused_asin_is_the_same_listing() -> None:
    b = Built()
    b.case.listings[0].url = "https://www.amazon.com/dp/B0C1O2XYZ0"
    b.case.listings[0].marketplace, b.case.listings[0].listing_id = "amazon", "B0C1O2XYZ0"
    b.case.rights[0].office = "USPTO"
    b.screenshot(["amazon.com/dp/BOC1O2XYZO/ref=sr_1_1", "KESTRELINE Jacket", "ASIN: B0CIO2XYZ0"])
    report = b.run()
    assert "listing.id_mismatch" not in codes(report) and "listing.id_not_shown" not in codes(report)
    assert report.verdict == "ready", [x.message for x in report.findings]


def test_one_digit_off_on_a_mediocre_line_is_not_a_blocker() -> None:
    b = Built()
    b.screenshot([("https://www.aliexpress.com/item/1005006123456780.html", 0.88), "KESTRELINE Jacket"])
    report = b.run()
    assert "listing.id_mismatch" not in codes(report)
    assert "listing.id_not_shown" in codes(report)


def test_truncated_address_is_not_another_listing() -> None:
    b = Built()
    b.screenshot(["https://www.aliexpress.com/item/10050061234.html", "KESTRELINE Jacket"])
    assert "listing.id_mismatch" not in codes(b.run())


def test_no_id_anywhere_blocks_the_listing_is_not_established() -> None:
    b = Built()
    b.screenshot(["KESTRELINE Men's Waterproof Hooded Jacket", "US $23.99"])
    report = b.run()
    assert codes(report) == ["listing.id_not_shown"]
    assert report.verdict == "not_ready"  # nothing ties the capture to the complained listing


@pytest.mark.parametrize(
    "url, code",
    [
        ("https://example.com/shop/jacket", "listing.unsupported_url"),
        ("https://www.aliexpress.com/store/123", "listing.unsupported_url"),
        ("https://a.aliexpress.com/_mKx9", "listing.short_link"),
    ],
)
def test_unsupported_and_short_urls(url: str, code: str) -> None:
    b = Built()
    b.case.listings[0].url = url
    b.case.listings[0].marketplace = b.case.listings[0].listing_id = ""
    assert code in codes(b.run())


# -- mark ---------------------------------------------------------------------------------------------


def test_mark_nowhere_is_a_blocker() -> None:
    b = Built()
    b.screenshot([URL, "Men's Waterproof Hooded Jacket", f"Item ID: {LISTING_ID}"])
    report = b.run()
    assert codes(report) == ["mark.not_found"]
    assert report.verdict == "not_ready"


def test_mark_only_on_the_product_image_is_enough() -> None:
    b = Built()
    photo = evidence_file("product.jpg")
    b.case.listings[0].screenshots.append(photo)
    b.screenshot([URL, "Men's Waterproof Hooded Jacket", f"Item ID: {LISTING_ID}"])
    b.set_doc(photo, [("KESTRELINE", 0.91)], EvidenceKind.SCREENSHOT, width=1200, height=900)
    report = b.run()
    assert report.verdict == "ready", codes(report)
    assert any(loc.what == "mark" and loc.evidence.file == "product.jpg" for loc in report.located)


def test_altered_mark_is_a_warning_that_shows_it() -> None:
    b = Built()
    b.screenshot([URL, "KESTREL1NE Men's Jacket", f"Item ID: {LISTING_ID}"])
    report = b.run()
    assert codes(report) == ["mark.variant_found"]
    assert "KESTREL1NE" in report.findings[0].message and report.verdict == "ready"


def test_chinese_mark_in_chinese_listing() -> None:
    b = Built()
    b.case.rights[0].mark = "红隼"
    b.certificate(mark=f("红隼"))
    b.screenshot([URL, "红隼 男士 防水 连帽 夹克", f"商品编号：{LISTING_ID}"])
    assert b.run().verdict == "ready"


# -- rights -------------------------------------------------------------------------------------------


def test_registration_number_mismatch_names_certificate_and_both_numbers() -> None:
    b = Built()
    b.case.rights[0].registration_number = "6123465"
    report = b.run()
    assert codes(report) == ["right.registration_number_mismatch"]
    msg = report.findings[0].message
    assert msg.startswith("certificate.pdf, page 1") and "6123456" in msg and "6123465" in msg


def test_number_formatting_is_not_a_mismatch() -> None:
    b = Built()
    b.case.rights[0].registration_number = "Reg. No. 6 123 456"
    assert b.run().verdict == "ready"


def test_low_confidence_number_disagreement_is_only_a_warning() -> None:
    b = Built()
    b.certificate(registration_number=f("6123486", conf=0.4))
    assert codes(b.run()) == []  # the entered number is printed on the certificate: the field was misread
    b.set_doc(
        b.cert_file,
        ["KESTRELINE", "Reg. No. 6,123,486"],
        EvidenceKind.CERTIFICATE,
        certificate=b.facts.files[b.cert_file.sha256].certificate,
    )
    report = b.run()
    assert codes(report) == ["right.registration_number_mismatch"]
    assert report.findings[0].severity == Severity.WARNING


def test_mark_mismatch() -> None:
    b = Built()
    b.certificate(mark=f("KESTRELIN"))
    assert codes(b.run()) == ["right.mark_mismatch"]


def test_owner_mismatch() -> None:
    b = Built()
    b.set_doc(
        b.cert_file,
        ["Reg. No. 6,123,456", "KESTRELINE", "Falconridge Outdoor GmbH, Hamburg"],
        EvidenceKind.CERTIFICATE,
        source="text",
    )
    b.certificate(owner=f("Falconridge Outdoor GmbH"))
    report = b.run()
    assert "right.owner_mismatch" in codes(report) and report.verdict == "not_ready"
    msg = next(x.message for x in report.findings if x.code == "right.owner_mismatch")
    assert "Falconridge Outdoor GmbH" in msg and "Kestreline Apparel Inc." in msg


def test_misread_owner_field_with_the_owner_printed_is_not_a_blocker() -> None:
    b = Built()  # the certificate text prints "Kestreline Apparel Inc. (DELAWARE CORPORATION)"
    b.certificate(owner=f("THE MARK CONSISTS OF STANDARD CHARACTERS"))
    assert "right.owner_mismatch" not in codes(b.run())


def test_misread_mark_field_is_not_a_blocker() -> None:
    b = Built()
    b.certificate(mark=f("k", conf=0.5))
    report = b.run()
    assert report.verdict == "ready", codes(report)


def test_owner_in_another_script_is_not_a_blocker() -> None:
    b = Built()
    b.certificate(owner=f("红隼服饰有限公司"))
    report = b.run()
    assert all(x.severity != Severity.BLOCKER for x in report.findings)


def test_pending_application() -> None:
    b = Built()
    b.certificate(status=f("application"))
    assert codes(b.run()) == ["right.pending"]


def test_cancelled_registration_is_not_in_force() -> None:
    b = Built()
    b.certificate(status=f("dead"))
    report = b.run()
    assert codes(report) == ["right.not_in_force"]
    assert report.findings[0].severity == "blocker" and report.findings[0].evidence[0].page == 1


@pytest.mark.parametrize(
    "expiry, code",
    [
        (dt.date(2026, 2, 1), "right.expired"),
        (dt.date(2026, 4, 15), "right.expiring"),
    ],
)
def test_expired_and_expiring(expiry: dt.date, code: str) -> None:
    b = Built()
    b.certificate(expiry_date=f(expiry))
    assert codes(b.run()) == [code]


def test_expiry_computed_from_registration_date() -> None:
    b = Built()
    b.certificate(expiry_date=None, registration_date=f(dt.date(2015, 5, 1)))
    report = b.run()
    assert codes(report) == ["right.expired"] and "2025-05-01" in report.findings[0].message


def test_goods_not_covered_phone_case_against_clothing_mark() -> None:
    b = Built()
    b.case.listings[0].title = "Shockproof Phone Case for iPhone 15"
    report = b.run()
    assert codes(report) == ["right.goods_not_covered"]
    assert "class 9" in report.findings[0].message and "class 25" in report.findings[0].message


def test_goods_not_covered_chinese_title() -> None:
    b = Built()
    b.case.listings[0].title = "红隼 手机壳 适用苹果15 防摔 包邮"
    assert codes(b.run()) == ["right.goods_not_covered"]


def test_jurisdiction_taobao_wants_a_chinese_registration() -> None:
    b = Built()
    b.case.listings[0].url = "https://item.taobao.com/item.htm?id=623456789012"
    b.case.listings[0].marketplace, b.case.listings[0].listing_id = "taobao", "623456789012"
    b.screenshot(["item.taobao.com/item.htm?id=623456789012", "KESTRELINE 男士 夹克"])
    report = b.run()
    assert codes(report) == ["right.jurisdiction_mismatch"]
    b.case.rights[0].office = "CNIPA"
    assert codes(b.run()) == []


def test_amazon_uk_store_wants_uk_or_eu_rights() -> None:
    b = Built()
    b.case.listings[0].url = "https://www.amazon.co.uk/dp/B0C1O2XYZ0"
    b.case.listings[0].marketplace, b.case.listings[0].listing_id = "amazon", "B0C1O2XYZ0"
    b.screenshot(["amazon.co.uk/dp/B0C1O2XYZ0", "KESTRELINE Jacket"])
    assert codes(b.run()) == ["right.jurisdiction_mismatch"]


# -- complainant ---------------------------------------------------------------------------------------


def test_agent_with_valid_authorization_is_ready() -> None:
    b = Built()
    b.as_agent()
    report = b.run()
    assert report.verdict == "ready", [x.message for x in report.findings]


def test_agent_without_authorization() -> None:
    b = Built()
    b.as_agent(attach=False)
    report = b.run()
    assert "complainant.authorization_missing" in codes(report) and report.verdict == "not_ready"


def test_authorization_expired() -> None:
    b = Built()
    b.as_agent(auth(valid_until=f(dt.date(2025, 12, 31))))
    assert "complainant.authorization_expired" in codes(b.run())


def test_authorization_from_another_holder() -> None:
    b = Built()
    b.as_agent(auth(principal=f("Falconridge Outdoor GmbH")))
    assert "complainant.authorization_mismatch" in codes(b.run())


def test_authorization_for_another_mark() -> None:
    b = Built()
    b.as_agent(auth(marks=f(["SILVERHAWK"]), registration_numbers=f(["7000001"])))
    assert codes(b.run()) == ["complainant.authorization_mismatch"]


# -- evidence and completeness -------------------------------------------------------------------------


def test_duplicate_file_is_info_only() -> None:
    b = Built()
    b.case.listings[0].screenshots.append(b.shot)
    report = b.run()
    assert codes(report) == ["evidence.duplicate"] and report.verdict == "ready"


def test_tiny_and_blurred_screenshots_are_unreadable() -> None:
    b = Built()
    b.screenshot(SCREEN_LINES, width=300, height=190)
    assert "evidence.unreadable" in codes(b.run())
    b = Built()
    b.screenshot([(t, 0.4) for t in SCREEN_LINES])
    assert "evidence.unreadable" in codes(b.run())


def test_unreadable_certificate() -> None:
    b = Built()
    b.set_doc(b.cert_file, [], EvidenceKind.CERTIFICATE, status="no_text")
    report = b.run()
    assert "evidence.certificate_unreadable" in codes(report)


@pytest.mark.parametrize("change", ["no_rights", "no_screenshot", "no_certificate", "no_name", "no_number"])
def test_incomplete(change: str) -> None:
    b = Built()
    if change == "no_rights":
        b.case.rights = []
    elif change == "no_screenshot":
        b.case.listings[0].screenshots = []
    elif change == "no_certificate":
        b.case.rights[0].certificate = None
    elif change == "no_name":
        b.case.complainant.name = ""
    else:
        b.case.rights[0].registration_number = ""
    report = b.run()
    assert "case.incomplete" in codes(report) and report.verdict == "not_ready"


def test_rights_holder_needs_no_authorization() -> None:
    b = Built()
    assert b.case.complainant.role == Role.RIGHTS_HOLDER
    assert "complainant.authorization_missing" not in codes(b.run())


def test_variant_in_typed_title_is_reported_even_when_ocr_reads_the_mark() -> None:
    b = Built()  # OCR reads the product's "NORDV1K" as the mark itself; the typed title keeps the 1
    b.case.listings[0].title = "KESTREL1NE Men's Waterproof Hooded Jacket"
    report = b.run()
    assert codes(report) == ["mark.variant_found"]
    assert "KESTREL1NE" in report.findings[0].message and "title" in report.findings[0].message


def test_letter_naming_the_mark_in_its_text_covers_it() -> None:
    b = Built()
    b.as_agent(auth(marks=f(["Annex A"]), registration_numbers=None))
    b.facts.files[b.case.complainant.authorization.sha256].doc.pages[0].lines.append(
        b.facts.files[b.shot.sha256].doc.pages[0].lines[2]
    )  # a line naming KESTRELINE goods
    assert "complainant.authorization_mismatch" not in codes(b.run())


def test_blurred_screenshot_is_unreadable_even_when_ocr_is_confident() -> None:
    b = Built()
    b.facts.files[b.shot.sha256].sharpness = 21.0
    report = b.run()
    assert codes(report) == ["evidence.unreadable"] and "blurred" in report.findings[0].message
    b.facts.files[b.shot.sha256].sharpness = 171.0
    assert codes(b.run()) == []


def test_stray_ocr_character_beside_the_mark_is_not_a_mismatch() -> None:
    b = Built()
    b.set_doc(
        b.cert_file,
        ["k KESTRELINE", "Reg. No. 6,123,456", "Kestreline Apparel Inc."],
        EvidenceKind.CERTIFICATE,
        source="ocr",
        certificate=cert(mark=f("k KESTRELINE", conf=0.9)),
    )
    assert codes(b.run()) == []
    b.set_doc(
        b.cert_file,
        ["k KESTRELINE"],
        EvidenceKind.CERTIFICATE,
        source="text",
        certificate=cert(mark=f("k KESTRELINE")),
    )
    assert codes(b.run()) == ["right.mark_mismatch"]  # printed so in a text layer: it is the mark


def test_scan_misreadings_of_numbers_and_dates_are_warnings() -> None:
    b = Built()
    b.set_doc(
        b.cert_file,
        ["Reg. No. 6,123,458"],
        EvidenceKind.CERTIFICATE,
        source="ocr",
        certificate=cert(registration_number=f("6123458", conf=0.8)),
    )
    report = b.run()
    assert codes(report) == ["right.registration_number_mismatch"]
    assert report.findings[0].severity == Severity.WARNING
    b.set_doc(
        b.cert_file,
        ["Reg. No. 6,123,456"],
        EvidenceKind.CERTIFICATE,
        source="ocr",
        certificate=cert(expiry_date=f(dt.date(2021, 3, 14), conf=0.8)),
    )
    report = b.run()
    assert codes(report) == ["right.expired"] and report.findings[0].severity == Severity.WARNING


def test_scan_read_surely_still_blocks() -> None:
    b = Built()
    b.set_doc(
        b.cert_file,
        ["Reg. No. 6,123,465"],
        EvidenceKind.CERTIFICATE,
        source="ocr",
        certificate=cert(
            registration_number=f("6123465", conf=0.97),
            registration_date=f(dt.date(2014, 3, 14)),
            expiry_date=f(dt.date(2024, 3, 14)),
        ),
    )
    report = b.run()
    assert {x.code for x in report.blockers} == {"right.registration_number_mismatch", "right.expired"}


def test_taobao_form_needs_classes_unless_the_certificate_gives_them() -> None:
    b = Built()
    b.case.rights[0].office = "CNIPA"
    b.case.rights[0].classes = []
    b.case.listings[0].url = "https://item.taobao.com/item.htm?id=623456789012"
    b.case.listings[0].marketplace, b.case.listings[0].listing_id = "taobao", "623456789012"
    b.screenshot(["item.taobao.com/item.htm?id=623456789012", "KESTRELINE 男士 夹克"])
    assert codes(b.run()) == []  # the certificate states class 25
    b.certificate(classes=None)
    report = b.run()
    assert codes(report) == ["case.incomplete"] and "Taobao" in report.findings[0].message


def test_owner_one_character_off_in_a_scan_is_a_warning() -> None:
    b = Built()
    b.case.complainant.name = b.case.rights[0].owner = "深圳市红隼服饰有限公司"
    b.set_doc(
        b.cert_file,
        ["第 12345678 号", "注册人 深圳市红集服饰有限公司"],
        EvidenceKind.CERTIFICATE,
        source="ocr",
        certificate=cert(owner=f("深圳市红集服饰有限公司", conf=0.9), registration_number=f("6123456")),
    )
    report = b.run()
    assert codes(report) == ["right.owner_mismatch"] and report.findings[0].severity == Severity.WARNING


def test_two_character_chinese_mark_mismatch_is_a_blocker() -> None:
    b = Built()
    b.case.rights[0].mark = "红隼鸟"
    b.certificate(mark=f("红隼"))
    report = b.run()
    assert "right.mark_mismatch" in [x.code for x in report.blockers]
