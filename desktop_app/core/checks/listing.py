"""listing.*: does the evidence show the listing complained about?

"A screenshot shows a different listing" is a blocker, so it needs a *confidently read* different id:
an address-bar URL (or an id printed beside its label, "ASIN", "Item number", 商品ID) that parses to
another listing, on a well-read line, and not explainable as an OCR misreading (lookalike digits, one
digit off on a mediocre line, a truncated address). Anything less is "the id was not shown" (a warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref, where
from desktop_app.core.checks.findings import CheckReport, Finding, Located
from desktop_app.core.model import Listing
from desktop_app.core.reading.matching import find_listing_id
from desktop_app.core.reading.text import TextLine

# Line confidence needed to believe a different id: two or more characters differ / only one differs.
CONFIDENT = 0.85
CONFIDENT_ONE_OFF = 0.95

# Ids printed on the page beside a label, per marketplace group. Group 1 is the id.
_LABELLED: dict[str, list[re.Pattern[str]]] = {
    "amazon": [re.compile(r"\bASIN\s*[:：]?\s*([A-Z0-9]{10})\b")],
    "ebay": [
        re.compile(
            r"(?i)\b(?:item\s*(?:number|no\.?|#)|eBay\s*item\s*number|Artikelnummer)\s*[:：]?\s*"
            r"(\d{9,15})\b"
        )
    ],
    "alibaba": [
        re.compile(
            r"(?:商品ID|宝贝ID|商品编号|商品id|宝贝id|(?i:item\s*id|product\s*id|offer\s*id))\s*[:：]?\s*"
            r"(\d{6,16})(?!\d)"
        )
    ],
    "walmart": [re.compile(r"(?i)\bwalmart\s*#\s*[:：]?\s*(\d{5,})\b")],
    "etsy": [re.compile(r"(?i)\blisting\s*(?:id|#)\s*[:：]?\s*(\d{5,})\b")],
    "temu": [re.compile(r"(?i)\bgoods\s*id\s*[:：]?\s*(\d{6,})\b")],
    "mercadolibre": [re.compile(r"(?i)\bpublicaci[oó]n\s*#?\s*[:：]?\s*(M[A-Z]{2}[-_]?\d{6,})\b")],
    "shopee": [re.compile(r"(?i)\bproduct\s*id\s*[:：]?\s*(\d{5,})\b")],
    "lazada": [re.compile(r"(?i)\bitem\s*id\s*[:：]?\s*(\d{5,})\b")],
}


@dataclass(frozen=True)
class OtherId:
    """A different listing id read confidently from a screenshot line."""

    listing_id: str
    marketplace: str
    line: TextLine
    shown_as: str  # the URL or the labelled text


def _urls_module() -> Any | None:
    try:
        from desktop_app.core.reading import listing_urls
    except ImportError:
        return None
    return listing_urls


def _group(marketplace: str) -> str:
    from desktop_app.core.checks.completeness import marketplace_profile

    profile = marketplace_profile(marketplace)
    return getattr(profile, "group", marketplace) if profile is not None else marketplace


def _canon(listing_id: str) -> str:
    return re.sub(r"[\s\-_]", "", listing_id).upper()


def same_id(read: str, expected: str, marketplace: str | None) -> bool:
    """True when ``read`` is ``expected`` up to separators and OCR lookalike characters."""
    if _canon(read) == _canon(expected):
        return True
    probe = TextLine(text=read, page=1, box=(0, 0, 1, 1), confidence=1.0)
    return bool(find_listing_id(expected, [probe], marketplace=marketplace or None))


def _believable(read: str, expected: str, line: TextLine) -> bool:
    """Whether a differing id is really another listing rather than a misreading of this one."""
    a, b = _canon(read), _canon(expected)
    if not a or not b or a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return False  # a truncated or run-on address
    if "." in b and a == b.rsplit(".", 1)[1]:
        return False  # Shopee: the item part of shop.item
    distance = Levenshtein.distance(a, b)
    if distance == 0:
        return False
    needed = CONFIDENT_ONE_OFF if distance == 1 else CONFIDENT
    return line.confidence >= needed


def other_ids(ff: FileFacts, expected: str, marketplace: str) -> list[OtherId]:
    """Listing ids on this screenshot, read confidently, that are not ``expected``."""
    urls = _urls_module()
    group = _group(marketplace)
    out: list[OtherId] = []
    for line in ff.lines():
        if urls is not None:
            for found in urls.find_urls(line.text):
                url = found if isinstance(found, str) else getattr(found, "url", None) or found[0]
                ref = urls.parse_listing_url(url)
                if ref.status != "ok" or not ref.listing_id:
                    continue
                if same_id(ref.listing_id, expected, marketplace):
                    continue
                if ref.marketplace != marketplace or _believable(ref.listing_id, expected, line):
                    if line.confidence >= CONFIDENT:
                        out.append(OtherId(ref.listing_id, ref.marketplace, line, url))
        for pattern in _LABELLED.get(group, []) + (
            _LABELLED.get(marketplace, []) if group != marketplace else []
        ):
            for m in pattern.finditer(line.text):
                read = m.group(1)
                if same_id(read, expected, marketplace) or not _believable(read, expected, line):
                    continue
                out.append(OtherId(read, marketplace, line, m.group(0)))
    return out


def _expected(li: Listing) -> tuple[str, str, Any | None]:
    """(marketplace, listing id, parsed URL) for a listing; the URL decides when it carries an id."""
    urls = _urls_module()
    ref = urls.parse_listing_url(li.url) if (urls is not None and li.url.strip()) else None
    marketplace = li.marketplace or (ref.marketplace if ref is not None else "") or ""
    listing_id = (
        ref.listing_id if ref is not None and ref.status == "ok" and ref.listing_id else ""
    ) or li.listing_id
    return marketplace, listing_id, ref


def run(facts: CaseFacts, report: CheckReport) -> None:
    for i, li in enumerate(facts.case.listings):
        if not li.url.strip():
            continue  # case.incomplete says so
        marketplace, expected, ref = _expected(li)
        field = f"listings[{i}].url"
        if ref is not None and ref.status == "short_link":
            report.findings.append(
                Finding(
                    "listing.short_link",
                    f"Listing {i + 1}: {li.url} is a short link; marketplaces want the full listing "
                    "address. Open "
                    f"it in a browser and paste the address it leads to. {ref.message}".strip(),
                    field=field,
                )
            )
        elif ref is not None and ref.status != "ok" and not li.listing_id:
            report.findings.append(
                Finding(
                    "listing.unsupported_url",
                    f"Listing {i + 1}: {li.url} is not a listing address Evidence Desk recognises"
                    f"{' (' + ref.message.rstrip('.') + ')' if ref.message else ''}; paste the address of "
                    "the "
                    "listing page itself, which carries its id.",
                    field=field,
                )
            )
        if not expected:
            continue
        shots = [ff for ff in (facts.of(f) for f in li.screenshots) if ff is not None]
        shown = False
        mismatched = False
        for ff in shots:
            matches = find_listing_id(expected, ff.lines(), marketplace=marketplace or None)
            if matches:
                shown = True
                best = matches[0]
                report.located.append(
                    Located(
                        "listing_id",
                        expected,
                        file_ref(ff, best.line, box=best.box, text=best.matched_text),
                        score=best.score,
                    )
                )
                continue
            others = other_ids(ff, expected, marketplace)
            if others:
                mismatched = True
                o = others[0]
                what = "address bar shows" if "/" in o.shown_as else "page shows"
                other_mkt = f" on {o.marketplace}" if o.marketplace and o.marketplace != marketplace else ""
                report.findings.append(
                    Finding(
                        "listing.id_mismatch",
                        f"{where(ff, o.line.page)}: the {what} listing {o.listing_id}{other_mkt} "
                        f'("{o.shown_as}"), '
                        f"but the case complains about listing {expected} ({li.url}). Attach a screenshot "
                        "of the "
                        "complained listing, or correct the listing URL.",
                        evidence=(file_ref(ff, o.line),),
                        field=f"listings[{i}].screenshots",
                    )
                )
        if shots and not shown and not mismatched:
            names = ", ".join(ff.name for ff in shots)
            report.findings.append(
                Finding(
                    "listing.id_not_shown",
                    f"Listing {i + 1}: no screenshot ({names}) shows the listing id {expected} or its URL. "
                    "Capture the "
                    "page with the browser's address bar (or the id printed on the page) visible.",
                    evidence=tuple(file_ref(ff) for ff in shots),
                    field=f"listings[{i}].screenshots",
                )
            )
