"""A browser print ("Save as PDF") carries the date and time it was printed in its header or footer: read
from the text layer (page, box, text) in each locale's short form, and judged by the same rule as a web
capture's time (evidence.capture_after_filing / capture_stale / capture_time_unknown)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.core.checks.captures import printed_capture
from desktop_app.core.reading.print_dates import find_print_time
from tests.checks.builders import FILING, codes
from tests.checks.test_listing_identity import _read, _with_file
from tests.factories.printed_listing import PrintedListingSpec, make_printed_listing_pdf

URL = "https://www.ebay.com/itm/395512345678"
FRESH = dt.datetime(2026, 2, 20, 15, 4)  # 9 days before FILING (2026-03-01)

# (locale, browser, as printed): the same moment, 20 February 2026 15:04 local time
LOCALES = [
    ("en-US", "chrome", "2/20/26, 3:04 PM"),
    ("en-US", "firefox", "2/20/2026, 3:04:00 PM"),
    ("en-GB", "chrome", "20/02/2026, 15:04"),
    ("de", "chrome", "20.02.26, 15:04"),
    ("de", "firefox", "20.2.2026, 15:04:00"),
    ("fr", "chrome", "20/02/2026 15:04"),
    ("es", "chrome", "20/2/26, 15:04"),
    ("it", "chrome", "20/02/26, 15:04"),
    ("pt", "chrome", "20/02/2026, 15:04"),
    ("zh", "chrome", "2026/2/20 15:04"),
    ("zh", "safari", "2026/2/20 下午3:04"),
]


def _print(tmp_path: Path, printed_at: str, *, firefox: bool = False, url: str = URL):
    spec = PrintedListingSpec(footer_url=url, printed_at=printed_at, firefox=firefox, pages=2)
    return _read(make_printed_listing_pdf(spec, tmp_path / "print.pdf"), "print.pdf")


@pytest.mark.parametrize("locale, browser, printed", LOCALES)
def test_the_print_time_is_read_in_each_locale_with_where_it_stands(
    tmp_path: Path, locale: str, browser: str, printed: str
) -> None:
    ff = _print(tmp_path, printed, firefox=browser == "firefox")
    when = printed_capture(ff)
    assert when is not None and when.readings == (FRESH,), (locale, when)
    ref = when.evidence
    assert ref is not None and ref.page == 1 and ref.text == printed
    place = "print footer" if browser == "firefox" else "print header"
    assert place in when.source
    # the box is the date's own part of the margin line, in the margin
    x0, y0, x1, y1 = ref.box
    assert (y1 <= 0.08 * 842) if place == "print header" else (y0 >= 0.92 * 842), ref.box
    assert x1 - x0 > 20
    report = _with_file("ebay", URL, ff).run()
    located = [loc for loc in report.located if loc.what == "capture_time"]
    assert [loc.value for loc in located] == [FRESH.isoformat()]
    assert not {
        "evidence.capture_after_filing",
        "evidence.capture_stale",
        "evidence.capture_time_unknown",
    } & set(codes(report))


def test_a_print_made_after_the_filing_date_is_said_so(tmp_path: Path) -> None:
    ff = _print(tmp_path, "3/5/26, 10:00 AM")
    report = _with_file("ebay", URL, ff).run()
    assert "evidence.capture_after_filing" in codes(report)
    finding = next(x for x in report.findings if x.code == "evidence.capture_after_filing")
    assert finding.evidence[0].text == "3/5/26, 10:00 AM" and finding.evidence[0].page == 1


def test_a_stale_print_is_said_so(tmp_path: Path) -> None:
    ff = _print(tmp_path, "05.12.25, 10:00")  # 86 days before filing
    report = _with_file("ebay", URL, ff).run()
    assert "evidence.capture_stale" in codes(report)


def test_a_pdf_with_an_address_on_top_but_no_date_is_judged_like_a_screenshot(tmp_path: Path) -> None:
    ff = _print(tmp_path, "")
    assert printed_capture(ff) is None
    assert "evidence.capture_time_unknown" not in codes(_with_file("ebay", URL, ff).run())


def test_an_unclear_day_month_order_is_read_the_way_less_favourable_to_the_complainant(
    tmp_path: Path,
) -> None:
    # en-AU prints "2/3/26, 3:04 pm" for 2 March; read US-style it is 3 February. Filing is 1 March:
    # one reading is after filing, so that is what is reported (a warning), never silently fine.
    ff = _print(tmp_path, "2/3/26, 3:04 pm")
    when = printed_capture(ff)
    assert when is not None and len(when.readings) == 2
    report = _with_file("ebay", URL, ff).run()
    assert "evidence.capture_after_filing" in codes(report)
    assert (
        "day and month order is not shown"
        in next(x for x in report.findings if x.code == "evidence.capture_after_filing").message
    )


def test_a_screenshot_has_no_print_time() -> None:
    from tests.checks.builders import Built

    b = Built()
    ff = b.facts.of(b.shot)
    assert ff is not None and printed_capture(ff) is None
    assert "evidence.capture_time_unknown" not in codes(b.run())


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12/1/26, 3:04 PM", [dt.datetime(2026, 12, 1, 15, 4)]),
        ("01.12.26, 15:04", [dt.datetime(2026, 12, 1, 15, 4)]),
        ("2026/12/1 15:04", [dt.datetime(2026, 12, 1, 15, 4)]),
        ("2026年12月1日 15:04", [dt.datetime(2026, 12, 1, 15, 4)]),
        ("13/12/2026 15:04", [dt.datetime(2026, 12, 13, 15, 4)]),
        ("1/12/26, 3:04 pm", [dt.datetime(2026, 12, 1, 15, 4), dt.datetime(2026, 1, 12, 15, 4)]),
        ("1/2", None),
        ("Page 1 of 2", None),
        ("12/1/26", None),  # no time of day: not a print stamp
    ],
)
def test_print_date_forms(text: str, expected) -> None:
    found = find_print_time(text)
    assert (list(found.readings) if found else None) == expected


def test_filing_date_of_the_builder_is_what_these_tests_assume() -> None:
    assert FILING == dt.date(2026, 3, 1)
