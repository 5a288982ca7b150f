"""listing.*: does the evidence show the listing complained about?

"A screenshot shows a different listing" is a blocker, so it needs a *confidently read* different id:
an address-bar URL (or an id printed beside its label, "ASIN", "Item number", 商品ID: the labels are data,
resources/marketplaces/_id_labels.json) that parses to
another listing, on a well-read line, and not explainable as an OCR misreading (lookalike digits, one
digit off on a mediocre line, a truncated address). Anything less is "the id was not shown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref, where_msg
from desktop_app.core.checks.findings import CheckReport, Finding, Located
from desktop_app.core.messages import msg
from desktop_app.core.model import Listing
from desktop_app.core.reading.matching import _sub_box, find_listing_id
from desktop_app.core.reading.text import TextLine

ADDRESS_BAR = "address bar"
PRINT_HEADER = "print header"
PRINT_FOOTER = "print footer"
PAGE_FOOTER = "page footer"
PAGE_TEXT = "page text"

# Line confidence needed to believe a different id: two or more characters differ / only one differs.
CONFIDENT = 0.85
CONFIDENT_ONE_OFF = 0.95


@dataclass(frozen=True)
class OtherId:
    """A listing id read from a capture line (named "other" for the checks that want the different ones)."""

    listing_id: str  # canonical (the marketplace's own form), for comparing
    marketplace: str
    line: TextLine
    shown_as: str  # the address or the labelled text, exactly as read
    quote: str = ""  # the id exactly as read (recogniser / PDF text), for quoting
    span: tuple[int, int] = (0, 0)  # of ``quote`` in ``line.text``
    place: str = PAGE_TEXT  # address bar, print header, print footer, page footer or page text
    kind: str = "url"  # "url" (a whole address or a piece of one) or "label" (an id beside its label)

    @property
    def identity(self) -> bool:
        """Read where a capture says which page it is (address bar, print header or footer)."""
        return self.place != PAGE_TEXT and self.kind == "url"


def _urls_module() -> Any | None:
    try:
        from desktop_app.core.reading import listing_urls
    except ImportError:
        return None
    return listing_urls


def _label_patterns(marketplace: str) -> tuple[re.Pattern[str], ...]:
    """Ids beside their labels on this marketplace's pages (resources/marketplaces/_id_labels.json)."""
    from desktop_app.core.marketplaces import id_label_patterns

    return id_label_patterns(marketplace) if marketplace else ()


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


def place_of(ff: FileFacts, line: TextLine) -> str:
    """Where on the capture a line stands: the parts that say which page it is, or the page itself."""
    if line.source == "capture" or not 1 <= line.page <= len(ff.doc.pages):
        return PAGE_TEXT
    page = ff.doc.pages[line.page - 1]
    w, h = page.width, page.height
    if w <= 0 or h <= 0:
        return PAGE_TEXT
    if not ff.file.is_image:  # a printed page: the browser's header and footer lines
        if line.box[3] <= 0.08 * h:
            return PRINT_HEADER
        if line.box[1] >= 0.92 * h:
            return PRINT_FOOTER
        return PAGE_TEXT
    band = min(0.2 * h, 0.15 * w + 60)  # browser chrome: a fixed height, whatever the page's length
    if line.box[3] <= band:
        return ADDRESS_BAR
    if line.box[1] >= h - band:
        return ADDRESS_BAR if h > w * 1.3 else PAGE_FOOTER  # phones put the address bar at the bottom
    return PAGE_TEXT


def _quote(text: str, span: tuple[int, int], limit: int = 100) -> str:
    """The line as read, or the address-like words around ``span`` when the line is long."""
    text = text.strip() if len(text.strip()) <= limit else text
    if len(text) <= limit:
        return text
    start = text.rfind(" ", 0, max(0, span[0] - 60)) + 1
    end = text.find(" ", min(len(text), span[1] + 40))
    return text[start : end if end >= 0 else len(text)].strip()


def read_ids(ff: FileFacts, marketplace: str) -> list[OtherId]:
    """Every listing id this capture shows: addresses (whole or in pieces) and ids beside their labels."""
    urls = _urls_module()
    patterns = _label_patterns(marketplace)
    out: list[OtherId] = []
    for line in ff.lines():
        place = place_of(ff, line)
        if urls is not None:
            for read in urls.read_listing_refs(line.text, marketplace):
                s, e = read.id_span
                out.append(
                    OtherId(
                        read.ref.listing_id,
                        read.ref.marketplace,
                        line,
                        _quote(line.text, read.id_span),
                        line.text[s:e],
                        read.id_span,
                        place,
                        "url",
                    )
                )
        for pattern in patterns:
            for m in pattern.finditer(line.text):
                out.append(
                    OtherId(
                        _canon(m.group(1)),
                        marketplace,
                        line,
                        m.group(0),
                        m.group(1),
                        m.span(1),
                        place,
                        "label",
                    )
                )
    return out


