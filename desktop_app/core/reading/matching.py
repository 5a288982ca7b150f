"""The one tolerant matcher: finds a mark, a listing id or a party name in text read from evidence.

Every check that asks "does this document show X?" goes through here, so that OCR confusions, letter
spacing, full-width characters and lookalike letters are handled the same way everywhere.

Exact vs variant (decided here, relied on by the checks):

* ``exact`` - the mark's characters appear token-bounded after folding case, width (NFKC), trade-mark
  symbols and separators that are typographic only: whitespace/punctuation where the mark itself has a
  space, at the start/end, or between *every* letter ("K E S T R E L I N E"). "KESTRELINE®",
  "Kestreline", "kestreline" and "K E S T R E L I N E" are exact.
* ``variant`` - found only after more tolerance: a separator inside a word of the mark ("Kestre-line",
  "KEST.RELINE", "KESTRE_LINE", score 0.95), OCR-confusion or homoglyph folding ("KESTREL1NE",
  "KESTRELlNE", "Кestreline", 0.9), an edit ("KESTRELIME", 1 - edits/length, capped at 0.89), or the
  mark starting or ending a longer word ("KESTRELINESHOP", 0.8), or buried inside one (0.7, below the
  default threshold).

Marks of four characters or fewer are only matched as whole tokens and never by edit distance, so
"NIKE" finds "N1KE" but neither "BIKE" nor "NICE". Chinese/Japanese/Korean marks match as substrings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from desktop_app.core.reading.normalize import company_core, legal_form, normalize_company_name
from desktop_app.core.reading.text import Box, TextLine

DEFAULT_THRESHOLD = 0.8
SAME_PARTY_THRESHOLD = 0.88  # same_party() scores at or above this denote the same party

# Cyrillic and Greek letters that render like Latin ones.
_HOMOGLYPHS = str.maketrans(
    {
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "У": "Y",
        "І": "I",
        "Ј": "J",
        "Ѕ": "S",
        "Ԛ": "Q",
        "Ԝ": "W",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "һ": "h",
        "ԛ": "q",
        "ԝ": "w",
        "ɡ": "g",
        "ı": "i",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Ζ": "Z",
        "Η": "H",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ο": "O",
        "Ρ": "P",
        "Τ": "T",
        "Υ": "Y",
        "Χ": "X",
        "ο": "o",
        "ν": "v",
        "ι": "i",
        "κ": "k",
        "ρ": "p",
        "υ": "u",
        "χ": "x",
        "α": "a",
        "ϲ": "c",
    }
)
# OCR confusion classes; every member folds to the class's first letter.
_CONFUSION_CLASSES = ("o0QD", "i1lIL|!¡", "s5$", "b8", "z2", "g6", "e3", "a4@")
_CONFUSION = {ch.casefold(): cls[0].casefold() for cls in _CONFUSION_CLASSES for ch in cls}
_DIGRAPHS = {"rn": "m", "vv": "w", "cl": "d"}

# Digits and what OCR reads in their place (for listing ids).
_DIGIT_LOOKALIKES = {"0": "0OoDQ", "1": "1lIi|!L", "2": "2Zz", "5": "5Ss", "6": "6Gb", "8": "8B", "9": "9gq"}


_TM_SIGNS = frozenset("™℠")


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalnum()


@dataclass(frozen=True)
class _Folded:
    """A line folded for matching, remembering where each folded character came from."""

    chars: str
    starts: list[int]  # original start index of each folded char
    ends: list[int]  # original end index (exclusive)
    gap: list[bool]  # a separator (non-alphanumeric) precedes this char
    boundary: list[bool]  # a word boundary precedes this char (gap, camelCase, script change)


@lru_cache(maxsize=8192)
def _fold_chars(text: str, *, ocr: bool) -> _Folded:
    """Cached: the same lines are searched for the mark, its variants and every right of a case."""
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
                first = len(chars) == 1  # linear: never copy the list to ask whether it was empty
                gap.append(pending_gap or first)
                boundary.append(pending_gap or first or camel or script or digit_switch)
                pending_gap = camel = script = digit_switch = False
            prev_orig = ch
        i += 1
    if ocr:  # OCR reads "m" as "rn" and "w" as "vv": collapse them on both sides alike
        # one pass building new lists (deleting from the middle of a list is linear per digraph)
        c2: list[str] = []
        s2: list[int] = []
        e2: list[int] = []
        g2: list[bool] = []
        b2: list[bool] = []
        k, n = 0, len(chars)
        while k < n:
            pair = chars[k] + chars[k + 1] if k + 1 < n else ""
            merged = pair in _DIGRAPHS and not gap[k + 1]
            c2.append(_DIGRAPHS[pair] if merged else chars[k])
            s2.append(starts[k])
            e2.append(ends[k + 1] if merged else ends[k])
            g2.append(gap[k])
            b2.append(boundary[k])
            k += 2 if merged else 1
        chars, starts, ends, gap, boundary = c2, s2, e2, g2, b2
    return _Folded("".join(chars), starts, ends, gap, boundary)


def fold(text: str) -> str:
    """The canonical folding used for matching: NFKC, lookalikes, OCR confusions, case; separators dropped."""
    return _fold_chars(text, ocr=True).chars


@dataclass(frozen=True)
class Match:
    """Where something was found: the line, the text matched and the part of the line's box it covers."""

    kind: str  # "exact" or "variant"
    score: float  # 0..1
    line: TextLine
    matched_text: str
    box: Box
    span: tuple[int, int] = (0, 0)  # character span of matched_text in line.text

    @property
    def page(self) -> int:
        return self.line.page


