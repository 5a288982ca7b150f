"""Outlines cover the whole word, measured from the recogniser's character positions (never estimated
from string length), and findings quote the characters as the recogniser read them."""

from __future__ import annotations

import pytest

from desktop_app.core.reading.matching import find_listing_id, find_mark
from desktop_app.core.reading.ocr import char_boundaries
from desktop_app.core.reading.service import read_path
from desktop_app.core.reading.text import TextLine
from tests.factories.layout import font_file, pil_font

pytestmark = pytest.mark.ocr


def _title_word_extent(word: str, title: str) -> tuple[float, float]:
    """Where the factory drew ``word`` of the desktop title (x 680, 26 pt bold, 1440 px wide: k = 1)."""
    font = pil_font(str(font_file(False, True)), 26)
    i = title.index(word)
    x = 680 + font.getlength(title[:i])
    bbox = font.getbbox(word)
    return x + bbox[0], x + bbox[2]


@pytest.fixture(scope="module")
def nordvik(tmp_path_factory: pytest.TempPathFactory):
    from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot

    title = "Fit NORDVIK Men's Waterproof Hooded Jacket"
    spec = ScreenshotSpec(
        url="https://www.amazon.com/dp/B0Y0Q2UCI0/ref=sr_1_1",
        title=title,
        product_text="",
        shown_id="B0Y0Q2UCI0",
    )
    path = make_listing_screenshot(spec, tmp_path_factory.mktemp("boxes") / "listing.png")
    return title, read_path(path)


def test_mark_outline_covers_all_seven_letters_in_a_proportional_font(nordvik) -> None:
    title, doc = nordvik
    left, right = _title_word_extent("NORDVIK", title)
    matches = [m for m in find_mark("NORDVIK", doc.lines()) if m.line.box[1] > 150]
    assert matches, [ln.text for ln in doc.lines()]
    m = matches[0]
    assert m.line.char_pos, "the OCR line carries character positions"
    x0, _, x1, _ = m.box
    assert x0 <= left + 1 and x1 >= right - 1, (m.box, left, right)  # all of N…K, the K included
    letter = (right - left) / 7
    assert x0 >= left - letter and x1 <= right + letter, (m.box, left, right)  # not the neighbours


def test_id_is_quoted_as_read_and_boxed_whole(nordvik) -> None:
    _title, doc = nordvik
    found = find_listing_id("B0Y0Q2UCI0", doc.lines(), marketplace="amazon")
    assert found
    for m in found:
        assert m.matched_text == m.line.text[m.span[0] : m.span[1]]  # the recogniser's characters
        assert m.box[2] - m.box[0] > 0


def test_boundaries_from_centres_give_words_their_whole_letters() -> None:
    text = "ab WWW"
    centres = [5.0, 15.0, 25.0, 35.0, 50.0, 65.0]
    pos = char_boundaries(text, centres, 0.0, 80.0)
    assert len(pos) == len(text) + 1 and pos[0] == 0.0 and pos[-1] == 1.0
    assert list(pos) == sorted(pos)
    line = TextLine(text, 1, (0.0, 0.0, 80.0, 10.0), 0.99, "ocr", char_pos=pos)
    box = line.sub_box(3, 6)
    assert box is not None and box[0] <= 35 - 7 and box[2] == 80.0
    assert char_boundaries("abc", [3.0, 1.0, 2.0], 0, 10) == ()  # out of order: unusable


def test_char_positions_survive_the_cache_round_trip() -> None:
    line = TextLine(
        "NORDVIK", 1, (10.0, 0.0, 80.0, 10.0), 0.9, "ocr", char_pos=(0, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 1)
    )
    again = TextLine.from_json(line.to_json())
    assert again.char_pos == line.char_pos and again.sub_box(0, 7) == (10.0, 0.0, 80.0, 10.0)
