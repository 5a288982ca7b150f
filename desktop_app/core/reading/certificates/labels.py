"""Reading certificate fields by their printed labels ("Filing date:", "Owner:", "Classes:").

Used by the UKIPO reader as its main path and by the INID readers (EUIPO, WIPO) to fill what the
codes did not give. Labels are matched leniently because OCR drops spaces and misreads punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    date_after_label,
    field_from,
    find_label,
    nfkc,
    number_at,
    number_field,
    owner_name,
    parse_classes,
    parse_goods_blocks,
)
from desktop_app.core.reading.certificates.fields import CertificateFields
from desktop_app.core.reading.text import TextLine

_NUMBER_LABEL = re.compile(
    r"(?i)\b(?:(?:international\s*)?registration|reg\.?|trade\s?mark|eutm|eu\s*trade\s*mark|application|"
    r"mark)\s*(?:n[o0°º]\b\.?|number|nr\.?|#)\s*[.:：]?\s*"
)
# OCR of scans loses spaces ("Dateof registration", "Nameoftheproprietor"): labels tolerate it
LABELS = {
    "registration_date": r"(?i)\b(?:date\s*of\s*(?:the\s*)?(?:international\s*)?registration|"
    r"registration\s*date|date\s*of\s*entry\s*(?:in|on)\s*(?:the\s*)?register|entered\s*(?:in|on)\s*the\s*register"
    r"(?:\s*on)?|registered\s*on|date\s*registered)",
    "filing_date": r"(?i)\b(?:filing\s*date|date\s*of\s*(?:fi[l1I|]ing|application)|application\s*date|"
    r"filed\s*on)",
    "expiry_date": r"(?i)\b(?:expiry\s*date|date\s*of\s*expiry|expiration\s*date|expires?\s*on|"
    r"renewal\s*date|next\s*renewal(?:\s*date)?|valid\s*until)",
}
_OWNER_LABEL = re.compile(
    r"(?i)^\s*(?:name\s*(?:and\s*address\s*)?of\s*(?:the\s*)?(?:owner|proprietor|holder)|"
    r"owner'?s?\s*(?:name)?|proprietor'?s?\s*(?:name)?|holder|registered\s*proprietor|"
    r"applicant)\s*(?:\(s\))?\s*[:：]?"
)
_MARK_LABEL = re.compile(
    r"(?i)^\s*(?:(?:word\s+mark|mark\s+text|mark|representation\s+of\s+(?:the\s+)?mark|"
    r"trade\s?mark|verbal\s+elements?)\s*[:：]\s*|(?:word\s*mark|mark\s*text|verbal\s*elements?)"
    r"\s+(?=\S))"
)
_CLASSES_LABEL = re.compile(
    r"(?i)^\s*(?:(?:nice\s*)?class(?:es|\(es\))?|nice\s*classification|international\s*class(?:es)?)\s*[:：]\s*"
)
_CLASS_LIST = re.compile(r"(?i)^[\d\s,;&]+(?:and\s*\d+)?$")
_GOODS_START = re.compile(r"(?i)^\s*(?:goods\s+(?:and|&)\s+services|list\s+of\s+goods|specification)\b")
_OTHER_LABEL = re.compile(
    r"^\s*[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+){0,3}\s*[:：]"
)  # "Registrant:", "Period of validity:"
_GOODS_STOP = re.compile(
    r"(?i)^\s*(?:owner|proprietor|holder|filing|date|registration|expiry|renewal|"
    r"representative|this\s+is\s+to\s+certify|signed|comptroller|registrar|page\b|\(\d{3}\))"
)


def fill_number(out: CertificateFields, lines: Sequence[TextLine], office: str) -> None:
    if out.registration_number:
        return
    for line in lines:
        text = nfkc(line.text)
        for m in _NUMBER_LABEL.finditer(text):
            v = number_at(text[m.end() :])
            if v:
                f = number_field(line, v[0], m.end() + v[1], office, confidence=0.95)
                if f:
                    out.registration_number = f
                    return


def fill_dates(out: CertificateFields, lines: Sequence[TextLine], order_hint: str = "dmy") -> None:
    for name, label in LABELS.items():
        if getattr(out, name) is None:
            setattr(out, name, date_after_label(lines, label, order_hint))


def fill_owner(out: CertificateFields, lines: Sequence[TextLine]) -> None:
    if out.owner:
        return
    found = find_label(lines, _OWNER_LABEL, skip=re.compile(r"(?i)^(?:address|\(s\))"))
    if found and owner_name(found.text):
        out.owner = field_from(found.line, owner_name(found.text), found.start, confidence=0.95)


def fill_mark(out: CertificateFields, lines: Sequence[TextLine]) -> None:
    if out.mark:
        return
    found = find_label(lines, _MARK_LABEL, skip=re.compile(r"(?i)^(?:n[o0]\b|number|\d)"))
    if found and not re.match(r"(?i)^(?:UK)?\d", found.text):
        out.mark = field_from(found.line, found.text.strip("\"'“”"), found.start, confidence=0.95)


def fill_classes_and_goods(out: CertificateFields, lines: Sequence[TextLine]) -> None:
    block: list[tuple[str, TextLine]] = []
    collecting = False
    for line in lines:
        text = nfkc(line.text)
        if _GOODS_START.match(text):
            collecting = True
            rest = re.sub(
                r"(?i)^\s*(?:goods\s+(?:and|&)\s+services|list\s+of\s+goods(?:\s+and\s+services)?|"
                r"specification)\s*[:：]?",
                "",
                text,
            )
            if rest.strip():
                block.append((rest, line))
            continue
        if re.match(r"(?i)^\s*class\s*\d{1,2}\s*[:：.\-]", text):
            collecting = True
        elif collecting and (_GOODS_STOP.match(text) or _OTHER_LABEL.match(text)):
            collecting = False
        if collecting:
            block.append((text, line))
    goods = parse_goods_blocks(block)
    if out.goods is None and goods:
        out.goods = field_from(
            goods[min(goods)][1], {c: g for c, (g, _) in sorted(goods.items())}, confidence=0.95
        )
    if out.classes is None:
        found = find_label(lines, _CLASSES_LABEL, skip=re.compile(r"(?![\d\s,;&and]+$)"))
        classes = parse_classes(found.text) if found else []
        for c in sorted(goods):
            if c not in classes:
                classes.append(c)
        if classes:
            line = found.line if found else goods[min(goods)][1]
            out.classes = field_from(line, classes, confidence=0.95)


def fill_all(out: CertificateFields, lines: Sequence[TextLine], office: str, order_hint: str = "dmy") -> None:
    fill_number(out, lines, office)
    fill_dates(out, lines, order_hint)
    fill_owner(out, lines)
    fill_mark(out, lines)
    fill_classes_and_goods(out, lines)
