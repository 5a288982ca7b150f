"""Cases whose listing evidence is only web captures, checked end to end on a real store.

The certificate is a text PDF; the listing evidence is an MHTML, a SingleFile HTML, a WARC or a WACZ
written by the factories. Product photos are kept icon-sized here (not OCR'd) so the suite stays fast;
the OCR of a picture inside a capture has its own (slow) test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from tests.factories.captures import CAPTURE_KINDS, CaptureSpec, capture_case, make_wacz

URL = "https://www.aliexpress.com/item/1005006123456789.html"
OTHER = "https://www.aliexpress.com/item/1005009988776655.html"
SMALL = (96, 96)  # below the size at which a picture is read: no OCR in the fast tests


def check(store, folder: Path):
    return check_case(store, import_case_folder(store, folder))


def codes(report) -> list[str]:
    return sorted(f.code for f in report.findings)


@pytest.mark.parametrize("kind", CAPTURE_KINDS)
def test_a_case_of_captures_only_is_ready_with_id_mark_and_time_located(
    store, tmp_path: Path, kind: str
) -> None:
    report = check(store, capture_case(tmp_path, kind, CaptureSpec(photo_size=SMALL)))
    assert report.verdict == "ready", [f.message for f in report.findings]
    assert codes(report) == []
    located = {loc.what: loc for loc in report.located if loc.evidence.file.startswith("listing.")}
    listing_id, mark, when = located["listing_id"], located["mark"], located["capture_time"]
    # provenance points into the capture: no page, no box, a locator
    assert listing_id.evidence.page is None and listing_id.evidence.box is None
    assert listing_id.evidence.locator  # the header or element the id was read from
    assert mark.evidence.locator and mark.evidence.text.upper() == "KESTRELINE"
    assert when.value == "2026-02-20T09:30:05Z" and when.evidence.locator
    # and it survives the recorded report (JSON) unchanged
    again = store.checks.last(store.cases.summaries()[0].id)["result"]
    assert any(loc["evidence"].get("locator") for loc in again["located"])


@pytest.mark.parametrize("kind", ["mhtml", "wacz"])
def test_a_capture_of_another_listing_is_a_blocker(store, tmp_path: Path, kind: str) -> None:
    spec = CaptureSpec(url=OTHER, shown_id="1005009988776655", photo_size=SMALL)
    report = check(store, capture_case(tmp_path, kind, spec))
    assert report.verdict == "not_ready"
    mismatches = [f for f in report.findings if f.code == "listing.id_mismatch"]
    assert len(mismatches) == 1, [f.message for f in report.findings]
    assert "1005009988776655" in mismatches[0].message and mismatches[0].severity == "blocker"


def test_the_captured_url_decides_even_when_the_complained_id_appears_on_the_page(
    store, tmp_path: Path
) -> None:
    # the page of another listing shows the complained one under "similar items" with its id
    spec = CaptureSpec(
        url=OTHER, shown_id="1005009988776655", related_ids=["1005006123456789"], photo_size=SMALL
    )
    spec.title = spec.title + " 1005006123456789"  # the complained id even appears in the text
    report = check(store, capture_case(tmp_path, "warc.gz", spec))
    found = [f for f in report.findings if f.code == "listing.id_mismatch"]
    assert len(found) == 1 and found[0].params["shown_id"] == "1005009988776655"
    assert found[0].evidence[0].locator.startswith("WARC-Target-URI of WARC record")


def test_a_labelled_id_of_another_listing_is_a_blocker(store, tmp_path: Path) -> None:
    spec = CaptureSpec(shown_id="1005009988776655", photo_size=SMALL)  # right URL, page says another id
    report = check(store, capture_case(tmp_path, "mhtml", spec))
    found = [f for f in report.findings if f.code == "listing.id_mismatch"]
    assert len(found) == 1 and found[0].params["shown_id"] == "1005009988776655"
    assert found[0].evidence[0].locator.startswith("MHTML part 1 › body/")


def test_capture_after_filing_and_stale_capture(store, tmp_path: Path) -> None:
    late = CaptureSpec(captured_at=dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.timezone.utc), photo_size=SMALL)
    report = check(store, capture_case(tmp_path, "mhtml", late, name="late"))
    assert codes(report) == ["evidence.capture_after_filing"] and report.verdict == "ready"
    assert report.findings[0].params["captured_at"] == "2026-03-05T08:00:00Z"
    old = CaptureSpec(captured_at=dt.datetime(2026, 1, 2, 8, 0, tzinfo=dt.timezone.utc), photo_size=SMALL)
    report = check(store, capture_case(tmp_path, "html", old, name="old"))
    assert codes(report) == ["evidence.capture_stale"]
    params = report.findings[0].params
    assert params["age_days"] == 58 and params["max_age_days"] == 30


def test_a_capture_that_does_not_record_its_time(store, tmp_path: Path) -> None:
    folder = capture_case(tmp_path, "html", CaptureSpec(photo_size=SMALL))
    page = folder / "files" / "listing.html"
    text = page.read_text(encoding="utf-8")
    start, end = text.index("<!--\n Page saved with SingleFile"), text.index("-->") + 3
    page.write_text(text[:start] + text[end:], encoding="utf-8")  # a plain "Save as HTML" page
    report = check(store, folder)
    assert codes(report) == ["evidence.capture_time_unknown"]
    # the URL then comes from the page's canonical link, which still names the listing
    assert any(loc.what == "listing_id" for loc in report.located)


def test_a_wacz_changed_after_signing(store, tmp_path: Path) -> None:
    folder = capture_case(tmp_path, "mhtml", CaptureSpec(photo_size=SMALL))
    (folder / "files" / "listing.mhtml").unlink()
    make_wacz(
        CaptureSpec(photo_size=SMALL),
        folder / "files" / "listing.mhtml.wacz",
        sign=True,
        tamper_after_signing=True,
    )
    toml = folder / "case.toml"
    toml.write_text(toml.read_text().replace("listing.mhtml", "listing.mhtml.wacz"))
    report = check(store, folder)
    assert codes(report) == ["evidence.capture_altered"]


@pytest.mark.ocr
@pytest.mark.slow
def test_mark_only_on_the_product_photo_inside_a_capture(store, tmp_path: Path) -> None:
    spec = CaptureSpec(mark_in_text=False)
    report = check(store, capture_case(tmp_path, "wacz", spec))
    assert report.verdict == "ready", [f.message for f in report.findings]
    marks = [loc for loc in report.located if loc.what == "mark"]
    assert marks and all(m.evidence.page and m.evidence.page >= 2 and m.evidence.box for m in marks)
    assert marks[0].evidence.locator.startswith("picture archive/data.warc.gz record")
