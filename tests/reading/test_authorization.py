"""Letters of authorization: principal, agent, marks, numbers and validity, in English and Chinese."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.core.reading.authorization import extract_authorization
from desktop_app.core.reading.certificates.fields import AuthorizationFields
from desktop_app.core.reading.text import DocumentText, PageText, TextLine

D = dt.date
DATA = Path(__file__).parent / "data"
FIELDS = ("principal", "agent", "marks", "registration_numbers", "issue_date", "valid_from", "valid_until")


def make_doc(text: str, source: str = "text") -> DocumentText:
    lines = [
        TextLine(t.strip(), 1, (50.0, 40.0 + 15 * i, 50.0 + 6 * len(t.strip()), 51.0 + 15 * i), 1.0, source)
        for i, t in enumerate(text.strip("\n").splitlines())
    ]
    return DocumentText("hand", pages=[PageText(1, 612, 792, lines, source)])


def values(a: AuthorizationFields) -> dict[str, object]:
    return {name: a.value(name) for name in FIELDS}


EN_LABELS = """
LETTER OF AUTHORIZATION
Principal: Kestreline Apparel Inc.
Address: 100 Main Street, Portland, Oregon 97201, USA
Agent: Brandguard IP Services Ltd.
Kestreline Apparel Inc. hereby authorizes Brandguard IP Services Ltd. to file and manage intellectual property
complaints on its behalf on Alibaba, AliExpress, Taobao and Tmall concerning the trademark "KESTRELINE"
(U.S. Reg. No. 6,123,456 and EUTM No. 018123456).
This authorization is valid until December 31, 2026.
Date: March 1, 2025
"""

EN_PROSE = """
POWER OF ATTORNEY
We, Kestreline Apparel Inc., a Delaware corporation, hereby appoint Brandguard IP Services Ltd. as our agent
Trademarks: KESTRELINE, KESTREL
Reg. Nos. 6,123,456, 6,234,567
Term: from 1 January 2025 to 31 December 2026
Dated 1 January 2025
"""

ZH = """
授权委托书
授权人（委托人）：深圳市鹰翔科技有限公司
地址：广东省深圳市南山区科技园路1号
被授权人（受托人）：北京品牌卫士知识产权代理有限公司
兹授权被授权人就“鹰翔”商标（第12345678号）在淘宝、天猫、1688平台提交知识产权投诉。
有效期限：自2025年01月01日至2026年12月31日
授权人（盖章）：深圳市鹰翔科技有限公司
日期：2025年01月01日
"""

ZH_WRAPPED = """
授权委托书
授权人（委托人）：Voltarix Technology Co., Ltd.
被授权人（受托人）：Harrow & Pike LLP
兹授权被授权人代表授权人，就授权人所有的“VOLTARIX”商标（CNIPA 注册号
29633764），在AliExpress、Amazon等电子商务平台提交知识产权侵权投诉。
本授权有效期至2027年12月31日。
日期：2025年01月15日
"""

ZH_PARTIES = """
授权书
甲方：深圳市鹰翔科技有限公司
乙方：北京品牌卫士知识产权代理有限公司
甲方授权乙方就第12345678号“鹰翔”商标在天猫平台投诉侵权商品。
授权期限：2025年1月1日起至2026年12月31日止
二〇二五年一月一日
"""

ZH_OCR = """
授权委托书
委托人：深圳市鹰翔科技有限公司
受托人：北京品牌卫士知识产权代理有限公司
就“鹰翔”商标（注册号12345678）提交投诉。
有效期限
自2025年01月01日
至2026年12月31日
日期：2025年01月01日
"""

EN_RUN_ON = """
AUTHORIZATION LETTER
Kestreline Apparel Inc., the owner of the trademarks listed below, hereby authorizes
Harrow & Pike LLP to act on its behalf to file complaints on Amazon and eBay.
- KESTRELINE: USPTO Reg. No. 6,123,456; EUIPO Reg. No. 018123456
This authorization is valid from January 1, 2025 to December 31, 2026.
二〇二五年一月一日
"""

CASES = {
    "zh_parties": (
        ZH_PARTIES,
        {
            "principal": "深圳市鹰翔科技有限公司",
            "agent": "北京品牌卫士知识产权代理有限公司",
            "marks": ["鹰翔"],
            "registration_numbers": ["12345678"],
            "issue_date": D(2025, 1, 1),
            "valid_from": D(2025, 1, 1),
            "valid_until": D(2026, 12, 31),
        },
    ),
    "zh_wrapped": (
        ZH_WRAPPED,
        {
            "principal": "Voltarix Technology Co., Ltd.",
            "agent": "Harrow & Pike LLP",
            "marks": ["VOLTARIX"],
            "registration_numbers": ["29633764"],
            "issue_date": D(2025, 1, 15),
            "valid_from": None,
            "valid_until": D(2027, 12, 31),
        },
    ),
    "en_run_on": (
        EN_RUN_ON,
        {
            "principal": "Kestreline Apparel Inc.",
            "agent": "Harrow & Pike LLP",
            "marks": ["KESTRELINE"],
            "registration_numbers": ["6123456", "18123456"],
            "issue_date": D(2025, 1, 1),
            "valid_from": D(2025, 1, 1),
            "valid_until": D(2026, 12, 31),
        },
    ),
    "en_labels": (
        EN_LABELS,
        {
            "principal": "Kestreline Apparel Inc.",
            "agent": "Brandguard IP Services Ltd.",
            "marks": ["KESTRELINE"],
            "registration_numbers": ["6123456", "18123456"],
            "issue_date": D(2025, 3, 1),
            "valid_from": None,
            "valid_until": D(2026, 12, 31),
        },
    ),
    "en_prose": (
        EN_PROSE,
        {
            "principal": "Kestreline Apparel Inc.",
            "agent": "Brandguard IP Services Ltd.",
            "marks": ["KESTRELINE", "KESTREL"],
            "registration_numbers": ["6123456", "6234567"],
            "issue_date": D(2025, 1, 1),
            "valid_from": D(2025, 1, 1),
            "valid_until": D(2026, 12, 31),
        },
    ),
    "zh": (
        ZH,
        {
            "principal": "深圳市鹰翔科技有限公司",
            "agent": "北京品牌卫士知识产权代理有限公司",
            "marks": ["鹰翔"],
            "registration_numbers": ["12345678"],
            "issue_date": D(2025, 1, 1),
            "valid_from": D(2025, 1, 1),
            "valid_until": D(2026, 12, 31),
        },
    ),
    "zh_ocr": (
        ZH_OCR,
        {
            "principal": "深圳市鹰翔科技有限公司",
            "agent": "北京品牌卫士知识产权代理有限公司",
            "marks": ["鹰翔"],
            "registration_numbers": ["12345678"],
            "issue_date": D(2025, 1, 1),
            "valid_from": D(2025, 1, 1),
            "valid_until": D(2026, 12, 31),
        },
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hand_built_letters(case: str) -> None:
    text, expected = CASES[case]
    a = extract_authorization(make_doc(text))
    assert values(a) == expected
    assert a.recognised
    assert a.language == ("zh" if case.startswith("zh") else "en")


def test_provenance_and_json_round_trip() -> None:
    a = extract_authorization(make_doc(EN_LABELS))
    assert a.valid_until is not None and a.valid_until.raw == "December 31, 2026" and a.valid_until.page == 1
    assert a.valid_until.source_text == "This authorization is valid until December 31, 2026."
    assert a.registration_numbers is not None and a.registration_numbers.raw == "6,123,456; 018123456"
    back = AuthorizationFields.from_json(json.loads(json.dumps(a.to_json())))
    assert values(back) == values(a) and back.recognised and back.language == "en"


def test_not_a_letter() -> None:
    a = extract_authorization(make_doc("Invoice no. 12345\nTotal due: 12.50"))
    assert not a.recognised and a.principal is None and a.agent is None
    assert "does not call itself a letter of authorization" in a.notes[0]
    bad = extract_authorization(
        DocumentText("x", status="unreadable", message="x.pdf: the file is truncated")
    )
    assert not bad.recognised and bad.notes == ["x.pdf: the file is truncated"]


RECORDED = {
    "authorization_en": {
        "principal": "Kestreline Apparel Inc.",
        "agent": "Harrow&PikeLLP",
        "marks": ["KESTRELINE"],
        "registration_numbers": ["6123456"],
        "issue_date": D(2025, 1, 15),
        "valid_from": None,
        "valid_until": D(2027, 12, 31),
    },
    "authorization_zh": {
        "principal": "深圳市鹰翔科技有限公司",
        "agent": "北京品牌卫士知识产权代理有限公司",
        "marks": ["鹰翔"],
        "registration_numbers": ["12345678"],
        "issue_date": D(2025, 1, 15),
        "valid_from": None,
        "valid_until": D(2027, 12, 31),
    },
    "authorization_en_until_revoked": {
        "principal": "Kestreline Apparel Inc.",
        "agent": "Harrow&PikeLLP",
        "marks": ["KESTRELINE", "KESTREL"],
        "registration_numbers": ["6123456", "18123456"],
        "issue_date": D(2025, 1, 15),
        "valid_from": None,
        "valid_until": None,
    },
}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_recorded_ocr_output(name: str) -> None:
    doc = DocumentText.from_json(json.loads((DATA / f"ocr_{name}.json").read_text(encoding="utf-8")))
    a = extract_authorization(doc)
    assert values(a) == RECORDED[name] and a.recognised
    if name.endswith("until_revoked"):
        assert a.notes == ["The authorization states no end date: it is valid until revoked."]


@pytest.mark.parametrize(
    ("lang", "spec_kwargs", "expected"),
    [
        (
            "en",
            {},
            {
                "principal": "Kestreline Apparel Inc.",
                "agent": "Harrow & Pike LLP",
                "marks": ["KESTRELINE"],
                "registration_numbers": ["6123456"],
                "issue_date": D(2025, 1, 15),
                "valid_from": None,
                "valid_until": D(2027, 12, 31),
            },
        ),
        (
            "zh",
            {
                "principal": "深圳市鹰翔科技有限公司",
                "agent": "北京品牌卫士知识产权代理有限公司",
                "marks": ["鹰翔"],
                "registrations": [("CNIPA", "12345678"), ("WIPO", "1612345")],
                "valid_until": D(2026, 6, 30),
            },
            {
                "principal": "深圳市鹰翔科技有限公司",
                "agent": "北京品牌卫士知识产权代理有限公司",
                "marks": ["鹰翔"],
                "registration_numbers": ["12345678", "1612345"],
                "issue_date": D(2025, 1, 15),
                "valid_from": None,
                "valid_until": D(2026, 6, 30),
            },
        ),
    ],
)
def test_generated_letters_end_to_end(
    lang: str, spec_kwargs: dict[str, object], expected: dict[str, object], tmp_path: Path
) -> None:
    from desktop_app.core.reading.service import read_path
    from tests.factories import AuthorizationSpec, make_authorization_pdf

    path = make_authorization_pdf(AuthorizationSpec(**spec_kwargs), tmp_path / f"loa_{lang}.pdf", lang=lang)
    a = extract_authorization(read_path(path))
    assert values(a) == expected and a.recognised


@pytest.mark.parametrize(
    "text",
    [
        """LETTER OF AUTHORIZATION
