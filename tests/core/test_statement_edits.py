"""The infringement statement edited by the user: every save a version of its own (latest wins, revert is a
version too), an audit entry each, never shown as established, stale when the evidence changes after the
edit, and recorded beside the generated statement in the package (complaint.json and summary.pdf)."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pypdf
import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from desktop_app.core.filing import sheet_text
from desktop_app.core.model import CaseStatus
from desktop_app.core.resources import demo_case_dir
from desktop_app.core.statements import (
    StatementError,
    find_sheet,
    revert_statement,
    save_statement,
    sheets_with_edits,
)
from desktop_app.core.store import SCHEMA_VERSION, Store
from tests.core.test_cli import run
from tests.factories.screenshots import make_product_photo


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    root = tmp_path_factory.mktemp("statements")
    store = Store(root / "data")
    case_id = import_case_folder(store, demo_case_dir())
    assert check_case(store, case_id).verdict == "ready"
    yield store, case_id, root
    store.close()


@pytest.fixture
def demo(demo_store):  # noqa: ANN001, ANN201
    """A fresh copy of the ready demo case (its files are read once, for the module)."""
    store, case_id, root = demo_store
    copy = store.cases.duplicate(case_id)
    report = check_case(store, copy)
    assert report.verdict == "ready"
    return store, store.cases.get(copy), report, root


def test_each_save_is_a_version_latest_wins_and_revert_keeps_the_history(demo) -> None:  # noqa: ANN001
    store, case, report, _root = demo
    assert store.schema_version == SCHEMA_VERSION >= 7
    sheet = find_sheet(store, case, report)
    generated = sheet.statement["en"]
    first = save_statement(store, case, sheet, "en", "First words.", edited_by="Li Wei (Acme Brand Ltd.)")
    second = save_statement(store, case, first.sheet, "en", "Second words.\r\nWith a line.")
    assert first.changed and second.changed
    rows = store.db.execute(
        "SELECT text FROM statement_edits WHERE case_id = ? ORDER BY id", [case.id]
    ).fetchall()
    assert [r[0] for r in rows] == ["First words.", "Second words.\nWith a line."]
    [after] = sheets_with_edits(store, case, report)
    assert after.statement["en"] == "Second words.\nWith a line." and after.generated["en"] == generated
    assert after.statement["zh_CN"] == after.generated["zh_CN"]  # one language edited, the other not
    assert after.edits["en"].edited_by == store.actor  # no identity here: the login, like an audit actor
    # the same text again changes nothing; the generated text is a revert
    assert not save_statement(store, case, after, "en", "Second words.\nWith a line.").changed
    back = save_statement(store, case, after, "en", generated)
    assert back.changed and back.edit.reverted and back.sheet.statement["en"] == generated
    assert not revert_statement(store, case, back.sheet, "en").changed  # nothing in force to revert
    history = store.statements.history(case.id, sheet.marketplace, sheet.batch, "en")
    assert [e.text for e in history] == ["First words.", "Second words.\nWith a line.", None]
    assert history[0].edited_by == "Li Wei (Acme Brand Ltd.)"
    assert {e.generated_sha256 for e in history} == {hashlib.sha256(generated.encode()).hexdigest()}
    actions = [e["action"] for e in store.audit.entries(case.id) if "statement" in e["action"]]
    assert actions == ["case.statement_edit", "case.statement_edit", "case.statement_revert"]
    assert store.audit.verify().ok
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        store.db.execute("UPDATE statement_edits SET text = 'x' WHERE case_id = ?", [case.id])
    with pytest.raises(StatementError, match="empty"):
        save_statement(store, case, back.sheet, "en", "  \n ")


def test_an_edit_is_never_shown_as_established_and_goes_stale_when_the_evidence_changes(demo) -> None:  # noqa: ANN001
    store, case, report, root = demo
    sheet = find_sheet(store, case, report, "aliexpress", 1)
    saved = save_statement(store, case, sheet, "zh_CN", "我们自己的陈述。")
    fields = {f.key: f for f in saved.sheet.fields("zh_CN")}
    assert fields["statement"].value == "我们自己的陈述。"
    assert fields["statement"].edited and not fields["statement"].established
    assert "由用户编辑" in fields["statement"].source
    en = {f.key: f for f in saved.sheet.fields("en")}["statement"]
    assert en.established and not en.edited  # the English one is still the generated statement
    assert "[用户已编辑]" in sheet_text(saved.sheet, "zh_CN") and saved.sheet.stale == {"zh_CN": False}
    # the evidence changes after the edit: the statement generated now differs from the one edited from
    photo = store.files.add(make_product_photo(root / f"genuine-{case.id}.jpg"))
    case.genuine_photos.append(photo)
    store.cases.save(case)
    report = check_case(store, case.id)
    case = store.cases.get(case.id)
    stale = find_sheet(store, case, report)
    assert stale.statement["zh_CN"] == "我们自己的陈述。" and stale.stale == {"zh_CN": True}
    assert "comparison.pdf" in stale.generated["zh_CN"]
    assert "has since changed" in sheet_text(stale, "en") and "此后已改变" in sheet_text(stale, "zh_CN")
    assert stale.to_json("en")["stale"] == {"zh_CN": True}
    # saving it again (reviewed) starts it from the generated statement as it is now
    again = save_statement(store, case, stale, "zh_CN", "我们自己的陈述。")
    assert again.changed and again.sheet.stale == {"zh_CN": False} and not again.sheet.statement_notes()
    with pytest.raises(StatementError, match="no batch 2"):
        find_sheet(store, case, report, "aliexpress", 2)
    with pytest.raises(StatementError, match="Unknown statement language"):
        save_statement(store, case, again.sheet, "fr", "x")


def test_a_submitted_case_keeps_its_statements(demo) -> None:  # noqa: ANN001
    store, case, report, _root = demo
    sheet = find_sheet(store, case, report)
    store.cases.set_status(case.id, CaseStatus.SUBMITTED)
    with pytest.raises(StatementError, match="kept as they were filed"):
        save_statement(store, case, sheet, "en", "Too late.")
    assert store.statements.latest(case.id) == {}


def test_the_package_records_the_statement_as_filed_and_as_generated(demo) -> None:  # noqa: ANN001
    from desktop_app.core.package import signing
    from desktop_app.core.package.export import export_case
    from desktop_app.core.package.verify import verify_package
    from tests.package.builders import PASSPHRASE

    store, case, report, root = demo
    sheet = find_sheet(store, case, report)
    generated = dict(sheet.generated)
    saved = save_statement(store, case, sheet, "en", "KESTRELINE jackets are sold without a licence.")
    # the zh_CN edit is made from a generated statement the evidence no longer gives: stale at export
    stale_from = save_statement(store, case, saved.sheet, "zh_CN", "未经授权销售。").edit
    photo = store.files.add(make_product_photo(root / f"genuine-{case.id}.jpg"))
    case.genuine_photos.append(photo)
    store.cases.save(case)
    report = check_case(store, case.id)
    again = find_sheet(store, case, report)
    saved = save_statement(store, case, again, "en", "KESTRELINE jackets are sold without a licence.")
    assert again.stale == {"en": True, "zh_CN": True} and saved.sheet.stale == {"en": False, "zh_CN": True}

    if not (store.data_dir / "identities").exists():
        signing.create_identity(store.data_dir, "Li Wei", "Acme Brand Ltd.", PASSPHRASE)
    identity = signing.load_identity(store.data_dir, None, PASSPHRASE)
    result = export_case(store, case.id, root / f"out-{case.id}.zip", identity, report=report)
    assert result.verdict == "ready" and verify_package(result.path).valid
    with zipfile.ZipFile(result.path) as zf:
        doc = json.loads(zf.read(f"{case.reference}/data/complaint.json"))
        pdf = zf.read(f"{case.reference}/data/summary.pdf")
        custody = zf.read(f"{case.reference}/data/custody.jsonl").decode()
    assert doc["format_version"] == "1.1"
    [filing] = doc["filing"]
    assert filing["statement"]["en"] == "KESTRELINE jackets are sold without a licence."
    assert filing["statement"]["zh_CN"] == "未经授权销售。"
    assert filing["statement_generated"]["en"] != generated["en"]  # today's generated text, photo included
    assert "comparison.pdf" in filing["statement_generated"]["en"]
    assert set(filing["edited"]) == {"en", "zh_CN"}
    assert filing["edited"]["zh_CN"] == {"at": stale_from.edited_at, "by": stale_from.edited_by}
    assert filing["stale"] == {"zh_CN": True}
    assert custody.count('"action":"case.statement_edit"') == 3
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "KESTRELINE jackets are sold without a licence." in flat
    assert "The English statement above was edited by the user" in flat
    assert f"({stale_from.edited_by}, {saved.edit.edited_at})" in flat
    assert "filing[].statement_generated" in flat
    assert "Stale: the Chinese statement" in flat
    assert "statement (aliexpress batch 1, en) edited by" in flat  # the chain-of-custody page
    # the case's content is the same, but a statement saved since: the next version is not "unchanged"
    reverted = revert_statement(store, case, saved.sheet, "en")
    assert reverted.changed
    second = export_case(store, case.id, root / f"out-{case.id}-2.zip", identity, report=report)
    assert second.revision == result.revision and second.unchanged_since is None
    with zipfile.ZipFile(second.path) as zf:
        [filing] = json.loads(zf.read(f"{case.reference}/data/complaint.json"))["filing"]
    assert filing["statement"]["en"] == filing["statement_generated"]["en"] and set(filing["edited"]) == {
        "zh_CN"
    }


def test_cli_filing_statement_round_trip(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run("import", str(demo_case_dir()), data_dir=data).returncode == 0
    text = tmp_path / "statement.txt"
    text.write_text("Our statement.\nSecond line.\n", encoding="utf-8")
    saved = run("filing-statement", "1", "--lang", "en", "--set-file", str(text), data_dir=data)
    assert saved.returncode == 0, saved.stderr
    assert "Saved" in saved.stdout and "Our statement.\nSecond line." in saved.stdout
    sheet = run("filing-sheet", "1", data_dir=data)
    assert sheet.returncode == 0, sheet.stderr
    assert "[EDITED BY THE USER]" in sheet.stdout and "    Our statement." in sheet.stdout
    js = run("filing-sheet", "1", "--format", "json", data_dir=data)
    [doc] = json.loads(js.stdout)
    assert doc["statement"]["en"] == "Our statement.\nSecond line." and doc["edited"]["en"]["by"]
    assert doc["stale"] == {} and "registration No." in doc["statement_generated"]["en"]
    assert [f for f in doc["fields"] if f["key"] == "statement"][0]["established"] is False
    shown = run("filing-statement", "1", "--show", "--format", "json", data_dir=data)
    got = json.loads(shown.stdout)["statements"]
    assert [v["text"] for v in got["en"]["history"]] == ["Our statement.\nSecond line."]
    assert got["zh_CN"]["edited"] is None and got["zh_CN"]["history"] == []
    reverted = run("filing-statement", "1", "--lang", "en", "--revert", data_dir=data)
    assert reverted.returncode == 0 and "generated statement is filed again" in reverted.stdout
    shown = run("filing-statement", "1", "--show", "--lang", "en", data_dir=data)
    assert "reverted to the generated statement" in shown.stdout and "History (2 versions)" in shown.stdout
    bad = run("filing-statement", "1", "--set-file", str(text), data_dir=data)
    assert bad.returncode == 2 and "--lang" in bad.stderr
    bad = run("filing-statement", "1", "--lang", "en", "--batch", "3", "--revert", data_dir=data)
    assert bad.returncode == 2 and "no batch 3" in bad.stderr and "Traceback" not in bad.stderr


def test_a_database_from_before_statement_edits_is_upgraded(tmp_path: Path) -> None:
    import sqlite_utils

    from desktop_app.core.store.schema import MIGRATIONS

    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "cases.db")
    db = sqlite_utils.Database(conn)
    for migrate in MIGRATIONS[:6]:
        migrate(db)
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with Store(data) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert "statement_edits" in store.db.table_names() and store.statements.latest(1) == {}
