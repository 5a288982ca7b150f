"""A broken OCR installation stops the checks with one sentence and caches nothing as unreadable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop_app.core.resources import demo_case_dir

# Runs the real CLI in a process where the OCR package cannot be imported (as on a damaged install).
BROKEN = (
    "import sys; sys.modules['rapidocr_onnxruntime'] = None\n"
    "from desktop_app.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def test_check_refuses_clearly_and_caches_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    r = subprocess.run(
        [sys.executable, "-c", BROKEN, "--data-dir", str(data), "check", str(demo_case_dir())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert "OCR engine cannot be loaded" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1

    from desktop_app.core.store import Store

    with Store(data) as store:
        cached = [row["result"] for row in store.db.query("SELECT result FROM reading_cache")]
        assert all('"unreadable"' not in text for text in cached)
        assert store.last_check(1) is None  # no verdict was recorded from half-read evidence
