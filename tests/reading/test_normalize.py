"""Registration numbers, dates and party names as offices and OCR print them."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.reading.normalize import (
    company_core,
    find_dates,
    legal_form,
    normalize_company_name,
    normalize_registration_number,
    parse_date,
    same_registration_number,
)

D = dt.date


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("6,123,456", "6123456"),
        ("6123456", "6123456"),
        ("Reg. No. 6,123,456", "6123456"),
        ("U.S. Reg. No. 6,l23,456", "6123456"),  # OCR read 1 as l
        ("6.123.456", "6123456"),
        ("018123456", "18123456"),  # EUIPO leading zeros
        ("018 123 456", "18123456"),
        ("EUTM No. 018123456", "18123456"),
        ("第 12345678 号", "12345678"),
        ("第12345678号", "12345678"),
        ("注册号：12345678", "12345678"),
        ("UK00003123456", "3123456"),
        ("UK 0000 3123456", "3123456"),
        ("UKO0003123456", "3123456"),  # OCR read 0 as O
        ("1612345", "1612345"),
        ("No. 1 612 345", "1612345"),
        ("TMA1,234,567", "1234567"),
        ("88-123,456", "88123456"),
        ("", ""),
        ("no number here", ""),  # no digit: not a number at all
    ],
)
def test_normalize_registration_number(printed: str, expected: str) -> None:
    assert normalize_registration_number(printed) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("6,123,456", "6123456", True),
        ("018123456", "18123456", True),
        ("第 12345678 号", "12345678", True),
        ("UK00003123456", "3123456", True),
        ("6,123,456", "6,123,457", False),
        ("1612345", "16123450", False),
        ("", "", False),
        ("", "6123456", False),
    ],
)
def test_same_registration_number(a: str, b: str, same: bool) -> None:
    assert same_registration_number(a, b) is same
    assert same_registration_number(b, a) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar. 14, 2021", D(2021, 3, 14)),
        ("March 14, 2021", D(2021, 3, 14)),
        ("March 14th, 2021", D(2021, 3, 14)),
        ("14 March 2021", D(2021, 3, 14)),
        ("14th March 2021", D(2021, 3, 14)),
        ("14/03/2021", D(2021, 3, 14)),
        ("14.03.2021", D(2021, 3, 14)),
        ("2021-03-14", D(2021, 3, 14)),
        ("2021/3/14", D(2021, 3, 14)),
        ("03-14-2021", D(2021, 3, 14)),  # USPTO "FIRST USE" style, month first
        ("3-14-2021", D(2021, 3, 14)),
        ("2021年03月14日", D(2021, 3, 14)),
        ("2021年3月14日", D(2021, 3, 14)),
        ("2021 年 3 月 14 日", D(2021, 3, 14)),
        ("Registered Mar. 14, 2021", D(2021, 3, 14)),
        ("RegisteredMar.14,2021", D(2021, 3, 14)),  # OCR lost the spaces
        ("REGISTEREDMAR. 14, 2021", D(2021, 3, 14)),
        ("FILED06-01-2020", D(2020, 6, 1)),
        ("14 de marzo de 2021", D(2021, 3, 14)),
        ("14. März 2021", D(2021, 3, 14)),
        ("14 mars 2021", D(2021, 3, 14)),
        ("Date: 05/06/2021", D(2021, 6, 5)),  # ambiguous with "/": day first
        ("05-06-2021", D(2021, 5, 6)),  # ambiguous with "-": month first (USPTO)
        ("31/02/2021", None),  # no such day
        ("Summary 12, 2021", None),  # a month name inside a word is not a month
        ("no date", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_parse_date_order_hint_settles_ambiguous_dates() -> None:
    assert parse_date("05/06/2021", order_hint="mdy") == D(2021, 5, 6)
    assert parse_date("05-06-2021", order_hint="dmy") == D(2021, 6, 5)
    assert parse_date("25/06/2021", order_hint="mdy") == D(2021, 6, 25)  # the unambiguous wins over the hint


def test_find_dates_gives_every_date_with_its_span() -> None:
    text = "(151) 14.03.2021 (180) 14.03.2031"
    found = find_dates(text)
    assert [d for d, _ in found] == [D(2021, 3, 14), D(2031, 3, 14)]
    assert [text[s:e] for _, (s, e) in found] == ["14.03.2021", "14.03.2031"]
    text = "注册有效期限 自2021年03月14日至2031年03月13日"
    assert [d for d, _ in find_dates(text)] == [D(2021, 3, 14), D(2031, 3, 13)]


@pytest.mark.parametrize(
    ("name", "normal", "core", "form"),
    [
        ("Kestreline Apparel Inc.", "kestreline apparel inc", "kestreline apparel", "inc"),
        ("KESTRELINE APPAREL, INCORPORATED", "kestreline apparel inc", "kestreline apparel", "inc"),
        ("Shenzhen Eagle Co., Ltd.", "shenzhen eagle co ltd", "shenzhen eagle", "co ltd"),
        ("SHENZHEN EAGLE COMPANY LIMITED", "shenzhen eagle co ltd", "shenzhen eagle", "co ltd"),
        ("Acme Corp.", "acme corp", "acme", "corp"),
        ("ACME CORPORATION", "acme corp", "acme", "corp"),
        ("Foo L.L.C.", "foo llc", "foo", "llc"),
        ("Müller GmbH", "müller gmbh", "müller", "gmbh"),
        ("ACME S.A.", "acme sa", "acme", "sa"),
        ("Harrow & Pike LLP", "harrow and pike llp", "harrow and pike", "llp"),
        (
            "ＫＥＳＴＲＥＬＩＮＥ　ＡＰＰＡＲＥＬ　ＩＮＣ．",
            "kestreline apparel inc",
            "kestreline apparel",
            "inc",
        ),
        (
            "KESTRELINE APPAREL INC. (DELAWARE CORPORATION)",
            "kestreline apparel inc",
            "kestreline apparel",
            "inc",
        ),
        (
            "Kestreline Apparel Inc., a Delaware corporation",
            "kestreline apparel inc",
            "kestreline apparel",
            "inc",
        ),
        ("深圳市鹰翔科技有限公司", "深圳市鹰翔科技 co ltd", "深圳市鹰翔科技", "co ltd"),
        ("深圳市鹰翔科技股份有限公司", "深圳市鹰翔科技 co ltd", "深圳市鹰翔科技", "co ltd"),
        ("鹰翔公司", "鹰翔 co", "鹰翔", "co"),
        ("Comercial Norte S.A. de C.V.", "comercial norte sa de cv", "comercial norte", "sa de cv"),
    ],
)
def test_company_names(name: str, normal: str, core: str, form: str) -> None:
    assert normalize_company_name(name) == normal
    assert company_core(name) == core
    assert legal_form(name) == form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 demarzo de2021", dt.date(2021, 3, 14)),  # OCR glued "de" to the month and to the year
        ("3Januar2022", dt.date(2022, 1, 3)),
        ("12 de Março de2020", dt.date(2020, 3, 12)),
        ("Data do pedido:2 dejunho de2020", dt.date(2020, 6, 2)),
        ("1 de dezembro de2021", dt.date(2021, 12, 1)),
        ("14 decembre 2021", dt.date(2021, 12, 14)),  # accent lost
        ("le14fevrier2021", dt.date(2021, 2, 14)),
        ("2031 03-13", dt.date(2031, 3, 13)),  # the first hyphen of an ISO date read as a space
    ],
)
def test_month_words_glued_to_their_neighbours(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("printed", "typed", "same"),
    [
        ("40 2023 43949 Y", "40202343949Y", True),
        ("40 2023 43949 Y", "40202343949", False),  # the check letter is part of the number
        ("302021123456.7", "3020211234567", True),
        ("TMA1,234,567", "1234567", True),
        ("VR 2021 01234", "VR202101234", True),
        ("VR 2021 01234", "VR202101243", False),
        ("UK00003456789", "3456789", True),
    ],
)
def test_registration_numbers_with_letters(printed: str, typed: str, same: bool) -> None:
    assert same_registration_number(printed, typed) is same
