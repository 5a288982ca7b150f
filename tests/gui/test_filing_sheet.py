"""The filing sheet in the window: the form's fields in its order, a Copy button each, nothing the checks
did not establish, and no sheet for a case that is not ready."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from desktop_app.core.filing import form_for
from tests.gui.conftest import wait_task


def _open(qtbot, window):  # noqa: ANN001, ANN202
    window.filing_dialog = None
    window.show_filing_sheet()
    wait_task(qtbot, window.checks.task, timeout=120000)
    qtbot.waitUntil(lambda: window.filing_dialog is not None and window.filing_dialog.isVisible())
    dialog = window.filing_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_filing_sheet_for_the_demo_copies_each_field(qtbot, window, store) -> None:
    from desktop_app.core.demo import ensure_demo_case

    case_id = ensure_demo_case(store)
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    dialog = _open(qtbot, window)
    case = store.cases.get(case_id)
    form = form_for("aliexpress")
    assert dialog.choice.count() == 1 and "1" in dialog.choice.currentText()
    assert list(dialog.values) == [f.key for f in form.fields]  # the form's order
    number = dialog.values["ipr"]
    assert isinstance(number, QLineEdit) and number.text() == case.rights[0].registration_number
    statement = dialog.values["statement"]
    assert isinstance(statement, QPlainTextEdit) and "registration No." in statement.toPlainText()
    dialog.copy_buttons["ipr"].click()
    assert QApplication.clipboard().text() == case.rights[0].registration_number
    assert "Copied" in dialog.copied.text()
    dialog.copy_buttons["listings"].click()
    assert QApplication.clipboard().text() == case.listings[0].url
    assert dialog.message.text() == ""


def test_no_sheet_for_a_case_with_a_blocker(qtbot, window, store) -> None:
    from desktop_app.core.model import Case, Complainant, Listing

    case_id = store.save_case(
        Case(
            complainant=Complainant(""),
            listings=[Listing("https://item.taobao.com/item.htm?id=681234567890")],
        )
    )
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    dialog = _open(qtbot, window)
    assert "not ready" in dialog.message.text() and dialog.choice.count() == 0 and dialog.values == {}


def test_the_statement_is_edited_saved_and_reverted_in_the_window(qtbot, window, store) -> None:
    from desktop_app.core.demo import ensure_demo_case

    case_id = ensure_demo_case(store)
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    dialog = _open(qtbot, window)
    editor = dialog.values["statement"]
    generated = editor.toPlainText()
    assert isinstance(editor, QPlainTextEdit) and not editor.isReadOnly()
    assert not dialog.save_button.isEnabled() and not dialog.revert_button.isEnabled()
    assert "Generated from the facts" in dialog.edited_label.text() and not dialog.stale_label.isVisibleTo(
        dialog
    )
    editor.setPlainText("Our own statement about KESTRELINE.")
    assert dialog.save_button.isEnabled()
    assert not dialog.copy_buttons["statement"].isEnabled()  # unsaved typing is never copied as filed
    dialog.save_button.click()
    editor = dialog.values["statement"]  # the sheet is laid out again from the store
    assert editor.toPlainText() == "Our own statement about KESTRELINE."
    assert "Edited by" in dialog.edited_label.text() and store.actor in dialog.edited_label.text()
    assert "except the statement you edited" in dialog.form_name.text()
    assert dialog.revert_button.isEnabled() and not dialog.save_button.isEnabled()
    assert "Statement saved" in dialog.copied.text()
    dialog.copy_buttons["statement"].click()
    assert QApplication.clipboard().text() == "Our own statement about KESTRELINE."
    [latest] = store.statements.latest(case_id).values()
    assert latest.text == "Our own statement about KESTRELINE." and latest.lang == "en"
    dialog.revert_button.click()
    assert dialog.values["statement"].toPlainText() == generated
    assert not dialog.revert_button.isEnabled() and "Generated from the facts" in dialog.edited_label.text()
    history = store.statements.history(case_id, "aliexpress", 1, "en")
    assert [e.text for e in history] == ["Our own statement about KESTRELINE.", None]
    # an empty statement is refused in one sentence, nothing written
    dialog.values["statement"].setPlainText("   ")
    dialog.save_button.click()
    assert (
        "empty" in dialog.message.text()
        and len(store.statements.history(case_id, "aliexpress", 1, "en")) == 2
    )


def test_a_stale_edit_is_warned_about_in_the_window(qtbot, window, store, tmp_path) -> None:
    from desktop_app.core.demo import ensure_demo_case
    from desktop_app.core.store.statements import new_edit

    case_id = ensure_demo_case(store)
    # an edit made from a generated statement the evidence no longer gives
    store.statements.record(
        new_edit(
            store,
            case_id=case_id,
            marketplace="aliexpress",
            form="alibaba_ipp",
            batch=1,
            lang="en",
            text="Written before the evidence changed.",
            generated_sha256="0" * 64,
            listing_ids=("1005006123456789",),
            edited_by="Li Wei",
        )
    )
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    dialog = _open(qtbot, window)
    assert dialog.values["statement"].toPlainText() == "Written before the evidence changed."
    assert dialog.stale_label.isVisibleTo(dialog) and "evidence changed" in dialog.stale_label.text()
    assert dialog.save_button.isEnabled()  # saving it again, reviewed, is how the warning goes away
    dialog.save_button.click()
    assert not dialog.stale_label.isVisibleTo(dialog) and "Edited by" in dialog.edited_label.text()


def test_the_chinese_statement_is_edited_from_an_english_window(qtbot, window, store) -> None:
    from desktop_app.core.demo import ensure_demo_case

    case_id = ensure_demo_case(store)
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    dialog = _open(qtbot, window)
    assert dialog.sheet_language.currentData() == "en" and "registration No." in dialog.value_text(
        "statement"
    )
    dialog.sheet_language.setCurrentIndex(dialog.sheet_language.findData("zh_CN"))
    assert "注册商标" in dialog.value_text("statement") and dialog.values["ipr"].accessibleName().startswith(
        "知识产权"
    )
    dialog.values["statement"].setPlainText("我们的侵权说明。")
    dialog.save_button.click()
    [latest] = store.statements.latest(case_id).values()
    assert (latest.lang, latest.text) == ("zh_CN", "我们的侵权说明。")
    dialog.sheet_language.setCurrentIndex(dialog.sheet_language.findData("en"))
    assert "registration No." in dialog.value_text("statement") and not dialog.revert_button.isEnabled()


def test_upload_files_are_written_off_the_gui_thread_and_the_limit_is_said(
    qtbot, window, store, tmp_path
) -> None:  # noqa: ANN001, E501
    from desktop_app.core.demo import ensure_demo_case

    case_id = ensure_demo_case(store)
    window.case_list.refresh()
    window.case_list.select_case(case_id)
    dialog = _open(qtbot, window)
    assert dialog.upload_button.isEnabled()
    task = dialog.write_upload_files(str(tmp_path / "upload"))
    assert dialog.upload_button.text() == "Cancel writing"  # clicked again while writing, it cancels
    wait_task(qtbot, task, timeout=120000)
    written = sorted(p.name for p in (tmp_path / "upload").iterdir())
    assert written == [f"{store.cases.get(case_id).reference}_alibaba_ipp_batch1of1_evidence.pdf"]
    assert "Wrote 1 upload file(s)" in dialog.copied.text() and "up to 5 MB each" in dialog.copied.text()
    assert dialog.upload_button.text() == "Write upload files…"
    assert window.ctx.prefs.last_folder("upload") == str(tmp_path / "upload")

    task = dialog.write_upload_files(str(tmp_path / "upload"))  # the same names: refused, nothing replaced
    wait_task(qtbot, task, timeout=120000)
    assert "already there" in dialog.copied.text()
    assert sorted(p.name for p in (tmp_path / "upload").iterdir()) == written
