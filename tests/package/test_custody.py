"""The custody log travels in every package: data/custody.jsonl matches the store's chain, and
summary.pdf carries a chain-of-custody page."""

from __future__ import annotations

import io
import json
import zipfile

from pypdf import PdfReader

from desktop_app.core.package.custody import entries_intact, read_custody
from desktop_app.core.store.audit import entry_hash
from tests.package.conftest import Exported


def _custody(exported: Exported) -> tuple[dict, list[dict]]:
    with zipfile.ZipFile(exported.result.path) as zf:
        ref = exported.case.reference
        manifest = zf.read(f"{ref}/manifest-sha256.txt").decode()
        assert "data/custody.jsonl" in manifest  # covered by the manifest, hence by the signature
        return read_custody(zf.read(f"{ref}/data/custody.jsonl"))


def test_custody_jsonl_matches_the_store(exported: Exported) -> None:
    header, entries = _custody(exported)
    store = exported.store
    in_store = {e["id"]: e for e in store.audit.chain()}
    assert entries, "the case's history is in the package"
    for e in entries:
        assert in_store[e["id"]] == e  # same entry, same prev, same hash
        assert entry_hash(e) == e["hash"]
    assert entries_intact(entries) == []
    # every evidence file's import is there, with its hash
    imported = {e["sha256"] for e in entries if e["action"] == "file.import"}
    assert {f.sha256 for _k, f in exported.case.evidence_files()} <= imported
    assert any(e["action"] == "case.create" for e in entries)
    # the head links the slice to the store's chain: it was the store's last entry at export time
    head = header["chain_head"]
    assert in_store[head["id"]]["hash"] == head["hash"]
    assert max(e["id"] for e in entries) <= head["id"]
    # the export itself is logged after the package was written, naming its SHA-256
    exports = [e for e in store.audit.entries(exported.case.id) if e["action"] == "case.export"]
    assert exports[0]["sha256"] == exported.result.sha256 and exports[0]["id"] > head["id"]
    assert store.audit.verify().ok


def test_an_edited_custody_line_no_longer_matches_its_hash(exported: Exported) -> None:
    _header, entries = _custody(exported)
    forged = json.loads(json.dumps(entries))
    forged[0]["actor"] = "someone-else@elsewhere"
    assert entries_intact(forged) == [forged[0]["id"]]


def test_summary_has_a_chain_of_custody_page(exported: Exported) -> None:
    with zipfile.ZipFile(exported.result.path) as zf:
        pdf = PdfReader(io.BytesIO(zf.read(f"{exported.case.reference}/data/summary.pdf")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Chain of custody" in text
    flat = text.replace("\n", "")
    for _kind, f in exported.case.evidence_files():
        assert f.sha256 in flat
    assert "Checks run" in text and "Exports" in text and "Confirmations by hand" in text


def test_audit_verify_ties_a_package_to_the_log_it_came_from(exported: Exported, tmp_path) -> None:
    from tests.core.test_cli import run

    r = run("audit", "verify", "--package", str(exported.result.path), data_dir=exported.data_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    r = run("audit", "verify", "--package", str(exported.result.path), data_dir=tmp_path / "elsewhere")
    assert r.returncode == 1 and "is not in this audit log" in r.stdout
