"""check_case on a real store: facts cached, runs recorded, unchanged cases answered from the record.

The documents are text PDFs (a "print to PDF" of the listing counts as a screenshot), so no OCR runs
here; the OCR path has its own focused test.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from desktop_app.cli import main as cli_main
from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case, input_digest
from desktop_app.core.errors import Cancelled
from desktop_app.core.model import CaseStatus
from desktop_app.core.progress import CancelToken
from tests.factories.certificates import CertificateSpec, make_certificate_pdf
from tests.factories.layout import Page, render_pdf

URL = "https://www.aliexpress.com/item/1005006123456789.html"


def _listing_pdf(
    path: Path, url: str = URL, title: str = "KESTRELINE Men's Waterproof Hooded Jacket"
) -> None:
    page = Page()
    page.text(15, 15, url, 10)
    page.text(15, 40, title, 16, bold=True)
    page.text(15, 52, "US $23.99", 14)
    page.text(15, 62, "Item ID: " + url.rsplit("/", 1)[1].split(".")[0], 11)
    render_pdf([page], path)


def make_case_folder(root: Path, *, number: str = "6,123,456", url: str = URL, name: str = "case") -> Path:
    folder = root / name
    files = folder / "files"
    files.mkdir(parents=True)
    make_certificate_pdf(CertificateSpec(), files / "certificate.pdf")
    _listing_pdf(files / "listing.pdf", url)
    (folder / "case.toml").write_text(
        'filing_date = "2026-11-20"\n'
        '[complainant]\nname = "Kestreline Apparel Inc."\n'
        f'[[rights]]\noffice = "USPTO"\nregistration_number = "{number}"\nmark = "KESTRELINE"\n'
        'owner = "Kestreline Apparel Inc."\nclasses = [25]\ncertificate = "files/certificate.pdf"\n'
        f'[[listings]]\nurl = "{URL}"\ntitle = "Men\'s Waterproof Hooded Jacket"\n'
        'screenshots = ["files/listing.pdf"]\n',
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cases")
    return {
        "clean": make_case_folder(root),
        "wrong_number": make_case_folder(root, number="6,123,465", name="wrong"),
        "other_listing": make_case_folder(
            root, url="https://www.aliexpress.com/item/1005009988776655.html", name="other"
        ),
    }


def test_clean_case_is_ready_recorded_and_located(store, folders) -> None:
    case_id = import_case_folder(store, folders["clean"])
    seen: list[float] = []
    report = check_case(store, case_id, progress=lambda f, _label: seen.append(f))
    assert report.verdict == "ready", [f.message for f in report.findings]
    assert seen and seen[-1] == pytest.approx(1.0) and seen == sorted(seen)
    last = store.last_check(case_id)
    assert last["verdict"] == "ready" and last["blockers"] == 0
    assert store.get_case(case_id).status == CaseStatus.READY
    located = {(loc.what, loc.evidence.file) for loc in report.located}
    assert ("mark", "listing.pdf") in located and ("listing_id", "listing.pdf") in located


def test_recheck_of_unchanged_case_reads_nothing_and_is_fast(store, folders) -> None:
    case_id = import_case_folder(store, folders["clean"])
    first = check_case(store, case_id)
    case = store.get_case(case_id)
    for _kind, f in case.evidence_files():  # were anything read again, it would now be unreadable
        store.file_path(f).unlink()
    t0 = time.perf_counter()
    again = check_case(store, case_id)
    elapsed = time.perf_counter() - t0
    assert again.to_json() == first.to_json()
    assert elapsed < 0.2
    runs = list(store.db.query("SELECT input_digest FROM check_runs WHERE case_id = ?", [case_id]))
    assert len(runs) == 2 and runs[0]["input_digest"] == runs[1]["input_digest"] == input_digest(case)


def test_changed_entry_is_checked_again_from_cached_facts(store, folders) -> None:
    case_id = import_case_folder(store, folders["clean"])
    check_case(store, case_id)
    cached = store.db.execute("SELECT COUNT(*) FROM reading_cache").fetchone()[0]
    case = store.get_case(case_id)
    case.rights[0].registration_number = "6123465"
    store.save_case(case)
    report = check_case(store, case_id)
    assert [f.code for f in report.blockers] == ["right.registration_number_mismatch"]
    assert "certificate.pdf, page 1" in report.blockers[0].message
    assert store.db.execute("SELECT COUNT(*) FROM reading_cache").fetchone()[0] == cached
    assert store.get_case(case_id).status == CaseStatus.NOT_READY


def test_cancelled_check_records_nothing(store, folders) -> None:
    case_id = import_case_folder(store, folders["clean"])
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        check_case(store, case_id, cancel=token)
    assert store.last_check(case_id) is None


def test_cli_json_and_exit_codes(data_dir, folders, capsys) -> None:
    assert cli_main(["--data-dir", str(data_dir), "check", str(folders["clean"]), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "ready" and out["findings"] == []
    assert set(out) >= {"case", "verdict", "findings"}

    assert (
        cli_main(["--data-dir", str(data_dir), "check", str(folders["other_listing"]), "--format", "json"])
        == 1
    )
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "not_ready"
    mismatch = next(f for f in out["findings"] if f["code"] == "listing.id_mismatch")
    assert mismatch["severity"] == "blocker"
    ev = mismatch["evidence"][0]
    assert (
        ev["file"] == "listing.pdf"
        and ev["page"] == 1
        and len(ev["box"]) == 4
        and "1005009988776655" in ev["text"]
    )


def test_cli_text_lists_blockers_first_and_a_summary(data_dir, folders, capsys) -> None:
    code = cli_main(["--data-dir", str(data_dir), "check", str(folders["wrong_number"])])
    lines = capsys.readouterr().out.strip().splitlines()
    assert code == 1
    assert lines[0].startswith("BLOCKER") and "right.registration_number_mismatch" in lines[0]
    assert "NOT READY" in lines[-1] and "1 blocker" in lines[-1]


def test_cli_bad_input_exits_2(data_dir, tmp_path, capsys) -> None:
    assert cli_main(["--data-dir", str(data_dir), "check", "ED-2099-99999"]) == 2
    assert "ED-2099-99999" in capsys.readouterr().err
    empty = tmp_path / "not-a-case"
    empty.mkdir()
    assert cli_main(["--data-dir", str(data_dir), "check", str(empty)]) == 2
    assert "case.toml" in capsys.readouterr().err