We, Voltaris Gear Inc., a Delaware corporation with offices at 1200 Harbor Way, Portland, OR,
the owner of U.S. Trademark Registration No. 6,234,567 for the mark VOLTARIS,
hereby authorize Brandshield Legal LLP to file infringement complaints on our behalf.
This authorization is valid from January 10, 2025 to January 9, 2027.""",
        """LETTER OF AUTHORIZATION
Voltaris Gear Inc. (the "Company"), a Delaware corporation,
owner of U.S. Trademark Registration No. 6,234,567 for VOLTARIS,
hereby authorizes Brandshield Legal LLP to file complaints on its behalf.""",
    ],
)
def test_principal_named_lines_before_hereby_is_not_the_owner_of_clause(text: str) -> None:
    """The line just above "hereby authorize" may be "the owner of Reg. No. ..."; the principal is the
    company the sentence opened with, not that clause (which made a clean case look mismatched)."""
    a = extract_authorization(make_doc(text))
    assert a.value("principal") == "Voltaris Gear Inc."
    assert a.value("agent") == "Brandshield Legal LLP"


def test_chinese_table_rows_without_colons_name_the_parties() -> None:
    a = extract_authorization(
        make_doc(
            """授权书
委托方 深圳市云雀科技有限公司
受托方 杭州知盾知识产权代理有限公司
商标名称 LARKWING 注册号 45678912
有效期 2025年01月01日 - 2027年12月31日"""
        )
    )
    assert a.value("principal") == "深圳市云雀科技有限公司"
    assert a.value("agent") == "杭州知盾知识产权代理有限公司"
    assert a.value("valid_until") == dt.date(2027, 12, 31)


def test_english_table_rows_without_colons_need_a_company_name() -> None:
    a = extract_authorization(
        make_doc(
            """LETTER OF AUTHORIZATION
