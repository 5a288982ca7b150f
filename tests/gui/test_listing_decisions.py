"""Complaints filed in batches, decided listing by listing in the decision dialog: a table of the
complaint's listings (a model, no widget per row), marked in bulk, recorded through core in one call per
complaint; the dashboard counts the listings; a fresh dialog every time."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.model import Case, CaseStatus, Complainant, Listing
from desktop_app.core.outcomes import record_submission
from scripts.ui_tour import overlapping_children, unmanaged_children

IDS = [str(6_000_000_000 + i) for i in range(301)]


def _filed_case(store) -> int:  # noqa: ANN001
    """301 Taobao listings filed as two complaints: batch 1 (300 listings) and batch 2 (1)."""
    listings = [Listing(f"https://item.taobao.com/item.htm?id={i}") for i in IDS]
    case_id = store.save_case(Case(complainant=Complainant("Kestreline Apparel Inc."), listings=listings))
    record_submission(store, case_id, "IPP-1", marketplace="taobao", batch=1, at="2026-11-02T10:00:00Z")
    record_submission(store, case_id, "IPP-2", marketplace="taobao", batch=2, at="2026-11-02T11:00:00Z")
    return case_id


def _select_rows(dialog, first: int, last: int) -> None:  # noqa: ANN001
    model = dialog.listing_model
    span = QItemSelection(model.index(first, 0), model.index(last, model.columnCount() - 1))
    dialog.listings.selectionModel().select(span, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _decision_dialog(qtbot, window, case_id: int):  # noqa: ANN001, ANN202
    from desktop_app.gui.outcomes_view import OutcomeDialog

    dialog = OutcomeDialog(window.ctx, case_id, "decided", window)
    qtbot.addWidget(dialog)
    return dialog


def test_listing_decisions_recorded_from_the_dialog_and_counted_on_the_dashboard(
    qtbot, window, store
) -> None:
    from desktop_app.gui.outcomes_view import DashboardDialog

    case_id = _filed_case(store)
    dialog = _decision_dialog(qtbot, window, case_id)
    assert dialog.accepted is None and dialog.reason is None  # no whole-case decision for a batched case
    labels = [dialog.complaint.itemText(i) for i in range(dialog.complaint.count())]
    assert labels == [
        "IPP-1 — Taobao, batch 1 of 2 (300 listings, 300 undecided)",
        "IPP-2 — Taobao, batch 2 of 2 (1 listings, 1 undecided)",
    ]
    assert (
        "Complaint IPP-1" in dialog.complaint_info.text() and "batch 1 of 2" in dialog.complaint_info.text()
    )
    model = dialog.listing_model
    assert model.rowCount() == 300
    assert model.index(0, 0).data() == IDS[0]
    assert model.index(0, 1).data() == f"https://item.taobao.com/item.htm?id={IDS[0]}"
    assert model.index(0, 2).data() == "Undecided"

    assert not dialog.submit() and "Mark listings" in dialog.error.text()  # nothing marked yet
    dialog.select_all.click()
    assert dialog.mark_selected(True) == 300
    _select_rows(dialog, 0, 2)
    assert dialog.mark_selected(False) == 0 and "reason" in dialog.error.text()  # a decline needs it
    dialog.mark_reason.setCurrentIndex(dialog.mark_reason.findData("insufficient_rights_proof"))
    dialog.decline_selected.click()
    assert model.index(1, 2).data() == "Declined (not recorded yet)"
    assert model.index(1, 3).data() == "Proof of rights insufficient or unreadable"
    assert "297 marked accepted and 3 marked declined" in dialog.tally.text()
    # marks survive switching to the other complaint and back
    dialog.complaint.setCurrentIndex(1)
    assert model.rowCount() == 1 and model.pending == {}
    dialog.complaint.setCurrentIndex(0)
    assert len(model.pending) == 300
    assert dialog.submit()

    decisions = store.submissions.listing_decisions(case_id)
    assert len(decisions) == 300 and {d["complaint_number"] for d in decisions} == {"IPP-1"}
    declined = [d for d in decisions if d["decision"] == "declined"]
    assert [d["listing_id"] for d in declined] == IDS[:3]
    assert {d["reason"] for d in declined} == {"insufficient_rights_proof"}
    assert store.cases.get(case_id).status == CaseStatus.SUBMITTED  # IPP-2's listing is undecided

    dashboard = DashboardDialog(window.ctx, window)
    qtbot.addWidget(dashboard)
    assert dashboard.tally.text() == (
        "Listings decided one by one: 297 accepted, 3 declined of 300 decided; 1 not decided yet."
    )
    assert [(p.accepted, p.declined) for p in dashboard.points] == [(297, 3)]  # counted per listing

    # a fresh dialog: IPP-1's listings are recorded (and cannot be marked again), IPP-2's still open
    again = _decision_dialog(qtbot, window, case_id)
    assert again.listing_model.index(0, 2).data().startswith("Declined 2026-")
    again.select_all.click()
    assert again.mark_selected(True) == 0  # recorded decisions are not changed
    again.complaint.setCurrentIndex(1)
    again.select_all.click()
    assert again.mark_selected(True) == 1
    assert again.submit()
    assert store.cases.get(case_id).status == CaseStatus.DECLINED  # every listing decided, 3 declined
    dashboard = DashboardDialog(window.ctx, window)
    qtbot.addWidget(dashboard)
    assert "298 accepted, 3 declined of 301 decided; 0 not decided yet" in dashboard.tally.text()
    records = window.editor.records
    records.show_case(case_id, store.cases.get(case_id).reference)
    assert "Batch 1, 300 listings: 297 accepted, 3 declined, 0 undecided." in records.submission.text()


def test_a_300_listing_complaint_opens_quickly_with_no_widget_per_row(
    qtbot, window, store, qtmodeltester
) -> None:
    case_id = _filed_case(store)
    before = len(window.findChildren(QWidget))
    start = time.perf_counter()
    dialog = _decision_dialog(qtbot, window, case_id)
    dialog.show()
    qtbot.waitExposed(dialog)
    elapsed = time.perf_counter() - start
    assert elapsed < 3.0, elapsed  # about 0.1 s on an idle machine
    widgets = dialog.findChildren(QWidget)
    assert len(widgets) < 80, len(widgets)  # the dialog's own controls, nothing per listing
    assert len(window.findChildren(QWidget)) - before == len(widgets) + 1
    assert all(dialog.listings.indexWidget(dialog.listing_model.index(r, 2)) is None for r in range(300))
    qtmodeltester.check(dialog.listing_model)


def test_the_decision_dialog_has_no_stray_widgets_and_none_stay_behind(qtbot, window, store) -> None:
    from desktop_app.gui.outcomes_view import OutcomeDialog

    case_id = _filed_case(store)
    dialog = OutcomeDialog(window.ctx, case_id, "decided", window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unmanaged_children(dialog) == [] and overlapping_children(dialog) == []
    dialog.close()
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(OutcomeDialog) == []

    # from the window: each time a new dialog, deleted when it closes
    window.open_case(case_id)
    assert window.case_id == case_id
    seen: list[OutcomeDialog] = []

    def close_it() -> None:
        open_now = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, OutcomeDialog) and w.isVisible()
        ]
        if not open_now:
            QTimer.singleShot(20, close_it)
            return
        seen.append(open_now[0])
        assert open_now[0].complaint is not None and open_now[0].number is None
        open_now[0].reject()

    for _ in range(2):
        QTimer.singleShot(20, close_it)
        window.show_outcome("decided")
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(seen) == 2 and seen[0] is not seen[1]
    assert window.findChildren(OutcomeDialog) == []


def test_the_listing_decisions_speak_chinese(qtbot, window, store) -> None:
    case_id = _filed_case(store)
    window.set_language("zh_CN")
    dialog = _decision_dialog(qtbot, window, case_id)
    assert dialog.complaint.itemText(0) == "IPP-1 — 淘宝，第 1 批（共 2 批；300 个商品链接，300 个待处理）"
    model = dialog.listing_model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "商品链接编号"
    assert model.index(0, 2).data() == "待处理"
    dialog.select_all.click()
    dialog.mark_reason.setCurrentIndex(dialog.mark_reason.findData("listing_unavailable"))
    dialog.decline_selected.click()
    assert model.index(0, 2).data() == "已驳回（尚未记录）"
    assert model.index(0, 3).data() == "商品链接无效或已下架"
    assert dialog.tally.text().startswith("共 300 个商品链接")
