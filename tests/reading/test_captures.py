"""Web captures (MHTML, SingleFile HTML, WARC, WACZ) read exactly: URL, capture time, title, text with
its structure and locators, the pictures inside, and a WACZ's own signature. Sockets are disabled for
the whole suite (pytest-socket), so any fetch of a remote picture or script would fail these tests."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from desktop_app.core.reading.captures import (
    CAPTURE_SOURCE,
    HTML,
    MHTML,
    WACZ,
    WARC,
    capture_document,
    extension_of,
    read_capture,
    sniff_capture,
)
from desktop_app.core.reading.captures.html_page import js_date, parse_page
from tests.factories.captures import CAPTURE_KINDS, CaptureSpec, make_capture, make_wacz

URL = "https://www.aliexpress.com/item/1005006123456789.html"


@pytest.mark.parametrize("kind", CAPTURE_KINDS)
def test_each_format_yields_url_time_title_and_structured_text(tmp_path: Path, kind: str) -> None:
    path = make_capture(kind, CaptureSpec(), tmp_path)
    cap = read_capture(path)
    assert cap.url == URL
    assert cap.url_source  # which header or comment says so
    assert cap.captured_at == "2026-02-20T09:30:05Z"
    assert cap.captured_at_source
    assert cap.title.startswith("KESTRELINE Men's Waterproof Hooded Jacket")
    texts = [line.text for line in cap.lines]
    assert "Item ID: 1005006123456789" in texts
    assert ("Item ID", "1005006123456789") in [(p.label, p.value) for p in cap.pairs]
    assert ("Material", "Polyester") in [(p.label, p.value) for p in cap.pairs]  # a table row
    assert ("Ships from", "China") in [(p.label, p.value) for p in cap.pairs]  # a definition list
    h1 = next(line for line in cap.lines if line.text.startswith("KESTRELINE Men's"))
    assert h1.locator.endswith("h1[1]")
    # never executed, never shown: scripts and hidden elements contribute nothing
    joined = "\n".join(texts)
    assert "Injected by script" not in joined and "FAKEBRAND" not in joined
    assert "Hidden promotion" not in joined and "Hidden element" not in joined
    # the product photo is inside the capture; the remote banner is not, and was not fetched
    photos = [im for im in cap.images if im.role == "page"]
    assert len(photos) == 1 and photos[0].data[:3] == b"\xff\xd8\xff"
    assert cap.images_not_inside == 1


def test_locators_name_the_part_or_record(tmp_path: Path) -> None:
    mhtml = read_capture(make_capture("mhtml", CaptureSpec(), tmp_path))
    assert mhtml.url_source == "MHTML header Snapshot-Content-Location"
    assert mhtml.captured_at_source == "MHTML header Date"
    assert all(line.locator.startswith("MHTML part 1 › body/") for line in mhtml.lines)
    warc = read_capture(make_capture("warc.gz", CaptureSpec(), tmp_path))
    assert warc.url_source.startswith("WARC-Target-URI of WARC record 3 <urn:uuid:")
    assert warc.captured_at_source.startswith("WARC-Date of WARC record 3")
    assert warc.lines[0].locator.startswith("WARC record 3 <urn:uuid:")


def test_capture_document_is_exact_text_with_locators(tmp_path: Path) -> None:
    cap = read_capture(make_capture("wacz", CaptureSpec(), tmp_path))
    doc = capture_document(cap, "ab" * 32, ocr_images=False)
    assert doc.ok and len(doc.pages) == 1 and doc.pages[0].source == CAPTURE_SOURCE
    first = doc.pages[0].lines[0]
    assert first.text == URL and first.confidence == 1.0 and first.locator.startswith("WARC-Target-URI")
    assert doc.meta["capture"]["captured_at"] == "2026-02-20T09:30:05Z"
    assert doc.meta["capture"]["signature"]["status"] == "absent"
    # the cached form round-trips, locators included
    from desktop_app.core.reading.text import DocumentText

    again = DocumentText.from_json(doc.to_json())
    assert again.pages[0].lines[5].locator == doc.pages[0].lines[5].locator
    assert again.meta == doc.meta


def test_wacz_screenshot_is_the_tools_own_and_not_read_as_a_page_picture(tmp_path: Path) -> None:
    cap = read_capture(make_wacz(CaptureSpec(), tmp_path / "x.wacz", screenshot=True))
    assert cap.screenshot is not None and cap.screenshot.data.startswith(b"\x89PNG")
    assert cap.screenshot.locator.endswith(f"(urn:screenshot:{URL})")


def test_wacz_signature_valid_tampered_absent(tmp_path: Path) -> None:
    signed = read_capture(make_wacz(CaptureSpec(), tmp_path / "signed.wacz", sign=True))
    assert signed.signature["status"] == "valid"
    assert "anonymous key" in signed.signature["detail"]
    tampered = read_capture(
        make_wacz(CaptureSpec(), tmp_path / "t.wacz", sign=True, tamper_after_signing=True)
    )
    assert tampered.signature["status"] == "invalid"
    assert any("does not match its hash" in n for n in tampered.notes)
    plain = read_capture(make_wacz(CaptureSpec(), tmp_path / "plain.wacz"))
    assert plain.signature["status"] == "absent"


@pytest.mark.parametrize(
    ("kind", "media_type"),
    [("mhtml", MHTML), ("html", HTML), ("warc", WARC), ("warc.gz", WARC), ("wacz", WACZ)],
)
def test_sniffing_and_extensions(tmp_path: Path, kind: str, media_type: str) -> None:
    path = make_capture(kind, CaptureSpec(), tmp_path)
    assert sniff_capture(path.read_bytes()[:2048]) == media_type
    assert extension_of(path) == "." + kind


def test_sniffing_rejects_other_data() -> None:
    assert sniff_capture(b"%PDF-1.7\n") is None
    assert sniff_capture(b"\x89PNG\r\n\x1a\n") is None
    assert sniff_capture(b"\x1f\x8bnot really gzip") is None
    assert sniff_capture(b"Just some text") is None


def test_singlefile_saved_date_forms() -> None:
    assert (
        js_date("Fri Feb 20 2026 10:30:05 GMT+0100 (Central European Standard Time)")
        == "2026-02-20T09:30:05Z"
    )
    assert js_date("2026-02-20T09:30:05.000Z") == "2026-02-20T09:30:05Z"
    assert js_date("yesterday") == ""


def test_saved_from_url_comment_and_no_capture_time() -> None:
    page = parse_page(
        "<!-- saved from url=(0054)https://www.ebay.com/itm/123456789012 -->\n"
        "<html><body><h1>Jacket</h1><div>Item number:</div><div>123456789012</div></body></html>"
    )
    assert page.saved_url == "https://www.ebay.com/itm/123456789012"
    assert page.saved_at == ""
    assert [(p.label, p.value) for p in page.pairs] == [("Item number", "123456789012")]


def test_reading_opens_no_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Belt and braces on top of pytest-socket: any socket created while reading fails the test."""
    opened: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        opened.append(args)
        raise AssertionError("a capture reader tried to open a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    spec = CaptureSpec(remote_images=["https://ae01.alicdn.com/a.jpg", "http://tracker.example.com/p.gif"])
    for kind in CAPTURE_KINDS:
        cap = read_capture(make_capture(kind, spec, tmp_path, stem=f"s-{kind.replace('.', '-')}"))
        assert cap.images_not_inside == 2
        if kind != "html":  # SingleFile removes scripts; the others keep them, unexecuted
            assert cap.scripts_ignored == 2
    assert opened == []


@pytest.mark.ocr
@pytest.mark.slow
def test_mark_printed_only_on_the_product_is_read_from_the_picture(tmp_path: Path) -> None:
    spec = CaptureSpec(mark_in_text=False)
    cap = read_capture(make_capture("mhtml", spec, tmp_path))
    assert "KESTRELINE" not in "\n".join(line.text for line in cap.lines).upper()
    doc = capture_document(cap, "cd" * 32)
    pictures = [p for p in doc.pages if p.source == "ocr"]
    assert len(pictures) == 1
    read = [ln for ln in pictures[0].lines if "KESTRELINE" in ln.text.upper().replace(" ", "")]
    assert read and read[0].locator.startswith("picture MHTML part 2")


def test_hostile_nesting_and_unclosed_tags_read_in_bounded_time() -> None:
    import time

    depth = 20_000  # a quadratic reader would take minutes here; a linear one well under a second
    html = "<html><body>" + "<div>" * depth + "<h1>KESTRELINE deep</h1>" + "</div>" * depth
    html += "<p>Item ID: 1005006123456789</p><script>x</script><p>after</p></body></html>"
    start = time.perf_counter()
    page = parse_page(html)
    assert time.perf_counter() - start < 20.0  # generous: the test machine is shared
    texts = [line.text for line in page.lines]
    assert "KESTRELINE deep" in texts and "Item ID: 1005006123456789" in texts and "after" in texts
    assert max(len(line.locator) for line in page.lines) < 4000
    unclosed = parse_page("<html><body><div><p>one<li>two<td>three</body>")
    assert [line.text for line in unclosed.lines] == ["one", "two", "three"]


def test_viewer_pages_are_the_text_read_then_the_pictures(tmp_path: Path) -> None:
    from desktop_app.core.reading.captures.preview import preview_page

    path = make_capture("wacz", CaptureSpec(), tmp_path)
    first, pages = preview_page(path, 1)
    assert pages == 2 and first.width == 1200  # the page's text, then the one product photo
    photo, _ = preview_page(path, 2)
    assert photo.size == (640, 640)
