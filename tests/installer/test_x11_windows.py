"""The X11 probe used by the frozen-build smoke test and the start-up bench, on a real Xvfb and Qt window."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from x11_windows import Xvfb, run_gui_until_shown  # noqa: E402

pytestmark = [
    pytest.mark.xserver,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed"),
]

WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.setWindowTitle(sys.argv[1]); w.resize(640, 480); w.show()
sys.exit(app.exec())
"""


def test_finds_the_process_window_by_pid_and_title_and_closes_it_politely(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "xcb"
    env["XDG_RUNTIME_DIR"] = str(tmp_path)
    tmp_path.chmod(0o700)
    with Xvfb() as xvfb:
        run = run_gui_until_shown(
            [sys.executable, "-c", WINDOW, "Evidence Desk probe"],
            env,
            xvfb.display,
            title="Evidence Desk",
            timeout=60,
            inspect=lambda pid: pid,
        )
        missing = run_gui_until_shown(
            [sys.executable, "-c", "raise SystemExit(3)"],
            env,
            xvfb.display,
            title="Evidence Desk",
            timeout=60,
        )
    assert run.window is not None and run.window.title == "Evidence Desk probe"
    assert (run.window.width, run.window.height) == (640, 480)
    assert run.seconds_to_window is not None and 0 < run.seconds_to_window < 60
    assert isinstance(run.inspected, int) and run.inspected > 0
    assert run.returncode == 0, run.stderr  # WM_DELETE_WINDOW closed the last window: app.exec() returned
    assert missing.window is None and missing.seconds_to_window is None and missing.returncode == 3
