"""Reading a certificate by what it says: word labels in many languages, wherever the value sits.

No office template: a line that starts with a label from ``lexicon.LABELS`` (matched leniently, so
"Trademarknumber", "Reg1stration date" and "Numero d'enregistrement" all count) takes its value from
the rest of the line, from the cell to its right (a two-column table) or from the line below it (labels
above values). Goods run on over following lines and pages until the next label, and are split per class
("Class 9: ...", "Klasse 25 ...", "第9类"). ST.60 INID codes are read when printed, and prose ("registered
under No. 123 in the name of X for goods in classes 9 and 25") fills what no label gave.

Lines must be upright (boxes in reading orientation); every value keeps the line and span it was read
from, so its evidence box is exact to the characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from desktop_app.core.reading.certificates.common import (
    _INID_RE,
    CLASS_WORD,
    KNOWN_INID,
    NUMBER,
    _inid_code,
    add_years,
    field_from,
    nfkc,
    number_at,
    number_field,
    owner_name,
    parse_classes,
    parse_goods_blocks,
    plausible_owner,
    printed_status,
    status_field,
)
from desktop_app.core.reading.certificates.fields import CertificateFields, Field
from desktop_app.core.reading.certificates.inid import extract_inid
from desktop_app.core.reading.certificates.lexicon import LABELS
from desktop_app.core.reading.matching import _sub_box
from desktop_app.core.reading.normalize import find_dates
from desktop_app.core.reading.text import TextLine

VALUE_FIELDS = (
    "registration_number",
    "mark",
    "owner",
    "classes",
    "goods",
    "registration_date",
    "filing_date",
    "expiry_date",
)

# ---------------------------------------------------------------------------------------------------------
# Label matching
# ---------------------------------------------------------------------------------------------------------

_OCR_SAME = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "i": "l", "ı": "l", "í": "l"})


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def fold_label(text: str) -> tuple[str, list[int]]:
    """Text folded for label matching (case, accents, spaces, punctuation, l/1/I, O/0, rn/m dropped),
    with, for each folded character, the index in ``text`` just after the character it came from."""
    chars: list[str] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part):
                continue
            for c in part.casefold():
                if c.isalnum():
                    chars.append(c.translate(_OCR_SAME))
                    ends.append(i + 1)
    out: list[str] = []
    out_ends: list[int] = []
    k = 0
    while k < len(chars):
        if chars[k] == "r" and k + 1 < len(chars) and chars[k + 1] == "n" and ends[k + 1] == ends[k] + 1:
            out.append("m")
            out_ends.append(ends[k + 1])
            k += 2
            continue
        out.append(chars[k])
        out_ends.append(ends[k])
        k += 1
    return "".join(out), out_ends


@lru_cache(maxsize=1)
def _label_index() -> list[tuple[str, str]]:
    """(folded label, field), longest first so "trade mark number" wins over "trade mark"."""
    seen: dict[str, str] = {}
    for name, labels in LABELS.items():
        for label in labels:
            folded = fold_label(label)[0]
            if folded and folded not in seen:
                seen[folded] = name
    return sorted(seen.items(), key=lambda kv: -len(kv[0]))


@dataclass(frozen=True)
class LabelHit:
    field: str  # a VALUE_FIELDS name, "application_number", or "_stop"
    end: int  # where the label ends in the line's text
    separated: bool  # a ":" (or similar) follows the label
    rest: str  # what follows on the line, separators stripped
    rest_start: int  # where ``rest`` starts in the line's text
    guessed: bool = False  # no lexicon label: a number's label told by its "No."/"Nr."/"Number" alone


_ENUM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]\s+|[•·*\-–]\s+)")
_SEPARATOR = re.compile(r"^[\s.]*[:：|=]|^\s+[-–—]\s")
_GOODS_CLASS_LINE = re.compile(r"(?i)^\s*" + CLASS_WORD + r"?\d{1,2}\s*(?:类|類)?\s*(?:[:：.\-–)]|\s)\s*\S")


_CLASS_THEN_GOODS = re.compile(r"^\d{1,2}\s*(?:类|類)?\s*[:：.\-–)]\s*(?:[^\W\d_]{3}|[\u3400-\u9fff])")


def _class_head_text(text: str) -> str:
    """A goods line headed by a classes label and a number ("Classes de Nice 18: Bolsas") as "18: Bolsas"."""
    text = nfkc(text)
    m = re.match(r"^(.{3,40}?)\s*(?=\d{1,2}\s*[:：])", text)
    if m and _CLASS_THEN_GOODS.match(text[m.end() :]):
        hit = match_label(text[: m.end()].strip() + ":")
        if hit is not None and hit.field == "classes":
            return text[m.end() :]
    return text


def _boundary_ok(text: str, end: int, exact: bool) -> bool:
    if end >= len(text):
        return True
    prev, nxt = text[end - 1], text[end]
    if _wide(prev):
        return not _wide(nxt) or not nxt.isalpha()  # "商标：" yes, "商标注册证明" no
    if not nxt.isalpha():
        return True
    return exact and prev.islower() and nxt.isupper()  # lost space: "MarkNORDVIK"


def match_label(text: str) -> LabelHit | None:
    """The label a line starts with (the longest that fits), or None."""
    lead = _ENUM.match(text)
    offset = lead.end() if lead else 0
    seg = text[offset : offset + 80]
    folded, ends = fold_label(seg)
    if not folded:
        return None
    best: tuple[int, int, str, int] | None = None  # (length, -distance, field, folded end)
    for label, name in _label_index():
        n = len(label)
        if best is not None and n < best[0]:
            break
        if folded.startswith(label):
            cand = (n, 0, name, n)
        elif n >= 6 and len(folded) >= n - 1:
            allowed = 1 if n < 12 else 2
            cand = None
            for m in (n, n - 1, n + 1):
                if m > len(folded) or any(seg[ends[k] - 1].isdigit() for k in range(m)):
                    continue  # a label is words: a near miss that runs into the value's digits is not one
                d = Levenshtein.distance(folded[:m], label, score_cutoff=allowed)
                if d <= allowed and (cand is None or d < -cand[1]):
                    cand = (n, -d, name, m)
            if cand is None:
                continue
        else:
            continue
        end = offset + ends[cand[3] - 1]
        if not _boundary_ok(text, end, cand[1] == 0):
            continue
        if best is None or cand[:2] > best[:2]:
            best = cand
    if best is None:
        return _number_word_label(text, offset)
    name = best[2]
    end = offset + ends[best[3] - 1]
    after = text[end:]
    glued = bool(after[:1].isupper()) and text[end - 1].islower()  # "Waren und DienstleistungenKlasse 9"
    separated = bool(_SEPARATOR.match(after)) or glued
    stripped = re.sub(r"^[\s.:：|=\-–—)\]°º]+", "", after)  # "Class(es)", "Registro N°"
    rest_start = len(text) - len(stripped)
    rest = stripped.rstrip()
    if (
        name == "classes"
        and rest
        and (_GOODS_CLASS_LINE.match(text[offset:]) or _CLASS_THEN_GOODS.match(rest))
        and re.search(r"[^\W\d_]{3}|[\u3400-\u9fff]", rest)
    ):
        return None  # "Class 9: Computer software" heads goods, it is not the classes label
    if rest and not separated and not _value_may_follow(name, rest):
        # "Trademark Registration Certificate" is a title, not the label "Trademark"; "Trade Mark Reg. No."
        # is a number's label
        return _number_word_label(text, offset)
    return LabelHit(name, end, separated, rest, rest_start)


_NUMBER_WORD = r"(?:No|Nr|N[°º]|Number|Nummer|Num[eé]ro|N[uú]mero|Nombor|Nomor|Numer|#)\.?"
_NUMBER_WORD_LABEL = re.compile(
    r"(?i)^((?:[^\W\d_]+[.\-]?\s*){0,4}?)" + _NUMBER_WORD + r"(?=[\s:：|]|$)"  # "Trade Mark Reg. No."
    r"|^" + _NUMBER_WORD + r"\s+((?:[^\W\d_]+\.?\s*){1,3}?)(?=[:：|]|$)"  # "No. Pendaftaran"
)
_APPLICATION_WORDS = re.compile(
    r"(?i)appl|serial|fil(?:ing|ed)|pedido|solicitud|demande|anmeld|domanda|permohonan|dep[oó]sit|申请"
)
_OTHER_NUMBER_WORDS = re.compile(
    r"(?i)\b(?:tel|telephone|phone|fax|page|ref|reference|invoice|account|vat|tax|company|business|agent|"
    r"customer|client|order|id|publication|gazette|priority|journal|bulletin|receipt|file|case|house|street|"
    r"postal|zip|seite|p[aá]gina|document|doc|record|request|transaction|payment|fee|batch|volume|issue|"
    r"member|licen[cs]e|permit|passport|vat|identity|ic|nric|mobile|cell)\b"
)


def _number_word_label(text: str, offset: int) -> LabelHit | None:
    """A label no lexicon lists that names a number ("Trade Mark Reg. No.", "No. Pendaftaran"): an office
    no reader knows still yields its registration (or application) number."""
    m = _NUMBER_WORD_LABEL.match(text[offset:])
    if not m:
        return None
    words = (m.group(1) or m.group(2) or "").strip()
    if not words or _OTHER_NUMBER_WORDS.search(words) or len(words) > 40:
        return None
    name = "application_number" if _APPLICATION_WORDS.search(words) else "registration_number"
    end = offset + m.end()
    after = text[end:]
    stripped = re.sub(r"^[\s.:：|=\-–—)\]°º]+", "", after)
    rest = stripped.rstrip()
    if rest and not _value_may_follow(name, rest) and not _SEPARATOR.match(after):
        return None
    return LabelHit(name, end, bool(_SEPARATOR.match(after)), rest, len(text) - len(stripped), guessed=True)


def _value_may_follow(name: str, rest: str) -> bool:
    """Whether a value printed right after a label with no separator looks like that field's value."""
    if name in ("registration_number", "application_number"):
        return bool(re.match(r"^(?:[A-Z]{1,4}[\s-]?)?\d[\d,.\s/-]{2,}", rest)) and not find_dates(
            rest[:12], "dmy"
        )
    if name in ("registration_date", "filing_date", "expiry_date"):
        return bool(find_dates(rest[:40], "dmy"))
    if name == "classes":
        return bool(re.match(r"^(?:第\s*)?\d{1,2}\b", rest))
    if name == "goods":
        return bool(_GOODS_CLASS_LINE.match(rest)) and bool(re.match(r"(?i)^\s*" + CLASS_WORD, rest))
    return False


