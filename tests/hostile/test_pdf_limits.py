"""PDF limits: streams that inflate past what a page needs are refused at intake; scanned PDFs are
OCR'd up to a page limit and the pages past it reported as not read; previews stay small."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from desktop_app.core import pdf_streams
from desktop_app.core.errors import EvidenceError
from desktop_app.core.intake import inspect_file
from desktop_app.core.store import Store
from tests.core.test_case_folder import snapshot
from tests.hostile.rawpdf import bomb_pdf, line_pdf, painted_pdf, zlib_bomb


@pytest.mark.parametrize("layers", [1, 2])
def test_pdf_decompression_bomb_refused_at_intake(store: Store, tmp_path: Path, layers: int) -> None:
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(bomb_pdf(3 << 30, layers=layers))  # 3 GiB of page content from ~3 MB
    before = snapshot(store)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.monotonic()
    with pytest.raises(EvidenceError) as info:
        store.files.add(pdf)
    assert time.monotonic() - t0 < 10
    # measured in 1 MB steps: nothing near the inflated size is ever held
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 200 * 1024
    msg = str(info.value)
    assert "certificate.pdf" in msg and "decompression bomb" in msg and "\n" not in msg
    assert snapshot(store) == before


def test_streams_under_the_floor_and_ordinary_pdfs_pass(tmp_path: Path) -> None:
    ordinary = tmp_path / "ordinary.pdf"
    ordinary.write_bytes(line_pdf(b"Reg. No. 6,123,456"))
    inspect_file(ordinary)
    # a large page of flat colour compresses enormously but stays under the floor: accepted
    flat = tmp_path / "flat.pdf"
    flat.write_bytes(bomb_pdf(64 << 20))
    inspect_file(flat)
    found = pdf_streams.measure(flat)
    assert found is not None and not found.bomb and found.inflated == 64 << 20


def test_measure_ignores_garbage_streams(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n1 0 obj << /Filter /FlateDecode >>\nstream\n" + b"\x00garbage" * 1000)
    assert pdf_streams.measure(junk) is not None  # measured (0 bytes inflated), never raised
    assert len(zlib_bomb(3 << 20)) < 20_000


@pytest.mark.ocr
def test_scanned_pdf_ocr_page_cap_reports_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.checks import evidence
    from desktop_app.core.checks.facts import CaseFacts, FileFacts
    from desktop_app.core.checks.findings import CheckReport
    from desktop_app.core.model import Case, Complainant, EvidenceFile, EvidenceKind
    from desktop_app.core.reading import pdf_text

    # the limits are small here so the test OCRs two pages, not twenty; the rule is the same
    monkeypatch.setattr(pdf_text, "MAX_OCR_PAGES", 2)
    monkeypatch.setattr(pdf_text, "MAX_PAGES", 6)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(painted_pdf(10, text_every=3))
    doc = pdf_text.read_pdf(pdf, sha256="x")
    not_read = doc.meta["not_read"]
    # pages 1, 2 OCR'd; 3, 6 have a text layer; 4, 5 need OCR past the budget; 7-10 past MAX_PAGES
    assert not_read["pages"] == [[4, 5], [7, 10]] and not_read["count"] == 6 and not_read["of"] == 10
    assert [p.number for p in doc.pages] == [1, 2, 3, 4, 5, 6]
    assert any("Page 3" in ln.text for ln in doc.lines())

    f = EvidenceFile("x", "scan.pdf", pdf.stat().st_size, "application/pdf", "2026-01-01T00:00:00Z")
    case = Case(complainant=Complainant(name="K"), other_files=[f])
    facts = CaseFacts(case=case, files={"x": FileFacts(file=f, kinds=[EvidenceKind.OTHER], doc=doc)})
    report = CheckReport(case="ED-1")
    evidence.run(facts, report)
    found = [x for x in report.findings if x.code == "evidence.pages_not_read"]
    assert len(found) == 1
    assert "scan.pdf: pages 4–5, 7–10 of 10 were not read" in found[0].message


@pytest.mark.slow
def test_twenty_thousand_painted_pages_read_within_a_minute(tmp_path: Path) -> None:
    from desktop_app.core.reading import pdf_text

    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(painted_pdf(20_000))
    t0 = time.monotonic()
    doc = pdf_text.read_pdf(pdf, sha256="x")
    assert time.monotonic() - t0 < 60
    assert doc.meta["not_read"]["of"] == 20_000 and len(doc.pages) == pdf_text.MAX_PAGES
    # at most MAX_OCR_PAGES painted pages are OCR'd; the rest of the first MAX_PAGES need OCR past the
    # budget and every page past MAX_PAGES is never opened: one run of pages not read up to the last
    not_read = doc.meta["not_read"]
    first, last = not_read["pages"][-1]
    assert last == 20_000 and first <= pdf_text.MAX_OCR_PAGES + 1
    assert not_read["count"] >= 20_000 - pdf_text.MAX_OCR_PAGES
