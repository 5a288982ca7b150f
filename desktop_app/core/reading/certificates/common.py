"""Reading helpers shared by the office readers: labels, ST.60 INID codes, owners, classes, dates.

Inputs are the TextLines a PDF text layer or OCR yields: one per visual line, split differently by
each (a label and its value may share a line or not) and, for OCR, with misread characters.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.core.reading.certificates.fields import Field
from desktop_app.core.reading.matching import _sub_box
from desktop_app.core.reading.normalize import find_dates, normalize_registration_number
from desktop_app.core.reading.text import TextLine

# ---------------------------------------------------------------------------------------------------------
# Lines and fields
# ---------------------------------------------------------------------------------------------------------


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def field_from(
    line: TextLine,
    value: object,
    start: int = 0,
    end: int | None = None,
    *,
    raw: str = "",
    confidence: float = 1.0,
    computed: bool = False,
) -> Field:
    """A Field whose box is the part of ``line`` holding text[start:end] (the whole line by default)."""
    end = len(line.text) if end is None else end
    box = _sub_box(line, start, end) if (start, end) != (0, len(line.text)) else line.box
    return Field(
        value=value,
        page=line.page,
        box=box,
        source_text=line.text,
        confidence=round(line.confidence * confidence, 3),
        computed=computed,
        raw=raw,
    )


def merge_row_fragments(lines: Iterable[TextLine]) -> list[TextLine]:
    """Join consecutive pieces of one visual line that a reader split (a font change: "第" + "12345678 号").

    Pieces of a neighbouring column (a wide gap) stay apart.
    """
    out: list[TextLine] = []
    for line in lines:
        if out:
            prev = out[-1]
            h = min(prev.box[3] - prev.box[1], line.box[3] - line.box[1])
            overlap = min(prev.box[3], line.box[3]) - max(prev.box[1], line.box[1])
            gap = line.box[0] - prev.box[2]
            if (
                prev.page == line.page
                and h > 0
                and overlap >= 0.5 * h
                and line.box[0] >= prev.box[0]
                and gap <= 1.0 * h
                and prev.text.strip()
                and line.text.strip()
            ):
                sep = "" if gap < 0.15 * h and (_wide(prev.text[-1]) or _wide(line.text[0])) else " "
                box = (
                    prev.box[0],
                    min(prev.box[1], line.box[1]),
                    max(prev.box[2], line.box[2]),
                    max(prev.box[3], line.box[3]),
                )
                out[-1] = TextLine(
                    prev.text + sep + line.text,
                    prev.page,
                    box,
                    min(prev.confidence, line.confidence),
                    prev.source,
                )
                continue
        out.append(line)
    return out


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def clean_value(text: str) -> str:
    """A value with leading label punctuation and surrounding whitespace removed."""
    return re.sub(r"^[\s:：.\-–—=|]+", "", text).strip()


@dataclass(frozen=True)
class Labelled:
    """The value printed after a label, on the label's line or on the line(s) below it."""

    text: str
    line: TextLine
    start: int  # where the value starts in line.text
    label_line: TextLine


_LOOKS_LIKE_LABEL = re.compile(r"^[^:：]{1,40}[:：]\s*$")


def same_column(first: TextLine, other: TextLine) -> bool:
    """Whether ``other`` starts where ``first`` does (a continuation, not the neighbouring column)."""
    height = max(first.box[3] - first.box[1], 1.0)
    return abs(other.box[0] - first.box[0]) <= 3.5 * height


