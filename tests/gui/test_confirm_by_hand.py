"""Confirm by hand in the rights library: an unreadable certificate blocks, the dialog records the
confirmation through core (audit entry, chain intact), and the case becomes ready."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.checks.engine import check_case
from tests.core.test_confirmation import _folder
from tests.factories.certificates import make_noise_scan_pdf
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot

pytestmark = pytest.mark.ocr
URL = "https://www.aliexpress.com/item/1005006123456789.html"


def _files(root: Path) -> Path:
    make_noise_scan_pdf(root / "noise-scan.pdf")
    spec = ScreenshotSpec(
        url=URL, title="KESTRELINE Men's Waterproof Hooded Jacket Windbreaker", shown_id="1005006123456789"
    )
    make_listing_screenshot(spec, root / "listing.png")
    return root


def test_confirm_by_hand_dialog_makes_the_case_ready(qtbot, window, store, tmp_path: Path) -> None:
    from desktop_app.gui.rights_library import RightsLibraryDialog

    files = _files(tmp_path / "files-src")
    case_id = import_case_folder(store, _folder(tmp_path, files, "noise-scan.pdf", "gui"))
    report = check_case(store, case_id)
    assert [f.code for f in report.blockers] == ["evidence.certificate_unreadable"]
    assert "Confirm by hand" in report.blockers[0].message

    panel = window.checks  # the checks panel shows the blocker and offers what to do
    panel.model.set_report(report)
    panel.tree.expandAll()
    panel.tree.setCurrentIndex(panel.finding_index("evidence.certificate_unreadable"))
    assert not panel.confirm_button.isHidden() and "right confirm" in panel.detail.toPlainText()
    panel.confirm_requested.disconnect()  # the window would open the (modal) library; the test opens it below
    with qtbot.waitSignal(panel.confirm_requested) as asked:
        panel.confirm_button.click()
    assert asked.args[0].code == "evidence.certificate_unreadable"

    case = store.cases.get(case_id)
    dialog = RightsLibraryDialog(window.ctx, window, case_reference=case.reference)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.setCurrentCell(0, 0)
    assert dialog.confirm_button.isEnabled()
    confirm = dialog.confirm_by_hand()
    qtbot.addWidget(confirm)
    assert confirm.viewer.isVisible() and not confirm.record_button.isEnabled()
    for name in ("number", "mark", "owner", "classes"):
        assert confirm.boxes[name].isEnabled()
        confirm.boxes[name].click()
    assert not confirm.expires.isEnabled()
    confirm.boxes["dates"].setChecked(True)
    assert confirm.expires.isEnabled()
    confirm.expires.setDate(QDate(2031, 3, 14))
    with qtbot.waitSignal(confirm.confirmed):
        qtbot.mouseClick(confirm.record_button, Qt.MouseButton.LeftButton)
    assert "confirmed by hand by" in dialog.message.text()

    c = store.confirmations.latest(case.rights[0].id)
    assert c.fields == ("number", "mark", "owner", "classes", "dates") and c.case_id == case_id
    assert any(e["action"] == "right.confirm" for e in store.audit.entries(case_id))
    assert store.audit.verify().ok
    report = check_case(store, case_id)
    assert report.verdict == "ready", [f.message for f in report.blockers]


def test_read_only_case_refuses_in_one_sentence(qtbot, window, store, tmp_path: Path) -> None:
    from desktop_app.core.outcomes import record_submission
    from desktop_app.gui.confirm_dialog import ConfirmByHandDialog

    make_noise_scan_pdf(tmp_path / "noise-scan.pdf")
    (tmp_path / "listing.png").write_bytes(b"")
    files = tmp_path
    make_listing_screenshot(ScreenshotSpec(url=URL, title="KESTRELINE"), files / "listing.png")
    case_id = import_case_folder(store, _folder(tmp_path / "f", files, "noise-scan.pdf", "ro"))
    record_submission(store, case_id, "IPP-9", marketplace="aliexpress")
    right = store.cases.get(case_id).rights[0]
    dialog = ConfirmByHandDialog(window.ctx, right, case_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.boxes["mark"].setChecked(True)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    text = dialog.message.text()
    assert "read-only" in text and "\n" not in text and dialog.isVisible()
    assert store.confirmations.latest(right.id) is None