# ---------------------------------------------------------------------------------------------------------
# Geometry: where a label's value sits
# ---------------------------------------------------------------------------------------------------------


def _h(line: TextLine) -> float:
    return max(line.box[3] - line.box[1], 1.0)


def _same_row(a: TextLine, b: TextLine) -> bool:
    overlap = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    return a.page == b.page and overlap >= 0.5 * min(_h(a), _h(b))


@dataclass
class _Value:
    line: TextLine
    start: int  # where the value starts in line.text
    index: int  # the line's index


class _Reader:
    def __init__(self, lines: Sequence[TextLine]) -> None:
        self.lines = list(lines)
        self.hits: list[LabelHit | None] = [match_label(nfkc(ln.text)) for ln in self.lines]
        self._join_wrapped_labels()

    def _join_wrapped_labels(self) -> None:
        """A label wrapped in its cell ("Verzeichnis der Waren und" / "Dienstleistungen") is one label: the
        first line carries it, the second is dropped so that it is neither a label nor a value."""
        drop: set[int] = set()
        for i, line in enumerate(self.lines):
            if i in drop or (self.hits[i] is not None and self.hits[i].rest):
                continue
            h = _h(line)
            for k in range(i + 1, min(len(self.lines), i + 5)):
                other = self.lines[k]
                if (
                    other.page != line.page
                    or not 0 <= other.box[1] - line.box[3] <= 0.8 * h
                    or abs(other.box[0] - line.box[0]) > 0.5 * h
                ):
                    continue
                text = nfkc(line.text)
                hit = match_label(text + " " + nfkc(other.text))
                if hit is not None and hit.end > len(text) + 1 and not hit.rest and hit.field != "_stop":
                    self.hits[i] = LabelHit(hit.field, len(line.text), False, "", len(line.text))
                    drop.add(k)
                break
        if drop:
            self.lines = [ln for k, ln in enumerate(self.lines) if k not in drop]
            self.hits = [hit for k, hit in enumerate(self.hits) if k not in drop]

    def _is_label(self, k: int) -> bool:
        hit = self.hits[k]
        return hit is not None and (not hit.rest or hit.separated)

    def value_of(self, i: int) -> _Value | None:
        """The value for the label on line i: on its line, in the cell to its right, or below it.

        A number, date or class list must look like one: a label's right neighbour that does not (the
        next column's label or value) gives way to the value below the label."""
        hit = self.hits[i]
        assert hit is not None
        found = self._candidates(i)
        for value in found:
            if _fits(hit.field, value):
                return value
        return found[0] if found and hit.field not in _TYPED else None

    def _candidates(self, i: int) -> list[_Value]:
        hit = self.hits[i]
        line = self.lines[i]
        assert hit is not None
        if hit.rest:
            return [_Value(line, hit.rest_start, i)]
        out: list[_Value] = []
        h = _h(line)
        right = [
            k
            for k, other in enumerate(self.lines)
            if k != i and _same_row(line, other) and other.box[0] >= line.box[2] - 0.5 * h
        ]
        if right:
            k = min(right, key=lambda k: self.lines[k].box[0])
            if not self._is_label(k) and self.lines[k].box[0] - line.box[2] < 25 * h:
                out.append(_Value(self.lines[k], 0, k))
        below = [
            k
            for k in range(i + 1, min(len(self.lines), i + 12))
            if self.lines[k].page == line.page
            and self.lines[k].box[1] >= line.box[3] - 0.3 * h
            and self.lines[k].box[1] - line.box[3] <= 3.0 * h
            and self.lines[k].box[0] < line.box[2] + h
            and self.lines[k].box[2] > line.box[0] - h
            and self.lines[k].box[0] >= line.box[0] - 2.0 * h
        ]
        if below:
            k = min(below, key=lambda k: (self.lines[k].box[1], abs(self.lines[k].box[0] - line.box[0])))
            if not self._is_label(k):
                out.append(_Value(self.lines[k], 0, k))
        return out

    def continuation(self, value: _Value, limit: int = 80) -> list[TextLine]:
        """Lines that carry a value on (goods): same column, close below, across pages, up to a label."""
        out: list[TextLine] = []
        prev = value.line
        x0 = value.line.box[0] + _sub_offset(value)
        h = _h(value.line)
        skipped = 0
        for k in range(value.index + 1, len(self.lines)):
            line = self.lines[k]
            if line is prev or _same_row(line, value.line) and line.box[0] < x0:
                continue
            if self._is_label(k):
                break
            aligned = abs(line.box[0] - x0) <= 2.0 * h or (
                line.box[0] < x0 and _GOODS_CLASS_LINE.match(nfkc(line.text))
            )
            if any(_same_row(line, self.lines[j]) and self._is_label(j) for j in range(max(0, k - 3), k)):
                break  # a new row of the table has started
            if line.page != prev.page:
                if not aligned:
                    skipped += 1  # page furniture (header, page number) before the value goes on
                    if skipped > 3:
                        break
                    continue
            elif not aligned or line.box[1] - prev.box[3] > 2.5 * h:
                if line.box[1] >= prev.box[3] and not aligned and line.box[0] > x0 + 20 * h:
                    continue  # a page number or margin note on the right
                break
            out.append(line)
            prev = line
            skipped = 0
            if len(out) >= limit:
                break
        return out

    def goods_block(self, first: _Value) -> list[tuple[str, TextLine]]:
        """The goods text: under the first goods label that gives more than a pointer ("18: … 25: …",
        "see page 2"), with what runs on after it."""
        starts = [first] + [
            v
            for k, hit in enumerate(self.hits)
            if hit is not None and hit.field == "goods" and k > first.index
            for v in [self.value_of(k)]
            if v is not None
        ]
        for value in starts:
            text = nfkc(value.line.text[value.start :]).lstrip(" :：\"'“”„«»‘’").rstrip()
            block = [(_class_head_text(text), value.line)] + [
                (_class_head_text(ln.text), ln) for ln in self.continuation(value)
            ]
            if any(_has_goods_words(t) for t, _ln in block):
                return block
        return []

    def labelled(self) -> dict[str, tuple[int, _Value]]:
        """The first value found for each field (a label the lexicon lists before a guessed one)."""
        found: dict[str, tuple[int, _Value]] = {}
        for i, hit in enumerate(self.hits):
            if hit is None or hit.field == "_stop":
                continue
            if hit.field in found and (hit.guessed or not self.hits[found[hit.field][0]].guessed):  # type: ignore[union-attr]
                continue
            if hit.rest and not hit.separated and not _value_may_follow(hit.field, hit.rest):
                continue
            value = self.value_of(i)
            if value is not None:
                found[hit.field] = (i, value)
        return found


