"""Filing attachments: each batch's evidence as PDF files within the form's upload limit, named for the
case, form, batch and part; every listing in exactly one part; the right stated only as established;
the signed package named only when it holds the case as it is now; nothing written over."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.checks.findings import NOT_ESTABLISHED, CheckReport, Finding
from desktop_app.core.errors import UserError
from desktop_app.core.model import Listing
from desktop_app.core.package import signing
from desktop_app.core.package.attachments import STEPS, attachment_name, upload_limits, write_attachments
from desktop_app.core.package.export import export_case
from desktop_app.core.resources import demo_case_dir
from desktop_app.core.store import Store

PASSPHRASE = "attachments passphrase"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    data = tmp_path_factory.mktemp("attachments") / "data"
    store = Store(data)
    case_id = import_case_folder(store, demo_case_dir())
    report = check_case(store, case_id)
    yield store, store.cases.get(case_id), report
    store.close()


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


def _many(store, case, tmp: Path, n: int):  # noqa: ANN001, ANN202
    """The demo case with n listings, each with a screenshot of its own (distinct pixels: a PDF stores
    one copy of identical images, so copies would not measure splitting)."""
    listings = []
    for i in range(n):
        lid = str(1005006123456000 + i)
        img = Image.effect_noise((900, 700), 60 + i).convert("RGB")  # photo-like: JPEG cannot shrink it away
        path = tmp / f"listing-{i}.png"
        img.save(path)
        shot = store.files.add(path)
        listings.append(Listing(url=f"https://www.aliexpress.com/item/{lid}.html", screenshots=[shot]))
    return dataclasses.replace(case, listings=listings)


def test_every_form_has_upload_limits_and_says_whether_they_are_published() -> None:
    for key in ("alibaba_ipp", "amazon_report", "ebay_vero", "mercadolibre_bpp", "generic"):
        limits = upload_limits(key)
        assert limits.max_bytes > 0 and "pdf" in limits.types
        assert limits.source
        assert ("not published" in limits.describe()) is (not limits.published)


def test_names_are_ascii_bounded_and_say_batch_and_part() -> None:
    name = attachment_name("ED-2026-00001", "alibaba_ipp", 1, 2, 3, 4)
    assert name == "ED-2026-00001_alibaba_ipp_batch1of2_evidence_part3of4.pdf"
    assert attachment_name("ED/../x y", "f", 1, 1, 1, 1) == "ED-..-x-y_f_batch1of1_evidence.pdf"
    assert len(attachment_name("X" * 300, "f", 1, 1, 1, 1)) <= 100


def test_a_batch_is_split_within_the_limit_with_each_listing_in_exactly_one_part(
    demo, tmp_path: Path
) -> None:  # noqa: ANN001
    store, case, report = demo
    big = _many(store, case, tmp_path, 12)
    one = write_attachments(store, big, report, tmp_path / "whole")
    whole = one.files[0].size
    limit = whole // 3
    result = write_attachments(store, big, report, tmp_path / "split", max_bytes=limit)
    files = result.files
    assert len(files) >= 3
    assert all(a.size <= limit and a.path.stat().st_size == a.size for a in files)
    assert [a.part for a in files] == list(range(1, len(files) + 1))
    assert all(a.parts == len(files) for a in files)
    assert all(
        re.fullmatch(r"ED-\d{4}-\d{5}_alibaba_ipp_batch1of1_evidence_part\d+of\d+\.pdf", a.path.name)
        for a in files
    )
    seen = [lid for a in files for lid in a.listing_ids]
    assert sorted(seen) == sorted(str(1005006123456000 + i) for i in range(12))
    for a in files:
        text = _text(a.path)
        assert f"part {a.part} of {a.parts}" in text
        for lid in a.listing_ids:
            assert lid in text
    assert sorted(p.name for p in (tmp_path / "split").iterdir()) == sorted(a.path.name for a in files)


def test_smaller_previews_when_one_listing_alone_is_over_the_limit(demo, tmp_path: Path) -> None:  # noqa: ANN001
    store, case, report = demo
    full = write_attachments(store, case, report, tmp_path / "full").files[0]
    result = write_attachments(store, case, report, tmp_path / "small", max_bytes=int(full.size * 0.7))
    assert len(result.files) == 1 and result.files[0].step > 0 and result.files[0].size < full.size * 0.7
    tiny = write_attachments(store, case, report, tmp_path / "tiny", max_bytes=2000)
    assert tiny.files[0].step == len(STEPS) - 1
    assert any("larger than" in note for note in tiny.notes)  # said, not dropped


def test_the_right_is_stated_only_as_established_and_the_package_only_when_current(
    demo, tmp_path: Path
) -> None:  # noqa: ANN001
    store, case, report = demo
    text = _text(write_attachments(store, case, report, tmp_path / "before").files[0].path)
    assert "6123456" in text and "No signed package holds this case" in text
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    identity = signing.load_identity(store.data_dir, None, PASSPHRASE)
    exported = export_case(store, case.id, tmp_path / "pkg.zip", identity, report=report)
    text = _text(write_attachments(store, case, report, tmp_path / "after").files[0].path)
    assert exported.sha256 in text.replace(" ", "") and exported.path.name in text

    owner = next(f for f in report.facts if f.fact == "owner")
    weaker = dataclasses.replace(
        report,
        facts=[dataclasses.replace(f, status=NOT_ESTABLISHED) if f is owner else f for f in report.facts],
    )
    text = _text(write_attachments(store, case, weaker, tmp_path / "weaker").files[0].path)
    registrant = text.split("Registrant", 1)[1].split("Expiration date", 1)[0]
    assert case.rights[0].owner not in registrant and registrant.strip().startswith("not established")


def test_nothing_is_written_over_and_a_case_not_ready_gets_nothing(demo, tmp_path: Path) -> None:  # noqa: ANN001
    store, case, report = demo
    first = write_attachments(store, case, report, tmp_path / "out").files[0]
    before = first.path.read_bytes()
    with pytest.raises(UserError, match="already there"):
        write_attachments(store, case, report, tmp_path / "out")
    assert first.path.read_bytes() == before
    assert [p.name for p in (tmp_path / "out").iterdir()] == [first.path.name]  # no temporary left

    blocked = CheckReport(
        report.case,
        [*report.findings, Finding("mark.not_found", "x")],
        list(report.located),
        list(report.facts),
    )
    with pytest.raises(UserError, match="not ready"):
        write_attachments(store, case, blocked, tmp_path / "blocked")
    assert not (tmp_path / "blocked").exists() or not any((tmp_path / "blocked").iterdir())


def test_cli_writes_the_attachments_beside_the_sheet_in_the_language_asked(tmp_path: Path) -> None:
    from tests.core.test_cli import run

    out = tmp_path / "upload"
    r = run(
        "--lang", "zh_CN", "filing-sheet", str(demo_case_dir()), "--attachments", str(out),
        "--attachment-limit", "0.12",
        data_dir=tmp_path / "data",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    files = list(out.iterdir())
    assert len(files) == 1 and files[0].stat().st_size <= 0.12 * 1024 * 1024
    assert f"{files[0]}：" in r.stdout and "第 1/1 批" in r.stdout
    assert "每个不超过 0.12 MB" in r.stdout
    r = run("filing-sheet", "ED-2026-00001", "--attachments", str(out), data_dir=tmp_path / "data")
    assert r.returncode != 0 and "already there" in r.stderr  # never written over
    assert list(out.iterdir()) == files