def find_label(
    lines: Sequence[TextLine],
    label: str | re.Pattern[str],
    *,
    same_line_only: bool = False,
    skip: re.Pattern[str] | None = None,
) -> Labelled | None:
    """The first value printed after ``label`` (a regex), on the same line or the next non-empty one.

    A next line that is itself a label ("Filing Date:") is not taken as the value.
    """
    pattern = re.compile(label) if isinstance(label, str) else label
    for i, line in enumerate(lines):
        text = nfkc(line.text) if len(nfkc(line.text)) == len(line.text) else line.text
        m = pattern.search(text)
        if not m:
            continue
        rest = text[m.end() :]
        value = clean_value(rest)
        if value and not (skip and skip.match(value)):
            return Labelled(value, line, len(text) - len(rest.lstrip(" :：.-–—=|\t")), line)
        if same_line_only:
            continue
        for nxt in lines[i + 1 : i + 3]:
            value = clean_value(nfkc(nxt.text))
            if value and _LOOKS_LIKE_LABEL.match(value):
                break
            if value and not (skip and skip.match(value)):
                return Labelled(value, nxt, 0, line)
    return None


# ---------------------------------------------------------------------------------------------------------
# WIPO ST.60 INID codes: "(111) 018123456", OCR'd as "(lll)", "[111]", "(1 11)"
# ---------------------------------------------------------------------------------------------------------

_INID_DIGITS = str.maketrans(
    {
        "l": "1",
        "I": "1",
        "i": "1",
        "|": "1",
        "!": "1",
        "O": "0",
        "o": "0",
        "D": "0",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
        "G": "6",
        "T": "7",
        "?": "7",
    }
)
_CODE = r"[0-9lIi|!OoDSsBZzGT?](?:\s?[0-9lIi|!OoDSsBZzGT?]){2}"
# "(111)", and at a line start OCR's "111)" or "(111 " with one bracket lost
_INID_RE = re.compile(
    r"[(\[{（<]\s*(" + _CODE + r")\s*[)\]}）>]|^\s*(" + _CODE + r")\s*[)\]}）>]|^\s*[(\[{（<]\s*(\d{3})(?=\s)"
)
KNOWN_INID = {
    "111",
    "116",
    "141",
    "151",
    "156",
    "171",
    "176",
    "180",
    "186",
    "210",
    "220",
    "230",
    "270",
    "300",
    "400",
    "442",
    "450",
    "511",
    "521",
    "526",
    "527",
    "531",
    "540",
    "541",
    "546",
    "550",
    "551",
    "554",
    "555",
    "556",
    "557",
    "561",
    "571",
    "580",
    "591",
    "600",
    "730",
    "731",
    "732",
    "740",
    "750",
    "770",
    "771",
    "791",
    "800",
    "811",
    "812",
    "821",
    "822",
    "831",
    "832",
    "834",
    "841",
    "842",
    "851",
    "861",
    "862",
    "866",
    "868",
    "871",
    "881",
}


@dataclass
class InidSection:
    code: str
    parts: list[tuple[TextLine, int, int]]  # (line, start, end) of the value text in each line

    @property
    def text(self) -> str:
        return "\n".join(line.text[s:e].strip() for line, s, e in self.parts if line.text[s:e].strip())

    def first(self) -> tuple[TextLine, int, int] | None:
        for line, s, e in self.parts:
            if line.text[s:e].strip():
                return line, s, e
        return None


def _inid_code(raw: str) -> str | None:
    code = re.sub(r"\s", "", raw).translate(_INID_DIGITS)
    return code if code in KNOWN_INID else None


def _continues(section: InidSection, line: TextLine) -> bool:
    """Whether a code-less line carries on the section: close below it and in its value column."""
    if not section.parts:
        return True
    last, s, e = section.parts[-1]
    if last.page != line.page:
        return True
    height = max(last.box[3] - last.box[1], 1.0)
    if line.box[1] - last.box[3] > 2.5 * height:
        return False
    value_x0 = _sub_box(last, s, e)[0] if last.text[s:e].strip() else None
    first = section.parts[0]
    if first[0].text[first[1] : first[2]].strip():
        value_x0 = _sub_box(
            first[0],
            first[1]
            + len(first[0].text[first[1] : first[2]])
            - len(first[0].text[first[1] : first[2]].lstrip()),
            first[2],
        )[0]
    if value_x0 is None:
        return True
    if line.box[0] > value_x0 + 3.5 * height:  # off in another column (a signature block)
        return False
    return line.box[0] >= value_x0 - 1.5 * height  # back in the code column: something else starts