_TYPED = frozenset(
    {
        "registration_number",
        "application_number",
        "registration_date",
        "filing_date",
        "expiry_date",
        "classes",
    }
)


def _fits(name: str, value: _Value) -> bool:
    """Whether a candidate value looks like a value of field ``name``."""
    text = nfkc(value.line.text[value.start :])
    if name in ("registration_number", "application_number"):
        found = number_at(text)
        dates = find_dates(text[:40], "dmy")
        return found is not None and not (dates and dates[0][1][0] <= found[1])  # "14.03.2021" is a date
    if name in ("registration_date", "filing_date", "expiry_date"):
        return bool(find_dates(text, "dmy"))
    if name == "classes":
        return bool(re.search(r"\d", text))
    return True


_POINTER_WORDS = frozenset(
    "see page pages overleaf annex attached attachment continued voir annexe suite siehe seite anlage "
    "ver pagina página anexo vedi allegato the and und et".split()
)


def _has_goods_words(text: str) -> bool:
    """More than a pointer to where the goods are ("18: … 25: …", "see page 2", "siehe Anlage")."""
    return any(_wide(c) and c.isalpha() for c in text) or any(
        w.casefold() not in _POINTER_WORDS for w in re.findall(r"[^\W\d_]{3,}", text)
    )


def _sub_offset(value: _Value) -> float:
    """How far into its line's box the value starts (it may follow the label on the same line)."""
    if value.start == 0:
        return 0.0
    text = value.line.text
    x0, _y0, x1, _y1 = value.line.box
    total = sum(2 if _wide(c) else 1 for c in text) or 1
    before = sum(2 if _wide(c) else 1 for c in text[: value.start])
    return (x1 - x0) * before / total


