"""The one tolerant matcher: marks, listing ids and party names in text read from evidence."""

from __future__ import annotations

import pytest

from desktop_app.core.reading.matching import (
    SAME_PARTY_THRESHOLD,
    Match,
    find_listing_id,
    find_mark,
    fold,
    same_party,
)
from desktop_app.core.reading.text import TextLine


def line(text: str, *, page: int = 1, y: float = 100.0, x0: float = 0.0, char_w: float = 10.0) -> TextLine:
    return TextLine(
        text=text, page=page, box=(x0, y, x0 + char_w * len(text), y + 12), confidence=0.95, source="ocr"
    )


def kinds(mark: str, text: str, threshold: float = 0.5) -> list[tuple[str, float, str]]:
    return [(m.kind, m.score, m.matched_text) for m in find_mark(mark, [line(text)], threshold=threshold)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestreline", [("exact", 1.0, "Kestreline")]),
        ("KESTRELINE® Men's Jacket", [("exact", 1.0, "KESTRELINE")]),
        ("kestreline", [("exact", 1.0, "kestreline")]),
        ("K E S T R E L I N E", [("exact", 1.0, "K E S T R E L I N E")]),  # letter-spaced styling
        ("ＫＥＳＴＲＥＬＩＮＥ", [("exact", 1.0, "ＫＥＳＴＲＥＬＩＮＥ")]),  # full width
        ("KestrelineShop official", [("exact", 1.0, "Kestreline")]),  # camel-case word boundary
        ("Kestreline2024 new", [("exact", 1.0, "Kestreline")]),
        ("KESTRELiNEMen'sWaterproof", [("exact", 1.0, "KESTRELiNE")]),  # OCR lost the space before "Men's"
        ("kestre-line", [("variant", 0.95, "kestre-line")]),  # a separator inside the word
        ("KEST.RELINE", [("variant", 0.95, "KEST.RELINE")]),
        ("KESTRE_LINE", [("variant", 0.95, "KESTRE_LINE")]),
        ("KESTREL1NE", [("variant", 0.9, "KESTREL1NE")]),  # OCR confusions
        ("KESTRELlNE", [("variant", 0.9, "KESTRELlNE")]),
        ("KE5TRELINE", [("variant", 0.9, "KE5TRELINE")]),
        ("Кestreline", [("variant", 0.9, "Кestreline")]),  # Cyrillic К
        ("KΕSTRΕLINΕ", [("variant", 0.9, "KΕSTRΕLINΕ")]),  # Greek Ε
        ("buy KESTRELlNE jackets", [("variant", 0.9, "KESTRELlNE")]),
        ("KESTRELIME", [("variant", 0.89, "KESTRELIME")]),  # one edit
        ("KESTRXELINE", [("variant", 0.89, "KESTRXELINE")]),  # one inserted letter
        ("KESTRELINESHOP", [("variant", 0.8, "KESTRELINE")]),  # starting a longer word
        ("OFFICIALKESTRELINE", [("variant", 0.8, "KESTRELINE")]),  # ending one
        ("XKESTRELINESHOP", [("variant", 0.7, "KESTRELINE")]),  # buried inside: below the default threshold
        ("Kestrel", []),
        ("Falcon jackets", []),
        ("", []),
    ],
)
def test_find_mark_kestreline(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert kinds("Kestreline", text) == expected


def test_one_stray_ocr_space_is_not_a_variant() -> None:
    ocr = TextLine("KESTREL INE jacket", 1, (0, 0, 180, 12), 0.9, "ocr")
    text = TextLine("KESTREL INE jacket", 1, (0, 0, 180, 12), 1.0, "text")
    assert [m.kind for m in find_mark("Kestreline", [ocr])] == ["exact"]
    assert [m.kind for m in find_mark("Kestreline", [text])] == ["variant"]  # typed that way: a variant
    two = TextLine("KES TREL INE", 1, (0, 0, 120, 12), 0.9, "ocr")
    assert [m.kind for m in find_mark("Kestreline", [two])] == ["variant"]
    dotted = TextLine("KESTREL.INE", 1, (0, 0, 110, 12), 0.9, "ocr")
    assert [m.kind for m in find_mark("Kestreline", [dotted])] == ["variant"]


def test_default_threshold_drops_marks_inside_longer_words() -> None:
    assert find_mark("Kestreline", [line("XKESTRELINESHOP")]) == []
    assert [m.score for m in find_mark("Kestreline", [line("KESTRELINESHOP")])] == [0.8]
    assert [m.kind for m in find_mark("Kestreline", [line("KESTREL1NE")])] == ["variant"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIKE", [("exact", 1.0, "NIKE")]),
        ("nike shoes", [("exact", 1.0, "nike")]),
        ("N I K E", [("exact", 1.0, "N I K E")]),
        ("N1KE", [("variant", 0.9, "N1KE")]),
        ("BIKE", []),
        ("NICE", []),
        ("NIKES", []),
        ("SNIKE", []),
        ("MIKE", []),
    ],
)
def test_short_marks_match_whole_tokens_only(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert kinds("NIKE", text) == expected


@pytest.mark.parametrize(
    ("mark", "text", "expected"),
    [
        ("鹰翔", "鹰翔牌运动鞋 正品", [("exact", 1.0, "鹰翔")]),
        ("鹰翔", "鹰 翔", [("exact", 1.0, "鹰 翔")]),
        ("鹰翔", "鹰翊", []),  # two characters: no edit allowed
        ("鹰翔体育用品", "鹰翔体育用晶", [("variant", 0.833, "鹰翔体育用晶")]),
        ("Kestre Line", "KESTRELINE", [("exact", 1.0, "KESTRELINE")]),  # the mark's own space is optional
        ("Kestre Line", "kestre-line", [("exact", 1.0, "kestre-line")]),
    ],
)
def test_find_mark_other_marks(mark: str, text: str, expected: list[tuple[str, float, str]]) -> None:
    assert kinds(mark, text) == expected


def test_match_box_is_the_part_of_the_line_holding_the_mark() -> None:
    ln = line("buy KESTRELINE now", x0=50.0)
    (m,) = find_mark("Kestreline", [ln])
    assert isinstance(m, Match)
    assert m.line is ln and m.page == 1 and m.span == (4, 14)
    assert m.box == (90.0, 100.0, 190.0, 112.0)
    (cjk,) = find_mark("鹰翔", [line("正品鹰翔", x0=0.0, char_w=10.0)])
    # wide characters count double: 2 wide chars before, of 4 wide chars in total
    assert cjk.box[0] == pytest.approx(20.0) and cjk.box[2] == pytest.approx(40.0)


def test_find_mark_orders_best_first_across_lines() -> None:
    lines = [line("KESTREL1NE", y=10), line("Kestreline", y=50, page=2), line("nothing", y=60)]
    found = find_mark("Kestreline", lines)
    assert [(m.kind, m.line.page) for m in found] == [("exact", 2), ("variant", 1)]


def test_fold_is_the_canonical_search_form() -> None:
    assert (
        fold("K E S T R E L 1 N E")
        == fold("Kestreline")
        == fold("Кestreline")
        == fold("ＫＥＳＴＲＥＬＩＮＥ")
    )
    assert fold("modern") == fold("rnodern")  # OCR "rn" for "m"
    assert fold("BIKE") != fold("NIKE")
    assert fold("鹰翔") == "鹰翔"


@pytest.mark.parametrize(
    ("listing_id", "text", "marketplace", "expected"),
    [
        (
            "678901234567",
            "https://item.taobao.com/item.htm?id=678901234567&spm=a1z10",
            None,
            [("exact", 1.0, "678901234567")],
        ),
        (
            "678901234567",
            "item.taobao.com/item.htm?id=67890l234567",
            None,
            [("variant", 0.9, "67890l234567")],
        ),
        ("678901234567", "id=6789O1234567", None, [("variant", 0.9, "6789O1234567")]),
        (
            "678901234567",
            "https:// item.taobao.com/item.htm?id=6789 0123 4567",
            None,
            [("exact", 1.0, "6789 0123 4567")],
        ),
        (
            "678901234567",
            "宝贝编号：６７８９０１２３４５６７",
            None,
            [("exact", 1.0, "６７８９０１２３４５６７")],
        ),
        ("678901234567", "id=1678901234567", None, []),  # a longer number is another id
        ("678901234567", "id=678901234568", None, []),  # one digit off is another listing
        ("B0C1234567", "amazon.com/dp/BOC1234567/ref=sr_1_1", "amazon", [("variant", 0.9, "BOC1234567")]),
        ("B0C1234567", "ASIN: B0C1234567", "amazon", [("exact", 1.0, "B0C1234567")]),
        ("B0C1234567", "ASIN: b0c1234567", "amazon", [("exact", 1.0, "b0c1234567")]),
        ("B0C1234567", "ASIN: B0C12345678", "amazon", []),
        ("B0C1234567", "ASINB0C1234567", "amazon", [("exact", 1.0, "B0C1234567")]),  # OCR lost the space
        ("B0C1234567", "XB0C1234567", "amazon", []),  # glued to another word: not this id
        (
            "MLB1234567890",
            "produto.mercadolivre.com.br/MLB-1234567890-tenis-_JM",
            "mercadolibre",
            [("exact", 1.0, "MLB-1234567890")],
        ),
        (
            "123456.7890123456",
            "shopee.sg/Kestreline-Jacket-i.123456.7890123456",
            "shopee",
            [("exact", 1.0, "123456.7890123456")],
        ),
        ("123456.7890123456", "Product ID 7890123456", "shopee", [("exact", 0.9, "7890123456")]),
        (
            "123456789",
            "lazada.sg/products/kestreline-i123456789-s987654321.html",
            "lazada",
            [("exact", 1.0, "123456789")],
        ),
    ],
)
def test_find_listing_id(
    listing_id: str, text: str, marketplace: str | None, expected: list[tuple[str, float, str]]
) -> None:
    found = find_listing_id(listing_id, [line(text)], marketplace=marketplace)
    assert [(m.kind, m.score, m.matched_text) for m in found] == expected


def test_find_listing_id_ignores_empty_ids() -> None:
    assert find_listing_id("", [line("id=123")]) == []
    assert find_listing_id("  ", [line("id=123")]) == []
    assert find_listing_id(".-", [line("id=123")]) == []


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Kestreline Apparel Inc.", "KESTRELINE APPAREL, INCORPORATED", 1.0, 1.0),
        ("Kestreline Apparel Inc.", "Kestreline Apparel Inc", 1.0, 1.0),
        ("KESTRELINE APPAREL INC. (DELAWARE CORPORATION)", "Kestreline Apparel Inc.", 1.0, 1.0),
        ("Shenzhen Eagle Co., Ltd.", "SHENZHEN EAGLE COMPANY LIMITED", 1.0, 1.0),
        ("深圳市鹰翔科技有限公司", "深圳市鹰翔科技有限公司", 1.0, 1.0),
        ("深圳市鹰翔科技有限公司", "鹰翔科技有限公司", 0.9, 0.9),  # the city prefix left out
        ("深圳市鹰翔科技有限公司", "深圳市鹰飞贸易有限公司", 0.0, 0.7),
        ("KestrelineApparel Inc.", "Kestreline Apparel Inc.", 0.99, 0.99),  # OCR lost a space
        ("KESTRELlNE APPAREL INC", "Kestreline Apparel Inc.", 0.99, 0.99),  # OCR l for I
        ("Kestreline Apparel", "Kestreline Apparel Inc.", 0.95, 0.98),  # legal form missing
        ("Kestreline Apparel Ltd", "Kestreline Apparel Inc.", 0.85, 0.92),  # another legal form
        ("Kestreline Apparel Inc.", "Kestrel Sports Inc.", 0.0, 0.7),
        ("Eagle Trading Co., Ltd.", "Eagle Technology Co., Ltd.", 0.0, 0.75),
        ("Harrow & Pike LLP", "Kestreline Apparel Inc.", 0.0, 0.4),
        ("", "Kestreline Apparel Inc.", 0.0, 0.0),
    ],
)
def test_same_party(a: str, b: str, low: float, high: float) -> None:
    score = same_party(a, b)
    assert low <= score <= high
    assert same_party(b, a) == score


def test_same_party_threshold_separates_same_from_different() -> None:
    assert same_party("Kestreline Apparel Inc.", "KESTRELINE APPAREL, INCORPORATED") >= SAME_PARTY_THRESHOLD
    assert same_party("Kestreline Apparel Inc.", "Kestrel Sports Inc.") < SAME_PARTY_THRESHOLD
    assert same_party("Eagle Trading Co., Ltd.", "Eagle Technology Co., Ltd.") < SAME_PARTY_THRESHOLD


@pytest.mark.parametrize("text", ["VOLTARIS™ Men's Jacket", "VOLTARIS™JACKET", "Voltaris℠ coat"])
def test_trade_mark_signs_beside_a_mark_leave_it_exact(text: str) -> None:
    """NFKC turns ™ into the letters "TM"; read as part of the word it made "VOLTARISTM" a variant."""
    found = find_mark("VOLTARIS", [line(text)])
    assert found and found[0].kind == "exact" and found[0].matched_text.upper() == "VOLTARIS"
