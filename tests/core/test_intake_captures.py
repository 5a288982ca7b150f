"""Intake of web captures: accepted like screenshots, refused with one sentence naming the file when bad
or hostile (zip bomb, lying WARC lengths, 100,000 MHTML parts), and nothing stored when refused."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.errors import EvidenceError
from desktop_app.core.intake import inspect_file
from desktop_app.core.reading.captures import HTML, MHTML, WACZ, WARC
from tests.factories.captures import CAPTURE_KINDS, CaptureSpec, make_capture, make_wacz, warc_bytes

MEDIA = {"mhtml": MHTML, "html": HTML, "warc": WARC, "warc.gz": WARC, "wacz": WACZ}


@pytest.mark.parametrize("kind", CAPTURE_KINDS)
def test_captures_are_accepted_and_stored(tmp_path: Path, store, kind: str) -> None:
    path = make_capture(kind, CaptureSpec(), tmp_path)
    assert inspect_file(path).media_type == MEDIA[kind]
    f = store.files.add(path)
    assert f.media_type == MEDIA[kind] and f.original_name == path.name
    assert store.files.path(f).read_bytes() == path.read_bytes()  # unchanged in the vault


def refused(store, path: Path) -> str:
    before = set(store.vault.all_hashes())
    with pytest.raises(EvidenceError) as info:
        store.files.add(path)
    assert set(store.vault.all_hashes()) == before  # nothing stored
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def test_content_must_match_the_extension(tmp_path: Path, store) -> None:
    png = tmp_path / "page.mhtml"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    assert "the content is a PNG image, which does not match the '.mhtml' extension" in refused(store, png)
    warc_as_html = tmp_path / "page.html"
    warc_as_html.write_bytes(warc_bytes(CaptureSpec(), gz=False))
    assert "is a WARC web archive, which does not match the '.html' extension" in refused(store, warc_as_html)


def test_a_zip_that_is_not_a_wacz(tmp_path: Path, store) -> None:
    path = tmp_path / "capture.wacz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "hello")
    assert "no datapackage.json, so it is not a WACZ" in refused(store, path)


def test_a_wacz_zip_bomb_is_refused_without_inflating_it(tmp_path: Path, store) -> None:
    path = tmp_path / "bomb.wacz"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("datapackage.json", "{}")
        zf.writestr("archive/data.warc", b"\0" * (96 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    assert "zip bomb" in refused(store, path)
    assert time.perf_counter() - start < 2.0  # refused from the headers, not by inflating 96 MB


def test_a_wacz_member_longer_than_its_header_declares(tmp_path: Path, store) -> None:
    path = make_wacz(CaptureSpec(), tmp_path / "lying.wacz")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("pages/pages.jsonl")
    # shrink the declared size in the central directory and the local header alike
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"pages/pages.jsonl"))
    assert central > 0
    for offset in (central + 24, info.header_offset + 22):
        data[offset : offset + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    message = refused(store, path)
    assert "pages/pages.jsonl" in message or "corrupt" in message


def _lie_about_length(data: bytes, delta: int) -> bytes:
    """Change the Content-Length of the first response record by ``delta``."""
    at = data.index(b"WARC-Type: response")
    m = re.compile(rb"Content-Length: (\d+)").search(data, at)
    assert m is not None
    return data[: m.start(1)] + str(int(m.group(1)) + delta).encode() + data[m.end(1) :]


def test_a_warc_whose_record_lengths_lie_is_refused(tmp_path: Path, store) -> None:
    data = warc_bytes(CaptureSpec(), gz=False)
    longer = tmp_path / "longer.warc"
    longer.write_bytes(_lie_about_length(data, +10_000_000))
    assert "WARC is not readable" in refused(store, longer) or "shorter than its declared length" in refused(
        store, longer
    )
    shorter = tmp_path / "shorter.warc"
    shorter.write_bytes(_lie_about_length(data, -40))
    assert "WARC is not readable" in refused(store, shorter)
    # the same lie without digests to catch it: the next record no longer starts where it should
    undigested = re.sub(rb"WARC-(?:Payload|Block)-Digest: [^\r\n]+\r\n", b"", data)
    nodigest = tmp_path / "nodigest.warc"
    nodigest.write_bytes(_lie_about_length(undigested, -40))
    assert "WARC" in refused(store, nodigest)
    truncated = tmp_path / "truncated.warc.gz"
    whole = warc_bytes(CaptureSpec(), gz=True)
    truncated.write_bytes(whole[: len(whole) // 2])
    refused(store, truncated)


def test_an_mhtml_with_100000_parts_is_refused_quickly(tmp_path: Path, store) -> None:
    boundary = "----MultipartBoundary--bomb----"
    head = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.aliexpress.com/item/1.html\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        f'\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n'
    )
    part = f"--{boundary}\r\nContent-Type: text/html\r\nContent-Location: x\r\n\r\n<p>x</p>\r\n"
    path = tmp_path / "many.mhtml"
    path.write_bytes((head + part * 100_000 + f"--{boundary}--\r\n").encode())
    start = time.perf_counter()
    assert "100,001 parts" in refused(store, path) or "100,000 parts" in refused(store, path)
    assert time.perf_counter() - start < 3.0


def test_an_mhtml_without_a_page_and_an_html_that_is_not_one(tmp_path: Path, store) -> None:
    path = tmp_path / "nopage.mhtml"
    path.write_bytes(
        b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    )
    assert "holds no HTML page" in refused(store, path)
    text = tmp_path / "notes.html"
    text.write_text("just some notes, not a page")
    assert "unrecognised data" in refused(store, text)


def test_a_truncated_mhtml_is_refused(tmp_path: Path, store) -> None:
    whole = make_capture("mhtml", CaptureSpec(), tmp_path).read_bytes()
    cut = tmp_path / "cut.mhtml"
    cut.write_bytes(whole[: len(whole) // 3])
    assert "truncated" in refused(store, cut)
