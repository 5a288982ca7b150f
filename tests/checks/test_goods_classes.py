"""The goods-to-Nice-class model on marketplace titles in English and Chinese."""

from __future__ import annotations

import pytest

from desktop_app.core.goods_classes import class_heading, class_label, classify_goods
from desktop_app.core.resources import load_json


@pytest.mark.parametrize(
    "title, expected",
    [
        ("KESTREL Men's Running Shoes Breathable Sneakers", {25}),
        ("Shockproof Phone Case for iPhone 15 Pro Max", {9}),
        ("Women's Leather Crossbody Bag Shoulder Purse", {18}),
        ("Hydrating Face Serum 30ml Skin Care", {3}),
        ("Stainless Steel Mechanical Watch for Men", {14}),
        ("Kids Building Blocks Toy Set 500 pcs", {28}),
        ("Non-stick Frying Pan 28cm", {21}),
        ("Car Seat Covers Full Set Universal", {12}),
        ("2024新款男士运动鞋 透气跑步鞋", {25}),
        ("适用苹果15手机壳 防摔 包邮", {9}),
        ("真皮女士手提包 单肩包 斜挎包", {18}),
        ("补水保湿面膜 20片", {3}),
        ("儿童积木玩具 益智拼装", {28}),
    ],
)
def test_titles_fall_in_their_classes(title: str, expected: set[int]) -> None:
    assert classify_goods(title).classes == expected


def test_longest_match_wins() -> None:
    assert classify_goods("Wooden Shoe Rack 5 Tier").classes == {20}  # not shoes
    assert classify_goods("实木鞋柜 玄关").classes == {20}  # 鞋柜 is a cabinet, not 鞋
    assert classify_goods("笔记本电脑包 15寸").classes == {18}  # a laptop bag, not a laptop


def test_ambiguous_words_say_nothing() -> None:
    assert not classify_goods("10 PCS Pack, Free Shipping 包邮")
    assert not classify_goods("")


def test_plural_and_case_folding() -> None:
    g = classify_goods("DRESSES and WATCHES")
    assert g.classes == {25, 14} and set(g.terms) == {"dress", "watch"}
    assert g.terms_for({14}) == ["watch"]


def test_data_covers_all_45_classes_and_hundreds_of_terms() -> None:
    headings = load_json("nice", "classes.json")["classes"]
    assert sorted(map(int, headings)) == list(range(1, 46))
    assert all(h["en"] and h["zh"] for h in headings.values())
    terms = load_json("nice", "terms.json")["terms"]
    assert sum(len(v["en"]) for v in terms.values()) > 300
    assert sum(len(v["zh"]) for v in terms.values()) > 300
    assert all(1 <= int(c) <= 45 for c in terms)


def test_headings_and_labels() -> None:
    assert class_heading(25) == "Clothing, footwear, headwear"
    assert class_heading(25, "zh") == "服装鞋帽"
    assert class_label(9).startswith("class 9 (scientific")
    with pytest.raises(ValueError, match="46"):
        class_heading(46)


def test_accented_words_are_whole_words() -> None:
    """A French "Sérum visage" is a serum (class 3), not the "rum" after the "é" (class 33)."""
    guess = classify_goods("SOLVANTE Sérum visage éclat à la vitamine C 30 ml")
    assert 33 not in guess.classes
    assert 3 in guess.classes