# ---------------------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------------------

_START_WORDS = re.compile(
    r"(?i)\b(?:from|since|as\s+from|with\s+effect\s+from|ab|vom|seit|à\s+compter\s+du|a\s+partir\s+d[eo]|"
    r"desde|dal|da|自)\s*$"
)
_YEARS = re.compile(r"(?i)\b(\d{1,2})\s*(?:years?|jahre?n?|ans|años|anos|anni)\b|(\d{1,2})\s*年(?!\d)")


def _number(value: _Value) -> Field | None:
    text = value.line.text[value.start :]
    found = number_at(nfkc(text)) if len(nfkc(text)) == len(text) else None
    if not found:
        return None
    raw, start = found
    return number_field(value.line, raw, value.start + start, "", confidence=0.95)


def _text_value(value: _Value) -> tuple[str, int, int]:
    text = value.line.text
    seg = text[value.start :]
    lead = len(seg) - len(seg.lstrip(" :：\"'“”„«‘’"))
    stripped = seg.strip().strip("\"'“”„«»‘’")
    start = value.start + lead
    return stripped, start, start + len(stripped)


_NOT_A_MARK_VALUE = re.compile(
    r"(?i)^\s*(?:\(?\s*(?:figurative|fig\.|device|image|logo|bildmarke|figurative|figurativa|figurativo)"
    r"|principal\s+register|supplemental\s+register|$)"
)


