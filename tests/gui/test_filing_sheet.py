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