def inid_sections(lines: Iterable[TextLine]) -> dict[str, list[InidSection]]:
    """Text grouped under each INID code; a value may share the code's line or follow on later lines."""
    out: dict[str, list[InidSection]] = {}
    current: InidSection | None = None
    for line in lines:
        text = line.text
        marks = [
            (m.start(), m.end(), _inid_code(next(g for g in m.groups() if g)))
            for m in _INID_RE.finditer(text)
        ]
        marks = [m for m in marks if m[2]]
        if not marks and current is not None and not _continues(current, line):
            current = None
        pos = 0
        for start, end, code in marks:
            if current is not None and start > pos:
                current.parts.append((line, pos, start))
            current = InidSection(code or "", [])
            out.setdefault(current.code, []).append(current)
            pos = end
        if current is not None and pos < len(text):
            current.parts.append((line, pos, len(text)))
    _strip_captions(out)
    return out


# Captions some registers print after the code ("(732) Name and address of the holder: ...")
_CAPTION = re.compile(
    r"(?i)^\s*(?:names?\s+and\s+address(?:es)?(?:\s+of\s+the\s+[\w ]{3,40}?)?|date\s+of\s+[\w ]{3,40}?|"
    r"expected\s+expiration\s+date[\w /]{0,30}?|expiry\s+date|representation\s+of\s+the\s+mark|"
    r"(?:word\s+)?mark|"
    r"list\s+of\s+goods\s+and\s+services|goods\s+and\s+services|(?:international\s+)?registration\s+number|"
    r"application\s+number|basic\s+(?:registration|application)|designated\s+contracting\s+parties|"
    r"designations?|holder|owner|proprietor|applicant|representative|(?:nice\s+)?classification|"
    r"languages?(?:\s+of\s+\w+)?|priority|filing\s+date|registration\s+date)\s*(?:(?P<colon>[:：])\s*|$)"
)


def _strip_captions(sections: dict[str, list[InidSection]]) -> None:
    """Drop printed captions so each section holds only its value."""
    for group in sections.values():
        for section in group:
            kept: list[tuple[TextLine, int, int]] = []
            for line, s, e in section.parts:
                seg = line.text[s:e]
                m = _CAPTION.match(seg)
                if m and not seg[m.end() :].strip():
                    continue  # the whole part is a caption
                if m and m.group("colon"):
                    s += m.end()
                kept.append((line, s, e))
            section.parts = kept


def inid_value(sections: dict[str, list[InidSection]], *codes: str) -> tuple[str, TextLine, int, int] | None:
    """The first line of text under the first present code (stripped), with where it sits."""
    for code in codes:
        for section in sections.get(code, []):
            first = section.first()
            if first:
                line, s, e = first
                seg = line.text[s:e]
                lead = len(seg) - len(seg.lstrip(" :：.-\t"))
                return seg.strip(" :：.-\t"), line, s + lead, e
    return None


# ---------------------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------------------

_LEGAL_FORM_END = re.compile(
    r"(?i)(?:\b(?:s\.?a\.?\s*de\s*c\.?v|inc|incorporated|corp|corporation|company|co\.?,?\s*ltd|ltd|limited|llc|"
    r"l\.l\.c|plc|gmbh|ag|"
    r"s\.?a\.?s?|s\.?r\.?l|s\.?p\.?a|b\.?v|n\.?v|pty\.?\s*ltd|pte\.?\s*ltd|sdn\.?\s*bhd|kg|oyj?|ab|k\.?k|"
    r"llp|l\.l\.p|lp|sarl|s\.l|a/s|kft|s\.r\.o|ltda)\b\.?"
    r"|股份有限公司|有限责任公司|有限責任公司|有限公司|公司|株式会社)"
)
_OWNER_DESCRIPTOR = re.compile(
    r"\s*\((?:[^()]*\b(?:CORPORATION|COMPANY|PARTNERSHIP|INDIVIDUAL|LIMITED|LLC|"
    r"ORGANI[SZ]ED|CITIZEN|ASSOCIATION|TRUST|GMBH|SOCIETE|SOCIEDAD)\b[^()]*)\)?.*$",
    re.IGNORECASE,
)


