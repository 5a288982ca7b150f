"""A package whose listing evidence is a web capture: the capture travels unchanged, and summary.pdf shows
its URL, capture time, own SHA-256, WACZ signature, the highlighted text where the mark and the id were
found, and the screenshot the capture carries."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pypdf
import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.package import signing
from desktop_app.core.package.capture_summary import _excerpt
from desktop_app.core.package.export import export_case
from desktop_app.core.package.verify import verify_package
from desktop_app.core.store import Store
from tests.factories.captures import CaptureSpec, capture_case, make_wacz
from tests.package.builders import PASSPHRASE
from tests.package.conftest import SIGNING_TIME


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("capture-package")
    folder = capture_case(root, "mhtml", CaptureSpec(photo_size=(96, 96)))
    capture = folder / "files" / "listing.wacz"
    make_wacz(CaptureSpec(photo_size=(96, 96)), capture, sign=True, screenshot=True)
    (folder / "files" / "listing.mhtml").unlink()
    toml = folder / "case.toml"
    toml.write_text(toml.read_text().replace("listing.mhtml", "listing.wacz"))
    store = Store(root / "data")
    case_id = import_case_folder(store, folder)
    signing.create_identity(root / "data", "Li Wei", "Acme Brand Ltd.", PASSPHRASE, email="li@acme.test")
    identity = signing.load_identity(root / "data", None, PASSPHRASE)
    out = root / "package.zip"
    result = export_case(store, case_id, out, identity, signing_time=SIGNING_TIME)
    store.close()
    summary = root / "summary.pdf"
    with zipfile.ZipFile(result.path) as zf:
        name = next(n for n in zf.namelist() if n.endswith("data/summary.pdf"))
        summary.write_bytes(zf.read(name))
    return result.path, capture, summary


def test_the_capture_travels_unchanged(package: tuple[Path, Path, Path]) -> None:
    zip_path, capture, _summary = package
    with zipfile.ZipFile(zip_path) as zf:
        (name,) = [n for n in zf.namelist() if n.endswith("listing.wacz")]
        assert zf.read(name) == capture.read_bytes()
    assert verify_package(zip_path).valid


def test_summary_shows_url_time_hash_signature_and_where_found(package: tuple[Path, Path, Path]) -> None:
    _zip, capture, summary = package
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(summary).pages)
    flat = " ".join(text.split())
    assert "https://www.aliexpress.com/item/1005006123456789.html" in flat
    assert "2026-02-20T09:30:05Z" in flat and "WARC-Date of archive/data.warc.gz record" in flat
    assert hashlib.sha256(capture.read_bytes()).hexdigest() in flat.replace(" ", "")
    assert "present and valid" in flat
    assert "Item ID: 1005006123456789" in flat  # the excerpt where the id was found
    assert "body/main[1]/div[2]/h1[1]" in flat  # where the mark was found
    assert "screenshot" in flat  # the capturing tool's own, shown


def test_excerpt_cuts_long_lines_around_the_hit() -> None:
    line = "x " * 300 + "KESTRELINE jacket " + "y " * 300
    excerpt, spans = _excerpt(line, "kestreline")
    assert excerpt.startswith("…") and excerpt.endswith("…") and len(excerpt) <= 230
    (a, b) = spans[0]
    assert excerpt[a:b] == "KESTRELINE"
