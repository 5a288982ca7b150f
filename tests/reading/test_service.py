"""read_document: dispatch, the reading cache in the real store, and clear statuses for bad files."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from desktop_app.core.reading import ocr, service
from desktop_app.core.reading.service import READER_NAME, cache_version, read_document, read_path
from desktop_app.core.reading.text import OK, PASSWORD_PROTECTED, UNREADABLE
from tests.factories import (
    CertificateSpec,
    ScreenshotSpec,
    make_certificate_pdf,
    make_encrypted_pdf,
    make_listing_screenshot,
)


def _cache_rows(store, sha: str) -> list[str]:
    return [
        r["reader_version"]
        for r in store.db.query(
            "SELECT reader_version FROM reading_cache WHERE sha256 = ? AND reader = ?", [sha, READER_NAME]
        )
    ]


@pytest.mark.ocr
def test_a_screenshot_is_ocrd_once_then_served_from_the_cache(store, tmp_path: Path) -> None:
    shot = make_listing_screenshot(ScreenshotSpec(shown_id="1005006123456789"), tmp_path / "listing.png")
    ef = store.add_file(shot)
    from desktop_app.core.reading import service

    reads: list[str] = []  # files really read (in an isolated worker process)
    real = service.read_isolated

    def counting(path, **kwargs):
        reads.append(str(path))
        return real(path, **kwargs)

    service.read_isolated = counting  # type: ignore[assignment]
    try:
        first = read_document(store, ef)
    finally:
        service.read_isolated = real  # type: ignore[assignment]
    assert len(reads) == 1  # really read once
    assert first.status == OK and first.sha256 == ef.sha256
    assert any("1005006123456789" in ln.text for ln in first.lines())
    assert _cache_rows(store, ef.sha256) == [cache_version()]

    service.read_isolated = counting  # type: ignore[assignment]
    try:
        again = read_document(store, ef)
    finally:
        service.read_isolated = real  # type: ignore[assignment]
    assert len(reads) == 1  # not read again
    assert again.to_json() == first.to_json()

    timings = []
    for _ in range(15):
        t0 = time.perf_counter()
        read_document(store, ef)
        timings.append(time.perf_counter() - t0)
    assert statistics.median(timings) < 0.005


def test_text_pdf_is_cached_per_reader_version(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ef = store.add_file(make_certificate_pdf(CertificateSpec(), tmp_path / "cert.pdf"))
    doc = read_document(store, ef)
    assert doc.status == OK and "Reg. No. 6,123,456" in [ln.text for ln in doc.lines()]
    old = cache_version()
    monkeypatch.setattr(service, "READER_VERSION", "test-next")
    again = read_document(store, ef)  # a new reader version reads the file again
    assert sorted(_cache_rows(store, ef.sha256)) == sorted([old, cache_version()])
    assert again.to_json() == doc.to_json()


def test_cached_result_survives_reopening_the_store(data_dir: Path, tmp_path: Path) -> None:
    from desktop_app.core.store import Store

    pdf = make_certificate_pdf(
        CertificateSpec(office="WIPO", registration_number="1612345"), tmp_path / "w.pdf"
    )
    with Store(data_dir) as s:
        ef = s.add_file(pdf)
        first = read_document(s, ef)
    with Store(data_dir) as s:
        assert s.cache_get(ef.sha256, READER_NAME, cache_version()) == first.to_json()


def test_missing_vault_copy_is_reported_and_not_cached(store, tmp_path: Path) -> None:
    ef = store.add_file(make_certificate_pdf(CertificateSpec(), tmp_path / "cert.pdf"))
    store.file_path(ef).unlink()
    doc = read_document(store, ef)
    assert doc.status == UNREADABLE and doc.message.startswith("cert.pdf: ") and "missing" in doc.message
    assert _cache_rows(store, ef.sha256) == []


def test_read_path_dispatches_on_content(tmp_path: Path) -> None:
    pdf = make_certificate_pdf(CertificateSpec(), tmp_path / "cert.pdf")
    disguised = tmp_path / "certificate.bin"
    disguised.write_bytes(pdf.read_bytes())
    doc = read_path(disguised)
    assert doc.status == OK and doc.pages[0].source == "text"
    assert len(doc.sha256) == 64

    locked = read_path(make_encrypted_pdf(tmp_path / "locked.pdf"))
    assert locked.status == PASSWORD_PROTECTED

    notes = tmp_path / "notes.txt"
    notes.write_text("not evidence")
    assert read_path(notes).status == UNREADABLE and "neither a PDF nor" in read_path(notes).message
    assert read_path(tmp_path / "nowhere.pdf").message == "nowhere.pdf: the file does not exist"
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    assert read_path(empty).message == "empty.png: the file is empty"


def test_corrupt_image_is_unreadable_without_running_the_engine(tmp_path: Path) -> None:
    shot = make_listing_screenshot(ScreenshotSpec(), tmp_path / "listing.png")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(shot.read_bytes()[:5000])
    before = ocr.get_engine().calls
    doc = read_path(truncated)
    assert doc.status == UNREADABLE and doc.message.startswith("cut.png: the image is corrupt or truncated")
    assert ocr.get_engine().calls == before


@pytest.mark.ocr
def test_many_files_read_side_by_side_give_the_same_texts(store, tmp_path: Path) -> None:
    from desktop_app.core.reading.service import read_documents

    files = [
        store.add_file(
            make_listing_screenshot(ScreenshotSpec(shown_id=f"100500612345678{n}"), tmp_path / f"{n}.png")
        )
        for n in range(3)
    ]
    files.append(store.add_file(make_certificate_pdf(CertificateSpec(), tmp_path / "cert.pdf")))
    seen: list[float] = []
    docs = read_documents(store, files, progress=lambda f, _label: seen.append(f))
    assert set(docs) == {f.sha256 for f in files} and seen and max(seen) <= 1.0
    for n, f in enumerate(files[:3]):
        assert docs[f.sha256].status == OK and f"100500612345678{n}" in docs[f.sha256].full_text.replace(
            " ", ""
        )
    assert all(_cache_rows(store, f.sha256) == [cache_version()] for f in files)  # each cached
    again = {f.sha256: read_document(store, f).to_json() for f in files}  # now from the cache
    assert again == {sha: doc.to_json() for sha, doc in docs.items()}