def owner_name(text: str) -> str:
    """The party name from an owner line that may go on with a descriptor or an address."""
    s = nfkc(text).strip(" :：,;")
    s = _OWNER_DESCRIPTOR.sub("", s)
    s = re.sub(
        r"(?i),?\s+an?\s+(?:[a-z]+\s+){0,4}(?:corporation|company|partnership|limited liability company)"
        r"\b.*$",
        "",
        s,
    )
    ends = _legal_form_chain_ends(s)
    for end in ends:
        rest = s[end:]
        if (
            not rest.strip()
            or re.match(r"^[\s,;]*(?:\d|[(（]|c/o|no\.|\b[A-Z][a-z]+\s+\d)", rest)
            or re.match(
                r"^\s*,\s*(?:the|a|an|with|having|located|whose|which|who|organi[sz]ed|incorporated|existing|"
                r"registered|hereinafter|at|of)\b",
                rest,
            )
        ):
            return s[:end].strip(" ,;")
    for end in ends:  # "Foo Inc. CORPORATION DELAWARE 100 Main Street": an address follows the name
        if re.search(r"\d", s[end : end + 80]):
            return s[:end].strip(" ,;")
    m = re.search(r",\s*[A-ZÄÖÜÉ][\w.'\- ]{2,40}?\s\d{1,5}[a-z]?\b", s)  # "Foo AS, Storgata 12, Oslo"
    if m and m.start() > 3:
        return s[: m.start()].strip(" ,;")
    m = re.search(r",?\s+\d{1,5}[A-Za-z]?\s+[A-Za-z]", s)  # "Foo Bar 100 Main Street"
    if m and m.start() > 3:
        return s[: m.start()].strip(" ,;")
    return s.strip(" ,;")


def plausible_owner(name: object) -> bool:
    """Whether a value read as the owner can be a party's name: letters enough, not a date or a number
    ("2020年06月02日" from the neighbouring column, "为" from the middle of a sentence)."""
    if not isinstance(name, str) or not name.strip():
        return False
    text = nfkc(name).strip()
    wide = sum(1 for c in text if c.isalpha() and _wide(c))
    narrow = sum(1 for c in text if c.isalpha() and not _wide(c))
    if wide < 2 and narrow < 3:
        return False
    dated = sum(e - s for _d, (s, e) in find_dates(text))
    return dated < 0.5 * len(text)


def _legal_form_chain_ends(s: str) -> list[int]:
    """Where runs of legal-form words end ("Co., Ltd.", "Company Limited"), ignoring one at the very start."""
    ends: list[int] = []
    for m in _LEGAL_FORM_END.finditer(s):
        if m.start() == 0 or not s[: m.start()].strip():
            continue
        if (
            ends
            and re.fullmatch(r"[\s,.]*", s[ends[-1] : m.start()])
            and re.fullmatch(r"(?i)ltd\.?|limited|bhd\.?|kg|有限公司", m.group(0))
        ):
            ends[-1] = m.end()  # "Co., Ltd.", "Company Limited", "Sdn. Bhd.", "GmbH & Co. KG"
        else:
            ends.append(m.end())
    return ends


