"""matching._fold_chars is linear in its input and folds exactly as the quadratic version it replaced."""

from __future__ import annotations

import random
import time
import unicodedata

import pytest

from desktop_app.core.reading.matching import (
    _CONFUSION,
    _DIGRAPHS,
    _HOMOGLYPHS,
    _TM_SIGNS,
    _fold_chars,
    _is_cjk,
)


def _reference_fold(text: str, *, ocr: bool) -> tuple:
    """The quadratic version this replaced, kept as the oracle (copies chars[:-1] per character)."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    gap: list[bool] = []
    boundary: list[bool] = []
    pending_gap = False
    prev_orig = ""
    i = 0
    while i < len(text):
        raw = text[i]
        if raw in _TM_SIGNS:  # NFKC makes ™ and ℠ letters ("TM"): a separator, not part of the word
            pending_gap = True
            i += 1
            continue
        norm = unicodedata.normalize("NFKC", raw)
        if ocr:
            norm = norm.translate(_HOMOGLYPHS)
        for ch in norm:
            if not ch.isalnum():
                pending_gap = True
                continue
            nxt = text[i + 1] if i + 1 < len(text) else ""
            # "kestrelineShop" and "KESTRELINEMen's" (OCR lost the space): a word starts at the capital
            camel = (
                bool(prev_orig)
                and ch.isupper()
                and (prev_orig.islower() or (prev_orig.isupper() and nxt.islower()))
            )
            script = bool(prev_orig) and (_is_cjk(prev_orig) != _is_cjk(ch))
            digit_switch = not ocr and bool(prev_orig) and (prev_orig.isdigit() != ch.isdigit())
            folded = ch.casefold()
            if ocr:
                folded = "".join(_CONFUSION.get(c, c) for c in folded)
            for c in folded:
                chars.append(c)
                starts.append(i)
                ends.append(i + 1)
                gap.append(pending_gap or not chars[:-1])
                boundary.append(pending_gap or not chars[:-1] or camel or script or digit_switch)
                pending_gap = camel = script = digit_switch = False
            prev_orig = ch
        i += 1
    if ocr:  # OCR reads "m" as "rn" and "w" as "vv": collapse them on both sides alike
        k = 0
        while k < len(chars) - 1:
            pair = chars[k] + chars[k + 1]
            if pair in _DIGRAPHS and not gap[k + 1]:
                chars[k : k + 2] = [_DIGRAPHS[pair]]
                ends[k : k + 2] = [ends[k + 1]]
                del starts[k + 1], gap[k + 1], boundary[k + 1]
            k += 1
    return ("".join(chars), starts, ends, gap, boundary)


SAMPLES = [
    "KESTRELINE® Men's Jacket",
    "K E S T R E L I N E",
    "kestrelineShop KESTRELINEMen's",
    "VOLTARIS™ rnodern vvear cl",
    "红隼 男士 防水 连帽 夹克 KESTRELINE",
    "Кestreline ＫＥＳＴＲＥＬＩＮＥ ﬁne",
    "rnrnrn vvvvv clclcl rnm",
    "",
    "   ",
    "A1b2C3 d4E5",
]


def _random_texts(n: int) -> list[str]:
    rng = random.Random(13)
    alphabet = "rnmvwcldKESTRELINE kestreline0O1lI-_.™®红隼Кσ Ｋ'"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


@pytest.mark.parametrize("ocr", [False, True])
def test_same_folding_as_the_quadratic_version(ocr: bool) -> None:
    for text in SAMPLES + _random_texts(400):
        new = _fold_chars.__wrapped__(text, ocr=ocr)
        assert (new.chars, new.starts, new.ends, new.gap, new.boundary) == _reference_fold(text, ocr=ocr), (
            text
        )


def _seconds(text: str, ocr: bool) -> float:
    t0 = time.perf_counter()
    _fold_chars.__wrapped__(text, ocr=ocr)
    return time.perf_counter() - t0


def _growth(make, ocr: bool) -> float:  # noqa: ANN001 - make(n) -> text of n characters
    """How much longer folding 10x the text takes (best of three each, so a busy machine's pauses do not
    count): about 10 for a linear fold, about 100 for a quadratic one."""
    small = min(_seconds(make(20_000), ocr) for _ in range(3))
    large = min(_seconds(make(200_000), ocr) for _ in range(3))
    return large / max(small, 1e-4)


def test_a_200k_character_text_folds_in_linear_time() -> None:
    text = ("KESTRELINE rnodern vvear " * 8000)[:200_000]
    assert len(_fold_chars.__wrapped__(text, ocr=True).chars) > 100_000
    growth = _growth(lambda n: text[:n], ocr=True)
    assert growth < 35, growth  # the quadratic version grew ~100x (and took minutes at 200k)


def test_a_long_mark_string_folds_in_linear_time() -> None:
    assert len(_fold_chars.__wrapped__("K" * 1_000_000, ocr=False).chars) == 1_000_000
    growth = _growth(lambda n: "K" * n, ocr=False)
    assert growth < 35, growth