def _date_value(value: _Value, kind: str) -> Field | None:
    """The date printed as the value; an expiry printed as a start and a term is computed from them."""
    line, offset = value.line, value.start
    found = find_dates(line.text[offset:], "dmy")
    if found:
        if kind == "expiry_date" and len(found) >= 2:
            d, (s, e) = found[-1]  # "from 14.03.2021 to 13.03.2031"
            return field_from(line, d, offset + s, offset + e, raw=line.text[offset + s : offset + e])
        d, (s, e) = found[0]
        before = line.text[offset : offset + s]
        if kind == "expiry_date" and _START_WORDS.search(before):
            years = _YEARS.search(line.text[offset:])
            if not years:
                return None  # a start with no stated term: the end is not printed
            n = int(years.group(1) or years.group(2))
            return field_from(
                line,
                add_years(d, n),
                offset + s,
                offset + e,
                raw=line.text[offset + s : offset + e],
                computed=True,
            )
        return field_from(line, d, offset + s, offset + e, raw=line.text[offset + s : offset + e])
    return None


# ---------------------------------------------------------------------------------------------------------
# Running text
# ---------------------------------------------------------------------------------------------------------

_REG = "(" + NUMBER + ")"
_RUNNING_NUMBER = re.compile(
    r"(?i)(?:under|with)\s+(?:the\s+)?(?:registration\s+)?(?:No\.?|number|n[°º]\.?)\s*[:.]?\s*"
    + _REG
    + r"|(?:registration|registered)\s+(?:No\.?|number)\s*[:.]?\s*"
    + _REG
    + r"|unter\s+(?:der\s+)?(?:Nummer|Nr\.?|Registernummer)\s*"
    + _REG
    + r"|sous\s+le\s+(?:num[ée]ro|n[°º]\.?)\s*"
    + _REG
    + r"|bajo\s+el\s+(?:n[úu]mero|n[°º.]+)\s*"
    + _REG
    + r"|(?:al|con\s+il)\s+(?:numero|n\.)\s*"
    + _REG
    + r"|sob\s+o\s+(?:n[úu]mero|n[°º.]+)\s*"
    + _REG
    + r"|注册号(?:为|是)?\s*[:：]?\s*"
    + _REG
)
_RUNNING_NUMBER_WORD = re.compile(
    r"(?i)(?:(?:number|nummer|num[ée]ro|n[úu]mero|nombor|nomor)|\bN[o°º]\.|(?-i:(?<=[a-z])No\.)|\bNr\.|"
    r"n\.\s?[o°º]\.?)\s*[:.]?\s*(" + NUMBER + ")"
)  # "n.º" is "n.o" once NFKC has folded the ordinal indicator
_NAME_END = (
    r"(?=\s*(?:,|;|\.\s|\.$|\s+(?:for|für|pour|para|per|in\s+class|de\s+la\s+clase|nas?\s+classes?)\b|$))"
)
# OCR of a scan often loses the spaces of prose ("anomediFjellmarkGmbH,", "dellaclasse25:"): phrases
# match with or without them
_RUNNING_OWNER = re.compile(
    r"(?i)(?:in\s*the\s*name\s*of|auf\s*den\s*Namen(?:\s*von)?|zugunsten(?:\s*von)?|au\s*nom\s*de|"
    r"a\s*nombre\s*de|a\s*favor\s*de|a\s*nome\s*di|intestat[oa]\s*a|a\s*favore\s*di|em\s*nome\s*de|"
    r"(?<=\d)\s*für|(?:owner|proprietor|holder)\s*is|inhaber(?:in)?\s*(?:ist|der\s*marke\s*ist)|"
    r"titulaire\s*est|titular\s+(?:es|é)|titolare\s*è|注册人(?:为|是))\s*(.{2,120}?)" + _NAME_END
)
_CLASS_WORDS = r"(?:classes|class|klassen?|clases?|classi|classe)"
_CLASS_LIST = r"(\d{1,2}(?:\s*(?:,|;|&|and|und|et|y|e)\s*\d{1,2})*)"
_RUNNING_CLASSES = re.compile(r"(?i)" + _CLASS_WORDS + r"\s*" + _CLASS_LIST + r"\b")
# "... for the following goods in class 25: Clothing; footwear. The registration ..."
_RUNNING_GOODS = re.compile(
    r"(?i)" + _CLASS_WORDS + r"\s*" + _CLASS_LIST + r"\s*[:：]\s*(.{3,1500}?)"
    r"(?=\.\s+[^\W\d_]|\.(?-i:[A-Z])|\.?\s*$)"
    r"|第\s*(\d{1,2}(?:\s*[、,，]\s*\d{1,2})*)\s*[类類]\s*[:：]\s*([^。]{1,1500})"  # 第25类：服装；鞋。
)
_RUNNING_MARK = re.compile(
    r"(?i)\b(?:trade\s*mark|mark|marke|marque|marca|marchio)\s+[\"“'‘«„]([^\"”'’»“]{1,60})[\"”'’»“]"
    r"|\b(?:trade\s*mark|marke|marque|marca|marchio)\s+(?-i:([A-Z0-9][A-Z0-9&'\-. ]{0,40}[A-Z0-9]))"
    r"(?=\s*,|\s+(?:has|was|is|under|registered|unter|wurde|ist|am|a|ha|è|foi|fue|filed|de)\b)"
)
_DATE_KINDS = (
    (
        "expiry_date",
        re.compile(
            r"(?i)until|expir|\bends\b|endet|\bbis\b|jusqu|hasta|\bfino|até|至|renewal|ablauf|vencim|scadenz|"
            r"vigên|vigen|valid|válid"
        ),
    ),
    (
        "filing_date",
        re.compile(
            r"(?i)filed|filing|application|anmelde|dépôt|depot|depósito|deposito|presentaci|solicitud|pedido|"
            r"apresenta|demande|domanda|申请"
        ),
    ),
    (
        "registration_date",
        re.compile(r"(?i)regist|eintrag|eingetragen|enregistr|concesi|concess|otorg|注册|granted"),
    ),
)


