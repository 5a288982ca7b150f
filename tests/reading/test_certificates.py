"""Certificate fields for the five offices: hand-built line layouts (text layer and OCR), recorded OCR
output, generated certificates read end to end, and one scan OCR'd live."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.core.reading.certificates import CertificateFields, detect_office, extract_certificate
from desktop_app.core.reading.text import DocumentText, PageText, TextLine

D = dt.date
DATA = Path(__file__).parent / "data"
FIELDS = (
    "office",
    "registration_number",
    "mark",
    "owner",
    "classes",
    "goods",
    "registration_date",
    "filing_date",
    "expiry_date",
    "status",
    "designations",
)


def make_doc(
    text: str, *, big: set[str] = frozenset(), source: str = "text", x0: float = 50.0, indent: float = 36.0
) -> DocumentText:
    """One TextLine per line of ``text`` (6 units per character); lines in ``big`` are printed tall, like a
    mark. A line starting with ">" is indented by ``indent``: where an INID value starts after "(111) "."""
    lines: list[TextLine] = []
    y = 40.0
    for raw in text.strip("\n").splitlines():
        dx = indent if raw.startswith(">") else 0.0
        t = raw.lstrip(">").strip()
        h = 26.0 if t in big else 11.0
        lines.append(
            TextLine(
                t, 1, (x0 + dx, y, x0 + dx + 6.0 * len(t), y + h), 0.93 if source == "ocr" else 1.0, source
            )
        )
        y += h + 4
    return DocumentText("hand", pages=[PageText(1, 612, 792, lines, source)])


def values(c: CertificateFields) -> dict[str, object]:
    return {name: c.value(name) for name in FIELDS}


USPTO_NEW = """
United States of America
United States Patent and Trademark Office
KESTRELINE
Reg. No. 6,123,456
Registered Aug. 24, 2021
Int. Cl.: 18, 25
Trademark
Principal Register
Kestreline Apparel Inc. (DELAWARE CORPORATION)
100 Main Street
Portland, OREGON 97201
CLASS 18: Bags, namely, backpacks and
handbags
FIRST USE 3-14-2019; IN COMMERCE 3-14-2019
CLASS 25: Clothing, namely, jackets, shirts and pants
FIRST USE 3-14-2019; IN COMMERCE 3-14-2019
THE MARK CONSISTS OF STANDARD CHARACTERS WITHOUT CLAIM TO ANY PARTICULAR FONT STYLE, SIZE OR COLOR
SER. NO. 90-123,456, FILED 01-15-2021
Director of the United States Patent and Trademark Office
"""

USPTO_OLD = """
Int. Cl.: 25
Prior U.S. Cls.: 22 and 39
Reg. No. 2,345,678
United States Patent and Trademark Office Registered May 2, 2000
TRADEMARK
PRINCIPAL REGISTER
FALCONRIDGE
FALCONRIDGE OUTFITTERS, LLC (OREGON LIMITED LIABILITY COMPANY)
200 RIVER ROAD
BEND, OR 97701
FOR: JACKETS, COATS AND VESTS, IN CLASS 25 (U.S. CLS. 22 AND 39).
FIRST USE 1-5-1999; IN COMMERCE 1-5-1999.
SER. NO. 75-123,456, FILED 6-1-1999.
"""

EUIPO_TEXT = """
EUROPEAN UNION INTELLECTUAL PROPERTY OFFICE
CERTIFICATE OF REGISTRATION
European Union Trade Mark
(111) 018123456
(151) 14/07/2021
(180) 19/03/2031
(210) 018123456
(220) 19/03/2021
(541) KESTRELINE
(732) Kestreline Apparel Inc.
>100 Main Street
>Portland, Oregon 97201
>US
(740) Harrow & Pike LLP
(270) EN IT
(511) 25 Clothing; footwear; headgear.
>18 Leather and imitations of leather; bags.
"""

EUIPO_OCR = """
EUROPEANUNIONINTELLECTUALPROPERTYOFFICE
(lll)
>O18123456
151)
>14/07/2021
(I80
>19/03/2031
(220) 19/03/2021
(540)
>KESTRELINE
(732)
>KESTRELINE APPAREL
>INC.
>100 Main Street
(5ll)
>25
>Clothing;footwear;headgear.
The Executive Director
"""

WIPO_TEXT = """
WORLD INTELLECTUAL PROPERTY ORGANIZATION
Madrid System - International Registration
(111) 1612345 (151) 14.03.2021
(180) 14.03.2031
(732) Kestreline Apparel Inc. 100 Main Street Portland OR 97201 (US)
(540) KESTRELINE
(511) NCL(11-2021)
>25 Clothing; footwear; headgear.
>35 Retail services relating to clothing.
(822) US, 19.01.2021, 90123456
(832) CN, EM, GB, JP
"""

UKIPO_TEXT = """
Intellectual Property Office
Certificate of Registration of Trade Mark
Trade Marks Act 1994
Trade Mark Number: UK00003123456
Date of entry in register: 18 June 2021
Filing date: 14 March 2021
Mark: KESTRELINE
Classes: 25, 35
Owner: Kestreline Apparel Inc., 100 Main Street, Portland, Oregon, United States
Goods and services
Class 25: Clothing; footwear;
headgear.
Class 35: Retail services connected with clothing.
Comptroller-General
"""

CNIPA_TEXT = """
中华人民共和国国家知识产权局
商标注册证
第 12345678 号
鹰翔
核定使用商品（第25类）：服装；鞋；
帽；袜
注册人：深圳市鹰翔科技有限公司
注册地址：广东省深圳市南山区科技园路1号
注册有效期限：自2021年03月14日至2031年03月13日
局长签发
"""

CNIPA_OCR = """
中华人民共和国国家知识产权局
商标注册证
第l2345678号
鹰翔
核定使用商品（第25类）
服装；鞋；帽；袜
注册人 深圳市鹰翔科技有限公司
注册地址 广东省深圳市南山区科技园路1号
注册有效期限
自2021年03月14日
至2031年03月13日
"""

CNIPA_ENGLISH = """
Trademark Registration Certificate
China National Intellectual Property Administration
Registration No. 12345678
Trademark: EAGLEWING
Class 25: Clothing; shoes; hats
Registrant: Shenzhen Eagle Technology Co., Ltd.
Period of validity: from March 14, 2021 to March 13, 2031
"""

USPTO_MERGED_COLUMNS = """
United States of America
United States Patent and Trademark Office
KESTRELINE
Reg. No. 6,123,456 Kestreline Apparel Inc. (DELAWARE CORPORATION)
Registered Aug. 24, 2021 100 Main Street
Int. Cl.: 25 Portland, OREGON 97201
Trademark CLASS 25: Clothing, namely, jackets, shirts and pants
Principal Register FIRST USE 3-14-2019; IN COMMERCE 3-14-2019
THE MARK CONSISTS OF STANDARD CHARACTERS WITHOUT CLAIM TO ANY PARTICULAR FONT STYLE, SIZE OR COLOR
SER. NO. 90-123,456, FILED 01-15-2021
"""

USPTO_TSDR_STATUS = """
United States Patent and Trademark Office
TSDR Trademark Status & Document Retrieval
Mark: KESTRELINE
US Serial Number: 90123456 Application Filing Date: Jan. 15, 2021
US Registration Number: 6123456 Registration Date: Aug. 24, 2021
Register: Principal
Mark Type: Trademark
Status: Registered. The registration date is used to determine when maintenance documents are due.
International Class(es): 025 - Primary Class U.S Class(es): 022, 039
For: Clothing, namely, jackets, shirts and pants
Owner Name: Kestreline Apparel Inc.
Owner Address: 100 Main Street Portland, OREGON UNITED STATES 97201
Legal Entity Type: CORPORATION State or Country Where Organized: DELAWARE
"""

USPTO_TESS = """
Trademark Electronic Search System (TESS)
Word Mark KESTRELINE
Goods and Services IC 025. US 022 039. G & S: Clothing, namely, jackets. FIRST USE: 20190314.
Serial Number 90123456
Filing Date January 15, 2021
Registration Number 6123456
Registration Date August 24, 2021
Owner (REGISTRANT) Kestreline Apparel Inc. CORPORATION DELAWARE 100 Main Street Portland OREGON 97201
Type of Mark TRADEMARK
Register PRINCIPAL
"""

WIPO_CAPTIONED = """
WORLD INTELLECTUAL PROPERTY ORGANIZATION
Madrid Monitor - International Register
(111) Registration number: 1612345
(151) Date of the registration
>14.03.2021
(180) Expected expiration date of the registration/renewal: 14.03.2031
(732) Name and address of the holder of the registration
>Kestreline Apparel Inc.
>100 Main Street, Portland, OR 97201 (US)
(540) Mark
>KESTRELINE
(511) List of goods and services
>25 Clothing; footwear; headgear.
(832) Designated contracting parties: CN, EM, JP
"""

HAND_CASES = {
    "wipo_captioned": (
        WIPO_CAPTIONED,
        set(),
        {
            "office": "WIPO",
            "registration_number": "1612345",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Clothing; footwear; headgear."},
            "registration_date": D(2021, 3, 14),
            "filing_date": None,
            "expiry_date": D(2031, 3, 14),
            "status": "registered",
            "designations": ["CN", "EM", "JP"],
        },
    ),
    "uspto_tsdr_status": (
        USPTO_TSDR_STATUS,
        set(),
        {
            "office": "USPTO",
            "registration_number": "6123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Clothing, namely, jackets, shirts and pants"},
            "registration_date": D(2021, 8, 24),
            "filing_date": D(2021, 1, 15),
            "expiry_date": D(2031, 8, 24),
            "status": "registered",
            "designations": None,
        },
    ),
    "uspto_tess": (
        USPTO_TESS,
        set(),
        {
            "office": "USPTO",
            "registration_number": "6123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Clothing, namely, jackets"},
            "registration_date": D(2021, 8, 24),
            "filing_date": D(2021, 1, 15),
            "expiry_date": D(2031, 8, 24),
            "status": "registered",
            "designations": None,
        },
    ),
    "uspto_merged_columns": (
        USPTO_MERGED_COLUMNS,
        {"KESTRELINE", "United States of America"},
        {
            "office": "USPTO",
            "registration_number": "6123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Clothing, namely, jackets, shirts and pants"},
            "registration_date": D(2021, 8, 24),
            "filing_date": D(2021, 1, 15),
            "expiry_date": D(2031, 8, 24),
            "status": "registered",
            "designations": None,
        },
    ),
    "uspto_new": (
        USPTO_NEW,
        {"KESTRELINE", "United States of America"},
        {
            "office": "USPTO",
            "registration_number": "6123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [18, 25],
            "goods": {
                18: "Bags, namely, backpacks and handbags",
                25: "Clothing, namely, jackets, shirts and pants",
            },
            "registration_date": D(2021, 8, 24),
            "filing_date": D(2021, 1, 15),
            "expiry_date": D(2031, 8, 24),
            "status": "registered",
            "designations": None,
        },
    ),
    "uspto_old": (
        USPTO_OLD,
        {"FALCONRIDGE"},
        {
            "office": "USPTO",
            "registration_number": "2345678",
            "mark": "FALCONRIDGE",
            "owner": "FALCONRIDGE OUTFITTERS, LLC",
            "classes": [25],
            "goods": {25: "JACKETS, COATS AND VESTS"},
            "registration_date": D(2000, 5, 2),
            "filing_date": D(1999, 6, 1),
            "expiry_date": D(2010, 5, 2),
            "status": "registered",
            "designations": None,
        },
    ),
    "euipo_text": (
        EUIPO_TEXT,
        set(),
        {
            "office": "EUIPO",
            "registration_number": "18123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [18, 25],
            "goods": {18: "Leather and imitations of leather; bags.", 25: "Clothing; footwear; headgear."},
            "registration_date": D(2021, 7, 14),
            "filing_date": D(2021, 3, 19),
            "expiry_date": D(2031, 3, 19),
            "status": "registered",
            "designations": None,
        },
    ),
    "euipo_ocr": (
        EUIPO_OCR,
        set(),
        {
            "office": "EUIPO",
            "registration_number": "18123456",
            "mark": "KESTRELINE",
            "owner": "KESTRELINE APPAREL INC.",
            "classes": [25],
            "goods": {25: "Clothing;footwear;headgear."},
            "registration_date": D(2021, 7, 14),
            "filing_date": D(2021, 3, 19),
            "expiry_date": D(2031, 3, 19),
            "status": "registered",
            "designations": None,
        },
    ),
    "wipo_text": (
        WIPO_TEXT,
        set(),
        {
            "office": "WIPO",
            "registration_number": "1612345",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25, 35],
            "goods": {25: "Clothing; footwear; headgear.", 35: "Retail services relating to clothing."},
            "registration_date": D(2021, 3, 14),
            "filing_date": None,
            "expiry_date": D(2031, 3, 14),
            "status": "registered",
            "designations": ["CN", "EM", "GB", "JP"],
        },
    ),
    "ukipo_text": (
        UKIPO_TEXT,
        set(),
        {
            "office": "UKIPO",
            "registration_number": "3123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25, 35],
            "goods": {25: "Clothing; footwear; headgear.", 35: "Retail services connected with clothing."},
            "registration_date": D(2021, 6, 18),
            "filing_date": D(2021, 3, 14),
            "expiry_date": D(2031, 3, 14),
            "status": "registered",
            "designations": None,
        },
    ),
    "cnipa_text": (
        CNIPA_TEXT,
        {"鹰翔"},
        {
            "office": "CNIPA",
            "registration_number": "12345678",
            "mark": "鹰翔",
            "owner": "深圳市鹰翔科技有限公司",
            "classes": [25],
            "goods": {25: "服装;鞋;帽;袜"},
            "registration_date": D(2021, 3, 14),
            "filing_date": None,
            "expiry_date": D(2031, 3, 13),
            "status": "registered",
            "designations": None,
        },
    ),
    "cnipa_ocr": (
        CNIPA_OCR,
        {"鹰翔"},
        {
            "office": "CNIPA",
            "registration_number": "12345678",
            "mark": "鹰翔",
            "owner": "深圳市鹰翔科技有限公司",
            "classes": [25],
            "goods": {25: "服装;鞋;帽;袜"},
            "registration_date": D(2021, 3, 14),
            "filing_date": None,
            "expiry_date": D(2031, 3, 13),
            "status": "registered",
            "designations": None,
        },
    ),
    "cnipa_english": (
        CNIPA_ENGLISH,
        set(),
        {
            "office": "CNIPA",
            "registration_number": "12345678",
            "mark": "EAGLEWING",
            "owner": "Shenzhen Eagle Technology Co., Ltd.",
            "classes": [25],
            "goods": {25: "Clothing; shoes; hats"},
            "registration_date": D(2021, 3, 14),
            "filing_date": None,
            "expiry_date": D(2031, 3, 13),
            "status": "registered",
            "designations": None,
        },
    ),
}


@pytest.mark.parametrize("case", sorted(HAND_CASES))
def test_hand_built_layouts(case: str) -> None:
    text, big, expected = HAND_CASES[case]
    source = "ocr" if case.endswith("_ocr") else "text"
    assert values(extract_certificate(make_doc(text, big=big, source=source))) == expected


def test_expiry_is_computed_by_the_office_rule_and_flagged() -> None:
    uspto = extract_certificate(make_doc(USPTO_NEW, big={"KESTRELINE"}))
    assert uspto.expiry_date is not None and uspto.expiry_date.computed
    assert uspto.expiry_date.value == D(2031, 8, 24)  # 10 years from registration
    uk = extract_certificate(make_doc(UKIPO_TEXT))
    assert uk.expiry_date is not None and uk.expiry_date.computed
    assert uk.expiry_date.value == D(2031, 3, 14)  # 10 years from filing, not from entry in the register
    eu = extract_certificate(make_doc(EUIPO_TEXT.replace("(180) 19/03/2031\n", "")))
    assert eu.expiry_date is not None and eu.expiry_date.computed
    assert eu.expiry_date.value == D(2031, 3, 19)  # 10 years from filing
    cn = extract_certificate(
        make_doc(
            CNIPA_TEXT.replace("注册有效期限：自2021年03月14日至2031年03月13日", "注册日期：2021年03月14日")
        )
    )
    assert cn.expiry_date is not None and cn.expiry_date.computed
    assert cn.expiry_date.value == D(2031, 3, 13)  # 10 years from registration, the day before
    leap = extract_certificate(
        make_doc(USPTO_NEW.replace("Aug. 24, 2021", "Feb. 29, 2020"), big={"KESTRELINE"})
    )
    assert leap.expiry_date is not None and leap.expiry_date.value == D(2030, 2, 28)
    explicit = extract_certificate(make_doc(EUIPO_TEXT))
    assert explicit.expiry_date is not None and not explicit.expiry_date.computed


def test_fields_carry_their_provenance() -> None:
    doc = make_doc(USPTO_NEW, big={"KESTRELINE"})
    c = extract_certificate(doc)
    number = c.registration_number
    assert number is not None and number.raw == "6,123,456" and number.page == 1
    assert number.source_text == "Reg. No. 6,123,456"
    line = next(ln for ln in doc.lines() if ln.text == "Reg. No. 6,123,456")
    assert number.box is not None and line.box[0] < number.box[0] < number.box[2] <= line.box[2] + 0.01
    assert c.registration_date is not None and c.registration_date.raw == "Aug. 24, 2021"
    assert 0.0 < c.owner.confidence <= 1.0  # type: ignore[union-attr]


def test_json_round_trip_keeps_dates_and_class_keys() -> None:
    c = extract_certificate(make_doc(WIPO_TEXT))
    data = json.loads(json.dumps(c.to_json()))
    assert data["registration_date"]["value"] == "2021-03-14"
    back = CertificateFields.from_json(data)
    assert values(back) == values(c)
    assert back.goods is not None and set(back.goods.value) == {25, 35}
    assert back.recognised is True and back.registration_number == c.registration_number


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (USPTO_NEW, "USPTO"),
        (USPTO_OLD, "USPTO"),
        (EUIPO_TEXT, "EUIPO"),
        (EUIPO_OCR, "EUIPO"),
        (WIPO_TEXT, "WIPO"),
        (UKIPO_TEXT, "UKIPO"),
        (CNIPA_TEXT, "CNIPA"),
        (CNIPA_ENGLISH, "CNIPA"),
        ("Invoice no. 12345\nTotal: 12.50", None),
        ("", None),
    ],
)
def test_detect_office(text: str, office: str | None) -> None:
    assert detect_office(text) == office


def test_unrecognised_documents_say_why() -> None:
    c = extract_certificate(make_doc("Invoice no. 12345\nTotal due: 12.50"))
    assert not c.recognised and c.office is None and c.notes
    empty = extract_certificate(DocumentText("x", pages=[PageText(1, 10, 10, [])]))
    assert not empty.recognised and empty.notes == ["No text could be read from the document."]
    bad = extract_certificate(DocumentText("x", status="unreadable", message="x.pdf: the file is truncated"))
    assert not bad.recognised and bad.notes == ["x.pdf: the file is truncated"]


def test_application_records_are_not_registrations() -> None:
    tsdr = """
UNITED STATES PATENT AND TRADEMARK OFFICE
Trademark Status & Document Retrieval (TSDR)
Serial Number:
>90123456
Filing Date:
>06/01/2020
Mark:
>KESTRELINE
Owner Name:
>Kestreline Apparel Inc.
"""
    c = extract_certificate(make_doc(tsdr))
    assert (
        c.value("office"),
        c.value("registration_number"),
        c.value("status"),
        c.value("mark"),
        c.value("owner"),
        c.value("filing_date"),
        c.value("expiry_date"),
    ) == ("USPTO", "90123456", "application", "KESTRELINE", "Kestreline Apparel Inc.", D(2020, 6, 1), None)


# --- recorded OCR output of generated scans (RapidOCR, as read_path returned it) ---------------------------

KESTRELINE = {"mark": "KESTRELINE", "owner": "Kestreline Apparel Inc."}
RECORDED = {
    "uspto_registration": {
        **KESTRELINE,
        "office": "USPTO",
        "registration_number": "6123456",
        "classes": [18, 25],
        "goods": {18: "Bags;backpacks", 25: "Jackets;coats"},
        "registration_date": D(2021, 3, 14),
        "filing_date": D(2020, 6, 1),
        "expiry_date": D(2031, 3, 14),
        "status": "registered",
        "designations": None,
    },
    "euipo_registration": {
        **KESTRELINE,
        "office": "EUIPO",
        "registration_number": "18123456",
        "classes": [25],
        "goods": {25: "Jackets;coats"},
        "registration_date": D(2021, 3, 14),
        "filing_date": D(2020, 6, 1),
        "expiry_date": D(2030, 6, 1),
        "status": "registered",
        "designations": None,
    },
    "ukipo_registration": {
        **KESTRELINE,
        "office": "UKIPO",
        "registration_number": "3123456",
        "classes": [25],
        "goods": {25: "Jackets;coats"},
        "registration_date": D(2021, 3, 14),
        "filing_date": D(2020, 6, 1),
        "expiry_date": D(2030, 6, 1),
        "status": "registered",
        "designations": None,
    },
    "cnipa_registration": {
        "office": "CNIPA",
        "registration_number": "12345678",
        "mark": "鹰翔",
        "owner": "深圳市鹰翔科技有限公司",
        "classes": [25],
        "goods": {25: "Jackets; coats"},
        "registration_date": D(2021, 3, 14),
        "filing_date": None,
        "expiry_date": D(2031, 3, 13),
        "status": "registered",
        "designations": None,
    },
    "wipo_registration": {
        **KESTRELINE,
        "office": "WIPO",
        "registration_number": "1612345",
        "classes": [25],
        "goods": {25: "Jackets;coats"},
        "registration_date": D(2021, 3, 14),
        "filing_date": None,
        "expiry_date": D(2031, 3, 14),
        "status": "registered",
        "designations": ["CN", "EM", "GB", "JP"],
    },
    "uspto_application": {
        **KESTRELINE,
        "office": "USPTO",
        "registration_number": "90123456",
        "classes": [25],
        "goods": {25: "Jackets;coats"},
        "registration_date": None,
        "filing_date": D(2020, 6, 1),
        "expiry_date": None,
        "status": "application",
        "designations": None,
    },
    "euipo_application": {
        **KESTRELINE,
        "office": "EUIPO",
        "registration_number": "18999999",
        "classes": [25],
        "goods": {25: "Jackets;coats"},
        "registration_date": None,
        "filing_date": D(2020, 6, 1),
        "expiry_date": D(2030, 6, 1),
        "status": "application",
        "designations": None,
    },
    "cnipa_application": {
        "office": "CNIPA",
        "registration_number": "55555555",
        "mark": "鹰翔",
        "owner": "深圳市鹰翔科技有限公司",
        "classes": [25],
        "goods": None,
        "registration_date": None,
        "filing_date": D(2020, 6, 1),
        "expiry_date": None,
        "status": "application",
        "designations": None,
    },
}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_recorded_ocr_output(name: str) -> None:
    doc = DocumentText.from_json(json.loads((DATA / f"ocr_{name}.json").read_text(encoding="utf-8")))
    assert all(ln.source == "ocr" for ln in doc.lines())
    assert values(extract_certificate(doc)) == RECORDED[name]


# --- generated certificates read end to end (text layer), and one scan OCR'd live ---------------------------

GENERATED = {
    "uspto": (
        dict(
            office="USPTO",
            registration_number="6,123,456",
            classes=[18, 25],
            goods={18: "Bags; backpacks", 25: "Jackets; coats"},
            registration_date=D(2021, 3, 14),
            filing_date=D(2020, 6, 1),
        ),
        {
            "office": "USPTO",
            "registration_number": "6123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [18, 25],
            "goods": {18: "Bags; backpacks", 25: "Jackets; coats"},
            "registration_date": D(2021, 3, 14),
            "filing_date": D(2020, 6, 1),
            "expiry_date": D(2031, 3, 14),
            "status": "registered",
            "designations": None,
        },
    ),
    "euipo": (
        dict(
            office="EUIPO",
            registration_number="018123456",
            registration_date=D(2019, 11, 2),
            filing_date=D(2019, 6, 20),
            expiry_date=D(2029, 6, 20),
            mark="FALCONRIDGE",
            owner="Falconridge Outfitters GmbH",
            goods={25: "Clothing", 35: "Retail services"},
        ),
        {
            "office": "EUIPO",
            "registration_number": "18123456",
            "mark": "FALCONRIDGE",
            "owner": "Falconridge Outfitters GmbH",
            "classes": [25, 35],
            "goods": {25: "Clothing", 35: "Retail services"},
            "registration_date": D(2019, 11, 2),
            "filing_date": D(2019, 6, 20),
            "expiry_date": D(2029, 6, 20),
            "status": "registered",
            "designations": None,
        },
    ),
    "ukipo": (
        dict(
            office="UKIPO",
            registration_number="UK00003123456",
            registration_date=D(2021, 3, 14),
            filing_date=D(2020, 12, 1),
        ),
        {
            "office": "UKIPO",
            "registration_number": "3123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Jackets; coats"},
            "registration_date": D(2021, 3, 14),
            "filing_date": D(2020, 12, 1),
            "expiry_date": D(2030, 12, 1),
            "status": "registered",
            "designations": None,
        },
    ),
    "cnipa": (
        dict(
            office="CNIPA",
            registration_number="12345678",
            mark="鹰翔",
            owner="深圳市鹰翔科技有限公司",
            owner_address="广东省深圳市南山区科技园路1号",
            goods={25: "服装；鞋；帽"},
            registration_date=D(2020, 3, 1),
        ),
        {
            "office": "CNIPA",
            "registration_number": "12345678",
            "mark": "鹰翔",
            "owner": "深圳市鹰翔科技有限公司",
            "classes": [25],
            "goods": {25: "服装;鞋;帽"},
            "registration_date": D(2020, 3, 1),
            "filing_date": None,
            "expiry_date": D(2030, 2, 28),
            "status": "registered",
            "designations": None,
        },
    ),
    "wipo": (
        dict(
            office="WIPO",
            registration_number="1612345",
            registration_date=D(2021, 3, 14),
            designations=["CN", "EM", "US"],
        ),
        {
            "office": "WIPO",
            "registration_number": "1612345",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Jackets; coats"},
            "registration_date": D(2021, 3, 14),
            "filing_date": None,
            "expiry_date": D(2031, 3, 14),
            "status": "registered",
            "designations": ["CN", "EM", "US"],
        },
    ),
    "uspto_application": (
        dict(office="USPTO", is_application=True, registration_number="90123456"),
        {
            "office": "USPTO",
            "registration_number": "90123456",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Jackets; coats"},
            "registration_date": None,
            "filing_date": D(2020, 6, 1),
            "expiry_date": None,
            "status": "application",
            "designations": None,
        },
    ),
    "euipo_application": (
        dict(office="EUIPO", is_application=True, registration_number="018999999"),
        {
            "office": "EUIPO",
            "registration_number": "18999999",
            "mark": "KESTRELINE",
            "owner": "Kestreline Apparel Inc.",
            "classes": [25],
            "goods": {25: "Jackets; coats"},
            "registration_date": None,
            "filing_date": D(2020, 6, 1),
            "expiry_date": D(2030, 6, 1),
            "status": "application",
            "designations": None,
        },
    ),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_text_pdfs_end_to_end(name: str, tmp_path: Path) -> None:
    from desktop_app.core.reading.service import read_path
    from tests.factories import CertificateSpec, make_certificate_pdf

    spec_kwargs, expected = GENERATED[name]
    path = make_certificate_pdf(CertificateSpec(**spec_kwargs), tmp_path / f"{name}.pdf")
    doc = read_path(path)
    assert doc.ok and all(ln.source == "text" for ln in doc.lines())
    assert values(extract_certificate(doc)) == expected


@pytest.fixture(scope="module")
def scanned_euipo(tmp_path_factory: pytest.TempPathFactory) -> DocumentText:
    from desktop_app.core.reading.service import read_path
    from tests.factories import CertificateSpec, make_certificate_pdf

    spec = CertificateSpec(
        office="EUIPO",
        registration_number="018654321",
        registration_date=D(2022, 1, 10),
        filing_date=D(2021, 8, 2),
        expiry_date=D(2031, 8, 2),
    )
    path = make_certificate_pdf(
        spec, tmp_path_factory.mktemp("scan") / "euipo_scan.pdf", scanned=True, rotate_deg=0.6, seed=3
    )
    return read_path(path)


def test_scanned_certificate_ocr_end_to_end(scanned_euipo: DocumentText) -> None:
    assert scanned_euipo.ok and all(ln.source == "ocr" for ln in scanned_euipo.lines())
    c = extract_certificate(scanned_euipo)
    assert (
        c.value("office"),
        c.value("registration_number"),
        c.value("mark"),
        c.value("classes"),
        c.value("registration_date"),
        c.value("filing_date"),
        c.value("expiry_date"),
        c.value("status"),
    ) == ("EUIPO", "18654321", "KESTRELINE", [25], D(2022, 1, 10), D(2021, 8, 2), D(2031, 8, 2), "registered")
    from desktop_app.core.reading.matching import same_party

    assert same_party(c.value("owner"), "Kestreline Apparel Inc.") >= 0.99


@pytest.mark.parametrize(
    ("status_line", "expected"),
    [
        ("Status: Registered.", "registered"),
        ("Trade mark status: Application published", "application"),
        ("Status: New application has been received and is pending examination.", "application"),
        ("Status: Registration cancelled under Section 8.", "dead"),
        ("Status: Abandoned because no Statement of Use was filed.", "dead"),
        ("状态：审查中", "application"),
    ],
)
def test_a_printed_status_wins(status_line: str, expected: str) -> None:
    c = extract_certificate(make_doc(UKIPO_TEXT + status_line + "\n"))
    assert c.value("status") == expected
    assert c.status is not None and c.status.source_text == status_line


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Kestreline Apparel Inc. (DELAWARE CORPORATION) 100 Main Street", "Kestreline Apparel Inc."),
        (
            "Kestreline Apparel Inc. CORPORATION DELAWARE 100 Main Street Portland OREGON 97201",
            "Kestreline Apparel Inc.",
        ),
        ("Kestreline Apparel Inc., a Delaware corporation, 100 Main Street", "Kestreline Apparel Inc."),
        ("Shenzhen Eagle Co., Ltd. 8 Keji Road", "Shenzhen Eagle Co., Ltd."),
        ("Falconridge Trading Company Limited, 8 Road", "Falconridge Trading Company Limited"),
        ("Harrow & Pike LLP 2 Fleet Place, London", "Harrow & Pike LLP"),
        ("Comercial Norte S.A. de C.V. Av. Reforma 100", "Comercial Norte S.A. de C.V."),
        ("Nordvik Outdoor AB, Sveavägen 44, 111 34 Stockholm", "Nordvik Outdoor AB"),
        ("AG Foods Inc. 100 Main", "AG Foods Inc."),
        ("深圳市红隼服饰有限公司 深圳市南山区科技园路8号", "深圳市红隼服饰有限公司"),
        ("Jane Smith, 12 High Street", "Jane Smith"),
    ],
)
def test_owner_name_ends_where_the_address_starts(printed: str, name: str) -> None:
    from desktop_app.core.reading.certificates.common import owner_name

    assert owner_name(printed) == name


USPTO_SPLIT_LEFT_COLUMN = """
United States of America
United States Patent and Trademark Office
VOLTARIS
Reg. No.
6,234,567
Registered
Mar. 14, 2021
Int. Cl.: 25
Trademark
Principal Register
VOLTARIS GEAR INC. (DELAWARE CORPORATION)
CLASS 25: Clothing, namely, jackets
SER. NO. 90-555,111, FILED 04-01-2020
"""


@pytest.mark.parametrize("source", ["text", "ocr"])
def test_uspto_number_on_the_line_below_its_label_is_the_registration_not_the_serial(source: str) -> None:
    c = extract_certificate(make_doc(USPTO_SPLIT_LEFT_COLUMN, big={"VOLTARIS"}, source=source))
    assert c.value("registration_number") == "6234567"
    assert c.value("status") == "registered"
    assert c.value("registration_date") == D(2021, 3, 14)


CNIPA_NAME_LABEL = """
商标注册证
注册号：45678912
商标：云雀
国际分类：25
注册人名称：深圳市云雀科技有限公司
专用权期限：2021年03月14日至2031年03月13日
国家知识产权局商标局
"""


def test_cnipa_owner_name_label_and_exclusive_right_term() -> None:
    """ "注册人名称" labels the owner (the word 名称 is not part of the name); 专用权期限 is the term."""
    c = extract_certificate(make_doc(CNIPA_NAME_LABEL))
    assert c.value("owner") == "深圳市云雀科技有限公司"
    assert c.value("registration_date") == D(2021, 3, 14)
    assert c.value("expiry_date") == D(2031, 3, 13)


EUIPO_WORD_LABELS_OCR = """
EUROPEAN UNION INTELLECTUALPROPERTYOFFICE
Certificate of Registration
Trade marknumber:018345678
Word mark:NORDVALE
Dateof fi1ing:12/05/2020
Dateof registration:02/10/2020
Nameoftheproprietor:FjellstadSportAs
Address:Hafenstrasse 12,20457 Hamburg,Germany
Class 25:Clothing;footwear;headgear
"""


def test_labels_in_words_survive_ocr_losing_spaces() -> None:
    """RapidOCR drops spaces on scans; labelled owner and dates must still be read (else an owner
    mismatch or an expired registration on a scan goes unnoticed)."""
    c = extract_certificate(make_doc(EUIPO_WORD_LABELS_OCR, source="ocr"))
    assert c.value("owner") == "FjellstadSportAs"
    assert c.value("filing_date") == D(2020, 5, 12)
    assert c.value("registration_date") == D(2020, 10, 2)
    assert c.value("expiry_date") == D(2030, 5, 12)  # 10 years from filing


WIPO_WORD_LABELS = """
WORLD INTELLECTUAL PROPERTY ORGANIZATION
Certificate of International Registration
International registration number: 1612345
Date of the international registration: 14.03.2021
Holder: Fiorenza Moda S.p.A.
Mark: FIORENZA
Nice classification: 18, 25
Designated contracting parties: CN, EM, GB, US
"""


def test_wipo_designations_and_classes_printed_in_words() -> None:
    """Without INID codes the designations (which decide the territory check) and classes are labelled."""
    c = extract_certificate(make_doc(WIPO_WORD_LABELS))
    assert c.value("designations") == ["CN", "EM", "GB", "US"]
    assert c.value("classes") == [18, 25]
    assert c.value("registration_number") == "1612345"


def test_ocr_glued_uspto_owner_and_wipo_number() -> None:
    """OCR without spaces: the USPTO owner stops at its entity note, the WIPO number label is found."""
    us = extract_certificate(
        make_doc(
            """UnitedStatesPatentandTrademarkOffice
VOLTARIS
Reg.No.6,234,567
RegisteredMar.14,2021
PrincipalRegister
VOLTARISGEARINC.(DELAWARECORPORATION)""",
            big={"VOLTARIS"},
            source="ocr",
        )
    )
    assert us.value("owner") == "VOLTARISGEARINC."
    wipo = extract_certificate(
        make_doc(
            """WORLDINTELLECTUALPROPERTYORGANIZATION
Internationalregistrationnumber:1612345
Dateoftheinternationalregistration:14.03.2021
Holder:FiorenzaModaS.p.A.""",
            source="ocr",
        )
    )
    assert wipo.value("registration_number") == "1612345"
    assert wipo.value("registration_date") == D(2021, 3, 14)


def test_uspto_split_label_merged_with_the_right_column() -> None:
    c = extract_certificate(
        make_doc(
            """United States Patent and Trademark Office
VOLTARIS
Reg. No.    VOLTARIS GEAR INC. (DELAWARE CORPORATION)
6,234,567    1200 Harbor Way, Portland, OR 97201
Registered    CLASS 25: Clothing, namely, jackets
Mar. 14, 2021
Principal Register
SER. NO. 90-555,111, FILED 04-01-2020""",
            big={"VOLTARIS"},
            source="ocr",
        )
    )
    assert c.value("registration_number") == "6234567"
    assert c.value("status") == "registered"
