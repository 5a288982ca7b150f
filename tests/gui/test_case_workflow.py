"""Drive the real widgets: create a case from nothing, edit it, add files, paste URLs, manage cases."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from desktop_app.core.model import Case, CaseStatus, Complainant, EvidenceKind, Listing
from desktop_app.core.store import Store
from tests.factories import ScreenshotSpec, make_corrupt_pdf, make_listing_screenshot
from tests.gui.conftest import wait_task

URLS = (
    "https://item.taobao.com/item.htm?id=681234567890\n"
    "https://www.aliexpress.com/item/1005006123456789.html\n"
    "not a url at all\n"
)


def _new_case(qtbot, window) -> int:
    qtbot.mouseClick(window.case_list.new_button, Qt.MouseButton.LeftButton)
    assert window.case_id is not None
    return window.case_id


def test_create_case_from_nothing_is_saved_as_typed(qtbot, window, data_dir: Path) -> None:
    assert window.case_list.model.rowCount() == 0
    case_id = _new_case(qtbot, window)
    editor = window.editor
    assert editor.form.isVisible()
    assert window.case_list.model.rowCount() == 1
    editor.complainant_name.setFocus()
    qtbot.keyClicks(editor.complainant_name, "Kestreline Apparel Inc.")
    qtbot.keyClicks(editor.title, "Jackets on Taobao")
    editor.role.setCurrentIndex(editor.role.findData("agent"))
    editor.flush()
    with Store(data_dir) as other:  # a second connection sees the edits: they were saved, not held
        case = other.get_case(case_id)
    assert case.complainant.name == "Kestreline Apparel Inc."
    assert case.title == "Jackets on Taobao"
    assert str(case.complainant.role) == "agent"
    assert editor.authorization_button.isEnabled()
    window.case_list.refresh()
    summary = window.case_list.model.case_at(0)
    assert summary.title == "Jackets on Taobao" and summary.status == CaseStatus.DRAFT


def test_paste_urls_parses_as_typed_and_marks_invalid(qtbot, window, store) -> None:
    case_id = _new_case(qtbot, window)
    editor = window.editor
    editor.paste_box.setPlainText(URLS)
    rows = [editor.preview_model.row(i) for i in range(editor.preview_model.rowCount())]
    assert [(r[1], r[2], r[3]) for r in rows[:2]] == [
        ("taobao", "681234567890", True),
        ("aliexpress", "1005006123456789", True),
    ]
    assert rows[2][3] is False and rows[2][4]  # invalid, with its reason
    assert (
        editor.preview_model.data(editor.preview_model.index(2, 0), Qt.ItemDataRole.ForegroundRole)
        is not None
    )
    assert editor.add_listings_button.isEnabled()
    qtbot.mouseClick(editor.add_listings_button, Qt.MouseButton.LeftButton)
    assert [x.listing_id for x in store.get_case(case_id).listings] == ["681234567890", "1005006123456789"]
    assert editor.paste_box.toPlainText().strip() == "not a url at all"  # left to be fixed
    assert editor.listings_model.rowCount() == 2


def test_too_many_urls_is_one_clear_sentence(qtbot, window) -> None:
    _new_case(qtbot, window)
    editor = window.editor
    editor.paste_box.setPlainText(
        "\n".join(f"https://item.taobao.com/item.htm?id={10**11 + i}" for i in range(301))
    )
    assert "301" in editor.preview_note.text() and "300" in editor.preview_note.text()
    assert not editor.add_listings_button.isEnabled()


def test_add_files_and_bad_file_error_beside_the_list(qtbot, window, store, tmp_path: Path) -> None:
    case_id = _new_case(qtbot, window)
    editor = window.editor
    editor.paste_box.setPlainText(URLS.splitlines()[1])
    editor.add_pasted_listings()
    shot = make_listing_screenshot(ScreenshotSpec(), tmp_path / "listing.png")
    bad = make_corrupt_pdf(tmp_path / "broken.pdf")
    editor.listings_view.selectRow(0)
    task = editor.add_files([str(shot), str(bad)], EvidenceKind.SCREENSHOT)
    wait_task(qtbot, task)
    case = store.get_case(case_id)
    assert [f.original_name for f in case.listings[0].screenshots] == ["listing.png"]
    error = editor.file_errors.text()
    assert error.startswith("broken.pdf: ") and "Traceback" not in error and "\n" not in error
    assert editor.files_tree.topLevelItemCount() == 1
    qtbot.waitUntil(
        lambda: window.viewer.file is not None and window.viewer.file.original_name == "listing.png"
    )


def test_paste_screenshot_from_clipboard(qtbot, window, store) -> None:
    case_id = _new_case(qtbot, window)
    editor = window.editor
    editor.paste_box.setPlainText(URLS.splitlines()[0])
    editor.add_pasted_listings()
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    task = editor.paste_screenshot()
    wait_task(qtbot, task)
    shots = store.get_case(case_id).listings[0].screenshots
    assert len(shots) == 1 and shots[0].original_name.startswith("pasted-screenshot-")
    assert shots[0].media_type == "image/png"


def test_duplicate_search_filter_and_confirmed_delete_keeps_shared_files(
    qtbot, window, store, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    case_id = _new_case(qtbot, window)
    editor = window.editor
    editor.paste_box.setPlainText(URLS.splitlines()[1])
    editor.add_pasted_listings()
    wait_task(
        qtbot,
        editor.add_files(
            [str(make_listing_screenshot(ScreenshotSpec(), tmp_path / "s.png"))], EvidenceKind.SCREENSHOT
        ),
    )
    qtbot.mouseClick(window.case_list.duplicate_button, Qt.MouseButton.LeftButton)
    copy_id = window.case_id
    assert copy_id != case_id and window.case_list.model.rowCount() == 2
    sha = store.get_case(copy_id).listings[0].screenshots[0].sha256
    window.case_list.search.setText("(copy)")
    assert window.case_list.proxy.rowCount() == 1
    window.case_list.search.clear()
    window.case_list.status_filter.setCurrentIndex(window.case_list.status_filter.findData("accepted"))
    assert window.case_list.proxy.rowCount() == 0
    window.case_list.status_filter.setCurrentIndex(0)
    window.case_list.select_case(copy_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not window.case_list.delete_case()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.case_list.delete_case()
    assert window.case_list.model.rowCount() == 1
    assert store.vault.contains(sha)  # still used by the original case


def test_import_many_case_folders_in_background(qtbot, window, store, tmp_path: Path) -> None:
    from desktop_app.core.case_folder import export_case_folder

    source = store.save_case(
        __import__("desktop_app.core.model", fromlist=["Case"]).Case(
            complainant=__import__("desktop_app.core.model", fromlist=["Complainant"]).Complainant(
                "Acme Ltd"
            ),
            title="Exported",
        )
    )
    export_case_folder(store, source, tmp_path / "one")
    (tmp_path / "bad").mkdir()
    task = window.case_list.import_folders([str(tmp_path / "one"), str(tmp_path / "bad")])
    wait_task(qtbot, task)
    assert window.case_list.model.rowCount() == 2
    message = window.case_list.message.text()
    assert "case.toml" in message and "Traceback" not in message


def test_switch_language_keeps_the_case_open(qtbot, window, prefs) -> None:
    case_id = _new_case(qtbot, window)
    assert window.menuBar().actions()[0].text() == "&File"
    with qtbot.waitSignal(window.language_changed):
        window.set_language("zh_CN")
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.case_list.new_button.text() == "新建"
    assert window.case_list.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    assert window.case_id == case_id
    qtbot.waitUntil(window.editor.form.isVisible)
    assert prefs.language == "zh_CN"
    window.set_language("en")
    assert window.menuBar().actions()[0].text() == "&File"


def test_window_geometry_and_panels_restored(qtbot, store, prefs) -> None:
    from desktop_app.gui.main_window import MainWindow

    first = MainWindow(store, prefs)
    qtbot.addWidget(first)
    first.show()
    first.resize(790, 555)  # within the offscreen platform's 800 x 800 screen
    first.checks_dock.hide()
    first.close()
    second = MainWindow(store, prefs)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (790, 555)
    assert second.checks_dock.isHidden()
    second.close()


def test_drop_files_on_the_editor_adds_them(qtbot, window, store, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    case_id = _new_case(qtbot, window)
    editor = window.editor
    editor.add_kind.setCurrentIndex(editor.add_kind.findData("genuine_photo"))
    photo = make_listing_screenshot(ScreenshotSpec(), tmp_path / "genuine.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    editor.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: editor.files_tree.topLevelItemCount() == 1, timeout=30000)
    assert [f.original_name for f in store.get_case(case_id).genuine_photos] == ["genuine.png"]


def test_a_case_submitted_elsewhere_refuses_the_pending_edit(qtbot, window, store) -> None:
    from desktop_app.core.outcomes import record_submission

    case_id = _new_case(qtbot, window)
    record_submission(store, case_id, "IPP-7")  # e.g. from the outcome dialog or the CLI
    qtbot.keyClicks(window.editor.title, "Still editing")
    window.editor.flush()
    case = store.get_case(case_id)
    assert case.title != "Still editing"  # a submitted case is read-only: the edit is not saved
    assert case.status == CaseStatus.SUBMITTED and case.outcome.complaint_number == "IPP-7"
    assert "read-only" in window.editor.save_error.text()
    assert window.editor.title.isReadOnly() and window.editor.title.text() == case.title


def test_settings_dialog_saves_preferences(qtbot, window, prefs, data_dir) -> None:
    from desktop_app.core.package.signing import create_identity
    from desktop_app.gui.settings_dialog import SettingsDialog

    create_identity(data_dir, "Ann Lee", "Kestreline", "passphrase 1")
    dialog = SettingsDialog(window.ctx, "en", window)
    qtbot.addWidget(dialog)
    assert dialog.data_dir.text() == str(data_dir)
    dialog.identity.setCurrentIndex(dialog.identity.findData("Ann Lee"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    dialog.data_dir.setText(str(data_dir / "elsewhere"))
    dialog.accept()
    assert prefs.default_identity == "Ann Lee"
    assert prefs.data_dir == str(data_dir / "elsewhere")
    assert dialog.language() == "zh_CN"


def test_editing_a_case_deleted_elsewhere_does_not_crash(qtbot, window, store) -> None:
    case_id = _new_case(qtbot, window)
    store.delete_case(case_id)  # e.g. from the command line while the window is open
    qtbot.keyClicks(window.editor.title, "x")
    window.editor.flush()
    assert window.editor.case is None and window.editor.placeholder.isVisibleTo(window.editor)


def test_many_screenshots_dropped_go_to_the_listing_each_shows(qtbot, window, store, tmp_path: Path) -> None:
    ids = ["1005006123456789", "1005006999888777"]
    case_id = store.save_case(
        Case(
            complainant=Complainant("Kestreline Apparel Inc."),
            listings=[Listing(f"https://www.aliexpress.com/item/{lid}.html") for lid in ids],
        )
    )
    shots = [
        make_listing_screenshot(
            ScreenshotSpec(url=f"https://www.aliexpress.com/item/{lid}.html", shown_id=lid),
            tmp_path / f"{n}.png",
        )
        for n, lid in enumerate([ids[1], ids[0], "1005001111222233"])
    ]
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    window.checks.cancel()
    task = window.editor.add_files([str(s) for s in shots], EvidenceKind.SCREENSHOT)
    wait_task(qtbot, task, timeout=180000)
    case = store.get_case(case_id)
    assert [[s.original_name for s in li.screenshots] for li in case.listings] == [["1.png"], ["0.png"]]
    assert [o.original_name for o in case.other_files] == ["2.png"]
    text = window.editor.file_errors.text()
    assert "2 screenshot(s) attached" in text and "1 left to assign" in text and "2.png: not attached" in text
