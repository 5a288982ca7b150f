"""USPTO registration certificates (Principal/Supplemental Register) and TSDR-style records.

Layout: "Reg. No. 6,123,456 / Registered Aug. 24, 2021 / Int. Cl.: 25 / Trademark / Principal Register",
the mark printed large, the owner as "Name (DELAWARE CORPORATION)" followed by the address, goods as
"CLASS 25: Clothing, namely..." (older: "FOR: ..., IN CLASS 25 (U.S. CLS. 22 AND 39)"), and
"SER. NO. 90-123,456, FILED 01-15-2021". Numeric dates are month first. The term is 10 years from the
registration date (renewal under Section 9).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    computed_expiry,
    date_after_label,
    field_from,
    find_label,
    largest_text_line,
    nfkc,
    number_field,
    office_field,
    owner_name,
    parse_classes,
    printed_status,
    same_column,
    status_field,
)
from desktop_app.core.reading.certificates.fields import CertificateFields
from desktop_app.core.reading.matching import _sub_box
from desktop_app.core.reading.text import TextLine

OFFICE = "USPTO"
KEYWORDS = {
    "united states patent and trademark office": 3,
    "principal register": 2,
    "supplemental register": 2,
    "uspto": 2,
    "int. cl.": 1,
    "reg. no.": 1,
    "first use": 1,
    "in commerce": 1,
    "ser. no.": 1,
    "prior u.s. cls": 2,
    "trademark electronic search": 2,
    "tsdr": 2,
}
_OFFICE_LINE = re.compile(r"(?i)united\s*states\s*patent\s*and\s*trade\s*mark\s*office|\buspto\b")
_REG_NO = re.compile(
    r"(?i)\b(?:u\.?\s?s\.?\s+)?reg(?:istration)?\s*\.?\s*(?:n[o0°º]|number|#)\s*[.,:：]?\s*"
    r"([0-9OlI|][0-9OlI|,.\s]{4,12}[0-9OlI|])"
)
# "Reg. No." printed alone, its number on the next line (a two-line left column)
# (the right column may share either line when a reader merged a row: "Reg. No.   KESTRELINE INC. (...)")
_REG_NO_ALONE = re.compile(
    r"(?i)^\s*(?:u\.?\s?s\.?\s+)?reg(?:istration)?\s*\.?\s*(?:n[o0°º]|number|#)\s*[.,:：]?\s*(?:$|(?=[^\W\d_]{2}))"
)
_REG_NO_NEXT = re.compile(r"^\s*([0-9OlI|][0-9OlI|,.]{4,12}[0-9OlI|])(?=\s|$)")
_SER_LABEL = re.compile(r"(?i)\bser(?:ial)?\s*\.?\s*(?:n[o0°º]|number)\s*[.,:：]?\s*")
_SER_VALUE = re.compile(r"^(\d\d\s*[-/]?\s*[\d,]{6,9})")
_INT_CL = re.compile(
    r"(?i)\bint(?:ernational)?\s*\.?\s*cl(?:s|ass(?:es|\(es\))?)?\s*\.?\s*[:：]?\s*([\d,;\s andAND&]+)"
)
_CLASS_LINE = re.compile(r"(?i)^\s*class\s*(\d{1,3})\s*[:：.]\s*(.*)$")
_INTL_CLASS = re.compile(r"(?i)^\s*international\s*class(?:es|\(es\))?\s*[:：]?\s*(\d{1,3})\b")
# TESS: "Goods and Services IC 025. US 022 039. G & S: Clothing, namely, jackets. FIRST USE: 20190314."
_TESS_GOODS = re.compile(
    r"(?i)\bIC\s*(\d{1,3})\s*\.\s*(?:US\s*[\d\s]*\.\s*)?G\s*&\s*S\s*[:：]\s*(.*?)\s*"
    r"(?:\.\s*FIRST\s*USE|;\s*IC\s*\d|$)"
)
_FOR_LINE = re.compile(r"(?i)^\s*for\s*[:：]\s*(.*)$")
_IN_CLASS = re.compile(r"(?i)\bin\s*class\s*(\d{1,2})(?!\d)")
_GOODS_END = re.compile(
    r"(?i)^\s*(first\s*use|the\s*mark|ser\.?\s*no|owner\s*of|no\s*claim|the\s*colou?r|"
    r"the\s*english|the\s*wording|the\s*foreign|reg\.?\s*no|registered|int\.?\s*cl|director|"
    r"class\s*\d|international\s*class|sec\.|section\s*\d|for\s*:|page\b|requirements|"
    r"warning|this\s*filing|status|owner|legal\s*entity|mark\s*:)"
)
_REGISTER = re.compile(r"(?i)^\s*(principal|supplemental)\s*register\s*$")
_TYPE_LINE = re.compile(
    r"(?i)^\s*(trade\s?mark|service\s?mark|collective\s+mark|certification\s+mark|"
    r"trademark\s*/\s*service\s*mark)\s*$"
)


def detect(folded_keywords: dict[str, bool]) -> float:
    return sum(w for k, w in KEYWORDS.items() if folded_keywords.get(k))


def _goods(lines: Sequence[TextLine]) -> dict[int, tuple[str, TextLine]]:
    """Goods per class: "CLASS 25: ..." blocks, old "FOR: ... IN CLASS 25", TSDR/TESS class lines."""
    out: dict[int, tuple[str, TextLine]] = {}
    current_class: int | None = None
    i = 0
    while i < len(lines):
        text = nfkc(lines[i].text)
        ic = _INTL_CLASS.match(text)
        if ic:
            current_class = int(ic.group(1))
            i += 1
            continue
        m = _CLASS_LINE.match(text)
        f = _FOR_LINE.match(text) if not m else None
        if not (m or f):
            i += 1
            continue
        start_line = lines[i]
        parts = [(m.group(2) if m else f.group(1)).strip()]  # type: ignore[union-attr]
        j = i + 1
        while j < len(lines) and not _GOODS_END.match(nfkc(lines[j].text)) and len(parts) < 25:
            if same_column(start_line, lines[j]):
                parts.append(nfkc(lines[j].text).strip())
            j += 1
        text_all = " ".join(p for p in parts if p)
        if m:
            out.setdefault(int(m.group(1)), (text_all.strip(), start_line))
        else:
            cm = _IN_CLASS.search(text_all)
            if cm:
                out.setdefault(int(cm.group(1)), (text_all[: cm.start()].strip(" ,;"), start_line))
            elif current_class is not None:
                out.setdefault(current_class, (text_all.strip(" ,;"), start_line))
        i = j
    for line in lines:
        for m in _TESS_GOODS.finditer(nfkc(line.text)):
            out.setdefault(int(m.group(1)), (m.group(2).strip(" .;"), line))
    return {c: v for c, v in out.items() if 1 <= c <= 45}


def _owner(lines: Sequence[TextLine]) -> tuple[str, TextLine] | None:
    for line in lines:  # "KESTRELINE APPAREL INC. (DELAWARE CORPORATION)"
        t = nfkc(line.text)
        entity = re.search(
            r"(?i)\((?:[A-Z .,]+\s?)?(?:CORPORATION|LIMITED\s*LIABILITY\s*COMPANY|COMPANY|PARTNERSHIP|"
            r"INDIVIDUAL|LIMITED COMPANY|JOINT\s*STOCK\s*COMPANY|GMBH|AG|CORP\.?)\)",
            t,
        )
        if entity:
            # the name ends where the entity note starts, even glued on by OCR ("INC.(DELAWARECORPORATION)")
            name = owner_name(t[: entity.start()]) if entity.start() > 2 else owner_name(t)
            if name:
                return name, line
    found = find_label(
        lines,
        re.compile(
            r"(?i)^\s*(?:owner|registrant)\s*(?:name)?\s*(?:\((?:registrant|applicant)\))?"
            r"\s*[:：]?(?=\s*\S)"
        ),
        skip=re.compile(r"(?i)^address"),
    )
    if found and owner_name(found.text):
        return owner_name(found.text), found.line
    for i, line in enumerate(lines):
        if _REGISTER.match(nfkc(line.text)):
            for nxt in lines[i + 1 : i + 4]:
                t = nfkc(nxt.text).strip()
                if (
                    t
                    and not _TYPE_LINE.match(t)
                    and not _REG_NO.search(t)
                    and not _GOODS_END.match(t)
                    and not _CLASS_LINE.match(t)
                ):
                    return owner_name(t), nxt
    return None


_LEFT_ITEM = re.compile(
    r"(?i)^\s*(?:(?:u\.?\s?s\.?\s*)?reg\.?\s*n[o0]\.?\s*[:：]?\s*[0-9OlI|][0-9OlI|,.]{5,10}[0-9OlI|]|"
    r"registered\s*[A-Za-z]{3,9}\.?\s*\d{1,2}\s*,\s*\d{4}|"
    r"int\.?\s*cls?\.?\s*[:：]?\s*\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*|prior\s*u\.?\s*s\.?\s*cls\.?\s*[:：]?\s*"
    r"\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*|trademark\s*/\s*service\s*mark|trademark|service\s*mark|"
    r"collective\s*mark|certification\s*mark|principal\s*register|supplemental\s*register)(?=\s+\S)"
)


def split_columns(lines: Sequence[TextLine]) -> list[TextLine]:
    """Split lines where a reader merged the left column ("Reg. No. 6,123,456") with the right column
    (the owner, goods...) printed on the same baseline."""
    out: list[TextLine] = []
    for line in lines:
        m = _LEFT_ITEM.match(nfkc(line.text)) if len(nfkc(line.text)) == len(line.text) else None
        if not m:
            out.append(line)
            continue
        cut = m.end()
        rest = len(line.text) - len(line.text[cut:].lstrip())
        out.append(
            TextLine(line.text[:cut].strip(), line.page, _sub_box(line, 0, cut), line.confidence, line.source)
        )
        out.append(
            TextLine(
                line.text[rest:],
                line.page,
                _sub_box(line, rest, len(line.text)),
                line.confidence,
                line.source,
            )
        )
    return out


def extract(lines: Sequence[TextLine]) -> CertificateFields:
    lines = split_columns(lines)
    out = CertificateFields(office=office_field(OFFICE, lines, _OFFICE_LINE))
    for line in lines:
        m = _REG_NO.search(nfkc(line.text))
        if m:
            out.registration_number = number_field(line, m.group(1), m.start(1), OFFICE)
            if out.registration_number:
                break
    if out.registration_number is None:
        for i, line in enumerate(lines[:-1]):
            if _REG_NO_ALONE.match(nfkc(line.text)):
                nxt = lines[i + 1]
                m = _REG_NO_NEXT.match(nfkc(nxt.text))
                if m:
                    out.registration_number = number_field(nxt, m.group(1), m.start(1), OFFICE)
                    if out.registration_number:
                        break
    serial = None
    found = find_label(lines, _SER_LABEL)
    if found:
        m = _SER_VALUE.match(found.text)
        if m:
            serial = number_field(found.line, m.group(1), found.start, OFFICE)
    out.registration_date = date_after_label(
        lines, r"(?i)\bregistered(?-i:(?![a-z]))(?!\s*(?:in|as|with|trade))", "mdy"
    ) or date_after_label(lines, r"(?i)\b(?:registration|reg\.?)\s*date", "mdy")
    out.filing_date = date_after_label(
        lines, r"(?i)\bfiled(?-i:(?![a-z]))|\bfiling\s*date|application\s*filing", "mdy"
    )
    explicit = date_after_label(lines, r"(?i)\bexpir(?:es|ation|y)\b|\brenewal\s+due", "mdy", lookahead=1)
    out.expiry_date = explicit or computed_expiry(out.registration_date, 10)

    classes: list[int] = []
    class_line = None
    for line in lines:
        m = _INT_CL.search(nfkc(line.text).split("Prior")[0].split("PRIOR")[0])
        if m:
            classes = parse_classes(m.group(1))
            class_line = line
            if classes:
                break
    goods = _goods(lines)
    for c in goods:
        if c not in classes:
            classes.append(c)
    if classes:
        out.classes = field_from(class_line or goods[classes[0]][1], classes)
    if goods:
        first = goods[min(goods)][1]
        out.goods = field_from(first, {c: g for c, (g, _) in sorted(goods.items())})

    owner = _owner(lines)
    if owner and owner[0]:
        out.owner = field_from(owner[1], owner[0], confidence=0.9)

    labelled = find_label(
        lines,
        re.compile(
            r"(?i)^\s*(?:(?:word\s*)?mark\s*[:：]|word\s*mark\b|mark\s*literal\(?s?\)?"
            r"\s*[:：]?|literal\s*elements?\s*[:：]?)"
        ),
    )
    if labelled:
        out.mark = field_from(labelled.line, labelled.text, labelled.start)
    else:
        first_page = [ln for ln in lines if ln.page == lines[0].page] if lines else []
        owner_line = owner[1] if owner else None
        candidates = [
            ln
            for ln in first_page
            if ln is not owner_line and not _REGISTER.match(ln.text) and not _TYPE_LINE.match(ln.text)
        ]
        big = largest_text_line(candidates, reference=first_page)
        if big is not None:
            out.mark = field_from(big, big.text.strip(), confidence=0.8)
    if out.registration_number:
        out.status = status_field(out.registration_number, "registered")
    elif serial:
        out.registration_number = serial
        out.status = status_field(serial, "application")
    printed = printed_status(lines)
    if printed is not None:
        out.status = printed
    return out
