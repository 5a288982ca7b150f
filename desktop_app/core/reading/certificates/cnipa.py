"""CNIPA 商标注册证 (trademark registration certificates) and their English translations.

Layout: "商标注册证", "第12345678号", the mark (often only as an image),
"核定使用商品（第25类）：服装；鞋；帽",
"注册人：深圳市鹰翔科技有限公司", "注册地址：...", "注册有效期限：自2021年03月14日至2031年03月13日".
The term is 10 years from the registration date, ending the day before (Art. 39 Trademark Law).
Acceptance notices (受理通知书) are applications, not registrations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    computed_expiry,
    date_after_label,
    dates_in,
    field_from,
    find_label,
    largest_text_line,
    nfkc,
    number_field,
    office_field,
    owner_name,
    parse_classes,
    printed_status,
    status_field,
)
from desktop_app.core.reading.certificates.fields import CertificateFields
from desktop_app.core.reading.certificates.labels import fill_all
from desktop_app.core.reading.text import TextLine

OFFICE = "CNIPA"
KEYWORDS = {
    "商标注册证": 4,
    "国家知识产权局": 3,
    "商标局": 3,
    "核定使用商品": 3,
    "核定服务项目": 3,
    "注册人": 1,
    "注册有效期限": 3,
    "china national intellectual property administration": 4,
    "cnipa": 3,
    "trademark office of the state administration": 3,
    "people's republic of china": 1,
    "商标注册申请受理通知书": 4,
    "受理通知书": 2,
    "中华人民共和国": 1,
    "trademark registration certificate": 1,
}
_OFFICE_LINE = re.compile(
    r"国家知识产权局|商标局|china\s*national\s*intellectual\s*property|\bCNIPA\b|商标注册证", re.IGNORECASE
)
_NUMBER = re.compile(r"第\s*([0-9OoIl|\s]{5,14}?)\s*[号號]")
_NUMBER_LABEL = re.compile(
    r"(?:注册号|注册证号|商标号|申请号|(?i:registration\s*(?:no|number)\.?|"
    r"certificate\s*no\.?))\s*[:：]?\s*([0-9OoIl|][0-9OoIl|\s]{4,13})"
)
_VALIDITY = re.compile(
    r"(?:注册)?有效期(?:限)?|专用权(?:有效)?期限|(?i:period\s+of\s+validity|valid(?:ity)?\s+(?:period|term))"
)
_OWNER = re.compile(
    r"(?:注册人(?:名义|名称)?|商标注册人|申请人(?:名称)?|(?i:registrant|applicant))(?!地址|\s*(?i:address))"
    r"\s*(?:\(中文\))?\s*[:：]?\s*"
)
_GOODS = re.compile(
    r"(?:核定使用商品|核定服务项目|核定使用商品/服务项目|(?i:designated\s+goods|goods/services))"
)
_GOODS_STOP = re.compile(
    r"^\s*(?:注册人|注册地址|地址|注册有效期|有效期|局长|申请人|(?i:registrant|period|address))"
)


def detect(folded_keywords: dict[str, bool]) -> float:
    return sum(w for k, w in KEYWORDS.items() if folded_keywords.get(k))


def _validity(lines: Sequence[TextLine], out: CertificateFields) -> None:
    """ "注册有效期限 自2021年03月14日至2031年03月13日", possibly split over lines by OCR."""
    for i, line in enumerate(lines):
        m = _VALIDITY.search(nfkc(line.text))
        if not m:
            continue
        if re.match(r"\s*(?:至|截止|届满)", nfkc(line.text)[m.end() :]):
            continue  # "有效期至 2031年03月13日": an end date alone, read as the expiry by its label
        found = []
        for ln in lines[i : i + 3]:
            found.extend((ln, d, s, e) for d, s, e in dates_in(ln, "dmy"))
            if len(found) >= 2:
                break
        if found:
            ln, d, s, e = found[0]
            out.registration_date = field_from(ln, d, s, e, raw=ln.text[s:e])
        if len(found) >= 2:
            ln, d, s, e = found[1]
            out.expiry_date = field_from(ln, d, s, e, raw=ln.text[s:e])
        return


def _goods(lines: Sequence[TextLine], out: CertificateFields) -> None:
    for i, line in enumerate(lines):
        text = nfkc(line.text)
        m = _GOODS.search(text)
        if not m:
            continue
        rest = text[m.end() :]
        classes = parse_classes(" ".join(re.findall(r"第\s*(\d{1,2})\s*[类類]", rest)))
        if not classes:
            cm = re.search(r"(?i)class(?:es)?\s*(\d{1,2})", rest)
            classes = [int(cm.group(1))] if cm else []
        goods_text = re.sub(
            r"^[\s(（]*(?:第\s*\d{1,2}\s*[类類]|(?i:class(?:es)?\s*\d{1,2}))[\s)）]*[:：]?", "", rest
        )
        parts = [goods_text.strip(" :：")]
        for nxt in lines[i + 1 : i + 12]:
            t = nfkc(nxt.text).strip()
            if _GOODS_STOP.match(t):
                break
            parts.append(t)
        if classes:
            out.classes = field_from(line, classes)
            text_all = (
                "".join(p for p in parts if p)
                if not re.search(r"[a-zA-Z]", "".join(parts))
                else " ".join(p for p in parts if p)
            )
            if text_all:
                out.goods = field_from(line, {classes[0]: text_all})
        return


def extract(lines: Sequence[TextLine]) -> CertificateFields:
    out = CertificateFields(office=office_field(OFFICE, lines, _OFFICE_LINE))
    for line in lines:
        text = nfkc(line.text)
        m = _NUMBER.search(text) or _NUMBER_LABEL.search(text)
        if m:
            out.registration_number = number_field(line, m.group(1), m.start(1), OFFICE)
            if out.registration_number:
                break
    owner = find_label(lines, _OWNER, skip=re.compile(r"^(?:地址|(?i:address))"))
    if owner and owner_name(owner.text):
        out.owner = field_from(owner.line, owner_name(owner.text), owner.start)
    _validity(lines, out)
    if out.registration_date is None:
        for label in (r"注册日期|核准注册日期|(?i:registration\s+date|date\s+of\s+registration)",):
            found = find_label(lines, re.compile(label))
            if found:
                ds = dates_in(found.line, "dmy")
                if ds:
                    d, s, e = ds[-1] if found.line is not found.label_line else ds[0]
                    out.registration_date = field_from(found.line, d, s, e, raw=found.line.text[s:e])
    _goods(lines, out)
    if out.filing_date is None:
        out.filing_date = date_after_label(
            lines, r"申请日期|申请日|(?i:filing\s*date|application\s*date)", "dmy", 1
        )
    if out.classes is None:
        found = find_label(lines, re.compile(r"类别|类别号|(?i:class(?:es)?)\s*[:：]"), same_line_only=True)
        if found and parse_classes(" ".join(re.findall(r"\d{1,2}", found.text))):
            out.classes = field_from(
                found.line, parse_classes(" ".join(re.findall(r"\d{1,2}", found.text))), found.start
            )
    mark = find_label(
        lines, re.compile(r"^\s*(?:商标(?:名称)?|(?i:trade\s?mark|mark))\s*[:：]"), same_line_only=True
    )
    if mark:
        out.mark = field_from(mark.line, mark.text, mark.start, confidence=0.95)
    fill_all(out, lines, OFFICE)
    if out.mark is None:
        number_line = None
        if out.registration_number:
            number_line = next((ln for ln in lines if ln.text == out.registration_number.source_text), None)
        candidates = [
            ln
            for ln in lines
            if ln is not number_line
            and not re.search(r"注册|核定|有效期|局长|地址|号$|类|商标|证|国家|中华|[:：]", ln.text)
        ]
        big = largest_text_line(candidates, reference=lines)
        if big is not None:
            out.mark = field_from(big, big.text.strip(), confidence=0.7)
    if out.expiry_date is None:
        out.expiry_date = computed_expiry(out.registration_date, 10, day_before=True)
    if out.registration_number:
        application = any(
            re.search(r"受理通知书|申请受理|(?i:notice\s+of\s+acceptance)", ln.text) for ln in lines
        )
        out.status = status_field(out.registration_number, "application" if application else "registered")
    printed = printed_status(lines)
    if printed is not None:
        out.status = printed
    return out
