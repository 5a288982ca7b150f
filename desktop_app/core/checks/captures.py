"""Web captures attached to a listing (MHTML, HTML, WARC, WACZ): which listing, when, and intact?

A capture records the address it was made from and (mostly) when, exactly, so it answers more than a
screenshot can:

* the captured URL, or an id the page prints beside its label, naming another listing is
  ``listing.id_mismatch`` (a blocker), even when the complained id also appears somewhere on the page
  ("similar items"): the page is what the capture is of. It replaces the listing family's reading of
  the same URL as if it were an address bar, so it is said once, with the header it was read from;
* the capture time is located (shown to the reviewer with where it was read); when the capture does
  not record one, that is not established (``evidence.capture_time_unknown``); a capture made after the
  filing date, or older at filing than the marketplace accepts, is said so;
* a browser print ("Save as PDF") states when it was printed in its header or footer: that time is
  read (page, box, text) and judged by the same rule as a capture's;
* a WACZ whose own hashes or signature no longer match was changed after it was made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.core.checks import listing as listing_checks
from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref
from desktop_app.core.checks.findings import CheckReport, EvidenceRef, Finding, Located
from desktop_app.core.marketplaces import DEFAULT_CAPTURE_MAX_AGE_DAYS
from desktop_app.core.messages import msg
from desktop_app.core.reading.captures.model import parse_iso
from desktop_app.core.reading.text import DocumentText, PageText, TextLine


def _expected(li: Any) -> tuple[str, str]:
    """(marketplace, listing id) of a listing; the URL decides when it carries an id."""
    from desktop_app.core.reading.listing_urls import parse_listing_url

    ref = parse_listing_url(li.url) if li.url.strip() else None
    marketplace = li.marketplace or (ref.marketplace if ref is not None else "")
    listing_id = (ref.listing_id if ref is not None and ref.status == "ok" else "") or li.listing_id
    return marketplace, listing_id


def max_age_days(marketplace: str) -> int:
    from desktop_app.core.checks.completeness import marketplace_profile

    profile = marketplace_profile(marketplace) if marketplace else None
    return int(getattr(profile, "capture_max_age_days", DEFAULT_CAPTURE_MAX_AGE_DAYS))


def _ref(ff: FileFacts, text: str, locator: str) -> EvidenceRef:
    return EvidenceRef(file=ff.name, sha256=ff.file.sha256, text=text, locator=locator)


def _drop_screenshot_mismatch(report: CheckReport, ff: FileFacts) -> None:
    """The listing family may have read the capture's URL line like an address bar; the capture's own
    statement (URL header, locator) replaces that one, so a capture of another listing is said once."""
    report.findings[:] = [
        f
        for f in report.findings
        if not (f.code == "listing.id_mismatch" and any(e.sha256 == ff.file.sha256 for e in f.evidence))
    ]


def _labelled_lines(ff: FileFacts, cap: dict[str, Any]) -> FileFacts:
    """The page's label: value pairs alone, as exact lines (no URLs of other pages' links)."""
    lines = [
        TextLine(f"{label}: {value}", 1, (0.0, 0.0, 0.0, 0.0), 1.0, "capture", locator)
        for label, value, locator in cap.get("pairs", [])
    ]
    doc = DocumentText(ff.file.sha256, pages=[PageText(1, 0.0, 0.0, lines, "capture")])
    return FileFacts(file=ff.file, kinds=ff.kinds, doc=doc)


def _other_listing(
    ff: FileFacts, cap: dict[str, Any], expected: str, marketplace: str
) -> tuple[str, str, str, str]:
    """(other id, its marketplace, what shows it, locator) when the capture is of another listing."""
    from desktop_app.core.reading.listing_urls import parse_listing_url

    url = str(cap.get("url") or "")
    if url:
        ref = parse_listing_url(url)
        if ref.status == "ok" and ref.listing_id:
            other_market = ref.marketplace != marketplace and bool(marketplace)
            if other_market or not listing_checks.same_id(ref.listing_id, expected, marketplace):
                return ref.listing_id, ref.marketplace, url, str(cap.get("url_source") or "")
    for other in listing_checks.other_ids(_labelled_lines(ff, cap), expected, marketplace):
        if "://" not in other.shown_as:
            return other.listing_id, other.marketplace, other.shown_as, other.line.locator
    return "", "", "", ""


def run(facts: CaseFacts, report: CheckReport) -> None:
    seen: set[str] = set()
    for i, li in enumerate(facts.case.listings):
        marketplace, expected = _expected(li)
        for f in li.screenshots:
            ff = facts.of(f)
            cap = ff.capture if ff is not None else None
            field = f"listings[{i}].screenshots"
            if ff is not None and cap is None and ff.file.sha256 not in seen:
                printed = printed_capture(ff)
                if printed is not None:  # a browser print: its header/footer time, like a capture's
                    seen.add(ff.file.sha256)
                    _capture_time(facts, report, ff, printed, marketplace, field)
                continue
            if ff is None or cap is None:
                continue
            if expected:
                other, other_market, shown, locator = _other_listing(ff, cap, expected, marketplace)
                if other:
                    _drop_screenshot_mismatch(report, ff)
                    where_else = (
                        msg("on.marketplace", marketplace=other_market)
                        if other_market and other_market != marketplace
                        else ""
                    )
                    report.findings.append(
                        Finding.keyed(
                            "listing.id_mismatch",
                            {
                                "file": ff.name,
                                "shown_id": other,
                                "on_other": where_else,
                                "shown": shown,
                                "locator": locator,
                                "expected_id": expected,
                                "url": li.url,
                            },
                            key="listing.id_mismatch.capture",
                            evidence=(_ref(ff, shown, locator),),
                            field=field,
                        )
                    )
            if ff.file.sha256 in seen:
                continue
            seen.add(ff.file.sha256)
            _capture_time(facts, report, ff, _web_capture_time(ff, cap), marketplace, field)
            _integrity(report, ff, cap, field)


@dataclass(frozen=True)
class CaptureTime:
    """When a capture was made, as the capture itself states it, and where that was read."""

    readings: tuple[dt.datetime, ...]  # () when not stated; two when a printed date's order is unclear
    shown: str  # the ISO form (or the text as printed) to quote
    source: str  # "the WARC-Date header", "the print header of page 1"
    evidence: EvidenceRef | None


def _web_capture_time(ff: FileFacts, cap: dict[str, Any]) -> CaptureTime:
    when = parse_iso(str(cap.get("captured_at") or ""))
    iso = str(cap.get("captured_at") or "")
    source = str(cap.get("captured_at_source") or "")
    return CaptureTime(
        (when,) if when is not None else (),
        iso,
        source,
        _ref(ff, iso, source),
    )


def printed_capture(ff: FileFacts) -> CaptureTime | None:
    """A browser print ("Save as PDF") of a page: the date and time its header or footer shows, with the
    page, box and text it was read from. None when no time of day is printed there: browsers print the
    date and the address together or neither, so a PDF without one is judged like a screenshot."""
    from desktop_app.core.reading.print_dates import find_print_time

    if ff.file.is_image or ff.capture is not None or not ff.doc.ok:
        return None
    for line in ff.lines():
        place = listing_checks.place_of(ff, line)
        if place not in (listing_checks.PRINT_HEADER, listing_checks.PRINT_FOOTER):
            continue
        printed = find_print_time(line.text)
        if printed is not None:
            box = line.sub_box(*printed.span) or line.box
            quote = line.text[printed.span[0] : printed.span[1]]
            source = f'the {place} of page {line.page}, printed "{quote}" in local time'
            if printed.ambiguous:
                source += (
                    " (the day and month order is not shown: read as "
                    + " or ".join(r.date().isoformat() for r in printed.readings)
                    + ")"
                )
            return CaptureTime(
                printed.readings,
                printed.readings[0].isoformat(),
                source,
                file_ref(ff, line, box=box, text=quote),
            )
    return None


def _capture_time(
    facts: CaseFacts, report: CheckReport, ff: FileFacts, when: CaptureTime, marketplace: str, field: str
) -> None:
    if not when.readings:
        report.findings.append(
            Finding.keyed(
                "evidence.capture_time_unknown", {"file": ff.name}, evidence=(file_ref(ff),), field=field
            )
        )
        return
    filing = facts.filing_date
    # of several possible readings, the one least favourable to the complainant: after filing, else oldest
    late = [r for r in when.readings if r.date() > filing]
    chosen = late[0] if late else min(when.readings)
    iso = when.shown if len(when.readings) == 1 else chosen.isoformat()
    source = when.source
    evidence = when.evidence or _ref(ff, iso, source)
    report.located.append(Located("capture_time", iso, evidence))
    day = chosen.date()
    params = {"file": ff.name, "captured_at": iso, "filing_date": filing.isoformat(), "source": source}
    if day > filing:
        report.findings.append(
            Finding.keyed("evidence.capture_after_filing", params, evidence=(evidence,), field=field)
        )
        return
    limit = max_age_days(marketplace)
    age = (filing - day).days
    if age > limit:
        report.findings.append(
            Finding.keyed(
                "evidence.capture_stale",
                {
                    **params,
                    "age_days": age,
                    "max_age_days": limit,
                    "market": msg("fmt.marketplace", marketplace=marketplace)
                    if marketplace
                    else msg("label.the_marketplace"),
                },
                evidence=(evidence,),
                field=field,
            )
        )


def _integrity(report: CheckReport, ff: FileFacts, cap: dict[str, Any], field: str) -> None:
    signature = cap.get("signature") or {}
    problems = [n for n in cap.get("notes", []) if "does not match its hash" in n or "does not hold" in n]
    if signature.get("status") != "invalid" and not problems:
        return
    detail = signature.get("detail") if signature.get("status") == "invalid" else problems[0]
    report.findings.append(
        Finding.keyed(
            "evidence.capture_altered",
            {"file": ff.name, "detail": str(detail)},
            evidence=(file_ref(ff),),
            field=field,
        )
    )