def _joined(lines: Sequence[TextLine]) -> tuple[str, list[int]]:
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        text = nfkc(line.text) if len(nfkc(line.text)) == len(line.text) else line.text
        parts.append(text)
        pos += len(text) + 1
    return " ".join(parts), starts


def _locate(starts: list[int], lines: Sequence[TextLine], pos: int) -> tuple[TextLine, int]:
    import bisect

    k = max(0, bisect.bisect_right(starts, pos) - 1)
    return lines[k], pos - starts[k]


def _span_field(
    lines: Sequence[TextLine], starts: list[int], s: int, e: int, value: object, raw: str = ""
) -> Field:
    line, ls = _locate(starts, lines, s)
    le = min(len(line.text), ls + (e - s))
    return field_from(line, value, ls, le, raw=raw, confidence=0.85)


def _running_number(lines: Sequence[TextLine], starts: list[int], s: int, raw: str) -> Field | None:
    """A number read from prose; one wrapped onto the next line ("No. 40 2023" / "43949 Y") boxed on both."""
    line, ls = _locate(starts, lines, s)
    if ls + len(raw) <= len(line.text):
        return number_field(line, raw, ls, "", confidence=0.85)
    k = lines.index(line)
    if k + 1 >= len(lines) or lines[k + 1].page != line.page:
        return None
    first = number_field(line, raw, ls, "", confidence=0.85)  # the value of all of it, boxed on line one
    if first is None:
        return None
    rest = raw[len(line.text) - ls :].lstrip()
    nxt = lines[k + 1]
    a, b = first.box or line.box, _sub_box(nxt, 0, min(len(nxt.text), len(rest)))
    box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
    return Field(
        value=first.value,
        page=line.page,
        box=box,
        source_text=line.text + "\n" + nxt.text,
        confidence=first.confidence,
        raw=raw.strip(),
    )


