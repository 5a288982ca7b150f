"""Reading certificates laid out with WIPO ST.60 INID codes: (111) number, (151) registration date,
(180) expiry, (210) application number, (220) filing date, (511) classes and goods, (540)/(541) mark,
(730)/(731)/(732) owner, (831)/(832) Madrid designations. EUIPO and WIPO certificates use them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.reading.certificates.common import (
    InidSection,
    field_from,
    inid_sections,
    inid_value,
    nfkc,
    number_at,
    number_field,
    owner_name,
    parse_goods_blocks,
    status_field,
)
from desktop_app.core.reading.certificates.fields import CertificateFields
from desktop_app.core.reading.normalize import find_dates
from desktop_app.core.reading.text import TextLine

_LEGAL_ONLY = re.compile(
    r"(?i)^\s*(?:inc|incorporated|corp|corporation|co\.?,?\s*ltd|ltd|limited|llc|gmbh|"
    r"s\.?a\.?|plc|ag|b\.?v\.?|有限公司|股份有限公司)\.?\s*[,;]?"
)


def _date(sections: dict[str, list[InidSection]], code: str, order_hint: str) -> object:
    for section in sections.get(code, []):
        for line, s, e in section.parts[:3]:
            found = find_dates(line.text[s:e], order_hint)
            if found:
                d, (ds, de) = found[0]
                return field_from(line, d, s + ds, s + de, raw=line.text[s + ds : s + de])
    return None


def _owner(sections: dict[str, list[InidSection]]) -> object:
    for code in ("732", "730", "731"):
        for section in sections.get(code, []):
            texts = [(line, line.text[s:e].strip(" :：\t")) for line, s, e in section.parts]
            texts = [(line, t) for line, t in texts if t]
            if not texts:
                continue
            line, first = texts[0]
            if len(texts) > 1 and _LEGAL_ONLY.match(texts[1][1]) and not re.search(r"\d", first):
                first = first + " " + texts[1][1]
            name = owner_name(first)
            if name:
                start = line.text.find(first[:10]) if first[:10] in line.text else 0
                return field_from(line, name, max(0, start), max(0, start) + len(name))
    return None


def extract_inid(
    lines: Sequence[TextLine], out: CertificateFields, office: str, order_hint: str = "dmy"
) -> dict[str, list[InidSection]]:
    """Fill ``out`` from INID-coded text; returns the sections for office-specific extras."""
    sections = inid_sections(lines)
    reg = inid_value(sections, "111")
    if reg:
        text, line, s, _ = reg
        found = number_at(text)
        if found:
            out.registration_number = number_field(line, found[0], s + found[1], office)
    app = inid_value(sections, "210")
    out.registration_date = _date(sections, "151", order_hint)  # type: ignore[assignment]
    out.filing_date = _date(sections, "220", order_hint)  # type: ignore[assignment]
    out.expiry_date = _date(sections, "180", order_hint)  # type: ignore[assignment]
    if out.registration_number is None and app:
        text, line, s, _ = app
        found = number_at(text)
        if found:
            out.registration_number = number_field(line, found[0], s + found[1], office)
            if out.registration_number and out.registration_date is None:
                out.status = status_field(out.registration_number, "application", 0.8)
    mark = inid_value(sections, "541", "540", "561")
    if mark:
        text, line, s, e = mark
        text = text.strip("\"'“”")
        if text and not re.match(r"(?i)^\(?\s*(?:figurative|fig\.|device|image)", text):
            out.mark = field_from(line, text, s, e)
    out.owner = _owner(sections)  # type: ignore[assignment]
    block: list[tuple[str, TextLine]] = []
    for section in sections.get("511", []):
        block.extend((line.text[s:e], line) for line, s, e in section.parts)
    goods = parse_goods_blocks(block)
    if goods:
        first = goods[min(goods)][1]
        out.goods = field_from(first, {c: g for c, (g, _) in sorted(goods.items())})
        out.classes = field_from(first, sorted(goods))
    designations: list[str] = []
    where = None
    for code in ("832", "831", "834"):
        for section in sections.get(code, []):
            for line, s, e in section.parts:
                for m in re.finditer(r"\b([A-Z]{2})\b", nfkc(line.text[s:e])):
                    if m.group(1) not in designations:
                        designations.append(m.group(1))
                        where = where or line
    if designations and where is not None:
        out.designations = field_from(where, designations)
    return sections
