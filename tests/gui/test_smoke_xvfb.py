"""Smoke test: the real application in its own process on a real X server (Xvfb, xcb platform).

It opens the demo case, runs the checks (which load the OCR engine in that process), saves a screenshot
to tests/artifacts/ and quits, with nothing at all on stderr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [pytest.mark.xserver, pytest.mark.ocr]


@pytest.fixture
def xvfb():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb) so the xcb smoke test cannot run")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        display = fh.readline().strip()  # Xvfb writes its display number once it accepts clients
    if not display:
        proc.kill()
        pytest.fail("Xvfb did not start")
    yield f":{display}"
    proc.terminate()
    proc.wait(10)


def test_app_opens_demo_case_on_xcb_with_ocr_and_quiet_stderr(xvfb: str, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "main_window_demo.png"
    shot.unlink(missing_ok=True)
    home = tmp_path / "home"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "EVIDENCE_DESK_SCREENSHOT": str(shot),
    }
    (tmp_path / "runtime").mkdir(mode=0o700)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--demo", "--data-dir", str(tmp_path / "data")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert shot.is_file() and shot.stat().st_size > 10_000
    from PIL import Image

    with Image.open(shot) as im:
        assert im.width >= 800 and im.height >= 600
        assert (
            len(im.convert("RGB").resize((64, 64)).getcolors(4096) or []) > 20
        )  # a drawn window, not a blank