def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _sub_box(line: TextLine, start: int, end: int) -> Box:
    """The part of the line's box holding text[start:end]: from the recogniser's (or the PDF's) character
    positions when the line has them; estimated from character widths only for lines read without."""
    measured = line.sub_box(start, end)
    if measured is not None:
        return measured
    text = line.text
    total = sum(_char_width(c) for c in text)
    x0, y0, x1, y1 = line.box
    if not total or x1 <= x0:
        return line.box
    before = sum(_char_width(c) for c in text[:start])
    inside = sum(_char_width(c) for c in text[start:end])
    width = x1 - x0
    return (x0 + width * before / total, y0, x0 + width * (before + inside) / total, y1)


def _make(line: TextLine, kind: str, score: float, f: _Folded, k: int, n: int) -> Match:
    start, end = f.starts[k], f.ends[k + n - 1]
    return Match(
        kind=kind,
        score=round(score, 3),
        line=line,
        matched_text=line.text[start:end],
        box=_sub_box(line, start, end),
        span=(start, end),
    )


def _bounded(f: _Folded, k: int, n: int) -> bool:
    end = k + n
    return (k == 0 or f.boundary[k]) and (end == len(f.chars) or f.boundary[end])


def _occurrences(hay: str, needle: str) -> Iterable[int]:
    k = hay.find(needle)
    while k >= 0:
        yield k
        k = hay.find(needle, k + 1)


def _mark_gaps(mark: str) -> set[int]:
    f = _fold_chars(mark, ocr=False)
    return {j for j in range(1, len(f.chars)) if f.gap[j]}