def parse_classes(text: str) -> list[int]:
    """Nice classes listed in text like "25", "18, 25 and 35", "Int. Cl.: 9; 42", "第25类"."""
    s = nfkc(text)
    out: list[int] = []
    for m in re.finditer(r"(?<![\d.,])(\d{1,3})(?![\d]|[.,]\d)", s):
        n = int(m.group(1))
        if 1 <= n <= 45 and n not in out:
            out.append(n)
    return out


# "Class 9", "Klasse 9", "Classe 9", "Clase 9", "Classi 9", "Kl. 9", "Int. Cl. 9", "第9类"
CLASS_WORD = (
    r"(?:(?:int(?:ernational)?\.?\s*|nice\s*)?(?:class(?:e|es)?|klassen?|clases?|classi|kelas)\s*(?:no\.?\s*|n[°º]\s*)?"
    r"|cl\.\s*|kl\.\s*|第\s*)"
)
_CLASS_HEAD = re.compile(
    r"(?i)^\s*" + CLASS_WORD + r"?(\d{1,2})\s*(?:类|類)?\s*(?:[:：.\-–)]\s*|\s+|(?=[^\W\d_]))(?=\S)"
)


# A class head inside a line of goods: "18: Bags; wallets  25: Clothing", "...; Class 25: Clothing"
_INLINE_CLASS_HEAD = re.compile(
    r"(?i)(?:(?<=[;.,]\s)|(?<=\s\s)|(?<=\s)(?="
    + CLASS_WORD
    + r"))(?:"
    + CLASS_WORD
    + r")?(\d{1,2})\s*[:：]\s*(?=[^\W\d_])"
)


# once goods are headed "18: ...", a later "25: " after a space heads the next class too
_LOOSE_CLASS_HEAD = re.compile(r"(?i)(?:(?<=\s)|^)(?:" + CLASS_WORD + r")?(\d{1,2})\s*[:：]\s*(?=[^\W\d_]|$)")
_LEADS_WITH_HEAD = re.compile(r"(?i)^\s*" + CLASS_WORD + r"?\d{1,2}\s*[:：]\s*[^\W\d_]")


def _split_inline_heads(text: str, loose: bool = False) -> list[str]:
    pattern = _LOOSE_CLASS_HEAD if loose else _INLINE_CLASS_HEAD
    cuts = [m.start() for m in pattern.finditer(text) if 1 <= int(m.group(1)) <= 45 and m.start() > 0]
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    parts = [p.rstrip(" ;,") for p in parts[:-1]] + parts[-1:]  # "wallets; 25: ..." ends 18 at "wallets"
    return [p for p in parts if p]


def parse_goods_blocks(block: Sequence[tuple[str, TextLine]]) -> dict[int, tuple[str, TextLine]]:
    """Goods per class from lines starting with a class number ("25 Clothing; ..." / "Class 25: ...") and
    class heads inside a line ("18: Bags  25: Clothing")."""
    out: dict[int, list[str]] = {}
    where: dict[int, TextLine] = {}
    current: int | None = None
    first = next((nfkc(t) for t, _line in block if t.strip()), "")
    loose = bool(_LEADS_WITH_HEAD.match(first))
    block = [(part, line) for text, line in block for part in _split_inline_heads(nfkc(text), loose)]
    for text, line in block:
        text = nfkc(text).strip()
        text = re.sub(
            r"(?i)^(?:NCL|Nice)\s*(?:\(\s*\d+\s*(?:[-–/]\s*\d+)?\s*\)|\d+\s*[-–/]\s*\d{4}\b)\s*", "", text
        )
        text = re.sub(r"(?i)^(?:NCL|Nice\s*class)\s*(?=\d)", "", text)
        if not text:
            continue
        alone = re.fullmatch(r"(?i)" + CLASS_WORD + r"?(\d{1,2})\s*(?:类|類)?\s*[:：.]?", text)
        if alone and 1 <= int(alone.group(1)) <= 45:
            current = int(alone.group(1))
            out.setdefault(current, [])
            where.setdefault(current, line)
            continue
        m = _CLASS_HEAD.match(text)
        if m and 1 <= int(m.group(1)) <= 45 and re.match(r"[^\d\s]", text[m.end() :]):
            current = int(m.group(1))
            out.setdefault(current, []).append(text[m.end() :].strip())
            where.setdefault(current, line)
        elif current is not None:
            out[current].append(text)
    return {k: (" ".join(v).strip(), where[k]) for k, v in out.items() if " ".join(v).strip()}


