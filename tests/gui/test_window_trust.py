"""The window a legal team trusts on first use: layout survives a language switch, dialogs carry no
stray widgets, a finding zooms to a readable box, listings are edited in place and removed only after
asking, a start page, the outcomes chart in context."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop_app.core.model import Case, Complainant, EvidenceKind, Listing
from scripts.ui_tour import overlapping_children, unmanaged_children
from tests.factories import ScreenshotSpec, make_listing_screenshot
from tests.gui.conftest import wait_task

TAOBAO = "https://item.taobao.com/item.htm?id=681234567890"
AMAZON = "https://www.amazon.com/dp/B0C1234567"


def when_box_opens(act) -> None:  # noqa: ANN001
    """Call ``act(box)`` once a message box is open (it runs its own event loop)."""

    def poll() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if boxes:
            act(boxes[0])
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def assert_clean(qtbot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unmanaged_children(dialog) == []
    assert overlapping_children(dialog) == []


@pytest.fixture
def case_id(store) -> int:
    return store.save_case(
        Case(
            complainant=Complainant("Kestreline Apparel Inc."),
            title="Jackets",
            listings=[Listing(TAOBAO, "taobao", "681234567890")],
        )
    )


# -- layout -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_language_switch_keeps_the_panels_where_the_user_left_them(qtbot, store, prefs, size) -> None:
    from desktop_app.gui.i18n import LanguageSwitcher
    from desktop_app.gui.main_window import MainWindow

    languages = LanguageSwitcher()
    win = MainWindow(store, prefs, languages)
    qtbot.addWidget(win)
    win.setMaximumSize(*size)
    win.setMinimumSize(*size)  # the offscreen screen is smaller than 1920 x 1080: fix the size
    win.show()
    qtbot.waitExposed(win)
    win.case_list.new_case()
    QApplication.processEvents()
    before = (win.list_dock.width(), win.checks_dock.width(), win.checks_dock.height(), win.editor.width())
    assert win.editor.width() > 0.3 * size[0]
    for language in ("zh_CN", "en", "zh_CN"):
        win.set_language(language)
        QApplication.processEvents()
        after = (win.list_dock.width(), win.checks_dock.width(), win.checks_dock.height(), win.editor.width())
        assert all(abs(a - b) <= 4 for a, b in zip(before, after, strict=True)), (language, before, after)
    assert win.editor.form.isVisible() and win.editor.height() > 0.5 * size[1]
    assert len(win.statusBar().findChildren(QWidget, "last_checks_run")) == 1  # built once, not per switch
    win.close()
    win.runner.shutdown()
    languages.apply("en")


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_editor_needs_no_sideways_scroll(qtbot, store, prefs, case_id, size) -> None:
    from desktop_app.gui.main_window import MainWindow

    win = MainWindow(store, prefs)
    qtbot.addWidget(win)
    win.setFixedSize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.open_case(case_id)
    QApplication.processEvents()
    editor = win.editor
    assert editor.widget().minimumSizeHint().width() <= editor.viewport().width()
    assert not editor.horizontalScrollBar().isVisible()
    assert editor.verticalScrollBar().value() == 0  # a case opens at its top
    win.close()
    win.runner.shutdown()


# -- dialogs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["create", "import"])
def test_identity_dialog_has_only_its_own_widgets(qtbot, window, mode) -> None:
    from desktop_app.gui.identity_dialog import IdentityDialog

    dialog = IdentityDialog(window.ctx, mode, window)
    assert_clean(qtbot, dialog)
    assert dialog.width() >= 560
    assert (dialog.p12 is None) == (mode == "create")


@pytest.mark.parametrize("kind", ["submitted", "decided"])
def test_outcome_dialogs_have_only_their_own_widgets(qtbot, window, store, case_id, kind) -> None:
    from desktop_app.core.outcomes import record_submission
    from desktop_app.gui.outcomes_view import OutcomeDialog

    record_submission(store, case_id, "IPP-1")
    dialog = OutcomeDialog(window.ctx, case_id, kind, window)
    assert_clean(qtbot, dialog)
    if kind == "decided":
        assert dialog.number is None  # the complaint number of the other dialog is not carried over
        codes = [dialog.reason.itemData(i) for i in range(dialog.reason.count())]
        assert codes[0] == "" and "insufficient_rights_proof" in codes and codes[-1] == "other"
    else:
        assert dialog.reason is None and dialog.number.text() == "IPP-1"


def test_other_dialogs_have_no_overlaps(qtbot, window, case_id) -> None:
    from desktop_app.gui.export_dialog import ExportDialog
    from desktop_app.gui.listing_dialog import ListingDialog
    from desktop_app.gui.settings_dialog import SettingsDialog

    for dialog in (
        SettingsDialog(window.ctx, "en", window),
        ExportDialog(window.ctx, case_id, window),
        ListingDialog(Listing(TAOBAO), window),
    ):
        assert_clean(qtbot, dialog)


def test_identity_created_from_export_is_not_asked_again_and_certificate_exports(
    qtbot, window, case_id, tmp_path: Path
) -> None:
    from desktop_app.gui.export_dialog import ExportDialog
    from desktop_app.gui.identity_dialog import IdentityDialog

    export = ExportDialog(window.ctx, case_id, window)
    qtbot.addWidget(export)

    def fill() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, IdentityDialog) and w.isVisible()
        )
        dialog.name.setText("Ann Lee")
        dialog.organisation.setText("Kestreline Apparel Inc.")
        dialog.passphrase.setText("correct horse 42")
        dialog.confirm.setText("correct horse 42")
        dialog.submit()

    QTimer.singleShot(50, fill)
    export._identity_dialog("create")
    assert export.identity.currentData() == "Ann Lee"
    assert export.passphrase.text() == "correct horse 42"
    out = export.export_certificate(str(tmp_path / "ann.pem"))
    assert out and Path(out).read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert "SHA-256" in export.status.text()


def test_delete_case_asks_with_no_as_default(qtbot, window, case_id) -> None:
    window.case_list.refresh()
    window.open_case(case_id)
    seen = {}

    def answer(box: QMessageBox) -> None:
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.No).click()

    when_box_opens(answer)
    assert not window.case_list.delete_case()
    assert seen["default"]


# -- listings ---------------------------------------------------------------------------------------


def test_edit_listing_in_place_rechecks(qtbot, window, store, case_id) -> None:
    from desktop_app.gui.listing_dialog import ListingDialog

    window.open_case(case_id)
    editor = window.editor

    def edit() -> None:
        dialog = editor.listing_dialog
        assert isinstance(dialog, ListingDialog)
        dialog.url.setText("not an address")
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.url.setText(AMAZON)
        assert "B0C1234567" in dialog.parsed.text() and "Amazon" in dialog.parsed.text()
        dialog.title.setText("KESTRELINE jacket")
        dialog.seller.setText("Shop 42")
        dialog.accept()

    QTimer.singleShot(50, edit)
    with qtbot.waitSignal(editor.case_changed):
        assert editor.edit_listing(0)
    listing = store.get_case(case_id).listings[0]
    assert (listing.url, listing.marketplace, listing.listing_id) == (AMAZON, "amazon", "B0C1234567")
    assert (listing.title, listing.seller) == ("KESTRELINE jacket", "Shop 42")
    assert window.checks._auto.isActive() or window.checks.task is not None  # the checks re-run


def test_remove_listing_asks_and_viewer_drops_its_screenshot(
    qtbot, window, store, case_id, tmp_path: Path
) -> None:
    window.open_case(case_id)
    editor = window.editor
    shot = make_listing_screenshot(ScreenshotSpec(), tmp_path / "listing.png")
    wait_task(qtbot, editor.add_files([str(shot)], EvidenceKind.SCREENSHOT))
    qtbot.waitUntil(
        lambda: window.viewer.file is not None and window.viewer.file.original_name == "listing.png"
    )
    editor.listings_view.selectRow(0)

    defaults = []

    def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
        defaults.append(box.defaultButton() is box.button(QMessageBox.StandardButton.No))
        box.button(button).click()

    when_box_opens(lambda box: answer(box, QMessageBox.StandardButton.No))
    assert not editor.remove_listings()
    assert len(store.get_case(case_id).listings) == 1
    when_box_opens(lambda box: answer(box, QMessageBox.StandardButton.Yes))
    assert editor.remove_listings()
    assert store.get_case(case_id).listings == []
    assert window.viewer.file is None  # the removed screenshot is no longer shown
    assert defaults == [True, True]


def test_listing_status_is_red_without_a_screenshot_or_under_a_blocker(qtbot, window, case_id) -> None:
    from desktop_app.core.checks.findings import CheckReport, Finding

    window.open_case(case_id)
    model = window.editor.listings_model
    colour = model.data(model.index(0, 3), Qt.ItemDataRole.DecorationRole)
    assert colour.name() == "#c62828"
    assert "screenshot" in model.data(model.index(0, 3)).lower()
    report = CheckReport(
        case="C-1", findings=[Finding("listing.short_link", "Short link", field="listings[0].url")]
    )
    window.editor.set_report(report)
    assert "1 blocker" in model.data(model.index(0, 3))
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole) == "Short link"
    assert model.data(model.index(0, 1)) == "Taobao"  # display name, not the raw id


# -- viewer -----------------------------------------------------------------------------------------


def test_finding_zooms_to_a_readable_box(qtbot, window, store, case_id, tmp_path: Path) -> None:
    from desktop_app.core.checks.findings import EvidenceRef, Finding

    window.resize(1280, 800)
    window.open_case(case_id)
    shot = make_listing_screenshot(ScreenshotSpec(), tmp_path / "listing.png")
    f = store.add_file(shot)
    box = (40.0, 12.0, 360.0, 30.0)  # a line of the address bar
    finding = Finding(
        "listing.id_mismatch",
        "The address bar shows another id.",
        evidence=(EvidenceRef(f.original_name, f.sha256, 1, box, "item.taobao.com/item.htm?id=1"),),
        params={"file": f.original_name},
    )
    with qtbot.waitSignal(window.viewer.loaded, timeout=30000):
        window.show_finding(finding)
    viewer = window.viewer
    scale = viewer.view.transform().m11()
    scene = viewer.scene.sceneRect()
    fit = min(
        viewer.view.viewport().width() / scene.width(), viewer.view.viewport().height() / scene.height()
    )
    assert scale > fit * 1.2  # zoomed in, not fit to the window
    assert (box[3] - box[1]) * scale >= 30 or (
        box[2] - box[0]
    ) * scale >= 0.85 * viewer.view.viewport().width()
    visible = viewer.visible_scene_rect()
    assert visible.contains(viewer._rect(box).center())


def test_ocr_text_in_a_side_pane_not_over_the_pixels(qtbot, window) -> None:
    viewer = window.viewer
    assert not viewer.ocr_pane.isVisible()


def test_identical_located_rows_say_where(qtbot, window) -> None:
    from desktop_app.core.checks.findings import EvidenceRef, Located

    model = window.checks.model
    rows = [
        Located(
            "mark",
            "KESTRELINE",
            EvidenceRef("listing.png", "a" * 64, 1, (0, 5, 90, 20), "item.taobao.com/item.htm?id=6812"),
        ),
        Located(
            "mark",
            "KESTRELINE",
            EvidenceRef("listing.png", "a" * 64, 1, (0, 80, 90, 99), "KESTRELINE Men's Waterproof Jacket"),
        ),
        Located(
            "mark", "KESTRELINE", EvidenceRef("listing.png", "a" * 64, 1, (300, 400, 390, 420), "KESTRELINE")
        ),
    ]
    texts = [model.located_text(x) for x in rows]
    assert len(set(texts)) == 3
    assert "address bar" in texts[0] and "Waterproof" in texts[1] and "400" in texts[2]


# -- start page and guide ----------------------------------------------------------------------------


def test_start_page_offers_demo_new_import_and_guide(qtbot, window) -> None:
    page = window.editor.start_page
    assert page.isVisible()
    assert set(page.buttons) == {"demo", "new", "import", "guide"}
    qtbot.mouseClick(page.buttons["new"], Qt.MouseButton.LeftButton)
    assert window.case_id is not None and not page.isVisible()
    window.open_case(None)
    assert page.isVisible()
    qtbot.mouseClick(page.buttons["guide"], Qt.MouseButton.LeftButton)
    assert window.guide.isVisible() and "Evidence Desk" in window.guide.browser.toPlainText()
    window.guide.close()


def test_help_menu_opens_the_user_guide_in_chinese(qtbot, window) -> None:
    window.set_language("zh_CN")
    window.actions_by_name["guide"].trigger()
    assert window.guide.isVisible()
    assert "证据" in window.guide.browser.toPlainText()
    window.guide.close()
    window.set_language("en")


def test_paste_with_an_empty_clipboard_says_so(qtbot, window, case_id) -> None:
    from PySide6.QtGui import QGuiApplication

    window.open_case(case_id)
    QGuiApplication.clipboard().clear()
    assert window.editor.paste_screenshot() is None
    assert "clipboard" in window.statusBar().currentMessage()


# -- outcomes ---------------------------------------------------------------------------------------


def test_threshold_line_only_for_alibaba_marketplaces_and_whole_number_ticks(qtbot, window, store) -> None:
    from desktop_app.core.outcomes import record_decision, record_submission
    from desktop_app.gui.outcomes_view import DashboardDialog

    amazon = store.save_case(
        Case(complainant=Complainant("K Inc."), listings=[Listing(AMAZON, "amazon", "B0C1234567")])
    )
    record_submission(store, amazon, "A-1")
    record_decision(store, amazon, False, "no_infringement_found")
    dashboard = DashboardDialog(window.ctx, window)
    qtbot.addWidget(dashboard)
    assert not dashboard.has_threshold_line  # Amazon has no good-faith threshold
    assert "Amazon: 0 of 1 accepted" in dashboard.summary.text()
    assert "90%" not in dashboard.summary.text()
    assert dashboard.reason_axis.tickInterval() == 1 and dashboard.reason_axis.max() == 1
    assert dashboard.reason_labels == ["No infringement found in the listing"]