def _find_in_line(mark: str, line: TextLine, cjk: bool) -> list[Match]:
    out: list[Match] = []
    plain = _fold_chars(line.text, ocr=False)
    m_plain = _fold_chars(mark, ocr=False).chars
    mark_gaps = _mark_gaps(mark)
    n = len(m_plain)
    taken: list[tuple[int, int]] = []
    for k in _occurrences(plain.chars, m_plain):
        if not cjk and not _bounded(plain, k, n):
            continue
        inner = {j for j in range(1, n) if plain.gap[k + j]}
        if line.source == "ocr":  # OCR puts a stray space into a word now and then: one is not a variant
            blank = {j for j in inner if not line.text[plain.ends[k + j - 1] : plain.starts[k + j]].strip()}
            if len(blank) == 1:
                inner -= blank
        spaced = n > 1 and len(inner) == n - 1
        kind, score = ("exact", 1.0) if inner <= mark_gaps or spaced else ("variant", 0.95)
        match = _make(line, kind, score, plain, k, n)
        out.append(match)
        taken.append(match.span)

    def free(m: Match) -> bool:
        return not any(m.span[0] < e and s < m.span[1] for s, e in taken)

    folded = _fold_chars(line.text, ocr=True)
    m_fold = fold(mark)
    nf = len(m_fold)
    if not nf:
        return out
    for k in _occurrences(folded.chars, m_fold):
        bounded = cjk or _bounded(folded, k, nf)
        if not bounded and (nf < 6 or cjk):
            continue
        # inside a longer word: as its start or end ("KESTRELINESHOP") it is a variant worth showing (0.8);
        # buried in the middle, only on request (0.7)
        edge = (k == 0 or folded.boundary[k]) or (k + nf == len(folded.chars) or folded.boundary[k + nf])
        match = _make(line, "variant", 0.9 if bounded else (0.8 if edge else 0.7), folded, k, nf)
        if free(match):
            out.append(match)
            taken.append(match.span)
    if cjk:
        if nf >= 4:
            for k in range(0, max(0, len(folded.chars) - nf) + 1):
                window = folded.chars[k : k + nf]
                if len(window) == nf and Levenshtein.distance(window, m_fold) == 1:
                    match = _make(line, "variant", min(0.89, 1 - 1 / nf), folded, k, nf)
                    if free(match):
                        out.append(match)
                        taken.append(match.span)
        return out
    if nf < 6:
        return out
    max_edits = 1 if nf < 10 else 2
    # cheap guard: no window can be within max_edits if the best partial alignment is far off
    if fuzz.partial_ratio(m_fold, folded.chars) < 100.0 * (1 - (2 * max_edits + 1) / nf):
        return out
    tokens = [k for k in range(len(folded.chars)) if k == 0 or folded.gap[k]]
    best: dict[int, Match] = {}
    for ti, start in enumerate(tokens):
        for tj in range(ti + 1, len(tokens) + 1):
            end = tokens[tj] if tj < len(tokens) else len(folded.chars)
            length = end - start
            if length > nf + max_edits:
                break
            if length < nf - max_edits:
                continue
            window = folded.chars[start:end]
            dist = Levenshtein.distance(window, m_fold, score_cutoff=max_edits)
            if 0 < dist <= max_edits:
                score = min(0.89, 1 - dist / max(nf, length))
                match = _make(line, "variant", score, folded, start, length)
                if free(match) and (start not in best or best[start].score < score):
                    best[start] = match
    for match in sorted(best.values(), key=lambda m: -m.score):
        if free(match):
            out.append(match)
            taken.append(match.span)
    return out