def dates_in(line: TextLine, order_hint: str | None = None) -> list[tuple[dt.date, int, int]]:
    return [(d, s, e) for d, (s, e) in find_dates(line.text, order_hint)]


def date_after_label(
    lines: Sequence[TextLine], label: str, order_hint: str | None = None, lookahead: int = 2
) -> Field | None:
    """The first date printed after a label on its line, or on the next lines."""
    pattern = re.compile(label)
    for i, line in enumerate(lines):
        m = pattern.search(line.text)
        if not m:
            continue
        for d, s, e in dates_in(line, order_hint):
            if s >= m.start():
                return field_from(line, d, s, e, raw=line.text[s:e])
        for nxt in lines[i + 1 : i + 1 + lookahead]:
            found = dates_in(nxt, order_hint)
            if found:
                d, s, e = found[0]
                return field_from(nxt, d, s, e, raw=nxt.text[s:e], confidence=0.9)
    return None


def add_years(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def computed_expiry(base: Field | None, years: int = 10, day_before: bool = False) -> Field | None:
    """An expiry derived from a printed date by the office's term rule (flagged computed)."""
    if base is None or not isinstance(base.value, dt.date):
        return None
    value = add_years(base.value, years)
    if day_before:
        value -= dt.timedelta(days=1)
    return Field(
        value=value,
        page=base.page,
        box=base.box,
        source_text=base.source_text,
        confidence=base.confidence,
        computed=True,
        raw="",
    )


# A registration number as offices print it, in one place for every reader: an office prefix ("UK",
# "TMA", "VR "), digits grouped by spaces, commas, dots, slashes or hyphens ("40 2023 43949",
# "302021123456.7", "4-2019-012345", "TMA1,234,567"), and the check letter some offices append
# ("40 2023 43949 Y", "40202343949Y"). A letter OCR put for a digit (O, l, I, |) counts as one unless a
# letter follows it (the next word: "1234567 Inhaber"). Led by "No.", "Nr.", "N°", "#" or "№".
_DIGIT = r"(?:\d|[OlI|](?![A-Za-z]))"
NUMBER = (  # case matters even inside a case-insensitive pattern: "1234567 in the name of" ends at 7
    r"(?-i:(?:[A-Z]{1,5}[\s-]?(?=\d))?"
    r"(?:\d|[OlI|](?=\d))(?:\s?[,./-]?\s?" + _DIGIT + r"){2,22}"
    r"(?:[A-Z]{1,2}(?![A-Za-z0-9])|[\s-][A-Z](?![A-Za-z0-9]))?)"
)
_NUMBER_LEAD = re.compile(r"^[\s:：.]*(?:(?:[Nn][Oo0°º]|[Nn][Rr]|№|#)\.?\s*[:：.]?\s*|第\s*)?")
_NUMBER_AT = re.compile(NUMBER)


def number_at(text: str) -> tuple[str, int] | None:
    """The registration number ``text`` starts with (after "No." and the like): (as printed, start)."""
    lead = _NUMBER_LEAD.match(text)
    start = lead.end() if lead else 0
    m = _NUMBER_AT.match(text, start)
    if not m:
        return None
    raw = m.group(0).rstrip(" ,./-")
    return (raw, start) if raw else None


def number_field(line: TextLine, raw: str, start: int, office: str, confidence: float = 1.0) -> Field | None:
    value = normalize_registration_number(raw, office)
    if not value or not re.search(r"\d{4,}", value):
        return None
    return field_from(line, value, start, start + len(raw), raw=raw.strip(), confidence=confidence)


def office_field(office: str, lines: Sequence[TextLine], evidence: re.Pattern[str]) -> Field:
    """The office, pointing at the line that names it when there is one."""
    for line in lines:
        if evidence.search(line.text):
            return field_from(line, office)
    return Field(value=office, confidence=0.6)


_NOT_A_MARK = re.compile(
    r"(?i)(united states|patent|trade\s?mark office|reg(?:istered|istration)?\b|int\.?\s*cl|"
    r"principal register|supplemental register|service mark|certificate|director|of america|"
    r"intellectual property|office|^\s*trade\s?mark\s*$|^\s*collective|^\s*certification|\d{3,}|class|"
    r"european union|world|organi[sz]ation|"
    r"kingdom|^\s*page\b|商标注册证|国家知识产权局|中华人民共和国)"
)


def largest_text_line(
    lines: Sequence[TextLine], *, limit: int = 30, reference: Sequence[TextLine] | None = None
) -> TextLine | None:
    """The tallest plausible mark line among the first of ``lines`` (marks are printed large).

    None when no line stands out from the body text of ``reference`` (a design mark printed only as an
    image)."""
    heights = sorted(ln.box[3] - ln.box[1] for ln in (reference if reference is not None else lines))
    median = heights[len(heights) // 2] if heights else 0.0
    best: TextLine | None = None
    for line in list(lines)[:limit]:
        if line.box[3] - line.box[1] < 1.3 * median:
            continue
        text = line.text.strip()
        if not text or len(text) > 40 or _NOT_A_MARK.search(text) or not re.search(r"[^\W\d_]", text):
            continue
        if best is None or (line.box[3] - line.box[1]) > (best.box[3] - best.box[1]) * 1.05:
            best = line
    return best


def status_field(evidence: Field, status: str, confidence: float = 1.0) -> Field:
    """A status ("registered"/"application") pointing at the value that shows it."""
    return Field(
        value=status,
        page=evidence.page,
        box=evidence.box,
        source_text=evidence.source_text,
        confidence=round(evidence.confidence * confidence, 3),
    )


_STATUS_LABEL = re.compile(
    r"(?i)^\s*(?:(?:trade\s*mark|mark|application|registration|current)\s*)?status\s*[:：]?\s*(?=\S)|"
    r"^\s*(?:法律状态|商标状态|状态)\s*[:：]?\s*(?=\S)"
)
_DEAD = re.compile(
    r"(?i)\b(?:cancell?ed|expired|abandoned|withdrawn|refused|surrendered|lapsed|invalidated|revoked|"
    r"dead)\b|无效|已撤销|已注销|驳回|过期"
)
_PENDING = re.compile(
    r"(?i)\b(?:pending|application|applied|filed|published|under\s+examination|examination|"
    r"opposition|received|new\s+application|awaiting)\b|审查中|申请中|待审|初审公告"
)
_REGISTERED = re.compile(r"(?i)\bregistered\b|已注册|注册商标")


def printed_status(lines: Sequence[TextLine]) -> Field | None:
    """A status the document prints ("Status: Registered", "状态：审查中"): registered, application or dead.

    "dead" (cancelled, expired, abandoned, refused...) means the right no longer exists or never will.
    """
    for line in lines:
        text = nfkc(line.text)
        m = _STATUS_LABEL.match(text)
        if not m:
            continue
        value = text[m.end() :]
        if _DEAD.search(value):
            return field_from(line, "dead", m.end())
        if _REGISTERED.search(value) and not re.search(r"(?i)\bnot\s+(?:yet\s+)?registered|未注册", value):
            return field_from(line, "registered", m.end())
        if _PENDING.search(value):
            return field_from(line, "application", m.end())
    return None
