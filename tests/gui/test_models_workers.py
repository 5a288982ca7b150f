"""Item models under pytest-qt's model tester; the worker pool's signals, cancellation and errors."""

from __future__ import annotations

import threading

from desktop_app.core.checks.findings import CheckReport, EvidenceRef, Finding, Located
from desktop_app.core.errors import EvidenceError
from desktop_app.core.model import Case, CaseStatus, Complainant, Listing, Right
from desktop_app.gui.checks_panel import FindingsModel
from desktop_app.gui.models import CaseFilterProxy, CaseTableModel, ListingTableModel
from desktop_app.gui.workers import TaskRunner
from tests.gui.conftest import wait_task


def _cases(store) -> None:
    for i, (mkt, mark) in enumerate(
        [("taobao", "KESTRELINE"), ("amazon", "NORDVIK"), ("ebay", "KESTRELINE")]
    ):
        store.save_case(
            Case(
                complainant=Complainant(f"Owner {i}"),
                title=f"Case {i}",
                rights=[Right("USPTO", f"612345{i}", mark, f"Owner {i}")],
                listings=[Listing(f"https://x/{i}", mkt, str(i))],
            )
        )


def test_case_models_pass_the_model_tester(qtmodeltester, store) -> None:
    _cases(store)
    model = CaseTableModel()
    model.set_cases(store.list_cases())
    qtmodeltester.check(model)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.setFilterFixedString("kestreline")
    assert proxy.rowCount() == 2
    proxy.set_status_filter(str(CaseStatus.DRAFT))
    assert proxy.rowCount() == 2
    proxy.set_status_filter(str(CaseStatus.SUBMITTED))
    assert proxy.rowCount() == 0
    proxy.set_status_filter("")
    proxy.setFilterFixedString("")
    proxy.sort(0)
    assert proxy.rowCount() == 3
    qtmodeltester.check(proxy)


def test_listing_and_findings_models_pass_the_model_tester(qtmodeltester) -> None:
    listings = ListingTableModel()
    listings.set_rows(
        [("https://a", "taobao", "1", True, "OK"), ("junk", "", "", False, "not a web address")]
    )
    qtmodeltester.check(listings)
    findings = FindingsModel()
    ref = EvidenceRef("shot.png", "a" * 64, 1, (1, 2, 30, 40), "KESTRELlNE")
    report = CheckReport(
        "ED-1",
        findings=[
            Finding("mark.variant_found", "variant", evidence=(ref,)),
            Finding("case.incomplete", "no right", field="rights"),
        ],
        located=[Located("mark", "KESTRELINE", ref, 0.9)],
    )
    findings.set_report(report)
    qtmodeltester.check(findings)
    assert [findings.item(i).text() for i in range(findings.rowCount())] == [
        "Blockers (1)",
        "Warnings (1)",
        "Found in the evidence (1)",
    ]


def test_task_reports_progress_result_error_and_cancel(qtbot) -> None:
    runner = TaskRunner()
    seen: list[tuple[float, str]] = []

    def ok(progress, cancel):  # noqa: ANN001
        progress(0.5, "half")
        progress(1.0, "done")
        return threading.get_ident()

    task = runner.start(ok, "ok")
    task.signals.progress.connect(lambda f, label: seen.append((f, label)))
    with qtbot.waitSignal(task.signals.succeeded, timeout=30000) as result:
        pass
    assert result.args[0] != threading.get_ident()  # ran off the GUI thread
    wait_task(qtbot, task)
    assert (1.0, "done") in seen

    def bad(progress, cancel):  # noqa: ANN001
        raise EvidenceError("x.png", "the file is empty")

    task = runner.start(bad, "bad")
    with qtbot.waitSignal(task.signals.failed, timeout=30000) as failed:
        pass
    assert failed.args[0] == "x.png: the file is empty"

    def disk_full(progress, cancel):  # noqa: ANN001 - a real ENOSPC: /dev/full refuses every write
        with open("/dev/full", "wb", buffering=0) as fh:
            fh.write(b"package bytes")

    task = runner.start(disk_full, "Export")
    with qtbot.waitSignal(task.signals.failed, timeout=30000) as failed:
        pass
    assert failed.args[0].startswith("The disk holding") and "nothing was written or kept" in failed.args[0]
    assert "unexpectedly" not in failed.args[0] and "Errno" not in failed.args[0]

    started = threading.Event()

    def slow(progress, cancel):  # noqa: ANN001
        started.set()
        while not cancel.cancelled:
            cancel._event.wait(0.01)
        cancel.raise_if_cancelled()

    task = runner.start(slow, "slow")
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(task.signals.cancelled, timeout=30000):
        task.cancel()
    wait_task(qtbot, task)
    assert runner.active == [] and runner.shutdown(1000)
