"""Export round trips: the package verifies with the app, bagit.py, openssl and pyHanko's validator."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel

from desktop_app.cli import main
from desktop_app.core.errors import Cancelled, EvidenceError
from desktop_app.core.package import signing
from desktop_app.core.package.cms import KEY_USAGE, validation_context
from desktop_app.core.package.export import ExportBlockedError, export_case
from desktop_app.core.package.verify import verify_package
from desktop_app.core.progress import CancelToken
from tests.package.builders import PASSPHRASE, make_case, report_for
from tests.package.conftest import SIGNING_TIME, Exported

VENV_BIN = Path(sys.executable).parent


def _extract(zip_path: Path, dest: Path) -> Path:
    subprocess.run(["unzip", "-q", str(zip_path), "-d", str(dest)], check=True)
    (bag,) = list(dest.iterdir())
    return bag


def test_app_verifies_its_package(exported: Exported) -> None:
    report = verify_package(exported.result.path, trust_cert=exported.cert_pem)
    assert report.valid, (report.problems, report.failures)
    assert report.trusted is True
    assert report.signer == "Li Wei" and report.organisation == "Acme Brand Ltd."
    assert report.signing_time == SIGNING_TIME == report.pdf_signing_time
    assert report.fingerprint == exported.identity.fingerprint
    assert len(report.files) == 13  # 9 payload files + custody.jsonl, 3 tag files
    pinned = verify_package(
        exported.result.path, fingerprint=exported.identity.fingerprint.replace(":", "").lower()
    )
    assert pinned.valid and pinned.trusted is True


def test_bagit_py_validates_the_bag(exported: Exported, tmp_path: Path) -> None:
    bag = _extract(exported.result.path, tmp_path)
    run = subprocess.run([str(VENV_BIN / "bagit.py"), "--validate", str(bag)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "is valid" in run.stderr
    info = (bag / "bag-info.txt").read_text(encoding="utf-8")
    for line in (
        "Source-Organization: Acme Brand Ltd.",
        "Contact-Name: Li Wei",
        "Contact-Email: legal@acme.test",
        f"External-Identifier: {exported.case.reference}",
        "Bagging-Date: 2026-11-20",
        "Bag-Software-Agent: Evidence Desk",
    ):
        assert line in info
    assert "Payload-Oxum: " in info


def test_openssl_verifies_the_detached_signature(exported: Exported, tmp_path: Path) -> None:
    bag = _extract(exported.result.path, tmp_path)
    cmd = [
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        str(bag / "tagmanifest-sha256.txt.p7s"),
        "-content",
        str(bag / "tagmanifest-sha256.txt"),
        "-CAfile",
        str(exported.cert_pem),
        "-purpose",
        "any",
        "-out",
        os.devnull,
    ]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert run.returncode == 0 and "Verification successful" in run.stderr, run.stderr
    (bag / "tagmanifest-sha256.txt").write_bytes((bag / "tagmanifest-sha256.txt").read_bytes() + b"\n")
    assert subprocess.run(cmd, capture_output=True).returncode != 0
    # the manifests chain every payload byte to the signature
    tags = (bag / "tagmanifest-sha256.txt").read_text()
    assert "manifest-sha256.txt" in tags and "bag-info.txt" in tags and ".p7s" not in tags


def test_pyhanko_validates_the_summary_signature(exported: Exported) -> None:
    with zipfile.ZipFile(exported.result.path) as zf:
        pdf = zf.read(f"{exported.case.reference}/data/summary.pdf")
    (sig,) = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    status = validate_pdf_signature(
        sig,
        signer_validation_context=validation_context([exported.identity.cert]),
        key_usage_settings=KEY_USAGE,
    )
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.subject.native["common_name"] == "Li Wei"
    assert status.signer_reported_dt == SIGNING_TIME


def test_contents_complaint_json_and_original_bytes(exported: Exported) -> None:
    ref = exported.case.reference
    with zipfile.ZipFile(exported.result.path) as zf:
        infos = {i.filename: i for i in zf.infolist()}
        names = list(infos)
        assert names == sorted(names) and all(n.startswith(f"{ref}/") for n in names)
        assert {i.date_time for i in infos.values()} == {(1980, 1, 1, 0, 0, 0)}
        for name, info in infos.items():  # images and PDFs stored as they are, text deflated
            expected = (
                zipfile.ZIP_DEFLATED if name.endswith((".txt", ".json", ".jsonl")) else zipfile.ZIP_STORED
            )
            assert info.compress_type == expected, name
        doc = json.loads(zf.read(f"{ref}/data/complaint.json"))
        for entry in doc["evidence"]:
            data = zf.read(f"{ref}/{entry['path']}")
            original = exported.store.file_path(entry["sha256"]).read_bytes()
            assert data == original
        assert f"{ref}/data/comparison.pdf" in infos
    assert doc["format_version"] == "1.1"
    assert doc["case"]["reference"] == ref
    assert doc["complainant"]["name"] == "Acme Brand Ltd."
    assert doc["rights"][0]["registration_number"] == "12345678" and "certificate_fields" in doc["rights"][0]
    assert doc["rights"][0]["certificate"] == "data/evidence/certificates/01-certificate 商标.pdf"
    assert (
        doc["listings"][0]["marketplace"] == "Taobao" and doc["listings"][0]["listing_id"] == "610012345678"
    )
    assert doc["listings"][0]["screenshots"] == [
        "data/evidence/listing-1/01-taobao listing.png",
        "data/evidence/listing-1/02-taobao-detail.png",
    ]
    assert doc["checks"]["verdict"] == "ready" and doc["checks"]["located"][0]["what"] == "mark"
    assert doc["blockers_overridden"] is False and doc["override"] is None
    names = {e["original_name"] for e in doc["evidence"]}
    assert names == {"certificate 商标.pdf", "taobao listing.png", "taobao-detail.png", "genuine.png"}
    assert all(e["imported_at"] and len(e["sha256"]) == 64 for e in doc["evidence"])
    assert doc["signer"]["fingerprint"] == exported.identity.fingerprint


def test_summary_pdf_shows_chinese_text_and_the_file_index(exported: Exported) -> None:
    import pypdfium2 as pdfium

    with zipfile.ZipFile(exported.result.path) as zf:
        pdf = zf.read(f"{exported.case.reference}/data/summary.pdf")
    doc = pdfium.PdfDocument(pdf)
    text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    doc.close()
    assert "假冒运动鞋" in text and "商标" in text
    for f in exported.case.listings[0].screenshots:
        assert f.sha256 in text.replace("\r", "").replace("\n", "")
    assert "Listing 1: Taobao 610012345678" in text


def test_export_is_recorded_in_the_audit_log(exported: Exported) -> None:
    entries = [e for e in exported.store.audit_entries(exported.case.id) if e["action"] == "case.export"]
    assert entries and entries[-1]["sha256"] == exported.result.sha256
    import hashlib

    assert hashlib.sha256(exported.result.path.read_bytes()).hexdigest() == exported.result.sha256


def test_same_case_twice_differs_only_by_its_grown_custody_log(exported: Exported, tmp_path: Path) -> None:
    ref = exported.case.reference
    again = export_case(
        exported.store,
        exported.case.id,
        tmp_path / "again.zip",
        exported.identity,
        report=report_for(exported.case),
        signing_time=SIGNING_TIME,
    )
    with zipfile.ZipFile(exported.result.path) as a, zipfile.ZipFile(again.path) as b:
        assert a.namelist() == b.namelist()
        differ = {n for n in a.namelist() if a.read(n) != b.read(n)}
        first_log = a.read(f"{ref}/data/custody.jsonl").splitlines()[1:]
        second_log = b.read(f"{ref}/data/custody.jsonl").splitlines()[1:]
    # the second package's history includes the first export; every other file is byte-identical
    # (deterministic signatures, RFC 6979, and the same signing time)
    assert second_log[: len(first_log)] == first_log
    assert any(json.loads(line)["action"] == "case.export" for line in second_log[len(first_log) :])
    log_and_what_covers_it = {
        f"{ref}/data/custody.jsonl",
        f"{ref}/data/summary.pdf",  # its chain-of-custody page
        f"{ref}/bag-info.txt",  # Payload-Oxum counts the log's bytes
        f"{ref}/manifest-sha256.txt",
        f"{ref}/tagmanifest-sha256.txt",
        f"{ref}/tagmanifest-sha256.txt.p7s",
    }
    assert differ == log_and_what_covers_it
    later = export_case(
        exported.store,
        exported.case.id,
        tmp_path / "later.zip",
        exported.identity,
        report=report_for(exported.case),
        signing_time=SIGNING_TIME + dt.timedelta(hours=1),
    )
    with zipfile.ZipFile(again.path) as a, zipfile.ZipFile(later.path) as b:
        differ = {n for n in a.namelist() if a.read(n) != b.read(n)}
    # another signing time changes only what carries it (the signed PDF, the signature, the manifests
    # that hash them) and the history, which now holds one more export
    assert differ == log_and_what_covers_it


def test_blockers_refuse_export_unless_overridden(store, tmp_path: Path) -> None:
    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    ident = signing.load_identity(store.data_dir, None, PASSPHRASE)
    out = tmp_path / "out" / "p.zip"
    with pytest.raises(ExportBlockedError, match="right.expired"):
        export_case(store, case.id, out, ident, report=report_for(case, blocker=True))
    assert not out.exists()
    out.parent.mkdir()
    result = export_case(
        store, case.id, tmp_path / "out", ident, report=report_for(case, blocker=True), allow_blockers=True
    )
    assert result.path == (tmp_path / "out" / f"{case.reference}-v1.zip").resolve()
    assert result.blockers_overridden
    with zipfile.ZipFile(result.path) as zf:
        doc = json.loads(zf.read(f"{case.reference}/data/complaint.json"))
        assert f"{case.reference}/data/comparison.pdf" not in zf.namelist()
    assert doc["blockers_overridden"] is True and doc["override"]["blocker_codes"] == ["right.expired"]
    assert verify_package(result.path).valid
    assert store.exports(case.id)[-1]["allow_blockers"] == 1


def test_cancel_leaves_no_file(store, tmp_path: Path) -> None:
    case = make_case(store, tmp_path / "src", cjk=False)
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    ident = signing.load_identity(store.data_dir, None, PASSPHRASE)
    token = CancelToken()

    def progress(fraction: float, label: str) -> None:
        if label.startswith("Packaging evidence"):
            token.cancel()

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        export_case(
            store, case.id, out / "p.zip", ident, report=report_for(case), progress=progress, cancel=token
        )
    assert list(out.iterdir()) == []
    assert not [e for e in store.audit_entries(case.id) if e["action"] == "case.export"]


def test_cli_round_trip(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = make_case(store, tmp_path / "src", cjk=False)
    report_json = report_for(case).to_json()
    store.record_check(case.id, "test", "ready", 0, 1, report_json)
    monkeypatch.setenv("EVIDENCE_DESK_DATA_DIR", str(store.data_dir))
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n")
    assert (
        main(["identity", "create", "--name", "Li Wei", "--org", "Acme", "--passphrase-file", str(pw)]) == 0
    )
    assert main(["identity", "export-cert", "Li Wei", "--out", str(tmp_path / "li.pem")]) == 0
    assert main(["identity", "list"]) == 0
    assert "Li Wei" in capsys.readouterr().out
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", "wrong passphrase")
    assert main(["export", case.reference, "--out", str(tmp_path / "p.zip")]) == 2
    assert "wrong passphrase" in capsys.readouterr().err
    monkeypatch.setenv("EVIDENCE_DESK_PASSPHRASE", PASSPHRASE)
    from desktop_app.core.package import export as export_mod

    monkeypatch.setattr(export_mod, "_run_checks", lambda *a: report_for(case))
    assert main(["export", case.reference, "--out", str(tmp_path / "p.zip")]) == 0
    assert main(["verify", str(tmp_path / "p.zip"), "--trust", str(tmp_path / "li.pem")]) == 0
    out = capsys.readouterr().out
    assert "naming 'Li Wei'" in out and "3. Signer trusted: YES" in out
    assert out.strip().endswith("VALID — files intact, signature valid, signer trusted")
    # no trust given or configured: valid, but the signer is "not established", never "signed by Li Wei"
    assert main(["verify", str(tmp_path / "p.zip")]) == 0
    out = capsys.readouterr().out
    assert "3. Signer trusted: NO — signer not established (self-signed / no trust given)" in out
    assert out.strip().endswith("signer not established")
    assert main(["verify", str(tmp_path / "p.zip"), "--require-trust"]) == 1
    capsys.readouterr()
    other = signing.create_identity(tmp_path / "other", "Mallory", "Evil", PASSPHRASE)
    assert main(["verify", str(tmp_path / "p.zip"), "--fingerprint", other.fingerprint]) == 1
    out = capsys.readouterr().out
    assert "3. Signer trusted: NO — signer not established: the signer 'Li Wei'" in out
    assert "NOT ACCEPTED" in out


def test_a_damaged_vault_copy_is_refused_and_leaves_no_file(store, tmp_path: Path) -> None:
    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    ident = signing.load_identity(store.data_dir, None, PASSPHRASE)
    damaged = store.file_path(case.other_files[0] if case.other_files else case.rights[0].certificate)
    os.chmod(damaged, 0o644)
    damaged.write_bytes(_flip_last(damaged.read_bytes()))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(EvidenceError, match="no longer matches its SHA-256"):
        export_case(store, case.id, out / "p.zip", ident, report=report_for(case))
    assert list(out.iterdir()) == []


def _flip_last(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 0xFF])


def test_ca_issued_identity_chain_travels_with_the_signatures(store, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    from tests.package.test_signing import PASS, make_p12

    _leaf, ca = make_p12(tmp_path / "zhang.p12")
    signing.import_identity(store.data_dir, tmp_path / "zhang.p12", PASS)
    ident = signing.load_identity(store.data_dir, "Zhang San", PASS)
    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    result = export_case(store, case.id, tmp_path / "p.zip", ident, report=report_for(case))
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    report = verify_package(result.path, trust_cert=ca_pem)
    assert report.valid and report.trusted is True and report.signer == "Zhang San"
    bag = _extract(result.path, tmp_path / "x")
    sig, tags = str(bag / "tagmanifest-sha256.txt.p7s"), str(bag / "tagmanifest-sha256.txt")
    cmd = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig, "-content", tags]
    run = subprocess.run([*cmd, "-CAfile", str(ca_pem), "-purpose", "any", "-out", os.devnull],
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(result.path) as zf:  # the private key never enters a package
        secret = ident.key.private_numbers().private_value.to_bytes(32, "big")
        for name in zf.namelist():
            data = zf.read(name)
            assert b"PRIVATE KEY" not in data and secret not in data, name
