"""Unreadable certificates end to end: real files from the factories, a real store, the real CLI.

An unreadable certificate (a noise scan, a dark blurred phone photo) blocks; confirming the right's
fields by hand makes the case ready and is written to the hash-chained audit log; a changed
certificate or a changed field makes the confirmation stale; a submitted case refuses it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.confirmation import ConfirmationError, confirm_right
from desktop_app.core.store import Store
from tests.core.test_cli import run
from tests.factories.certificates import (
    CertificateSpec,
    make_certificate_image,
    make_certificate_pdf,
    make_noise_scan_pdf,
)
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot

pytestmark = pytest.mark.ocr
URL = "https://www.aliexpress.com/item/1005006123456789.html"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("confirm-files")
    make_certificate_pdf(CertificateSpec(), root / "certificate.pdf")
    make_noise_scan_pdf(root / "noise-scan.pdf")
    make_certificate_image(
        CertificateSpec(), root / "dark-photo.jpg", photo=True, blur=5.0, brightness=0.18, seed=3
    )
    make_noise_scan_pdf(root / "other-scan.pdf", seed=9)
    spec = ScreenshotSpec(
        url=URL,
        title="KESTRELINE Men's Waterproof Hooded Jacket Windbreaker",
        shown_id="1005006123456789",
    )
    make_listing_screenshot(spec, root / "listing.png")
    return root


def _folder(root: Path, files: Path, certificate: str, name: str) -> Path:
    folder = root / name
    (folder / "files").mkdir(parents=True)
    for f in (certificate, "listing.png"):
        (folder / "files" / f).write_bytes((files / f).read_bytes())
    (folder / "case.toml").write_text(
        'filing_date = "2026-11-20"\n[complainant]\nname = "Kestreline Apparel Inc."\n'
        '[[rights]]\noffice = "USPTO"\nregistration_number = "6,123,456"\nmark = "KESTRELINE"\n'
        f'owner = "Kestreline Apparel Inc."\nclasses = [25]\ncertificate = "files/{certificate}"\n'
        f'[[listings]]\nurl = "{URL}"\ntitle = "KESTRELINE Men\'s Waterproof Hooded Jacket Windbreaker"\n'
        'screenshots = ["files/listing.png"]\n',
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, files: Path):
    """One store for the module: the listing screenshot is read (OCR) once."""
    root = tmp_path_factory.mktemp("confirm-store")
    store = Store(root / "data")
    yield store, root
    store.close()


def _case(shared, files: Path, certificate: str, name: str) -> int:
    store, root = shared
    return import_case_folder(store, _folder(root / "folders", files, certificate, name))


def test_clean_case_stays_ready(shared, files: Path) -> None:
    store, _root = shared
    case_id = _case(shared, files, "certificate.pdf", "clean")
    report = check_case(store, case_id)
    assert report.verdict == "ready", [f.message for f in report.blockers]
    assert {x.status for x in report.facts} == {"established"}


@pytest.mark.parametrize("certificate", ["noise-scan.pdf", "dark-photo.jpg"])
def test_unreadable_certificate_blocks_until_confirmed_by_hand(shared, files: Path, certificate: str) -> None:
    store, _root = shared
    case_id = _case(shared, files, certificate, f"unreadable-{certificate}")
    report = check_case(store, case_id)
    unreadable = [f for f in report.findings if f.code == "evidence.certificate_unreadable"]
    assert unreadable and unreadable[0].severity == "blocker", [f.to_json() for f in report.findings]
    assert report.verdict == "not_ready"

    right = store.cases.get(case_id).rights[0]
    c = confirm_right(
        store,
        case_id,
        right.id,
        ["number", "mark", "owner", "classes", "dates"],
        expires=dt.date(2031, 3, 14),
    )
    assert c.source.startswith("confirmed by hand by ")
    report = check_case(store, case_id)
    assert report.verdict == "ready", [f.message for f in report.blockers]
    assert all(x.by_hand and "read from" not in x.source for x in report.facts if x.subject == "rights[0]")
    by_fact = {x.fact: x for x in report.facts if x.subject == "rights[0]"}
    assert by_fact["in_force"].value == "2031-03-14"  # the term end confirmed, as data for the filing sheet
    assert by_fact["classes"].value == ", ".join(str(n) for n in sorted(set(right.classes)))

    entries = [e for e in store.audit.entries(case_id) if e["action"] == "right.confirm"]
    assert entries and entries[-1]["detail"]["fields"] == ["number", "mark", "owner", "classes", "dates"]
    assert entries[-1]["sha256"] == right.certificate.sha256
    assert store.audit.verify().ok


def test_changed_certificate_or_field_makes_the_confirmation_stale(shared, files: Path) -> None:
    store, _root = shared
    case_id = _case(shared, files, "noise-scan.pdf", "stale")
    right = store.cases.get(case_id).rights[0]
    confirm_right(
        store,
        case_id,
        right.id,
        ["number", "mark", "owner", "classes", "dates"],
        expires=dt.date(2031, 3, 14),
    )
    assert check_case(store, case_id).verdict == "ready"

    right.certificate = store.files.add(files / "other-scan.pdf")
    store.rights.save(right)
    report = check_case(store, case_id)
    assert report.verdict == "not_ready"
    stale = [f for f in report.findings if f.code == "right.confirmation_stale"]
    assert stale and "certificate was replaced" in stale[0].message

    confirm_right(
        store,
        case_id,
        right.id,
        ["number", "mark", "owner", "classes", "dates"],
        expires=dt.date(2031, 3, 14),
    )
    assert check_case(store, case_id).verdict == "ready"
    right.owner = "Kestreline Holdings Ltd"
    store.rights.save(right)
    report = check_case(store, case_id)
    assert report.verdict == "not_ready"
    assert any(
        "owner was changed" in f.message for f in report.findings if f.code == "right.confirmation_stale"
    )


def test_confirmation_refused_on_a_submitted_case(shared, files: Path) -> None:
    from desktop_app.core.outcomes import record_submission

    store, _root = shared
    case_id = _case(shared, files, "noise-scan.pdf", "submitted")
    record_submission(store, case_id, "IPP-1", marketplace="aliexpress", export_version=None)
    right = store.cases.get(case_id).rights[0]
    with pytest.raises(ConfirmationError) as exc:
        confirm_right(store, case_id, right.id, ["number"])
    assert "read-only" in str(exc.value) and "\n" not in str(exc.value)
    assert not store.confirmations.history(right.id)


def test_dates_need_the_term_end(shared, files: Path) -> None:
    store, _root = shared
    case_id = _case(shared, files, "noise-scan.pdf", "dates")
    right = store.cases.get(case_id).rights[0]
    with pytest.raises(ConfirmationError, match="term ends"):
        confirm_right(store, case_id, right.id, ["dates"])


def test_cli_check_exit_1_then_confirm_then_ready(tmp_path: Path, files: Path) -> None:
    data = tmp_path / "data"
    folder = _folder(tmp_path, files, "noise-scan.pdf", "cli")
    r = run("import", str(folder), data_dir=data)
    assert r.returncode == 0, r.stderr
    case_id = r.stdout.strip()

    r = run("check", case_id, "--format", "json", data_dir=data)
    assert r.returncode == 1, r.stderr
    blockers = [f for f in json.loads(r.stdout)["findings"] if f["severity"] == "blocker"]
    assert [f["code"] for f in blockers] == ["evidence.certificate_unreadable"]

    r = run("right", "confirm", case_id, "KESTRELINE", "--all", data_dir=data)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "term ends" in r.stderr

    r = run(
        "right",
        "confirm",
        case_id,
        "6123456",
        "--fields",
        "number,mark,owner,classes,dates",
        "--expires",
        "2031-03-14",
        data_dir=data,
    )
    assert r.returncode == 0, r.stderr
    assert "confirmed by hand by " in r.stdout

    r = run("check", case_id, data_dir=data)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "READY" in r.stdout and "info" in r.stdout

    r = run("audit", "verify", data_dir=data)
    assert r.returncode == 0, r.stdout + r.stderr

    r = run("right", "confirm", case_id, "NOSUCH", "--fields", "mark", data_dir=data)
    assert r.returncode == 2 and "has no right 'NOSUCH'" in r.stderr


def test_summary_pdf_says_confirmed_by_hand(shared, files: Path, tmp_path: Path) -> None:
    import zipfile

    import pypdfium2 as pdfium

    from desktop_app.core.package import signing
    from desktop_app.core.package.export import export_case

    store, _root = shared
    case_id = _case(shared, files, "noise-scan.pdf", "summary")
    signing.create_identity(store.data_dir, "Jane Roe", "Harrow & Pike LLP", "pass-phrase-1")
    right = store.cases.get(case_id).rights[0]
    fields = ["number", "mark", "owner", "classes", "dates"]
    c = confirm_right(store, case_id, right.id, fields, expires=dt.date(2031, 3, 14))
    assert c.confirmed_by == "Jane Roe (Harrow & Pike LLP)"
    identity = signing.load_identity(store.data_dir, None, "pass-phrase-1")
    result = export_case(store, case_id, tmp_path / "package.zip", identity)
    case = store.cases.get(case_id)
    with zipfile.ZipFile(result.path) as zf:
        pdf = zf.read(f"{case.reference}/data/summary.pdf")
        custody = zf.read(f"{case.reference}/data/custody.jsonl").decode()
    (tmp_path / "summary.pdf").write_bytes(pdf)
    doc = pdfium.PdfDocument(pdf)
    text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    doc.close()
    text = " ".join(text.split())
    assert f"confirmed by hand by Jane Roe (Harrow & Pike LLP) on {c.date}" in text
    assert "read from noise-scan.pdf" not in text
    assert '"right.confirm"' in custody