def _differs(o: OtherId, expected: str, marketplace: str, *, strict: bool = False) -> bool:
    """Whether a read id is confidently another listing (``strict``: the page also shows the complained
    id, so one differing character is taken for a misreading)."""
    if same_id(o.quote or o.listing_id, expected, marketplace) or same_id(
        o.listing_id, expected, marketplace
    ):
        return False
    if o.kind == "url" and o.marketplace and marketplace and o.marketplace != marketplace:
        return o.line.confidence >= CONFIDENT  # another marketplace altogether
    if not _believable(o.listing_id, expected, o.line):
        return False
    if strict and Levenshtein.distance(_canon(o.listing_id), _canon(expected)) < 2:
        return False
    return o.kind == "label" or o.line.confidence >= CONFIDENT


def other_ids(ff: FileFacts, expected: str, marketplace: str) -> list[OtherId]:
    """Listing ids on this capture, read confidently, that are not ``expected``; page identity first."""
    found = [o for o in read_ids(ff, marketplace) if _differs(o, expected, marketplace)]
    return sorted(found, key=lambda o: not o.identity)


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
            detail = ref.reason()
            report.findings.append(
                Finding.keyed(
                    "listing.short_link",
                    {
                        "n": i + 1,
                        "url": li.url,
                        "detail": msg("fmt.lead_space", text=msg("fmt.sentence", text=detail))
                        if detail
                        else "",
                    },
                    field=field,
                )
            )
        elif ref is not None and (
            ref.status in ("invalid", "unrecognised") or (ref.status != "ok" and not li.listing_id)
        ):
            # an address that is no marketplace's (javascript:, a lookalike host, another site) is a
            # blocker whatever id is typed beside it: the id would be vouched for by nothing
            shown = li.url if li.url.isascii() and li.url.isprintable() else ascii(li.url)
            reason = ref.reason()
            report.findings.append(
                Finding.keyed(
                    "listing.unsupported_url",
                    {"n": i + 1, "url": shown, "reason": msg("fmt.paren", text=reason) if reason else ""},
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
            read = read_ids(ff, marketplace)
            # the address bar (or a printed page's header/footer) says which page this is: it decides
            identity_same = any(
                o.identity and same_id(o.quote or o.listing_id, expected, marketplace) for o in read
            )
            identity_other = [
                o for o in read if o.identity and _differs(o, expected, marketplace, strict=bool(matches))
            ]
            if identity_other and not identity_same:
                others = identity_other
            elif matches:
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
            else:
                others = [o for o in read if _differs(o, expected, marketplace)]
            if others:
                mismatched = True
                _mismatch(report, ff, others[0], i, li, marketplace, expected)
        if shots and not shown and not mismatched:
            report.findings.append(
                Finding.keyed(
                    "listing.id_not_shown",
                    {"n": i + 1, "files": [ff.name for ff in shots], "expected_id": expected},
                    evidence=tuple(file_ref(ff) for ff in shots),
                    field=f"listings[{i}].screenshots",
                )
            )


def _mismatch(
    report: CheckReport, ff: FileFacts, o: OtherId, i: int, li: Listing, marketplace: str, expected: str
) -> None:
    quote = o.quote or o.listing_id
    box = _sub_box(o.line, *o.span) if o.span != (0, 0) and o.line.source != "capture" else None
    other_mkt = (
        msg("on.marketplace", marketplace=o.marketplace)
        if o.marketplace and o.marketplace != marketplace
        else ""
    )
    shown_as = (
        msg("fmt.quoted_paren", text=o.shown_as.strip())
        if o.shown_as.strip() and o.shown_as.strip() != quote
        else ""
    )
    report.findings.append(
        Finding.keyed(
            "listing.id_mismatch",
            {
                "file": ff.name,
                "where": where_msg(ff, o.line.page),
                "shown_id": quote,
                "shown_where": o.place,
                "on_other": other_mkt,
                "shown_as": shown_as,
                "expected_id": expected,
                "url": li.url,
            },
            evidence=(file_ref(ff, o.line, box=box, text=quote if box is not None else None),),
            field=f"listings[{i}].screenshots",
        )
    )
