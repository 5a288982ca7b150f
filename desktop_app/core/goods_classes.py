"""Goods to Nice classes: which classes a listing title's goods fall in (English and Chinese).

The model is data (``resources/nice/``): the 45 class headings and a term list of what marketplaces
sell. English terms match whole words, tolerating plurals; Chinese terms match as substrings. Both
match longest first and consume what they matched, so "phone case" is class 9, not "phone" plus a
stray word, and 鞋柜 (shoe cabinet, class 20) is not read as 鞋 (shoes, class 25).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from desktop_app.core.resources import load_json

MODEL_VERSION = "1"
_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _stem(token: str) -> str:
    """A crude English singular: enough to make 'watches' meet 'watch' and 'dresses' meet 'dress'."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 4 and token.endswith(("ches", "shes", "sses", "xes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-")
    # accents folded, so a French "sérum" is the term "serum" and not the "rum" after its "é"
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [_stem(w) for w in _WORD.findall(text)]


@dataclass(frozen=True)
class _Model:
    en: dict[tuple[str, ...], frozenset[int]]
    en_max: int
    zh: dict[str, frozenset[int]]
    zh_max: int
    headings: dict[int, dict[str, str]]


@lru_cache(maxsize=1)
def _model() -> _Model:
    terms = load_json("nice", "terms.json")["terms"]
    en: dict[tuple[str, ...], set[int]] = {}
    zh: dict[str, set[int]] = {}
    for cls, langs in terms.items():
        for term in langs.get("en", []):
            key = tuple(_words(term))
            if key:
                en.setdefault(key, set()).add(int(cls))
        for term in langs.get("zh", []):
            zh.setdefault(term.lower(), set()).add(int(cls))
    headings = {int(k): v for k, v in load_json("nice", "classes.json")["classes"].items()}
    return _Model(
        en={k: frozenset(v) for k, v in en.items()},
        en_max=max(len(k) for k in en),
        zh={k: frozenset(v) for k, v in zh.items()},
        zh_max=max(len(k) for k in zh),
        headings=headings,
    )


@dataclass
class GoodsGuess:
    """The classes a text's goods fall in, with the words that put them there."""

    terms: dict[str, frozenset[int]] = field(default_factory=dict)  # matched term -> classes

    @property
    def classes(self) -> set[int]:
        out: set[int] = set()
        for cls in self.terms.values():
            out |= cls
        return out

    def terms_for(self, classes: set[int]) -> list[str]:
        return [t for t, c in self.terms.items() if c & classes]

    def __bool__(self) -> bool:
        return bool(self.terms)


def classify_goods(text: str) -> GoodsGuess:
    """Which Nice classes the goods named in ``text`` (a listing title, EN and/or ZH) fall in."""
    model = _model()
    guess = GoodsGuess()
    words = _words(text)
    i = 0
    while i < len(words):
        for n in range(min(model.en_max, len(words) - i), 0, -1):
            key = tuple(words[i : i + n])
            if key in model.en:
                guess.terms[" ".join(key)] = model.en[key]
                i += n
                break
        else:
            i += 1
    low = text.lower()
    if _CJK.search(low):
        j = 0
        while j < len(low):
            for n in range(min(model.zh_max, len(low) - j), 0, -1):
                piece = low[j : j + n]
                if piece in model.zh and (_CJK.search(piece) or _isolated(low, j, n)):
                    guess.terms[piece] = model.zh[piece]
                    j += n
                    break
            else:
                j += 1
    return guess


def _isolated(text: str, start: int, length: int) -> bool:
    """A Latin term inside Chinese text (GPS, T恤 aside) must not be part of a longer word."""
    before = text[start - 1] if start > 0 else " "
    after = text[start + length] if start + length < len(text) else " "
    return not (before.isalnum() and not _CJK.match(before)) and not (
        after.isalnum() and not _CJK.match(after)
    )


def class_heading(cls: int, lang: str = "en") -> str:
    """The short heading of Nice class ``cls`` ('Clothing, footwear, headwear')."""
    entry = _model().headings.get(int(cls))
    if entry is None:
        raise ValueError(f"there is no Nice class {cls}; classes run from 1 to 45")
    return entry.get(lang) or entry["en"]


def class_label(cls: int) -> str:
    """'class 25 (clothing, footwear, headwear)', for messages."""
    heading = class_heading(cls)
    short = heading.split(";")[0]
    return f"class {cls} ({short[0].lower()}{short[1:]})"
