"""The demo case end to end in the window: evidence highlighted from check results, OCR overlay, and
the rights library reading a certificate beside its rendered page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent

from desktop_app.core.checks.findings import Located
from tests.gui.conftest import wait_task


@pytest.fixture
def demo_window(qtbot, window, store):
    from desktop_app.core.demo import ensure_demo_case, find_demo_case

    assert find_demo_case(store) is None
    case_id = ensure_demo_case(store)
    assert ensure_demo_case(store) == case_id  # reopened, not imported twice
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    window.checks.cancel()  # the tests run what they need; no automatic OCR run in the background
    return window


def test_first_launch_opens_the_demo_case(qtbot, store, prefs) -> None:
    from desktop_app.gui.main_window import MainWindow

    prefs.first_launch_done = False
    win = MainWindow(store, prefs)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.case_opened, timeout=60000):
        win.open_initial_case(demo=True)
    assert win.editor.case.title.startswith("Counterfeit KESTRELINE")
    assert prefs.first_launch_done
    win.runner.shutdown()


@pytest.mark.ocr
def test_located_evidence_is_highlighted_and_ocr_text_overlaid(qtbot, demo_window) -> None:
    window = demo_window
    with qtbot.waitSignal(window.checks.report_ready, timeout=120000) as ready:
        window.checks.run()
    report = ready.args[0]
    located = [loc for loc in report.located if loc.evidence.box]
    assert located, "the demo case's mark and listing id are found in its screenshot"
    model = window.checks.model
    group = model.item(model.rowCount() - 1)
    index = next(
        group.child(r).index()
        for r in range(group.rowCount())
        if isinstance(group.child(r).data(Qt.ItemDataRole.UserRole + 10), Located)
        and group.child(r).data(Qt.ItemDataRole.UserRole + 10).evidence.box
    )
    with qtbot.waitSignal(window.viewer.loaded, timeout=30000):
        qtbot.mouseClick(
            window.checks.tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=window.checks.tree.visualRect(index).center(),
        )
    highlights = window.viewer.highlight_items()
    assert len(highlights) == 1
    loc = index.data(Qt.ItemDataRole.UserRole + 10)
    x0, y0, x1, y1 = loc.evidence.box
    rect = highlights[0].rect()
    assert rect.contains(x0 * window.viewer.scale_factor + 1, y0 * window.viewer.scale_factor + 1)
    with qtbot.waitSignal(window.viewer.ocr_loaded, timeout=60000):
        window.viewer.ocr_toggle.setChecked(True)
    assert len(window.viewer.ocr_items()) > 3
    window.viewer.ocr_toggle.setChecked(False)
    assert window.viewer.ocr_items() == []


def test_rights_library_reads_certificate_fields_for_confirmation(qtbot, demo_window, store) -> None:
    from desktop_app.core.resources import demo_case_dir
    from desktop_app.gui.rights_library import RightsLibraryDialog

    window = demo_window
    dialog = RightsLibraryDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1  # the demo case's right is already in the library
    wait_task(qtbot, dialog.read_certificate_file(str(demo_case_dir() / "files" / "certificate.pdf")))
    assert dialog.edits["mark"].text() == "KESTRELINE"
    assert dialog.edits["registration_number"].text() == "6123456"
    assert dialog.edits["office"].currentData() == "USPTO"  # shown by its name, kept by its id
    assert dialog.edits["office"].currentText() == "USPTO (United States)"
    assert "already in the library" in dialog.message.text()
    assert "KESTRELINE" in dialog.sources["mark"].text()

    def boxed(focus_label: str | None = None) -> bool:
        """The certificate page is drawn with each read field's source boxed (the focused one first)."""
        items = dialog.viewer.highlight_items()
        if len(items) < 3:
            return False
        return focus_label is None or (
            dialog.viewer.highlights[0].label == focus_label
            and any(i.toolTip() == focus_label for i in items)
        )

    # Another render (the library row shown when the dialog opened) may finish first, so wait for the
    # drawn state itself rather than for the next "loaded" signal.
    qtbot.waitUntil(boxed, timeout=60000)
    assert not dialog.save_button.isEnabled()  # every field must be confirmed or corrected first
    dialog.edits["owner"].setFocus()
    dialog.eventFilter(dialog.edits["owner"], QFocusEvent(QEvent.Type.FocusIn))
    qtbot.waitUntil(lambda: boxed("owner"), timeout=30000)
    for name, box in dialog.confirms.items():
        if name != "owner":
            box.setChecked(True)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.edits["owner"], " (corrected)")  # correcting a field confirms it
    assert dialog.save_button.isEnabled()
    right_id = dialog.save()
    assert right_id is not None and store.get_right(right_id).owner.endswith("(corrected)")
    assert len(store.list_rights()) == 1  # updated in place, reused across cases
