"""Tampering: any changed, added or removed byte or file makes verify fail and name it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.package import signing
from desktop_app.core.package.export import export_case
from desktop_app.core.package.safe_zip import UnsafeArchiveError, ZipWriter
from desktop_app.core.package.verify import VerifyReport, verify_package
from tests.package.builders import PASSPHRASE, report_for
from tests.package.conftest import SIGNING_TIME, Exported


def _entries(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(n, zf.read(n)) for n in zf.namelist()]


def _rezip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    """Rewrite canonically, so only the content change itself can be what verify detects."""
    with open(path, "wb") as fh:
        w = ZipWriter(fh)
        for name, data in sorted(entries):
            w.add_bytes(name, data, compress=name.endswith((".txt", ".json")))
        w.close()
    return path


def _failed(report: VerifyReport) -> set[str]:
    return {f.name for f in report.failures}


def _named(report: VerifyReport) -> set[str]:
    """Files named as failing: in the first answer (intact) or the second (signature)."""
    ref = report.reference
    sig = {f"{ref}/{p.split(':', 1)[0]}" for p in report.signature_problems if ":" in p}
    return _failed(report) | sig


def _flip(data: bytes, at: int | None = None) -> bytes:
    i = len(data) // 2 if at is None else at
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


KINDS = [
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "tagmanifest-sha256.txt",
    "tagmanifest-sha256.txt.p7s",
    "data/complaint.json",
    "data/summary.pdf",
    "data/comparison.pdf",
    "data/evidence/listing-1/01-taobao listing.png",
    "data/evidence/certificates/01-certificate 商标.pdf",
]


@pytest.mark.parametrize("kind", KINDS)
def test_a_flipped_byte_in_any_file_is_named(exported: Exported, tmp_path: Path, kind: str) -> None:
    ref = exported.case.reference
    target = f"{ref}/{kind}"
    entries = [(n, _flip(d) if n == target else d) for n, d in _entries(exported.result.path)]
    report = verify_package(_rezip(tmp_path / "t.zip", entries))
    assert not report.valid
    expected = {target}
    if kind == "tagmanifest-sha256.txt":  # the signature over it no longer matches
        expected = {target, f"{ref}/tagmanifest-sha256.txt.p7s"}
    assert _named(report) & expected, (report.failures, report.problems, report.signature_problems)
    assert not report.repacked  # rewritten canonically: only the content changed
    assert main(["verify", str(tmp_path / "t.zip")]) == 1


def test_a_flipped_byte_in_stored_zip_data_is_named(exported: Exported, tmp_path: Path) -> None:
    ref = exported.case.reference
    data = exported.result.path.read_bytes()
    with zipfile.ZipFile(exported.result.path) as zf:
        info = zf.getinfo(f"{ref}/data/evidence/listing-1/02-taobao-detail.png")
    name_len = len(info.filename.encode())
    at = info.header_offset + 30 + name_len + 100
    (tmp_path / "raw.zip").write_bytes(_flip(data, at))
    report = verify_package(tmp_path / "raw.zip")
    assert not report.valid and info.filename in _failed(report)


def test_any_flipped_byte_in_the_zip_structure_fails(exported: Exported, tmp_path: Path) -> None:
    data = exported.result.path.read_bytes()
    with zipfile.ZipFile(exported.result.path) as zf:
        infos = zf.infolist()
    cd_start = infos[-1].header_offset + 30 + len(infos[-1].filename.encode()) + infos[-1].compress_size
    offsets = [infos[3].header_offset + k for k in (4, 6, 8, 10, 12, 14, 18, 22, 26, 30)]
    offsets += [cd_start + k for k in (0, 8, 12, 14, 20, 30, 36, 38, 42, 46)] + [
        len(data) - 2,
        len(data) - 10,
    ]
    for at in offsets:
        path = tmp_path / f"s{at}.zip"
        path.write_bytes(_flip(data, at))
        try:
            report = verify_package(path)
        except UnsafeArchiveError:
            continue  # refused as unusable: also a failure
        # a changed byte outside every file's contents either breaks the package or is reported as a
        # re-packed container; it is never passed over in silence
        assert not report.valid or report.repacked, at
    (tmp_path / "tail.zip").write_bytes(data + b"appended")
    tail = verify_package(tmp_path / "tail.zip")
    assert tail.repacked and "8 byte(s) of the ZIP file belong to no file" in tail.repack_note


@pytest.mark.parametrize("where", ["data/extra.png", "notes.txt", "data/evidence/listing-1/03-more.png"])
def test_an_added_file_is_named(exported: Exported, tmp_path: Path, where: str) -> None:
    name = f"{exported.case.reference}/{where}"
    report = verify_package(
        _rezip(tmp_path / "a.zip", [*_entries(exported.result.path), (name, b"\x89PNG extra")])
    )
    assert not report.valid and name in _failed(report)


def test_a_file_added_outside_the_bag_is_named(exported: Exported, tmp_path: Path) -> None:
    report = verify_package(
        _rezip(tmp_path / "o.zip", [*_entries(exported.result.path), ("README.txt", b"hi")])
    )
    assert not report.valid and "README.txt" in _failed(report)


@pytest.mark.parametrize(
    "kind",
    [
        "data/evidence/listing-1/01-taobao listing.png",
        "data/summary.pdf",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt.p7s",
        "bag-info.txt",
    ],
)
def test_a_removed_file_is_named(exported: Exported, tmp_path: Path, kind: str) -> None:
    name = f"{exported.case.reference}/{kind}"
    entries = [(n, d) for n, d in _entries(exported.result.path) if n != name]
    report = verify_package(_rezip(tmp_path / "r.zip", entries))
    assert not report.valid and name in _failed(report)


def test_swapped_signatures_fail(exported: Exported, tmp_path: Path) -> None:
    ref = exported.case.reference
    sig_name = f"{ref}/tagmanifest-sha256.txt.p7s"
    # same identity, same case, another signing time: the signature is over another tag manifest
    later = export_case(
        exported.store,
        exported.case.id,
        tmp_path / "later.zip",
        exported.identity,
        report=report_for(exported.case),
        signing_time=SIGNING_TIME.replace(hour=11),
    )
    other_sig = dict(_entries(later.path))[sig_name]
    entries = [(n, other_sig if n == sig_name else d) for n, d in _entries(exported.result.path)]
    report = verify_package(_rezip(tmp_path / "s.zip", entries))
    assert report.intact and not report.signature_valid and not report.valid
    assert sig_name in _named(report) and report.trusted is None
    # someone else re-signs the whole package: intact, but not by the trusted signer
    signing.create_identity(tmp_path / "mallory", "Li Wei", "Acme Brand Ltd.", PASSPHRASE)
    mallory = signing.load_identity(tmp_path / "mallory", None, PASSPHRASE)
    forged = export_case(
        exported.store,
        exported.case.id,
        tmp_path / "forged.zip",
        mallory,
        report=report_for(exported.case),
        signing_time=SIGNING_TIME,
    )
    alone = verify_package(forged.path)
    assert alone.valid and alone.trusted is None  # self-consistent, signer not established ...
    untrusted = verify_package(forged.path, trust_cert=exported.cert_pem)
    assert untrusted.valid and untrusted.trusted is False  # ... and not the pinned signer
    assert "signer not established" in untrusted.trust_text
    assert verify_package(forged.path, fingerprint=exported.identity.fingerprint).trusted is False
    assert main(["verify", str(forged.path), "--trust", str(exported.cert_pem)]) == 1
    # mixing: the genuine bag with the forger's signature file
    forged_sig = dict(_entries(forged.path))[sig_name]
    entries = [(n, forged_sig if n == sig_name else d) for n, d in _entries(exported.result.path)]
    mixed = verify_package(_rezip(tmp_path / "m.zip", entries))
    assert not mixed.valid


def test_verify_lines_in_chinese_name_the_same_files(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lang zh_CN verify`: every answer and problem line in Chinese; the files named are the same."""
    from desktop_app.cli import main

    ref = exported.case.reference
    changed, removed = f"{ref}/data/complaint.json", f"{ref}/data/comparison.pdf"
    entries = [
        (n, _flip(d) if n == changed else d) for n, d in _entries(exported.result.path) if n != removed
    ]
    package = _rezip(tmp_path / "t.zip", entries)
    assert main(["--lang", "en", "verify", str(package)]) == 1
    english = capsys.readouterr().out.splitlines()
    assert main(["--lang", "zh_CN", "verify", str(package)]) == 1
    chinese = capsys.readouterr().out.splitlines()
    assert len(chinese) == len(english)
    assert f"   CHANGED {changed}: changed: its SHA-256 differs from the manifest" in english
    assert f"   已修改 {changed}：已修改：其 SHA-256 与清单不符" in chinese
    assert f"   缺失 {removed}：缺失（已从包中移除）" in chinese
    assert chinese[1].startswith("1. 文件完整：否") and chinese[-1] == "无效——文件不完整"
    assert english[-1] == "INVALID — files not intact"
