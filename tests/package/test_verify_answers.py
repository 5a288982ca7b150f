"""Verify's three answers: files intact, signature valid, signer trusted (or not established)."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.cli import main
from desktop_app.core.package import signing
from desktop_app.core.package.export import export_case
from desktop_app.core.package.trust import TrustStoreError, load_trust_store, trust_store_path
from desktop_app.core.package.verify import NOT_ESTABLISHED, verify_package
from tests.package.builders import make_case, report_for
from tests.package.conftest import Exported


def _unzip_and_zip_again(package: Path, tmp: Path, *flags: str) -> Path:
    """What a recipient does with the `unzip` and `zip` tools: same files, another container."""
    folder = tmp / "unzipped"
    subprocess.run(["unzip", "-q", str(package), "-d", str(folder)], check=True)
    out = tmp / "rezipped.zip"
    subprocess.run(["zip", "-q", "-r", *flags, str(out), "."], cwd=folder, check=True)
    return out


def test_self_signed_without_trust_is_valid_but_signer_not_established(exported: Exported) -> None:
    report = verify_package(exported.result.path)
    assert report.intact and report.signature_valid and report.valid
    assert report.trusted is None and report.trust_text == NOT_ESTABLISHED
    assert report.signer == "Li Wei"  # what the certificate says, reported as such, not as a fact


@pytest.mark.parametrize("flags", [(), ("-X", "-9")], ids=["zip -r", "zip -r -X -9"])
def test_a_repacked_package_is_valid_with_a_note(
    exported: Exported, tmp_path: Path, flags: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    rezipped = _unzip_and_zip_again(exported.result.path, tmp_path, *flags)
    with zipfile.ZipFile(rezipped) as zf:  # really another container: directories, other order, dates
        assert any(n.endswith("/") for n in zf.namelist())
    report = verify_package(rezipped)
    assert report.intact and report.signature_valid and report.valid, (
        report.failures,
        report.problems,
        report.signature_problems,
    )
    assert report.repacked and "re-packed" in report.repack_note
    assert main(["verify", str(rezipped)]) == 0
    out = capsys.readouterr().out
    assert "1. Files intact: YES" in out and "2. Signature valid: YES" in out
    assert "Note: the ZIP container was re-packed" in out and "INVALID" not in out


def test_a_repacked_package_with_a_changed_file_is_still_caught(exported: Exported, tmp_path: Path) -> None:
    folder = tmp_path / "unzipped"
    subprocess.run(["unzip", "-q", str(exported.result.path), "-d", str(folder)], check=True)
    victim = next((folder / exported.case.reference / "data" / "evidence").rglob("*.png"))
    victim.write_bytes(victim.read_bytes()[:-1] + b"\x00")
    out = tmp_path / "r.zip"
    subprocess.run(["zip", "-q", "-r", str(out), "."], cwd=folder, check=True)
    report = verify_package(out)
    assert not report.intact and not report.valid and report.repacked
    assert [f.kind for f in report.failures] == ["changed"]
    assert report.failures[0].name.endswith(victim.name)


def test_a_local_header_that_disagrees_with_the_directory_is_not_intact(
    exported: Exported, tmp_path: Path
) -> None:
    """Two ZIP readers (streaming vs central directory) would see different contents: never 'intact'."""
    data = bytearray(exported.result.path.read_bytes())
    with zipfile.ZipFile(exported.result.path) as zf:
        info = zf.getinfo(f"{exported.case.reference}/data/summary.pdf")
    data[info.header_offset + 22 : info.header_offset + 26] = (info.file_size + 7).to_bytes(4, "little")
    (tmp_path / "h.zip").write_bytes(bytes(data))
    report = verify_package(tmp_path / "h.zip")
    assert not report.intact and any("described two ways" in p for p in report.problems)


def test_trust_by_certificate_fingerprint_and_settings(exported: Exported, tmp_path: Path) -> None:
    path = exported.result.path
    by_cert = verify_package(path, trust_cert=exported.cert_pem)
    assert by_cert.trusted is True and "trusted one" in by_cert.trust_basis
    by_fp = verify_package(path, fingerprint=exported.identity.fingerprint.replace(":", "").lower())
    assert by_fp.trusted is True and "pinned" in by_fp.trust_basis
    # the organisation's list in the data directory, as the Settings dialog writes it
    data_dir = tmp_path / "data"
    store = load_trust_store(data_dir)
    assert store.anchors().empty
    store.add_fingerprint(exported.identity.fingerprint, "Li Wei (legal)")
    store.save()
    anchors = load_trust_store(data_dir).anchors()
    report = verify_package(path, trust=anchors)
    assert report.trusted is True and "settings" in report.trust_basis
    assert main(["--data-dir", str(data_dir), "verify", str(path), "--require-trust"]) == 0
    # another configured certificate does not make this signer trusted
    other = signing.create_identity(tmp_path / "o", "Mallory", "Evil Ltd.", "long passphrase")
    store = load_trust_store(data_dir)
    assert store.remove(exported.identity.fingerprint)
    store.add_certificate(signing.x509.load_pem_x509_certificate((other.directory / "cert.pem").read_bytes()))
    store.save()
    report = verify_package(path, trust=load_trust_store(data_dir).anchors())
    assert report.valid and report.trusted is False
    assert report.trust_text.startswith("signer not established: the signer 'Li Wei'")
    assert main(["--data-dir", str(data_dir), "verify", str(path)]) == 0  # trust not required
    assert main(["--data-dir", str(data_dir), "verify", str(path), "--require-trust"]) == 1


def test_a_damaged_trust_file_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trust_store_path(tmp_path).write_text('{"format_version": 99}')
    with pytest.raises(TrustStoreError, match="unknown trust settings format"):
        load_trust_store(tmp_path)
    assert main(["--data-dir", str(tmp_path), "verify", str(tmp_path / "x.zip")]) == 2
    assert "trust.json: unknown trust settings format" in capsys.readouterr().err


def test_a_pinned_ca_fingerprint_trusts_the_signers_it_issued(store, tmp_path: Path) -> None:
    from tests.package.test_signing import PASS, make_p12

    _leaf, ca = make_p12(tmp_path / "zhang.p12")
    signing.import_identity(store.data_dir, tmp_path / "zhang.p12", PASS)
    ident = signing.load_identity(store.data_dir, "Zhang San", PASS)
    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    result = export_case(store, case.id, tmp_path / "p.zip", ident, report=report_for(case))
    report = verify_package(result.path, fingerprint=signing.fingerprint(ca))
    assert report.valid and report.trusted is True and "Acme Root CA" in report.trust_basis
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    assert verify_package(result.path, trust_cert=ca_pem).trusted is True


def test_json_output_states_the_three_answers(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", str(exported.result.path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["valid"] is True and doc["exit_code"] == 0 and doc["trust_required"] is False
    assert doc["intact"]["ok"] and doc["intact"]["changed"] == [] and doc["intact"]["files_checked"] > 5
    assert doc["signature"]["cms_over_tag_manifest"] and doc["signature"]["pades_on_summary_pdf"]
    assert doc["signature"]["signer"]["certificate_sha256"] == exported.identity.fingerprint
    assert doc["signer_trusted"] == {
        "trusted": None,
        "state": "not_established",
        "text": NOT_ESTABLISHED,
        "anchors": "",
    }
    assert doc["container"] == {"repacked": False, "note": ""} and doc["timestamp"] is None
    # a removed file: named under "missing", exit 1
    ref = exported.case.reference
    with zipfile.ZipFile(exported.result.path) as src, zipfile.ZipFile(tmp_path / "m.zip", "w") as dst:
        for info in src.infolist():
            if not info.filename.endswith("comparison.pdf"):
                dst.writestr(info, src.read(info))
    assert main(["verify", str(tmp_path / "m.zip"), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["intact"]["ok"] is False and doc["exit_code"] == 1
    assert [m["name"] for m in doc["intact"]["missing"]] == [f"{ref}/data/comparison.pdf"]
    assert doc["container"]["repacked"] is True
