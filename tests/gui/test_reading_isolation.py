"""The window stays responsive while a hostile file's reader hangs in its worker process, and the file
ends as evidence.unreadable when the time limit passes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop_app.core import worker_pool
from desktop_app.core.model import Case, Complainant, Listing
from desktop_app.core.reading import service
from desktop_app.core.worker_pool import IsolatedPool, Limits
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot
from tests.hostile import readers

pytestmark = pytest.mark.timeout(120)


def test_window_stays_responsive_while_a_reader_hangs(
    qtbot, window, store, tmp_path: Path, monkeypatch
) -> None:

    shot = store.add_file(make_listing_screenshot(ScreenshotSpec(), tmp_path / "listing.png"))
    case = Case(
        complainant=Complainant("Kestreline Apparel Inc."),
        title="Jackets",
        listings=[
            Listing(
                "https://item.taobao.com/item.htm?id=681234567890",
                "taobao",
                "681234567890",
                screenshots=[shot],
            )
        ],
    )
    case_id = store.save_case(case)
    pool = IsolatedPool(workers=1, limits=Limits(seconds=4.0, memory_bytes=512 * 1024**2))
    previous = worker_pool.set_default_pool(pool)
    monkeypatch.setattr(service, "READ_TASK", readers.hang)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    try:
        window.case_list.refresh()
        window.case_list.select_case(case_id)
        panel = window.checks
        timer.start()
        t0 = time.monotonic()
        with qtbot.waitSignal(panel.report_ready, timeout=90000) as report_signal:
            qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        elapsed = time.monotonic() - t0
        timer.stop()
    finally:
        worker_pool.set_default_pool(previous)
        pool.close()
    report = report_signal.args[0]
    unreadable = [f for f in report.findings if f.code == "evidence.unreadable"]
    assert unreadable and "longer than 4 seconds" in unreadable[0].message
    assert elapsed >= 4.0
    # the event loop kept turning the whole time the reader hung: no gap of a second or more
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 4.0 / 0.05 / 4 and max(gaps) < 1.0, (len(ticks), max(gaps))
