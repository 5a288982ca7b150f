"""Text PDFs: every character of a text-layer line has its exact position (pdfium's character boxes), so
an outline covers exactly the word and a quote's box is the quote's own part of the line, in any font."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.reading.matching import find_mark
from desktop_app.core.reading.pdf_text import read_pdf, with_char_positions
from desktop_app.core.reading.text import TextLine
from tests.factories.layout import Page, font_file, render_pdf

PT = 72 / 25.4  # points per millimetre
TITLE = "Fit NORDVIK Men's Waterproof Hooded Jacket"


def _advance(text: str, size: float, bold: bool) -> float:
    """The width fpdf2 gives ``text`` (points): the font's own advance widths (hmtx), unhinted."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_file(False, bold)))
    cmap, metrics, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    return sum(metrics[cmap[ord(ch)]][0] for ch in text) / em * size


def _drawn(x_mm: float, before: str, word: str, size: float, bold: bool) -> tuple[float, float]:
    """Where the factory drew ``word`` after ``before`` (points, from the page's left edge)."""
    x0 = x_mm * PT + _advance(before, size, bold)
    return x0, x0 + _advance(word, size, bold)


@pytest.mark.parametrize("size, bold", [(16, True), (10, False), (7.5, False)])
def test_an_outlined_word_in_a_proportional_font_is_where_the_factory_drew_it(
    tmp_path: Path, size: float, bold: bool
) -> None:
    page = Page()
    page.text(20, 40, TITLE + ", regular fit", size, bold=bold)
    render_pdf([page], tmp_path / "title.pdf")
    doc = read_pdf(tmp_path / "title.pdf")
    (m,) = find_mark("NORDVIK", doc.lines())
    assert m.line.char_pos, "the text-layer line carries character positions"
    left, right = _drawn(20, "Fit ", "NORDVIK", size, bold)
    assert abs(m.box[0] - left) <= 1.0 and abs(m.box[2] - right) <= 1.0, (m.box, left, right)


def test_the_print_date_is_boxed_where_the_browser_printed_it(tmp_path: Path) -> None:
    from tests.factories.printed_listing import PrintedListingSpec, make_printed_listing_pdf

    spec = PrintedListingSpec(printed_at="2/20/26, 3:04 PM")
    doc = read_pdf(make_printed_listing_pdf(spec, tmp_path / "print.pdf"))
    line = next(ln for ln in doc.lines() if ln.text.startswith("2/20/26"))
    start = line.text.index("3:04 PM")
    box = line.sub_box(start, start + len("3:04 PM"))
    assert box is not None
    left, right = _drawn(8, "2/20/26, ", "3:04 PM", 8, False)
    assert abs(box[0] - left) <= 1.0 and abs(box[2] - right) <= 1.0, (box, left, right)


def test_a_line_whose_characters_are_not_all_placed_keeps_no_positions() -> None:
    line = TextLine("NORDVIK", 1, (10.0, 10.0, 80.0, 20.0), 1.0, "text")
    glyphs = [(ch, 10.0 + 10 * i, 10.0, 20.0 + 10 * i, 20.0) for i, ch in enumerate("NORDVI")]
    assert with_char_positions([line], glyphs)[0].char_pos == ()
    glyphs.append(("K", 70.0, 10.0, 80.0, 20.0))
    measured = with_char_positions([line], glyphs)[0]
    assert len(measured.char_pos) == 8 and measured.sub_box(0, 7) == (10.0, 10.0, 80.0, 20.0)
    assert measured.sub_box(6, 7) == (70.0, 10.0, 80.0, 20.0)
