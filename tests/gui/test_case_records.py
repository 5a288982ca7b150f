"""The window shows a case's records: package versions, revisions (viewed read-only), the submission
record; a submitted case is read-only until reopened with a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QPushButton

from desktop_app.core.outcomes import record_submission
from desktop_app.core.package import signing
from desktop_app.core.package.export import export_case
from tests.package.builders import PASSPHRASE, make_case, report_for


def _exported_case(store, tmp_path: Path) -> int:
    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    ident = signing.load_identity(store.data_dir, None, PASSPHRASE)
    out = tmp_path / "out"
    out.mkdir()
    export_case(store, case.id, out, ident, report=report_for(case))
    edited = store.cases.get(case.id)
    edited.title = "second wave"
    store.cases.save(edited)
    export_case(store, case.id, out, ident, report=report_for(edited))
    return case.id


def test_records_panel_lists_versions_revisions_and_locks_a_submitted_case(
    qtbot, window, store, tmp_path: Path
) -> None:
    case_id = _exported_case(store, tmp_path)
    window.case_list.refresh()
    window.editor.load(case_id)
    records = window.editor.records
    assert records.exports.rowCount() == 2
    rows = [[records.exports.item(r, c).text() for c in range(6)] for r in range(2)]
    shas = [e["package_sha256"] for e in store.exports.for_case(case_id)]
    assert [r[0] for r in rows] == ["v1", "v2"] and [r[2] for r in rows] == ["Li Wei", "Li Wei"]
    assert [r[3] for r in rows] == ["1", "2"] and [r[4] for r in rows] == shas
    assert rows[1][5].endswith("-v2.zip")
    assert records.revisions.count() == 2
    assert "Unchanged since revision 2" in records.revision_state.text()
    dialog = records.view_revision(1)
    qtbot.addWidget(dialog)
    shown = dialog.text.toPlainText()
    assert dialog.text.isReadOnly() and "second wave" not in shown
    assert "Title:        Counterfeit ACME shoes" in shown and "Listing 1:" in shown
    dialog.close()
    assert not records.reopen_button.isVisible()

    record_submission(store, case_id, "IPP-42", export_version=2)
    window.editor.load(case_id)
    assert "IPP-42" in records.submission.text() and "package v2" in records.submission.text()
    assert records.reopen_button.isVisible()
    editor = window.editor
    assert editor.title.isReadOnly() and not editor.acceptDrops()
    edit_buttons = [
        b for b in editor.form.findChildren(QPushButton) if not records.isAncestorOf(b) and b.isVisible()
    ]
    library = [b for b in edit_buttons if b.objectName() == "rights_library_button"]
    assert library and library[0].isEnabled()  # the library is not the case
    assert not any(b.isEnabled() for b in edit_buttons if b.objectName() != "rights_library_button")
    assert all(e.isReadOnly() for e in editor.form.findChildren(QLineEdit) if not records.isAncestorOf(e))

    window.case_list.select_case(case_id)
    assert window.case_list.current_case_id() == case_id
    assert not window.case_list.delete_case(confirm=False)  # refused in one sentence, case kept
    assert "read-only" in window.case_list.message.text()
    assert store.cases.get(case_id).reference

    records.ask_reopen()
    reopen = records.dialog
    qtbot.addWidget(reopen)
    assert not reopen.submit()  # no reason: refused, with a sentence
    assert "reason" in reopen.error.text()
    reopen.reason.setText("the marketplace asked for the seller's name")
    with qtbot.waitSignal(records.reopened, timeout=5000):
        assert reopen.submit()
    assert not editor.title.isReadOnly() and editor.acceptDrops()
    assert "Reopened" in records.submission.text() and not records.reopen_button.isVisible()
    qtbot.keyClicks(editor.title, " (corrected)")
    editor.flush()
    assert store.cases.get(case_id).title == "second wave (corrected)"
    [entry] = [e for e in store.audit.entries(case_id) if e["action"] == "case.reopen"]
    assert entry["detail"]["reason"] == "the marketplace asked for the seller's name"
    assert "Edited since revision" in records.revision_state.text()


def test_time_stamp_request_and_attach_from_the_records_panel(qtbot, window, store, tmp_path: Path) -> None:
    from tests.gui.conftest import wait_task
    from tests.package.test_timestamp import make_tsa

    case_id = _exported_case(store, tmp_path)
    window.case_list.refresh()
    window.editor.load(case_id)
    records = window.editor.records
    assert records.exports.rowCount() == 2 and records.selected_package().name.endswith("-v2.zip")
    records.exports.selectRow(0)
    v1 = records.selected_package()
    assert v1.name.endswith("-v1.zip")
    v1_bytes = v1.read_bytes()

    # a response that is not one: one sentence naming the file, nothing written or recorded
    junk = tmp_path / "junk.tsr"
    junk.write_bytes(b"not a time stamp")
    wait_task(qtbot, records.attach_response(junk))
    assert "junk.tsr" in records.stamp_status.text() and "c62828" in records.stamp_status.styleSheet()
    assert records.exports.rowCount() == 2 and len(list(v1.parent.iterdir())) == 2

    records.exports.selectRow(0)
    tsq = records.save_request(tmp_path / "v1.tsq")
    assert tsq is not None and "v1.tsq" in records.stamp_status.text()
    tsr = make_tsa(tmp_path / "tsa").reply(tsq, tmp_path / "v1.tsr")
    records.exports.selectRow(0)
    wait_task(qtbot, records.attach_response(tsr))
    text = records.stamp_status.text()
    assert "Version 3 written" in text and "Test TSA 1" in text and "Version 1 is unchanged" in text, text
    assert records.exports.rowCount() == 3
    assert records.exports.item(2, 0).text() == "v3 (v1 + time stamp)"
    assert records.exports.item(2, 5).text().endswith("-v3.zip")
    assert v1.read_bytes() == v1_bytes
    assert [e["version"] for e in store.exports.for_case(case_id)] == [1, 2, 3]
