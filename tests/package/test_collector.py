"""The cyclic garbage collector stays paused while the PDF libraries work (their full collections
stalled the window for 30-60 ms per export), and is enabled again afterwards, whatever happens."""

from __future__ import annotations

import datetime as dt
import gc
import threading
from pathlib import Path

import pytest
from fpdf import FPDF

from desktop_app.core.collector import collector_paused
from desktop_app.core.package import pades, signing
from tests.package.builders import PASSPHRASE


@pytest.fixture
def collections():
    seen: list[int] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(watch)
    yield seen
    gc.callbacks.remove(watch)


def test_paused_inside_enabled_after_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still holds it
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_left_disabled_when_it_was_disabled_before() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_threads_overlapping_blocks_enable_only_when_the_last_ends() -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=other)
    t.start()
    assert inside.wait(10)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the other thread's block is still running
    release.set()
    t.join(10)
    assert gc.isenabled()


def test_signing_a_pdf_runs_no_collection(tmp_path: Path, collections: list[int]) -> None:
    signing.create_identity(tmp_path, "Li Wei", "Acme Brand Ltd.", PASSPHRASE)
    identity = signing.load_identity(tmp_path, None, PASSPHRASE)
    doc = FPDF()
    doc.add_page()
    doc.set_font("helvetica", size=12)
    doc.cell(0, 10, "summary")
    unsigned = bytes(doc.output())
    collections.clear()
    signed = pades.sign_pdf(unsigned, identity, dt.datetime.now(dt.timezone.utc))
    # pyHanko allocates far more than one collection's threshold; the one young collection allowed is
    # the first allocation after the collector is enabled again, on the way out
    assert collections in ([], [0])
    assert signed.startswith(b"%PDF") and len(signed) > len(unsigned)
    assert gc.isenabled()