def _fill_running(out: CertificateFields, lines: Sequence[TextLine]) -> None:
    text, starts = _joined(lines)
    if out.registration_number is None:
        m = _RUNNING_NUMBER.search(text)
        if m:
            g = next(i for i in range(1, m.lastindex + 1 if m.lastindex else 1) if m.group(i))
            out.registration_number = _running_number(lines, starts, m.start(g), m.group(g))
    if out.registration_number is None:
        for m in _RUNNING_NUMBER_WORD.finditer(text):  # "con el número 2142992", "sob o n.º 668513"
            before = text[max(0, m.start() - 25) : m.start()]
            if _APPLICATION_WORDS.search(before) or _OTHER_NUMBER_WORDS.search(before):
                continue  # "application No. 123", "Invoice no. 12345"
            out.registration_number = _running_number(lines, starts, m.start(1), m.group(1))
            if out.registration_number is not None:
                break
    if out.owner is None:
        m = _RUNNING_OWNER.search(text)
        if m and owner_name(m.group(1)):
            name = owner_name(m.group(1))
            out.owner = _span_field(lines, starts, m.start(1), m.start(1) + len(name), name)
    if out.classes is None:
        m = _RUNNING_CLASSES.search(text)
        if m and parse_classes(m.group(1)):
            out.classes = _span_field(lines, starts, m.start(1), m.end(1), parse_classes(m.group(1)))
    if out.goods is None:
        m = _RUNNING_GOODS.search(text)
        g = 1 if m and m.group(1) else 3
        if m and parse_classes(m.group(g)):
            classes = parse_classes(m.group(g))
            line, ls = _locate(starts, lines, m.start(g + 1))
            goods = parse_goods_blocks([(m.group(g + 1), line)])
            if not goods and len(classes) == 1:
                goods = {classes[0]: (m.group(g + 1).strip(), line)}
            if goods and set(goods) <= set(classes):
                out.goods = _span_field(
                    lines, starts, m.start(g + 1), m.end(g + 1), {c: t for c, (t, _) in sorted(goods.items())}
                )
    if out.mark is None:
        m = _RUNNING_MARK.search(text)
        if m:
            g = 1 if m.group(1) else 2
            out.mark = _span_field(lines, starts, m.start(g), m.end(g), m.group(g).strip())
    missing = [name for name, _ in _DATE_KINDS if getattr(out, name) is None]
    if not missing:
        return
    for d, (s, e) in find_dates(text, "dmy"):
        before = text[max(0, s - 45) : s]
        best: tuple[int, str] | None = None
        for name, pattern in _DATE_KINDS:
            hits = list(pattern.finditer(before))
            if hits and (best is None or hits[-1].end() > best[0]):
                best = (hits[-1].end(), name)
        if best is None:  # "die Marke X am 14. März 2021 unter der Nummer ... eingetragen": the word follows
            after = text[e : e + 90]
            for name, pattern in _DATE_KINDS:
                hit = pattern.search(after)
                if hit and (best is None or hit.start() < best[0]):
                    best = (hit.start(), name)
        if best and best[1] in missing and getattr(out, best[1]) is None:
            setattr(out, best[1], _span_field(lines, starts, s, e, d, raw=text[s:e]))


# ---------------------------------------------------------------------------------------------------------
# The reader
# ---------------------------------------------------------------------------------------------------------


def _inid_count(lines: Sequence[TextLine]) -> int:
    codes = set()
    for line in lines:
        for m in _INID_RE.finditer(line.text):
            code = _inid_code(next(g for g in m.groups() if g))
            if code in KNOWN_INID:
                codes.add(code)
    return len(codes)


_APPLICATION_TITLE = re.compile(
    r"(?i)\b(?:application|filing\s+receipt|anmeldung|demande|solicitud|domanda|pedido)\b|申请|受理"
)
_REGISTRATION_TITLE = re.compile(
    r"(?i)certificate\s+of\s+registration|registration\s+certificate|certificate\s+of\s+(?:the\s+)?"
    r"registration|eintragung|enregistrement|registro|registrazione|registo|注册证|注册商标证明|"
    r"has\s+been\s+registered|registered\s+under"
)