def find_mark(mark: str, lines: Iterable[TextLine], *, threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
    """Every place the word mark appears in ``lines``, best first (see the module doc for exact/variant)."""
    mark = (mark or "").strip()
    if not fold(mark):
        return []
    cjk = any(_is_cjk(c) for c in unicodedata.normalize("NFKC", mark))
    out: list[Match] = []
    for line in lines:
        out.extend(m for m in _find_in_line(mark, line, cjk) if m.score >= threshold)
    out.sort(key=lambda m: (-m.score, m.line.page, m.line.box[1], m.line.box[0]))
    return out


# ---------------------------------------------------------------------------------------------------------
# Listing ids
# ---------------------------------------------------------------------------------------------------------


def _nfkc_map(text: str) -> tuple[str, list[int]]:
    """NFKC of ``text`` and, for each output char, the index of the input char it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            out.append(c)
            index.append(i)
    return "".join(out), index


def _id_pattern(listing_id: str) -> re.Pattern[str]:
    parts: list[str] = []
    for ch in listing_id:
        if ch.isdigit():
            parts.append("[" + re.escape(_DIGIT_LOOKALIKES.get(ch, ch)) + "]")
        elif ch.isalpha():
            alts = {ch.upper(), ch.lower()}
            alts.update(d for d, looks in _DIGIT_LOOKALIKES.items() if ch in looks and ch.isupper())
            parts.append("[" + re.escape("".join(sorted(alts))) + "]")
        else:
            parts.append(re.escape(ch))
    body = r"[ \t]?".join(parts)
    if listing_id.isdigit():
        return re.compile(r"(?<!\d)" + body + r"(?!\d)")
    # OCR drops the space after a label ("ASINB0C1234567"): a label glued to the id is still a boundary
    return re.compile(r"(?:(?<![A-Za-z0-9])|" + _GLUED_LABELS + ")" + body + r"(?![A-Za-z0-9])")


_GLUED_LABELS = "|".join(f"(?<={label})" for label in ("ASIN", "asin", "Asin", "ID", "Id", "id"))


def _id_candidates(listing_id: str, marketplace: str | None) -> list[tuple[str, float]]:
    """The strings that show this id on a page or in an address bar, with the score a find earns."""
    lid = unicodedata.normalize("NFKC", listing_id).strip()
    out = [(lid, 1.0)]
    ml = re.fullmatch(r"(?i)(M[A-Z]{2})[-_ ]?(\d+)", lid)
    if ml:
        prefix, digits = ml.group(1).upper(), ml.group(2)
        out = [(prefix + digits, 1.0), (prefix + "-" + digits, 1.0), (prefix + "_" + digits, 1.0)]
    elif "." in lid and (marketplace in (None, "", "shopee")):
        out.append((lid.rsplit(".", 1)[1], 0.9))  # a Shopee page shows the item id without the shop id
    return out


def find_listing_id(
    listing_id: str, lines: Iterable[TextLine], *, marketplace: str | None = None
) -> list[Match]:
    """Every place a listing id appears (page text or an address bar), tolerant to OCR digit confusions.

    Ids are never matched approximately: one wrong digit is another listing. A find that needed
    a confusion fold (O for 0, l for 1...) is a ``variant`` with score 0.9.
    """
    if not listing_id or not listing_id.strip():
        return []
    candidates = [
        (c, s, _id_pattern(c))
        for c, s in _id_candidates(listing_id, marketplace)
        if any(ch.isalnum() for ch in c)
    ]
    out: list[Match] = []
    for line in lines:
        norm, index = _nfkc_map(line.text)
        taken: list[tuple[int, int]] = []
        for cand, base, pattern in candidates:
            for m in pattern.finditer(norm):
                if m.end() <= m.start():
                    continue
                start, end = index[m.start()], index[m.end() - 1] + 1
                if any(start < e and s < end for s, e in taken):
                    continue
                compact = re.sub(r"[ \t]", "", m.group(0))
                exact = compact.upper() == cand.upper()
                kind, score = ("exact", base) if exact else ("variant", round(base * 0.9, 3))
                out.append(
                    Match(
                        kind=kind,
                        score=score,
                        line=line,
                        matched_text=line.text[start:end],
                        box=_sub_box(line, start, end),
                        span=(start, end),
                    )
                )
                taken.append((start, end))
    out.sort(key=lambda m: (-m.score, m.line.page, m.line.box[1], m.line.box[0]))
    return out


# ---------------------------------------------------------------------------------------------------------
# Parties
# ---------------------------------------------------------------------------------------------------------


# Leading province / city / district of a Chinese company name ("广东省深圳市南山区...")
_CN_REGION = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}省)?(?:[\u4e00-\u9fff]{2,3}市)?(?:[\u4e00-\u9fff]{2,3}[区县])?"
)


def same_party(a: str, b: str) -> float:
    """How surely two party names denote the same company (0..1); see SAME_PARTY_THRESHOLD.

    Legal-form spelling ("Inc." / "Incorporated", "Co., Ltd." / "Company Limited", 有限公司), case,
    punctuation, width and OCR confusions do not count; a different legal form costs a little, a
    different distinctive name a lot.
    """
    na, nb = normalize_company_name(a), normalize_company_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    if fold(na) == fold(nb):  # OCR lost or added spaces ("KestrelineApparel Inc.")
        return 0.99
    ca, cb = fold(company_core(a)), fold(company_core(b))
    if not ca or not cb:
        return 0.0
    ra, rb = _CN_REGION.sub("", ca), _CN_REGION.sub("", cb)
    if ra == rb and ra and (ra != ca or rb != cb):
        return 0.9  # "深圳市鹰翔科技有限公司" and "鹰翔科技有限公司": the city prefix is often left out
    core = fuzz.ratio(ca, cb) / 100.0
    if core < 1.0:
        # the same words in another order ("Apparel Kestreline") are nearly as good
        ta, tb = " ".join(map(fold, company_core(a).split())), " ".join(map(fold, company_core(b).split()))
        core = max(core, fuzz.token_sort_ratio(ta, tb) / 100.0 * 0.97)
    fa, fb = legal_form(a), legal_form(b)
    if fa and fb and fa != fb and not (set(fa.split()) & set(fb.split())):
        core *= 0.9  # "Kestreline Inc." and "Kestreline Ltd." may be different group companies
    elif fa != fb:
        core *= 0.97
    return round(core, 3)