Principal place of business is Portland, Oregon
Principal Hollowpeak Sports Corp.
Agent Brandshield Legal LLP
Valid until 31 December 2027"""
        )
    )
    assert a.value("principal") == "Hollowpeak Sports Corp."  # not "place of business is Portland"
    assert a.value("agent") == "Brandshield Legal LLP"


def test_letter_ocr_without_spaces_still_names_parties_and_period() -> None:
    """RapidOCR reads small serif scans with nearly every space lost; the letter must still be read,
    or an expired letter or one from another owner passes unnoticed."""
    a = extract_authorization(
        make_doc(
            """LETTEROFAUTHORIZATION
Date:January10,2025
We,HollowpeakSportsCorp.,aDelawarecorporationwithofficesat1200HarborWay,Portland,OR
theownerofU.S.TrademarkRegistrationNo.6,234,567forthemarkVOLTARIS,
herebyauthorizeBrandshieldLegal LLPtoactonourbehalfinfilingintellectualproperty
Thisauthorization isvalidfromJanuary10,2025toJanuary9,2026.""",
            source="ocr",
        )
    )
    assert a.recognised
    assert a.value("principal") == "HollowpeakSportsCorp."
    assert a.value("agent") == "BrandshieldLegal LLP"
    assert a.value("valid_until") == dt.date(2026, 1, 9)