def extract(lines: Sequence[TextLine]) -> CertificateFields:
    """Every labelled field an unknown office's certificate prints (office left unset)."""
    lines = list(lines)
    out = CertificateFields()
    if _inid_count(lines) >= 3:
        extract_inid(lines, out, "")
    reader = _Reader(lines)
    found = reader.labelled()
    goods_block: list[tuple[str, TextLine]] = []
    for name, (_i, value) in found.items():
        if name in ("registration_number", "application_number"):
            if name == "registration_number" and out.registration_number is None:
                out.registration_number = _number(value)
        elif name == "mark" and out.mark is None:
            text, s, e = _text_value(value)
            if text and not _NOT_A_MARK_VALUE.match(text) and len(text) <= 80:
                out.mark = field_from(value.line, text, s, e, confidence=0.95)
        elif name == "owner" and out.owner is None:
            text, s, _e = _text_value(value)
            name_text = owner_name(text)
            if name_text and plausible_owner(name_text):
                out.owner = field_from(value.line, name_text, s, s + len(name_text), confidence=0.95)
        elif name == "classes" and out.classes is None:
            text, s, e = _text_value(value)
            classes = parse_classes(" ".join(re.findall(r"\d{1,2}", text))) if re.search(r"\d", text) else []
            if classes:
                out.classes = field_from(value.line, classes, s, e, confidence=0.95)
        elif name == "goods":
            text, _s, _e = _text_value(value)
            goods_block = reader.goods_block(value)
        elif name in ("registration_date", "filing_date", "expiry_date") and getattr(out, name) is None:
            setattr(out, name, _date_value(value, name))
    app = found.get("application_number")
    if out.registration_number is None and app is not None:
        out.registration_number = _number(app[1])
        if out.registration_number is not None and out.registration_date is None:
            out.status = status_field(out.registration_number, "application", 0.8)
    if goods_block and out.goods is None:
        goods = parse_goods_blocks(goods_block)
        if not goods and out.classes is not None and len(out.classes.value) == 1:
            text = " ".join(t for t, _ in goods_block).strip()
            if text:
                goods = {out.classes.value[0]: (text, goods_block[0][1])}
        if goods:
            first = goods[min(goods)][1]
            out.goods = field_from(first, {c: g for c, (g, _) in sorted(goods.items())}, confidence=0.95)
    if out.goods is None:
        _class_rows(out, lines)
    _fill_running(out, lines)
    classes_with_goods(out)
    _status(out, lines)
    return out


def _class_rows(out: CertificateFields, lines: Sequence[TextLine]) -> None:
    """Goods printed class by class with no goods label ("Class 9: Computer software" lines)."""
    block: list[tuple[str, TextLine]] = []
    head: TextLine | None = None
    prev: TextLine | None = None
    for line in lines:
        text = nfkc(line.text)
        is_head = bool(
            _GOODS_CLASS_LINE.match(text)
            and re.search(r"[^\W\d_]{3}", text[4:])
            and re.match(r"(?i)^\s*" + CLASS_WORD, text)
        )
        if is_head:
            head = line
        elif head is not None and prev is not None:
            h = _h(prev)
            near = line.page == prev.page and 0 <= line.box[1] - prev.box[3] <= 1.5 * h
            if not near or abs(line.box[0] - head.box[0]) > 2 * h or match_label(text) is not None:
                head = None
        if head is not None:
            block.append((text, line))
            prev = line
    goods = parse_goods_blocks(block)
    if goods:
        first = goods[min(goods)][1]
        out.goods = field_from(first, {c: g for c, (g, _) in sorted(goods.items())}, confidence=0.9)


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _application_labels() -> re.Pattern[str]:
    """Every filing-date and application-number label of the lexicon, spaces and apostrophes optional."""
    parts = []
    for label in sorted({*LABELS["filing_date"], *LABELS["application_number"]}, key=len, reverse=True):
        words = [re.escape(w) for w in re.split(r"[\s'’]+", _plain(label)) if w]
        parts.append(r"[\s'’.]*".join(words))
    return re.compile("|".join(parts))


def _without_application_labels(text: str) -> str:
    return _application_labels().sub(" ", _plain(text))


def _status(out: CertificateFields, lines: Sequence[TextLine]) -> None:
    printed = printed_status(lines)
    if printed is not None:
        out.status = printed
        return
    if out.status is not None or out.registration_number is None:
        return
    # "Data do pedido", "Application No.", "申请日期" name a field of a registration, not its status
    head = _without_application_labels(" ".join(ln.text for ln in lines[:8]))
    if out.registration_date is not None or (
        _REGISTRATION_TITLE.search(" ".join(ln.text for ln in lines)) and not _APPLICATION_TITLE.search(head)
    ):
        out.status = status_field(out.registration_number, "registered", 0.95)
    elif _APPLICATION_TITLE.search(head):
        out.status = status_field(out.registration_number, "application", 0.9)


def classes_with_goods(out: CertificateFields) -> None:
    """A class the certificate lists goods under is one it is registered in."""
    if out.goods is None or not isinstance(out.goods.value, dict):
        return
    classes = list(out.classes.value) if out.classes is not None else []
    extra = [c for c in sorted(out.goods.value) if c not in classes]
    if extra:
        where = out.classes if out.classes is not None else out.goods
        out.classes = Field(
            value=classes + extra,
            page=where.page,
            box=where.box,
            source_text=where.source_text,
            confidence=where.confidence,
        )


def fill_missing(out: CertificateFields, generic: CertificateFields, names: Sequence[str]) -> None:
    """Copy into ``out`` the fields among ``names`` it lacks (or only computed) and ``generic`` read."""
    for name in names:
        mine, theirs = getattr(out, name), getattr(generic, name)
        if theirs is not None and (mine is None or (mine.computed and not theirs.computed)):
            setattr(out, name, getattr(generic, name))
