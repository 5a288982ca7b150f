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
* a WACZ whose own hashes or signature no longer match was changed after it was made.
"""

from __future__ import annotations

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
            if ff is None or cap is None:
                continue
            field = f"listings[{i}].screenshots"
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
            _capture_time(facts, report, ff, cap, marketplace, field)
            _integrity(report, ff, cap, field)


def _capture_time(
    facts: CaseFacts, report: CheckReport, ff: FileFacts, cap: dict[str, Any], marketplace: str, field: str
) -> None:
    when = parse_iso(str(cap.get("captured_at") or ""))
    if when is None:
        report.findings.append(
            Finding.keyed(
                "evidence.capture_time_unknown", {"file": ff.name}, evidence=(file_ref(ff),), field=field
            )
        )
        return
    iso = str(cap["captured_at"])
    source = str(cap.get("captured_at_source") or "")
    report.located.append(Located("capture_time", iso, _ref(ff, iso, source)))
    filing = facts.filing_date
    day = when.date()
    params = {"file": ff.name, "captured_at": iso, "filing_date": filing.isoformat(), "source": source}
    if day > filing:
        report.findings.append(
            Finding.keyed(
                "evidence.capture_after_filing", params, evidence=(_ref(ff, iso, source),), field=field
            )
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
                evidence=(_ref(ff, iso, source),),
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
