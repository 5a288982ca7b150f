"""Checks with progress and findings, export with an identity, verify, outcomes and the dashboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.checks.findings import Severity
from desktop_app.core.model import Case, CaseStatus, Complainant, Listing
from tests.gui.conftest import wait_task

PASS = "correct horse 42"


@pytest.fixture
def case_id(store) -> int:
    case = Case(
        complainant=Complainant("Kestreline Apparel Inc."),
        title="Jackets",
        listings=[Listing("https://item.taobao.com/item.htm?id=681234567890", "taobao", "681234567890")],
    )
    return store.save_case(case)


@pytest.fixture
def identity(data_dir: Path) -> str:
    from desktop_app.core.package.signing import create_identity

    return create_identity(data_dir, "Ann Lee", "Kestreline Apparel Inc.", PASS).name


def test_run_checks_then_click_a_finding_focuses_its_field(qtbot, window, case_id) -> None:
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    panel = window.checks
    with qtbot.waitSignal(panel.report_ready, timeout=60000) as report_signal:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    report = report_signal.args[0]
    assert report.blockers and panel.progress.value() == 1000
    assert "blocker" in panel.summary.text()
    groups = [panel.model.item(i).text() for i in range(panel.model.rowCount())]
    assert groups[0].startswith("Blockers (")
    index = panel.finding_index("case.incomplete")
    finding = panel.model.itemFromIndex(index).data(Qt.ItemDataRole.UserRole + 10)
    assert finding.severity == Severity.BLOCKER
    rect = panel.tree.visualRect(index)
    with qtbot.waitSignal(panel.finding_activated):
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    target = {"rights": window.editor.rights_table, "listings": window.editor.listings_view}[
        finding.field.split("[")[0].split(".")[0]
    ]
    qtbot.waitUntil(lambda: target.hasFocus() or QApp_focus() is target)
    # the case list shows the counts from this run
    window.case_list.refresh()
    summary = window.case_list.model.case_at(window.case_list.model.row_of(case_id))
    assert summary.blockers == len(report.blockers) and summary.status == CaseStatus.NOT_READY


def QApp_focus():  # noqa: N802 - helper for the offscreen platform, where window activation is virtual
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget()


def test_checks_rerun_by_themselves_when_the_case_changes(qtbot, window, case_id) -> None:
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    window.checks.AUTO_RUN_DELAY_MS = 10
    window.checks._auto.setInterval(10)
    with qtbot.waitSignal(window.checks.report_ready, timeout=60000):
        pass  # opening a case schedules a run
    editor = window.editor
    editor.paste_box.setPlainText("https://www.aliexpress.com/item/1005006123456789.html")
    with qtbot.waitSignal(window.checks.report_ready, timeout=60000) as second:
        editor.add_pasted_listings()
    assert any("aliexpress" in f.message or "listings[1]" in f.field for f in second.args[0].findings)


def test_checks_cancel_works(qtbot, window, case_id) -> None:
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    panel = window.checks
    task = panel.run()
    panel.cancel()
    wait_task(qtbot, task)
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert panel.summary.text() in ("Checks cancelled.",) or panel.report is not None


def test_export_then_verify_shows_hash_fingerprint_and_files(
    qtbot, window, store, case_id, identity, tmp_path: Path
) -> None:
    from desktop_app.gui.export_dialog import ExportDialog
    from desktop_app.gui.verify_dialog import VerifyDialog

    dialog = ExportDialog(window.ctx, case_id, window)
    qtbot.addWidget(dialog)
    assert dialog.identity.currentData() == identity
    dialog.passphrase.setText(PASS)
    dialog.out_path.setText(str(tmp_path / "out" / "package.zip"))
    task = dialog.start_export()
    wait_task(qtbot, task)
    assert "blocker" in dialog.status.text()  # refused: the case has blockers
    assert not (tmp_path / "out" / "package.zip").exists()
    dialog.allow_blockers.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_task(qtbot, dialog.task)
    result = dialog.result
    assert result is not None and result.path.is_file()
    text = dialog.status.text()
    assert str(result.path) in text and result.sha256 in text and result.signer_fingerprint in text
    assert not dialog.open_folder.isHidden()
    assert store.get_case(case_id).status == CaseStatus.EXPORTED
    assert window.ctx.prefs.default_identity == identity

    verify = VerifyDialog(window.ctx, window, str(result.path))
    qtbot.addWidget(verify)
    wait_task(qtbot, verify.start())
    assert verify.report.valid and verify.verdict.text().startswith("VALID")
    assert verify.table.rowCount() == len(verify.report.files) > 0
    # a tampered copy is reported file by file
    data = bytearray(result.path.read_bytes())
    data[200] ^= 0xFF
    bad = tmp_path / "tampered.zip"
    bad.write_bytes(bytes(data))
    verify.path.setText(str(bad))
    wait_task(qtbot, verify.start())
    assert not verify.verdict.text().startswith("VALID")


def test_closing_during_export_cancels_and_leaves_no_package(
    qtbot, window, case_id, identity, tmp_path: Path
) -> None:
    from desktop_app.gui.export_dialog import ExportDialog

    dialog = ExportDialog(window.ctx, case_id, window)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASS)
    dialog.allow_blockers.setChecked(True)
    out = tmp_path / "out"
    dialog.out_path.setText(str(out / "package.zip"))
    dialog.show()
    task = dialog.start_export()
    dialog.close_button.click()  # reads "Cancel" while exporting
    dialog.closeEvent(__import__("PySide6.QtGui", fromlist=["QCloseEvent"]).QCloseEvent())
    wait_task(qtbot, task)
    leftovers = list(out.iterdir()) if out.exists() else []
    if dialog.result is None:  # cancelled in time: nothing at all was left behind
        assert leftovers == []
    else:  # the export had already finished: a complete package, never a partial one
        assert leftovers == [out / "package.zip"]


def test_identity_created_on_the_spot(qtbot, window, case_id) -> None:
    from desktop_app.gui.export_dialog import ExportDialog
    from desktop_app.gui.identity_dialog import IdentityDialog

    dialog = ExportDialog(window.ctx, case_id, window)
    qtbot.addWidget(dialog)
    assert dialog.identity.count() == 0 and "identity" in dialog.status.text()
    new = IdentityDialog(window.ctx, "create", dialog)
    qtbot.addWidget(new)
    new.name.setText("Bo Chen")
    new.organisation.setText("Kestreline")
    new.passphrase.setText(PASS)
    new.confirm.setText(PASS + "x")
    assert new.submit() is None and "differ" in new.error.text()
    new.confirm.setText(PASS)
    wait_task(qtbot, new.submit())
    assert new.info is not None and new.info.name == "Bo Chen"
    dialog.reload_identities(select="Bo Chen")
    assert dialog.identity.currentData() == "Bo Chen"


def test_record_outcomes_and_dashboard(qtbot, window, store, case_id) -> None:
    from desktop_app.gui.outcomes_view import DashboardDialog, OutcomeDialog

    declined = OutcomeDialog(window.ctx, case_id, "decided", window)
    qtbot.addWidget(declined)
    assert not declined.submit() and "submitted" in declined.error.text()
    submitted = OutcomeDialog(window.ctx, case_id, "submitted", window)
    qtbot.addWidget(submitted)
    submitted.number.setText("IPP-2026-0042")
    assert submitted.marketplace.text() and submitted.package.currentData() is None  # nothing exported
    submitted.marketplace.setText("Alibaba IPP")
    assert submitted.submit()
    assert store.get_case(case_id).outcome.complaint_number == "IPP-2026-0042"
    [record] = store.submissions.for_case(case_id)
    assert (record["marketplace"], record["complaint_number"]) == ("Alibaba IPP", "IPP-2026-0042")
    decision = OutcomeDialog(window.ctx, case_id, "decided", window)
    qtbot.addWidget(decision)
    decision.declined.setChecked(True)
    assert not decision.submit() and "reason" in decision.error.text()
    decision.reason.setCurrentIndex(decision.reason.findData("insufficient_rights_proof"))
    assert decision.submit()
    assert store.get_case(case_id).status == CaseStatus.DECLINED
    dashboard = DashboardDialog(window.ctx, window)
    qtbot.addWidget(dashboard)
    assert [p.marketplace for p in dashboard.points] == ["taobao"] and dashboard.points[0].rate == 0.0
    assert dashboard.reasons == [("insufficient_rights_proof", 1)]
    assert dashboard.reason_labels == ["Proof of rights insufficient or unreadable"]
    assert dashboard.rate_series_count == 2  # taobao and the 90% threshold line (taobao is Alibaba IPP)
    assert dashboard.point_labels == ["0/1"]  # one decision shows as one, not as a 0% trend


def test_closing_the_main_window_during_export_leaves_no_partial_package(
    qtbot, window, case_id, identity, tmp_path: Path
) -> None:
    from desktop_app.gui.export_dialog import ExportDialog

    dialog = ExportDialog(window.ctx, case_id, window)
    dialog.passphrase.setText(PASS)
    dialog.allow_blockers.setChecked(True)
    out = tmp_path / "out"
    dialog.out_path.setText(str(out / "package.zip"))
    dialog.show()
    task = dialog.start_export()
    window.close()  # cancels background work and waits for the workers to stop
    assert task.done
    leftovers = sorted(out.iterdir()) if out.exists() else []
    assert leftovers in ([], [out / "package.zip"])  # nothing, or a complete package: never a partial file
    if leftovers:
        from desktop_app.core.package.verify import verify_package

        assert verify_package(leftovers[0]).valid


def test_mark_submitted_batch_by_batch(qtbot, window, store) -> None:
    from desktop_app.gui.outcomes_view import OutcomeDialog

    ids = [str(6_000_000_000 + i) for i in range(301)]
    case_id = store.save_case(
        Case(
            complainant=Complainant("Kestreline Apparel Inc."),
            listings=[Listing(f"https://item.taobao.com/item.htm?id={i}") for i in ids],
        )
    )
    dialog = OutcomeDialog(window.ctx, case_id, "submitted", window)
    qtbot.addWidget(dialog)
    labels = [dialog.batch.itemText(i) for i in range(dialog.batch.count())]
    assert labels[0] == "All the case's listings" and "batch 1 of 2 (300 listings)" in labels[1]
    assert "batch 2 of 2 (1 listings)" in labels[2]
    dialog.batch.setCurrentIndex(1)
    dialog.number.setText("IPP-1")
    assert dialog.submit()
    again = OutcomeDialog(window.ctx, case_id, "submitted", window)
    qtbot.addWidget(again)
    labels = [again.batch.itemText(i) for i in range(again.batch.count())]
    assert len(labels) == 2 and labels[0].endswith("filed") and again.batch.currentIndex() == 1
    again.number.setText("IPP-2")
    assert again.submit()
    filed = store.submissions.open_all(case_id)
    assert [(s["batch"], s["complaint_number"]) for s in filed] == [(1, "IPP-1"), (2, "IPP-2")]
    third = OutcomeDialog(window.ctx, case_id, "submitted", window)
    qtbot.addWidget(third)
    third.number.setText("IPP-3")
    assert not third.submit() and "already filed" in third.error.text()
