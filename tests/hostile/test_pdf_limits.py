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
from tests.hostile.rawpdf import bomb_pdf, line_pdf, zlib_bomb


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
