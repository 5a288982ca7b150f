"""Records that hold up: packages are numbered versions never replaced, exported content is frozen as a
revision, a submitted case is read-only until reopened with a reason."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.outcomes import record_decision, record_submission, reopen_case
from desktop_app.core.package import signing
from desktop_app.core.package.export import export_case
from desktop_app.core.package.verify import verify_package
from desktop_app.core.store import CaseLockedError, Store
from tests.core.test_cli import run
from tests.package.builders import PASSPHRASE, make_case, report_for


@pytest.fixture
def setup(store: Store, tmp_path: Path):  # noqa: ANN201
    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    ident = signing.load_identity(store.data_dir, None, PASSPHRASE)

    def export(out: Path):  # noqa: ANN202
        return export_case(store, case.id, out, ident, report=report_for(store.cases.get(case.id)))

    return store, case, export


def test_export_twice_gives_two_versions_both_verify(setup, tmp_path: Path) -> None:
    store, case, export = setup
    out = tmp_path / "out"
    out.mkdir()
    first = export(out)
    second = export(out)
    assert first.path.name == f"{case.reference}-v1.zip" and second.path.name == f"{case.reference}-v2.zip"
    assert (first.version, second.version) == (1, 2)
    assert first.unchanged_since is None and second.unchanged_since == 1
    assert first.revision == second.revision == 1
    assert verify_package(first.path).valid and verify_package(second.path).valid
    rows = store.exports.for_case(case.id)
    assert [(r["version"], r["signer"], r["revision"], r["package_sha256"]) for r in rows] == [
        (1, "Li Wei", 1, first.sha256),
        (2, "Li Wei", 1, second.sha256),
    ]


def test_an_existing_file_is_never_replaced(setup, tmp_path: Path) -> None:
    store, case, export = setup
    target = tmp_path / "mine.zip"
    first = export(target)
    before = target.read_bytes()
    with pytest.raises(UserError, match="already exists and a package is never replaced"):
        export(target)
    assert (
        target.read_bytes() == before and first.sha256 == store.exports.for_case(case.id)[0]["package_sha256"]
    )
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left
    # a folder whose version name is taken gets a suffix, never a replacement
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / f"{case.reference}-v2.zip").write_bytes(b"someone else's file")
    again = export(folder)
    assert again.path.name == f"{case.reference}-v2-2.zip"
    assert (folder / f"{case.reference}-v2.zip").read_bytes() == b"someone else's file"


def test_edit_after_export_makes_a_new_revision_and_the_old_one_stays(setup, tmp_path: Path) -> None:
    store, case, export = setup
    out = tmp_path / "out"
    out.mkdir()
    first = export(out)
    edited = store.cases.get(case.id)
    old_title = edited.title
    edited.title = "Counterfeit ACME shoes, second listing wave"
    store.cases.save(edited)
    assert store.revisions.edited_since(store.cases.get(case.id)) is True
    later = export(out)
    assert later.revision == 2 and later.unchanged_since is None
    assert verify_package(first.path).valid  # the earlier package is untouched and still verifies
    assert store.revisions.get(case.id, 1)["title"] == old_title
    assert store.revisions.get(case.id, 2)["title"] == edited.title
    with pytest.raises(sqlite3.DatabaseError, match="frozen"):
        store.db.execute("UPDATE revisions SET content = '{}'")


def test_submitted_case_is_read_only_until_reopened_with_a_reason(setup, tmp_path: Path) -> None:
    store, case, export = setup
    out = tmp_path / "out"
    out.mkdir()
    export(out)
    export(out)
    record_submission(store, case.id, "IPP-77", at="2026-11-22T10:00:00Z", export_version=1)
    [sub] = store.submissions.for_case(case.id)
    assert (sub["complaint_number"], sub["export_version"], sub["revision"], sub["marketplace"]) == (
        "IPP-77",
        1,
        1,
        "Taobao",
    )
    edited = store.cases.get(case.id)
    edited.title = "changed after submission"
    with pytest.raises(CaseLockedError, match="read-only; reopen it with a reason"):
        store.cases.save(edited)
    with pytest.raises(CaseLockedError):
        store.cases.delete(case.id)
    assert store.cases.get(case.id).title != "changed after submission"
    record_decision(store, case.id, accepted=False, reason="Need a clearer photo")
    assert store.submissions.for_case(case.id)[0]["decision"] == "declined"
    with pytest.raises(CaseLockedError):
        store.cases.save(edited)
    with pytest.raises(UserError, match="reason"):
        reopen_case(store, case.id, "  ")
    reopen_case(store, case.id, "Marketplace asked for a clearer photo")
    store.cases.save(edited)  # editable again
    assert store.cases.get(case.id).title == "changed after submission"
    [reopen] = [e for e in store.audit.entries(case.id) if e["action"] == "case.reopen"]
    assert reopen["detail"]["reason"] == "Marketplace asked for a clearer photo"
    sub = store.submissions.for_case(case.id)[0]
    assert sub["reopen_reason"] == "Marketplace asked for a clearer photo" and sub["decision"] == "declined"
    assert store.audit.verify().ok


def test_cli_show_lists_versions_revisions_and_the_submission(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data) as store:
        case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
        signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
        ident = signing.load_identity(store.data_dir, None, PASSPHRASE)
        out = tmp_path / "out"
        out.mkdir()
        for _ in range(2):
            export_case(store, case.id, out, ident, report=report_for(case))
        edited = store.cases.get(case.id)
        edited.title = "edited after v2"
        store.cases.save(edited)
    r = run("show", case.reference, "--format", "json", data_dir=data)
    assert r.returncode == 0, r.stderr
    shown = json.loads(r.stdout)
    assert [(e["version"], e["revision"], e["signer"]) for e in shown["exports"]] == [
        (1, 1, "Li Wei"),
        (2, 1, "Li Wei"),
    ]
    assert all(
        len(e["sha256"]) == 64 and e["path"].endswith(f"-v{e['version']}.zip") for e in shown["exports"]
    )
    assert shown["edited_since_last_revision"] is True and shown["read_only"] is False
    r = run("show", case.reference, "--revision", "1", data_dir=data)
    assert r.returncode == 0 and "revision 1" in r.stdout and "edited after v2" not in r.stdout
    r = run("submit", case.reference, "--number", "IPP-9", "--package-version", "2", data_dir=data)
    assert r.returncode == 0, r.stderr
    r = run("delete", case.reference, "--yes", data_dir=data)
    assert r.returncode == 2 and "read-only; reopen it with a reason" in r.stderr
    assert r.stderr.count("\n") == 1  # one sentence, no traceback
    r = run("show", case.reference, data_dir=data)
    assert "Package v1:" in r.stdout and "Package v2:" in r.stdout
    assert "complaint IPP-9" in r.stdout and "package v2" in r.stdout and "read-only (submitted)" in r.stdout
    r = run("reopen", case.reference, "--reason", "typo in the title", data_dir=data)
    assert r.returncode == 0, r.stderr
    shown = json.loads(run("show", case.reference, "--format", "json", data_dir=data).stdout)
    assert shown["read_only"] is False and shown["submissions"][0]["reopen_reason"] == "typo in the title"
